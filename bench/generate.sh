#!/bin/bash
# Makes national-scale benchmark data (SPEC §9) in a fresh instance under var/bench.
#   bench/generate.sh [SCALE]        SCALE 1.0 (default) = national scale:
#     ~11,000 units, ~250,000 teachers, ~500,000 courses of one year with 1-3 sessions,
#     ~6.5 M enrolments, ~5 M roster entries and ~5 M study records.
# Steps: start MariaDB (var/bench, port 3409) and migrate, load the demo data, write TSV files
# (bench/gen.py), LOAD DATA them, derive enrolments, rosters, records and course history with
# INSERT ... SELECT over MariaDB's SEQUENCE engine, give the demo teacher A123456789 a median
# history, ANALYZE, and rebuild the Mroonga search table (sql/course_search_rebuild.sql).
# Leaves MariaDB running (nginx and the workers are started by bench/run.sh).
# Env: BENCH_VAR, BENCH_PORT, BENCH_DB_PORT, PORTAL_BUFFER_POOL (see bench/env.sh), BENCH_SEED.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
SCALE="${1:-1.0}"
SEED="${BENCH_SEED:-20260101}"
GEN="$PORTAL_VAR/gen"
B=$BENCH_BASE_ID

python3 -c "import sys; s=float(sys.argv[1]); sys.exit(0 if 0 < s <= 4 else 1)" "$SCALE" \
  || { echo "usage: bench/generate.sh [SCALE]   (0 < SCALE <= 4; 1.0 = national scale)" >&2; exit 2; }

T_ALL=$(date +%s.%N)
step_start() { T_STEP=$(date +%s.%N); printf '[generate] %-52s' "$1" >&2; }
step_end() { printf '%7.1f s\n' "$(echo "$(date +%s.%N) - $T_STEP" | bc)" >&2; }

# ---------------------------------------------------------------------------------------------
step_start "fresh instance in ${PORTAL_VAR#$BENCH_ROOT/} (stop, wipe, migrate)"
"$PORTALCTL" stop >/dev/null 2>&1 || true
case "$PORTAL_VAR" in */var/bench*|*/bench*) ;; *) echo "refusing to wipe $PORTAL_VAR" >&2; exit 1 ;; esac
rm -rf "$PORTAL_VAR"
[ -x "$BUILD/portal-tool" ] || "$PORTALCTL" build
"$PORTALCTL" migrate >/dev/null
step_end

step_start "demo data (sql/demo.sql)"
HASH="$("$BUILD/portal-tool" hash-password inservice-demo)"
sed "s|@DEMO_PASSWORD_HASH@|$HASH|g" "$BENCH_ROOT/sql/demo.sql" | bsql
"$BUILD/portal-tool" pii-migrate --config "$PORTAL_VAR/portal.conf" >/dev/null  # as portalctl start does
step_end

# Reference data the generator builds on; a few more attribute tags for realism.
bsql <<'SQL'
INSERT IGNORE INTO tag (name) VALUES ('性別平等教育'), ('環境教育'), ('防災教育'), ('資訊安全'),
  ('國際教育'), ('原住民族教育'), ('本土語文'), ('雙語教育'), ('生命教育'), ('交通安全教育');
SQL
mkdir -p "$GEN/refs"
bsql -N -e "SELECT id, name FROM county ORDER BY id" > "$GEN/refs/county.tsv"
bsql -N -e "SELECT id FROM category ORDER BY id" > "$GEN/refs/category.tsv"
bsql -N -e "SELECT id, name FROM tag ORDER BY id" > "$GEN/refs/tag.tsv"
bsql -N -e "SELECT id, county_id, code, name FROM unit WHERE is_review_unit ORDER BY id" > "$GEN/refs/review_units.tsv"
bsql -N -e "SELECT code FROM unit" > "$GEN/refs/unit_codes.tsv"
bsql -N -e "SELECT code FROM course" > "$GEN/refs/course_codes.tsv"
bsql -N -e "SELECT national_id_hmac FROM teacher" > "$GEN/refs/national_id_keys.tsv"
bsql -N -e "SELECT account_name FROM business_account" > "$GEN/refs/account_names.tsv"
PARTNER_ID="$(bsql -N -e "SELECT IFNULL(MIN(id), 0) FROM partner WHERE may_report")"

step_start "TSV files (bench/gen.py, scale $SCALE)"
echo >&2
python3 "$BENCH_ROOT/bench/gen.py" --scale "$SCALE" --out "$GEN" --refs "$GEN/refs" \
  --hash "$HASH" --seed "$SEED" --base-id "$B" --secrets "$PORTAL_VAR/secrets" >&2
