"""The 錄取通知 for 公假, its calendar file and the reminder before a course (SPEC §11).

The notice is shown only to the teacher of an approved enrolment (anyone else's, a pending, waiting
or cancelled one: 404), with the course, its sessions, hours, 依據文號 and the teacher, and a
verification code that /notices/{code} confirms to anyone with a masked name and nothing more;
a wrong code finds nothing. The .ics is checked as RFC 5545 text: CRLF, folding at 75 octets,
escaping, one VEVENT per session at its times. The reminder runs as the scheduler does
(`portal-tool scheduler --once`, the test stack's configuration): one mail per approved teacher of
a course starting within reminder_hours_before, none for pending, waiting, cancelled or later
courses, none on a second pass, none twice from schedulers running at once.
"""
import datetime
import os
import random
import re
import subprocess
import unittest

import portal
from portal import Client, ROOT, VAR, delete_teacher, logged_in, main, new_teacher, sql, sql_str, sql_value

MADE_COURSES = []
MADE_TEACHERS = []
# A place with everything iCalendar escapes (, ; \) and HTML escapes (& < >), long enough to fold.
PLACE = "本校視聽教室, 3樓; 東側\\備用 & <B棟> 請由側門進入，報到後領取研習手冊與名牌"
BASIS_DOC = "桃教資字第1149990001號"
CODE_FORMAT = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")


