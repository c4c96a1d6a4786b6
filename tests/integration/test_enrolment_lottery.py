"""抽籤 (issue 8, SPEC §11): 線上報名設定's 名額分配方式 and draw time, applications that wait for
the draw (待抽籤: data-enrolment-status="pending", no seat), the seed's hash before and the seed
after, the draw run as the scheduler runs it (`portal-tool scheduler --once` with draw_at moved
into the past), exactly the seats approved and the rest waiting in draw order, the order
recomputed here from what the course page publishes, teachers with a no-show this year after
everyone else, one draw however many passes, and the mails in the sink.
"""
import hashlib
import os
import random
import re
import subprocess
import time
import unittest

import portal
from portal import (Client, ROOT, VAR, delete_teacher, logged_in, main, new_teacher, sql, sql_value, token_of,
                    wait_for_mail)

MADE_COURSES = []
MADE_TEACHERS = []
MISSED_COURSE = "5600007"  # closed this year, no records (sql/demo.sql): an approval there is a no-show


def new_course(seats=3, lottery=True, opens="NOW() - INTERVAL 1 HOUR", draw="NOW() + INTERVAL 1 HOUR",
               closes="NOW() + INTERVAL 10 DAY", auto_review=True):
    """An approved course of 內壢國中 copied from 5600001, `seats` online seats, in 抽籤 with a
    fresh seed unless `lottery` is False. Returns (code, id)."""
    while True:
        code = f"596{random.SystemRandom().randrange(10000):04d}"
        if sql_value(f"SELECT COUNT(*) FROM course WHERE code = '{code}'") == "0":
            break
    seed = f"'{portal.random_text(32)}'" if lottery else "NULL"
    sql("INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school,"
        " category_id, subject_area, levels, outline, hours, class_count, seats_per_class, online_seats,"
        " seat_mode, draw_at, draw_seed, seats_taken, enrol_online, enrol_opens_at, enrol_closes_at, auto_review,"
        " contact1_name, contact1_phone, contact1_email, state, first_date, last_date)"
        f" SELECT '{code}', unit_id, organizer_id, review_unit_id, '抽籤測試研習{code}', class_kind, cross_school,"
        f" category_id, subject_area, levels, outline, hours, 1, 40, {seats}, '{'lottery' if lottery else 'first_come'}',"
        f" {draw if lottery else 'NULL'}, {seed}, 0, TRUE, {opens}, {closes}, {1 if auto_review else 0},"
        " contact1_name, contact1_phone, contact1_email, 'approved', CURDATE() + INTERVAL 20 DAY,"
        " CURDATE() + INTERVAL 20 DAY FROM course WHERE code = '5600001'")
    cid = int(sql_value(f"SELECT id FROM course WHERE code = '{code}'"))
    sql("INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place)"
        f" VALUES ({cid}, CURDATE() + INTERVAL 20 DAY, '09:00', '12:00', '10:30-10:40', '本校')")
    MADE_COURSES.append(cid)
    return code, cid


def teacher(no_show=False):
    """A signed-in Client of a fresh 在職 teacher of 內壢國中 with an address of its own, and the
    teacher's id; with `no_show`, approved in a closed course of this year without hours (SPEC §6)."""
    tid, nid = new_teacher(unit_id=4)
    MADE_TEACHERS.append(tid)
    sql(f"UPDATE teacher SET email = 'draw{tid}@example.edu.tw' WHERE id = {tid}")
    if no_show:
        sql("INSERT INTO enrolment (course_id, teacher_id, status, created_at, decided_at, approved_at)"
            f" SELECT id, {tid}, 'approved', first_date - INTERVAL 20 DAY, first_date - INTERVAL 19 DAY,"
            f" first_date - INTERVAL 19 DAY FROM course WHERE code = '{MISSED_COURSE}'")
    client = Client()
    assert client.login(nid).status == 303
    return client, tid


def enrol(client, code, **fields):
    return client.post(f"/courses/{code}/enrolments",
                       dict({"csrf": token_of(client), "key": portal.random_text(20)}, **fields))


def answer_of(response):
    m = re.search(r'data-enrolment-status="([^"]+)"(?: data-reason="([^"]+)")?', response.text)
    return (m.group(1), m.group(2)) if m else (None, None)


def status_of(tid, cid):
    return sql_value(f"SELECT status FROM enrolment WHERE course_id = {cid} AND teacher_id = {tid}")


