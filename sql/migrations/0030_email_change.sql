-- 修改個人基本資料 (issue 10): a teacher's new e-mail address takes effect only through a single-use
-- link mailed to it (24 hours); until then the old address stays, and the pending address lives
-- only in the token row (account_token.email). Phone and e-mail are not on the teacher's cached
-- pages, so trigger teacher_updated rightly leaves home_version alone when they change.
ALTER TABLE account_token
  MODIFY kind ENUM('confirm_email','reset_password','change_email') NOT NULL;
