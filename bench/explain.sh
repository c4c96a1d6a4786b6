#!/bin/bash
# EXPLAIN and server-side timings of the queries behind the measured pages, on the bench data:
# the search queries of fcgi/site/site_sql.cpp (count, page of ids, rows), and the per-request
# queries of /teacher (app/access.cpp session read, teacher/teacher_sql.cpp page queries).
# The SQL is copied from the C++ as of this script's writing: re-copy it when that changes.
#   bench/explain.sh            (needs the bench MariaDB running: bench/generate.sh leaves it up)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

T="$(bsql -N -e "SELECT id FROM teacher WHERE national_id = 'A123456789'")"
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

echo "## Search (fcgi/site/site_sql.cpp search_courses: COUNT, then a page of ids, then the rows)"
echo
for kw in '' '閱讀' '班級經營' '教學'; do
  if [ -n "$kw" ]; then
    where="WHERE MATCH(body) AGAINST('+\"$kw\"' IN BOOLEAN MODE)"
  else
    where=""
  fi
  timed "count, keyword '${kw:-(none)}'" "SELECT COUNT(*) FROM course_search $where"
  timed "page of ids, keyword '${kw:-(none)}'" "SELECT course_id FROM course_search $where ORDER BY first_date DESC LIMIT 20 OFFSET 0"
done
timed "count, keyword '閱讀' + county 3 + level" "SELECT COUNT(*) FROM course_search WHERE MATCH(body) AGAINST('+\"閱讀\"' IN BOOLEAN MODE) AND county_id = 3 AND levels LIKE '%,elementary,%'"
ids="$(bsql -N -e "SELECT GROUP_CONCAT(course_id) FROM (SELECT course_id FROM course_search WHERE MATCH(body) AGAINST('+\"閱讀\"' IN BOOLEAN MODE) ORDER BY first_date DESC LIMIT 20) x")"
timed "rows of the page (20 ids)" "SELECT c.code, c.title, u.name, k.name, c.first_date, c.last_date, c.state, c.hours, c.credits, c.online_seats - c.seats_taken, c.enrol_online AND c.state = 'approved' AND NOW() BETWEEN c.enrol_opens_at AND c.enrol_closes_at FROM course c JOIN unit u ON u.id = c.unit_id JOIN county k ON k.id = u.county_id WHERE c.id IN ($ids) ORDER BY c.first_date DESC, c.id DESC"

echo "### For comparison: the same searches with every condition inside Groonga (*SS script syntax)"
echo
timed "count, '閱讀', filters in Groonga" "SELECT COUNT(*) FROM course_search WHERE MATCH(body) AGAINST('*SS body @ \"閱讀\"' IN BOOLEAN MODE)"
timed "page of ids, '閱讀', filters in Groonga" "SELECT course_id FROM course_search WHERE MATCH(body) AGAINST('*SS body @ \"閱讀\"' IN BOOLEAN MODE) ORDER BY first_date DESC LIMIT 20"
timed "count, '閱讀' + county 3, filters in Groonga" "SELECT COUNT(*) FROM course_search WHERE MATCH(body) AGAINST('*SS body @ \"閱讀\" && county_id == 3' IN BOOLEAN MODE)"
timed "page of ids, no keyword, ORDER BY first_date only (uses KEY first_date)" "SELECT course_id FROM course_search ORDER BY first_date DESC LIMIT 20"
timed "count, '閱讀', MATCH alone (count skip)" "SELECT COUNT(*) FROM course_search WHERE MATCH(body) AGAINST('+\"閱讀\"' IN BOOLEAN MODE)"
timed "no keyword, InnoDB course (state, first_date) index" "SELECT id FROM course WHERE state IN $PUB ORDER BY first_date DESC, id DESC LIMIT 20"

echo "## /teacher (A123456789, teacher id $T)"
echo
sid="$(bsql -N -e "SELECT id_sha256 FROM web_session WHERE teacher_id = $T LIMIT 1")"
timed "session (app/access.cpp load_user)" "SELECT s.teacher_id, s.account_id, TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW()), TIMESTAMPDIFF(SECOND, s.created_at, NOW()), s.role, s.display_name, s.unit_id, s.unit_name, s.records_only, t.home_version, CURDATE() FROM web_session s LEFT JOIN teacher t ON t.id = s.teacher_id WHERE s.id_sha256 = '${sid:-none}'"
timed "profile" "SELECT t.name, u.name, t.employment, t.employment_note, t.title_name, t.unit_id IS NOT NULL FROM teacher t LEFT JOIN unit u ON u.id = t.unit_id WHERE t.id = $T"
timed "missed courses (the light)" "SELECT STRAIGHT_JOIN c.code, c.title, u.name, c.first_date, c.last_date, e.status FROM enrolment e JOIN course c ON c.id = e.course_id JOIN unit u ON u.id = c.unit_id LEFT JOIN study_record r ON r.teacher_id = e.teacher_id AND r.course_id = e.course_id WHERE e.teacher_id = $T AND e.status IN ('approved', 'cancelled') AND c.state = 'closed' AND (e.status = 'approved' OR e.cancelled_at >= c.first_date) AND c.first_date >= MAKEDATE(YEAR(CURDATE()), 1) AND c.first_date < MAKEDATE(YEAR(CURDATE()) + 1, 1) AND r.id IS NULL ORDER BY c.first_date, c.id"
timed "enrolments (20 newest)" "SELECT STRAIGHT_JOIN c.code, c.title, u.name, c.first_date, c.last_date, e.status FROM enrolment e JOIN course c ON c.id = e.course_id JOIN unit u ON u.id = c.unit_id WHERE e.teacher_id = $T ORDER BY c.first_date DESC, c.id DESC LIMIT 20"
timed "record totals by year" "SELECT YEAR(completed_on), COUNT(*), SUM(hours), SUM(credits) FROM study_record WHERE teacher_id = $T GROUP BY YEAR(completed_on) ORDER BY 1 DESC"
timed "recent records (10)" "SELECT title, completed_on, source, hours, credits FROM study_record WHERE teacher_id = $T ORDER BY completed_on DESC, id DESC LIMIT 10"
