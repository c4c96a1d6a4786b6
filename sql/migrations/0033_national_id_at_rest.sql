-- 身分證字號 at rest (SECURITY-CATALOGUE §4.5 P3): the number is kept only sealed with AES-256-GCM
-- (national_id_enc: key version | nonce | ciphertext | tag) beside its HMAC-SHA-256
-- (national_id_hmac, lower-case hex) that every lookup uses; both keys live in var/secrets, which
-- SQL cannot read. So `portal-tool pii-migrate`, run by nginx/portalctl right after the migrations
-- and the demo data, seals every row still holding national_id and sets that column to NULL;
-- national_id stays only as the intake of bulk loads (sql/demo.sql) and is NULL after every start.
ALTER TABLE teacher
  MODIFY national_id CHAR(10) CHARACTER SET ascii NULL,
  ADD COLUMN national_id_hmac CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER national_id,
  ADD COLUMN national_id_enc VARBINARY(64) NULL AFTER national_id_hmac,
  ADD UNIQUE KEY uq_teacher_national_id_hmac (national_id_hmac),
  -- A row holds its number in exactly one form: plain (before pii-migrate) or sealed and keyed.
  ADD CONSTRAINT national_id_one_form CHECK (IF(national_id IS NULL,
    national_id_hmac IS NOT NULL AND national_id_enc IS NOT NULL,
    national_id_hmac IS NULL AND national_id_enc IS NULL));

-- Failed logins were keyed by an unkeyed SHA-256 of the account, a 身分證字號 for teachers: the
-- portal now keys them with the HMAC. The old rows only count for 15 minutes anyway.
DELETE FROM login_failure;

-- The cached homepage and records page show the masked number: a new number is a new page.
DELIMITER //
DROP TRIGGER teacher_updated//
CREATE TRIGGER teacher_updated BEFORE UPDATE ON teacher FOR EACH ROW
BEGIN
  IF NOT (NEW.name <=> OLD.name AND NEW.unit_id <=> OLD.unit_id AND NEW.title_name <=> OLD.title_name
          AND NEW.employment <=> OLD.employment AND NEW.employment_note <=> OLD.employment_note
          AND NEW.national_id_hmac <=> OLD.national_id_hmac
          AND NEW.is_kindergarten_staff <=> OLD.is_kindergarten_staff) THEN
    SET NEW.home_version = OLD.home_version + 1;
  END IF;
END//
DELIMITER ;
