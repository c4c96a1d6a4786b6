#!/bin/bash
# The OpenID provider benchmark: the portal's token endpoint and a returning teacher's round trip
# (authorize → token → userinfo), beside oidc-provider configured the same way, once with its
# in-memory store and once with its codes, sessions and grants in MariaDB (mariadb_adapter.mjs), in
# one run on this machine. See bench/oidc/README.md.
#
#   bench/oidc/run.sh [--rounds N] [--duration SECONDS] [--concurrency C] [--warmup SECONDS] [--keep]
#
# Starts a fresh portal instance under var/oidcbench (its own MariaDB, nginx on 127.0.0.1:8280,
# demo data), logs teacher A123456789 in and consents to dream-n once through the real forms,
# starts oidc-provider on 127.0.0.1:3099 (in memory) and on 127.0.0.1:3098 (on MariaDB: a database
# of its own in the portal instance's server, so both keep their state under the same durable
# settings) and sets up the same there, then runs R interleaved rounds
# (default 3) of D seconds (default 10) per scenario and target at C clients (default 16). Before
# every measured run it waits while another benchmark is running (a `wrk` process, or a script of
# bench/ such as bench/run.sh); a run during which one appeared, or during which more than 15% of
# the machine went to other processes (another session's tests, say), is repeated (up to 3
# times). Prints the table of medians and the ratios portal / each peer; raw results in
# var/oidcbench/results/<time>/. Stops everything it started (portalctl stop with the same
# settings; the providers by their PIDs) unless --keep.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

ROUNDS="${OIDC_BENCH_ROUNDS:-3}"
DURATION="${OIDC_BENCH_DURATION:-10}"
CONCURRENCY="${OIDC_BENCH_CONCURRENCY:-16}"
WARMUP="${OIDC_BENCH_WARMUP:-3}"
KEEP="${OIDC_BENCH_KEEP:-0}"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) sed -n '2,20p' "$0" >&2; exit 2 ;;
  esac
done

# The portal instance: its own directory, ports and mail sink, so it never meets the main, test or
# page-benchmark instances. A generous login limit: the setup logs in once, but reruns add up.
export PORTAL_VAR="${OIDC_BENCH_VAR:-$ROOT/var/oidcbench}"
export PORTAL_PORT="${OIDC_BENCH_PORTAL_PORT:-8280}"
export PORTAL_DB_PORT="${OIDC_BENCH_DB_PORT:-3410}"
export PORTAL_SMTP_PORT="${OIDC_BENCH_SMTP_PORT:-2725}"
export PORTAL_LOGIN_RATE=600r/m
export PORTAL_LOGIN_BURST=200
export PORTAL_DEMO=1
unset PORTAL_SMTP_URL
PROVIDER_PORT="${OIDC_BENCH_PROVIDER_PORT:-3099}"
DB_PROVIDER_PORT="${OIDC_BENCH_DB_PROVIDER_PORT:-3098}"
PORTALCTL="$ROOT/nginx/portalctl"
PORTAL_URL="http://127.0.0.1:$PORTAL_PORT"
PROVIDER_URL="http://127.0.0.1:$PROVIDER_PORT"
DB_PROVIDER_URL="http://127.0.0.1:$DB_PROVIDER_PORT"
# What counts as "another benchmark is running" (process names, and command lines).
WAIT_COMM="${OIDC_BENCH_WAIT_COMM:-wrk}"
# Any script at the top of bench/ (run.sh, generate.sh, explain.sh, gen.py): never this one.
WAIT_CMDLINE="${OIDC_BENCH_WAIT_CMDLINE:-bench/[A-Za-z0-9_.-]+\.(sh|py)( |$)}"

STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$PORTAL_VAR/results/$STAMP"
log() { printf '[oidc-bench] %s\n' "$*" >&2; }

command -v node >/dev/null || { log "node is missing (apt-get install nodejs npm)"; exit 1; }
if [ ! -d "$HERE/node_modules/oidc-provider" ] || [ ! -d "$HERE/node_modules/undici" ] \
   || [ ! -d "$HERE/node_modules/mariadb" ]; then
  log "installing oidc-provider, undici and mariadb (package-lock.json)"
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
fi
for url in "$PROVIDER_URL" "$DB_PROVIDER_URL"; do
  if curl -s -o /dev/null "$url/" 2>/dev/null; then
    log "something already listens on $url; stop it or set OIDC_BENCH_PROVIDER_PORT / OIDC_BENCH_DB_PROVIDER_PORT"; exit 1
  fi
done

