#!/usr/bin/env python3
"""Roster benchmarks (issue 9, Performance): a reviewer approves a 500-line roster, and an
organizer uploads a 2,000-row XLSX, each timed and with the FastCGI worker's peak memory.

    bench/roster_bench.py [--var DIR] [--host H] [--port P] [--rounds R] [--lines N] [--rows N]
                          [--out DIR] [--json FILE] [--seed S]

approve: each round makes, in SQL, a course of 內壢國中 (unit 4, the demo `organizer`'s, reviewed
by the demo `reviewer`'s 桃園市政府教育局) in the state roster_submitted, with N distinct 在職
teachers drawn from the generated ones on its roster (roster_entry, 全程出席, the course's 3 hours).
It times the reviewer's GET of the roster page (what the reviewer reads before deciding) and then
the POST /review/courses/{code}/roster/approve (wall time of the HTTP request), and checks the 303,
the course closed and N study records of 3 hours written.

upload: each round makes an approved course with an empty roster, writes a workbook of N rows of
other generated teachers' 身分證字號 with bench/make_roster_xlsx.py (python3-openpyxl, Debian's
/usr/bin/python3), and POSTs it as the organizer to /office/courses/{code}/roster/upload with
mode=good_rows, as the browser's multipart form does. It times the POST, checks the 200, the
report's count of added lines and N roster_entry rows, and then times a GET of the roster page
(the same page the upload answers with, without the file's work).

Memory: before each request it reads VmRSS and VmHWM of every portal worker (the children of
var/run/portal.pid) and resets VmHWM to the current RSS (`echo 5 > /proc/PID/clear_refs`), so that
VmHWM afterwards is the peak during the request; growth = that peak - RSS before. The worker that
served the request is the one whose CPU time moved. Without the right to reset, VmHWM is the
lifetime peak and the growth only what the request added above it (said in the output). It also
prints the CPU time the worker and mariadbd spent over the request (all threads, schedstat), so
that a wall time well above their sum shows waiting: fsync, or other processes on the CPUs.

Sessions of `organizer` and `reviewer` are minted in SQL (portal.mint_account_session). Every
course, roster line, study record, history row, audit line and mail the benchmark made is removed
at the end of each round, and the sessions at the end. The generated teachers are only read (their
home_version counter moves with the records, as any approval does). Python standard library only,
apart from the workbook writer. A benchmark that prints figures; not a test.
"""
import argparse
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
import portal  # noqa: E402  (the integration tests' helpers: SQL, minted sessions)

UNIT = 4            # 內壢國中: the demo organizer's unit
ORGANIZER_ID = 1    # the demo `organizer` (sql/demo.sql), who may change the unit's rosters
REVIEW_UNIT = 2     # 桃園市政府教育局: the demo `reviewer`'s unit
HOURS = 3
MiB = 1024.0


def log(line):
    print(f"[roster] {line}", flush=True)


# ------------------------------------------------------------------------------ the workers

def cpu_ns(pid):
    """CPU time so far of a process, all its threads, in ns (schedstat: time on a CPU); 0 when gone."""
    total = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0
    for t in tasks:
        try:
            with open(f"/proc/{pid}/task/{t}/schedstat") as f:
                total += int(f.read().split()[0])
        except OSError:
            pass  # a thread that ended meanwhile
    return total


def pid_of(name):
    with open(os.path.join(portal.VAR, "run", f"{name}.pid")) as f:
        return int(f.read().strip())


def workers():
    """PIDs of the FastCGI workers: the portal supervisor's children (nginx/portalctl start_app)."""
    pid = pid_of("portal")
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        kids = [int(c) for c in f.read().split()]
    if not kids:
        raise SystemExit(f"the portal supervisor {pid} has no workers")
    return kids


def memory_of(pid):
    """(VmRSS, VmHWM) of a process in KiB."""
    got = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                got[key] = int(value.split()[0])
    return got["VmRSS"], got["VmHWM"]