printf '[generate] %-52s' "TSV files written" >&2
step_end
du -sh "$GEN" | sed 's/^/[generate]   /' >&2

# ---------------------------------------------------------------------------------------------
# The schema's triggers (cache versions, session clean-up) would run once per row and some
# update tables the bulk statements read: they are saved, dropped for the load and recreated
# exactly as they were (SHOW CREATE TRIGGER) at the end.
step_start "save and drop triggers"
bsql -N -e "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS
            WHERE TRIGGER_SCHEMA = DATABASE()
            ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER" > "$GEN/triggers.list"
: > "$GEN/triggers.sql"
while read -r trg; do
  [ -n "$trg" ] || continue
  bsql -N -B -r -e "SHOW CREATE TRIGGER \`$trg\`" | python3 -c "
import sys
fields = sys.stdin.read().split('\t')
print('SET SESSION sql_mode = %r//' % fields[1])
print(fields[2].rstrip('\n') + '//')" >> "$GEN/triggers.sql"
  bsql -e "DROP TRIGGER \`$trg\`"
done < "$GEN/triggers.list"
step_end
echo "[generate]   $(grep -c . "$GEN/triggers.list") triggers saved to ${GEN#$BENCH_ROOT/}/triggers.sql" >&2

# ---------------------------------------------------------------------------------------------
# Bulk loading: one statement per table, in primary-key order, without per-row FK/unique checks
# (the generator guarantees both; the constraints are checked again when the app writes).
BULK="SET SESSION foreign_key_checks = 0, unique_checks = 0;"
load() {  # load TABLE (COLUMNS)
  step_start "LOAD DATA $1 ($(wc -l < "$GEN/$1.tsv") rows)"
  bsql --local-infile=1 -e "$BULK LOAD DATA LOCAL INFILE '$GEN/$1.tsv' INTO TABLE $1
    CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t' LINES TERMINATED BY '\n' $2"
  step_end
}
# InnoDB builds the indexes of an empty table by sorting when a bulk INSERT (foreign and unique
# checks off) is the first write: about 3x faster than inserting into the demo's few rows. So the
# demo rows of the big tables are kept aside, the table emptied, and the rows put back after.
STASHED=()
stash() {  # (a table that others reference by foreign key cannot be emptied: it is left as is)
  for t in "$@"; do
    [ "$(bsql -N -e "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS
                     WHERE CONSTRAINT_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME = '$t'")" = 0 ] || continue
    STASHED+=("$t")
    bsql -e "DROP TABLE IF EXISTS bench_stash_$t; CREATE TABLE bench_stash_$t AS SELECT * FROM $t;
             TRUNCATE TABLE $t; ALTER TABLE $t AUTO_INCREMENT = $B;"
  done
}
unstash() {
  for t in "${STASHED[@]}"; do
    bsql -e "$BULK INSERT INTO $t SELECT * FROM bench_stash_$t; DROP TABLE bench_stash_$t;"
  done
}

load unit "(id, code, name, county_id, level, ownership, authority_unit_id, review_unit_id, is_review_unit)"
load business_account "(id, account_name, display_name, unit_id, kind, approved_at, disabled_at, email, phone, password_hash, created_at)"
load teacher "(id, national_id_hmac, @enc, name, gender, birth_date, email, phone, unit_id, title_code, title_name, employment, employment_note, is_kindergarten_staff, password_hash, created_at) SET national_id_enc = UNHEX(@enc)"
load course "(id, code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school, category_id, subject_area, levels, basis_doc, special_approval_doc, outline, hours, credits, class_count, seats_per_class, online_seats, seats_taken, enrol_online, enrol_opens_at, enrol_closes_at, auto_review, subsidy, contact1_name, contact1_phone, contact1_email, contact2_name, contact2_phone, contact2_email, state, first_date, last_date, flagged_restricted, created_at, updated_at)"
load course_session "(course_id, session_date, starts_at, ends_at, breaks, place)"
load course_tag "(course_id, tag_id)"

