-- 職位類別 (SPEC §4, §5): a teacher's position category, and the categories a course admits
-- (報名資格; '' admits every teacher). NULL: not given yet (the sign-up and the 總負責人's teacher
-- pages of issue 10 set it); such a teacher meets no restricted course's rule.
ALTER TABLE teacher
  ADD COLUMN position_category ENUM('qualified','substitute','intern','other') NULL AFTER title_name;
ALTER TABLE course
  ADD COLUMN eligible_positions SET('qualified','substitute','intern','other') NOT NULL DEFAULT ''
    AFTER eligible_units;
