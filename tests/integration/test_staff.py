"""本單位教師帳號管理 (issue 10) as a 總負責人 meets it: the unit's teachers with a name filter and
paging; 職位類別, 職稱 and 任教科目 edited, validated and audited; 離職 ending the teacher's session at
once and leaving the account records-only; 轉校 letting another school's 總負責人 attach the
teacher; 教師資料登錄 creating an account and mailing the teacher; and the refusals (another unit's
teacher 404, an organizer or a teacher 403, no CSRF 403), each changing nothing.
"""
import re
import time
import unittest
from urllib.parse import quote

import portal
from portal import Client, logged_in, main, sql, sql_value, token_of, unique

UNIT = 4          # 內壢國中, the demo `master`'s unit
UNIT_NAME = "桃園市立內壢國民中學"
OTHER_UNIT = 5    # 內壢國小
MADE_TEACHERS = []
MADE_ACCOUNTS = []
CSRF_MESSAGE = "表單已過期或來源不明，請重新整理頁面後再送出一次。"


def teacher(name=None, unit_id=UNIT, employment="active"):
    tid, nid = portal.new_teacher(unit_id=unit_id, employment=employment, name=name or unique("帳管測試"))
    MADE_TEACHERS.append(tid)
    return tid, nid


def row_of(tid):
    return sql(f"SELECT IFNULL(unit_id, 'NULL'), employment, IFNULL(employment_note, 'NULL'),"
               f" IFNULL(employment_changed_on, 'NULL'), IFNULL(position_category, 'NULL'),"
               f" IFNULL(title_name, 'NULL'), IFNULL(subject, 'NULL') FROM teacher WHERE id = {int(tid)}")[0]


def listed_ids(html):
    return [int(i) for i in re.findall(r'<tr data-teacher="(\d+)"', html)]


def audit_of(tid):
    return sql(f"SELECT actor, action, IFNULL(detail, '') FROM audit_log WHERE object = 't:{int(tid)}' ORDER BY id")


def today():
    return sql_value("SELECT CURDATE()")


def mail_to(address, seconds=15):
    """The mails to `address`, once there is one (or at the deadline)."""
    deadline = time.monotonic() + seconds
    while True:
        found = [m for m in portal.received_mail() if address in str(m["To"] or "")]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def other_master():
    """A 總負責人 of 內壢國小 (unit 5), made for this module."""
    if not MADE_ACCOUNTS:
        name = unique("mt5master").replace("-", "")[:30]
        portal.new_business_account(name, unit_id=OTHER_UNIT, kind="master")
        MADE_ACCOUNTS.append(name)
    return logged_in(MADE_ACCOUNTS[0])


def tearDownModule():
    for tid in MADE_TEACHERS:
        portal.delete_teacher(tid)
    for name in MADE_ACCOUNTS:
        portal.delete_business_account(name)


