-- 意見交流 (issue 11): a signed-in user's message to the administrator starts a thread; the
-- administrator answers from the inbox (the answer is mailed) and the whole thread is kept.
CREATE TABLE feedback (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  teacher_id INT UNSIGNED NULL,
  account_id INT UNSIGNED NULL,                     -- a business account
  category ENUM('account','enrolment','hours','business','roaming','site','other') NOT NULL,
  contact VARCHAR(254) NULL,                        -- how to reach the writer, as typed
  state ENUM('open','answered') NOT NULL DEFAULT 'open',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT feedback_one_writer CHECK ((teacher_id IS NULL) <> (account_id IS NULL)),
  FOREIGN KEY (teacher_id) REFERENCES teacher (id) ON DELETE CASCADE,
  FOREIGN KEY (account_id) REFERENCES business_account (id),
  KEY (state, updated_at),
  KEY (teacher_id),
  KEY (account_id)
) ENGINE=InnoDB;

CREATE TABLE feedback_message (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  feedback_id INT UNSIGNED NOT NULL,
  admin_id INT UNSIGNED NULL,           -- the administrator who answered; NULL: the writer
  body TEXT NOT NULL,
  mailed_to VARCHAR(254) NULL,          -- where an answer was mailed
  at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY (feedback_id) REFERENCES feedback (id) ON DELETE CASCADE,
  FOREIGN KEY (admin_id) REFERENCES business_account (id),
  KEY (feedback_id, id)
) ENGINE=InnoDB;
