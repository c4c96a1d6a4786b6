-- 屬性標籤 and 課程類別 are retired, never deleted once a course carries them (issue 10): a retired
-- one leaves the registration form and the search form, and stays on the courses and records that
-- have it. The reference_generation triggers of 0007 already fire on every insert and update of
-- both tables, so a change shows on the next page.
ALTER TABLE tag ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE category ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
