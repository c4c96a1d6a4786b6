-- 全國教保資訊網's nightly file (issue 10): each run of a file and what it did, kept so that the
-- administrator and a kindergarten's 總負責人 see the last run. A file refused whole has its run
-- and no lines; a run keeps the lines it changed, skipped (異動待審) or refused, and only the
-- count of those already so. A 身分證字號 is kept masked only.
CREATE TABLE kindergarten_feed_run (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  started_by ENUM('scheduler','hand') NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  outcome ENUM('applied','rejected') NOT NULL,
  error VARCHAR(500) NULL,                  -- why a rejected file changed nothing
  rows_read INT UNSIGNED NOT NULL DEFAULT 0,
  changed INT UNSIGNED NOT NULL DEFAULT 0,
  unchanged INT UNSIGNED NOT NULL DEFAULT 0,
  skipped INT UNSIGNED NOT NULL DEFAULT 0,
  refused INT UNSIGNED NOT NULL DEFAULT 0,
  KEY (started_by, started_at)
) ENGINE=InnoDB;

CREATE TABLE kindergarten_feed_line (
  run_id INT UNSIGNED NOT NULL,
  line_no INT UNSIGNED NOT NULL,
  outcome ENUM('changed','skipped','refused') NOT NULL,
  reason VARCHAR(40) CHARACTER SET ascii NULL,   -- refused: domain::feed_reason_label
  masked_id VARCHAR(10) CHARACTER SET ascii NOT NULL,
  name VARCHAR(50) NOT NULL,
  unit_code VARCHAR(10) NOT NULL,
  unit_id INT UNSIGNED NULL,                     -- the row's kindergarten when it is one
  teacher_id INT UNSIGNED NULL,
  detail VARCHAR(300) NULL,                      -- changed: what, as audited
  PRIMARY KEY (run_id, line_no),
  KEY (unit_id, run_id),
  FOREIGN KEY (run_id) REFERENCES kindergarten_feed_run (id) ON DELETE CASCADE
) ENGINE=InnoDB;
