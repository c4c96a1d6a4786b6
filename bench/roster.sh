#!/bin/bash
# Roster benchmarks (issue 9): a reviewer approves a 500-line roster (500 study records in one
# transaction) and an organizer uploads a 2,000-row XLSX (mode good_rows), through nginx and the
# portal (bench/roster_bench.py), round by round, with the FastCGI worker's peak memory (VmHWM)
# and RSS around each request.
#
#   bench/roster.sh [--rounds R] [--keep] [--cold] [-- extra options of bench/roster_bench.py]
#
# Uses the bench instance of bench/env.sh (var/bench, nginx :8180, MariaDB :3409; BENCH_PORT,
# BENCH_DB_PORT, BENCH_SMTP_PORT move them). Without bench data it makes small data first
# (bench/generate.sh 0.02) and says so. Whatever of the instance this script started (MariaDB,
# workers, the scheduler, nginx, mail sink) it stops at the end by the PIDs in var/bench/run/,
# unless --keep; what was already running is left running.
# The buffer pool is warmed first unless --cold. Targets: each under 2 s on this machine.
# A benchmark, not a test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

ROUNDS="${BENCH_ROUNDS:-5}"
KEEP="${BENCH_KEEP:-0}"
COLD="${BENCH_COLD:-0}"
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --cold) COLD=1; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    *) sed -n '2,15p' "$0" >&2; exit 2 ;;
  esac
done
log() { printf '[roster.sh] %s\n' "$*" >&2; }
B=$BENCH_BASE_ID
STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$PORTAL_VAR/results/roster-$STAMP"

remember_running
trap stop_what_we_started EXIT

[ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import openpyxl" \
  || { log "needs python3-openpyxl for /usr/bin/python3 (bench/make_roster_xlsx.py)"; exit 1; }
DATA="national-scale data (bench/generate.sh 1.0)"
if [ ! -d "$PORTAL_VAR/mysql" ]; then
  log "no bench data in ${PORTAL_VAR#$BENCH_ROOT/}: making small data (bench/generate.sh 0.02)"
  "$BENCH_ROOT/bench/generate.sh" 0.02
  WAS_UP[mysqld]=0   # generate.sh leaves the MariaDB it started running: ours to stop
fi
"$PORTALCTL" start >&2
NT="$(bsql -N -e "SELECT COUNT(*) FROM teacher WHERE id >= $B")"
NC="$(bsql -N -e "SELECT COUNT(*) FROM course WHERE id >= $B")"
NR="$(bsql -N -e "SELECT COUNT(*) FROM roster_entry")"
NS="$(bsql -N -e "SELECT COUNT(*) FROM study_record")"
[ "$NT" -ge 200000 ] || DATA="small data ($NT generated teachers; bench/generate.sh 0.02 or similar), not national scale"
# After a restart the buffer pool is cold, and each round's inserts land on random leaf pages of
# roster_entry's and study_record's teacher indexes. A running portal has them in memory: read
# every index of the tables the two operations touch first (as bench/run.sh does), unless --cold.
POOL="cold (--cold: as after a restart of MariaDB)"
if [ "$COLD" = 0 ]; then
  t0=$(date +%s)
  for t in roster_entry study_record teacher course course_session enrolment roster_attendance unit; do
    for i in $(bsql -N -e "SELECT DISTINCT index_name FROM information_schema.statistics
                          WHERE table_schema = 'inservice' AND table_name = '$t'"); do
      bsql -N -e "SELECT COUNT(*) FROM $t FORCE INDEX (\`$i\`)" >/dev/null
    done
  done
  POOL="warm (every index of the tables touched read first, $(( $(date +%s) - t0 )) s)"
fi
mkdir -p "$OUT"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "host: $(nproc) CPUs, $(uname -r)"
  echo "data: $DATA: $NT teachers, $NC courses, $NR roster lines, $NS study records"
  echo "portal: $PORTAL_WORKERS workers x $PORTAL_THREADS threads"
  echo "buffer pool: $POOL"
  echo "innodb_flush_log_at_trx_commit: $(bsql -N -e "SELECT @@GLOBAL.innodb_flush_log_at_trx_commit")"
  echo "mariadb: $(bsql -N -e "SELECT VERSION()")"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/setup.txt" >&2

set +e
python3 "$BENCH_ROOT/bench/roster_bench.py" --var "$PORTAL_VAR" --port "$PORTAL_PORT" --rounds "$ROUNDS" \
  --out "$OUT" --json "$OUT/rounds.json" "${EXTRA[@]}" 2>&1 | tee "$OUT/output.txt"
rc=${PIPESTATUS[0]}
set -e
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/setup.txt" >&2
log "raw output in ${OUT#$BENCH_ROOT/}"
exit "$rc"
