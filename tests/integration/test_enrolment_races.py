"""Enrolment under concurrency (SPEC §4 "Seats are never oversold, whatever the concurrency";
SECURITY-CATALOGUE §4.1 L1–L3, L5, L6 and §4.2 F1): a thousand teachers racing for 120 seats,
the last seat, a double click, churn on a waiting list, the organizer's approvals against online
applicants, promotion's edge cases, and a worker killed with kill -9 in the middle of a burst.

The teachers and their sessions are made by SQL (nginx limits POST /login per address), each
test gets a fresh course by SQL, and everything is removed at the end. Each race checks the
answers against the rows: every teacher told 審核通過 has exactly that enrolment with the key
sent, nobody else has one, and course.seats_taken equals the enrolments holding a seat.
"""
import base64
import collections
import hashlib
import html
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import unittest
import urllib.parse

import portal
from portal import (Client, delete_enrolment_course, delete_minted_teachers, enrolment_answer, fire_at_once,
                    mint_account_session, mint_teacher_sessions, new_enrolment_course, random_text, seat_counts,
                    session_key, sql, sql_script, sql_value)

TEACHERS = []  # (teacher_id, sid, csrf) of the teachers made for this module
COURSES = []
ORGANIZER = {}
# What each answer must come with: its HTTP status (and, busy, a Retry-After).
EXPECTED_STATUS = {"approved": 200, "pending": 200, "waiting": 200, "cancelled": 200, "full": 409,
                   "closed": 409, "not_open": 409, "duplicate": 409, "records_only": 403, "busy": 503}
BUSY_AT_MOST = 0.02  # of a burst's answers: busy is a clear answer, but must stay rare


def setUpModule():
    TEACHERS.extend(mint_teacher_sessions(1000))
    ORGANIZER["sid"], ORGANIZER["csrf"] = mint_account_session("organizer")


def tearDownModule():
    for course_id in COURSES:
        delete_enrolment_course(course_id)
    delete_minted_teachers([t[0] for t in TEACHERS])
    if ORGANIZER:
        sql(f"DELETE FROM web_session WHERE id_sha256 = '{session_key(ORGANIZER['sid'])}'")


def report(line):
    print(f"  [races] {line}", file=sys.stderr, flush=True)


def fresh_course(seats, auto_review=True):
    course_id, code = new_enrolment_course(seats, auto_review)
    COURSES.append(course_id)
    return course_id, code


def stored_key(key):
    """The request key as the enrolment row keeps it: its SHA-256 in base64url."""
    return base64.urlsafe_b64encode(hashlib.sha256(key.encode()).digest()).rstrip(b"=").decode()


def new_key():
    return random_text(32)  # 43 characters, as the form's own key


def enrol_request(teacher, code, key, waitlist=False):
    fields = {"csrf": teacher[2], "key": key}
    if waitlist:
        fields["waitlist"] = "1"
    return ("POST", f"/courses/{code}/enrolments", {"sid": teacher[1]}, fields)


def outcome(result):
    """What an answer says: approved, waiting, pending, cancelled, or the refusal's reason (full,
    busy, duplicate, ...); 'error:...' for a connection failure and 'http:...' for any answer
    without a clear status or with the wrong HTTP status for it."""
    if isinstance(result, Exception):
        return "error:" + type(result).__name__
    status, reason = enrolment_answer(result)
    said = reason if status == "refused" else status
    if said not in EXPECTED_STATUS or result.status != EXPECTED_STATUS[said]:
        return f"http:{result.status}:{said}"
    if said == "busy" and not result.header("retry-after"):
        return "http:503:busy-without-retry-after"
    return said


def teacher_client(teacher):
    c = Client()
    c.cookies["sid"] = teacher[1]
    return c


def enrolments(course_id):
    """{teacher_id: {id, status, key, promoted, approved_at}} of a course."""
    rows = sql(f"SELECT teacher_id, id, status, IFNULL(request_key, ''), promoted_at IS NOT NULL,"
               f" approved_at IS NOT NULL FROM enrolment WHERE course_id = {int(course_id)}")
    by_teacher = {}
    for tid, eid, status, key, promoted, approved in rows:
        if int(tid) in by_teacher:
            raise AssertionError(f"teacher {tid} has two enrolments in course {course_id}")
        by_teacher[int(tid)] = {"id": int(eid), "status": status, "key": key, "promoted": promoted == "1",
                                "approved_at": approved == "1"}
    return by_teacher


