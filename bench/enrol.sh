#!/bin/bash
# Enrolment burst (issue 8): 1,000 teachers at a 120-seat 自動審核 course, released at once,
# through nginx and the portal (bench/enrol_burst.py), and the same application transaction
# straight on MariaDB with as many connections as the portal has threads (build/bench-raw-enrol),
# in the same run, round by round. Prints both and the ratio of their rates.
#
#   bench/enrol.sh [--rounds R] [--keep] [-- extra options of bench/enrol_burst.py]
#
# Uses the bench instance of bench/env.sh (var/bench, nginx :8180, MariaDB :3409). Without bench
# data it makes small data first (bench/generate.sh 0.02) and says so. Whatever of the instance
# this script started (MariaDB, workers, the scheduler, nginx, mail sink) it stops at the end by the PIDs in
# var/bench/run/, unless --keep; what was already running is left running.
# Targets: every answer within 1 s of the release; portal rate / raw rate >= 0.7; with
# innodb_flush_log_at_trx_commit = 1 (checked and printed). A benchmark, not a test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

ROUNDS="${BENCH_ROUNDS:-3}"
KEEP="${BENCH_KEEP:-0}"
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    *) sed -n '2,15p' "$0" >&2; exit 2 ;;
  esac
done
log() { printf '[enrol.sh] %s\n' "$*" >&2; }
B=$BENCH_BASE_ID
STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$PORTAL_VAR/results/enrol-$STAMP"

remember_running
trap stop_what_we_started EXIT

cmake --build "$BUILD" --target bench-raw-enrol bench-burst-client >&2
DATA="national-scale data (bench/generate.sh 1.0)"
if [ ! -d "$PORTAL_VAR/mysql" ]; then
  log "no bench data in ${PORTAL_VAR#$BENCH_ROOT/}: making small data (bench/generate.sh 0.02)"
  "$BENCH_ROOT/bench/generate.sh" 0.02
  WAS_UP[mysqld]=0   # generate.sh leaves the MariaDB it started running: ours to stop
fi
"$PORTALCTL" start >&2
NT="$(bsql -N -e "SELECT COUNT(*) FROM teacher WHERE id >= $B")"
NC="$(bsql -N -e "SELECT COUNT(*) FROM course WHERE id >= $B")"
NE="$(bsql -N -e "SELECT COUNT(*) FROM enrolment")"
[ "$NT" -ge 200000 ] || DATA="small data ($NT generated teachers; bench/generate.sh 0.02 or similar), not national scale"
FLUSH="$(bsql -N -e "SELECT @@GLOBAL.innodb_flush_log_at_trx_commit")"
mkdir -p "$OUT"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "host: $(nproc) CPUs, $(uname -r)"
  echo "data: $DATA: $NT teachers, $NC courses, $NE enrolments"
  echo "portal: $PORTAL_WORKERS workers x $PORTAL_THREADS threads; raw: $((PORTAL_WORKERS * PORTAL_THREADS)) connections"
  echo "innodb_flush_log_at_trx_commit: $FLUSH"
  echo "mariadb: $(bsql -N -e "SELECT VERSION()")"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/setup.txt" >&2
[ "$FLUSH" = 1 ] || log "WARNING: innodb_flush_log_at_trx_commit is $FLUSH, not 1"

set +e
python3 "$BENCH_ROOT/bench/enrol_burst.py" --var "$PORTAL_VAR" --port "$PORTAL_PORT" --rounds "$ROUNDS" \
  --client "$BUILD/bench-burst-client" --raw "$BUILD/bench-raw-enrol" --raw-threads "$((PORTAL_WORKERS * PORTAL_THREADS))" \
  --json "$OUT/rounds.json" "${EXTRA[@]}" 2>&1 | tee "$OUT/output.txt"
rc=${PIPESTATUS[0]}
set -e
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/setup.txt" >&2
log "raw output in ${OUT#$BENCH_ROOT/}"
exit "$rc"
