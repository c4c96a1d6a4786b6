-- The portal's schema (SPEC §1–§6): units and jurisdictions, people and accounts, courses with
-- their sessions, tags and history, enrolments, rosters, study records, sessions and audit.
-- Invariants are constraints here too: the backstop behind the checks in code.

CREATE TABLE county (
  id TINYINT UNSIGNED PRIMARY KEY,
  name VARCHAR(10) NOT NULL UNIQUE,
  -- 第12條 and the unit light are configurable per county.
  min_days_before_start TINYINT UNSIGNED NOT NULL DEFAULT 7,
  overdue_grace_days TINYINT UNSIGNED NOT NULL DEFAULT 7,
  red_light_threshold TINYINT UNSIGNED NOT NULL DEFAULT 5
) ENGINE=InnoDB;

CREATE TABLE unit (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(10) NOT NULL UNIQUE,          -- 6-digit MOE code for schools
  name VARCHAR(100) NOT NULL,
  county_id TINYINT UNSIGNED NOT NULL,
  level ENUM('university','teacher_university','senior_high','vocational_high','junior_high',
             'elementary','kindergarten','special_school','study_centre','social_institution',
             'local_government','review_body') NOT NULL,
  ownership ENUM('national','municipal','county','private','other') NOT NULL,
  authority_unit_id INT UNSIGNED NULL,       -- the governing authority
  review_unit_id INT UNSIGNED NULL,          -- who reviews this unit's courses (第11條)
  is_review_unit BOOLEAN NOT NULL DEFAULT FALSE,
  FOREIGN KEY (county_id) REFERENCES county (id),
  FOREIGN KEY (authority_unit_id) REFERENCES unit (id),
  FOREIGN KEY (review_unit_id) REFERENCES unit (id),
  KEY (county_id, level)
) ENGINE=InnoDB;

CREATE TABLE teacher (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  national_id CHAR(10) CHARACTER SET ascii NOT NULL,
  name VARCHAR(50) NOT NULL,
  gender ENUM('F','M','X') NOT NULL,
  birth_date DATE NULL,
  email VARCHAR(254) NULL,
  phone VARCHAR(30) NULL,
  unit_id INT UNSIGNED NULL,
  title_code VARCHAR(10) NULL,
  title_name VARCHAR(30) NULL,
  employment ENUM('active','not_renewed','suspended','left','transferred','retired')
    NOT NULL DEFAULT 'active',
  employment_note VARCHAR(200) NULL,         -- why the account is records-only, shown to the teacher
  is_kindergarten_staff BOOLEAN NOT NULL DEFAULT FALSE,
  password_hash VARCHAR(128) CHARACTER SET ascii NOT NULL,
  -- Bumped by the triggers at the end of this file whenever what /teacher shows changes:
  -- the key of that page's cache.
  home_version INT UNSIGNED NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_teacher_national_id (national_id),
  FOREIGN KEY (unit_id) REFERENCES unit (id),
  KEY (unit_id, name)
) ENGINE=InnoDB;

