-- 線上報名設定 (SPEC §4): the extra information asked of applicants, who may apply, and the scope
-- of 自動審核; an application's answers.
ALTER TABLE course
  ADD COLUMN ask_fields VARCHAR(300) NOT NULL DEFAULT '' AFTER auto_review,  -- "meal=required,…"
  ADD COLUMN eligible_levels SET('kindergarten','elementary','junior_high','senior_high',
                                 'vocational_high','special','university') NOT NULL DEFAULT ''
    AFTER ask_fields,                                                      -- '' : every level
  ADD COLUMN eligible_counties VARCHAR(100) NOT NULL DEFAULT '' AFTER eligible_levels,  -- ids; '' : all
  ADD COLUMN auto_review_scope ENUM('anyone','own_unit','own_county') NOT NULL DEFAULT 'anyone'
    AFTER eligible_counties;

ALTER TABLE enrolment
  ADD COLUMN answers TEXT NULL AFTER request_key;  -- "meal=素食\nmobile=0912…", the questions' codes
