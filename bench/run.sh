#!/bin/bash
# Measures the portal with wrk against the data of bench/generate.sh, beside a FastCGI
# hello-world served by the same nginx in the same run.
#
#   bench/run.sh [--rounds N] [--duration SECONDS] [--conns "32 256"] [--targets "..."] [--keep]
#
# Targets (default all): hello, search, api, course, course-teacher, teacher, course-cold, teacher-cold.
#   hello         build/portal-hello (WORKERS x THREADS threads) at /hello, behind the same nginx
#   search        /courses with keywords and filters rotating over realistic searches
#   api           /api/v1/courses with the same searches (JSON)
#   course        /courses/<code> rotating over 1,000 popular courses (the per-worker cache is on)
#   course-teacher the same pages signed in as A123456789: the shared part cached, the teacher's
#                 own state (報名 box, clash warnings) read for every request
#   teacher       /teacher of A123456789, logged in through the login form (cached per worker)
#   course-cold   /courses/<code> rotating over 100,000 public courses: every request renders
#   teacher-cold  /teacher with a different teacher's session on every request: every request
#                 runs the page's queries (sessions made in SQL the way the login makes them)
# Rounds are interleaved (each round runs every target at every connection count); the table
# shows medians. Raw wrk output, CPU snapshots and the table go to var/bench/results/<time>/.
# The instance is stopped at the end unless --keep (or BENCH_KEEP=1).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

ROUNDS="${BENCH_ROUNDS:-3}"
DURATION="${BENCH_DURATION:-10}"
CONNS="${BENCH_CONNS:-32 256}"
TARGETS="${BENCH_TARGETS:-hello search api course course-teacher teacher course-cold teacher-cold}"
WARMUP="${BENCH_WARMUP:-3}"
KEEP="${BENCH_KEEP:-0}"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --conns) CONNS="$2"; shift 2 ;;
    --targets) TARGETS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) sed -n '2,20p' "$0" >&2; exit 2 ;;
  esac
done

URL="http://127.0.0.1:$PORTAL_PORT"
B=$BENCH_BASE_ID
STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$PORTAL_VAR/results/$STAMP"
LUA="$PORTAL_VAR/wrk"
HELLO_SOCK="$PORTAL_VAR/run/hello.sock"
HELLO_PID_FILE="$PORTAL_VAR/run/hello.pid"
HELLO_CONF="$PORTAL_VAR/conf.d/hello.conf"
log() { printf '[bench] %s\n' "$*" >&2; }

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
[ -d "$PORTAL_VAR/mysql" ] || { log "no bench data: run bench/generate.sh [SCALE] first"; exit 1; }

# ---------------------------------------------------------------------------------------------
# The instance: MariaDB (reused if running), the portal's workers and nginx.
"$PORTALCTL" start >&2
NT="$(bsql -N -e "SELECT COUNT(*) FROM teacher WHERE id >= $B")"
[ "$NT" -gt 0 ] || { log "no bench data: run bench/generate.sh [SCALE] first"; exit 1; }
NC="$(bsql -N -e "SELECT COUNT(*) FROM course WHERE id >= $B")"

# Read the tables the pages use into the buffer pool (after a restart it starts cold), so every
# run measures the same thing: the CPU cost of a page with its data in memory.
t0=$(date +%s)
for q in "SUM(LENGTH(title)) FROM study_record" "COUNT(*) FROM study_record FORCE INDEX (teacher_id)" \
         "COUNT(*) FROM study_record FORCE INDEX (one_record_per_course)" \
         "SUM(teacher_id) FROM enrolment" "COUNT(*) FROM enrolment FORCE INDEX (teacher_id)" \
         "COUNT(*) FROM enrolment FORCE INDEX (one_enrolment)" \
         "SUM(LENGTH(outline)) FROM course" "COUNT(*) FROM course FORCE INDEX (code)" \
         "SUM(LENGTH(place)) FROM course_session" "COUNT(*) FROM course_session FORCE INDEX (course_id)" \
         "COUNT(*) FROM course_tag" "SUM(LENGTH(name)) FROM teacher" "SUM(LENGTH(name)) FROM unit" \
         "COUNT(*) FROM business_account" "COUNT(*) FROM web_session"; do
  bsql -N -e "SELECT $q" >/dev/null 2>&1 || log "warm-up query failed (ignored): SELECT $q"