def reset_peak(pid):
    """Sets VmHWM back to the current RSS (Linux >= 4.0); False when not allowed."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


class Watch:
    """The workers' memory and CPU, and MariaDB's CPU, around one request."""

    def __init__(self, pids):
        self.pids = pids
        self.db = pid_of("mysqld")
        self.before = {p: (memory_of(p), cpu_ns(p)) for p in pids}
        self.reset = all([reset_peak(p) for p in pids])  # every worker, even after a refusal
        self.db_before = cpu_ns(self.db)

    def done(self):
        served, most = None, -1
        per = {}
        for p in self.pids:
            (rss0, hwm0), cpu0 = self.before[p]
            rss1, hwm1 = memory_of(p)
            cpu = cpu_ns(p) - cpu0
            per[p] = {"rss_before": rss0, "hwm_before": hwm0, "hwm_after": hwm1, "rss_after": rss1,
                      "growth": hwm1 - (rss0 if self.reset else hwm0), "cpu_ms": cpu / 1e6}
            if cpu > most:
                served, most = p, cpu
        return {"worker": served, "reset": self.reset, **per[served], "db_cpu_ms": (cpu_ns(self.db) - self.db_before) / 1e6,
                "all": per}


def mem_line(m):
    how = "peak during the request" if m["reset"] else "lifetime peak (could not reset VmHWM)"
    return (f"worker {m['worker']}: VmHWM {m['hwm_before'] / MiB:.1f} MiB before (since start), "
            f"{m['hwm_after'] / MiB:.1f} MiB after ({how}); growth {m['growth'] / MiB:+.1f} MiB; "
            f"RSS {m['rss_before'] / MiB:.1f} -> {m['rss_after'] / MiB:.1f} MiB; CPU ms: worker {m['cpu_ms']:.0f}"
            f" + MariaDB {m['db_cpu_ms']:.0f}")


# ------------------------------------------------------------------------------ HTTP

def timed(method, path, sid, body=b"", content_type=None):
    """One request on a fresh connection; (portal.Response, seconds from sending to the end of
    the answer)."""
    conn = http.client.HTTPConnection(portal.HOST, portal.PORT, timeout=120)
    conn.connect()
    headers = {"Host": f"{portal.HOST}:{portal.PORT}", "Cookie": f"sid={sid}"}
    if content_type:
        headers["Content-Type"] = content_type
    t0 = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    r = conn.getresponse()
    resp = portal.Response(r.status, [(n.lower(), v) for n, v in r.getheaders()], r.read())
    took = time.perf_counter() - t0
    conn.close()
    return resp, took


def multipart(fields, filename, content):
    """The body and content type of the roster form as a browser sends it."""
    boundary = "----rosterbench" + os.urandom(8).hex()
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
             for k, v in fields]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                 "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"
                 .encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def questions():
    """MariaDB's count of statements so far, less the one that reads it."""
    return int(portal.sql("SHOW GLOBAL STATUS LIKE 'Questions'")[0][1])


# ------------------------------------------------------------------------------ data

def active_teachers():
    """[(id, 身分證字號)] of the generated teachers who are 在職 (ids from BENCH_BASE_ID); all 在職
    teachers when there are no generated ones."""
    rows = portal.sql_script("SELECT id, HEX(national_id_enc) FROM teacher WHERE id >= 1000 AND employment = 'active';")
    if not rows:
        rows = portal.sql_script("SELECT id, HEX(national_id_enc) FROM teacher WHERE employment = 'active';")
    return [(int(i), portal.nid_open(n)) for i, n in rows]


def new_course(state, title, seats):
    """A 3-hour course of 內壢國中 reviewed by 桃園市政府教育局, held three days ago (one morning),
    in `state`, code from the portal's counter. Returns (course_id, code)."""
    rows = portal.sql_script(
        "UPDATE course_code_counter SET last_code = LAST_INSERT_ID(last_code + 1) WHERE id = 1;\n"
        "SET @code = CAST(LAST_INSERT_ID() AS CHAR);\n"
        "INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school,"
        " category_id, subject_area, levels, outline, hours, class_count, seats_per_class, online_seats,"
        " seats_taken, enrol_online, auto_review, contact1_name, contact1_phone, contact1_email, state,"
        " first_date, last_date)"
        f" VALUES (@code, {UNIT}, {ORGANIZER_ID}, {REVIEW_UNIT}, {portal.sql_str(title)}, 'non_credit', TRUE, 1,"
        f" '國語文', 'junior_high,elementary', '名單效能測試用課程。', {HOURS}, 1, {int(seats)}, {int(seats)}, 0,"
        " FALSE, FALSE, '林承辦', '03-4512345#210', 'organizer@example.edu.tw',"
        f" '{state}', CURDATE() - INTERVAL 3 DAY, CURDATE() - INTERVAL 3 DAY);\n"
        "SET @id = LAST_INSERT_ID();\n"
        "INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place)"
        " VALUES (@id, CURDATE() - INTERVAL 3 DAY, '09:00', '12:00', '10:30-10:40', '本校視聽教室');\n"
        "SELECT @id, @code;")
    return int(rows[0][0]), rows[0][1]