# ---------------------------------------------------------------------------------------------
# Enrolments: seats_taken approved (or pending) teachers per course, plus a cancelled and a
# rejected one on some courses. Teacher k of course c is T0 + (c*104729 + k*P) mod NT with P
# prime to NT, so the teachers of a course are distinct and every teacher gets about the same
# number (~25 a year, ~20 records: the median teacher).
NT="$(bsql -N -e "SELECT COUNT(*) FROM teacher WHERE id >= $B")"
P=$(python3 -c "
import math, sys
nt = int(sys.argv[1])
p = 7919
while math.gcd(p, nt) != 1: p += 2
print(p)" "$NT")

step_start "set the demo's enrolments, rosters, records aside"
stash enrolment roster_entry study_record course_history
step_end

step_start "enrolment (INSERT ... SELECT from seq_1_to_30)"
bsql -e "$BULK
INSERT INTO enrolment (course_id, teacher_id, status, created_at, decided_at, cancelled_at, reminded_at)
SELECT STRAIGHT_JOIN c.id, $B + MOD(c.id * 104729 + s.seq * $P, $NT),
  CASE WHEN s.seq > c.seats_taken + 1 THEN 'rejected'
       WHEN s.seq > c.seats_taken THEN 'cancelled'
       WHEN c.state = 'approved' AND c.enrol_closes_at > NOW() AND NOT c.auto_review
            AND MOD(s.seq, 3) = 0 THEN 'pending'
       ELSE 'approved' END,
  LEAST(NOW(), c.enrol_opens_at + INTERVAL (s.seq * 37 + MOD(c.id, 600)) MINUTE),
  CASE WHEN s.seq > c.seats_taken + 1
            OR (s.seq <= c.seats_taken AND NOT (c.state = 'approved' AND c.enrol_closes_at > NOW()
                AND NOT c.auto_review AND MOD(s.seq, 3) = 0))
       THEN LEAST(NOW(), c.enrol_opens_at + INTERVAL (s.seq * 37 + MOD(c.id, 600) + 1440) MINUTE)
       END,
  IF(s.seq = c.seats_taken + 1,
     LEAST(NOW(), c.enrol_opens_at + INTERVAL (s.seq * 37 + MOD(c.id, 600) + 2880) MINUTE), NULL),
  -- A running portal has sent the reminders of courses that start within two days: without this
  -- the scheduler would send tens of thousands at once during the first measured runs.
  IF(c.first_date <= CURDATE() + INTERVAL 2 DAY, NOW(), NULL)
FROM course c JOIN seq_1_to_30 s
  ON s.seq <= c.seats_taken + IF(c.seats_taken > 0, (MOD(c.id, 7) = 0) + (MOD(c.id, 29) = 0), 0)
WHERE c.id >= $B"
step_end

# Rosters of courses whose roster was submitted: 3 % no-shows (unexcused, no hours),
# 3 % left early (excused, one hour less), the rest full hours.
step_start "roster_entry (from approved enrolments)"
bsql -e "$BULK
INSERT INTO roster_entry (course_id, teacher_id, attendance, hours_absent, hours)
SELECT STRAIGHT_JOIN e.course_id, e.teacher_id,
  CASE WHEN MOD(e.teacher_id * 31 + e.course_id * 17, 100) < 3 THEN 'unexcused'
       WHEN MOD(e.teacher_id * 31 + e.course_id * 17, 100) < 6 AND c.hours > 1 THEN 'excused'
       ELSE 'full' END,
  CASE WHEN MOD(e.teacher_id * 31 + e.course_id * 17, 100) < 3 THEN c.hours
       WHEN MOD(e.teacher_id * 31 + e.course_id * 17, 100) < 6 AND c.hours > 1 THEN 1
       ELSE 0 END,
  CASE WHEN MOD(e.teacher_id * 31 + e.course_id * 17, 100) < 3 THEN 0
       WHEN MOD(e.teacher_id * 31 + e.course_id * 17, 100) < 6 AND c.hours > 1 THEN c.hours - 1
       ELSE c.hours END
FROM enrolment e JOIN course c ON c.id = e.course_id
WHERE e.course_id >= $B AND e.status = 'approved'
  AND c.state IN ('roster_submitted', 'roster_returned', 'closed')"
step_end

step_start "study_record (hours of closed courses)"
bsql -e "$BULK
INSERT INTO study_record (teacher_id, course_id, source, title, hours, credits, completed_on, created_at)
SELECT STRAIGHT_JOIN r.teacher_id, r.course_id, 'portal', c.title, r.hours, c.credits, c.last_date,
  LEAST(NOW(), c.last_date + INTERVAL (7 + MOD(c.id, 20)) DAY + INTERVAL MOD(c.id, 600) MINUTE)
FROM roster_entry r JOIN course c ON c.id = r.course_id
WHERE r.course_id >= $B AND r.hours > 0 AND c.state = 'closed'"
step_end

# Records reported by partner sites, county systems and 公務人員終身學習 (no course here):
# two for every fifth teacher.
step_start "study_record (reported from elsewhere)"
bsql -e "$BULK
INSERT INTO study_record (teacher_id, course_id, source, partner_id, external_ref, title, hours,
                          credits, completed_on, created_at)
SELECT t.id, NULL, src.source, IF(src.source = 'partner', $PARTNER_ID, NULL),
  CONCAT('BENCH-', t.id, '-', s.seq),
  ELT(1 + MOD(t.id * 7 + s.seq, 8), '夢的N次方：跨域共備工作坊', '縣市教師專業發展研習',
      '數學領域輔導團到校服務', '公務人員數位學習：資訊安全概論', '性別平等教育線上課程',
      '教師專業發展實踐方案社群', '閱讀教學策略線上課程', '防災教育數位課程'),
  ELT(1 + MOD(t.id + s.seq, 5), 1, 2, 3, 3, 6), 0,
  CURDATE() - INTERVAL MOD(t.id * 13 + s.seq * 101, 330) DAY,
  CURDATE() - INTERVAL MOD(t.id * 13 + s.seq * 101, 330) DAY + INTERVAL 10 DAY
FROM teacher t JOIN seq_1_to_2 s
JOIN (SELECT 0 AS k, IF($PARTNER_ID > 0, 'partner', 'county') AS source
      UNION ALL SELECT 1, 'county' UNION ALL SELECT 2, 'civil_service') src
  ON src.k = MOD(t.id + s.seq, 3)
WHERE t.id >= $B AND MOD(t.id, 5) = 0"
step_end

step_start "course_history (created, current state)"
bsql -e "$BULK
INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons, at)
SELECT id, NULL, 'unconfirmed', organizer_id, NULL, created_at FROM course WHERE id >= $B;
INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons, at)
SELECT id, 'unconfirmed', IF(state IN ('closed', 'roster_submitted', 'roster_returned'), 'approved', state),
  NULL, IF(state = 'returned', '請補充研習大綱', NULL), LEAST(NOW(), created_at + INTERVAL 3 DAY)
