#!/bin/bash
# EXPLAIN and server-side timings of the queries behind the measured pages, on the bench data:
# the search queries of fcgi/site/site_sql.cpp (generation, page rows; index and term loads), and the per-request
# queries of /teacher (app/access.cpp session read, teacher/teacher_sql.cpp page queries).
# The SQL is copied from the C++ as of this script's writing: re-copy it when that changes.
#   bench/explain.sh            (needs the bench MariaDB running: bench/generate.sh leaves it up)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

T="$(bsql -N -e "SELECT id FROM teacher WHERE national_id_hmac = '$(nid_key A123456789)'")"
PUB="('approved','roster_submitted','roster_returned','closed')"

timed() {  # timed LABEL SQL: EXPLAIN, then the median of 5 runs (ms) from the profiler
  local label="$1" sql="$2"
  echo "### $label"
  echo '```'
  echo "$sql" | fold -w 110
  echo
  bsql -t -e "EXPLAIN $sql" 2>&1 | sed '/^$/d'
  bsql -N -e "SET profiling = 1, profiling_history_size = 10;
    $sql; $sql; $sql; $sql; $sql;
    SELECT ROUND(1000 * SUM(DURATION), 2) FROM information_schema.PROFILING GROUP BY QUERY_ID
    ORDER BY 1" 2>&1 | tail -5 | sort -n | sed -n 3p | sed 's/^/median of 5 runs: /; s/$/ ms/'
  bsql -N -e "SHOW STATUS LIKE 'Mroonga%'" | paste -sd' ' | sed 's/^/(session counters so far: /; s/$/)/'
  echo '```'
  echo
}

echo "## Search (fcgi/site/site_sql.cpp, used by site/course_finder.cpp)"
echo
echo "Per search: the generation and the page's rows. Per worker, only when course_search changed:"
echo "the in-memory index's rows, and the ids matching each keyword term."
echo
timed "generation (every search)" "SELECT value FROM search_generation WHERE id = 1"
ids="$(bsql -N -e "SELECT GROUP_CONCAT(course_id) FROM (SELECT course_id FROM course_search WHERE MATCH(body) AGAINST('*SS body @ \"閱讀\"' IN BOOLEAN MODE) LIMIT 20) x")"
timed "rows of a page (20 ids; every uncached search)" "SELECT c.code, c.title, u.name, k.name, c.first_date, c.last_date, c.state, c.hours, c.credits, c.online_seats - c.seats_taken, c.enrol_online AND c.state = 'approved' AND NOW() BETWEEN c.enrol_opens_at AND c.enrol_closes_at, c.id FROM course c JOIN unit u ON u.id = c.unit_id JOIN county k ON k.id = u.county_id WHERE c.state IN $PUB AND c.id IN ($ids)"
timed "the index's rows (a reload)" "SELECT course_id, county_id, category_id, levels, tags, first_date, last_date, IFNULL(UNIX_TIMESTAMP(enrol_opens_at), 0), IFNULL(UNIX_TIMESTAMP(enrol_closes_at), 0) FROM course_search"
for kw in '閱讀' '班級經營' '教學' 'SEL'; do
  timed "ids matching '$kw' (a term's first use after a change)" "SELECT course_id FROM course_search WHERE MATCH(body) AGAINST('*SS body @ \"$kw\"' IN BOOLEAN MODE)"
done
timed "ids whose unit matches '教育局'" "SELECT course_id FROM course_search WHERE MATCH(unit_name) AGAINST('*SS unit_name @ \"教育局\"' IN BOOLEAN MODE)"

echo "## /teacher (A123456789, teacher id $T)"
echo
sid="$(bsql -N -e "SELECT id_sha256 FROM web_session WHERE teacher_id = $T LIMIT 1")"
timed "session (app/access.cpp load_user)" "SELECT s.teacher_id, s.account_id, TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW()), TIMESTAMPDIFF(SECOND, s.created_at, NOW()), s.role, s.display_name, s.unit_id, s.unit_name, s.records_only, t.home_version, CURDATE() FROM web_session s LEFT JOIN teacher t ON t.id = s.teacher_id WHERE s.id_sha256 = '${sid:-none}'"
timed "profile" "SELECT t.name, u.name, t.employment, t.employment_note, t.title_name, t.unit_id IS NOT NULL FROM teacher t LEFT JOIN unit u ON u.id = t.unit_id WHERE t.id = $T"
timed "missed courses (the light)" "SELECT STRAIGHT_JOIN c.code, c.title, u.name, c.first_date, c.last_date, e.status FROM enrolment e JOIN course c ON c.id = e.course_id JOIN unit u ON u.id = c.unit_id LEFT JOIN study_record r ON r.teacher_id = e.teacher_id AND r.course_id = e.course_id WHERE e.teacher_id = $T AND e.status IN ('approved', 'cancelled') AND c.state = 'closed' AND (e.status = 'approved' OR e.cancelled_at >= c.first_date) AND c.first_date >= MAKEDATE(YEAR(CURDATE()), 1) AND c.first_date < MAKEDATE(YEAR(CURDATE()) + 1, 1) AND r.id IS NULL ORDER BY c.first_date, c.id"
timed "enrolments (20 newest)" "SELECT STRAIGHT_JOIN c.code, c.title, u.name, c.first_date, c.last_date, e.status FROM enrolment e JOIN course c ON c.id = e.course_id JOIN unit u ON u.id = c.unit_id WHERE e.teacher_id = $T ORDER BY c.first_date DESC, c.id DESC LIMIT 20"
timed "record totals by year" "SELECT YEAR(completed_on), COUNT(*), SUM(hours), SUM(credits) FROM study_record WHERE teacher_id = $T GROUP BY YEAR(completed_on) ORDER BY 1 DESC"
timed "recent records (10)" "SELECT title, completed_on, source, hours, credits FROM study_record WHERE teacher_id = $T ORDER BY completed_on DESC, id DESC LIMIT 10"