def remove_course(course_id, code):
    """The course and everything the benchmark or the portal made for it."""
    cid = int(course_id)
    portal.sql_script(
        f"DELETE FROM mail_outbox WHERE subject LIKE '%（{code}）%';\n"
        f"DELETE FROM audit_log WHERE object = '{code}' AND action LIKE 'roster.%';\n"
        f"DELETE FROM study_record WHERE course_id = {cid} ORDER BY correction_no DESC;\n"
        f"DELETE ra FROM roster_attendance ra JOIN roster_entry re ON re.id = ra.roster_entry_id"
        f" WHERE re.course_id = {cid};\n"
        f"DELETE FROM roster_entry WHERE course_id = {cid};\n"
        f"DELETE FROM course_session WHERE course_id = {cid};\n"
        f"DELETE hr FROM course_history_reason hr JOIN course_history h ON h.id = hr.history_id"
        f" WHERE h.course_id = {cid};\n"
        f"DELETE FROM course_history WHERE course_id = {cid};\n"
        f"DELETE FROM course_search WHERE course_id = {cid};\n"
        f"DELETE FROM course WHERE id = {cid};")


def count(query):
    return int(portal.sql_value(query))


# ------------------------------------------------------------------------------ rounds

def approve_round(reviewer, teachers, n):
    sid, csrf = reviewer
    cid, code = new_course("roster_submitted", "名單核發效能測試研習", n)
    try:
        values = ",".join(f"({cid}, {t}, 'single', 'full', 0, {HOURS})" for t, _ in teachers)
        portal.sql_script("INSERT INTO roster_entry (course_id, teacher_id, source, attendance, hours_absent, hours)"
                          f" VALUES {values};\n"
                          "INSERT INTO course_history (course_id, from_state, to_state, actor_id)"
                          f" VALUES ({cid}, 'approved', 'roster_submitted', {ORGANIZER_ID});")
        watch = Watch(workers())
        page, page_s = timed("GET", f"/review/courses/{code}/roster", sid)
        page_mem = watch.done()
        page_ok = page.status == 200 and f'/review/courses/{code}/roster/approve' in page.text
        pids = workers()
        q0 = questions()
        watch = Watch(pids)
        r, took = timed("POST", f"/review/courses/{code}/roster/approve", sid,
                        f"csrf={csrf}".encode(), "application/x-www-form-urlencoded")
        mem = watch.done()
        statements = questions() - q0 - 1
        records = count(f"SELECT COUNT(*) FROM study_record WHERE course_id = {cid} AND hours = {HOURS}")
        state = portal.sql_value(f"SELECT state FROM course WHERE id = {cid}")
        ok = r.status == 303 and records == n and state == "closed" and page_ok
        return {"code": code, "seconds": took, "status": r.status, "records": records, "state": state,
                "statements": statements, "page_seconds": page_s, "page_status": page.status,
                "page_bytes": len(page.body), "page_memory": page_mem, "memory": mem, "ok": ok}
    finally:
        remove_course(cid, code)


def upload_round(organizer, teachers, n, out_dir, round_no):
    sid, csrf = organizer
    ids_file = os.path.join(out_dir, f"upload-{round_no}-ids.txt")
    xlsx = os.path.join(out_dir, f"roster-{n}-{round_no}.xlsx")
    with open(ids_file, "w") as f:
        f.write("".join(nid + "\n" for _, nid in teachers))
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "bench", "make_roster_xlsx.py"), xlsx, str(n), ids_file],
                   check=True)
    with open(xlsx, "rb") as f:
        content = f.read()
    body, ctype = multipart([("mode", "good_rows"), ("csrf", csrf)], f"研習名單-{n}.xlsx", content)
    cid, code = new_course("approved", "名單上傳效能測試研習", n)
    try:
        pids = workers()
        q0 = questions()
        watch = Watch(pids)
        r, took = timed("POST", f"/office/courses/{code}/roster/upload", sid, body, ctype)
        mem = watch.done()
        statements = questions() - q0 - 1
        m = re.search(r'id="upload-added">(\d+)<', r.text)
        added = int(m.group(1)) if m else None
        lines = count(f"SELECT COUNT(*) FROM roster_entry WHERE course_id = {cid} AND source = 'upload'")
        watch = Watch(pids)
        page, page_s = timed("GET", f"/office/courses/{code}/roster", sid)
        page_mem = watch.done()
        ok = r.status == 200 and added == n and lines == n and page.status == 200
        return {"code": code, "seconds": took, "status": r.status, "added": added, "lines": lines,
                "statements": statements, "file_bytes": len(content), "answer_bytes": len(r.body),
                "page_seconds": page_s, "page_status": page.status, "page_bytes": len(page.body),
                "page_memory": page_mem, "memory": mem, "ok": ok}
    finally:
        remove_course(cid, code)


