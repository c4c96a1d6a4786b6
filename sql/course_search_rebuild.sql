-- After bulk loads (demo data, bench data): rebuilds the Mroonga search table from `course` and
-- moves the course code counter past the loaded codes.
-- The application keeps it in step row by row when courses are written. nginx/portalctl and
-- bench/generate.sh fill in @PUBLIC_STATES@ with `portal-tool course-states public`.
TRUNCATE TABLE course_search;  -- DELETE goes row by row in Mroonga: minutes at national scale
INSERT INTO course_search (course_id, title, body, unit_name, county_id, unit_id, category_id,
                           levels, tags, first_date, last_date, enrol_opens_at, enrol_closes_at)
SELECT c.id, c.title, CONCAT_WS(' ', c.title, c.outline, c.subject_area, u.name, t.names), u.name,
       u.county_id, c.unit_id, c.category_id, CONCAT(',', c.levels, ','),
       CONCAT(' ', IFNULL(t.ids, ''), ' '), c.first_date, c.last_date,
       IF(c.enrol_online, c.enrol_opens_at, NULL), IF(c.enrol_online, c.enrol_closes_at, NULL)
FROM course c
JOIN unit u ON u.id = c.unit_id
LEFT JOIN (SELECT ct.course_id, GROUP_CONCAT(g.name SEPARATOR ' ') AS names,
                  GROUP_CONCAT(ct.tag_id SEPARATOR ' ') AS ids
           FROM course_tag ct JOIN tag g ON g.id = ct.tag_id GROUP BY ct.course_id) t
  ON t.course_id = c.id
WHERE c.state IN @PUBLIC_STATES@;  -- `portal-tool course-states public`, from domain::is_public

-- Workers reload their in-memory search index (domain/course_index.h).
UPDATE search_generation SET value = value + 1 WHERE id = 1;

-- The course code counter moves past every code loaded in bulk.
UPDATE course_code_counter
SET last_code = GREATEST(last_code, (SELECT COALESCE(MAX(CAST(code AS UNSIGNED)), 0) FROM course))
WHERE id = 1;
