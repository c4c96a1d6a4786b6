-- Account roaming (OpenID Connect provider) and partner record reporting (SPEC §7).

-- The partner application of seeds 003 appendix 1, beside what 0001 keeps for the client.
ALTER TABLE partner
  ADD COLUMN head_name VARCHAR(50) NOT NULL DEFAULT '' AFTER operator_name,
  ADD COLUMN contact_name VARCHAR(50) NOT NULL DEFAULT '',
  ADD COLUMN contact_phone VARCHAR(30) NOT NULL DEFAULT '',
  ADD COLUMN contact_email VARCHAR(254) NOT NULL DEFAULT '',
  ADD COLUMN test_url VARCHAR(300) NOT NULL DEFAULT '',
  ADD COLUMN audience VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN members VARCHAR(100) NOT NULL DEFAULT '',
  ADD COLUMN purpose TEXT NULL,
  ADD COLUMN maintenance TEXT NULL,
  ADD COLUMN agreed_terms BOOLEAN NOT NULL DEFAULT FALSE,   -- all four terms, or no application
  ADD COLUMN decided_at DATETIME NULL,
  ADD COLUMN decided_by INT UNSIGNED NULL,
  ADD CONSTRAINT partner_decided_by FOREIGN KEY (decided_by) REFERENCES business_account (id);

-- Each requested attribute with the use the applicant gave for it.
CREATE TABLE partner_claim_use (
  partner_id INT UNSIGNED NOT NULL,
  claim ENUM('name','school_code','school_name','title_code','title_name') NOT NULL,
  use_text VARCHAR(300) NOT NULL,
  PRIMARY KEY (partner_id, claim),
  FOREIGN KEY (partner_id) REFERENCES partner (id)
) ENGINE=InnoDB;

-- A teacher's consent per partner, for the claims shown on the consent page.
CREATE TABLE oidc_consent (
  teacher_id INT UNSIGNED NOT NULL,
  partner_id INT UNSIGNED NOT NULL,
  claims SET('name','school_code','school_name','title_code','title_name') NOT NULL,
  granted_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  revoked_at DATETIME NULL,
  PRIMARY KEY (teacher_id, partner_id),
  FOREIGN KEY (teacher_id) REFERENCES teacher (id),
  FOREIGN KEY (partner_id) REFERENCES partner (id)
) ENGINE=InnoDB;

-- Pairwise subject identifiers: random, stable per partner, never derived from the 身分證字號.
CREATE TABLE oidc_subject (
  partner_id INT UNSIGNED NOT NULL,
  teacher_id INT UNSIGNED NOT NULL,
  sub CHAR(43) CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (partner_id, teacher_id),
  UNIQUE KEY (partner_id, sub),
  FOREIGN KEY (partner_id) REFERENCES partner (id),
  FOREIGN KEY (teacher_id) REFERENCES teacher (id)
) ENGINE=InnoDB;

-- Authorization codes: only their SHA-256 is kept; single use, 60 seconds.
CREATE TABLE oidc_code (
  code_sha256 CHAR(64) CHARACTER SET ascii PRIMARY KEY,
  partner_id INT UNSIGNED NOT NULL,
  teacher_id INT UNSIGNED NOT NULL,
  redirect_uri VARCHAR(500) NOT NULL,
  code_challenge CHAR(43) CHARACTER SET ascii NOT NULL,
  nonce VARCHAR(255) NULL,
  scope VARCHAR(100) NOT NULL,
  claims SET('name','school_code','school_name','title_code','title_name') NOT NULL,
  auth_time DATETIME NOT NULL,
  expires_at DATETIME(3) NOT NULL,
  used_at DATETIME(3) NULL,
  FOREIGN KEY (partner_id) REFERENCES partner (id),
  FOREIGN KEY (teacher_id) REFERENCES teacher (id),
  KEY (expires_at)
) ENGINE=InnoDB;

-- Access tokens (opaque, SHA-256 kept): a teacher's for userinfo, or a partner's own
-- (client credentials, teacher_id NULL) for the reporting API.
CREATE TABLE oidc_token (
  token_sha256 CHAR(64) CHARACTER SET ascii PRIMARY KEY,
  partner_id INT UNSIGNED NOT NULL,
  teacher_id INT UNSIGNED NULL,
  code_sha256 CHAR(64) CHARACTER SET ascii NULL,
  scope VARCHAR(100) NOT NULL,
  claims SET('name','school_code','school_name','title_code','title_name') NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  expires_at DATETIME NOT NULL,
  revoked_at DATETIME NULL,
  FOREIGN KEY (partner_id) REFERENCES partner (id),
  FOREIGN KEY (teacher_id) REFERENCES teacher (id),
  KEY (code_sha256),
  KEY (teacher_id, partner_id)
) ENGINE=InnoDB;

-- What each partner received of a teacher, and when: shown to the teacher.
CREATE TABLE partner_disclosure (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  teacher_id INT UNSIGNED NOT NULL,
  partner_id INT UNSIGNED NOT NULL,
  event ENUM('consent','token','userinfo','revoke','denied') NOT NULL,
  claims SET('name','school_code','school_name','title_code','title_name') NOT NULL DEFAULT '',
  at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  FOREIGN KEY (teacher_id) REFERENCES teacher (id),
  FOREIGN KEY (partner_id) REFERENCES partner (id),
  KEY (teacher_id, at)
) ENGINE=InnoDB;

-- 資訊傳報: each report is answered once per partner reference; a re-send gets the same answer.
CREATE TABLE partner_report (
  partner_id INT UNSIGNED NOT NULL,
  reference VARCHAR(100) NOT NULL,
  request_sha256 CHAR(64) CHARACTER SET ascii NOT NULL,
  status SMALLINT UNSIGNED NOT NULL,
  response MEDIUMTEXT NOT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (partner_id, reference),
  FOREIGN KEY (partner_id) REFERENCES partner (id)
) ENGINE=InnoDB;

-- Requests per partner per minute, for the API's rate limit.
CREATE TABLE partner_rate (
  partner_id INT UNSIGNED NOT NULL,
  minute DATETIME NOT NULL,
  requests INT UNSIGNED NOT NULL,
  PRIMARY KEY (partner_id, minute),
  FOREIGN KEY (partner_id) REFERENCES partner (id)
) ENGINE=InnoDB;