def seed(course_id, teachers, status):
    """Enrolments made by SQL, in the order given (waiting ones a millisecond apart), with the
    course's seat count moved as the portal would."""
    rows = ",".join(f"({int(course_id)}, {t[0]}, '{status}', '{new_key()}',"
                    f" IF('{status}' = 'waiting', NOW(3) - INTERVAL {len(teachers) - i} SECOND, NULL))"
                    for i, t in enumerate(teachers))
    holding = len(teachers) if status in ("approved", "pending") else 0
    sql_script(f"INSERT INTO enrolment (course_id, teacher_id, status, request_key, waiting_since) VALUES {rows};\n"
               f"UPDATE course SET seats_taken = seats_taken + {holding} WHERE id = {int(course_id)};")


def cancel_path(html_text):
    """The enrolment id of the cancel link on a course page's enrolment box, or None."""
    m = re.search(r'href="/teacher/enrolments/(\d+)/cancel"', html_text)
    return int(m.group(1)) if m else None


def box_status(html_text):
    """The teacher's own status in the enrolment box of a course page, or None."""
    m = re.search(r'<p data-enrolment-status="([a-z]+)">', html_text)
    return m.group(1) if m else None


APP_LOG = os.path.join(portal.VAR, "log", "app.log")  # one line per request (core/log.h)


class RaceChecks(unittest.TestCase):
    """What every race ends with."""

    def assert_seats_agree(self, course_id, taken=None):
        seats_taken, online, holding = seat_counts(course_id)
        self.assertEqual(seats_taken, holding, "course.seats_taken differs from the enrolments holding a seat")
        self.assertLessEqual(seats_taken, online, "oversold")
        if taken is not None:
            self.assertEqual(seats_taken, taken)

    def assert_rows_match_answers(self, course_id, final, keys, seeded=()):
        """`final`: {teacher_id: final outcome}; `keys`: {teacher_id: key sent}. A teacher told
        approved/waiting/pending has exactly that enrolment with that key (lost 0); a refused one
        has none, and nobody who was not told has one (unexpected 0)."""
        rows = enrolments(course_id)
        seeded = set(seeded)
        lost = [t for t, o in final.items() if o in ("approved", "waiting", "pending")
                and (t not in rows or rows[t]["status"] != o or rows[t]["key"] != stored_key(keys[t]))]
        unexpected = [t for t in rows if t not in seeded and final.get(t) not in ("approved", "waiting", "pending")]
        self.assertEqual(lost, [], "told they had a seat or a place, but the rows disagree")
        self.assertEqual(unexpected, [], "enrolments nobody was told about")
        return rows


class SeatRace(RaceChecks):
    """L1: 1,000 teachers released by one barrier at a 120-seat 自動審核 course, three times."""

    def test_a_thousand_teachers_get_exactly_120_seats_and_clear_refusals_three_times(self):
        for run in range(1, 4):
            with self.subTest(run=run):
                course_id, code = fresh_course(120)
                keys = {t[0]: new_key() for t in TEACHERS}
                log_from = os.path.getsize(APP_LOG)
                started = time.monotonic()
                results = fire_at_once([enrol_request(t, code, keys[t[0]]) for t in TEACHERS], threads=125)
                took = time.monotonic() - started
                outcomes = {t[0]: outcome(r) for t, r in zip(TEACHERS, results)}
                counts = collections.Counter(outcomes.values())
                report(f"L1 run {run}: {dict(counts)} in {took:.1f} s")
                self.assertEqual(counts["approved"], 120)
                self.assertEqual(counts["full"] + counts["busy"], 880, f"answers that are not clear: {counts}")
                self.assertLessEqual(counts["busy"], BUSY_AT_MOST * 1000)
                self.assert_rows_match_answers(course_id, outcomes, keys)
                self.assert_seats_agree(course_id, taken=120)
                actors = sql(f"SELECT actor FROM audit_log WHERE action = 'enrolment.create' AND object = '{code}'")
                self.assertEqual(sorted(a for (a,) in actors),
                                 sorted(f"t:{t}" for t, o in outcomes.items() if o == "approved"),
                                 "one audit line per enrolment, by its teacher")
                # Every attempt, refused ones too, leaves its line in the request log: who, what, the answer.
                with open(APP_LOG, encoding="utf-8") as log:
                    log.seek(log_from)
                    attempts = collections.Counter(re.findall(r"route=enrolment\.create user=t:(\d+) status=\d+", log.read()))
                self.assertEqual(attempts, collections.Counter({str(t[0]): 1 for t in TEACHERS}),
                                 "one request-log line per teacher's attempt")