def reminder_hours():
    """reminder_hours_before of the test stack's configuration (24 unless the stack says otherwise)."""
    with open(os.path.join(VAR, "portal.conf"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("reminder_hours_before="):
                return int(line.split("=", 1)[1])
    return 24


def new_course(title, sessions, hours=6):
    """An approved course of 內壢國中 copied from 5600001 with `sessions`: [(date SQL, start SQL,
    end SQL)] all at PLACE. Returns (code, id)."""
    while True:
        code = f"597{random.SystemRandom().randrange(10000):04d}"
        if sql_value(f"SELECT COUNT(*) FROM course WHERE code = '{code}'") == "0":
            break
    first, last = sessions[0][0], sessions[-1][0]
    sql("INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school,"
        " category_id, subject_area, levels, basis_doc, outline, hours, class_count, seats_per_class,"
        " online_seats, seats_taken, enrol_online, enrol_opens_at, enrol_closes_at, auto_review, contact1_name,"
        " contact1_phone, contact1_email, state, first_date, last_date)"
        f" SELECT '{code}', unit_id, organizer_id, review_unit_id, {sql_str(title)}, class_kind, cross_school,"
        f" category_id, subject_area, levels, {sql_str(BASIS_DOC)}, outline, {hours}, 1, 40, 40, 0, TRUE,"
        f" NOW() - INTERVAL 2 DAY, NOW() - INTERVAL 1 HOUR, FALSE, contact1_name, contact1_phone, contact1_email,"
        f" 'approved', {first}, {last} FROM course WHERE code = '5600001'")
    cid = int(sql_value(f"SELECT id FROM course WHERE code = '{code}'"))
    for date, start, end in sessions:
        sql("INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place)"
            f" VALUES ({cid}, {date}, {start}, {end}, '10:30-10:40', {sql_str(PLACE)})")
    MADE_COURSES.append(cid)
    return code, cid


def teacher(name="王大明"):
    """A fresh 在職 teacher of 內壢國中 with an address of its own: (id, national id, e-mail)."""
    tid, nid = new_teacher(unit_id=4, name=name)
    MADE_TEACHERS.append(tid)
    email = f"notice{tid}@example.edu.tw"
    sql(f"UPDATE teacher SET email = '{email}', title_name = '專任教師' WHERE id = {tid}")
    return tid, nid, email


def enrol(course_id, teacher_id, status):
    """An enrolment straight in the database (the enrolment routes have tests of their own)."""
    approved = "NOW() - INTERVAL 1 DAY" if status == "approved" else "NULL"
    waiting = "NOW(3)" if status == "waiting" else "NULL"
    cancelled = "NOW()" if status == "cancelled" else "NULL"
    sql("INSERT INTO enrolment (course_id, teacher_id, status, decided_at, approved_at, waiting_since, cancelled_at)"
        f" VALUES ({course_id}, {teacher_id}, '{status}', {approved}, {approved}, {waiting}, {cancelled})")
    return int(sql_value(f"SELECT id FROM enrolment WHERE course_id = {course_id} AND teacher_id = {teacher_id}"))


def scheduler_pass():
    """One pass of the scheduler over the test stack, as `portal-tool scheduler --once` runs it."""
    return subprocess.Popen([os.path.join(ROOT, "build", "portal-tool"), "scheduler", "--once", "--config",
                             os.path.join(VAR, "portal.conf")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def run_pass(test):
    done = scheduler_pass()
    out, err = done.communicate(timeout=60)
    test.assertEqual(done.returncode, 0, f"scheduler --once failed: {err}")
    return err


def mails_to(email):
    return int(sql_value(f"SELECT COUNT(*) FROM mail_outbox WHERE to_addr = '{email}'"))


def notice_code_in(html):
    m = re.search(r'data-notice-code="([^"]+)"', html)
    return m.group(1) if m else None


def tearDownModule():
    for cid in MADE_COURSES:
        for table in ("enrolment", "course_session", "course_history"):
            sql(f"DELETE FROM {table} WHERE course_id = {cid}")
        sql(f"DELETE FROM course WHERE id = {cid}")
    for tid in MADE_TEACHERS:
        sql(f"DELETE FROM mail_outbox WHERE to_addr = 'notice{tid}@example.edu.tw'")
        delete_teacher(tid)


class AdmittedCourse:
    """A course 30 days ahead with two sessions, a teacher approved on it (signed in as `client`),
    another approved teacher, and one teacher in each other state."""

    @classmethod
    def setUpClass(cls):
        cls.title = "錄取通知測試：閱讀理解, 提問設計; 與差異化教學"
        cls.code, cls.cid = new_course(cls.title, [
            ("CURDATE() + INTERVAL 30 DAY", "'09:00'", "'12:00'"),
            ("CURDATE() + INTERVAL 31 DAY", "'13:30'", "'16:30'")])
        cls.dates = [(datetime.date.fromisoformat(d), s, e) for d, s, e in sql(
            f"SELECT session_date, TIME_FORMAT(starts_at, '%H:%i'), TIME_FORMAT(ends_at, '%H:%i')"
            f" FROM course_session WHERE course_id = {cls.cid} ORDER BY session_date")]
        cls.approved, cls.approved_nid, _ = teacher("王大明")
        cls.other, cls.other_nid, _ = teacher("李小華")
        cls.notice_id = enrol(cls.cid, cls.approved, "approved")
        cls.other_id = enrol(cls.cid, cls.other, "approved")
        cls.others = {}
        for status in ("pending", "waiting", "cancelled", "rejected"):
            tid, nid, _ = teacher()
            cls.others[status] = (nid, enrol(cls.cid, tid, status))
        cls.client = Client()
        assert cls.client.login(cls.approved_nid).status == 303
        cls.path = f"/teacher/enrolments/{cls.notice_id}/notice"


class Notice(AdmittedCourse, unittest.TestCase):
    def test_the_teacher_of_an_approved_enrolment_reads_the_notice_with_every_fact_for_leave(self):
        r = self.client.get(self.path)
        self.assertEqual(r.status, 200)
        page = r.text
        for fact in (self.code, "研習錄取通知", "桃園市立內壢國民中學", "6 小時", BASIS_DOC, "王大明", "專任教師",
                     "研習課程代碼", "依據文號", "錄取日期", "林承辦"):
            self.assertIn(fact, page)
        self.assertIn("錄取通知測試：閱讀理解, 提問設計; 與差異化教學", page)
        weekdays = "一二三四五六日"
        for date, start, end in self.dates:
            roc = f"{date.year - 1911}/{date.month:02d}/{date.day:02d}（{weekdays[date.weekday()]}）"
            self.assertRegex(page, rf"<td[^>]*>{re.escape(roc)}</td><td[^>]*>{start}–{end}</td>")
        # The place as text: its < and & escaped, never markup.
        self.assertIn("東側\\備用 &amp; &lt;B棟&gt;", page)
        self.assertNotIn("<B棟>", page)
        self.assertRegex(notice_code_in(page), CODE_FORMAT)
        self.assertEqual(r.header("cache-control"), "no-store")

    def test_the_code_is_the_same_at_every_showing_and_kept_for_the_check(self):
        first = notice_code_in(self.client.get(self.path).text)
        again = notice_code_in(self.client.get(self.path).text)
        self.assertEqual(first, again)
        self.assertEqual(sql_value(f"SELECT notice_code FROM enrolment WHERE id = {self.notice_id}"),
                         first.replace("-", ""))

    def test_anyone_elses_enrolment_and_one_not_approved_is_not_found(self):
        self.assertEqual(self.client.get(f"/teacher/enrolments/{self.other_id}/notice").status, 404)
        for status, (nid, eid) in self.others.items():
            own = Client()
            self.assertEqual(own.login(nid).status, 303)
            with self.subTest(status=status):
                self.assertEqual(own.get(f"/teacher/enrolments/{eid}/notice").status, 404)
                self.assertEqual(own.get(f"/teacher/enrolments/{eid}/calendar.ics").status, 404)
                self.assertNotIn(f"/teacher/enrolments/{eid}/notice", own.get("/teacher").text)
        for path in ("/teacher/enrolments/999999999/notice", "/teacher/enrolments/abc/notice",
                     "/teacher/enrolments/0/notice", "/teacher/enrolments/-1/calendar.ics"):
            self.assertEqual(self.client.get(path).status, 404, path)

    def test_a_visitor_is_sent_to_log_in_and_a_business_account_is_refused(self):
        r = Client().get(self.path)
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").startswith("/login?next="))
        self.assertEqual(logged_in("organizer").get(self.path).status, 403)

    def test_the_teachers_homepage_links_the_notice_and_calendar_of_an_approved_enrolment(self):
        home = self.client.get("/teacher").text
        self.assertIn(f'href="{self.path}"', home)
        self.assertIn(f'href="/teacher/enrolments/{self.notice_id}/calendar.ics"', home)

    def test_the_public_check_confirms_the_notice_with_the_course_and_a_masked_name_only(self):
        code = notice_code_in(self.client.get(self.path).text)
        for typed in (code, code.lower(), code.replace("-", "")):
            with self.subTest(typed=typed):
                r = Client().get(f"/notices/{typed}")
                self.assertEqual(r.status, 200)
                self.assertIn('data-notice="valid"', r.text)
                for fact in (self.code, "錄取通知測試", "桃園市立內壢國民中學", "王○明", code):
                    self.assertIn(fact, r.text)
                for secret in ("王大明", self.approved_nid, f"notice{self.approved}@", "專任教師"):
                    self.assertNotIn(secret, r.text)

    def test_a_wrong_or_malformed_code_finds_nothing(self):
        code = notice_code_in(self.client.get(self.path).text)
        flipped = ("1" if code[0] != "1" else "2") + code[1:]
        for typed in (flipped, "ABCD-EFGH-JKMN", "abc", "0000-0000-000U", "%3Cscript%3E"):
            with self.subTest(typed=typed):
                r = Client().get(f"/notices/{typed}")
                self.assertEqual(r.status, 404)
                self.assertIn('data-notice="unknown"', r.text)
                self.assertNotIn(self.code, r.text)

    def test_the_check_form_sends_a_typed_code_to_its_address_or_says_what_is_wrong(self):
        code = notice_code_in(self.client.get(self.path).text)
        self.assertEqual(Client().get("/notices").status, 200)
        r = Client().get(f"/notices?code={code.lower().replace('-', '+')}")
        self.assertEqual((r.status, r.header("location")), (303, f"/notices/{code}"))
        bad = Client().get("/notices?code=12345")
        self.assertEqual(bad.status, 422)
        self.assertIn('id="code-error"', bad.text)
        self.assertIn('aria-invalid="true"', bad.text)
        self.assertIn('value="12345"', bad.text)

    def test_a_cancelled_enrolment_leaves_its_notice_void_at_the_check(self):
        tid, nid, _ = teacher("陳志明")
        eid = enrol(self.cid, tid, "approved")
        own = Client()
        self.assertEqual(own.login(nid).status, 303)
        code = notice_code_in(own.get(f"/teacher/enrolments/{eid}/notice").text)
        sql(f"UPDATE enrolment SET status = 'cancelled', cancelled_at = NOW() WHERE id = {eid}")
        r = Client().get(f"/notices/{code}")
        self.assertEqual(r.status, 200)
        self.assertIn('data-notice="void"', r.text)
        self.assertIn("已取消", r.text)
        self.assertIn("陳○明", r.text)
        self.assertEqual(own.get(f"/teacher/enrolments/{eid}/notice").status, 404)


def unfold(text):
    """RFC 5545 §3.1: a CRLF followed by one space or tab joins two lines."""
    return re.sub(r"\r\n[ \t]", "", text)


def unescape(value):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def properties(lines):
    """[(name, params, value)] of unfolded content lines."""
    out = []
    for line in lines:
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        out.append((name, dict(p.split("=", 1) for p in params), value))
    return out


class Calendar(AdmittedCourse, unittest.TestCase):
    def download(self):
        r = self.client.get(f"/teacher/enrolments/{self.notice_id}/calendar.ics")
        self.assertEqual(r.status, 200)
        return r

    def test_ics_is_a_utf8_calendar_attachment(self):
        r = self.download()
        self.assertEqual(r.header("content-type"), "text/calendar; charset=utf-8")
        self.assertRegex(r.header("content-disposition"), r'^attachment; filename="[^"/]+\.ics"$')
        self.assertEqual(r.header("cache-control"), "no-store")
        r.body.decode("utf-8")  # strict

    def test_ics_lines_end_with_crlf_and_are_folded_at_75_octets(self):
        raw = self.download().body
        self.assertTrue(raw.endswith(b"\r\n"))
        self.assertNotIn(b"\n", raw.replace(b"\r\n", b""), "a bare LF")
        self.assertNotIn(b"\r", raw.replace(b"\r\n", b""), "a bare CR")
        physical = raw[:-2].split(b"\r\n")
        for line in physical:
            self.assertLessEqual(len(line), 75, line)
            line.decode("utf-8")  # folding never cuts a character in two
        self.assertTrue(any(line.startswith(b" ") for line in physical), "the long lines are folded")

    def test_ics_has_one_calendar_with_its_zone_and_one_event_per_session_at_its_times(self):
        lines = unfold(self.download().text).split("\r\n")[:-1]
        self.assertEqual((lines[0], lines[-1]), ("BEGIN:VCALENDAR", "END:VCALENDAR"))
        stack = []
        for name, _, value in properties(lines):
            if name == "BEGIN":
                stack.append(value)
            elif name == "END":
                self.assertEqual(stack.pop(), value)
        self.assertEqual(stack, [])
        props = properties(lines)
        self.assertIn(("VERSION", {}, "2.0"), props)
        self.assertTrue(any(n == "PRODID" for n, _, _ in props))
        self.assertIn(("TZID", {}, "Asia/Taipei"), props)
        events = self.events(lines)
        self.assertEqual(len(events), len(self.dates))
        for event, (date, start, end) in zip(events, self.dates):
            day = date.strftime("%Y%m%d")
            self.assertEqual(event["DTSTART"], ({"TZID": "Asia/Taipei"}, f"{day}T{start.replace(':', '')}00"))
            self.assertEqual(event["DTEND"], ({"TZID": "Asia/Taipei"}, f"{day}T{end.replace(':', '')}00"))
            self.assertRegex(event["DTSTAMP"][1], r"^\d{8}T\d{6}Z$")
            self.assertEqual(unescape(event["LOCATION"][1]), PLACE)
            self.assertIn(self.title, unescape(event["SUMMARY"][1]))
            self.assertIn(f"研習課程代碼：{self.code}\n", unescape(event["DESCRIPTION"][1]))
            self.assertIn(BASIS_DOC, unescape(event["DESCRIPTION"][1]))

    def test_ics_escapes_commas_semicolons_and_backslashes_in_text(self):
        lines = unfold(self.download().text).split("\r\n")
        location = next(line for line in lines if line.startswith("LOCATION:"))
        self.assertIn("本校視聽教室\\, 3樓\\; 東側\\\\備用 & <B棟>", location)
        summary = next(line for line in lines if line.startswith("SUMMARY:"))
        self.assertIn("閱讀理解\\, 提問設計\\; 與差異化教學", summary)

    def test_ics_uids_are_one_per_session_and_stable_between_downloads(self):
        first = [e["UID"][1] for e in self.events(unfold(self.download().text).split("\r\n"))]
        again = [e["UID"][1] for e in self.events(unfold(self.download().text).split("\r\n"))]
        self.assertEqual(first, again)
        self.assertEqual(len(set(first)), len(self.dates))

    def events(self, lines):
        events, current = [], None
        for name, params, value in properties(line for line in lines if line):
            if (name, value) == ("BEGIN", "VEVENT"):
                current = {}
            elif (name, value) == ("END", "VEVENT"):
                events.append(current)
                current = None
            elif current is not None:
                self.assertNotIn(name, current, f"{name} twice in one VEVENT")
                current[name] = (params, value)
        return events


def starting_in(hours):
    """A session (date, start, end) that starts `hours` from the database's now, to the minute."""
    at = f"NOW() + INTERVAL {hours * 60} MINUTE"
    return (f"DATE({at})", f"TIME(DATE_FORMAT({at}, '%H:%i:00'))",
            f"IF(TIME({at}) < '22:30', ADDTIME(TIME(DATE_FORMAT({at}, '%H:%i:00')), '01:00'), '23:59:59')")


class Reminder(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        hours = reminder_hours()
        cls.code, cls.cid = new_course("提醒測試研習", [starting_in(2)])
        cls.later_code, cls.later_cid = new_course("提醒測試研習（較晚）", [starting_in(hours + 6)])
        cls.mail = {}
        for label, status, cid in (("approved", "approved", cls.cid), ("approved2", "approved", cls.cid),
                                   ("pending", "pending", cls.cid), ("waiting", "waiting", cls.cid),
                                   ("cancelled", "cancelled", cls.cid), ("rejected", "rejected", cls.cid),
                                   ("later", "approved", cls.later_cid)):
            tid, _, email = teacher()
            cls.mail[label] = (email, enrol(cid, tid, status))

    def test_one_pass_sends_exactly_one_reminder_to_each_approved_teacher_and_a_second_pass_none(self):
        run_pass(self)
        for label, (email, eid) in self.mail.items():
            with self.subTest(label=label):
                expected = 1 if label in ("approved", "approved2") else 0
                self.assertEqual(mails_to(email), expected)
                reminded = sql_value(f"SELECT reminded_at IS NOT NULL FROM enrolment WHERE id = {eid}")
                self.assertEqual(reminded, str(expected))
        email, eid = self.mail["approved"]
        subject, body = sql(f"SELECT subject, REPLACE(body, '\\n', ' ') FROM mail_outbox WHERE to_addr = '{email}'")[0]
        self.assertIn(self.code, subject)
        self.assertIn("提醒", subject)
        self.assertIn(f"/teacher/enrolments/{eid}/notice", body)
        self.assertIn(f"/teacher/enrolments/{eid}/calendar.ics", body)
        self.assertIn("東側", body)

        run_pass(self)
        for label, (email, _) in self.mail.items():
            self.assertEqual(mails_to(email), 1 if label in ("approved", "approved2") else 0, label)

    def test_schedulers_running_at_once_send_each_reminder_once(self):
        code, cid = new_course("提醒測試研習（同時）", [starting_in(3)])
        # Enough reminders that one pass is still queueing them when the next ones start reading.
        emails = []
        for _ in range(40):
            tid, _, email = teacher()
            enrol(cid, tid, "approved")
            emails.append(email)
        passes = [scheduler_pass() for _ in range(4)]
        for p in passes:
            _, err = p.communicate(timeout=60)
            self.assertEqual(p.returncode, 0, err)
        self.assertEqual([mails_to(email) for email in emails], [1] * len(emails))
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM enrolment WHERE course_id = {cid} AND reminded_at IS NULL"),
                         "0")

    def test_a_teacher_without_an_address_is_marked_reminded_and_no_mail_is_queued(self):
        code, cid = new_course("提醒測試研習（無信箱）", [starting_in(4)])
        tid, _, email = teacher()
        sql(f"UPDATE teacher SET email = NULL WHERE id = {tid}")
        eid = enrol(cid, tid, "approved")
        run_pass(self)
        self.assertEqual(sql_value(f"SELECT reminded_at IS NOT NULL FROM enrolment WHERE id = {eid}"), "1")
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM mail_outbox WHERE to_addr = '{email}'"
                                   f" OR body LIKE '%/teacher/enrolments/{eid}/notice%'"), "0")


if __name__ == "__main__":
    main()
