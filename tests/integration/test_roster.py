"""Rosters (SPEC §5) from the organizer's 編輯研習教師資料 to the reviewer's 名單確認: approved
enrolments converted (all or picked), single entry of anyone 在職, attendance per line and per
session with the hours of 第10條, typed hours with a reason, submission that freezes the list,
return with reasons and resubmission, approval that writes each teacher's study record once —
clicked twice or by two reviewers at once — and every refusal changing nothing.
"""
import io
import os
import re
import threading
import unittest

from fixtures import Fixtures
from portal import (Client, flash_of, light_of, logged_in, main, overdue_codes, post_multipart, reason_ids, sql, sql_error, sql_value,
                    token_of, with_check_digit, write_counts)

made = Fixtures()
organizer = None
reviewer = None


def setUpModule():
    global organizer, reviewer
    organizer = logged_in("organizer")
    reviewer = logged_in("reviewer")


def tearDownModule():
    made.cleanup()


def roster_of(code):
    """{teacher_id: (attendance, hours_absent, hours, hours_typed, source)} of a course's roster."""
    return {int(t): (a, int(h_abs), int(h), int(typed), src) for t, a, h_abs, h, typed, src in sql(
        "SELECT re.teacher_id, re.attendance, re.hours_absent, re.hours, re.hours_typed, re.source"
        f" FROM roster_entry re JOIN course c ON c.id = re.course_id WHERE c.code = '{code}'")}


def records_of(code):
    """{teacher_id: (hours, credits, correction_no)} of the study records a course issued."""
    return {int(t): (int(h), int(cr), int(n)) for t, h, cr, n in sql(
        "SELECT r.teacher_id, r.hours, r.credits, r.correction_no FROM study_record r"
        f" JOIN course c ON c.id = r.course_id WHERE c.code = '{code}'")}


def state_of(code):
    return sql_value(f"SELECT state FROM course WHERE code = '{code}'")


def post(client, path, fields=(), token=True):
    pairs = list(fields.items()) if isinstance(fields, dict) else list(fields)
    if token:
        pairs.append(("csrf", token_of(client)))
    return client.post(path, pairs)


def line_id(code, teacher_id):
    return int(sql_value("SELECT re.id FROM roster_entry re JOIN course c ON c.id = re.course_id"
                         f" WHERE c.code = '{code}' AND re.teacher_id = {teacher_id}"))


def roster_counts():
    return {**write_counts(), "roster_entry": int(sql_value("SELECT COUNT(*) FROM roster_entry")),
            "roster_attendance": int(sql_value("SELECT COUNT(*) FROM roster_attendance")),
            "study_record": int(sql_value("SELECT COUNT(*) FROM study_record"))}


def course_with_applicants(n=3, days=(-2,), **kw):
    code = made.course("名單測試", days=days, **kw)
    teachers = made.teachers([f"名單教師{i}" for i in range(n)])
    for t in teachers:
        made.enrolment(code, t, "approved")
    return code, teachers


def submit(code):
    return post(organizer, f"/office/courses/{code}/roster/submit")


class Convert(unittest.TestCase):
    def test_all_approved_enrolments_come_in_once_with_full_attendance_and_the_course_hours(self):
        code, teachers = course_with_applicants(3)
        pending = made.teachers(["待審教師"])[0]
        made.enrolment(code, pending, "pending")
        r = post(organizer, f"/office/courses/{code}/roster/convert", {"action": "all"})
        self.assertEqual(r.status, 303)
        self.assertEqual(roster_of(code), {t: ("full", 0, 3, 0, "enrolment") for t in teachers})
        again = post(organizer, f"/office/courses/{code}/roster/convert", {"action": "all"})
        self.assertEqual(again.status, 303)
        self.assertIn("都已在名單上", flash_of(organizer.get(f"/office/courses/{code}/roster").text))
        self.assertEqual(len(roster_of(code)), 3)

    def test_picked_ones_only(self):
        code, teachers = course_with_applicants(3)
        page = organizer.get(f"/office/courses/{code}/roster").text
        enrolments = re.findall(r'name="enrolment" value="(\d+)"', page)
        self.assertEqual(len(enrolments), 3)
        post(organizer, f"/office/courses/{code}/roster/convert", [("action", "picked"), ("enrolment", enrolments[0])])
        self.assertEqual(len(roster_of(code)), 1)
        page = organizer.get(f"/office/courses/{code}/roster").text
        self.assertEqual(len(re.findall(r'name="enrolment" value="(\d+)"', page)), 2)

    def test_nothing_picked_or_a_bad_id_is_refused_and_nothing_written(self):
        code, _ = course_with_applicants(2)
        before = roster_counts()
        self.assertEqual(post(organizer, f"/office/courses/{code}/roster/convert", {"action": "picked"}).status, 422)
        r = post(organizer, f"/office/courses/{code}/roster/convert", [("action", "picked"), ("enrolment", "x1")])
        self.assertEqual(r.status, 422)
        self.assertIn("沒有轉換任何人", r.text)
        self.assertEqual({k: v for k, v in roster_counts().items() if k != "audit_log"},
                         {k: v for k, v in before.items() if k != "audit_log"})


