"""The teacher's 研習紀錄, 研習證明, /verify and 申請更正 (issue 9, SPEC §6, §11).

Records are made here by SQL as the one record writer would leave them (a verification code each,
a correction as a new row linking the old one). The records page totals the newest row of each
chain only and shows the correction with its reason, who made it and the old value; filters by
year, source, tag and keyword; the CSV is the filtered list with a BOM and neutralised cells. The
certificate is the teacher's own current record only (anything else 404), a PDF whose text carries
the course; /verify shows the course and hours and nothing about the teacher. The administrator's
tag hours change the progress shown. 申請更正 stores one open request per missed course, mails the
course's contacts, is shown on /teacher and to the organizer, and refuses duplicates, bad input
and a missing CSRF token with nothing stored.
"""
import random
import re
import subprocess
import tempfile
import time
import unittest
import urllib.parse

import portal
from portal import (Client, audit_mark, audit_since, delete_teacher, logged_in, main, new_teacher, sql,
                    sql_str, sql_value, token_of)

TEACHERS = []
SAVED = {}


def record(teacher_id, title, hours, completed_on, code, source="portal", course_id=None, credits=0,
           corrects=None, reason=None, by=None, partner_id=None):
    """Inserts a study record as records::issue / records::correct would; returns its id."""
    course = "NULL" if course_id is None else int(course_id)
    partner = "NULL" if partner_id is None else int(partner_id)
    if corrects is None:
        sql("INSERT INTO study_record (teacher_id, course_id, source, partner_id, title, hours, credits,"
            f" completed_on, verify_code) VALUES ({int(teacher_id)}, {course}, '{source}', {partner},"
            f" {sql_str(title)}, {hours}, {credits}, '{completed_on}', '{code}')")
    else:
        sql("INSERT INTO study_record (teacher_id, course_id, correction_no, corrects_id, correction_reason,"
            " created_by, source, title, hours, credits, completed_on, verify_code)"
            f" SELECT teacher_id, course_id, correction_no + 1, id, {sql_str(reason)}, {int(by)}, source,"
            f" title, {hours}, {credits}, completed_on, '{code}' FROM study_record WHERE id = {int(corrects)}")
    return int(sql_value(f"SELECT id FROM study_record WHERE verify_code = '{code}'"))


def code(prefix, n):
    """A 12-character verification code of Crockford's alphabet, unique per test run."""
    return (prefix + RUN + f"{n:02d}")[:12]


RUN = "".join(random.SystemRandom().choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(8))


def drop_teacher(tid):
    for (eid,) in sql(f"SELECT id FROM enrolment WHERE teacher_id = {tid}"):
        sql(f"DELETE FROM correction_request WHERE enrolment_id = {eid}")
    # Newest first: a correction points at the record it corrects.
    for (rid,) in sql(f"SELECT id FROM study_record WHERE teacher_id = {tid} ORDER BY correction_no DESC"):
        sql(f"DELETE FROM study_record WHERE id = {rid}")
    delete_teacher(tid)


def totals(html):
    return {k: int(v) for k, v in re.findall(r'data-total="([a-z-]+)">(\d+)<', html)}


def listed_titles(html):
    return re.findall(r'<div class="record-title">([^<]*)', html)