def enrolment_id(tid, cid):
    return int(sql_value(f"SELECT id FROM enrolment WHERE course_id = {cid} AND teacher_id = {tid}"))


def seat_check(cid):
    """(seats_taken, enrolments holding a seat) of the course."""
    row = sql(f"SELECT c.seats_taken, (SELECT COUNT(*) FROM enrolment e WHERE e.course_id = c.id"
              f" AND e.status IN ('pending', 'approved')) FROM course c WHERE c.id = {cid}")[0]
    return int(row[0]), int(row[1])


def make_due(cid):
    sql(f"UPDATE course SET draw_at = NOW() - INTERVAL 1 MINUTE WHERE id = {cid}")


def scheduler_pass():
    return subprocess.Popen([os.path.join(ROOT, "build", "portal-tool"), "scheduler", "--once", "--config",
                             os.path.join(VAR, "portal.conf")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def run_pass(test):
    done = scheduler_pass()
    _, err = done.communicate(timeout=60)
    test.assertEqual(done.returncode, 0, f"scheduler --once failed: {err}")


def course_page(code, until=None, seconds=15):
    """The public course page; with `until`, fetched again (the body is cached per worker for
    public_cache_seconds) until the text contains it."""
    deadline = time.monotonic() + seconds
    while True:
        page = Client().get(f"/courses/{code}")
        if until is None or until in page.text or time.monotonic() > deadline:
            return page
        time.sleep(0.5)


def published(html):
    """What the page publishes about the draw: (state, seed hash, seed or None, applied count or
    None, [(reference, no_show, won)] in the page's order)."""
    state = re.search(r'class="lottery" data-draw="(\w+)"', html)
    digest = re.search(r'id="draw-seed-hash"[^>]*>([0-9a-f]{64})<', html)
    seed = re.search(r'id="draw-seed"[^>]*>([A-Za-z0-9_-]+)<', html)
    applied = re.search(r'id="draw-applied">(\d+)<', html)
    rows = [(ref, no_show == "1", won == "1") for ref, no_show, won in
            re.findall(r'<tr data-reference="(\d+)" data-no-show="([01])" data-won="([01])">', html)]
    return (state.group(1) if state else None, digest.group(1) if digest else None,
            seed.group(1) if seed else None, int(applied.group(1)) if applied else None, rows)


def recomputed(seed, entries):
    """The draw order from the published inputs alone (domain/lottery.h): no-show-free first,
    then ascending SHA-256 of "seed:reference" in hex."""
    return sorted((ref for ref, _, _ in entries),
                  key=lambda ref: (dict((r, n) for r, n, _ in entries)[ref],
                                   hashlib.sha256(f"{seed}:{ref}".encode()).hexdigest()))


def tearDownModule():
    for cid in MADE_COURSES:
        code = sql_value(f"SELECT code FROM course WHERE id = {cid}")
        sql(f"DELETE FROM mail_outbox WHERE subject LIKE '%（{code}）%'")
        for table in ("draw_entry", "enrolment", "course_session", "course_history"):
            sql(f"DELETE FROM {table} WHERE course_id = {cid}")
        sql(f"DELETE FROM course_search WHERE course_id = {cid}")
        sql(f"DELETE FROM course WHERE id = {cid}")
    for tid in MADE_TEACHERS:
        sql(f"DELETE FROM mail_outbox WHERE to_addr = 'draw{tid}@example.edu.tw'")
        sql(f"DELETE FROM enrolment WHERE teacher_id = {tid}")
        delete_teacher(tid)


class Settings(unittest.TestCase):
    def setUp(self):
        self.organizer = logged_in("organizer")

    def path(self, code):
        return f"/office/courses/{code}/enrolment-settings"

    def fields(self, code, **overrides):
        page = self.organizer.get(self.path(code))
        self.assertEqual(page.status, 200)
        values = {"csrf": token_of(self.organizer), "enrol_online": "1",
                  "enrol_opens": portal.input_value(page.text, "enrol_opens"),
                  "enrol_closes": portal.input_value(page.text, "enrol_closes"),
                  "online_seats": portal.input_value(page.text, "online_seats"), "auto_review_scope": "anyone"}
        for q in ("title_name", "mobile", "subject", "school_type", "meal", "lodging", "transport", "parking",
                  "emergency_contact"):
            values[f"ask_{q}"] = "no"
        values.update(overrides)
        return values

    def save(self, code, **overrides):
        return self.organizer.post(self.path(code), self.fields(code, **overrides))

    def course_row(self, cid):
        return sql(f"SELECT seat_mode, IFNULL(draw_at, ''), IFNULL(draw_seed, ''), online_seats"
                   f" FROM course WHERE id = {cid}")[0]

    @staticmethod
    def local(expression):
        return sql_value(f"SELECT DATE_FORMAT({expression}, '%Y-%m-%dT%H:%i')")

    def test_choosing_lottery_fixes_a_seed_and_the_course_page_shows_only_its_hash_and_the_draw_time(self):
        code, cid = new_course(lottery=False, opens="CURDATE() + INTERVAL 2 DAY + INTERVAL 9 HOUR")
        draw = self.local("CURDATE() + INTERVAL 4 DAY + INTERVAL 12 HOUR")
        self.assertEqual(self.save(code, seat_mode="lottery", draw_at=draw).status, 303)
        mode, draw_at, seed, _ = self.course_row(cid)
        self.assertEqual(mode, "lottery")
        self.assertEqual(draw_at, draw.replace("T", " ") + ":00")
        self.assertRegex(seed, r"^[A-Za-z0-9_-]{43}$")  # 32 random bytes, base64url
        state, digest, shown_seed, applied, rows = published(course_page(code, until="draw-seed-hash").text)
        self.assertEqual((state, digest, shown_seed, applied, rows),
                         ("pending", hashlib.sha256(seed.encode()).hexdigest(), None, 0, []))
        self.assertNotIn(seed, course_page(code).text)
        # Saved again as it is, the seed stays; the page offers both ways while enrolment has not opened.
        page = self.organizer.get(self.path(code))
        self.assertIn('name="seat_mode" value="lottery" checked', page.text)
        self.assertEqual(portal.input_value(page.text, "draw_at"), draw)
        self.assertEqual(self.save(code, seat_mode="lottery", draw_at=draw).status, 303)
        self.assertEqual(self.course_row(cid)[2], seed)
        # Back to 先到先得 before the opening: the seed and the draw time are forgotten.
        self.assertEqual(self.save(code, seat_mode="first_come", draw_at=draw).status, 303)
        self.assertEqual(self.course_row(cid)[:3], ["first_come", "", ""])

    def test_a_draw_time_missing_or_outside_the_window_is_refused_in_chinese_and_changes_nothing(self):
        code, cid = new_course(lottery=False, opens="CURDATE() + INTERVAL 2 DAY + INTERVAL 9 HOUR")
        before = self.course_row(cid)
        cases = {
            "": "抽籤制請填寫抽籤時間",
            self.local("CURDATE() + INTERVAL 2 DAY + INTERVAL 9 HOUR"): "抽籤時間須晚於開放報名時間",
            self.local("CURDATE() + INTERVAL 1 DAY + INTERVAL 9 HOUR"): "抽籤時間須晚於開放報名時間",
            self.local("NOW() + INTERVAL 11 DAY"): "抽籤時間最晚為報名截止時間",
        }
        for draw, message in cases.items():
            with self.subTest(draw=draw):
                page = self.save(code, seat_mode="lottery", draw_at=draw)
                self.assertEqual(page.status, 422)
                self.assertIn(message, portal.field_error(page.text, "draw_at") or "")
                self.assertIn('name="seat_mode" value="lottery" checked', page.text)  # the input kept
                self.assertEqual(self.course_row(cid), before)
        page = self.save(code, seat_mode="raffle", draw_at=self.local("NOW() + INTERVAL 5 DAY"))
        self.assertEqual(page.status, 422)
        self.assertEqual(self.course_row(cid), before)

    def test_once_enrolment_has_opened_neither_the_way_nor_the_draw_time_changes_but_the_seats_may(self):
        code, cid = new_course(seats=3)
        before = self.course_row(cid)
        page = self.organizer.get(self.path(code))
        self.assertNotIn('name="seat_mode"', page.text)
        self.assertNotIn('name="draw_at"', page.text)
        self.assertIn("已開放報名，不能變更", page.text)
        for change in ({"seat_mode": "first_come"}, {"seat_mode": "lottery", "draw_at": self.local("NOW() + INTERVAL 2 DAY")}):
            with self.subTest(change=change):
                page = self.save(code, **change)
                self.assertEqual(page.status, 422)
                self.assertIn("名額分配方式與抽籤時間不能再變更", page.text)
                self.assertEqual(self.course_row(cid), before)
        # The deadline never moves before the announced draw.
        page = self.save(code, enrol_closes=self.local("NOW() + INTERVAL 30 MINUTE"))
        self.assertEqual(page.status, 422)
        self.assertIn("報名截止時間不可早於已公布的抽籤時間", portal.field_error(page.text, "enrol_closes") or "")
        self.assertEqual(self.course_row(cid), before)
        # What the page sends (no way, no draw time) keeps them; more seats are taken.
        self.assertEqual(self.save(code, online_seats="5").status, 303)
        self.assertEqual(self.course_row(cid), before[:3] + ["5"])


    def test_the_database_refuses_a_lottery_without_a_draw_time_or_seed(self):
        code, cid = new_course(lottery=False)
        for change in ("seat_mode = 'lottery'", "seat_mode = 'lottery', draw_at = NOW() + INTERVAL 1 DAY",
                       f"seat_mode = 'lottery', draw_seed = '{portal.random_text(32)}'"):
            with self.subTest(change=change):
                self.assertIsNotNone(portal.sql_error(f"UPDATE course SET {change} WHERE id = {cid}"))
                self.assertEqual(sql_value(f"SELECT seat_mode FROM course WHERE id = {cid}"), "first_come")


class Applying(unittest.TestCase):
    def test_applications_before_the_draw_wait_for_it_take_no_seat_and_say_when_it_is(self):
        code, cid = new_course(seats=2)
        draw_words = portal.roc(sql_value(f"SELECT DATE(draw_at) FROM course WHERE id = {cid}"))
        clients = [teacher() for _ in range(3)]
        for client, tid in clients:
            page = enrol(client, code)
            self.assertEqual(page.status, 200)
            self.assertEqual(answer_of(page), ("pending", None))
            self.assertIn("抽籤", page.text)
            self.assertIn(draw_words, page.text)
            self.assertIn(f"抽籤編號為 {enrolment_id(tid, cid)}", page.text)
            self.assertEqual(status_of(tid, cid), "in_draw")
        self.assertEqual(seat_check(cid), (0, 0))
        # The box says 待抽籤 with the teacher's own 抽籤編號; the public block how many applied.
        client, tid = clients[0]
        box = client.get(f"/courses/{code}").text
        self.assertIn('data-enrolment-status="pending"', box)
        self.assertIn("待抽籤", box)
        self.assertIn(f'class="draw-reference">{enrolment_id(tid, cid)}<', box)
        self.assertEqual(published(course_page(code, until='draw-applied">3<').text)[3], 3)
        # The same teacher again: a duplicate, still one application.
        self.assertEqual(answer_of(enrol(client, code)), ("refused", "duplicate"))
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM enrolment WHERE course_id = {cid}"), "3")
        # A teacher who has not applied sees the lottery's form, with 報名 and no 候補.
        fresh, _ = teacher()
        form = fresh.get(f"/courses/{code}").text
        self.assertIn("本研習以抽籤分配名額", form)
        self.assertIn('<button type="submit">報名</button>', form)
        self.assertNotIn('name="waitlist"', form)

    def test_seats_all_taken_before_the_draw_do_not_refuse_an_application_as_full(self):
        code, cid = new_course(seats=1)
        _, batch_id = teacher()
        sql("INSERT INTO enrolment (course_id, teacher_id, status, decided_at, approved_at)"
            f" VALUES ({cid}, {batch_id}, 'approved', NOW(), NOW())")
        sql(f"UPDATE course SET seats_taken = 1 WHERE id = {cid}")  # as 校內批次報名 leaves it
        client, tid = teacher()
        self.assertEqual(answer_of(enrol(client, code)), ("pending", None))
        self.assertEqual(status_of(tid, cid), "in_draw")
        make_due(cid)
        run_pass(self)
        self.assertEqual(status_of(tid, cid), "waiting")
        self.assertEqual(sql(f"SELECT won FROM draw_entry WHERE course_id = {cid}"), [["0"]])
        self.assertEqual(seat_check(cid), (1, 1))

    def test_records_only_teachers_and_closed_windows_are_refused_as_for_first_come(self):
        code, cid = new_course()
        client, tid = teacher()
        sql(f"UPDATE teacher SET employment = 'left' WHERE id = {tid}")
        client = Client()
        client.login(portal.national_id_of(tid))
        self.assertEqual(answer_of(enrol(client, code)), ("refused", "records_only"))
        later, _ = new_course(opens="NOW() + INTERVAL 1 DAY", draw="NOW() + INTERVAL 2 DAY")
        other, _ = teacher()
        self.assertEqual(answer_of(enrol(other, later)), ("refused", "not_open"))
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM enrolment WHERE course_id = {cid}"), "0")

    def test_a_cancellation_before_the_draw_takes_the_application_out_of_it(self):
        code, cid = new_course(seats=1)
        leaving, leaving_id = teacher()
        staying, staying_id = teacher()
        enrol(leaving, code)
        enrol(staying, code)
        path = f"/teacher/enrolments/{enrolment_id(leaving_id, cid)}/cancel"
        self.assertEqual(leaving.post(path, {"csrf": token_of(leaving)}).status, 303)
        self.assertEqual(status_of(leaving_id, cid), "cancelled")
        self.assertEqual(seat_check(cid), (0, 0))
        make_due(cid)
        run_pass(self)
        self.assertEqual(sql(f"SELECT enrolment_id FROM draw_entry WHERE course_id = {cid}"),
                         [[str(enrolment_id(staying_id, cid))]])
        self.assertEqual(status_of(leaving_id, cid), "cancelled")
        self.assertEqual(status_of(staying_id, cid), "approved")

    def test_between_the_draw_time_and_the_draw_an_application_is_asked_to_wait_and_nothing_is_written(self):
        code, cid = new_course(draw="NOW() - INTERVAL 1 SECOND")
        client, tid = teacher()
        page = enrol(client, code)
        if sql_value(f"SELECT drawn_at IS NULL FROM course WHERE id = {cid}") != "1":
            self.skipTest("the stack's own scheduler drew the course first")
        self.assertEqual(page.status, 503)
        self.assertEqual(answer_of(page), ("refused", "busy"))
        self.assertEqual(page.header("Retry-After"), "60")
        self.assertIn("正在抽籤", page.text)
        self.assertIsNone(status_of(tid, cid))


class Organizer(unittest.TestCase):
    def test_the_organizer_cannot_approve_before_the_draw_may_refuse_and_sees_the_draw_after(self):
        code, cid = new_course(seats=1)
        (first, first_id), (second, second_id), (third, third_id) = teacher(), teacher(), teacher()
        for client in (first, second, third):
            enrol(client, code)
        organizer = logged_in("organizer")
        path = f"/office/courses/{code}/enrolments"
        page = organizer.get(path)
        self.assertIn('id="count-in-draw">3<', page.text)
        decide = {"csrf": token_of(organizer), "decision": "approve", "enrolment": str(enrolment_id(first_id, cid))}
        flash = organizer.post(path, decide)
        self.assertEqual(flash.status, 303)
        self.assertIn("名額由抽籤決定", portal.flash_of(organizer.get(path).text) or "")
        self.assertEqual(status_of(first_id, cid), "in_draw")
        self.assertEqual(seat_check(cid), (0, 0))
        refuse = {"csrf": token_of(organizer), "decision": "refuse", "reason": "不符報名資格",
                  "enrolment": str(enrolment_id(third_id, cid))}
        self.assertEqual(organizer.post(path, refuse).status, 303)
        self.assertEqual(status_of(third_id, cid), "rejected")
        self.assertEqual(seat_check(cid), (0, 0))
        make_due(cid)
        run_pass(self)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM draw_entry WHERE course_id = {cid}"), "2")
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM draw_entry WHERE course_id = {cid}"
                                   f" AND enrolment_id = {enrolment_id(third_id, cid)}"), "0")
        page = organizer.get(path).text
        self.assertIn("抽籤錄取", page)
        self.assertIn("抽籤順序第 1 位", page)
        self.assertIn("抽籤順序第 2 位", page)
        self.assertNotIn("自動審核：先報先錄取", page)


