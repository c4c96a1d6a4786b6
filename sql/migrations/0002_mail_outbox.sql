-- Outgoing e-mail (SPEC §3, §8): written in the same transaction as the change it reports, so a
-- mail exists exactly when the change committed; each worker's sender delivers and retries it.

CREATE TABLE mail_outbox (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  to_addr VARCHAR(254) NOT NULL,
  subject VARCHAR(300) NOT NULL,
  body TEXT NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  -- After a failure the sender backs off: 5 s, 10 s, 20 s, ... at most an hour.
  next_attempt_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  sent_at DATETIME NULL,
  last_error VARCHAR(500) NULL,
  KEY due (sent_at, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