def setUpModule():
    SAVED["tags"] = sql("SELECT id, IFNULL(yearly_hours_required, 'NULL'), applies_to FROM tag")
    this_year = int(sql_value("SELECT YEAR(CURDATE())"))
    SAVED["year"] = this_year
    tid, nid = new_teacher(name="紀錄測試")
    TEACHERS.append(tid)
    SAVED["teacher"], SAVED["nid"] = tid, nid
    y, last = this_year, this_year - 1
    # 5600016 carries 家庭教育 (tag 5), 5600007 基本救命術訓練 and 安全教育 (tags 2, 3).
    first = record(tid, "親職教育與家庭溝通實務", 2, f"{y}-01-02", code("RA", 1), course_id=16)
    SAVED["superseded"] = first
    SAVED["current"] = record(tid, "親職教育與家庭溝通實務", 3, f"{y}-01-02", code("RA", 2),
                              corrects=first, reason="簽到表漏登第二節", by=3)
    SAVED["cpr"] = record(tid, "基本救命術訓練（CPR＋AED）", 3, f"{y}-01-03", code("RA", 3), course_id=7)
    SAVED["partner"] = record(tid, "夢的N次方：跨域共備工作坊", 6, f"{last}-06-01", code("RA", 4),
                              source="partner", partner_id=1)
    SAVED["formula"] = record(tid, '=HYPERLINK("http://evil.example/","點我")', 1, f"{last}-03-01",
                              code("RA", 5), source="county")
    SAVED["credits"] = record(tid, "學分班：課程與教學研究", 0, f"{last}-02-01", code("RA", 6),
                              source="civil_service", credits=2)
    other, _ = new_teacher(name="他人教師")
    TEACHERS.append(other)
    SAVED["other_record"] = record(other, "他人的研習", 3, f"{y}-01-05", code("RB", 1))


def tearDownModule():
    for tid in TEACHERS:
        drop_teacher(tid)
    for tid, hours, applies in SAVED["tags"]:
        sql(f"UPDATE tag SET yearly_hours_required = {hours}, applies_to = '{applies}' WHERE id = {tid}")


def teacher():
    return logged_in(SAVED["nid"])