another_benchmark() {
  local comm
  for comm in ${WAIT_COMM//,/ }; do pgrep -x "$comm" >/dev/null && return 0; done
  [ -n "$WAIT_CMDLINE" ] && pgrep -f "$WAIT_CMDLINE" >/dev/null && return 0
  return 1
}
wait_quiet() {
  local waited=0
  while another_benchmark; do
    [ $waited = 0 ] && log "another benchmark is running ($(pgrep -a -x wrk | head -1 || pgrep -af "$WAIT_CMDLINE" | head -1)); waiting"
    waited=1
    sleep 5
  done
  [ $waited = 1 ] && { log "it finished; going on after 5 s"; sleep 5; }
  return 0
}

provider_pid=""
db_provider_pid=""
stop_pid() {
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  wait "$pid" 2>/dev/null
}
cleanup() {
  set +e
  stop_pid "$provider_pid"
  stop_pid "$db_provider_pid"
  if [ "$KEEP" = 1 ]; then
    log "left running: portal at $PORTAL_URL (stop: PORTAL_VAR=$PORTAL_VAR PORTAL_PORT=$PORTAL_PORT PORTAL_DB_PORT=$PORTAL_DB_PORT PORTAL_SMTP_PORT=$PORTAL_SMTP_PORT nginx/portalctl stop)"
  else
    "$PORTALCTL" stop
    log "portal instance stopped"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# A fresh portal instance (results of earlier runs are kept).
wait_quiet
"$PORTALCTL" stop
case "$PORTAL_VAR" in
  */oidcbench|*/oidcbench/) ;;
  *) [ ! -e "$PORTAL_VAR" ] || [ -f "$PORTAL_VAR/my.cnf" ] || { log "$PORTAL_VAR does not look like a portal instance; not wiping it"; exit 1; } ;;
esac
wipe_instance() {
  [ -d "$PORTAL_VAR" ] && find "$PORTAL_VAR" -mindepth 1 -maxdepth 1 ! -name results -exec rm -rf {} +
  return 0
}
wipe_instance
mkdir -p "$OUT"
log "starting a fresh portal instance at $PORTAL_URL ($PORTAL_VAR)"
# Once more from scratch if the first start fails (a demo-data load once failed on a MariaDB
# temporary file in /tmp vanishing under it).
if ! "$PORTALCTL" start >"$OUT/portalctl-start.log" 2>&1; then
  log "the portal did not start (see $OUT/portalctl-start.log); once more from scratch"
  "$PORTALCTL" stop
  wipe_instance
  "$PORTALCTL" start >"$OUT/portalctl-start.log" 2>&1 || { cat "$OUT/portalctl-start.log" >&2; exit 1; }
fi

wait_for_provider() {  # wait_for_provider URL PID LOG
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$1/.well-known/openid-configuration" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.1
  done
  log "$1 did not answer"; exit 1
}
log "starting oidc-provider at $PROVIDER_URL (in memory)"
NODE_ENV=production node "$HERE/provider.mjs" --port "$PROVIDER_PORT" >"$OUT/provider.log" 2>&1 &
provider_pid=$!
wait_for_provider "$PROVIDER_URL" "$provider_pid" "$OUT/provider.log"

# The durable peer's database, in the portal instance's MariaDB (nginx/my.cnf.in: durable commits).
DB_SOCKET="$PORTAL_VAR/run/mysqld.sock"
PEER_PASSWORD_FILE="$PORTAL_VAR/secrets/oidc-peer-db.pass"
head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$PEER_PASSWORD_FILE"
chmod 600 "$PEER_PASSWORD_FILE"
mariadb --socket="$DB_SOCKET" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS oidc_peer CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'oidc_peer'@'localhost' IDENTIFIED BY '$(cat "$PEER_PASSWORD_FILE")';
ALTER USER 'oidc_peer'@'localhost' IDENTIFIED BY '$(cat "$PEER_PASSWORD_FILE")';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE ON oidc_peer.* TO 'oidc_peer'@'localhost';
SQL
log "starting oidc-provider at $DB_PROVIDER_URL (MariaDB adapter, database oidc_peer)"
NODE_ENV=production node "$HERE/provider.mjs" --port "$DB_PROVIDER_PORT" --store mariadb \
  --db-socket "$DB_SOCKET" --db-name oidc_peer --db-user oidc_peer \
  --db-password-file "$PEER_PASSWORD_FILE" >"$OUT/db-provider.log" 2>&1 &
db_provider_pid=$!
wait_for_provider "$DB_PROVIDER_URL" "$db_provider_pid" "$OUT/db-provider.log"

LOAD=(node "$HERE/load.mjs")
"${LOAD[@]}" setup --target portal --base "$PORTAL_URL" --state "$OUT/portal.state.json"
"${LOAD[@]}" setup --target oidc --base "$PROVIDER_URL" --state "$OUT/oidc.state.json"
"${LOAD[@]}" setup --target oidc-db --base "$DB_PROVIDER_URL" --state "$OUT/oidc-db.state.json"

