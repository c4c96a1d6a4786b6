-- The rest of seeds 003 appendix 1: the 單位主管's phone and e-mail, and 網站維護方式 as the
-- form's choice (自行維護 or 委外廠商); `maintenance` keeps the applicant's own words about it.
ALTER TABLE partner
  ADD COLUMN head_phone VARCHAR(30) NOT NULL DEFAULT '' AFTER head_name,
  ADD COLUMN head_email VARCHAR(254) NOT NULL DEFAULT '' AFTER head_phone,
  ADD COLUMN maintained_by ENUM('self','vendor') NULL AFTER purpose;