class Staff(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.master = logged_in("master")
        cls.master_id = int(sql_value("SELECT id FROM business_account WHERE account_name = 'master'"))

    def post(self, client, path, fields):
        return client.post(path, [("csrf", token_of(client))] + list(fields))

    def test_list_filters_by_name_and_pages(self):
        prefix = unique("分頁")
        made = [teacher(f"{prefix}{i:02d}")[0] for i in range(23)]
        stranger, _ = teacher(f"{prefix}外校", unit_id=OTHER_UNIT)
        r = self.master.get(f"/office/teachers?q={quote(prefix)}&size=20")
        self.assertEqual(r.status, 200)
        self.assertIn('<span id="total">23</span>', r.text)
        first = listed_ids(r.text)
        self.assertEqual(first, made[:20])  # by name
        self.assertIn("第 1 / 2 頁", r.text)
        self.assertNotIn(stranger, first)
        r = self.master.get(f"/office/teachers?q={quote(prefix)}&size=20&page=2")
        self.assertEqual(listed_ids(r.text), made[20:])
        r = self.master.get(f"/office/teachers?q={quote(prefix)}&size=20&page=99")  # past the end: the last page
        self.assertEqual(listed_ids(r.text), made[20:])
        r = self.master.get(f"/office/teachers?q={quote(prefix + '01')}")
        self.assertEqual(listed_ids(r.text), [made[1]])
        r = self.master.get("/office/teachers?q=%25")  # LIKE's own wildcard matches itself only
        self.assertEqual(listed_ids(r.text), [])
        # The demo teachers show with their 身分證字號 masked, 職位類別 and status.
        r = self.master.get("/office/teachers?q=" + quote("王小明"))
        self.assertIn("A12****789", r.text)
        self.assertNotIn("A123456789", r.text)
        self.assertIn("合格專任教師", r.text)
        self.assertIn("在職", r.text)
        self.assertIn('href="/office/teachers"', self.master.get("/office").text)

    def test_edits_are_validated_audited_and_listed(self):
        tid, _ = teacher()
        path = f"/office/teachers/{tid}"
        before = row_of(tid)
        for fields, field in (([("title_name", "長" * 31)], "title_name"),
                              ([("position", "principal")], "position"),
                              ([("subject", "科" * 61)], "subject")):
            with self.subTest(field=field):
                r = self.post(self.master, path, fields)
                self.assertEqual(r.status, 422)
                self.assertIn(f'id="{field}-error"', r.text)
                self.assertIn("的資料沒有變更", r.text)
                self.assertEqual(row_of(tid), before)
        self.assertEqual(audit_of(tid), [])
        r = self.post(self.master, path, [("position", "intern"), ("title_name", "導師"), ("subject", "數學")])
        self.assertEqual(r.status, 303)
        self.assertEqual(row_of(tid)[4:], ["intern", "導師", "數學"])
        self.assertEqual(audit_of(tid), [[f"b:{self.master_id}", "teacher.update",
                                          "職位類別：（未填） → 實習教師；職稱：（未填） → 導師；任教科目：（未填） → 數學"]])
        # The same again changes and audits nothing.
        r = self.post(self.master, path, [("position", "intern"), ("title_name", "導師"), ("subject", "數學")])
        self.assertEqual(r.status, 303)
        self.assertEqual(len(audit_of(tid)), 1)
        page = self.master.get(path).text
        display = sql_value(f"SELECT display_name FROM business_account WHERE id = {self.master_id}")
        self.assertIn("修改資料", page)
        self.assertIn(display, page)
        self.assertIn("任教科目：（未填） → 數學", page)
        self.assertIn('value="數學"', page)

    def test_leaving_ends_the_teachers_session_and_makes_the_account_records_only(self):
        tid, nid = teacher()
        t = logged_in(nid)
        self.assertEqual(t.get("/teacher").status, 200)
        path = f"/office/teachers/{tid}/employment"
        before = row_of(tid)
        tomorrow = sql_value("SELECT CURDATE() + INTERVAL 1 DAY")
        for fields, field in (([("employment", "left"), ("on", tomorrow)], "on"),
                              ([("employment", "active"), ("on", today())], "employment"),
                              ([("employment", "left"), ("on", "2026-02-30")], "on"),
                              ([("employment", "left")], "on")):
            with self.subTest(fields=fields):
                r = self.post(self.master, path, fields)
                self.assertEqual(r.status, 422)
                self.assertIn(f'id="{field}-error"', r.text)
                self.assertEqual(row_of(tid), before)
        self.assertEqual(t.get("/teacher").status, 200)  # refusals left the session alone

        r = self.post(self.master, path, [("employment", "left"), ("on", today())])
        self.assertEqual(r.status, 303)
        note = f"已自{UNIT_NAME}離職（總負責人登錄，{portal.roc(today())}）"
        self.assertEqual(row_of(tid)[:4], [str(UNIT), "left", note, today()])
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM web_session WHERE teacher_id = {tid}"), "0")
        self.assertNotEqual(t.get("/teacher").status, 200)  # the next request: signed out
        again = logged_in(nid)  # signing in again: records only, with the reason
        home = again.get("/teacher")
        self.assertEqual(home.status, 200)
        self.assertIn(note, home.text)
        # Who can restore it: the school's 總負責人, by name and office phone.
        self.assertRegex(home.text, r'id="restore-contact">[^<]*<strong>張總負責</strong>（電話 03-4512345#200）')
        self.assertEqual(sql_value(f"SELECT records_only FROM web_session WHERE teacher_id = {tid}"), "1")
        actor, action, detail = audit_of(tid)[-1]
        self.assertEqual((actor, action), (f"b:{self.master_id}", "teacher.departure"))
        self.assertIn("在職 → 離職", detail)
        page = self.master.get(f"/office/teachers/{tid}").text
        self.assertIn("登錄異動", page)
        self.assertIn(note, page)

    def test_after_a_transfer_another_schools_master_attaches_the_teacher(self):
        tid, nid = teacher()
        other = other_master()
        # Still 在職 here: the other school is refused and told what must happen first.
        before = row_of(tid)
        self.assertEqual(other.get(f"/office/teachers/{tid}").status, 404)
        r = self.post(other, "/office/teachers/new", [("national_id", nid)])
        self.assertEqual(r.status, 409)
        self.assertIn("請原學校的總負責人先登錄「轉校」或「離職」", r.text)
        self.assertEqual(row_of(tid), before)
        # This school records 轉校; then the other school attaches the teacher.
        r = self.post(self.master, f"/office/teachers/{tid}/employment",
                      [("employment", "transferred"), ("on", today())])
        self.assertEqual(r.status, 303)
        r = self.post(other, "/office/teachers/new", [("national_id", nid.lower() + " "),
                                                      ("title_name", "科任教師")])
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(r.header("location"), f"/office/teachers/{tid}")
        self.assertEqual(row_of(tid), [str(OTHER_UNIT), "active", "NULL", "NULL", "NULL", "科任教師", "NULL"])
        self.assertEqual(audit_of(tid)[-1][1], "teacher.attach")
        self.assertEqual(other.get(f"/office/teachers/{tid}").status, 200)
        self.assertEqual(self.master.get(f"/office/teachers/{tid}").status, 404)  # no longer ours
        # Registered again at its new school: nothing to do.
        r = self.post(other, "/office/teachers/new", [("national_id", nid)])
        self.assertEqual(r.status, 409)
        self.assertIn("已經是本校在職教師", r.text)
        # An account without any unit is attached as well.
        lone, lone_nid = teacher(unit_id=None, employment="left")
        r = self.post(self.master, "/office/teachers/new", [("national_id", lone_nid)])
        self.assertEqual(r.status, 303)
        self.assertEqual(row_of(lone)[:3], [str(UNIT), "active", "NULL"])

    def test_registering_a_new_teacher_creates_the_account_and_mails_the_teacher(self):
        nid = portal._fresh_national_ids(1)[0]
        name = unique("新進教師")
        email = f"{unique('new').replace('-', '')}@example.edu.tw"
        count = sql_value("SELECT COUNT(*) FROM teacher")
        full = [("national_id", nid), ("name", name), ("gender", "F"), ("birth_date", "1990-05-01"),
                ("email", email), ("position", "qualified"), ("subject", "國文")]
        bad_check_digit = nid[:9] + str((int(nid[9]) + 1) % 10)
        for fields, field in (([("national_id", bad_check_digit)] + full[1:], "national_id"),
                              ([("national_id", nid)], "name"),  # no account: the rest is required
                              (full[:4] + [("email", "not-an-address")], "email"),
                              (full[:3] + [("birth_date", "2999-01-01"), ("email", email)], "birth_date")):
            with self.subTest(field=field):
                r = self.post(self.master, "/office/teachers/new", fields)
                self.assertEqual(r.status, 422)
                self.assertIn(f'id="{field}-error"', r.text)
                self.assertIn("沒有登錄任何教師", r.text)
                self.assertEqual(sql_value("SELECT COUNT(*) FROM teacher"), count)
        r = self.post(self.master, "/office/teachers/new", full)
        self.assertEqual(r.status, 303, r.text[:500])
        tid = portal.teacher_id_of(nid)
        MADE_TEACHERS.append(tid)
        self.assertEqual(sql(f"SELECT name, gender, birth_date, email, unit_id, employment, password_hash,"
                             f" position_category, subject FROM teacher WHERE id = {tid}")[0],
                         [name, "F", "1990-05-01", email, str(UNIT), "active", "!", "qualified", "國文"])
        self.assertEqual(audit_of(tid)[-1][:2], [f"b:{self.master_id}", "teacher.create"])
        # No password opens it until the teacher sets one.
        self.assertNotEqual(Client().login(nid, "!").status, 303)
        mails = mail_to(email)
        self.assertEqual(len(mails), 1)
        self.assertIn("已為您建立教師帳號", str(mails[0]["Subject"]))
        body = mails[0].get_content()
        self.assertIn("/password/forgot", body)
        self.assertIn(UNIT_NAME, body)
        self.assertNotIn(nid, body)

    def test_another_units_teacher_is_not_found_and_nothing_changes(self):
        tid, _ = teacher(unit_id=OTHER_UNIT)
        before = row_of(tid)
        self.assertEqual(self.master.get(f"/office/teachers/{tid}").status, 404)
        self.assertEqual(self.master.get("/office/teachers/99999999").status, 404)
        self.assertEqual(self.master.get("/office/teachers/abc").status, 404)
        r = self.post(self.master, f"/office/teachers/{tid}", [("title_name", "改掉")])
        self.assertEqual(r.status, 404)
        r = self.post(self.master, f"/office/teachers/{tid}/employment", [("employment", "left"), ("on", today())])
        self.assertEqual(r.status, 404)
        self.assertEqual(row_of(tid), before)
        self.assertEqual(audit_of(tid), [])

    def test_organizers_and_teachers_are_refused(self):
        tid, _ = teacher()
        before = row_of(tid)
        for who in ("organizer", "A123456789"):
            c = logged_in(who)
            with self.subTest(who=who):
                for path in ("/office/teachers", f"/office/teachers/{tid}", "/office/teachers/new"):
                    self.assertEqual(c.get(path).status, 403, path)
                r = self.post(c, f"/office/teachers/{tid}/employment", [("employment", "left"), ("on", today())])
                self.assertEqual(r.status, 403)
                r = self.post(c, f"/office/teachers/{tid}", [("title_name", "改掉")])
                self.assertEqual(r.status, 403)
        self.assertEqual(row_of(tid), before)

    def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(self):
        tid, _ = teacher()
        before, count = row_of(tid), sql_value("SELECT COUNT(*) FROM teacher")
        for path, fields in ((f"/office/teachers/{tid}", [("title_name", "改掉")]),
                             (f"/office/teachers/{tid}/employment", [("employment", "left"), ("on", today())]),
                             ("/office/teachers/new", [("national_id", portal._fresh_national_ids(1)[0]),
                                                       ("name", "無權杖"), ("gender", "F"),
                                                       ("birth_date", "1990-01-01"), ("email", "x@example.edu.tw")])):
            r = self.master.post(path, fields)
            self.assertEqual(r.status, 403, path)
            self.assertIn(CSRF_MESSAGE, r.text)
        self.assertEqual(row_of(tid), before)
        self.assertEqual(sql_value("SELECT COUNT(*) FROM teacher"), count)
        self.assertEqual(audit_of(tid), [])


if __name__ == "__main__":
    main()
