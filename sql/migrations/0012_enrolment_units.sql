-- 線上報名設定: the schools whose teachers may apply, by their codes ('' : every school).
ALTER TABLE course
  ADD COLUMN eligible_units VARCHAR(1000) CHARACTER SET ascii NOT NULL DEFAULT '' AFTER eligible_counties;