class SingleEntry(unittest.TestCase):
    def add(self, code, national_id, **fields):
        return post(organizer, f"/office/courses/{code}/roster/lines",
                    {"national_id": national_id, "attendance": "full", **fields})

    def test_an_active_teacher_who_never_enrolled_is_added(self):
        code = made.course("單筆輸入")
        t = made.teachers(["現場參加者"])[0]
        self.assertEqual(self.add(code, made.national_id(t)).status, 303)
        self.assertEqual(roster_of(code), {t: ("full", 0, 3, 0, "single")})
        # Lower case and spaces as people type them.
        u = made.teachers(["小寫輸入"])[0]
        self.assertEqual(self.add(code, " " + made.national_id(u).lower()).status, 303)
        self.assertIn(u, roster_of(code))

    def test_each_bad_entry_gets_its_own_message_and_changes_nothing(self):
        code = made.course("單筆輸入錯誤")
        left = made.teachers(["離職教師"], employment="left")[0]
        present = made.teachers(["已在名單"])[0]
        self.add(code, made.national_id(present))
        good = made.national_id(present)
        wrong_digit = good[:9] + str((int(good[9]) + 1) % 10)
        unknown = with_check_digit("Z19999999")
        before = roster_counts()
        cases = [
            (wrong_digit, {}, 422, "檢查碼"),
            (unknown, {}, 422, "查無"),
            (made.national_id(left), {}, 422, "不是在職教師"),
            (good, {}, 409, "已在名單上"),
            (made.national_id(made.teachers(["缺席未填"])[0]), {"attendance": "excused"}, 422, "缺席時數"),
            (made.national_id(made.teachers(["出席亂填"])[0]), {"attendance": "half"}, 422, ""),
        ]
        for nid, extra, status, words in cases:
            with self.subTest(nid=nid, extra=extra):
                r = self.add(code, nid, **extra)
                self.assertEqual(r.status, status)
                self.assertIn(words, r.text)
                self.assertIn("沒有新增", r.text)
        after = roster_counts()
        self.assertEqual(after["roster_entry"], before["roster_entry"])


class LineHours(unittest.TestCase):
    """第10條 per line: 請假 earns the hours attended; 曠課 of exactly a third still earns them,
    one hour more earns nothing; typed hours need a reason and never exceed the course's."""

    @classmethod
    def setUpClass(cls):
        cls.code = made.course("時數計算", days=(-5, -4, -3))  # 3 mornings: 9 hours
        cls.teacher = made.teachers(["時數教師"])[0]
        made.enrolment(cls.code, cls.teacher)
        post(organizer, f"/office/courses/{cls.code}/roster/convert", {"action": "all"})
        cls.line = line_id(cls.code, cls.teacher)

    def update(self, **fields):
        return post(organizer, f"/office/courses/{self.code}/roster/lines/{self.line}", fields)

    def test_attendance_gives_the_hours(self):
        for fields, expected in [
            ({"attendance": "excused", "hours_absent": "4"}, ("excused", 4, 5, 0)),
            ({"attendance": "unexcused", "hours_absent": "3"}, ("unexcused", 3, 6, 0)),
            ({"attendance": "unexcused", "hours_absent": "4"}, ("unexcused", 4, 0, 0)),
            ({"attendance": "full", "hours_absent": "5"}, ("full", 0, 9, 0)),
            ({"attendance": "excused", "hours_absent": "2", "typed": "8", "reason": "補課 1 小時"}, ("excused", 2, 8, 1)),
        ]:
            with self.subTest(fields=fields):
                self.assertEqual(self.update(**fields).status, 303)
                self.assertEqual(roster_of(self.code)[self.teacher][:4], expected)

    def test_typed_hours_without_reason_or_above_the_course_are_refused(self):
        self.update(attendance="full")
        before = roster_of(self.code)
        for fields, words in [({"attendance": "full", "typed": "7"}, "理由"),
                              ({"attendance": "full", "typed": "10", "reason": "多給"}, "不能超過"),
                              ({"attendance": "excused", "hours_absent": "10"}, "1 到 9"),
                              ({"attendance": "excused", "hours_absent": "-1"}, "")]:
            with self.subTest(fields=fields):
                r = self.update(**fields)
                self.assertEqual(r.status, 422)
                self.assertIn(words, r.text)
                self.assertEqual(roster_of(self.code), before)

    def test_typed_reason_is_shown_to_the_reviewer_with_the_warning(self):
        self.update(attendance="full", typed="7", reason="遲到早退，依簽到表")
        page = organizer.get(f"/office/courses/{self.code}/roster").text
        self.assertIn("遲到早退，依簽到表", page)

    def test_delete_removes_the_line(self):
        t = made.teachers(["將刪除"])[0]
        post(organizer, f"/office/courses/{self.code}/roster/lines", {"national_id": made.national_id(t), "attendance": "full"})
        lid = line_id(self.code, t)
        self.assertEqual(post(organizer, f"/office/courses/{self.code}/roster/lines/{lid}/delete").status, 303)
        self.assertNotIn(t, roster_of(self.code))
        self.assertEqual(post(organizer, f"/office/courses/{self.code}/roster/lines/{lid}/delete").status, 404)