class RecordsPage(unittest.TestCase):
    def test_totals_count_the_newest_of_a_corrected_record_only(self):
        page = teacher().get("/teacher/records")
        self.assertEqual(page.status, 200)
        # 3 (corrected from 2) + 3 + 6 + 1 hours and 2 credits (36 hours), in 5 records.
        self.assertEqual(totals(page.text), {"records": 5, "hours": 13, "credits": 2, "all-hours": 49})
        self.assertEqual(listed_titles(page.text).count("親職教育與家庭溝通實務"), 1)
        self.assertIn("已更正：原 2 小時。理由：簽到表漏登第二節（陳審課）", page.text)
        self.assertIn('data-year="%d"' % (SAVED["year"] - 1911), page.text)
        self.assertIn("合作網站：夢的N次方", page.text)
        self.assertIn('<a href="/courses/5600016">5600016</a>', page.text)
        self.assertIn(SAVED["nid"][:3] + "****" + SAVED["nid"][-3:], page.text)
        self.assertNotIn(SAVED["nid"], page.text)

    def test_the_homepage_totals_count_the_newest_only_too(self):
        page = teacher().get("/teacher")
        self.assertRegex(page.text, r"<tr><td>%d</td><td>2</td><td>6</td><td>0</td></tr>" % (SAVED["year"] - 1911))
        # Every year, newest first, and the newest records, from the same read.
        self.assertIn("<tr><td>%d</td><td>2</td><td>6</td><td>0</td></tr><tr><td>%d</td><td>3</td><td>7</td><td>2</td></tr>"
                      % (SAVED["year"] - 1911, SAVED["year"] - 1912), re.sub(r"\s+", "", page.text))
        recent = re.findall(r'<li>([^<]*?) <span class="meta">', page.text)
        self.assertEqual([recent[0], recent[1], recent[2]],
                         ["基本救命術訓練（CPR＋AED）", "親職教育與家庭溝通實務", "夢的N次方：跨域共備工作坊"])
        self.assertEqual(len(recent), 5)

    def test_a_record_issued_later_shows_at_once_though_the_page_is_cached(self):
        c = teacher()
        before = totals(c.get("/teacher/records?source=county").text)
        rid = record(SAVED["teacher"], "縣市系統補登研習", 2, f"{SAVED['year'] - 5}-05-05", code("RC", 1),
                     source="county")
        try:
            after = totals(c.get("/teacher/records?source=county").text)
            self.assertEqual(after["records"], before["records"] + 1)
            self.assertEqual(after["hours"], before["hours"] + 2)
        finally:
            sql(f"DELETE FROM study_record WHERE id = {rid}")

    def test_filters_by_year_source_tag_and_keyword(self):
        c = teacher()
        last = SAVED["year"] - 1 - 1911
        self.assertEqual(totals(c.get(f"/teacher/records?year={last}").text)["records"], 3)
        self.assertEqual(listed_titles(c.get("/teacher/records?source=partner").text), ["夢的N次方：跨域共備工作坊"])
        self.assertEqual(listed_titles(c.get("/teacher/records?tag=5").text), ["親職教育與家庭溝通實務"])
        self.assertEqual(listed_titles(c.get("/teacher/records?tag=3&q=cpr").text), ["基本救命術訓練（CPR＋AED）"])
        self.assertEqual(listed_titles(c.get("/teacher/records?q=" + urllib.parse.quote("共備")).text),
                         ["夢的N次方：跨域共備工作坊"])
        none = c.get("/teacher/records?q=zzzz")
        self.assertIn("沒有符合篩選條件的研習紀錄", none.text)

    def test_a_bad_filter_is_refused_with_a_message_and_filters_nothing(self):
        page = teacher().get("/teacher/records?source=mars&tag=999")
        self.assertEqual(page.status, 422)
        self.assertIn("請從選單選擇「來源」", page.text)
        self.assertEqual(totals(page.text)["records"], 5)

    def test_csv_is_the_filtered_list_with_bom_crlf_and_neutralised_cells(self):
        c = teacher()
        mark = audit_mark()
        r = c.get(f"/teacher/records.csv?year={SAVED['year'] - 1 - 1911}")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("content-type").startswith("text/csv"))
        self.assertEqual(r.header("cache-control"), "no-store")
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbf"))
        lines = r.body[3:].decode("utf-8").split("\r\n")
        self.assertEqual(lines[0], "年度,完成日期,研習名稱,研習課程代碼,來源,時數,學分,合計時數,更正說明,驗證碼")
        self.assertEqual(len(lines), 5)  # header, 3 records, the empty string after the last CRLF
        self.assertIn('"\'=HYPERLINK(""http://evil.example/"",""點我"")"', r.body.decode("utf-8"))
        credits_line = [l for l in lines if "學分班" in l][0]
        self.assertIn(",0,2,36,", credits_line)
        self.assertIn(("t:%d" % SAVED["teacher"], "records.csv", "t:%d" % SAVED["teacher"], "3 rows"),
                      audit_since(mark))

    def test_csv_shows_the_correction(self):
        body = teacher().get("/teacher/records.csv?tag=5").body.decode("utf-8")
        self.assertIn("已更正（原 2 小時）：簽到表漏登第二節（陳審課）", body)

    def test_anonymous_is_sent_to_login_and_a_business_account_refused(self):
        self.assertEqual(Client().get("/teacher/records").status, 303)
        self.assertEqual(logged_in("organizer").get("/teacher/records").status, 403)


class Certificate(unittest.TestCase):
    def test_the_pdf_of_ones_own_record_carries_the_course_and_the_code(self):
        c = teacher()
        mark = audit_mark()
        r = c.get(f"/teacher/records/{SAVED['current']}/certificate.pdf")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("content-type"), "application/pdf")
        self.assertEqual(r.header("cache-control"), "no-store")
        self.assertTrue(r.body.startswith(b"%PDF"))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(r.body)
            f.flush()
            text = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True,
                                  check=True).stdout
        flat = re.sub(r"\s+", "", text)
        self.assertIn("親職教育與家庭溝通實務", flat)
        self.assertIn("5600016", flat)
        self.assertIn("紀錄測試", flat)
        self.assertIn(SAVED["nid"][:3] + "****" + SAVED["nid"][-3:], flat)
        self.assertNotIn(SAVED["nid"], flat)
        grouped = code("RA", 2)
        self.assertIn(f"{grouped[:4]}-{grouped[4:8]}-{grouped[8:]}", flat)
        self.assertIn(f"/verify/{grouped[:4]}-{grouped[4:8]}-{grouped[8:]}", flat)
        self.assertIn(("t:%d" % SAVED["teacher"], "record.certificate", str(SAVED["current"]),
                       f"{grouped[:4]}-{grouped[4:8]}-{grouped[8:]}"), audit_since(mark))

    def test_another_teachers_record_a_superseded_one_and_nonsense_are_404(self):
        c = teacher()
        for rid in (SAVED["other_record"], SAVED["superseded"], 999999999, "abc"):
            with self.subTest(record=rid):
                self.assertEqual(c.get(f"/teacher/records/{rid}/certificate.pdf").status, 404)