class LastSeat(RaceChecks):
    """L2: 119 of 120 seats taken, 50 teachers at once: exactly one more is approved."""

    REPETITIONS = 200  # the catalogue's figure

    def test_fifty_teachers_racing_for_the_last_seat_give_exactly_one_more(self):
        seeded, racers = TEACHERS[:119], TEACHERS[119:169]
        winners = collections.Counter()
        for rep in range(self.REPETITIONS):
            with self.subTest(repetition=rep):
                course_id, code = fresh_course(120)
                seed(course_id, seeded, "approved")
                keys = {t[0]: new_key() for t in racers}
                results = fire_at_once([enrol_request(t, code, keys[t[0]]) for t in racers], threads=50)
                outcomes = {t[0]: outcome(r) for t, r in zip(racers, results)}
                counts = collections.Counter(outcomes.values())
                winners[counts["approved"]] += 1
                self.assertEqual(counts["approved"], 1, dict(counts))
                self.assertEqual(counts["full"] + counts["busy"], 49, dict(counts))
                self.assert_rows_match_answers(course_id, outcomes, keys, seeded=[t[0] for t in seeded])
                self.assert_seats_agree(course_id, taken=120)
            delete_enrolment_course(course_id)
            COURSES.remove(course_id)
        report(f"L2: repetitions by number of winners {dict(winners)}")


class DoubleClick(RaceChecks):
    """L3: one teacher sends the same application 20 times at once."""

    def test_twenty_identical_posts_with_one_key_make_one_enrolment_and_twenty_same_answers(self):
        course_id, code = fresh_course(30)
        teacher, key = TEACHERS[0], new_key()
        results = fire_at_once([enrol_request(teacher, code, key)] * 20, threads=20)
        counts = collections.Counter(outcome(r) for r in results)
        self.assertEqual(counts, {"approved": 20}, "the same key must answer the first result, never duplicate")
        self.assert_rows_match_answers(course_id, {teacher[0]: "approved"}, {teacher[0]: key})
        self.assert_seats_agree(course_id, taken=1)

    def test_twenty_posts_with_twenty_keys_make_one_enrolment_and_say_already_enrolled(self):
        course_id, code = fresh_course(30)
        teacher = TEACHERS[1]  # not the previous test's: the per-session limit counts both floods
        keys = [new_key() for _ in range(20)]
        results = fire_at_once([enrol_request(teacher, code, k) for k in keys], threads=20)
        said = [outcome(r) for r in results]
        self.assertEqual(collections.Counter(said), {"approved": 1, "duplicate": 19})
        won = keys[said.index("approved")]
        self.assert_rows_match_answers(course_id, {teacher[0]: "approved"}, {teacher[0]: won})
        self.assert_seats_agree(course_id, taken=1)
        for r in results:
            if outcome(r) == "duplicate":
                self.assertIn("審核通過", html.unescape(r.text), "the duplicate answer says what the teacher has")


class RequestKeys(RaceChecks):
    """The request key is any text of up to 64 characters (the form's limit): whatever the form
    takes gets a clear answer, and the same key sent again answers the first result."""

    def test_every_key_the_form_takes_is_answered_and_replayed(self):
        course_id, code = fresh_course(10)
        keys = {"64 characters": "k" * 64, "44 characters": new_key() + "x", "non-ASCII": "報名序號" * 4}
        for (name, key), teacher in zip(keys.items(), TEACHERS[950:]):
            with self.subTest(key=name):
                said = [outcome(teacher_client(teacher).post(f"/courses/{code}/enrolments",
                                                             {"csrf": teacher[2], "key": key})) for _ in range(2)]
                self.assertEqual(said, ["approved", "approved"])
        self.assert_seats_agree(course_id)