done
log "buffer pool warmed in $(( $(date +%s) - t0 )) s"

nginx_reload() { nginx -c "$PORTAL_VAR/nginx.conf" -p "$PORTAL_VAR/nginx" -s reload; sleep 0.5; }

hello_pid=""
cleanup() {
  set +e
  if [ -n "$hello_pid" ] && kill -0 "$hello_pid" 2>/dev/null; then
    # libfcgi only notes SIGTERM and exits at its next accept: give it a moment, then KILL
    kill "$hello_pid"
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$hello_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$hello_pid" 2>/dev/null && kill -KILL "$hello_pid"
    wait "$hello_pid" 2>/dev/null
  fi
  rm -f "$HELLO_PID_FILE" "$HELLO_SOCK" "$HELLO_CONF"
  if [ "$KEEP" = 1 ]; then
    nginx_reload 2>/dev/null
    log "instance left running at $URL (stop: PORTAL_VAR=$PORTAL_VAR nginx/portalctl stop)"
  else
    "$PORTALCTL" stop
    log "instance stopped"
  fi
}
trap cleanup EXIT

# The hello-world baseline, with as many threads as the portal has in all its workers.
HELLO_THREADS=$((PORTAL_WORKERS * PORTAL_THREADS))
if [ -f "$HELLO_PID_FILE" ] && kill -0 "$(cat "$HELLO_PID_FILE")" 2>/dev/null; then
  kill -KILL "$(cat "$HELLO_PID_FILE")"; sleep 0.2   # our own, left by an interrupted run
fi
rm -f "$HELLO_SOCK"
"$BUILD/portal-hello" "$HELLO_SOCK" "$HELLO_THREADS" >>"$PORTAL_VAR/log/hello.log" 2>&1 < /dev/null &
hello_pid=$!
echo "$hello_pid" > "$HELLO_PID_FILE"
for _ in $(seq 1 50); do [ -S "$HELLO_SOCK" ] && break; sleep 0.1; done
mkdir -p "$PORTAL_VAR/conf.d"
cat > "$HELLO_CONF" <<CONF
location = /hello {
  include /etc/nginx/fastcgi_params;
  fastcgi_pass unix:$HELLO_SOCK;
}
CONF
nginx_reload
[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/hello")" = 200 ] || { log "/hello does not answer 200"; exit 1; }

# ---------------------------------------------------------------------------------------------
# Log in as the demo teacher A123456789 through the form: CSRF token and 'pre' cookie first.
JAR="$(mktemp)"
login_page="$(curl -s -c "$JAR" -b "$JAR" "$URL/login")"
csrf="$(printf '%s' "$login_page" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
[ -n "$csrf" ] || { log "no CSRF token on /login"; exit 1; }
code="$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" \
  --data-urlencode "account=A123456789" --data-urlencode "password=inservice-demo" \
  --data-urlencode "csrf=$csrf" "$URL/login")"
SID="$(awk '$6 == "sid" { print $7 }' "$JAR")"
rm -f "$JAR"
[ "$code" = 303 ] && [ -n "$SID" ] || { log "login as A123456789 failed (HTTP $code)"; exit 1; }
teacher_page="$(curl -s -H "Cookie: sid=$SID" "$URL/teacher")"
printf '%s' "$teacher_page" | grep -q '王小明' || { log "/teacher does not show 王小明"; exit 1; }

# ---------------------------------------------------------------------------------------------
# wrk scripts: each counts responses other than 200 (wrk itself counts only >= 400, so a storm
# of 303 redirects to /login would pass unnoticed) and prints the count as NON200.
mkdir -p "$LUA" "$OUT"
COMMON='
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
bad = 0
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("bad") end
  io.write(string.format("NON200 %d\n", n))
end
'
printf '%s' "$COMMON" > "$LUA/status.lua"

rotating_script() {  # rotating_script FILE  (paths on stdin, one per line)
  {
    printf '%s\n' "$COMMON"
    echo 'paths = {'
    sed 's/.*/  "&",/'
    echo '}'
    cat <<'LUA'
local i = 0
function init(args)
  i = (id or 0) * 7919 + tonumber(args[1] or "0")
end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA
  } > "$1"
}