FROM course WHERE id >= $B AND state <> 'unconfirmed';
INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons, at)
SELECT id, 'approved', state, organizer_id, NULL, LEAST(NOW(), last_date + INTERVAL 5 DAY)
FROM course WHERE id >= $B AND state IN ('closed', 'roster_submitted', 'roster_returned');"
step_end

step_start "put the demo's rows back"
unstash
step_end

# ---------------------------------------------------------------------------------------------
# The demo teacher A123456789 (王小明) gets the median teacher's year: 18 more closed courses
# this year with hours, 3 upcoming enrolments, and 25 older records from 6 earlier years. The
# demo's two closed courses without hours stay, so the light stays yellow.
step_start "history of A123456789 (the measured teacher)"
bsql -e "
SET @t = (SELECT id FROM teacher WHERE national_id_hmac = '$(nid_key A123456789)');
CREATE TEMPORARY TABLE pick_closed AS
  SELECT id FROM course WHERE id >= $B AND state = 'closed' AND seats_taken < online_seats
    AND first_date >= MAKEDATE(YEAR(CURDATE()), 1)
    AND id NOT IN (SELECT course_id FROM enrolment WHERE teacher_id = @t)
  ORDER BY CRC32(id) LIMIT 18;
CREATE TEMPORARY TABLE pick_open AS
  SELECT id, auto_review FROM course WHERE id >= $B AND state = 'approved' AND enrol_online
    AND enrol_opens_at <= NOW() AND enrol_closes_at > NOW() AND seats_taken < online_seats
  ORDER BY CRC32(id) LIMIT 3;
INSERT INTO enrolment (course_id, teacher_id, status, created_at, decided_at)
  SELECT c.id, @t, 'approved', c.enrol_opens_at + INTERVAL 2 HOUR, c.enrol_opens_at + INTERVAL 1 DAY
  FROM course c JOIN pick_closed p ON p.id = c.id;
INSERT INTO enrolment (course_id, teacher_id, status, created_at, decided_at)
  SELECT c.id, @t, IF(c.auto_review, 'approved', 'pending'), LEAST(NOW(), c.enrol_opens_at + INTERVAL 1 HOUR),
    IF(c.auto_review, LEAST(NOW(), c.enrol_opens_at + INTERVAL 1 HOUR), NULL)
  FROM course c JOIN pick_open p ON p.id = c.id;