class Churner:
    """One thread of the churn: its own teachers enrol (with waitlist=1), re-check and cancel."""

    def __init__(self, code, teachers, stop_at, rng):
        self.code, self.fresh, self.stop_at, self.rng = code, list(teachers), stop_at, rng
        self.active = []      # dicts: teacher, key, best (approved once seen), enrolment id
        self.cancelled = []   # teacher ids whose cancellation was answered 303
        self.errors = []
        self.actions = collections.Counter()

    def run(self):
        try:
            while time.monotonic() < self.stop_at:
                self.step()
                time.sleep(self.rng.uniform(0.03, 0.12))
        except Exception as e:  # noqa: BLE001 — reported by the test, not lost in the thread
            self.errors.append(f"{type(e).__name__}: {e}")

    def step(self):
        roll = self.rng.random()
        if self.fresh and (len(self.active) < 2 or (len(self.active) <= 5 and roll < 0.35)):
            self.enrol()
        elif self.active and (len(self.active) > 5 or roll < 0.7):
            self.cancel(self.rng.choice(self.active))
        elif self.active:
            self.recheck(self.rng.choice(self.active))

    def until_not_busy(self, send):
        for _ in range(10):
            r = send()
            if outcome(r) != "busy" and r.status != 503:
                return r
            time.sleep(0.3)
        return r

    def enrol(self):
        t = {"teacher": self.fresh.pop(), "key": new_key(), "best": None, "id": None}
        said = outcome(self.until_not_busy(lambda: teacher_client(t["teacher"]).post(
            f"/courses/{self.code}/enrolments", {"csrf": t["teacher"][2], "key": t["key"], "waitlist": "1"})))
        self.actions["enrol"] += 1
        if said not in ("approved", "waiting"):
            self.errors.append(f"enrol of {t['teacher'][0]} answered {said}")
            return
        t["best"] = said
        self.active.append(t)

    def recheck(self, t):
        """The course page's box (and, every other time, the same key sent again) tells the
        teacher's status: approved or waiting, and never waiting again once approved."""
        self.actions["recheck"] += 1
        c = teacher_client(t["teacher"])
        page = c.get(f"/courses/{self.code}")
        seen = [box_status(page.text)]
        t["id"] = cancel_path(page.text) or t["id"]
        if self.rng.random() < 0.5:
            seen.append(outcome(self.until_not_busy(lambda: c.post(
                f"/courses/{self.code}/enrolments", {"csrf": t["teacher"][2], "key": t["key"], "waitlist": "1"}))))
        for s in seen:
            if s not in ("approved", "waiting") or (t["best"] == "approved" and s == "waiting"):
                self.errors.append(f"teacher {t['teacher'][0]} (was {t['best']}) re-checked: {s}")
            elif s == "approved":
                t["best"] = "approved"

    def cancel(self, t):
        if t["id"] is None:
            self.recheck(t)
        if t["id"] is None:
            self.errors.append(f"no cancel link for teacher {t['teacher'][0]}")
            return
        self.actions["cancel"] += 1
        c = teacher_client(t["teacher"])
        r = self.until_not_busy(lambda: c.post(f"/teacher/enrolments/{t['id']}/cancel", {"csrf": t["teacher"][2]}))
        if r.status != 303:
            self.errors.append(f"cancel of teacher {t['teacher'][0]} answered {r.status}")
            return
        self.active.remove(t)
        self.cancelled.append(t["teacher"][0])
        after = box_status(c.get(f"/courses/{self.code}").text)
        if after != "cancelled":
            self.errors.append(f"teacher {t['teacher'][0]} cancelled, course page says {after}")


