#!/bin/bash
# Starts (fresh) or stops the private stack the integration and browser tests drive:
# MariaDB, the FastCGI workers, nginx and the SMTP sink under var/test, on 127.0.0.1:18080.
# PORTAL_TEST_PORT, PORTAL_TEST_DB_PORT and PORTAL_TEST_SMTP_PORT move it, so that two checkouts
# can run their tests side by side.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PORTAL_VAR="$ROOT/var/test"
export PORTAL_PORT="${PORTAL_TEST_PORT:-18080}"
export PORTAL_DB_PORT="${PORTAL_TEST_DB_PORT:-13407}"
export PORTAL_SMTP_PORT="${PORTAL_TEST_SMTP_PORT:-12525}"  # the SMTP sink; mail lands in var/test/mail
export PORTAL_BUFFER_POOL=256M
export PORTAL_ACCESS_LOG="$PORTAL_VAR/log/access.log"
# Every test logs in from 127.0.0.1, on a fast machine 25 times a second and more; the limit
# itself is tested at this rate by a concurrent flood (test_login.NginxRateLimit).
export PORTAL_LOGIN_RATE=1200r/m
export PORTAL_LOGIN_BURST=200
# The race tests send one teacher's application hundreds of times a minute; test_enrolment
# checks the per-session limit at this rate.
export PORTAL_ENROL_RATE=1200r/m
# Tests search right after changing courses: the search index reloads at once.
export PORTAL_SEARCH_REFRESH=0
# 研習資訊訂閱's digest may go out at any hour: the scheduler's first pass, at start, takes the
# demo subscription's day, so no digest of it lands in the middle of another test.
export PORTAL_DIGEST_HOUR=0

case "${1:-}" in
  start)
    "$ROOT/nginx/portalctl" stop
    rm -rf "$PORTAL_VAR"
    "$ROOT/nginx/portalctl" start ;;
  stop)
    "$ROOT/nginx/portalctl" stop ;;
  stop-db)  # a clean shutdown of MariaDB under the running portal
    "$ROOT/nginx/portalctl" stop-db ;;
  kill-db)  # kill -9 of MariaDB under the running portal
    kill -9 "$(cat "$PORTAL_VAR/run/mysqld.pid")" ;;
  start-db)
    "$ROOT/nginx/portalctl" start-db ;;
  *) echo "usage: $0 start|stop|stop-db|kill-db|start-db" >&2; exit 2 ;;
esac
