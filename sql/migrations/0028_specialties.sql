-- 專長登錄申請 / 專長瀏覽 (issue 11, 第5條): the administrator keeps the list of specialties; a
-- teacher applies with the certificate (and optionally its PDF, stored under files_dir); the
-- 總負責人 of the teacher's unit approves or returns it with a reason.
CREATE TABLE specialty (
  id SMALLINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(60) NOT NULL UNIQUE,
  active BOOLEAN NOT NULL DEFAULT TRUE
) ENGINE=InnoDB;

CREATE TABLE specialty_application (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  teacher_id INT UNSIGNED NOT NULL,
  unit_id INT UNSIGNED NOT NULL,                 -- the teacher's unit when applying: whose 總負責人 decides
  specialty_id SMALLINT UNSIGNED NOT NULL,
  certificate_name VARCHAR(100) NOT NULL,
  certificate_no VARCHAR(60) NOT NULL,
  certificate_date DATE NOT NULL,
  file_stored_name VARCHAR(80) CHARACTER SET ascii NULL,
  state ENUM('pending','approved','returned') NOT NULL DEFAULT 'pending',
  reason VARCHAR(300) NULL,
  decided_by INT UNSIGNED NULL,
  decided_at DATETIME NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY (teacher_id) REFERENCES teacher (id) ON DELETE CASCADE,
  FOREIGN KEY (unit_id) REFERENCES unit (id),
  FOREIGN KEY (specialty_id) REFERENCES specialty (id),
  FOREIGN KEY (decided_by) REFERENCES business_account (id),
  KEY (unit_id, state),
  KEY (teacher_id)
) ENGINE=InnoDB;
