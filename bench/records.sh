#!/bin/bash
# The 研習紀錄 page of a teacher with 20 years of records (issue 9): a bench teacher with 400
# records (about 20 a year; portal records of tagged generated courses, ten of them corrected, and
# records reported by partners, counties and 公務人員終身學習), logged in through /login, then
# wrk on /teacher/records (unfiltered, and filtered by tag and keyword) and /teacher/records.csv.
#
#   bench/records.sh [--rounds R] [--duration S] [--conns "32"] [--keep]
#
# Uses the bench instance of bench/env.sh (var/bench; BENCH_PORT, BENCH_DB_PORT, BENCH_SMTP_PORT
# move it off the defaults). Without bench data it makes small data first (bench/generate.sh 0.02)
# and says so. What it started it stops at the end by the PIDs in var/bench/run/, unless --keep.
# Target: p99 <= 20 ms at 32 connections. A benchmark that prints figures, not a test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

ROUNDS="${BENCH_ROUNDS:-3}"
DURATION="${BENCH_DURATION:-10}"
CONNS="${BENCH_CONNS:-32}"
KEEP="${BENCH_KEEP:-0}"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --conns) CONNS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) sed -n '2,13p' "$0" >&2; exit 2 ;;
  esac
done
log() { printf '[records.sh] %s\n' "$*" >&2; }
B=$BENCH_BASE_ID
URL="http://127.0.0.1:$PORTAL_PORT"
STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$PORTAL_VAR/results/records-$STAMP"
# The bench teacher: a fixed, valid 身分證字號 outside the generator's letters (it draws A-W).
BENCH_NID="$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import portal; print(portal.with_check_digit("Z10000040"))' \
  "$BENCH_ROOT/tests/integration")"

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
remember_running
trap stop_what_we_started EXIT

DATA="national-scale data (bench/generate.sh 1.0)"
if [ ! -d "$PORTAL_VAR/mysql" ]; then
  log "no bench data in ${PORTAL_VAR#$BENCH_ROOT/}: making small data (bench/generate.sh 0.02)"
  "$BENCH_ROOT/bench/generate.sh" 0.02
  WAS_UP[mysqld]=0   # generate.sh leaves the MariaDB it started running: ours to stop
fi
"$PORTALCTL" start >&2
NT="$(bsql -N -e "SELECT COUNT(*) FROM teacher WHERE id >= $B")"
[ "$NT" -ge 200000 ] || DATA="small data ($NT generated teachers), not national scale"

# ---------------------------------------------------------------------------------------------
# The bench teacher and 400 records, made once (a rerun reuses them). Records are inserted as
# records::issue leaves them: a verification code each; corrections as new rows linking the old.
TID="$(bsql -N -e "SELECT id FROM teacher WHERE national_id_hmac = '$(nid_key "$BENCH_NID")'")"
if [ -z "$TID" ]; then
  log "making the bench teacher $BENCH_NID with 400 records over 20 years"
  bsql <<SQL
INSERT INTO teacher (national_id, name, gender, unit_id, employment, password_hash)
  SELECT '$BENCH_NID', '紀錄壓測', 'F', 4, 'active', password_hash FROM teacher WHERE id = 1;
SET @t = (SELECT id FROM teacher WHERE national_id = '$BENCH_NID');
-- 300 portal records of generated courses that carry a tag, completed every 18 days back 20 years.
INSERT INTO study_record (teacher_id, course_id, source, title, hours, credits, completed_on, verify_code)
SELECT @t, c.id, 'portal', c.title, c.hours, 0, CURDATE() - INTERVAL (n.seq * 18) DAY,
       CONCAT('BENCHR', LPAD(n.seq, 6, '0'))
FROM (SELECT ROW_NUMBER() OVER (ORDER BY ct.course_id) - 1 AS seq, ct.course_id
        FROM (SELECT DISTINCT course_id FROM course_tag WHERE course_id >= $B LIMIT 300) ct) n
JOIN course c ON c.id = n.course_id;
-- 100 reported by partners, counties and 公務人員終身學習, between them.
INSERT INTO study_record (teacher_id, course_id, source, partner_id, external_ref, title, hours, credits, completed_on, verify_code)
SELECT @t, NULL, ELT(1 + s.seq % 3, 'partner', 'county', 'civil_service'), IF(s.seq % 3 = 0, 1, NULL),
       CONCAT('BENCH-', s.seq), CONCAT('外部研習第 ', s.seq, ' 場'), 1 + s.seq % 6, IF(s.seq % 25 = 0, 2, 0),
       CURDATE() - INTERVAL (9 + s.seq * 72) DAY, CONCAT('BENCHX', LPAD(s.seq, 6, '0'))
