-- Course review (SPEC §3): the reasons a reviewer may give, kept by the administrator.
CREATE TABLE return_reason (
  id SMALLINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  label VARCHAR(100) NOT NULL UNIQUE,       -- shown and mailed as written, e.g. 「A. 請移除屬性標籤」
  needs_text BOOLEAN NOT NULL DEFAULT FALSE,  -- 「其他」 asks the reviewer to explain
  active BOOLEAN NOT NULL DEFAULT TRUE,
  sort_order SMALLINT NOT NULL DEFAULT 0
) ENGINE=InnoDB;

INSERT INTO return_reason (label, needs_text, sort_order) VALUES
  ('A. 請移除屬性標籤', FALSE, 10),
  ('B. 依據文號缺漏或錯誤', FALSE, 20),
  ('C. 研習名稱、大綱、時間或地點不完整', FALSE, 30),
  ('D. 班別性質錯誤', FALSE, 40),
  ('E. 參加對象錯誤', FALSE, 50),
  ('F. 聯絡人資料不完整', FALSE, 60),
  ('G. 重複登錄', FALSE, 70),
  ('H. 屬第9條不予採計之研習活動', FALSE, 80),
  ('Z. 其他', TRUE, 90);

-- Reasons of a transition, one row each, so the organizer's page and the e-mail list them.
CREATE TABLE course_history_reason (
  history_id BIGINT UNSIGNED NOT NULL,
  reason_id SMALLINT UNSIGNED NOT NULL,
  PRIMARY KEY (history_id, reason_id),
  FOREIGN KEY (history_id) REFERENCES course_history (id),
  FOREIGN KEY (reason_id) REFERENCES return_reason (id)
) ENGINE=InnoDB;

-- Who moved a course between organizers, and why (課程移轉).
CREATE TABLE course_transfer (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  course_id INT UNSIGNED NOT NULL,
  from_account_id INT UNSIGNED NOT NULL,
  to_account_id INT UNSIGNED NOT NULL,
  by_account_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY (course_id) REFERENCES course (id),
  FOREIGN KEY (from_account_id) REFERENCES business_account (id),
  FOREIGN KEY (to_account_id) REFERENCES business_account (id),
  FOREIGN KEY (by_account_id) REFERENCES business_account (id)
) ENGINE=InnoDB;

-- 第11條 routing needs to know which review units play which part, and a few facts of a unit
-- beyond its level and ownership. unit.review_unit_id stays as the administrator's override.
ALTER TABLE unit
  ADD COLUMN review_role ENUM('national_centre', 'county_bureau', 'recognition_panel') NULL
    AFTER is_review_unit,
  ADD COLUMN recognised_by_article3 BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN has_legal_person BOOLEAN NOT NULL DEFAULT TRUE,
  ADD COLUMN community_college BOOLEAN NOT NULL DEFAULT FALSE;