def replay_audit(code, seats):
    """Replays the course's audit lines (written under the course lock, so in its order):
    returns (holders, waiting queue, promoted teacher ids, seat-holding cancellations, problems)."""
    lines = sql(f"SELECT actor, action, IFNULL(detail, '') FROM audit_log WHERE object = '{code}'"
                f" AND action IN ('enrolment.create', 'enrolment.promote', 'enrolment.cancel') ORDER BY id")
    teacher_of = {int(eid): int(tid) for eid, tid in sql(
        f"SELECT e.id, e.teacher_id FROM enrolment e JOIN course c ON c.id = e.course_id WHERE c.code = '{code}'")}
    holders, queue, promoted, problems = set(), [], [], []
    freed = 0
    promotion = None
    for actor, action, detail in lines:
        who = int(actor[2:]) if actor.startswith("t:") else None
        if action == "enrolment.promote":
            if promotion is not None:
                problems.append("two promotions for one cancellation")
            promotion = teacher_of[int(detail)]
            continue
        if action == "enrolment.create":
            if promotion is not None:
                problems.append(f"teacher {promotion} promoted without a cancellation")
            if detail == "waiting" and len(holders) < seats:
                problems.append(f"teacher {who} put on the waiting list with a seat free")
            if detail != "waiting" and queue:
                problems.append(f"teacher {who} took a seat while {len(queue)} were waiting")
            (queue.append if detail == "waiting" else holders.add)(who)
        elif who in holders:
            holders.discard(who)
            freed += 1
            if promotion != (queue[0] if queue else None):
                problems.append(f"the seat of {who} went to {promotion}; first waiting: {queue[:1]}")
            if promotion in queue:
                queue.remove(promotion)
                holders.add(promotion)
                promoted.append(promotion)
        elif who in queue:
            queue.remove(who)
            if promotion is not None:
                problems.append(f"cancelling the waiting teacher {who} promoted {promotion}")
        else:
            problems.append(f"teacher {who} cancelled an enrolment the log does not show")
        promotion = None
        if len(holders) > seats:
            problems.append(f"{len(holders)} seat holders for {seats} seats")
    return holders, queue, promoted, freed, problems


class Churn(RaceChecks):
    """L5: 30 s of teachers enrolling (waiting list on), re-checking and cancelling on an 8-seat
    自動審核 course, the seat invariant sampled every 0.5 s."""

    SECONDS = 30
    THREADS = 12
    SEATS = 8

    def test_churn_keeps_the_seat_count_and_promotes_one_waiting_teacher_per_freed_seat_in_order(self):
        course_id, code = fresh_course(self.SEATS)
        pool = TEACHERS[200:]
        stop_at = time.monotonic() + self.SECONDS
        churners = [Churner(code, pool[i::self.THREADS], stop_at, random.Random(i)) for i in range(self.THREADS)]
        threads = [threading.Thread(target=c.run) for c in churners]
        for t in threads:
            t.start()
        samples = []
        while any(t.is_alive() for t in threads):
            samples.append(tuple(int(v) for v in sql(
                f"SELECT c.seats_taken, c.online_seats,"
                f" (SELECT COUNT(*) FROM enrolment e WHERE e.course_id = c.id AND e.status IN ('pending', 'approved')),"
                f" (SELECT COUNT(*) FROM enrolment e WHERE e.course_id = c.id AND e.status = 'waiting')"
                f" FROM course c WHERE c.id = {course_id}")[0]))
            time.sleep(0.5)
        for t in threads:
            t.join()
        errors = [e for c in churners for e in c.errors]
        actions = sum((c.actions for c in churners), collections.Counter())
        self.assertEqual(errors, [])
        bad = [s for s in samples if s[0] != s[2] or s[0] > s[1] or (s[3] > 0 and s[0] < s[1])]
        self.assertEqual(bad, [], "samples (seats_taken, online_seats, holding, waiting) off the invariant,"
                                  " or a seat left free while teachers wait")
        holders, queue, promoted, freed, problems = replay_audit(code, self.SEATS)
        report(f"L5: {dict(actions)}, {len(samples)} samples, {freed} seats freed, {len(promoted)} promotions,"
               f" {len(queue)} still waiting")
        self.assertEqual(problems, [])
        self.assertGreater(len(promoted), 0, "the churn never exercised a promotion")
        rows = enrolments(course_id)
        self.assertEqual(holders, {t for t, r in rows.items() if r["status"] in ("approved", "pending")})
        waiting = [int(t) for (t,) in sql(f"SELECT teacher_id FROM enrolment WHERE course_id = {course_id}"
                                          f" AND status = 'waiting' ORDER BY waiting_since, id")]
        self.assertEqual(queue, waiting, "the waiting list's order")
        self.assertEqual(sorted(promoted), sorted(t for t, r in rows.items() if r["promoted"]))
        cancelled = [t for c in churners for t in c.cancelled]
        self.assertEqual(sorted(cancelled), sorted(t for t, r in rows.items() if r["status"] == "cancelled"),
                         "every teacher told their enrolment was cancelled, and nobody else, is cancelled")
        self.assert_seats_agree(course_id)


