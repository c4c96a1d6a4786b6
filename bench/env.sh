# The benchmark instance's settings, sourced by bench/generate.sh and bench/run.sh.
# Each may be overridden from the environment.
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PORTAL_VAR="${BENCH_VAR:-$BENCH_ROOT/var/bench}"
export PORTAL_PORT="${BENCH_PORT:-8180}"
export PORTAL_DB_PORT="${BENCH_DB_PORT:-3409}"
export PORTAL_WORKERS="${PORTAL_WORKERS:-2}"
export PORTAL_THREADS="${PORTAL_THREADS:-4}"
# The demo data stays (its accounts are handy); the bench data is loaded beside it.
export PORTAL_DEMO=1
# The national data set is ~3.2 GB of InnoDB; the pool holds all of it (the portal default is 1G).
export PORTAL_BUFFER_POOL="${PORTAL_BUFFER_POOL:-4G}"
# No nginx access log (as in PERF-ANCHORS); BENCH_ACCESS_LOG=FILE turns it on.
if [ -n "${BENCH_ACCESS_LOG:-}" ]; then export PORTAL_ACCESS_LOG="$BENCH_ACCESS_LOG"; else unset PORTAL_ACCESS_LOG; fi
# Its own mail sink port, so it never collides with the main or test instance.
export PORTAL_SMTP_PORT="${BENCH_SMTP_PORT:-2590}"
PORTALCTL="$BENCH_ROOT/nginx/portalctl"
BUILD="${PORTAL_BUILD:-$BENCH_ROOT/build}"
# Generated rows start here, above the demo's ids (courses ≤ ~110, units 1..6, teachers 1..5).
BENCH_BASE_ID=1000

# teacher.national_id_hmac of a 身分證字號 with the instance's key (fcgi/core/pii.h): the way to find one.
nid_key() {
  python3 -c 'import hashlib, hmac, sys; print(hmac.new(open(sys.argv[1], "rb").read(), sys.argv[2].encode(), hashlib.sha256).hexdigest())' \
    "$PORTAL_VAR/secrets/pii-hmac.key" "$1"
}

# SQL as root, as `nginx/portalctl sql` runs it (called directly: one process less per statement,
# and immune to portalctl being edited while a long load runs).
bsql() { mariadb --socket="$PORTAL_VAR/run/mysqld.sock" -uroot inservice "$@"; }
# wrk sends everything from 127.0.0.1: the read API's per-address limit would measure nginx's
# 429s, not the API. The limiter itself is tested in tests/integration/test_course_api.py.
export PORTAL_API_RATE="${PORTAL_API_RATE:-100000r/s}"
export PORTAL_API_BURST="${PORTAL_API_BURST:-100000}"

# What of the bench instance a script finds running: the rest is the script's to stop at its end
# (remember_running first, then `trap stop_what_we_started EXIT`; KEEP=1 leaves everything up).
bench_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
declare -A WAS_UP
remember_running() {
  for p in mysqld portal nginx smtp-sink scheduler; do
    if bench_alive "$PORTAL_VAR/run/$p.pid"; then WAS_UP[$p]=1; else WAS_UP[$p]=0; fi
  done
}
stop_what_we_started() {
  set +e
  if [ "${KEEP:-0}" = 1 ]; then log "instance left running at http://127.0.0.1:$PORTAL_PORT"; return; fi
  for p in nginx scheduler portal smtp-sink mysqld; do   # front to back, as portalctl stop does
    [ "${WAS_UP[$p]}" = 1 ] && continue
    bench_alive "$PORTAL_VAR/run/$p.pid" || continue
    local pid; pid="$(cat "$PORTAL_VAR/run/$p.pid")"
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    log "stopped $p (pid $pid)"
  done
}