FROM seq_0_to_99 s;
-- Ten corrected by the reviewer: the page shows the newest with the old value and the reason.
INSERT INTO study_record (teacher_id, course_id, correction_no, corrects_id, correction_reason, created_by,
                          source, title, hours, credits, completed_on, verify_code)
SELECT teacher_id, course_id, 1, id, '依簽到紀錄更正', 3, source, title, hours + 1, credits, completed_on,
       CONCAT('BENCHC', LPAD(id % 1000000, 6, '0'))
FROM study_record WHERE teacher_id = @t AND source = 'portal' ORDER BY id LIMIT 10;
SQL
  # The teacher went in through national_id, the bulk intake: seal it as portalctl start does.
  "$BUILD/portal-tool" pii-migrate --config "$PORTAL_VAR/portal.conf" >/dev/null
  TID="$(bsql -N -e "SELECT id FROM teacher WHERE national_id_hmac = '$(nid_key "$BENCH_NID")'")"
fi
NR="$(bsql -N -e "SELECT COUNT(*) FROM study_record r WHERE teacher_id = $TID
  AND NOT EXISTS (SELECT 1 FROM study_record n WHERE n.corrects_id = r.id)")"
YEARS="$(bsql -N -e "SELECT COUNT(DISTINCT YEAR(completed_on)) FROM study_record WHERE teacher_id = $TID")"

# Log in through the form (CSRF token and 'pre' cookie, then sid), as bench/run.sh does.
JAR="$(mktemp)"
csrf="$(curl -s -c "$JAR" -b "$JAR" "$URL/login" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
code="$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" --data-urlencode "account=$BENCH_NID" \
  --data-urlencode "password=inservice-demo" --data-urlencode "csrf=$csrf" "$URL/login")"
SID="$(awk '$6 == "sid" { print $7 }' "$JAR")"
rm -f "$JAR"
[ "$code" = 303 ] && [ -n "$SID" ] || { log "login as $BENCH_NID failed (HTTP $code)"; exit 1; }
page="$(curl -s -H "Cookie: sid=$SID" "$URL/teacher/records")"
shown="$(printf '%s' "$page" | grep -o '<tr data-record=' | wc -l)"
[ "$shown" = "$NR" ] || { log "/teacher/records lists $shown records, expected $NR"; exit 1; }

mkdir -p "$OUT"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "host: $(nproc) CPUs, $(uname -r)"
  echo "data: $DATA; bench teacher $TID: $NR current records over $YEARS years"
  echo "portal: $PORTAL_WORKERS workers x $PORTAL_THREADS threads"
  echo "page: $(printf '%s' "$page" | wc -c) bytes"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/setup.txt" >&2

cat > "$OUT/records.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
bad = 0
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("bad") end
  io.write(string.format("NON200 %d\n", n))
end
LUA

# TARGET PATH: one wrk run; prints "target conns rps p50 p99 non200".
measure() {
  local name="$1" path="$2" c="$3" file="$OUT/$1-c$3-r$4.txt"
  wrk -t2 -c"$c" -d"${DURATION}s" --latency --timeout 10s -H "Cookie: sid=$SID" -s "$OUT/records.lua" \
    "$URL$path" > "$file" 2>&1 || true
  awk -v t="$name" -v c="$c" '
    /Requests\/sec/ { rps = $2 } / 50%/ { p50 = $2 } / 99%/ { p99 = $2 } /^NON200/ { bad = $2 }
    END { printf "%-10s %4s %10s %9s %9s %7s\n", t, c, rps, p50, p99, bad }' "$file"
}
TARGETS=("records:/teacher/records" "filtered:/teacher/records?tag=2&q=%E6%95%99%E5%AD%B8"
         "csv:/teacher/records.csv")
wrk -t2 -c8 -d3s -H "Cookie: sid=$SID" "$URL/teacher/records" >/dev/null 2>&1 || true   # warm-up
printf '%-10s %4s %10s %9s %9s %7s\n' target conns req/s p50 p99 non200 | tee "$OUT/table.txt"
for r in $(seq 1 "$ROUNDS"); do
  for t in "${TARGETS[@]}"; do
    for c in $CONNS; do measure "${t%%:*}" "${t#*:}" "$c" "$r" | tee -a "$OUT/table.txt"; done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/setup.txt" >&2
log "raw output in ${OUT#$BENCH_ROOT/}"