class Verify(unittest.TestCase):
    def test_a_code_shows_course_hours_and_date_and_nothing_about_the_teacher(self):
        v = code("RA", 3)
        page = Client().get(f"/verify/{v[:4]}-{v[4:8]}-{v[8:]}")
        self.assertEqual(page.status, 200)
        self.assertIn('data-record="valid"', page.text)
        self.assertIn("基本救命術訓練（CPR＋AED）", page.text)
        self.assertIn("5600007", page.text)
        self.assertIn("3 小時", page.text)
        self.assertIn(portal.roc(f"{SAVED['year']}-01-03"), page.text)
        self.assertNotIn("紀錄測試", page.text)
        self.assertNotIn("紀○試", page.text)
        self.assertNotIn("內壢國民中學", page.text)

    def test_a_typed_code_is_read_whatever_its_case_spaces_and_hyphens(self):
        v = code("RA", 3)
        typed = f" {v[:4].lower()} {v[4:8]}-{v[8:].lower()} "
        r = Client().get("/verify?code=" + urllib.parse.quote(typed))
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("location"), f"/verify/{v[:4]}-{v[4:8]}-{v[8:]}")
        self.assertEqual(Client().get("/verify?code=abc").status, 422)
        self.assertEqual(Client().get("/verify").status, 200)

    def test_an_unknown_code_is_a_404_saying_so(self):
        page = Client().get("/verify/ZZZZ-ZZZZ-ZZZZ")
        self.assertEqual(page.status, 404)
        self.assertIn("查無此證明", page.text)
        self.assertEqual(Client().get("/verify/not-a-code").status, 404)

    def test_a_superseded_record_says_so_and_shows_the_current_value(self):
        v = code("RA", 1)
        page = Client().get(f"/verify/{v}")
        self.assertEqual(page.status, 200)
        self.assertIn('data-record="corrected"', page.text)
        self.assertIn("其後已更正，現行紀錄為 3 小時", page.text)
        now = code("RA", 2)
        self.assertIn(f"{now[:4]}-{now[4:8]}-{now[8:]}", page.text)