class OrganizerAgainstOnline(RaceChecks):
    """L6, with what exists of it (校內批次報名 is not built yet): the organizer's 報名資格審核
    approving 80 waiting teachers in one request races 200 online applications for the 80 seats
    that raising the course's online seats from 40 to 120 freed."""

    def test_approving_the_waiting_list_against_online_applicants_never_oversells(self):
        course_id, code = fresh_course(40)
        seated, waiting, online = TEACHERS[:40], TEACHERS[40:120], TEACHERS[120:320]
        seed(course_id, seated, "approved")
        seed(course_id, waiting, "waiting")
        sql(f"UPDATE course SET seats_per_class = 120, online_seats = 120 WHERE id = {course_id}")
        before = enrolments(course_id)
        decide = ("POST", f"/office/courses/{code}/enrolments", {"sid": ORGANIZER["sid"]},
                  [("csrf", ORGANIZER["csrf"]), ("decision", "approve")] +
                  [("enrolment", before[t[0]]["id"]) for t in waiting])
        keys = {t[0]: new_key() for t in online}
        requests = [enrol_request(t, code, keys[t[0]]) for t in online]
        requests.insert(100, decide)
        results = fire_at_once(requests, threads=100)
        decided = results.pop(100)
        outcomes = {t[0]: outcome(r) for t, r in zip(online, results)}
        counts = collections.Counter(outcomes.values())
        self.assertNotIsInstance(decided, Exception)
        self.assertEqual(decided.status, 303)
        flash = urllib.parse.unquote_plus(next(v.split(";")[0].split("=", 1)[1] for v in decided.all_headers("set-cookie")
                                          if v.startswith("flash=")))
        rows = enrolments(course_id)
        by_organizer = [t[0] for t in waiting if rows[t[0]]["status"] == "approved"]
        left_waiting = [t[0] for t in waiting if rows[t[0]]["status"] == "waiting"]
        report(f"L6: organizer approved {len(by_organizer)}, online {dict(counts)}; flash: {flash}")
        self.assertEqual(len(by_organizer) + len(left_waiting), 80)
        self.assertEqual(len(by_organizer) + counts["approved"], 80, "the 80 freed seats are taken, no more")
        self.assertEqual(counts["full"] + counts["busy"], 200 - counts["approved"], dict(counts))
        self.assertIn(f"已審核通過 {len(by_organizer)} 位", flash)
        if left_waiting:
            self.assertIn(f"另有 {len(left_waiting)} 位候補者因名額已滿未能通過", flash)
        self.assert_rows_match_answers(course_id, outcomes, keys, seeded=[t[0] for t in seated + waiting])
        self.assert_seats_agree(course_id, taken=120)


