-- The teacher's 研習紀錄 (issue 9): the yearly hours an attribute tag mandates, set by the
-- administrator (特殊教育 3, 家庭教育 4, 幼兒園教保 18 for kindergarten staff), and 申請更正 on the
-- no-show light (SPEC §6, §11): a teacher asks the organizer to check a roster. One open request
-- per enrolment: open_enrolment_id is NULL once resolved, so a later request may follow.
ALTER TABLE tag
  ADD COLUMN yearly_hours_required SMALLINT UNSIGNED NULL,  -- NULL: the tag mandates nothing
  ADD COLUMN applies_to ENUM('all','kindergarten') NOT NULL DEFAULT 'all';

CREATE TABLE correction_request (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  enrolment_id BIGINT UNSIGNED NOT NULL,
  reason VARCHAR(300) NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  resolved_at DATETIME NULL,
  open_enrolment_id BIGINT UNSIGNED AS (IF(resolved_at IS NULL, enrolment_id, NULL)) PERSISTENT,
  UNIQUE KEY one_open_request (open_enrolment_id),
  KEY (enrolment_id),
  FOREIGN KEY (enrolment_id) REFERENCES enrolment (id)
) ENGINE=InnoDB;

-- 「已送出更正申請」 shows on the teacher's cached homepage (teacher.home_version), and the records
-- page, cached the same way, shows the masked 身分證字號 and the kindergarten staff's progress.
DELIMITER //
DROP TRIGGER teacher_updated//
CREATE TRIGGER teacher_updated BEFORE UPDATE ON teacher FOR EACH ROW
BEGIN
  IF NOT (NEW.name <=> OLD.name AND NEW.unit_id <=> OLD.unit_id AND NEW.title_name <=> OLD.title_name
          AND NEW.employment <=> OLD.employment AND NEW.employment_note <=> OLD.employment_note
          AND NEW.national_id <=> OLD.national_id
          AND NEW.is_kindergarten_staff <=> OLD.is_kindergarten_staff) THEN
    SET NEW.home_version = OLD.home_version + 1;
  END IF;
END//
CREATE TRIGGER correction_request_added AFTER INSERT ON correction_request FOR EACH ROW
  UPDATE teacher SET home_version = home_version + 1
   WHERE id = (SELECT teacher_id FROM enrolment WHERE id = NEW.enrolment_id)//
CREATE TRIGGER correction_request_resolved AFTER UPDATE ON correction_request FOR EACH ROW
  UPDATE teacher SET home_version = home_version + 1
   WHERE id = (SELECT teacher_id FROM enrolment WHERE id = NEW.enrolment_id)//
DELIMITER ;