class TagHours(unittest.TestCase):
    def tearDown(self):
        for tid, hours, applies in SAVED["tags"]:
            sql(f"UPDATE tag SET yearly_hours_required = {hours}, applies_to = '{applies}' WHERE id = {tid}")
        sql(f"UPDATE teacher SET is_kindergarten_staff = FALSE WHERE id = {SAVED['teacher']}")

    def progress(self):
        html = teacher().get("/teacher/records").text
        return {name: (int(done), int(req)) for name, done, req in re.findall(
            r'<span class="goal-name">([^<]+)</span>\s*<span class="goal-figures">(\d+) / (\d+) 小時', html)}

    def test_the_administrators_hours_change_the_progress_shown(self):
        self.assertEqual(self.progress()["家庭教育"], (3, 4))
        admin = logged_in("admin")
        page = admin.get("/admin/tags")
        self.assertEqual(page.status, 200)
        r = admin.post("/admin/tags/5", {"csrf": token_of(admin), "yearly_hours": "6", "applies_to": "all"})
        self.assertEqual(r.status, 303)
        self.assertEqual(sql_value("SELECT yearly_hours_required FROM tag WHERE id = 5"), "6")
        self.assertEqual(self.progress()["家庭教育"], (3, 6))
        self.assertEqual(self.progress()["特殊教育知能"], (0, 3))
        # 安全教育 (tag 3) mandates nothing until set; blank takes it away again.
        self.assertNotIn("安全教育", self.progress())
        admin.post("/admin/tags/3", {"csrf": token_of(admin), "yearly_hours": "2", "applies_to": "all"})
        self.assertEqual(self.progress()["安全教育"], (3, 2))
        admin.post("/admin/tags/3", {"csrf": token_of(admin), "yearly_hours": "", "applies_to": "all"})
        self.assertNotIn("安全教育", self.progress())
        self.assertEqual(sql_value("SELECT IFNULL(yearly_hours_required, 'NULL') FROM tag WHERE id = 3"), "NULL")

    def test_kindergarten_hours_show_for_kindergarten_staff_only(self):
        self.assertNotIn("幼兒園教保專業知能", self.progress())
        sql(f"UPDATE teacher SET is_kindergarten_staff = TRUE WHERE id = {SAVED['teacher']}")
        self.assertEqual(self.progress()["幼兒園教保專業知能"], (0, 18))

    def test_bad_input_wrong_role_and_no_csrf_change_nothing(self):
        before = sql("SELECT * FROM tag ORDER BY id")
        admin = logged_in("admin")
        mark = audit_mark()
        for fields, status in (({"yearly_hours": "0", "applies_to": "all"}, 422),
                               ({"yearly_hours": "三", "applies_to": "all"}, 422),
                               ({"yearly_hours": "3", "applies_to": "martians"}, 422)):
            with self.subTest(fields=fields):
                r = admin.post("/admin/tags/4", dict(fields, csrf=token_of(admin)))
                self.assertEqual(r.status, status)
                self.assertIn("的設定沒有變更", r.text)
        self.assertEqual(admin.post("/admin/tags/4", {"yearly_hours": "9", "applies_to": "all"}).status, 403)
        self.assertEqual(admin.post("/admin/tags/999", {"csrf": token_of(admin), "yearly_hours": "9",
                                                        "applies_to": "all"}).status, 404)
        organizer = logged_in("organizer")
        self.assertEqual(organizer.post("/admin/tags/4", {"csrf": token_of(organizer), "yearly_hours": "9",
                                                          "applies_to": "all"}).status, 403)
        self.assertEqual(organizer.get("/admin/tags").status, 403)
        self.assertEqual(sql("SELECT * FROM tag ORDER BY id"), before)
        self.assertEqual([a for a in audit_since(mark) if a[1] == "tag.update"], [])