def upload(client, code, filename, content, mode="good_rows", token=True):
    """Posts a roster file as the browser's multipart form does."""
    fields = [("mode", mode)] + ([("csrf", token_of(client))] if token else [])
    return post_multipart(client, f"/office/courses/{code}/roster/upload", fields, [("file", filename, content)])


def xlsx(rows):
    import openpyxl
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def verdicts(html):
    """{line: verdict code} of an upload's report."""
    return {int(line): code for line, code in re.findall(r'<tr data-line="(\d+)" data-verdict="([a-z_]+)">', html)}


class Upload(unittest.TestCase):
    """檔案上傳: every row answered with its line; 只匯入正確的列 adds the good ones, 全部正確才匯入
    adds nothing while one row is wrong; hostile and oversized files are refused with a message."""

    @classmethod
    def setUpClass(cls):
        cls.good = made.teachers(["上傳一", "上傳二", "上傳三"])
        cls.listed = made.teachers(["已在名單上"])[0]
        cls.left = made.teachers(["上傳離職"], employment="left")[0]

    def rows(self):
        nid = made.national_id
        wrong = nid(self.good[0])[:9] + str((int(nid(self.good[0])[9]) + 1) % 10)
        return [["身分證字號", "姓名", "時數"],
                [nid(self.good[0]), "上傳一", 3],           # 2 accepted
                [nid(self.good[1]), "上傳二", "2"],         # 3 accepted, typed below the course
                [wrong, "檢查碼錯", 3],                       # 4 invalid_national_id
                [with_check_digit("Z18888888"), "查無", 3],  # 5 unknown_teacher
                [nid(self.left), "離職", 3],                 # 6 not_active
                [nid(self.good[2]), "上傳三", 4],            # 7 hours_above_course
                [nid(self.good[0]), "重複", 3],              # 8 duplicate_row
                [nid(self.listed), "已在名單上", 3],         # 9 on_roster
                [nid(self.good[2]), "上傳三", "三"]]         # 10 invalid_hours? duplicate of 7's teacher

    def course(self):
        code = made.course("檔案上傳")
        post(organizer, f"/office/courses/{code}/roster/lines",
             {"national_id": made.national_id(self.listed), "attendance": "full"})
        return code

    def test_good_rows_mode_adds_the_good_ones_and_reports_every_row(self):
        code = self.course()
        r = upload(organizer, code, "名單.xlsx", xlsx(self.rows()))
        self.assertEqual(r.status, 200)
        got = verdicts(r.text)
        self.assertEqual({k: got[k] for k in range(2, 10)},
                         {2: "accepted", 3: "accepted", 4: "invalid_national_id", 5: "unknown_teacher",
                          6: "not_active", 7: "hours_above_course", 8: "duplicate_row", 9: "on_roster"})
        self.assertNotEqual(got[10], "accepted")
        roster = roster_of(code)
        self.assertEqual(roster[self.good[0]], ("full", 0, 3, 0, "upload"))
        self.assertEqual(roster[self.good[1]][2:], (2, 1, "upload"))
        self.assertEqual(roster[self.listed][4], "single")  # kept as it was
        self.assertEqual(len(roster), 3)
        self.assertIn('id="upload-added">2<', r.text)
        detail = sql_value(f"SELECT detail FROM audit_log WHERE action = 'roster.upload' AND object = '{code}'"
                           " ORDER BY id DESC LIMIT 1")
        self.assertEqual(detail, "rows=9 added=2 refused=7")

    def test_all_or_nothing_mode_adds_nothing_while_one_row_is_wrong_and_everything_when_all_are_good(self):
        code = self.course()
        r = upload(organizer, code, "名單.xlsx", xlsx(self.rows()), mode="all_or_nothing")
        self.assertEqual(r.status, 422)
        self.assertIn("沒有匯入任何一列", r.text)
        self.assertEqual(set(roster_of(code)), {self.listed})
        good = [r for r in self.rows()[:3]]
        r = upload(organizer, code, "名單.xlsx", xlsx(good), mode="all_or_nothing")
        self.assertEqual(r.status, 200)
        self.assertEqual(set(roster_of(code)), {self.listed, self.good[0], self.good[1]})

    def test_a_big5_csv_and_an_xml_file_are_read(self):
        code = self.course()
        csv = f"身分證字號,時數\r\n{made.national_id(self.good[0])},3\r\n".encode("cp950")
        self.assertEqual(upload(organizer, code, "名單.csv", csv).status, 200)
        xml = (f"<roster><teacher><national_id>{made.national_id(self.good[1])}</national_id>"
               "<hours>1</hours></teacher></roster>").encode()
        self.assertEqual(upload(organizer, code, "名單.xml", xml).status, 200)
        self.assertEqual(set(roster_of(code)), {self.listed, self.good[0], self.good[1]})

    def test_hostile_wrong_and_oversized_files_are_refused_with_a_message_and_change_nothing(self):
        code = self.course()
        before = roster_of(code)
        xxe = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               b"<roster><teacher><national_id>&x;</national_id><hours>3</hours></teacher></roster>")
        png = b"\x89PNG\r\n\x1a\n" + os.urandom(200)
        for name, content, words in [("名單.xml", xxe, "沒有匯入任何一列"), ("名單.xlsx", png, ".xlsx"),
                                     ("名單.xlsx", b"", "請選擇要上傳的名單檔案")]:
            with self.subTest(name=name, size=len(content)):
                r = upload(organizer, code, name, content)
                self.assertEqual(r.status, 422)
                self.assertIn(words, r.text)
        r = upload(organizer, code, "名單.csv", b"A" * (6 * 1024 * 1024 + 10))
        self.assertEqual(r.status, 413)
        self.assertIn("檔案太大", r.text)
        self.assertEqual(upload(organizer, code, "名單.xlsx", xlsx(self.rows()), token=False).status, 403)
        self.assertEqual(upload(organizer, code, "名單.xlsx", xlsx(self.rows()), mode="").status, 422)
        self.assertEqual(roster_of(code), before)