class Promotion(RaceChecks):
    """A freed seat and the waiting list, one case at a time: a 1-seat course, A holding the seat,
    B and C waiting in that order."""

    def setUp(self):
        self.a, self.b, self.c = TEACHERS[900:903]
        self.mark = int(sql_value("SELECT IFNULL(MAX(id), 0) FROM mail_outbox"))

    def course_with_waiting_list(self, auto_review=True):
        course_id, code = fresh_course(1, auto_review)
        first = outcome(teacher_client(self.a).post(f"/courses/{code}/enrolments",
                                                    {"csrf": self.a[2], "key": new_key()}))
        self.assertEqual(first, "approved" if auto_review else "pending")
        for t in (self.b, self.c):
            said = outcome(teacher_client(t).post(f"/courses/{code}/enrolments",
                                                  {"csrf": t[2], "key": new_key(), "waitlist": "1"}))
            self.assertEqual(said, "waiting")
        return course_id, code

    def cancel(self, teacher, course_id, expect=303):
        eid = enrolments(course_id)[teacher[0]]["id"]
        r = teacher_client(teacher).post(f"/teacher/enrolments/{eid}/cancel", {"csrf": teacher[2]})
        self.assertEqual(r.status, expect, r.text[:300])

    def statuses(self, course_id):
        rows = enrolments(course_id)
        return [rows[t[0]]["status"] for t in (self.a, self.b, self.c)]

    def promotion_mails(self, code, teacher=None):
        to = f" AND to_addr = (SELECT email FROM teacher WHERE id = {teacher[0]})" if teacher else ""
        return sql(f"SELECT to_addr, body FROM mail_outbox WHERE id > {self.mark}"
                   f" AND subject LIKE '%候補遞補通知%（{code}）%'{to}")

    def test_a_cancellation_after_the_deadline_promotes_nobody(self):
        course_id, code = self.course_with_waiting_list()
        sql(f"UPDATE course SET enrol_closes_at = NOW() - INTERVAL 1 MINUTE WHERE id = {course_id}")
        self.cancel(self.a, course_id)
        self.assertEqual(self.statuses(course_id), ["cancelled", "waiting", "waiting"])
        self.assert_seats_agree(course_id, taken=0)
        self.assertEqual(self.promotion_mails(code), [])

    def test_once_the_first_session_has_started_nobody_cancels_and_a_refusal_promotes_nobody(self):
        course_id, code = self.course_with_waiting_list()
        sql(f"UPDATE course_session SET session_date = CURDATE() - INTERVAL 1 DAY WHERE course_id = {course_id};")
        sql(f"UPDATE course SET first_date = CURDATE() - INTERVAL 1 DAY, last_date = CURDATE() - INTERVAL 1 DAY"
            f" WHERE id = {course_id}")
        self.cancel(self.a, course_id, expect=409)
        self.assertEqual(self.statuses(course_id), ["approved", "waiting", "waiting"])
        eid = enrolments(course_id)[self.a[0]]["id"]
        c = Client()
        c.cookies["sid"] = ORGANIZER["sid"]
        r = c.post(f"/office/courses/{code}/enrolments", {"csrf": ORGANIZER["csrf"], "decision": "refuse",
                                                          "reason": "測試：研習已開始", "enrolment": eid})
        self.assertEqual(r.status, 303, r.text[:300])
        self.assertEqual(self.statuses(course_id), ["rejected", "waiting", "waiting"])
        self.assert_seats_agree(course_id, taken=0)
        self.assertEqual(self.promotion_mails(code), [])

    def test_a_promoted_teacher_who_cancels_frees_the_seat_for_the_next_and_no_phantom_seat_remains(self):
        course_id, code = self.course_with_waiting_list()
        self.cancel(self.a, course_id)
        self.assertEqual(self.statuses(course_id), ["cancelled", "approved", "waiting"])
        self.assert_seats_agree(course_id, taken=1)
        self.cancel(self.b, course_id)
        self.assertEqual(self.statuses(course_id), ["cancelled", "cancelled", "approved"])
        self.assert_seats_agree(course_id, taken=1)
        rows = enrolments(course_id)
        self.assertEqual([rows[t[0]]["promoted"] for t in (self.a, self.b, self.c)], [False, True, True])
        self.cancel(self.c, course_id)
        self.assert_seats_agree(course_id, taken=0)
        d, e = TEACHERS[903:905]
        said = [outcome(teacher_client(t).post(f"/courses/{code}/enrolments", {"csrf": t[2], "key": new_key()}))
                for t in (d, e)]
        self.assertEqual(said, ["approved", "full"], "the one seat is free again, and only one")
        self.assert_seats_agree(course_id, taken=1)

    def test_a_promotion_mails_the_promoted_teacher_once_and_nobody_else(self):
        course_id, code = self.course_with_waiting_list(auto_review=False)
        self.cancel(self.a, course_id)
        self.assertEqual(self.statuses(course_id), ["cancelled", "pending", "waiting"])
        mails = self.promotion_mails(code)
        b_addr = sql_value(f"SELECT email FROM teacher WHERE id = {self.b[0]}")
        self.assertEqual([m[0] for m in mails], [b_addr])
        self.assertIn("待審核", mails[0][1])
        delivered = [m for m in portal.wait_for_mail(f"（{code}）") if b_addr in str(m["To"])]
        self.assertEqual(len(delivered), 1, "the promotion mail reaches the sink once")