# Searches: 60 % from a head of popular searches (the empty search, a county, popular keywords,
# paging), 40 % from a long tail of random combinations (one of 99 keywords, with or without a
# county, level, category, date range, open-now, unit name, page 2-5), so that a result cache,
# if the portal had one, would be measured with a realistic hit rate. All URL-encoded.
python3 - "$LUA/search.lua" "$COMMON" <<'PY'
import sys, urllib.parse
out, common = sys.argv[1], sys.argv[2]
q = lambda d: '/courses' + ('?' + urllib.parse.urlencode(d) if d else '')
head = [{}] * 6 + [
    {'county': 1}, {'county': 2}, {'county': 3}, {'county': 4}, {'county': 6}, {'category': 2},
    {'level': 'elementary'}, {'open': 1}, {'page': 2},
    {'q': '閱讀'}, {'q': '數學'}, {'q': '特殊教育'}, {'q': '生成式AI'}, {'q': '雙語'},
    {'q': '班級經營'}, {'q': '性別平等'}, {'q': '輔導'}, {'q': '素養導向'}, {'q': '自主學習'},
    {'q': 'CPR'}, {'q': 'SEL'}, {'q': '程式設計'}, {'q': '防災'}, {'q': '桌遊'}, {'q': '教學'},
    {'q': '工作坊'}, {'q': '閱讀', 'county': 3}, {'q': '數學', 'level': 'elementary'},
    {'q': '閱讀 策略'}, {'unit': '教育局'}, {'tag': 2}]
keywords = ['閱讀', '數學', '特殊教育', 'SEL', '生成式AI', '雙語', '程式設計', 'Python', '班級經營',
    '性別平等', 'CPR', '防災', '自主學習', '差異化', '輔導', '桌遊', '海洋教育', '戶外教育', '素養導向',
    '英語', '口說', '自然科學', '探究', '社會', '藝術', '音樂', '體育', '健康', '科技', '資訊安全',
    '個人資料', '人權', '法治', '環境教育', '食農', '國際教育', '閩南語', '客語', '原住民族', '新住民',
    '美感', '水域安全', '急救', '兒少保護', '霸凌', '心理健康', '專業學習社群', '公開授課', '共同備課',
    '觀課', '課程評鑑', '校訂課程', '多元選修', '學習歷程', '專題研究', '實驗教育', '幼兒園', '教保',
    '家庭教育', '親職', '品德', '生命教育', '媒體素養', '圖書館', '平板', '線上教學', '評量', '命題',
    '補救教學', '技職', '實習', '實驗室安全', 'IEP', '自閉症', '學習障礙', '資賦優異', '教師法',
    '公文', '翻轉', '專案式學習', '遊戲化', '均一', '因材網', '機器人', '人工智慧', 'SDGs', '淨零',
    '能源', '氣候變遷', 'Scratch', 'micro:bit', '書法', '繪本', '寫作', '幾何', '閱讀 理解',
    '數學 素養', '特教 鑑定', '英語 教學']
levels = ['kindergarten', 'elementary', 'junior_high', 'senior_high', 'vocational_high', 'special',
          'university']
units = ['國民小學', '國民中學', '高級中學', '幼兒園', '教師研習中心', '大學']
enc = lambda v: urllib.parse.quote(str(v), safe='')
lua = lambda items: '{\n' + ''.join('  "%s",\n' % x for x in items) + '}\n'
tail = """
function init(args)
  math.randomseed(tonumber(args[1] or "0") + (id or 0) * 7919)
end
function request()
  if math.random() < 0.6 then
    return wrk.format("GET", head[math.random(#head)])
  end
  local p = "/courses?q=" .. keywords[math.random(#keywords)]
  if math.random() < 0.5 then p = p .. "&county=" .. math.random(22) end
  if math.random() < 0.3 then p = p .. "&level=" .. levels[math.random(#levels)] end
  if math.random() < 0.2 then p = p .. "&category=" .. math.random(7) end
  if math.random() < 0.1 then p = p .. "&open=1" end
  if math.random() < 0.05 then p = p .. "&unit=" .. units[math.random(#units)] end
  if math.random() < 0.1 then
    local m = math.random(12)
    p = p .. string.format("&from=2026-%02d-01&to=2026-%02d-28", m, m)
  end
  if math.random() < 0.2 then p = p .. "&page=" .. math.random(2, 5) end
  return wrk.format("GET", p)
end
"""
with open(out, 'w') as f:
    f.write(common + '\n')
    f.write('head = ' + lua(q(d) for d in head))
    f.write('keywords = ' + lua(enc(k) for k in keywords))
    f.write('levels = ' + lua(levels))
    f.write('units = ' + lua(enc(u) for u in units))
    f.write(tail)
