#!/usr/bin/env python3
"""Enrolment burst (issue 8): 1,000 teachers apply at once for a 120-seat 自動審核 course.

    bench/enrol_burst.py [--var DIR] [--host H] [--port P] [--rounds R] [--warmup W] [--teachers N]
                         [--seats S] [--client BIN] [--raw BIN] [--raw-threads N]

Each round makes a fresh approved course open for online enrolment with S seats (the shape of
demo course 5600001, by SQL: tests/integration/portal.py new_enrolment_course) and sends one
POST /courses/{code}/enrolments per teacher (csrf + a random key) through --client BIN
(build/bench-burst-client: a connection per request, all opened first, every request written at
one instant from one thread). It prints p50, p99 and max latency (from the release to the end of each
answer), the time from the release to the last answer, the count of each answer
(data-enrolment-status / data-reason) and checks that exactly S were approved and that
seats_taken equals the enrolments holding a seat.

With --raw BIN (build/bench-raw-enrol) each round also runs the same application transaction
straight on MariaDB, N connections (default PORTAL_WORKERS x PORTAL_THREADS = 8), the same
teachers at another fresh course, and prints the ratio of the two rates (applications per second
from the release to the last answer).

The teachers (N, with their sessions, minted in SQL: portal.py mint_teacher_sessions) are made once
and removed at the end, with every course, enrolment and audit line the benchmark made. Python
standard library only. Defaults: the bench instance of bench/env.sh (var/bench, port 8180).
A benchmark that prints figures; not a test.
"""
import argparse
import collections
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
import portal  # noqa: E402  (the integration tests' helpers: SQL, minted sessions, courses)


def log(line):
    print(f"[enrol] {line}", flush=True)


def fire_timed(client, requests):
    """Sends every request at once through `client` (build/bench-burst-client: one connection each,
    all opened first, all written at one instant, answers read with epoll). `requests` are (path,
    cookie header, form fields). Returns, in order, (HTTP status, data-enrolment-status,
    data-reason, failure) and the seconds from the release to each answer's end."""
    lines = "".join(f"{path}\t{cookie}\t{urllib.parse.urlencode(fields)}\n" for path, cookie, fields in requests)
    out = subprocess.run([client, "--host", portal.HOST, "--port", str(portal.PORT)], input=lines,
                         capture_output=True, text=True, timeout=300, check=True)
    results, took = [], []
    for line in out.stdout.splitlines():
        status, seconds, enrolment_status, reason, *failure = line.split(" ", 4)
        results.append((int(status), None if enrolment_status == "-" else enrolment_status,
                        None if reason == "-" else reason, failure[0] if failure else ""))
        took.append(float(seconds))
    if len(results) != len(requests):
        raise RuntimeError(f"{client} answered {len(results)} of {len(requests)} requests: {out.stderr}")
    return results, took