class CorrectionRequest(unittest.TestCase):
    """A new teacher approved for 5600008 (closed, this year, no record): one course behind the light."""

    def setUp(self):
        self.name = f"更正測試{random.SystemRandom().randrange(10 ** 6):06d}"  # the sink keeps earlier runs' mail
        self.tid, self.nid = new_teacher(name=self.name)
        TEACHERS.append(self.tid)
        sql("INSERT INTO enrolment (course_id, teacher_id, status, created_at, decided_at, approved_at) VALUES"
            f" (8, {self.tid}, 'approved', NOW() - INTERVAL 60 DAY, NOW() - INTERVAL 60 DAY, NOW() - INTERVAL 60 DAY)")
        self.eid = int(sql_value(f"SELECT id FROM enrolment WHERE teacher_id = {self.tid}"))
        self.path = f"/teacher/enrolments/{self.eid}/correction-request"
        self.client = logged_in(self.nid)

    def mails_about_me(self, seconds=10):
        """The request mails naming this test's teacher, once one has come (the sink keeps others)."""
        deadline = time.monotonic() + seconds
        while True:
            mails = [m for m in portal.received_mail()
                     if "研習時數更正申請：性別平等教育教師增能研習" in str(m["Subject"]) and self.name in m.get_content()]
            if mails or time.monotonic() > deadline:
                return mails
            time.sleep(0.2)

    def stored(self):
        return sql(f"SELECT reason, IFNULL(resolved_at, 'open') FROM correction_request WHERE enrolment_id = {self.eid}")

    def test_a_request_is_stored_mailed_shown_and_not_repeated(self):
        home = self.client.get("/teacher")
        self.assertIn(f'href="{self.path}">申請更正</a>', home.text)
        form = self.client.get(self.path)
        self.assertEqual(form.status, 200)
        self.assertIn("性別平等教育教師增能研習", form.text)
        outbox = int(sql_value("SELECT COUNT(*) FROM mail_outbox"))
        r = self.client.post(self.path, {"csrf": token_of(self.client), "reason": "全程參加，已於簽到表簽名"})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("location"), "/teacher")
        self.assertEqual(self.stored(), [["全程參加，已於簽到表簽名", "open"]])
        self.assertEqual(int(sql_value("SELECT COUNT(*) FROM mail_outbox")), outbox + 1)
        mails = self.mails_about_me()
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails[0]["To"], "organizer@example.edu.tw")
        self.assertIn("全程參加，已於簽到表簽名", mails[0].get_content())
        home = self.client.get("/teacher")
        self.assertIn("已送出更正申請", home.text)
        self.assertNotIn(f'href="{self.path}"', home.text)
        # A second one, as a form or a re-sent POST, is refused and nothing more is stored or mailed.
        again = self.client.post(self.path, {"csrf": token_of(self.client), "reason": "再次申請"})
        self.assertEqual(again.status, 409)
        self.assertIn("請勿重複申請", again.text)
        self.assertEqual(len(self.stored()), 1)
        self.assertEqual(int(sql_value("SELECT COUNT(*) FROM mail_outbox")), outbox + 1)
        # The organizer sees it on the course page; the office of another unit does not reach it.
        office = logged_in("organizer").get("/office/courses/5600008")
        self.assertIn("教師更正申請（1 件待查核）", office.text)
        self.assertIn("全程參加，已於簽到表簽名", office.text)

    def test_bad_input_and_no_csrf_store_nothing(self):
        outbox = sql_value("SELECT COUNT(*) FROM mail_outbox")
        no_token = self.client.post(self.path, {"reason": "全程參加"})
        self.assertEqual(no_token.status, 403)
        for reason in ("", "   ", "長" * 301):
            with self.subTest(length=len(reason)):
                r = self.client.post(self.path, {"csrf": token_of(self.client), "reason": reason})
                self.assertEqual(r.status, 422)
                self.assertIn("更正說明", r.text)
        self.assertEqual(self.stored(), [])
        self.assertEqual(sql_value("SELECT COUNT(*) FROM mail_outbox"), outbox)

    def test_only_ones_own_missed_course_may_be_put_to_its_organizer(self):
        other = logged_in("B223456782")
        self.assertEqual(other.get(self.path).status, 404)
        self.assertEqual(other.post(self.path, {"csrf": token_of(other), "reason": "x"}).status, 404)
        # A course with a record from it is not missed: 王小明's 5600009.
        own_recorded = sql_value("SELECT id FROM enrolment WHERE teacher_id = 1 AND course_id = 9")
        a = logged_in("A123456789")
        self.assertEqual(a.get(f"/teacher/enrolments/{own_recorded}/correction-request").status, 404)
        # Nor a course still open (王小明's pending 5600001).
        pending = sql_value("SELECT id FROM enrolment WHERE teacher_id = 1 AND course_id = 1")
        self.assertEqual(a.post(f"/teacher/enrolments/{pending}/correction-request",
                                {"csrf": token_of(a), "reason": "x"}).status, 404)
        self.assertEqual(self.stored(), [])
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM correction_request WHERE enrolment_id IN"
                                   f" ({own_recorded}, {pending})"), "0")

    def test_a_resolved_request_may_be_followed_by_a_new_one(self):
        self.client.post(self.path, {"csrf": token_of(self.client), "reason": "第一次"})
        sql(f"UPDATE correction_request SET resolved_at = NOW() WHERE enrolment_id = {self.eid}")
        self.assertIn(f'href="{self.path}">申請更正</a>', self.client.get("/teacher").text)
        r = self.client.post(self.path, {"csrf": token_of(self.client), "reason": "第二次"})
        self.assertEqual(r.status, 303)
        self.assertEqual(len(self.stored()), 2)


if __name__ == "__main__":
    main()