CREATE TABLE business_account (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  account_name VARCHAR(40) CHARACTER SET ascii NOT NULL UNIQUE,   -- never changes (第4條)
  display_name VARCHAR(50) NOT NULL,
  unit_id INT UNSIGNED NOT NULL,
  kind ENUM('organizer','master','reviewer','admin') NOT NULL,
  approved_at DATETIME NULL,                 -- works only once approved
  disabled_at DATETIME NULL,
  email VARCHAR(254) NULL,
  phone VARCHAR(30) NULL,
  password_hash VARCHAR(128) CHARACTER SET ascii NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE=InnoDB;

CREATE TABLE tag (
  id SMALLINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(40) NOT NULL UNIQUE
) ENGINE=InnoDB;

CREATE TABLE category (
  id SMALLINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(40) NOT NULL UNIQUE
) ENGINE=InnoDB;

CREATE TABLE course (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  code CHAR(7) CHARACTER SET ascii NOT NULL UNIQUE,  -- 研習課程代碼
  unit_id INT UNSIGNED NOT NULL,
  organizer_id INT UNSIGNED NOT NULL,
  review_unit_id INT UNSIGNED NOT NULL,
  title VARCHAR(200) NOT NULL,
  class_kind ENUM('non_credit','credit','degree') NOT NULL DEFAULT 'non_credit',
  cross_school BOOLEAN NOT NULL DEFAULT FALSE,
  category_id SMALLINT UNSIGNED NOT NULL,
  subject_area VARCHAR(60) NULL,
  levels SET('kindergarten','elementary','junior_high','senior_high','vocational_high',
             'special','university') NOT NULL,   -- 課程性質 and 參加對象 levels
  basis_doc VARCHAR(1000) NULL,              -- 依據文號
  special_approval_doc VARCHAR(200) NULL,    -- for more than 6 h a day or 35 h a week
  outline TEXT NOT NULL,
  hours SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  credits TINYINT UNSIGNED NOT NULL DEFAULT 0,
  class_count SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  seats_per_class SMALLINT UNSIGNED NOT NULL,
  online_seats SMALLINT UNSIGNED NOT NULL,
  seats_taken SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  enrol_online BOOLEAN NOT NULL DEFAULT TRUE,
  enrol_opens_at DATETIME NULL,
  enrol_closes_at DATETIME NULL,
  auto_review BOOLEAN NOT NULL DEFAULT FALSE,
  subsidy VARCHAR(200) NULL,
  contact1_name VARCHAR(50) NOT NULL, contact1_phone VARCHAR(30) NOT NULL,
  contact1_email VARCHAR(254) NOT NULL,
  contact2_name VARCHAR(50) NULL, contact2_phone VARCHAR(30) NULL, contact2_email VARCHAR(254) NULL,
  state ENUM('unconfirmed','returned','approved','roster_submitted','roster_returned','closed',
             'deleted') NOT NULL DEFAULT 'unconfirmed',
  first_date DATE NOT NULL,
  last_date DATE NOT NULL,
  flagged_restricted BOOLEAN NOT NULL DEFAULT FALSE,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  FOREIGN KEY (unit_id) REFERENCES unit (id),
  FOREIGN KEY (organizer_id) REFERENCES business_account (id),
  FOREIGN KEY (review_unit_id) REFERENCES unit (id),
  FOREIGN KEY (category_id) REFERENCES category (id),
  -- Seats are never oversold nor negative, whatever the concurrency (SPEC §4).
  CONSTRAINT seats_within_capacity CHECK (seats_taken <= online_seats),
  CONSTRAINT online_within_total CHECK (online_seats <= class_count * seats_per_class),
  CONSTRAINT dates_in_order CHECK (first_date <= last_date),
  KEY (unit_id, state, last_date),
  KEY (review_unit_id, state, created_at),
  KEY (state, first_date),
  KEY (created_at)
) ENGINE=InnoDB;

CREATE TABLE course_session (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  course_id INT UNSIGNED NOT NULL,
  session_date DATE NOT NULL,
  starts_at TIME NOT NULL,
  ends_at TIME NOT NULL,
  breaks VARCHAR(200) NOT NULL DEFAULT '',   -- "12:00-13:00,15:00-15:10": lunch, tea, sign-in
  place VARCHAR(200) NOT NULL,
  FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT session_in_order CHECK (starts_at < ends_at),
  KEY (course_id, session_date)
) ENGINE=InnoDB;

CREATE TABLE course_tag (
  course_id INT UNSIGNED NOT NULL,
  tag_id SMALLINT UNSIGNED NOT NULL,
  PRIMARY KEY (course_id, tag_id),
  FOREIGN KEY (course_id) REFERENCES course (id),
  FOREIGN KEY (tag_id) REFERENCES tag (id)
) ENGINE=InnoDB;

CREATE TABLE course_history (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  course_id INT UNSIGNED NOT NULL,
  from_state VARCHAR(20) NULL,
  to_state VARCHAR(20) NOT NULL,
  actor_id INT UNSIGNED NULL,
  reasons TEXT NULL,
  at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY (course_id) REFERENCES course (id),
  FOREIGN KEY (actor_id) REFERENCES business_account (id),
  KEY (course_id, at)
) ENGINE=InnoDB;

-- Full-text search in Chinese (Mroonga's bigram tokenizer) over public courses only, with the
-- filter and sort columns beside the text so one Mroonga query answers search, filters, order
-- and limit. Kept in step with `course` by the code that writes courses; rebuildable from it.
CREATE TABLE course_search (
  course_id INT UNSIGNED PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  body TEXT NOT NULL,                        -- title, outline, unit name, tags
  unit_name VARCHAR(100) NOT NULL,
  county_id TINYINT UNSIGNED NOT NULL,
  unit_id INT UNSIGNED NOT NULL,
  category_id SMALLINT UNSIGNED NOT NULL,
  levels VARCHAR(120) NOT NULL,              -- ",elementary,junior_high,"
  tags VARCHAR(400) NOT NULL,                -- " 3 7 " tag ids, space-delimited
  first_date DATE NOT NULL,
  last_date DATE NOT NULL,
  enrol_opens_at DATETIME NULL,
  enrol_closes_at DATETIME NULL,
  FULLTEXT KEY ft_body (body),
  FULLTEXT KEY ft_unit_name (unit_name),
  KEY (first_date)
) ENGINE=Mroonga DEFAULT CHARSET=utf8mb4;

CREATE TABLE enrolment (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  course_id INT UNSIGNED NOT NULL,
  teacher_id INT UNSIGNED NOT NULL,
  status ENUM('pending','approved','rejected','cancelled','waiting') NOT NULL,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  decided_at DATETIME NULL,
  approved_at DATETIME NULL,                 -- set once approved, kept if later cancelled (SPEC §6)
  cancelled_at DATETIME NULL,
  UNIQUE KEY one_enrolment (course_id, teacher_id),
  FOREIGN KEY (course_id) REFERENCES course (id),
  FOREIGN KEY (teacher_id) REFERENCES teacher (id),
  KEY (teacher_id, status)
) ENGINE=InnoDB;

CREATE TABLE roster_entry (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  course_id INT UNSIGNED NOT NULL,
  teacher_id INT UNSIGNED NOT NULL,
  attendance ENUM('full','excused','unexcused') NOT NULL DEFAULT 'full',
  hours_absent SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  hours SMALLINT UNSIGNED NOT NULL,
  UNIQUE KEY one_roster_line (course_id, teacher_id),
  FOREIGN KEY (course_id) REFERENCES course (id),
  FOREIGN KEY (teacher_id) REFERENCES teacher (id)
) ENGINE=InnoDB;

CREATE TABLE partner (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  client_id VARCHAR(60) CHARACTER SET ascii NOT NULL UNIQUE,
  site_name VARCHAR(100) NOT NULL,
  operator_name VARCHAR(100) NOT NULL,
  site_url VARCHAR(300) NOT NULL,
  secret_sha256 CHAR(64) CHARACTER SET ascii NOT NULL,  -- secrets are random: SHA-256 suffices
  redirect_uris TEXT NOT NULL,               -- one per line, matched byte for byte
  claims SET('name','school_code','school_name','title_code','title_name') NOT NULL,
  may_report BOOLEAN NOT NULL DEFAULT FALSE,
  scan_report_date DATE NOT NULL,
  privacy_policy_url VARCHAR(300) NOT NULL,
  status ENUM('applied','approved','suspended','revoked') NOT NULL DEFAULT 'applied',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;

CREATE TABLE study_record (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  teacher_id INT UNSIGNED NOT NULL,
  course_id INT UNSIGNED NULL,               -- NULL for records reported from elsewhere
  source ENUM('portal','partner','county','civil_service') NOT NULL,
  partner_id INT UNSIGNED NULL,
  external_ref VARCHAR(100) NULL,            -- the reporting system's own reference
  title VARCHAR(200) NOT NULL,
  hours SMALLINT UNSIGNED NOT NULL,
  credits TINYINT UNSIGNED NOT NULL DEFAULT 0,
  completed_on DATE NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY one_record_per_course (teacher_id, course_id),
  UNIQUE KEY one_record_per_report (source, partner_id, external_ref, teacher_id),
  FOREIGN KEY (teacher_id) REFERENCES teacher (id),
  FOREIGN KEY (course_id) REFERENCES course (id),
  FOREIGN KEY (partner_id) REFERENCES partner (id),
  KEY (teacher_id, completed_on)
) ENGINE=InnoDB;

-- Server-side sessions: the cookie holds a 256-bit random id, the table only its SHA-256.
-- Who the user is (role, name, unit) is copied in at login so a request costs one primary-key
-- read; a change of role, unit or employment deletes the person's sessions (triggers below).
CREATE TABLE web_session (
  id_sha256 CHAR(64) CHARACTER SET ascii PRIMARY KEY,
  teacher_id INT UNSIGNED NULL,
  account_id INT UNSIGNED NULL,
  role ENUM('teacher','organizer','master','reviewer','admin') NOT NULL,
  display_name VARCHAR(50) NOT NULL,
  unit_id INT UNSIGNED NULL,
  unit_name VARCHAR(100) NULL,
  records_only BOOLEAN NOT NULL DEFAULT FALSE,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_seen_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY (teacher_id) REFERENCES teacher (id),
  FOREIGN KEY (account_id) REFERENCES business_account (id),
  CONSTRAINT one_principal CHECK ((teacher_id IS NULL) <> (account_id IS NULL)),
  KEY (last_seen_at)
) ENGINE=InnoDB;

-- Failed logins, per account and per address, for throttling (ASVS 2.2.1).
CREATE TABLE login_failure (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  account_key CHAR(64) CHARACTER SET ascii NOT NULL,  -- SHA-256 of the account typed: no IDs stored
  address VARCHAR(45) CHARACTER SET ascii NOT NULL,
  at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (account_key, at),
  KEY (address, at)
) ENGINE=InnoDB;

CREATE TABLE audit_log (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  actor VARCHAR(20) CHARACTER SET ascii NOT NULL,     -- "t:42", "b:7", "p:3", "-"
  action VARCHAR(40) CHARACTER SET ascii NOT NULL,
  object VARCHAR(60) NULL,
  detail VARCHAR(500) NULL,
  address VARCHAR(45) CHARACTER SET ascii NULL,
  KEY (actor, at),
  KEY (action, at)
) ENGINE=InnoDB;

CREATE TABLE bulletin (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  body TEXT NOT NULL,
  posted_on DATE NOT NULL,
  pinned BOOLEAN NOT NULL DEFAULT FALSE,
  KEY (posted_on)
) ENGINE=InnoDB;

-- Keeping derived state right whatever code writes: the /teacher page cache key and the
-- sessions' copy of who a user is.
DELIMITER //
CREATE TRIGGER enrolment_inserted AFTER INSERT ON enrolment FOR EACH ROW
  UPDATE teacher SET home_version = home_version + 1 WHERE id = NEW.teacher_id//
CREATE TRIGGER enrolment_updated AFTER UPDATE ON enrolment FOR EACH ROW
  UPDATE teacher SET home_version = home_version + 1 WHERE id IN (NEW.teacher_id, OLD.teacher_id)//
CREATE TRIGGER enrolment_deleted AFTER DELETE ON enrolment FOR EACH ROW
  UPDATE teacher SET home_version = home_version + 1 WHERE id = OLD.teacher_id//
CREATE TRIGGER study_record_inserted AFTER INSERT ON study_record FOR EACH ROW
  UPDATE teacher SET home_version = home_version + 1 WHERE id = NEW.teacher_id//
CREATE TRIGGER study_record_updated AFTER UPDATE ON study_record FOR EACH ROW
  UPDATE teacher SET home_version = home_version + 1 WHERE id IN (NEW.teacher_id, OLD.teacher_id)//
CREATE TRIGGER study_record_deleted AFTER DELETE ON study_record FOR EACH ROW
  UPDATE teacher SET home_version = home_version + 1 WHERE id = OLD.teacher_id//
-- A course's state, title or dates show on its applicants' homepages (the light among them).
CREATE TRIGGER course_updated AFTER UPDATE ON course FOR EACH ROW
BEGIN
  IF NEW.state <> OLD.state OR NEW.title <> OLD.title OR NEW.first_date <> OLD.first_date
     OR NEW.last_date <> OLD.last_date OR NEW.unit_id <> OLD.unit_id THEN
    UPDATE teacher SET home_version = home_version + 1
     WHERE id IN (SELECT teacher_id FROM enrolment WHERE course_id = NEW.id);
  END IF;
END//
CREATE TRIGGER teacher_updated BEFORE UPDATE ON teacher FOR EACH ROW
BEGIN
  IF NOT (NEW.name <=> OLD.name AND NEW.unit_id <=> OLD.unit_id AND NEW.title_name <=> OLD.title_name
          AND NEW.employment <=> OLD.employment AND NEW.employment_note <=> OLD.employment_note) THEN
    SET NEW.home_version = OLD.home_version + 1;
  END IF;
END//
CREATE TRIGGER teacher_identity_changed AFTER UPDATE ON teacher FOR EACH ROW
BEGIN
  IF NOT (NEW.name <=> OLD.name AND NEW.unit_id <=> OLD.unit_id AND NEW.employment <=> OLD.employment
          AND NEW.password_hash <=> OLD.password_hash) THEN
    DELETE FROM web_session WHERE teacher_id = NEW.id;
  END IF;
END//
CREATE TRIGGER account_identity_changed AFTER UPDATE ON business_account FOR EACH ROW
BEGIN
  IF NOT (NEW.display_name <=> OLD.display_name AND NEW.unit_id <=> OLD.unit_id
          AND NEW.kind <=> OLD.kind AND NEW.approved_at <=> OLD.approved_at
          AND NEW.disabled_at <=> OLD.disabled_at AND NEW.password_hash <=> OLD.password_hash) THEN
    DELETE FROM web_session WHERE account_id = NEW.id;
  END IF;
END//
DELIMITER ;
