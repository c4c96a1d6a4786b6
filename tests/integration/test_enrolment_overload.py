"""Overload beyond the admission limit (SECURITY-CATALOGUE §4.1 L8, issue 8): applications in
flight beyond nginx's `limit_conn` get a quick 503 with Retry-After and the Chinese page carrying
the fixed point (data-enrolment-status="refused" data-reason="busy"); never a 502, 504 or hang;
nothing is lost: every application answered as taken is in the database, and only those.

The stack's limit (PORTAL_ENROL_CONN, 1,500 by default, above L1's 1,000 at once) is lowered to
10 for this module by rewriting the running nginx's configuration and reloading it, and put back
afterwards, so that 300 applications at once overflow it on this small machine.
"""
import os
import re
import subprocess
import time
import unittest

import portal
from portal import VAR, main, sql_value

CONF = os.path.join(VAR, "nginx.conf")
LIMIT = re.compile(r"limit_conn enrol_conn \d+;")
STATE = {}


def reload_nginx():
    subprocess.run(["nginx", "-c", CONF, "-p", os.path.join(VAR, "nginx"), "-s", "reload"], check=True)
    time.sleep(1)  # the old workers finish and the new ones take the limit


def setUpModule():
    with open(CONF) as f:
        STATE["conf"] = f.read()
    assert LIMIT.search(STATE["conf"]), "nginx.conf has no limit_conn on the enrolment endpoint"
    with open(CONF, "w") as f:
        f.write(LIMIT.sub("limit_conn enrol_conn 10;", STATE["conf"]))
    reload_nginx()
    STATE["teachers"] = portal.mint_teacher_sessions(300)
    STATE["course"] = portal.new_enrolment_course(120)


def tearDownModule():
    with open(CONF, "w") as f:
        f.write(STATE["conf"])
    reload_nginx()
    portal.delete_enrolment_course(STATE["course"][0])
    portal.delete_minted_teachers([t for t, _, _ in STATE["teachers"]])


class Shedding(unittest.TestCase):
    def test_beyond_the_limit_a_quick_503_with_retry_after_and_nothing_lost(self):
        cid, code = STATE["course"]
        requests = [("POST", f"/courses/{code}/enrolments", {"sid": sid},
                     {"csrf": csrf, "key": portal.random_text(20)}) for _, sid, csrf in STATE["teachers"]]
        started = time.monotonic()
        answers = portal.fire_at_once(requests, threads=150)
        elapsed = time.monotonic() - started
        errors = [a for a in answers if not isinstance(a, portal.Response)]
        self.assertEqual(errors, [], "every connection was answered")
        statuses = [a.status for a in answers]
        self.assertFalse({502, 504, 500} & set(statuses), f"statuses {sorted(set(statuses))}")
        shed = [a for a in answers if a.status == 503]
        self.assertGreater(len(shed), 0, "the limit of 10 in flight sheds some of 300 at once")
        for a in shed:
            self.assertEqual(a.header("retry-after"), "10")
            self.assertIn('data-enrolment-status="refused" data-reason="busy"', a.text)
            self.assertIn("報名人數眾多", a.text)
        self.assertLess(elapsed, 30, "no hang")
        taken = sum(1 for a in answers if a.status != 503 and portal.enrolment_answer(a)[0] in ("approved", "waiting", "pending"))
        rows = int(sql_value(f"SELECT COUNT(*) FROM enrolment WHERE course_id = {cid}"))
        self.assertEqual(rows, taken, "an application is in the database exactly when its answer said so")
        seats_taken, online, holding = portal.seat_counts(cid)
        self.assertEqual(seats_taken, holding)
        self.assertLessEqual(seats_taken, online)


if __name__ == "__main__":
    main()