UPDATE course SET seats_taken = seats_taken + 1
  WHERE id IN (SELECT id FROM pick_closed) OR id IN (SELECT id FROM pick_open);
INSERT INTO roster_entry (course_id, teacher_id, attendance, hours)
  SELECT c.id, @t, 'full', c.hours FROM course c JOIN pick_closed p ON p.id = c.id;
INSERT INTO study_record (teacher_id, course_id, source, title, hours, credits, completed_on)
  SELECT @t, c.id, 'portal', c.title, c.hours, c.credits, c.last_date FROM course c JOIN pick_closed p ON p.id = c.id;
INSERT INTO study_record (teacher_id, course_id, source, partner_id, external_ref, title, hours, completed_on)
  SELECT @t, NULL, IF(MOD(seq, 3) = 0 AND $PARTNER_ID > 0, 'partner', 'county'),
    IF(MOD(seq, 3) = 0 AND $PARTNER_ID > 0, $PARTNER_ID, NULL), CONCAT('A-HIST-', seq),
    ELT(1 + MOD(seq, 6), '桃園市教師專業發展研習', '國語文領域輔導團研習', '英語教學增能研習',
        '特殊教育知能研習', '班級經營實務研習', '資訊融入教學研習'),
    ELT(1 + MOD(seq, 4), 3, 3, 6, 2),
    MAKEDATE(YEAR(CURDATE()) - 1 - MOD(seq, 6), 1) + INTERVAL MOD(seq * 47, 360) DAY
  FROM seq_1_to_25;"
step_end

step_start "recreate triggers"
{ echo 'DELIMITER //'; cat "$GEN/triggers.sql"; echo 'DELIMITER ;'; } | bsql
[ "$(bsql -N -e "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()")" \
  = "$(grep -c . "$GEN/triggers.list")" ] || { echo "triggers were not all recreated" >&2; exit 1; }
step_end

step_start "ANALYZE TABLE"
bsql -e "ANALYZE TABLE unit, teacher, business_account, course, course_session, course_tag,
  enrolment, roster_entry, study_record, course_history" >/dev/null
step_end

# Mroonga indexes 500,000 documents several times faster in one go (ENABLE KEYS) than row by
# row; the GROUP_CONCAT of tag names is short, so its temporary table stays in memory.
step_start "course_search rebuild (Mroonga)"
bsql -e "TRUNCATE TABLE course_search; ALTER TABLE course_search DISABLE KEYS"
{ echo "SET SESSION group_concat_max_len = 512, tmp_table_size = 268435456, max_heap_table_size = 268435456;"
  sed "s|@PUBLIC_STATES@|$("$BUILD/portal-tool" course-states public)|g" \
    "$BENCH_ROOT/sql/course_search_rebuild.sql"; } | bsql
bsql -e "ALTER TABLE course_search ENABLE KEYS"
step_end

printf '[generate] %-52s%7.1f s\n' "total" "$(echo "$(date +%s.%N) - $T_ALL" | bc)" >&2
bsql -t -e "
SELECT 'units' AS what, COUNT(*) AS n FROM unit UNION ALL
SELECT 'teachers', COUNT(*) FROM teacher UNION ALL
SELECT 'business accounts', COUNT(*) FROM business_account UNION ALL
SELECT 'courses', COUNT(*) FROM course UNION ALL
SELECT 'course sessions', COUNT(*) FROM course_session UNION ALL
SELECT 'enrolments', COUNT(*) FROM enrolment UNION ALL
SELECT 'roster entries', COUNT(*) FROM roster_entry UNION ALL
SELECT 'study records', COUNT(*) FROM study_record UNION ALL
SELECT 'course_search rows', COUNT(*) FROM course_search;
SELECT 'A123456789' AS national_id, t.name,
  (SELECT COUNT(*) FROM enrolment e WHERE e.teacher_id = t.id) AS enrolments,
  (SELECT COUNT(*) FROM study_record r WHERE r.teacher_id = t.id) AS records,
  (SELECT COUNT(*) FROM study_record r WHERE r.teacher_id = t.id
     AND r.completed_on >= MAKEDATE(YEAR(CURDATE()), 1)) AS records_this_year
FROM teacher t WHERE t.national_id_hmac = '$(nid_key A123456789)';"
echo "[generate] data in $PORTAL_VAR (MariaDB left running on port $PORTAL_DB_PORT); next: bench/run.sh" >&2