def supervisor_children():
    with open(os.path.join(portal.VAR, "run", "portal.pid")) as f:
        supervisor = int(f.read().strip())
    out = subprocess.run(["pgrep", "-P", str(supervisor)], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def portal_setting(name):
    with open(os.path.join(portal.VAR, "portal.conf"), encoding="utf-8") as f:
        return next(line.split("=", 1)[1].strip() for line in f if line.startswith(name + "="))


class WorkerKilled(RaceChecks):
    """F1: kill -9 of one FastCGI worker while 200 applications with keys are in flight; every
    client retries an error or a broken connection with the same key until it gets an answer."""

    TEACHERS_IN_BURST = 200
    SEATS = 150

    def test_a_worker_killed_mid_burst_loses_nothing_and_duplicates_nothing(self):
        with open(os.path.join(portal.VAR, "nginx.conf"), encoding="utf-8") as f:
            directives = [line.split("#", 1)[0] for line in f]
        self.assertEqual([d for d in directives if "non_idempotent" in d], [],
                         "nginx must never re-send a POST to another worker")
        course_id, code = fresh_course(self.SEATS)
        burst = TEACHERS[:self.TEACHERS_IN_BURST]
        keys = {t[0]: new_key() for t in burst}
        logs = {t[0]: [] for t in burst}
        final = {}
        answered = threading.Semaphore(0)
        barrier = threading.Barrier(len(burst) + 1)
        workers_before = supervisor_children()
        self.assertEqual(len(workers_before), int(os.environ.get("PORTAL_WORKERS", "2")))

        def apply(teacher):
            barrier.wait()
            for attempt in range(30):
                try:
                    said = outcome(teacher_client(teacher).post(
                        f"/courses/{code}/enrolments", {"csrf": teacher[2], "key": keys[teacher[0]]}))
                except Exception as e:  # noqa: BLE001 — a broken connection is retried like a 502
                    said = "error:" + type(e).__name__
                logs[teacher[0]].append(said)
                if attempt == 0:
                    answered.release()
                if said in ("approved", "full"):
                    final[teacher[0]] = said
                    return
                time.sleep(0.2)

        threads = [threading.Thread(target=apply, args=(t,)) for t in burst]
        for t in threads:
            t.start()
        barrier.wait()
        for _ in range(25):  # a burst well under way: 25 answers in, 175 to come
            answered.acquire()
        victim = min(workers_before)
        os.kill(victim, signal.SIGKILL)
        killed_at = time.monotonic()
        while not (len(supervisor_children()) == len(workers_before) and victim not in supervisor_children()):
            self.assertLess(time.monotonic() - killed_at, 5, "the supervisor did not replace the worker")
            time.sleep(0.02)
        respawn = time.monotonic() - killed_at
        for t in threads:
            t.join()
        first_failed = [t for t, log in logs.items() if log[0] not in ("approved", "full")]
        counts = collections.Counter(final.values())
        report(f"F1: killed worker {victim}, replaced in {respawn:.2f} s; first attempts failed: "
               f"{collections.Counter(logs[t][0] for t in first_failed)}; final {dict(counts)}")
        self.assertLessEqual(respawn, 1.0)
        self.assertEqual(len(final), len(burst), "every client got an answer by retrying")
        self.assertGreater(len(first_failed), 0, "the kill hit no request in flight: the test proved nothing")
        self.assertLessEqual(len(first_failed), int(portal_setting("threads")),
                             "more failures than the killed worker had requests in flight")
        self.assertEqual(counts, {"approved": self.SEATS, "full": self.TEACHERS_IN_BURST - self.SEATS})
        rows = self.assert_rows_match_answers(course_id, final, keys)
        self.assertEqual(len({r["key"] for r in rows.values()}), len(rows), "a key with two enrolments")
        self.assert_seats_agree(course_id, taken=self.SEATS)
        self.assertTrue(portal.wait_until_healthy(10))


if __name__ == "__main__":
    portal.main()