class AttendanceGrid(unittest.TestCase):
    def test_hours_follow_the_sessions_attended(self):
        code = made.course("逐場出席", days=(-6, -5, -4))
        a, b, c = made.teachers(["全到", "缺一場曠課", "缺兩場"])
        for t in (a, b, c):
            made.enrolment(code, t)
        post(organizer, f"/office/courses/{code}/roster/convert", {"action": "all"})
        page = organizer.get(f"/office/courses/{code}/roster/attendance").text
        sessions = sql("SELECT s.id FROM course_session s JOIN course c ON c.id = s.course_id"
                       f" WHERE c.code = '{code}' ORDER BY s.session_date")
        s1, s2, s3 = (int(s[0]) for s in sessions)
        la, lb, lc = (line_id(code, t) for t in (a, b, c))
        # Never marked: everyone is ticked at every session.
        self.assertEqual(len(re.findall(r'name="p" value="\d+-\d+"[^>]*checked', page)), 9)
        fields = [("p", f"{la}-{s}") for s in (s1, s2, s3)] + [("p", f"{lb}-{s1}"), ("p", f"{lb}-{s3}")] + \
                 [("p", f"{lc}-{s1}"), ("excused", str(lc))]
        self.assertEqual(post(organizer, f"/office/courses/{code}/roster/attendance", fields).status, 303)
        roster = roster_of(code)
        self.assertEqual(roster[a][:3], ("full", 0, 9))
        self.assertEqual(roster[b][:3], ("unexcused", 3, 6))  # exactly a third: still earns
        self.assertEqual(roster[c][:3], ("excused", 6, 3))
        # Saved presence is shown again; 全選 ticks one column.
        page = organizer.get(f"/office/courses/{code}/roster/attendance?all={s2}").text
        self.assertIn(f'value="{lb}-{s2}" aria-label', page)
        self.assertRegex(page, rf'value="{lb}-{s2}"[^>]*checked')
        self.assertNotRegex(organizer.get(f"/office/courses/{code}/roster/attendance").text,
                            rf'value="{lb}-{s2}"[^>]*checked')
        # Unexcused two sessions: above a third, nothing.
        fields = [("p", f"{la}-{s}") for s in (s1, s2, s3)] + [("p", f"{lb}-{s1}")] + [("p", f"{lc}-{s1}")]
        post(organizer, f"/office/courses/{code}/roster/attendance", fields)
        self.assertEqual(roster_of(code)[b][:3], ("unexcused", 6, 0))

    def test_a_cell_of_another_course_is_refused_whole(self):
        code = made.course("逐場出席錯誤", days=(-6, -5))
        t = made.teachers(["格子教師"])[0]
        made.enrolment(code, t)
        post(organizer, f"/office/courses/{code}/roster/convert", {"action": "all"})
        before = roster_of(code)
        r = post(organizer, f"/office/courses/{code}/roster/attendance", [("p", f"{line_id(code, t)}-1")])
        self.assertEqual(r.status, 409)
        self.assertEqual(roster_of(code), before)


