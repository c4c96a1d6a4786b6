-- Rosters and study records (SPEC §5). A roster line says how it came in and whether its hours
-- were typed rather than computed by 第10條 from attendance (the reviewer sees why); attendance of
-- a course of several sessions is kept per session. A study record is written once, when its
-- roster is approved (or a partner reports it), and never changed: a correction is a new record
-- of the same teacher and course with the next correction_no, linking the record it corrects, its
-- reason and who made it. verify_code is what the 研習證明 prints and /verify/{code} finds.
ALTER TABLE roster_entry
  ADD COLUMN source ENUM('enrolment','single','upload') NOT NULL DEFAULT 'enrolment' AFTER teacher_id,
  ADD COLUMN hours_typed BOOLEAN NOT NULL DEFAULT FALSE AFTER hours,
  ADD COLUMN hours_reason VARCHAR(200) NULL AFTER hours_typed,
  ADD COLUMN updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP;

CREATE TABLE roster_attendance (
  roster_entry_id BIGINT UNSIGNED NOT NULL,
  session_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (roster_entry_id, session_id),   -- a row means present at that session
  FOREIGN KEY (roster_entry_id) REFERENCES roster_entry (id) ON DELETE CASCADE,
  FOREIGN KEY (session_id) REFERENCES course_session (id)
) ENGINE=InnoDB;

ALTER TABLE study_record
  ADD COLUMN correction_no TINYINT UNSIGNED NOT NULL DEFAULT 0 AFTER course_id,
  ADD COLUMN corrects_id BIGINT UNSIGNED NULL AFTER correction_no,
  ADD COLUMN correction_reason VARCHAR(300) NULL AFTER corrects_id,
  ADD COLUMN created_by INT UNSIGNED NULL AFTER correction_reason,
  ADD COLUMN verify_code CHAR(12) CHARACTER SET ascii NULL AFTER completed_on,
  DROP KEY one_record_per_course,
  ADD UNIQUE KEY one_record_per_course (teacher_id, course_id, correction_no),
  ADD UNIQUE KEY verify_code (verify_code),
  ADD CONSTRAINT record_corrects FOREIGN KEY (corrects_id) REFERENCES study_record (id),
  ADD CONSTRAINT record_created_by FOREIGN KEY (created_by) REFERENCES business_account (id);

-- Records issued before this migration get their verification codes now.
UPDATE study_record SET verify_code = UPPER(LEFT(SHA2(CONCAT(id, RAND()), 256), 12))
 WHERE verify_code IS NULL;

DELIMITER //
DROP TRIGGER study_record_updated//
CREATE TRIGGER study_record_unchangeable BEFORE UPDATE ON study_record FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'study records are never changed; add a correction'//
DELIMITER ;
