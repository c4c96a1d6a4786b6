-- 使用者帳號申請 and forgotten passwords (issue 10): a teacher's e-mail is confirmed by a link, and
-- a reset is a link too. Both links are single-use tokens kept only as their SHA-256, so a copy of
-- the database cannot be used to confirm or reset anything.
ALTER TABLE teacher
  ADD COLUMN email_confirmed_at DATETIME NULL AFTER email;

CREATE TABLE account_token (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  kind ENUM('confirm_email','reset_password') NOT NULL,
  teacher_id INT UNSIGNED NOT NULL,
  token_sha256 CHAR(64) CHARACTER SET ascii NOT NULL,
  email VARCHAR(254) NULL,                   -- confirm_email: the address the link was sent to
  expires_at DATETIME NOT NULL,              -- by the database clock
  used_at DATETIME NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_account_token (token_sha256),
  KEY (teacher_id, kind),
  FOREIGN KEY (teacher_id) REFERENCES teacher (id) ON DELETE CASCADE
) ENGINE=InnoDB;
