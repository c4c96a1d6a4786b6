-- 下載專區 (issue 11): files the administrator uploads. The bytes live under the configured
-- files_dir (outside the web root) as stored_name; the row says what they are.
CREATE TABLE download (
  id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  category ENUM('manual','form','regulation','other') NOT NULL,
  filename VARCHAR(200) NOT NULL,                          -- as uploaded: the name it is served under
  kind ENUM('pdf','odt','docx','xlsx','png') NOT NULL,     -- found from the content
  size_bytes INT UNSIGNED NOT NULL,
  sha256 CHAR(64) CHARACTER SET ascii NOT NULL,
  stored_name VARCHAR(80) CHARACTER SET ascii NOT NULL UNIQUE,
  uploaded_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY (category, uploaded_at)
) ENGINE=InnoDB;
