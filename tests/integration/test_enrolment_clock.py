"""The enrolment window is decided by the database's clock (SPEC §4, issue 8): a FastCGI worker
whose own clock runs 10 minutes fast (faketime) cannot open enrolment early, and a course that
the database says is open takes the same worker's application.

The fast worker is a second `build/portal` on a socket of its own, started here under faketime
and stopped by its PID; the test talks FastCGI to it directly, as nginx would.
"""
import os
import subprocess
import time
import unittest
import urllib.parse

import fastcgi
import portal
from portal import ROOT, VAR, main, sql, sql_value

SOCKET = os.path.join(VAR, "run", "fast-clock.sock")
PID_FILE = os.path.join(VAR, "run", "fast-clock.pid")
FAKETIME = ["faketime", "-f", "+10m"]
STATE = {}


def setUpModule():
    for path in (SOCKET, PID_FILE):
        if os.path.exists(path):
            os.remove(path)
    STATE["log"] = open(os.path.join(VAR, "log", "fast-clock.log"), "ab")
    subprocess.Popen(FAKETIME + [os.path.join(ROOT, "build", "portal"), "--config", os.path.join(VAR, "portal.conf"),
                                 "--sockets", SOCKET, "--pid-file", PID_FILE],
                     stdout=STATE["log"], stderr=STATE["log"], stdin=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 20
    while not (os.path.exists(SOCKET) and os.path.exists(PID_FILE)):
        if time.monotonic() > deadline:
            raise AssertionError("the fast-clock worker did not start (var/test/log/fast-clock.log)")
        time.sleep(0.1)
    STATE["teachers"] = portal.mint_teacher_sessions(2)
    STATE["courses"] = []


def tearDownModule():
    with open(PID_FILE) as f:
        pid = int(f.read().strip())
    os.kill(pid, 15)
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    STATE["log"].close()
    for cid in STATE["courses"]:
        portal.delete_enrolment_course(cid)
    portal.delete_minted_teachers([t for t, _, _ in STATE["teachers"]])


def course_opening_in(minutes):
    cid, code = portal.new_enrolment_course(5)
    sql(f"UPDATE course SET enrol_opens_at = NOW() + INTERVAL {int(minutes)} MINUTE WHERE id = {cid}")
    STATE["courses"].append(cid)
    return cid, code


def apply_through_fast_worker(code, teacher):
    _, sid, csrf = teacher
    body = urllib.parse.urlencode({"csrf": csrf, "key": portal.random_text(20)}).encode()
    status, _, page = fastcgi.request(SOCKET, "POST", f"/courses/{code}/enrolments",
                                      {"Cookie": f"sid={sid}", "Content-Type": "application/x-www-form-urlencoded",
                                       "Host": f"127.0.0.1:{portal.PORT}"}, body)
    return status, page.decode("utf-8", "replace")


class DatabaseClock(unittest.TestCase):
    def test_faketime_moves_this_machines_clock(self):
        fast = int(subprocess.run(FAKETIME + ["date", "+%s"], capture_output=True, text=True, check=True).stdout)
        self.assertAlmostEqual(fast - time.time(), 600, delta=30)

    def test_a_worker_ten_minutes_fast_cannot_open_enrolment_early(self):
        cid, code = course_opening_in(5)
        status, page = apply_through_fast_worker(code, STATE["teachers"][0])
        self.assertIn('data-enrolment-status="refused" data-reason="not_open"', page, f"status {status}")
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM enrolment WHERE course_id = {cid}"), "0")

    def test_the_same_worker_takes_an_application_once_the_database_says_open(self):
        cid, code = course_opening_in(-1)
        status, page = apply_through_fast_worker(code, STATE["teachers"][1])
        self.assertIn('data-enrolment-status="approved"', page, f"status {status}")
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM enrolment WHERE course_id = {cid} AND status = 'approved'"), "1")


if __name__ == "__main__":
    main()