class Draw(unittest.TestCase):
    def test_the_draw_fills_the_seats_the_rest_wait_in_draw_order_and_the_page_lets_anyone_recompute_it(self):
        code, cid = new_course(seats=3)
        applicants = [teacher() for _ in range(5)] + [teacher(no_show=True) for _ in range(2)]
        for client, _ in applicants:
            self.assertEqual(answer_of(enrol(client, code)), ("pending", None))
        digest_before = published(course_page(code, until='draw-applied">7<').text)[1]
        seed = sql_value(f"SELECT draw_seed FROM course WHERE id = {cid}")
        self.assertEqual(digest_before, hashlib.sha256(seed.encode()).hexdigest())
        make_due(cid)
        run_pass(self)

        # Exactly the seats approved, the course's count agreeing, the rest waiting.
        statuses = sorted(status_of(tid, cid) for _, tid in applicants)
        self.assertEqual(statuses, ["approved"] * 3 + ["waiting"] * 4)
        self.assertEqual(seat_check(cid), (3, 3))

        # The page: the seed, whose hash is the one shown before, and the order it gives.
        state, digest, shown_seed, _, rows = published(course_page(code, until='data-draw="drawn"').text)
        self.assertEqual(state, "drawn")
        self.assertEqual(shown_seed, seed)
        self.assertEqual(hashlib.sha256(shown_seed.encode()).hexdigest(), digest_before)
        self.assertEqual(digest, digest_before)
        self.assertEqual(len(rows), 7)
        self.assertEqual([ref for ref, _, _ in rows], recomputed(shown_seed, rows))
        self.assertEqual([won for _, _, won in rows], [True] * 3 + [False] * 4)
        # The no-show flags are the teachers' own, and those with one come after everyone else.
        flagged = {str(enrolment_id(tid, cid)) for _, tid in applicants[5:]}
        self.assertEqual({ref for ref, no_show, _ in rows if no_show}, flagged)
        self.assertEqual({ref for ref, _, _ in rows[-2:]}, flagged)
        # Those approved are the first three; the waiting list is the rest in draw order.
        approved = {r[0] for r in sql(f"SELECT id FROM enrolment WHERE course_id = {cid} AND status = 'approved'")}
        self.assertEqual(approved, {ref for ref, _, _ in rows[:3]})
        waiting = [r[0] for r in sql(f"SELECT id FROM enrolment WHERE course_id = {cid} AND status = 'waiting'"
                                     " ORDER BY waiting_since, id")]
        self.assertEqual(waiting, [ref for ref, _, _ in rows[3:]])
        # No personal data is published: no name, no national ID, no address.
        page = course_page(code).text
        for _, tid in applicants:
            name, nid = sql_value(f"SELECT name FROM teacher WHERE id = {tid}"), portal.national_id_of(tid)
            self.assertNotIn(nid, page)
            self.assertNotIn(name, page)
            self.assertNotIn(f"draw{tid}@", page)

        # Each teacher is told the result once, by mail; a winner and the first waiting one read theirs.
        mails = wait_for_mail(f"（{code}）", count=7)
        self.assertEqual(len(mails), 7)
        self.assertTrue(all("抽籤結果" in str(m["Subject"]) for m in mails))
        def body_to(enrolment):
            tid = sql_value(f"SELECT teacher_id FROM enrolment WHERE id = {enrolment}")
            found = [m.get_content() for m in mails if f"draw{tid}@example.edu.tw" in str(m["To"])]
            self.assertEqual(len(found), 1, f"mails to teacher {tid}")
            return found[0]
        self.assertIn("抽中名額", body_to(rows[0][0]))
        self.assertIn("候補第 1 位", body_to(rows[3][0]))
        self.assertIn(f"抽籤編號：{rows[3][0]}", body_to(rows[3][0]))

        # Another pass draws nothing again.
        drawn_at = sql_value(f"SELECT drawn_at FROM course WHERE id = {cid}")
        run_pass(self)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM draw_entry WHERE course_id = {cid}"), "7")
        self.assertEqual(sql_value(f"SELECT drawn_at FROM course WHERE id = {cid}"), drawn_at)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE '%（{code}）%'"), "7")
        self.assertEqual(seat_check(cid), (3, 3))

    def test_schedulers_running_at_once_draw_a_course_once(self):
        code, cid = new_course(seats=2)
        for _ in range(6):
            enrol(teacher()[0], code)
        make_due(cid)
        passes = [scheduler_pass() for _ in range(4)]
        for p in passes:
            _, err = p.communicate(timeout=60)
            self.assertEqual(p.returncode, 0, err)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM draw_entry WHERE course_id = {cid}"), "6")
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE '%（{code}）%'"), "6")
        self.assertEqual(seat_check(cid), (2, 2))

    def test_after_the_draw_a_late_applicant_waits_behind_the_drawn_and_a_freed_seat_goes_to_the_first_drawn(self):
        code, cid = new_course(seats=2)
        drawn = [teacher() for _ in range(3)]
        for client, _ in drawn:
            enrol(client, code)
        make_due(cid)
        run_pass(self)
        late, late_id = teacher()
        page = enrol(late, code, waitlist="1")
        self.assertEqual(answer_of(page), ("waiting", None))
        self.assertIn("目前排第 2 位", page.text)
        order = [r[0] for r in sql(f"SELECT enrolment_id FROM draw_entry WHERE course_id = {cid} ORDER BY position")]
        winner = next((c, t) for c, t in drawn if str(enrolment_id(t, cid)) == order[0])
        first_waiting = next(t for _, t in drawn if str(enrolment_id(t, cid)) == order[2])
        client, tid = winner
        self.assertEqual(client.post(f"/teacher/enrolments/{enrolment_id(tid, cid)}/cancel",
                                     {"csrf": token_of(client)}).status, 303)
        self.assertEqual(status_of(first_waiting, cid), "approved")
        self.assertEqual(status_of(late_id, cid), "waiting")
        self.assertEqual(seat_check(cid), (2, 2))

    def test_after_a_draw_with_seats_to_spare_a_late_applicant_takes_one_first_come(self):
        code, cid = new_course(seats=3)
        enrol(teacher()[0], code)
        make_due(cid)
        run_pass(self)
        self.assertEqual(seat_check(cid), (1, 1))
        late, late_id = teacher()
        self.assertEqual(answer_of(enrol(late, code)), ("approved", None))
        self.assertEqual(seat_check(cid), (2, 2))
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM draw_entry WHERE course_id = {cid}"), "1")


    def test_a_drawn_winner_who_cancels_and_applies_again_holds_a_first_come_seat_not_the_draws(self):
        code, cid = new_course(seats=2)
        client, tid = teacher()
        enrol(client, code)
        make_due(cid)
        run_pass(self)
        # The draw a minute ago, so that applying again falls in a later second than the draw.
        sql(f"UPDATE course SET drawn_at = drawn_at - INTERVAL 1 MINUTE WHERE id = {cid};"
            f" UPDATE enrolment SET decided_at = decided_at - INTERVAL 1 MINUTE WHERE course_id = {cid}")
        organizer = logged_in("organizer")
        path = f"/office/courses/{code}/enrolments"
        self.assertIn("抽籤錄取", organizer.get(path).text)
        self.assertEqual(client.post(f"/teacher/enrolments/{enrolment_id(tid, cid)}/cancel",
                                     {"csrf": token_of(client)}).status, 303)
        self.assertEqual(answer_of(enrol(client, code)), ("approved", None))
        page = organizer.get(path).text
        self.assertNotIn("抽籤錄取", page)
        self.assertIn("自動審核：先報先錄取", page)
        self.assertIn("抽籤順序第 1 位", page)


