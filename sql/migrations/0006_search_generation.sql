-- Each worker keeps the public courses in memory for the search (domain/course_index.h). This
-- number tells it when course_search has changed: whoever writes course_search bumps it in the
-- same transaction (courses::sql::sync_search, sql/course_search_rebuild.sql).
CREATE TABLE search_generation (
  id TINYINT UNSIGNED PRIMARY KEY,
  value BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;

INSERT INTO search_generation (id, value) VALUES (1, 1);