PY
# The read API with the very same searches (issue 11's target: >= 0.9 of the search's rate).
sed -e 's|"/courses|"/api/v1/courses|' -e 's|local p = "/courses?q="|local p = "/api/v1/courses?q="|' \
  "$LUA/search.lua" > "$LUA/api.lua"

# Course pages: the 1,000 most-enrolled public courses; and 100,000 public courses for the
# uncached variant (the per-worker cache keeps a page a few seconds, 20,000 pages at most).
PUBLIC="state IN ('approved', 'roster_submitted', 'roster_returned', 'closed')"
bsql -N -e "SELECT CONCAT('/courses/', code) FROM course WHERE $PUBLIC AND id >= $B
            ORDER BY seats_taken DESC, first_date DESC LIMIT 1000" > "$LUA/course.paths"
rotating_script "$LUA/course.lua" < "$LUA/course.paths"
bsql -N -e "SELECT CONCAT('/courses/', code) FROM course WHERE $PUBLIC AND id >= $B
            ORDER BY CRC32(id) LIMIT 100000" > "$LUA/course-cold.paths"
rotating_script "$LUA/course-cold.lua" < "$LUA/course-cold.paths"

# Sessions for /teacher uncached: one per active generated teacher, made the way the login
# makes them (app/access.cpp start_teacher_session). A token is 'bench' + 10-digit id + salt,
# 43 characters like the app's. Each wrk run takes its own slice of teachers, refreshed just
# before the run, so every request is a teacher's first view after logging in: no cached page.
SALT="$(head -c 64 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 28)"
if [[ " $TARGETS " == *" teacher-cold "* ]]; then
  bsql -e "DELETE FROM web_session WHERE teacher_id >= $B;
    INSERT INTO web_session (id_sha256, teacher_id, role, display_name, unit_id, unit_name, records_only)
    SELECT SHA2(CONCAT('bench', LPAD(t.id, 10, '0'), '$SALT'), 256), t.id,
           'teacher', t.name, t.unit_id, u.name, t.employment <> 'active' OR t.unit_id IS NULL
    FROM teacher t JOIN unit u ON u.id = t.unit_id
    WHERE t.id >= $B AND t.employment = 'active'"
  bsql -N -e "SELECT teacher_id FROM web_session WHERE teacher_id >= $B ORDER BY teacher_id" > "$LUA/teacher-cold.ids"
  {
    printf '%s\n' "$COMMON"
    echo 'ids = {'
    paste -sd, "$LUA/teacher-cold.ids"
    echo '}'
    cat <<LUA
local i = 0
function init(args)
  i = tonumber(args[1] or "0") + (id or 0)
end
function request()
  i = i + 2
  local t = ids[(i % #ids) + 1]
  return wrk.format("GET", "/teacher", { Cookie = "sid=bench" .. string.format("%010d", t) .. "$SALT" })
end
LUA
  } > "$LUA/teacher-cold.lua"
  n_cold="$(grep -c . "$LUA/teacher-cold.ids")"
  curl -s -o /dev/null -w '%{http_code}' -H "Cookie: sid=bench$(printf '%010d' "$(head -1 "$LUA/teacher-cold.ids")")$SALT" \
    "$URL/teacher" | grep -q 200 || { log "a bench session does not open /teacher"; exit 1; }
fi
cold_offset=0
# A slice is larger than any run needs (uncached /teacher does not reach 4,000 req/s).
COLD_SPAN="${BENCH_COLD_SPAN:-40000}"

# ---------------------------------------------------------------------------------------------
# Process groups whose CPU time is charged per request.
pids_of() { local p="$1"; echo "$p"; pgrep -P "$p" || true; }
NGINX_PIDS="$(pids_of "$(cat "$PORTAL_VAR/run/nginx.pid")" | paste -sd,)"
APP_PIDS="$(pids_of "$(cat "$PORTAL_VAR/run/portal.pid")" | paste -sd,)"
DB_PIDS="$(cat "$PORTAL_VAR/run/mysqld.pid")"
GROUPS_=("nginx=$NGINX_PIDS" "app=$APP_PIDS" "db=$DB_PIDS" "hello=$hello_pid")
snap() { python3 "$BENCH_ROOT/bench/report.py" snap "${GROUPS_[@]}"; }
quiet() { python3 "$BENCH_ROOT/bench/report.py" quiet "${GROUPS_[@]}"; }

run_wrk() {  # run_wrk TARGET CONNS SECONDS OUTFILE
  local target="$1" c="$2" d="$3" out="$4" args=()
  case "$target" in
    hello) args=(-s "$LUA/status.lua" "$URL/hello") ;;
    teacher) args=(-s "$LUA/status.lua" -H "Cookie: sid=$SID" "$URL/teacher") ;;
    course-teacher) args=(-s "$LUA/course.lua" -H "Cookie: sid=$SID" "$URL/" -- "$RANDOM") ;;
    search|api|course|course-cold) args=(-s "$LUA/$target.lua" "$URL/" -- "$RANDOM") ;;
    teacher-cold)
      # this run's slice of teachers: refresh their sessions (as if they had just logged in)
      local span=$((n_cold < COLD_SPAN ? n_cold : COLD_SPAN))
      local lo=$((cold_offset % n_cold + 1)) hi=$(((cold_offset + span + 2) % n_cold + 1))
      local lo_id hi_id where
      lo_id="$(sed -n "${lo}p" "$LUA/teacher-cold.ids")"; hi_id="$(sed -n "${hi}p" "$LUA/teacher-cold.ids")"
      if [ "$span" -ge "$n_cold" ]; then where="teacher_id >= $B"
      elif [ "$lo" -le "$hi" ]; then where="teacher_id BETWEEN $lo_id AND $hi_id"
      else where="teacher_id >= $B AND (teacher_id >= $lo_id OR teacher_id <= $hi_id)"; fi
      bsql -e "UPDATE web_session SET last_seen_at = NOW() WHERE $where" >/dev/null
      args=(-s "$LUA/teacher-cold.lua" "$URL/" -- "$cold_offset")
      cold_offset=$((cold_offset + span)) ;;
  esac
  wrk -t2 -c"$c" -d"${d}s" --latency --timeout 10s "${args[@]}" > "$out" 2>&1 || true
}

