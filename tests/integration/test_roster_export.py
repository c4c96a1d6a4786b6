"""研習名單匯出 (SPEC §5, issue 9): a course's approved applicants as XLSX, CSV and the 簽到表.

A course of 內壢國中 made for the test, two classes of two seats, with eight enrolments: four
approved, in the order they applied (one a teacher whose name begins with '=', one whose phone
begins with '+', one without a school or 職稱), and one each pending, waiting, cancelled and
rejected. The XLSX is opened with openpyxl and the CSV parsed: SPEC §5's columns, the approved
teachers only, in order, formula-like cells neutralised. The 簽到表 shows two tables of two
(domain/sign_in_classes.h), a course of one class one table, and no 身分證字號, birth date, phone
or e-mail. Every export and view writes one audit row with its count; another unit's organizer
gets 404, a teacher 403 and an anonymous visitor the login, all with nothing audited; a course not
yet approved, returned or deleted is refused with a message.
"""
import csv
import io
import re
import unittest
import urllib.parse

import openpyxl

import portal
from portal import (Client, audit_mark, audit_since, delete_enrolment_course, delete_teacher, logged_in,
                    main, new_enrolment_course, new_teacher, roc, sql, sql_str, sql_value)

HEADER = ["服務學校", "職位類別", "姓名", "性別", "身分證字號", "出生日期", "電話", "電子郵件"]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NIDP = re.compile(r"\b[A-Z][12]\d{8}\b")