class DemoCourses(unittest.TestCase):
    def test_the_demo_course_drawn_yesterday_recomputes_from_its_page(self):
        state, digest, seed, _, rows = published(course_page("5600015").text)
        self.assertEqual(state, "drawn")
        self.assertEqual(hashlib.sha256(seed.encode()).hexdigest(), digest)
        self.assertEqual([ref for ref, _, _ in rows], recomputed(seed, rows))
        self.assertEqual([won for _, _, won in rows], [True, True, False, False])

    def test_the_demo_course_before_its_draw_shows_the_hash_only(self):
        state, digest, seed, applied, rows = published(course_page("5600017").text)
        self.assertEqual((state, seed, applied, rows), ("pending", None, 2, []))
        self.assertEqual(digest, hashlib.sha256(sql_value("SELECT draw_seed FROM course WHERE code = '5600017'")
                                                .encode()).hexdigest())

    def test_the_course_facts_say_how_seats_are_given_before_and_after_the_draw(self):
        before = course_page("5600017").text
        self.assertIn("抽籤決定錄取與候補順序，報名先後不影響", before)
        self.assertNotIn('class="seats-left"', before)  # before the draw no application holds a seat
        self.assertNotIn("自動審核（先報先錄取）", before)
        after = course_page("5600015").text
        self.assertRegex(after, r"抽籤已於 \d+/\d\d/\d\d \d\d:\d\d 完成；其後的報名依報名先後")


if __name__ == "__main__":
    main()
