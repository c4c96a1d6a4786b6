-- 研習課程代碼 are handed out from one counter row: registering locks only this row for a moment,
-- so concurrent registrations neither deadlock nor collide (SELECT MAX(code) FOR UPDATE took
-- gap locks that deadlocked with concurrent inserts). Bulk loads move it past what they load
-- (sql/course_search_rebuild.sql).
CREATE TABLE course_code_counter (
  id TINYINT UNSIGNED PRIMARY KEY,
  last_code INT UNSIGNED NOT NULL
) ENGINE=InnoDB;

INSERT INTO course_code_counter (id, last_code)
SELECT 1, GREATEST(5600000, COALESCE(MAX(CAST(code AS UNSIGNED)), 0)) FROM course;