class RosterExport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.course_id, cls.code = new_enrolment_course(seats=10, title="名單匯出測試研習")
        sql(f"UPDATE course SET online_seats = 4, class_count = 2, seats_per_class = 2 WHERE id = {cls.course_id}")
        cls.organizer_id = int(sql_value("SELECT id FROM business_account WHERE account_name = 'organizer'"))
        # (name, unit, gender, title, birth, phone, email, status), in the order they applied.
        people = [
            ("匯出甲", 4, "F", "專任教師", "1985-03-14", "0912-000-001", "jia@example.edu.tw", "approved"),
            ("=1+2", 5, "M", "導師", "1990-12-01", "03-4512345", "eq@example.edu.tw", "pending"),
            ("=HYPERLINK(\"http://x\")", 5, "M", "導師", None, "03-4512345", "hyper@example.edu.tw", "approved"),
            ("匯出丙", 4, "X", "組長", "1979-01-31", "+886912345678", None, "approved"),
            ("匯出丁", 4, "F", "專任教師", "1988-07-02", "0933-000-004", "ding@example.edu.tw", "waiting"),
            ("匯出戊", 4, "F", "專任教師", "1988-07-03", "0933-000-005", "wu@example.edu.tw", "cancelled"),
            ("匯出己", 4, "M", "專任教師", "1988-07-04", "0933-000-006", "ji@example.edu.tw", "rejected"),
            ("匯出庚", None, "F", None, None, None, None, "approved"),
        ]
        cls.teachers = []
        for i, (name, unit, gender, title, birth, phone, email, status) in enumerate(people):
            tid, nid = new_teacher(unit_id=unit, name="匯出測試")
            sql(f"UPDATE teacher SET name = {sql_str(name)}, gender = '{gender}',"
                f" title_name = {sql_str(title) if title else 'NULL'},"
                f" birth_date = {sql_str(birth) if birth else 'NULL'},"
                f" phone = {sql_str(phone) if phone else 'NULL'}, email = {sql_str(email) if email else 'NULL'}"
                f" WHERE id = {tid}")
            approved = "NOW() - INTERVAL 1 DAY" if status == "approved" else "NULL"
            sql("INSERT INTO enrolment (course_id, teacher_id, status, created_at, decided_at, approved_at,"
                " waiting_since, cancelled_at)"
                f" VALUES ({cls.course_id}, {tid}, '{status}', NOW(3) - INTERVAL {60 - i} MINUTE, {approved},"
                f" {approved}, {'NOW(3)' if status == 'waiting' else 'NULL'},"
                f" {'NOW()' if status == 'cancelled' else 'NULL'})")
            cls.teachers.append({"id": tid, "nid": nid, "name": name, "unit": unit, "gender": gender,
                                 "title": title, "birth": birth, "phone": phone, "email": email, "status": status})
        cls.approved = [t for t in cls.teachers if t["status"] == "approved"]
        cls.organizer = logged_in("organizer")

    @classmethod
    def tearDownClass(cls):
        sql(f"DELETE FROM audit_log WHERE object = '{cls.code}'")
        delete_enrolment_course(cls.course_id)
        for t in cls.teachers:
            delete_teacher(t["id"])

    def unit_name(self, unit):
        return sql_value(f"SELECT name FROM unit WHERE id = {unit}") if unit else ""

    def expected_rows(self, neutralised=True):
        """SPEC §5's columns of each approved teacher, in the order they applied."""
        def cell(v):
            v = v or ""
            return "'" + v if neutralised and v[:1] in ("=", "+", "-", "@", "\t", "\r") else v
        gender = {"F": "女", "M": "男", "X": "其他"}
        return [[cell(self.unit_name(t["unit"])), cell(t["title"]), cell(t["name"]), gender[t["gender"]],
                 t["nid"], roc(t["birth"]) if t["birth"] else "", cell(t["phone"]), cell(t["email"])]
                for t in self.approved]

    def path(self, what):
        return f"/office/courses/{self.code}/{what}"

    def assert_download(self, r, extension, content_type):
        self.assertEqual(r.status, 200, r.text[:300])
        self.assertEqual(r.header("content-type"), content_type)
        disposition = r.header("content-disposition")
        self.assertIn(f'attachment; filename="{self.code}-applicants.{extension}"', disposition)
        self.assertIn("filename*=UTF-8''" + urllib.parse.quote(f"{self.code}-研習名單.{extension}"), disposition)
        self.assertEqual(r.header("cache-control"), "no-store")

    def test_xlsx_has_the_columns_and_the_approved_teachers_in_order_neutralised(self):
        mark = audit_mark()
        r = self.organizer.get(self.path("applicants.xlsx"))
        self.assert_download(r, "xlsx", XLSX_TYPE)
        book = openpyxl.load_workbook(io.BytesIO(r.body))
        self.assertEqual(book.sheetnames, ["研習名單"])
        ws = book.active
        rows = [[("" if v is None else v) for v in row] for row in ws.iter_rows(values_only=True)]
        self.assertIn(self.code, rows[0][0])
        self.assertIn("名單匯出測試研習", rows[0][0])
        self.assertEqual(rows[1], HEADER)
        self.assertEqual(rows[2:], self.expected_rows())
        self.assertTrue(all(isinstance(v, str) for row in rows for v in row), "every cell is text")
        self.assertTrue(all(c.font.b for c in ws[2]), "the header is bold")
        self.assertEqual(ws.freeze_panes, "A3", "the header stays in sight")
        self.assertEqual(audit_since(mark), [(f"b:{self.organizer_id}", "roster.export_xlsx", self.code,
                                              f"rows={len(self.approved)}")])

    def test_csv_has_bom_crlf_the_columns_and_the_approved_teachers_neutralised(self):
        mark = audit_mark()
        r = self.organizer.get(self.path("applicants.csv"))
        self.assert_download(r, "csv", "text/csv; charset=utf-8")
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM for Excel")
        text = r.body[3:].decode("utf-8")
        self.assertTrue(text.endswith("\r\n"))
        self.assertNotIn("\n", text.replace("\r\n", ""), "every line ends with CRLF")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        self.assertEqual(rows[0], HEADER)
        self.assertEqual(rows[1:], self.expected_rows())
        self.assertIn("'=HYPERLINK(\"http://x\")", [row[2] for row in rows])
        self.assertIn("'+886912345678", [row[6] for row in rows])
        self.assertEqual(audit_since(mark), [(f"b:{self.organizer_id}", "roster.export_csv", self.code,
                                              f"rows={len(self.approved)}")])

    def test_sign_in_sheet_has_a_table_per_class_and_nothing_personal(self):
        mark = audit_mark()
        r = self.organizer.get(self.path("sign-in-sheet"))
        self.assertEqual(r.status, 200)
        html = r.text
        sections = re.findall(r'<section class="sign-in-class"[^>]*data-class="(\d+)">(.*?)</section>', html, re.S)
        self.assertEqual([n for n, _ in sections], ["1", "2"], "two classes of two seats")
        import html as html_module
        classes = []
        for _, body in sections:
            self.assertRegex(body, r"<th scope=\"col\">序號</th><th scope=\"col\">服務學校</th><th scope=\"col\">職稱</th>"
                                   r"<th scope=\"col\">姓名</th><th scope=\"col\">簽名</th><th scope=\"col\">備註</th>")
            rows = re.findall(r"<tr><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td>"
                              r"<td[^>]*>(.*?)</td><td[^>]*>(.*?)</td></tr>", body, re.S)
            classes.append([[html_module.unescape(c) for c in row] for row in rows])
        want = [[str(i + 1), self.unit_name(t["unit"]), t["title"] or "", t["name"], "", ""]
                for i, t in enumerate(self.approved[:2])]
        self.assertEqual(classes[0], want)
        self.assertEqual(classes[1], [[str(i + 1), self.unit_name(t["unit"]), t["title"] or "", t["name"], "", ""]
                                      for i, t in enumerate(self.approved[2:])])
        # The name is text on the page, escaped, never markup.
        self.assertIn("=HYPERLINK(&quot;http://x&quot;)", html)
        for t in self.teachers:
            self.assertNotIn(t["nid"], html)
            for private in (t["phone"], t["email"]):
                if private:
                    self.assertNotIn(private, html)
            if t["birth"]:
                self.assertNotIn(roc(t["birth"]), html)
            if t["status"] != "approved":
                self.assertNotIn(t["name"], html, f"{t['status']} teacher on the sheet")
        self.assertIsNone(NIDP.search(html), "no 身分證字號 at all")
        for needed in (self.code, "名單匯出測試研習", "本校視聽教室", "09:00–12:00", roc(portal.days_ahead(20))):
            self.assertIn(needed, html)
        self.assertEqual(audit_since(mark), [(f"b:{self.organizer_id}", "roster.sign_in_sheet", self.code,
                                              f"rows={len(self.approved)}")])

    def test_one_class_course_is_one_table(self):
        sql(f"UPDATE course SET class_count = 1, seats_per_class = 4 WHERE id = {self.course_id}")
        try:
            html = self.organizer.get(self.path("sign-in-sheet")).text
        finally:
            sql(f"UPDATE course SET class_count = 2, seats_per_class = 2 WHERE id = {self.course_id}")
        self.assertEqual(len(re.findall(r'<section class="sign-in-class"', html)), 1)
        self.assertEqual(len(re.findall(r'class="sign-in-signature"', html)), len(self.approved))

    def test_the_course_page_links_the_three(self):
        html = self.organizer.get(f"/office/courses/{self.code}").text
        for what in ("applicants.xlsx", "applicants.csv", "sign-in-sheet"):
            self.assertIn(f'href="{self.path(what)}"', html)
        unconfirmed = self.organizer.get("/office/courses/5600003").text
        self.assertNotIn("sign-in-sheet", unconfirmed)
        self.assertNotIn("applicants.csv", unconfirmed)

    def test_the_master_of_the_unit_may_export(self):
        master = logged_in("master")
        self.assertEqual(master.get(self.path("applicants.csv")).status, 200)

    def test_another_units_organizer_gets_404_and_nothing_is_audited(self):
        other = logged_in("organizer-red")
        mark = audit_mark()
        for what in ("applicants.xlsx", "applicants.csv", "sign-in-sheet"):
            r = other.get(self.path(what))
            self.assertEqual(r.status, 404, what)
            self.assertNotIn("匯出", r.text)
            self.assertNotIn(self.approved[0]["nid"], r.text)
        self.assertEqual(audit_since(mark), [])

    def test_a_teacher_gets_403_and_anonymous_the_login(self):
        teacher = logged_in("A123456789")
        anonymous = Client()
        mark = audit_mark()
        for what in ("applicants.xlsx", "applicants.csv", "sign-in-sheet"):
            self.assertEqual(teacher.get(self.path(what)).status, 403, what)
            r = anonymous.get(self.path(what))
            self.assertEqual(r.status, 303, what)
            self.assertTrue(r.header("location").startswith("/login?next="), r.header("location"))
            self.assertIn(self.path(what), urllib.parse.unquote(r.header("location")))
        self.assertEqual(audit_since(mark), [])

    def test_a_course_not_approved_or_deleted_is_refused_with_a_message(self):
        mark = audit_mark()
        for code, state in (("5600003", "課程未確認"), ("5600004", "課程確認未通過"), ("5600010", "課程登錄錯誤")):
            for what in ("applicants.xlsx", "applicants.csv", "sign-in-sheet"):
                r = self.organizer.get(f"/office/courses/{code}/{what}")
                self.assertEqual(r.status, 409, f"{code} {what}")
                self.assertIn(f"課程目前為「{state}」，還沒有研習名單可以匯出", r.text)
                self.assertIsNone(r.header("content-disposition"))
        self.assertEqual(audit_since(mark), [])

    def test_a_closed_course_still_exports(self):
        r = self.organizer.get("/office/courses/5600009/applicants.csv")
        self.assertEqual(r.status, 200)
        names = [row[2] for row in csv.reader(io.StringIO(r.body[3:].decode("utf-8"), newline=""))][1:]
        self.assertEqual(names, ["王小明", "周怡君"])


if __name__ == "__main__":
    main()