def summary(name, rs, target=2.0):
    times = [r["seconds"] for r in rs]
    growth = [r["memory"]["growth"] for r in rs]
    peak = [r["memory"]["hwm_after"] for r in rs]
    p50, worst = statistics.median(times), max(times)
    log(f"{name}: p50 {p50 * 1000:.0f} ms, max {worst * 1000:.0f} ms over {len(rs)} rounds "
        f"({', '.join('%.0f' % (t * 1000) for t in times)} ms); target < {target:.0f} s: "
        f"{'met' if worst < target else 'NOT met'}")
    log(f"{name}: CPU ms median: worker {statistics.median(r['memory']['cpu_ms'] for r in rs):.0f} + MariaDB "
        f"{statistics.median(r['memory']['db_cpu_ms'] for r in rs):.0f}")
    log(f"{name}: worker peak (VmHWM) median {statistics.median(peak) / MiB:.1f} MiB, max {max(peak) / MiB:.1f} MiB;"
        f" growth median {statistics.median(growth) / MiB:+.1f} MiB, max {max(growth) / MiB:+.1f} MiB")
    return {"p50": p50, "max": worst, "met": worst < target}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--var", default=os.environ.get("PORTAL_VAR", os.path.join(ROOT, "var", "bench")),
                    help="the instance's var directory: MariaDB socket, portal.conf, run/portal.pid")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORTAL_PORT", "8180")))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--lines", type=int, default=500, help="roster lines to approve")
    ap.add_argument("--rows", type=int, default=2000, help="rows of the uploaded workbook")
    ap.add_argument("--out", default=None, help="where the workbooks go (default: VAR/roster-bench)")
    ap.add_argument("--json", help="write every round's figures to this file")
    ap.add_argument("--seed", type=int, default=9)
    a = ap.parse_args()
    portal.VAR, portal.HOST, portal.PORT = os.path.abspath(a.var), a.host, a.port
    out_dir = a.out or os.path.join(portal.VAR, "roster-bench")
    os.makedirs(out_dir, exist_ok=True)

    pool = active_teachers()
    need = a.lines + a.rows
    if len(pool) < need:
        raise SystemExit(f"{len(pool)} 在職 teachers in the data, {need} needed: make bench data first")
    rng = random.Random(a.seed)
    log(f"{a.rounds} rounds: approve a {a.lines}-line roster, upload a {a.rows}-row XLSX (good_rows); "
        f"portal at http://{a.host}:{a.port}, workers {workers()}; {len(pool):,} 在職 teachers to draw from")
    organizer = portal.mint_account_session("organizer")
    reviewer = portal.mint_account_session("reviewer")
    approvals, uploads = [], []
    try:
        for n in range(1, a.rounds + 1):
            drawn = rng.sample(pool, need)  # distinct teachers; the two rosters share none
            p = approve_round(reviewer, drawn[:a.lines], a.lines)
            log(f"round {n} approve {p['code']}: POST {p['seconds'] * 1000:.0f} ms -> {p['status']}; "
                f"{p['records']} records, course {p['state']}; {p['statements']} statements; "
                f"{mem_line(p['memory'])}; review page first (GET, {p['page_bytes'] // 1024} KB) "
                f"{p['page_seconds'] * 1000:.0f} ms -> {p['page_status']}, worker peak {p['page_memory']['growth'] / MiB:+.1f} MiB"
                f" -> {'OK' if p['ok'] else 'WRONG'}")
            u = upload_round(organizer, drawn[a.lines:], a.rows, out_dir, n)
            log(f"round {n} upload {u['code']}: POST {u['file_bytes'] // 1024} KB in {u['seconds'] * 1000:.0f} ms "
                f"-> {u['status']}; added {u['added']}, {u['lines']} lines in the table; {u['statements']} "
                f"statements; answer {u['answer_bytes'] // 1024} KB; {mem_line(u['memory'])}; roster page "
                f"after (GET, {u['page_bytes'] // 1024} KB) {u['page_seconds'] * 1000:.0f} ms, worker peak "
                f"{u['page_memory']['growth'] / MiB:+.1f} MiB -> {'OK' if u['ok'] else 'WRONG'}")
            approvals.append(p)
            uploads.append(u)
    finally:
        portal.sql_script("DELETE s FROM web_session s JOIN business_account a ON a.id = s.account_id"
                          f" WHERE a.account_name IN ('organizer', 'reviewer') AND s.id_sha256 IN"
                          f" ('{portal.session_key(organizer[0])}', '{portal.session_key(reviewer[0])}');")
        log("removed the bench's courses (each round) and the two sessions")

    result = {"approve": summary(f"approve {a.lines} lines", approvals),
              "upload": summary(f"upload {a.rows} rows", uploads)}
    log("review page (GET, before approving): p50 "
        f"{statistics.median(r['page_seconds'] for r in approvals) * 1000:.0f} ms; roster page after the upload "
        f"(GET): p50 {statistics.median(r['page_seconds'] for r in uploads) * 1000:.0f} ms")
    ok = all(r["ok"] for r in approvals + uploads)
    log("checks: " + ("every round OK" if ok else "SOME ROUND WRONG (see above)"))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"summary": result, "approve": approvals, "upload": uploads}, f, indent=1, ensure_ascii=False)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