class SubmitReviewApprove(unittest.TestCase):
    def test_submit_return_fix_resubmit_approve_issues_each_record_once(self):
        code, teachers = course_with_applicants(3)
        walk_in = made.teachers(["未報名參加"])[0]
        post(organizer, f"/office/courses/{code}/roster/convert", {"action": "all"})
        post(organizer, f"/office/courses/{code}/roster/lines", {"national_id": made.national_id(walk_in), "attendance": "full"})
        post(organizer, f"/office/courses/{code}/roster/lines/{line_id(code, teachers[0])}",
             {"attendance": "excused", "hours_absent": "2"})
        self.assertEqual(submit(code).status, 303)
        self.assertEqual(state_of(code), "roster_submitted")

        # Frozen: every write is refused and nothing changes.
        before = roster_of(code)
        for path, fields in [("convert", {"action": "all"}),
                             ("lines", {"national_id": made.national_id(made.teachers(["遲到"])[0]), "attendance": "full"}),
                             (f"lines/{line_id(code, teachers[1])}", {"attendance": "unexcused", "hours_absent": "3"}),
                             (f"lines/{line_id(code, teachers[1])}/delete", {}),
                             ("attendance", {}), ("submit", {})]:
            with self.subTest(path=path):
                self.assertEqual(post(organizer, f"/office/courses/{code}/roster/{path}", fields).status, 409)
        self.assertEqual(roster_of(code), before)

        # The reviewer's queue and the roster with its warnings.
        queue = reviewer.get("/review").text
        self.assertIn(f'data-roster="{code}"', queue)
        page = reviewer.get(f"/review/courses/{code}/roster").text
        self.assertIn("未曾線上報名", page)
        self.assertIn("核發少於課程時數（請假）", page)
        self.assertIn(made.national_id(walk_in), page)  # the course's reviewer sees the full ID

        # Return without a reason: the form again, nothing changed; with one: returned and mailed.
        r = post(reviewer, f"/review/courses/{code}/roster/return", {"note": ""})
        self.assertEqual(r.status, 422)
        self.assertEqual(state_of(code), "roster_submitted")
        reasons = reason_ids(page)
        self.assertIn("A. 核發時數與出席情形不符", reasons)
        self.assertNotIn("A. 請移除屬性標籤", reasons)  # the course's reasons are not offered
        mails = int(sql_value("SELECT COUNT(*) FROM mail_outbox"))
        r = post(reviewer, f"/review/courses/{code}/roster/return",
                 [("reason", reasons["A. 核發時數與出席情形不符"]), ("note", "請核對第一位的請假時數")])
        self.assertEqual(r.status, 303)
        self.assertEqual(state_of(code), "roster_returned")
        self.assertGreater(int(sql_value("SELECT COUNT(*) FROM mail_outbox")), mails)
        self.assertIn("名單確認未通過", sql_value("SELECT subject FROM mail_outbox ORDER BY id DESC LIMIT 1"))
        page = organizer.get(f"/office/courses/{code}/roster").text
        self.assertIn("請核對第一位的請假時數", page)
        self.assertIn("A. 核發時數與出席情形不符", page)

        # Fixed and resubmitted, then approved: one record per line that earned something.
        post(organizer, f"/office/courses/{code}/roster/lines/{line_id(code, teachers[0])}",
             {"attendance": "excused", "hours_absent": "1"})
        post(organizer, f"/office/courses/{code}/roster/lines/{line_id(code, teachers[2])}",
             {"attendance": "unexcused", "hours_absent": "2"})  # above a third: 0, no record
        self.assertEqual(submit(code).status, 303)
        self.assertEqual(state_of(code), "roster_submitted")
        r = post(reviewer, f"/review/courses/{code}/roster/approve")
        self.assertEqual(r.status, 303)
        self.assertEqual(state_of(code), "closed")
        self.assertEqual(records_of(code), {teachers[0]: (2, 0, 0), teachers[1]: (3, 0, 0), walk_in: (3, 0, 0)})
        codes = sql(f"SELECT verify_code FROM study_record WHERE course_id = {made.course_id(code)}")
        self.assertTrue(all(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{12}", c[0]) for c in codes))

        # Approving again changes nothing.
        again = post(reviewer, f"/review/courses/{code}/roster/approve")
        self.assertEqual(again.status, 409)
        self.assertEqual(len(records_of(code)), 3)
        # A record is never changed afterwards (the database refuses).
        self.assertTrue(sql_error(f"UPDATE study_record SET hours = 99 WHERE course_id = {made.course_id(code)}"))

    def test_the_reviewer_is_warned_of_a_teacher_over_6_hours_that_day_and_of_one_no_longer_active(self):
        morning = made.course("上午研習", days=(-2,), start="08:00", end="12:00", breaks="", hours=4)
        afternoon = made.course("下午研習", days=(-2,), start="13:00", end="17:00", breaks="", hours=4)
        busy, leaving = made.teachers(["兩門同日", "已離職"])
        for code in (morning, afternoon):
            post(organizer, f"/office/courses/{code}/roster/lines", {"national_id": made.national_id(busy), "attendance": "full"})
        post(organizer, f"/office/courses/{morning}/roster/lines", {"national_id": made.national_id(leaving), "attendance": "full"})
        sql(f"UPDATE teacher SET employment = 'left' WHERE id = {leaving}")
        submit(morning)
        page = reviewer.get(f"/review/courses/{morning}/roster").text
        busy_row = re.search(rf'<tr data-line="{line_id(morning, busy)}".*?</tr>', page, re.S).group(0)
        self.assertIn("跨課程超過 6 小時", busy_row)
        self.assertIn("未曾線上報名", busy_row)
        leaving_row = re.search(rf'<tr data-line="{line_id(morning, leaving)}".*?</tr>', page, re.S).group(0)
        self.assertIn("非在職教師", leaving_row)
        self.assertNotIn("跨課程超過", leaving_row)

    def test_two_reviewers_at_once_make_the_records_exactly_once(self):
        code, teachers = course_with_applicants(40, seats=40)
        post(organizer, f"/office/courses/{code}/roster/convert", {"action": "all"})
        submit(code)
        clients = [logged_in("reviewer") for _ in range(2)] + [reviewer]
        tokens = [token_of(c) for c in clients]
        barrier = threading.Barrier(len(clients))
        answers = []

        def approve(c, t):
            barrier.wait()
            answers.append(c.post(f"/review/courses/{code}/roster/approve", {"csrf": t}).status)

        threads = [threading.Thread(target=approve, args=(c, t)) for c, t in zip(clients, tokens)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        self.assertEqual(sorted(answers), [303, 409, 409])
        self.assertEqual(len(records_of(code)), 40)
        self.assertEqual(int(sql_value("SELECT COUNT(*) FROM course_history h JOIN course c ON c.id = h.course_id"
                                       f" WHERE c.code = '{code}' AND h.to_state = 'closed'")), 1)

    def test_bulk_approval_from_the_queue(self):
        codes = []
        for _ in range(2):
            code, _ = course_with_applicants(2)
            post(organizer, f"/office/courses/{code}/roster/convert", {"action": "all"})
            submit(code)
            codes.append(code)
        r = post(reviewer, "/review/rosters/approve", [("code", c) for c in codes])
        self.assertEqual(r.status, 303)
        self.assertEqual([state_of(c) for c in codes], ["closed", "closed"])
        self.assertIn("已確認通過 2 份名單，核發 4 筆研習紀錄", flash_of(reviewer.get("/review").text))

    def test_a_credit_class_issues_credits(self):
        code, teachers = course_with_applicants(1, credits=2, days=(-20, -13, -6))
        post(organizer, f"/office/courses/{code}/roster/convert", {"action": "all"})
        self.assertEqual(roster_of(code)[teachers[0]][2], 2)
        submit(code)
        post(reviewer, f"/review/courses/{code}/roster/approve")
        self.assertEqual(records_of(code), {teachers[0]: (0, 2, 0)})

    def test_submission_waits_for_the_last_day_and_needs_a_line(self):
        future = made.course("尚未結束", days=(-1, 2))
        before = state_of(future)
        r = submit(future)
        self.assertEqual(r.status, 422)
        self.assertIn("研習尚未結束", r.text)
        empty = made.course("沒有名單")
        r = submit(empty)
        self.assertEqual(r.status, 422)
        self.assertIn("名單上沒有任何教師", r.text)
        self.assertEqual((state_of(future), state_of(empty)), (before, "approved"))


class Corrections(unittest.TestCase):
    """A closed course's records are never changed: a correction is a new record linked to the old
    one with its reason and who made it; 補登 gives a no-show a record, which clears the light."""

    @classmethod
    def setUpClass(cls):
        cls.code, (cls.present, cls.absent) = course_with_applicants(2)
        post(organizer, f"/office/courses/{cls.code}/roster/convert", {"action": "all"})
        post(organizer, f"/office/courses/{cls.code}/roster/lines/{line_id(cls.code, cls.absent)}/delete")
        submit(cls.code)
        post(reviewer, f"/review/courses/{cls.code}/roster/approve")
        cls.path = f"/office/courses/{cls.code}/records"

    def record_id(self, teacher):
        return int(sql_value(f"SELECT MAX(id) FROM study_record WHERE teacher_id = {teacher}"
                             f" AND course_id = {made.course_id(self.code)}"))

    def test_a_correction_is_a_new_linked_record_and_the_old_one_stays(self):
        old = self.record_id(self.present)
        before = sql(f"SELECT hours, verify_code FROM study_record WHERE id = {old}")
        for fields, words in [({"units": "3", "reason": "同值"}, "與目前相同"), ({"units": "2", "reason": ""}, "更正理由"),
                              ({"units": "4", "reason": "超過"}, "")]:
            with self.subTest(fields=fields):
                r = post(organizer, f"{self.path}/{old}/correct", fields)
                self.assertEqual(r.status, 422)
                self.assertIn(words, r.text)
        r = post(organizer, f"{self.path}/{old}/correct", {"units": "2", "reason": "簽到表顯示提早離席"})
        self.assertEqual(r.status, 303)
        new = self.record_id(self.present)
        self.assertNotEqual(new, old)
        self.assertEqual(sql(f"SELECT hours, correction_no, corrects_id, correction_reason, created_by"
                             f" FROM study_record WHERE id = {new}"),
                         [["2", "1", str(old), "簽到表顯示提早離席", "1"]])
        self.assertEqual(sql(f"SELECT hours, verify_code FROM study_record WHERE id = {old}"), before)
        page = organizer.get(self.path).text
        self.assertIn("第 1 次更正：簽到表顯示提早離席", page)
        # The old record is no longer the one to correct.
        self.assertEqual(post(organizer, f"{self.path}/{old}/correct", {"units": "1", "reason": "再改"}).status, 404)

    def test_a_late_record_clears_the_no_show_light(self):
        absent = logged_in(made.national_id(self.absent))
        self.assertEqual(light_of(absent.get("/teacher").text), "yellow")
        page = organizer.get(self.path).text
        enrolment = re.search(r'<option value="(\d+)"', page.split('id="late-form"')[1]).group(1)
        r = post(organizer, self.path, {"enrolment": enrolment, "units": "3", "reason": "漏列名單，簽到表有簽名"})
        self.assertEqual(r.status, 303)
        self.assertEqual(records_of(self.code)[self.absent], (3, 0, 0))
        self.assertEqual(light_of(absent.get("/teacher").text), "green")
        self.assertEqual(post(organizer, self.path, {"enrolment": enrolment, "units": "3", "reason": "再一次"}).status, 422)

    def test_only_a_closed_course_of_the_own_unit_and_its_organizers(self):
        open_course, _ = course_with_applicants(1)
        self.assertEqual(organizer.get(f"/office/courses/{open_course}/records").status, 409)
        self.assertEqual(logged_in("organizer-red").get(self.path).status, 404)
        self.assertEqual(logged_in("A123456789").get(self.path).status, 403)
        rid = self.record_id(self.present)
        before = sql("SELECT COUNT(*) FROM study_record")
        self.assertEqual(post(logged_in("organizer-red"), f"{self.path}/{rid}/correct", {"units": "1", "reason": "x"}).status, 404)
        self.assertEqual(post(organizer, f"{self.path}/{rid}/correct", {"units": "1", "reason": "x"}, token=False).status, 403)
        self.assertEqual(sql("SELECT COUNT(*) FROM study_record"), before)


class Access(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.code, cls.teachers = course_with_applicants(1)
        post(organizer, f"/office/courses/{cls.code}/roster/convert", {"action": "all"})
        cls.line = line_id(cls.code, cls.teachers[0])

    def test_another_unit_teachers_and_anonymous_reach_nothing(self):
        other = logged_in("organizer-red")
        teacher = logged_in("A123456789")
        reviewer2 = logged_in("reviewer2")
        before, roster = roster_counts(), roster_of(self.code)
        base = f"/office/courses/{self.code}/roster"
        for path in (base, f"{base}/attendance", f"{base}/lines/{self.line}"):
            with self.subTest(path=path):
                self.assertEqual(other.get(path).status, 404)
                self.assertEqual(teacher.get(path).status, 403)
                self.assertEqual(Client().get(path).status, 303)
        for path in ("convert", "lines", f"lines/{self.line}", f"lines/{self.line}/delete", "attendance", "submit"):
            with self.subTest(path=path):
                self.assertEqual(post(other, f"{base}/{path}", {"action": "all", "attendance": "full"}).status, 404)
                self.assertEqual(post(teacher, f"{base}/{path}", {"action": "all"}).status, 403)
                self.assertEqual(post(organizer, f"{base}/{path}", {"action": "all"}, token=False).status, 403)
        self.assertEqual(reviewer2.get(f"/review/courses/{self.code}/roster").status, 404)
        self.assertEqual(post(reviewer2, f"/review/courses/{self.code}/roster/approve").status, 404)
        after = roster_counts()
        self.assertEqual({k: after[k] for k in ("roster_entry", "roster_attendance", "study_record", "course_history")},
                         {k: before[k] for k in ("roster_entry", "roster_attendance", "study_record", "course_history")})
        self.assertEqual(roster_of(self.code), roster)

    def test_each_view_is_audited_with_the_rows(self):
        n = int(sql_value(f"SELECT COUNT(*) FROM audit_log WHERE action = 'roster.view' AND object = '{self.code}'"))
        organizer.get(f"/office/courses/{self.code}/roster")
        reviewer.get(f"/review/courses/{self.code}/roster")
        rows = sql(f"SELECT actor, detail FROM audit_log WHERE action = 'roster.view' AND object = '{self.code}'"
                   " ORDER BY id")
        self.assertEqual(len(rows), n + 2)
        self.assertEqual(rows[-1][1], "rows=1")
        self.assertNotEqual(rows[-1][0], rows[-2][0])

    def test_the_course_page_offers_the_roster(self):
        page = organizer.get(f"/office/courses/{self.code}").text
        self.assertIn(f'href="/office/courses/{self.code}/roster"', page)


class Lights(unittest.TestCase):
    def light(self, client):
        return light_of(client.get("/teacher").text)

    def test_a_no_show_turns_the_light_yellow_when_the_course_closes_and_a_late_record_clears_it(self):
        code, (absent, present) = course_with_applicants(2)
        absent_client = logged_in(made.national_id(absent))
        self.assertEqual(self.light(absent_client), "green")
        post(organizer, f"/office/courses/{code}/roster/convert", {"action": "all"})
        post(organizer, f"/office/courses/{code}/roster/lines/{line_id(code, absent)}/delete")
        submit(code)
        self.assertEqual(self.light(absent_client), "green")  # not closed yet
        post(reviewer, f"/review/courses/{code}/roster/approve")
        self.assertEqual(self.light(absent_client), "yellow")
        self.assertEqual(self.light(logged_in(made.national_id(present))), "green")
        sql("INSERT INTO study_record (teacher_id, course_id, correction_no, source, title, hours, completed_on,"
            f" verify_code) VALUES ({absent}, {made.course_id(code)}, 0, 'portal', '補登', 3, CURDATE(), NULL)")
        self.assertEqual(self.light(absent_client), "green")

    def test_closing_an_overdue_course_clears_it_from_the_units_light(self):
        code, _ = course_with_applicants(1, days=(-40,))
        self.assertIn(code, overdue_codes(organizer.get("/office").text))
        post(organizer, f"/office/courses/{code}/roster/convert", {"action": "all"})
        submit(code)
        post(reviewer, f"/review/courses/{code}/roster/approve")
        self.assertNotIn(code, overdue_codes(organizer.get("/office").text))


if __name__ == "__main__":
    main()
