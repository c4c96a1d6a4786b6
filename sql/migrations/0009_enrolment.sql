-- Enrolment (SPEC §4): the form's request key makes a re-sent application one enrolment; the
-- organizer's decision, its reason and whether 自動審核 made it; the waiting list's order.
ALTER TABLE enrolment
  ADD COLUMN request_key CHAR(43) CHARACTER SET ascii NULL AFTER status,
  ADD COLUMN decided_by INT UNSIGNED NULL AFTER decided_at,
  ADD COLUMN auto_decided BOOLEAN NOT NULL DEFAULT FALSE AFTER decided_by,
  ADD COLUMN refusal_reason VARCHAR(300) NULL AFTER auto_decided,
  ADD COLUMN waiting_since DATETIME(3) NULL AFTER refusal_reason,
  ADD COLUMN promoted_at DATETIME NULL AFTER waiting_since,
  ADD CONSTRAINT enrolment_decided_by FOREIGN KEY (decided_by) REFERENCES business_account (id),
  ADD KEY waiting_list (course_id, status, waiting_since);