{
  echo "date: $(date -Is)"
  echo "host: $(nproc) CPUs, $(uname -r)"
  echo "data: $NT generated teachers, $NC generated courses"
  echo "rounds: $ROUNDS x ${DURATION}s, conns: $CONNS, warm-up ${WARMUP}s, targets: $TARGETS"
  echo "portal: $PORTAL_WORKERS workers x $PORTAL_THREADS threads; hello: 1 process x $HELLO_THREADS threads"
  echo "uptime: $(uptime)"
  echo; top -bn1 | head -20
} > "$OUT/setup.txt"
log "$(grep -E '^(data|rounds|portal):' "$OUT/setup.txt" | paste -sd';')"
log "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

for target in $TARGETS; do
  log "warm-up $target (${WARMUP}s)"
  quiet
  run_wrk "$target" 32 "$WARMUP" "$OUT/warmup-$target.txt"
  grep -q '^NON200 0$' "$OUT/warmup-$target.txt" ||
    log "WARNING: $target answered non-200 during warm-up: $(grep -E 'NON200|Non-2xx' "$OUT/warmup-$target.txt" | paste -sd' ')"
done

: > "$OUT/runs.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for target in $TARGETS; do
    for c in $CONNS; do
      name="r$round-$target-c$c"
      quiet
      snap > "$OUT/$name.before"
      run_wrk "$target" "$c" "$DURATION" "$OUT/$name.txt"
      snap > "$OUT/$name.after"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$target" "$c" "$name.txt" "$name.before" "$name.after" >> "$OUT/runs.tsv"
      r="$(python3 "$BENCH_ROOT/bench/report.py" parse "$OUT/$name.txt")"
      log "round $round $target c=$c: $(python3 -c "import json,sys; r=json.loads(sys.argv[1]); print(f\"{r['rps'] or 0:,.0f} req/s p50 {r['p50']} ms p99 {r['p99']} ms non-200 {r['non200']} errors {r['errors']}\")" "$r") (load $(cut -d' ' -f1 /proc/loadavg))"
    done
  done
done
echo "uptime after: $(uptime)" >> "$OUT/setup.txt"

python3 "$BENCH_ROOT/bench/report.py" table "$OUT" | tee "$OUT/table.md"
log "raw output in ${OUT#$BENCH_ROOT/}"
