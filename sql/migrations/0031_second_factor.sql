-- Second factor for business accounts (issue 10, ASVS V2.8): TOTP (RFC 6238, SHA-1, 6 digits,
-- 30 s) with one-time recovery codes. Required of 審課人員 and the administrator, offered to every
-- business account. A secret with totp_enabled_at NULL is one being set up (shown as a QR code,
-- not yet confirmed with a code). totp_last_step is the last time step accepted: a code is
-- accepted once (RFC 6238 §5.2), so a seen code cannot be replayed within its window.
ALTER TABLE business_account
  ADD COLUMN totp_secret VARBINARY(32) NULL,
  ADD COLUMN totp_enabled_at DATETIME NULL,
  ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0,
  ADD CONSTRAINT enabled_has_secret CHECK (totp_enabled_at IS NULL OR totp_secret IS NOT NULL);

-- Ten per account, each usable once; the table keeps only their SHA-256 (they carry 50 random
-- bits, so a fast hash is enough). A new set replaces the old one.
CREATE TABLE recovery_code (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  account_id INT UNSIGNED NOT NULL,
  code_sha256 CHAR(64) CHARACTER SET ascii NOT NULL,
  used_at DATETIME NULL,
  FOREIGN KEY (account_id) REFERENCES business_account (id),
  UNIQUE KEY (account_id, code_sha256)
) ENGINE=InnoDB;

-- A login whose password was right and whose second factor is still to come: the browser holds
-- a random id (cookie "mfa"), the table its SHA-256. No session exists until the factor is passed,
-- and then a new one is made (a new session id at the privilege change). Five minutes and five
-- wrong codes at most; wrong codes also count as failed logins of the account.
CREATE TABLE login_challenge (
  id_sha256 CHAR(64) CHARACTER SET ascii PRIMARY KEY,
  account_id INT UNSIGNED NOT NULL,
  next_path VARCHAR(6000) NOT NULL DEFAULT '',
  wrong_codes TINYINT UNSIGNED NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY (account_id) REFERENCES business_account (id),
  KEY (created_at)
) ENGINE=InnoDB;

-- A change of the factor ends the account's other sessions, like a new password does.
DROP TRIGGER account_identity_changed;
DELIMITER //
CREATE TRIGGER account_identity_changed AFTER UPDATE ON business_account FOR EACH ROW
BEGIN
  IF NOT (NEW.display_name <=> OLD.display_name AND NEW.unit_id <=> OLD.unit_id
          AND NEW.kind <=> OLD.kind AND NEW.approved_at <=> OLD.approved_at
          AND NEW.disabled_at <=> OLD.disabled_at AND NEW.password_hash <=> OLD.password_hash
          AND NEW.totp_enabled_at <=> OLD.totp_enabled_at) THEN
    DELETE FROM web_session WHERE account_id = NEW.id;
  END IF;
END//
DELIMITER ;