def _cpu_of(pid):
    """utime + stime of a process (all its threads) in seconds; 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def cpu_snapshot():
    """CPU seconds so far of nginx, the portal (supervisor and workers), mariadbd, the client (this
    script and the HTTP client it ran), and the machine's busy time (/proc/stat), to charge a burst's work to each."""
    snap = {}
    for name, pidfile in (("nginx", "nginx.pid"), ("portal", "portal.pid"), ("db", "mysqld.pid")):
        try:
            with open(os.path.join(portal.VAR, "run", pidfile)) as f:
                pid = int(f.read().strip())
        except (OSError, ValueError):
            snap[name] = 0.0
            continue
        snap[name] = _cpu_of(pid) + sum(_cpu_of(c) for c in _children(pid))
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    snap["client"] = _cpu_of(os.getpid()) + kids.ru_utime + kids.ru_stime
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    snap["busy"] = (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")
    return snap


def questions():
    """MariaDB's count of statements run so far (Questions: every statement and prepared execute
    from clients), less the one that reads it."""
    return int(portal.sql("SHOW GLOBAL STATUS LIKE 'Questions'")[0][1])


def cpu_line(before, after):
    d = {k: after[k] - before[k] for k in before}
    return (f"CPU s: nginx {d['nginx']:.2f} + portal {d['portal']:.2f} + db {d['db']:.2f} + client "
            f"{d['client']:.2f}; machine busy {d['busy']:.2f}"), d


def answer_of(result):
    """'approved/200', 'full/409', ... from data-enrolment-status / data-reason and the HTTP status;
    'http:<status>' for an answer without them and 'error:<what>' for a connection failure."""
    http, status, reason, failure = result
    if failure:
        return "error:" + failure.split(":")[0]
    if status is None:
        return f"http:{http}"
    said = reason if status == "refused" else status
    return f"{said}/{http}"


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(p * len(s)))]


def remove_course(course_id, code):
    portal.sql_script(f"DELETE FROM audit_log WHERE action = 'enrolment.create' AND object = '{code}';")
    portal.delete_enrolment_course(course_id)


def check_seats(course_id, seats):
    taken, online, holders = portal.seat_counts(course_id)
    approved = int(portal.sql_value(f"SELECT COUNT(*) FROM enrolment WHERE course_id = {int(course_id)}"
                                    " AND status = 'approved'"))
    ok = approved == seats and taken == holders == seats
    return ok, f"approved rows {approved}, seats_taken {taken}, holders {holders}, online_seats {online}"


def portal_round(teachers, seats, client):
    course_id, code = portal.new_enrolment_course(seats, True, "搶報名效能測試研習")
    try:
        requests = [(f"/courses/{code}/enrolments", f"sid={sid}", {"csrf": csrf, "key": portal.random_text(32)})
                    for (_, sid, csrf) in teachers]
        q0, before = questions(), cpu_snapshot()
        results, took = fire_timed(client, requests)
        cpu, cpu_d = cpu_line(before, cpu_snapshot())
        statements = (questions() - q0 - 1) / len(teachers)
        counts = collections.Counter(answer_of(r) for r in results)
        ok, seat_line = check_seats(course_id, seats)
        ok = ok and counts.get("approved/200", 0) == seats
        last = max(took)
        last_seat = max((t for r, t in zip(results, took) if answer_of(r) == "approved/200"), default=0.0)
        return {"code": code, "p50": pct(took, 0.5), "p99": pct(took, 0.99), "max": last, "last": last,
                "rate": len(teachers) / last, "last_approved": last_seat, "within_1s": sum(1 for t in took if t <= 1.0),
                "counts": dict(sorted(counts.items())), "ok": ok, "seats": seat_line, "cpu": cpu_d,
                "cpu_line": cpu, "statements": statements}
    finally:
        remove_course(course_id, code)


def raw_round(binary, teachers, seats, threads):
    course_id, code = portal.new_enrolment_course(seats, True, "搶報名效能基準（直接 SQL）")
    try:
        q0, before, kids = questions(), cpu_snapshot(), resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run(
            [binary, "--socket", os.path.join(portal.VAR, "run", "mysqld.sock"), "--user", "portal",
             "--password-file", os.path.join(portal.VAR, "secrets", "db.pass"), "--course", str(course_id),
             "--code", code, "--threads", str(threads)],
            input="\n".join(str(t) for (t, _, _) in teachers), capture_output=True, text=True, timeout=300)
        after, kids2 = cpu_snapshot(), resource.getrusage(resource.RUSAGE_CHILDREN)
        statements = (questions() - q0 - 1) / len(teachers)
        if out.returncode != 0:
            sys.stderr.write(out.stderr)
        r = dict(kv.split("=", 1) for kv in out.stdout.split())
        r = {k: (float(v) if "." in v else int(v)) for k, v in r.items()}
        ok, seat_line = check_seats(course_id, seats)
        r["ok"] = ok and r["approved"] == seats and r["errors"] == 0
        r["seats"] = seat_line
        r["statements"] = statements
        r["cpu_db"] = after["db"] - before["db"]
        r["cpu_raw"] = (kids2.ru_utime + kids2.ru_stime) - (kids.ru_utime + kids.ru_stime)
        r["cpu_busy"] = after["busy"] - before["busy"]
        return r
    finally:
        remove_course(course_id, code)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--var", default=os.environ.get("PORTAL_VAR", os.path.join(ROOT, "var", "bench")),
                    help="the instance's var directory: MariaDB socket, portal.conf and its secret file")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORTAL_PORT", "8180")))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1,
                    help="rounds of both run first and not counted: the first burst after a start also prepares"
                         " every worker connection's statements, which the raw client does before its gate")
    ap.add_argument("--teachers", type=int, default=1000)
    ap.add_argument("--seats", type=int, default=120)
    ap.add_argument("--client", default=os.path.join(ROOT, "build", "bench-burst-client"),
                    help="the HTTP client that fires the burst (bench/burst_client.cpp)")
    ap.add_argument("--raw", help="build/bench-raw-enrol: also run the transaction straight on MariaDB")
    ap.add_argument("--raw-threads", type=int,
                    default=int(os.environ.get("PORTAL_WORKERS", "2")) * int(os.environ.get("PORTAL_THREADS", "4")))
    ap.add_argument("--json", help="write every round's figures to this file")
    a = ap.parse_args()
    portal.VAR, portal.HOST, portal.PORT = os.path.abspath(a.var), a.host, a.port

    flush = portal.sql_value("SELECT @@GLOBAL.innodb_flush_log_at_trx_commit")
    log(f"innodb_flush_log_at_trx_commit = {flush}"
        f"{'' if flush == '1' else '  (NOT 1: the figures do not count a durable commit)'}")
    log(f"{a.teachers} teachers at a {a.seats}-seat 自動審核 course, {a.rounds} rounds, portal at "
        f"http://{a.host}:{a.port}, client {os.path.basename(a.client)}; raw: "
        f"{a.raw_threads if a.raw else '-'} connections")
    t = time.perf_counter()
    teachers = portal.mint_teacher_sessions(a.teachers)
    log(f"minted {len(teachers)} teachers with sessions in {time.perf_counter() - t:.1f} s")
    rounds = []
    try:
        for n in range(1, a.warmup + 1):
            p = portal_round(teachers, a.seats, a.client)
            r = raw_round(a.raw, teachers, a.seats, a.raw_threads) if a.raw else None
            log(f"warm-up round {n} (not counted): portal {p['rate']:.0f} applications/s"
                + (f", raw {r['rate']:.0f}" if r else "") + f"; seats {'OK' if p['ok'] else 'WRONG'}")
        for n in range(1, a.rounds + 1):
            p = portal_round(teachers, a.seats, a.client)
            log(f"round {n} portal: p50 {p['p50'] * 1000:.0f} ms, p99 {p['p99'] * 1000:.0f} ms, max "
                f"{p['max'] * 1000:.0f} ms; last answer {p['last']:.3f} s after the release "
                f"({p['rate']:.0f} applications/s), last approved {p['last_approved']:.3f} s; within 1 s: {p['within_1s']}/{a.teachers}; "
                f"answers {p['counts']}; {p['seats']} -> {'OK' if p['ok'] else 'WRONG'}; {p['cpu_line']}; {p['statements']:.1f} statements per application")
            r = None
            if a.raw:
                r = raw_round(a.raw, teachers, a.seats, a.raw_threads)
                log(f"round {n} raw:    {r['threads']} connections, last commit {r['last_commit_s']:.3f} s, last "
                    f"answer {r['last_answer_s']:.3f} s ({r['rate']:.0f} applications/s), p50 {r['p50_ms']:.0f} ms, "
                    f"p99 {r['p99_ms']:.0f} ms; approved {r['approved']}, full {r['full']}, busy retried "
                    f"{r['busy_retried']}, given up {r['busy_given_up']}, errors {r['errors']}; {r['seats']}"
                    f" -> {'OK' if r['ok'] else 'WRONG'}; CPU s: bench-raw-enrol {r['cpu_raw']:.2f} + db "
                    f"{r['cpu_db']:.2f}; machine busy {r['cpu_busy']:.2f} (whole run, with its connects); "
                    f"{r['statements']:.1f} statements per application")
                log(f"round {n} ratio portal/raw = {p['rate'] / r['rate']:.2f}")
            rounds.append({"portal": p, "raw": r})
    finally:
        t = time.perf_counter()
        portal.delete_minted_teachers([tid for (tid, _, _) in teachers])
        log(f"removed the minted teachers, their sessions and enrolments in {time.perf_counter() - t:.1f} s")

    med = lambda xs: statistics.median(xs)
    ps = [x["portal"] for x in rounds]
    log(f"median of {len(ps)} rounds, portal: p50 {med([p['p50'] for p in ps]) * 1000:.0f} ms, p99 "
        f"{med([p['p99'] for p in ps]) * 1000:.0f} ms, max {med([p['max'] for p in ps]) * 1000:.0f} ms, last "
        f"answer {med([p['last'] for p in ps]):.3f} s, {med([p['rate'] for p in ps]):.0f} applications/s")
    every_within = all(p["max"] <= 1.0 for p in ps)
    log(f"target every answer within 1 s of the release: {'met' if every_within else 'NOT met'} "
        f"(max per round: {', '.join('%.3f s' % p['max'] for p in ps)})")
    ok = all(p["ok"] for p in ps)
    if a.raw:
        rs = [x["raw"] for x in rounds]
        ratios = [x["portal"]["rate"] / x["raw"]["rate"] for x in rounds]
        log(f"median raw: {med([r['rate'] for r in rs]):.0f} applications/s, last commit "
            f"{med([r['last_commit_s'] for r in rs]):.3f} s")
        log(f"ratio enrolment rate / raw rate: median {med(ratios):.2f} (rounds {', '.join(f'{x:.2f}' for x in ratios)});"
            f" target >= 0.7: {'met' if med(ratios) >= 0.7 else 'NOT met'}")
        ok = ok and all(r["ok"] for r in rs)
    log("seat checks: " + ("every round OK" if ok else "SOME ROUND WRONG (see above)"))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"innodb_flush_log_at_trx_commit": flush, "rounds": rounds}, f, indent=1, ensure_ascii=False)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