# CPU is split by process group from /proc: the portal's MariaDB, FastCGI workers (the supervisor
# and its children) and nginx (master and workers); oidc-provider's one process (and, on MariaDB,
# the same mysqld); the load generator.
cpu_spec() {
  case "$1" in
    portal) echo "mysqld:$(cat "$PORTAL_VAR/run/mysqld.pid") portal:$(cat "$PORTAL_VAR/run/portal.pid") nginx:$(cat "$PORTAL_VAR/run/nginx.pid")" ;;
    oidc) echo "provider:$provider_pid" ;;
    oidc-db) echo "mysqld:$(cat "$PORTAL_VAR/run/mysqld.pid") provider:$db_provider_pid" ;;
  esac
}
CLK_TCK="$(getconf CLK_TCK)"

{
  echo "date: $(date -Is)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r)"
  echo "node: $(node --version); oidc-provider $(node -p "require('$HERE/node_modules/oidc-provider/package.json').version"); mariadb (npm) $(node -p "require('$HERE/node_modules/mariadb/package.json').version"); undici $(node -p "require('$HERE/node_modules/undici/package.json').version")"
  echo "mariadb: $(mariadbd --version | head -1)"
  echo "nginx: $(nginx -v 2>&1)"
  echo "portal: ${PORTAL_WORKERS:-2} workers x ${PORTAL_THREADS:-4} threads"
  echo "rounds: $ROUNDS x ${DURATION} s per scenario and target, $CONCURRENCY clients, warm-up ${WARMUP} s"
  echo "uptime at start: $(uptime)"
} > "$OUT/env.txt"
cat "$OUT/env.txt" >&2

# One measured run; repeated (up to 3 times) when wrk appeared during it.
measure() {  # measure TARGET SCENARIO SECONDS OUTFILE LABEL
  local target="$1" scenario="$2" seconds="$3" outfile="$4" label="$5" tries=0 rc
  local db=()
  [ "$target" != oidc ] && db=(--db-socket "$DB_SOCKET")
  while :; do
    wait_quiet
    tries=$((tries + 1))
    rc=0
    "${LOAD[@]}" run --state "$OUT/$target.state.json" --scenario "$scenario" --duration "$seconds" \
      --concurrency "$CONCURRENCY" --cpu "$(cpu_spec "$target")" --clk-tck "$CLK_TCK" "${db[@]}" \
      --watch "$WAIT_COMM" --watch-cmdline "$WAIT_CMDLINE" --label "$label" --out "$outfile" >/dev/null || rc=$?
    [ -s "$outfile" ] || { log "$label: no result (exit $rc)"; exit 1; }
    if grep -q '"disturbed":true' "$outfile" && [ $tries -lt 3 ]; then
      log "$label: disturbed ($(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).disturbed_by' "$outfile")); again in 20 s"
      mv "$outfile" "$outfile.disturbed-$tries"
      sleep 20
      continue
    fi
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const cpu = r.cpu ? ` busy ${r.cpu.machine_busy_pct}% other ${r.cpu.other_pct}%${r.cpu.others.length ? ` (${r.cpu.others.join(", ")})` : ""}` : "";
      console.error(`[oidc-bench] ${r.label}: ${r.per_s}/s p50 ${r.p50_ms} ms p99 ${r.p99_ms} ms errors ${r.errors} verified ${r.id_tokens_verified}/${r.ok}${cpu}`
        + (r.errors ? ` ${JSON.stringify(r.error_samples)}` : "") + (r.verify_failures ? ` VERIFY FAILED ${r.verify_samples}` : ""));
    ' "$outfile"
    return 0
  done
}

if [ "$WARMUP" != 0 ]; then
  log "warm-up: ${WARMUP} s per target and scenario (not counted)"
  for target in portal oidc oidc-db; do
    for scenario in redeem roundtrip; do
      measure "$target" "$scenario" "$WARMUP" "$OUT/warmup-$target-$scenario.json" "warm-up $target $scenario"
    done
  done
fi

for round in $(seq 1 "$ROUNDS"); do
  # Interleaved, and the order of the targets alternates from round to round.
  if [ $((round % 2)) = 1 ]; then order="portal oidc oidc-db"; else order="oidc-db oidc portal"; fi
  for scenario in redeem roundtrip; do
    for target in $order; do
      measure "$target" "$scenario" "$DURATION" "$OUT/r$round-$target-$scenario.json" "round $round $target $scenario"
    done
  done
done

echo "uptime at end: $(uptime)" >> "$OUT/env.txt"
"${LOAD[@]}" report "$OUT"/r[0-9]*-*.json > "$OUT/summary.md"
{
  echo
  echo "## OpenID provider benchmark, $(date '+%Y-%m-%d %H:%M')"
  echo
  sed 's/^/    /' "$OUT/env.txt"
  echo
  cat "$OUT/summary.md"
  echo
  echo "Raw results: $OUT"
}
