-- 公佈欄 / 最新消息 and 問答集 (issue 11), kept by the administrator. A post shows between its
-- publish and expiry times to its audience only; the old posted_on becomes the publish time.
ALTER TABLE bulletin
  ADD COLUMN audience ENUM('everyone','teachers','business') NOT NULL DEFAULT 'everyone' AFTER body,
  ADD COLUMN publish_at DATETIME NULL AFTER audience,
  ADD COLUMN expires_at DATETIME NULL AFTER publish_at,
  ADD COLUMN updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP;
UPDATE bulletin SET publish_at = posted_on;
ALTER TABLE bulletin
  MODIFY publish_at DATETIME NOT NULL,
  DROP KEY posted_on,
  DROP COLUMN posted_on,
  ADD KEY bulletin_current (publish_at, expires_at);

CREATE TABLE faq (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  category ENUM('account','enrolment','hours','business','roaming','other') NOT NULL,
  question VARCHAR(200) NOT NULL,
  answer TEXT NOT NULL,
  position SMALLINT UNSIGNED NOT NULL DEFAULT 0,  -- order within the category
  updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY (category, position)
) ENGINE=InnoDB;
