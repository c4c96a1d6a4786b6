-- The reminder before a course and the 錄取通知 (SPEC §11). reminded_at is set in the transaction
-- that queues the reminder (enrolment/reminders.cpp), and only where it is still NULL, so no
-- restart and no second scheduler sends one twice. notice_code is the verification code of the
-- enrolment's 錄取通知, kept from its first showing so that /notices/{code} can find it.
ALTER TABLE enrolment
  ADD COLUMN reminded_at DATETIME NULL AFTER promoted_at,
  ADD COLUMN notice_code CHAR(12) CHARACTER SET ascii NULL AFTER reminded_at,
  ADD UNIQUE KEY notice_code (notice_code);
