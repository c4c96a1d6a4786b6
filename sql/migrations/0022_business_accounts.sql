-- 業務帳號申請 and 帳號管理 (issue 10). A refused application is kept with its reason, so its name
-- stays taken (第4條: names never change, so none is handed to someone else). A deleted account is
-- kept too, for the courses, histories and trails that name it, and is disabled as well: whatever
-- lists usable accounts (approved, not disabled) leaves it out, and its sessions end with the
-- disabling (trigger account_identity_changed). Who did each is in audit_log (object "b:<id>").
ALTER TABLE business_account
  ADD COLUMN refused_at DATETIME NULL AFTER disabled_at,
  ADD COLUMN refusal_reason VARCHAR(200) NULL AFTER refused_at,
  ADD COLUMN deleted_at DATETIME NULL AFTER refusal_reason,
  ADD CONSTRAINT refused_is_not_approved CHECK (refused_at IS NULL OR approved_at IS NULL),
  ADD CONSTRAINT deleted_is_disabled CHECK (deleted_at IS NULL OR disabled_at IS NOT NULL);
