-- 本單位教師帳號管理 (issue 10): the 總負責人 edits a teacher's 任教科目 and records the day a
-- teacher left the school (離職, 轉校, 退休, 未續聘, 停職); the teacher's page lists its changes from
-- the audit trail by object, hence the key.
ALTER TABLE teacher
  ADD COLUMN subject VARCHAR(60) NULL AFTER title_name,
  ADD COLUMN employment_changed_on DATE NULL AFTER employment;
ALTER TABLE audit_log ADD KEY audit_object (object, at);
