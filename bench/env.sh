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

# SQL as root, as `nginx/portalctl sql` runs it (called directly: one process less per statement,
# and immune to portalctl being edited while a long load runs).
bsql() { mariadb --socket="$PORTAL_VAR/run/mysqld.sock" -uroot inservice "$@"; }
# wrk sends everything from 127.0.0.1: the read API's per-address limit would measure nginx's
# 429s, not the API. The limiter itself is tested in tests/integration/test_course_api.py.
export PORTAL_API_RATE="${PORTAL_API_RATE:-100000r/s}"
export PORTAL_API_BURST="${PORTAL_API_BURST:-100000}"
