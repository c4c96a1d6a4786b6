"""What the administrator keeps (SPEC §1, §3, §6): each county's 第12條 lead time, overdue days and
red-light threshold, with their effect on the organizers' registration and the reviewers' flags;
and the list of return reasons the reviewers choose from. Every change is restored afterwards.
"""
import re
import unittest

import portal
from portal import (Client, course_fields, create_course, days_ahead, field_error, flash_of, logged_in,
                    queue_flags, reason_ids, session_row, sql, sql_value, token_of, unique, write_counts)

CREATED = []
REASONS = []   # ids of the reasons this module added
SAVED = {}     # county id -> (min_days, grace_days, red_threshold) before the module ran


def setUpModule():
    global admin
    admin = logged_in("admin")
    for cid, min_days, grace, red in sql("SELECT id, min_days_before_start, overdue_grace_days,"
                                         " red_light_threshold FROM county"):
        SAVED[cid] = (min_days, grace, red)


def restore_counties():
    for cid, (min_days, grace, red) in SAVED.items():
        sql(f"UPDATE county SET min_days_before_start = {min_days}, overdue_grace_days = {grace},"
            f" red_light_threshold = {red} WHERE id = {cid}")


def tearDownModule():
    restore_counties()
    portal.retire_courses(CREATED)
    for rid in REASONS:
        portal.sql_error(f"DELETE FROM return_reason WHERE id = {int(rid)}")


def county_row(cid):
    return sql(f"SELECT min_days_before_start, overdue_grace_days, red_light_threshold FROM county WHERE id = {cid}")[0]


def update_county(cid, min_days, grace, red, client=None, token=True):
    client = client or admin
    fields = {"min_days": str(min_days), "grace_days": str(grace), "red_threshold": str(red)}
    if token:
        fields["csrf"] = token_of(client)
    return client.post(f"/admin/counties/{cid}", fields)


def set_county(cid, min_days=None, grace=None, red=None):
    """Changes some of a county's figures through the administrator's form."""
    now = county_row(cid)
    r = update_county(cid, min_days if min_days is not None else now[0], grace if grace is not None else now[1],
                      red if red is not None else now[2])
    assert r.status == 303, r.status


def overdue_count(unit_id):
    """The unit-light count of SPEC §6, computed here from the database."""
    return int(sql_value(
        f"SELECT COUNT(*) FROM course c JOIN unit u ON u.id = c.unit_id JOIN county k ON k.id = u.county_id"
        f" WHERE c.unit_id = {unit_id} AND c.state NOT IN ('closed', 'deleted')"
        f" AND c.last_date < CURDATE() - INTERVAL k.overdue_grace_days DAY"
        f" AND c.last_date >= MAKEDATE(YEAR(CURDATE()), 1)"))


class CountySettings(unittest.TestCase):
    def tearDown(self):
        restore_counties()

    def test_the_administrator_sees_every_countys_figures(self):
        r = admin.get("/admin/counties")
        self.assertEqual(r.status, 200)
        forms = re.findall(r'<form method="post" action="/admin/counties/(\d+)"', r.text)
        self.assertEqual(len(forms), 22)
        for cid in ("3", "4"):
            min_days, grace, red = county_row(cid)
            self.assertIn(f'id="min-{cid}" name="min_days" type="text" inputmode="numeric" value="{min_days}"', r.text)
            self.assertIn(f'id="grace-{cid}" name="grace_days" type="text" inputmode="numeric" value="{grace}"', r.text)
            self.assertIn(f'id="red-{cid}" name="red_threshold" type="text" inputmode="numeric" value="{red}"', r.text)

    def test_a_change_is_saved_audited_and_shown(self):
        audits = int(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'county.update'"))
        r = update_county(3, 10, 14, 6)
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("location"), "/admin/counties")
        page = admin.get("/admin/counties").text
        self.assertIn("縣市設定已更新", flash_of(page))
        self.assertIn('id="min-3" name="min_days" type="text" inputmode="numeric" value="10"', page)
        self.assertEqual(county_row(3), ["10", "14", "6"])
        self.assertEqual(county_row(4), list(SAVED["4"]))
        self.assertEqual(int(sql_value("SELECT COUNT(*) FROM audit_log WHERE action = 'county.update'")), audits + 1)

    def test_the_lead_time_decides_how_early_organizers_must_register(self):
        organizer = logged_in("organizer")
        set_county(3, min_days=20)
        page = organizer.get("/office/courses/new").text
        self.assertIn("20 天前登錄", page)
        r = organizer.post("/office/courses", [("csrf", token_of(organizer))] +
                           course_fields(unique("登錄期限二十天"), [session_row(days_ahead(14))]))
        self.assertEqual(r.status, 422)
        self.assertIn("20 天", field_error(r.text, "sessions"))
        CREATED.append(create_course(organizer, unique("登錄期限二十天"), [session_row(days_ahead(20))]))

        set_county(3, min_days=3)
        CREATED.append(create_course(organizer, unique("登錄期限三天"), [session_row(days_ahead(3))]))
        r = organizer.post("/office/courses", [("csrf", token_of(organizer))] +
                           course_fields(unique("登錄期限三天"), [session_row(days_ahead(2))]))
        self.assertEqual(r.status, 422)
        self.assertIn("3 天", field_error(r.text, "sessions"))

        # Another county's setting does not apply to 桃園市.
        set_county(3, min_days=7)
        set_county(4, min_days=30)
        CREATED.append(create_course(organizer, unique("他縣市期限不適用"), [session_row(days_ahead(7))]))

    def test_the_lead_time_is_what_the_reviewers_late_flag_measures(self):
        organizer, reviewer = logged_in("organizer"), logged_in("reviewer")
        code = create_course(organizer, unique("逾期登錄門檻"), [session_row(days_ahead(14))])
        CREATED.append(code)
        self.assertFalse(any("逾期登錄" in f for f in queue_flags(reviewer.get("/review").text, code)))
        set_county(3, min_days=20)
        self.assertIn("逾期登錄：研習前不足 20 天", queue_flags(reviewer.get("/review").text, code))

    def test_the_red_threshold_closes_and_opens_registration(self):
        red = logged_in("organizer-red")
        self.assertEqual(overdue_count(6), 5)
        self.assertEqual(red.get("/office/courses/new").status, 409)
        set_county(4, red=6)
        r = red.get("/office/courses/new")
        self.assertEqual(r.status, 200)
        self.assertNotIn("紅燈", r.text)
        self.assertIn("紅燈 6 堂以上", red.get("/office").text)
        self.assertEqual(portal.light_of(red.get("/office").text), "yellow")
        CREATED.append(create_course(red, unique("文雅國小門檻調整"), contact1_name="黃承辦", levels=["elementary"]))
        set_county(4, red=5)
        self.assertEqual(red.get("/office/courses/new").status, 409)
        self.assertEqual(portal.light_of(red.get("/office").text), "red")

    def test_a_lower_threshold_turns_a_yellow_unit_red(self):
        organizer = logged_in("organizer")
        overdue = overdue_count(4)
        if overdue == 0:
            self.skipTest("內壢國中 has no overdue course today (early January)")
        self.assertEqual(organizer.get("/office/courses/new").status, 200)
        set_county(3, red=overdue)
        r = organizer.get("/office/courses/new")
        self.assertEqual(r.status, 409)
        self.assertIn("紅燈", r.text)
        self.assertEqual(portal.light_of(organizer.get("/office").text), "red")
        counts = write_counts()
        r = organizer.post("/office/courses", [("csrf", token_of(organizer))] + course_fields(unique("門檻降低")))
        self.assertEqual(r.status, 409)
        self.assertEqual(write_counts(), counts)
        set_county(3, red=overdue + 1)
        self.assertEqual(organizer.get("/office/courses/new").status, 200)

    def test_the_overdue_days_decide_which_courses_count(self):
        red = logged_in("organizer-red")
        set_county(4, grace=30)
        self.assertLess(overdue_count(6), 5)
        self.assertEqual(red.get("/office/courses/new").status, 200)
        set_county(4, grace=7)
        self.assertEqual(red.get("/office/courses/new").status, 409)

    def test_bad_figures_are_422_and_change_nothing(self):
        before = county_row(3)
        counts = write_counts()
        for fields in (("", "", ""), ("abc", 7, 5), (-1, 7, 5), (91, 7, 5), ("7.5", 7, 5), ("７", 7, 5), (7, 91, 5),
                       (7, "", 5), (7, 7, 0), (7, 7, 100), (7, 7, " "), (7, 7, "5 堂")):
            with self.subTest(fields=fields):
                r = update_county(3, *fields)
                self.assertEqual(r.status, 422)
                self.assertIn("設定沒有變更", r.text)
        self.assertEqual(county_row(3), before)
        self.assertEqual(write_counts(), counts)

    def test_an_unknown_county_is_404(self):
        counts = write_counts()
        for cid in ("99", "0", "abc", "3x", "%E4%B8%AD"):
            with self.subTest(cid=cid):
                self.assertEqual(admin.post(f"/admin/counties/{cid}", {"csrf": token_of(admin), "min_days": "7",
                                                                      "grace_days": "7", "red_threshold": "5"}).status, 404)
        self.assertEqual(write_counts(), counts)

    def test_the_matrix_get_roles_anonymous_and_csrf(self):
        clients = {a: logged_in(a) for a in ("organizer", "master", "reviewer", "A123456789")}
        before, counts = county_row(3), write_counts()
        r = admin.get("/admin/counties/3")
        self.assertEqual(r.status, 405)
        self.assertEqual(r.header("allow"), "POST")
        for account, c in clients.items():
            with self.subTest(account=account):
                self.assertEqual(c.get("/admin/counties").status, 403)
                self.assertEqual(update_county(3, 1, 1, 1, client=c).status, 403)
        anonymous = Client()
        self.assertTrue(anonymous.get("/admin/counties").header("location").startswith("/login?next="))
        r = anonymous.post("/admin/counties/3", {"csrf": anonymous.csrf_from("/login"), "min_days": "1",
                                                 "grace_days": "1", "red_threshold": "1"})
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").startswith("/login?next="))
        for token in (None, "bogus", token_of(clients["organizer"])):
            with self.subTest(token=token):
                fields = {"min_days": "1", "grace_days": "1", "red_threshold": "1"}
                if token:
                    fields["csrf"] = token
                r = admin.post("/admin/counties/3", fields)
                self.assertEqual(r.status, 403)
        self.assertEqual(county_row(3), before)
        self.assertEqual(write_counts(), counts)


class ReturnReasons(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.organizer = logged_in("organizer")
        cls.reviewer = logged_in("reviewer")

    def add(self, label, needs_text=False, client=None):
        client = client or admin
        fields = {"csrf": token_of(client), "label": label}
        if needs_text:
            fields["needs_text"] = "1"
        r = client.post("/admin/reasons", fields)
        if r.status == 303:
            REASONS.append(sql_value(f"SELECT id FROM return_reason WHERE label = '{label}'"))
        return r

    def offered(self):
        code = create_course(self.organizer, unique("理由清單"))
        CREATED.append(code)
        return code, reason_ids(self.reviewer.get(f"/review/courses/{code}").text)

    def test_the_list_holds_the_configured_reasons(self):
        r = admin.get("/admin/reasons")
        self.assertEqual(r.status, 200)
        for label in ("A. 請移除屬性標籤", "B. 依據文號缺漏或錯誤", "G. 重複登錄", "H. 屬第9條不予採計之研習活動", "Z. 其他"):
            self.assertIn(label, r.text)
        self.assertRegex(r.text, r"Z\. 其他.*?需填說明")

    def test_a_new_reason_is_offered_to_reviewers_and_a_disabled_one_no_longer(self):
        label = unique("I. 研習地點不符")
        r = self.add(label)
        self.assertEqual(r.status, 303)
        self.assertIn(label, admin.get("/admin/reasons").text)
        code, offered = self.offered()
        self.assertIn(label, offered)
        rid = offered[label]
        r = admin.post(f"/admin/reasons/{rid}/toggle", {"csrf": token_of(admin)})
        self.assertEqual(r.status, 303)
        self.assertEqual(sql_value(f"SELECT active FROM return_reason WHERE id = {rid}"), "0")
        self.assertNotIn(label, reason_ids(self.reviewer.get(f"/review/courses/{code}").text))
        self.assertIn("已停用", admin.get("/admin/reasons").text)
        # A reviewer's stale form naming the disabled reason returns nothing.
        counts = write_counts()
        r = self.reviewer.post(f"/review/courses/{code}/return", [("csrf", token_of(self.reviewer)), ("reason", rid)])
        self.assertEqual(r.status, 422)
        self.assertEqual(portal.course_state(code), "unconfirmed")
        self.assertEqual(write_counts(), counts)
        self.assertEqual(admin.post(f"/admin/reasons/{rid}/toggle", {"csrf": token_of(admin)}).status, 303)
        self.assertIn(label, reason_ids(self.reviewer.get(f"/review/courses/{code}").text))

    def test_a_reason_that_needs_text_needs_the_reviewers_note(self):
        label = unique("J. 其他說明")
        self.assertEqual(self.add(label, needs_text=True).status, 303)
        code, offered = self.offered()
        counts = write_counts()
        r = self.reviewer.post(f"/review/courses/{code}/return",
                               [("csrf", token_of(self.reviewer)), ("reason", offered[label]), ("note", "")])
        self.assertEqual(r.status, 422)
        self.assertIn("請在說明欄寫明理由", r.text)
        self.assertEqual(write_counts(), counts)

    def test_bad_or_duplicate_labels_are_refused_and_change_nothing(self):
        counts = write_counts()
        for label, status in (("", 422), ("   ", 422), ("理" * 101, 422), ("A. 請移除屬性標籤", 409)):
            with self.subTest(label=label[:5], status=status):
                r = self.add(label)
                self.assertEqual(r.status, status)
        self.assertEqual(write_counts(), counts)

    def test_the_matrix_for_reasons(self):
        clients = {a: logged_in(a) for a in ("organizer", "reviewer", "A123456789")}
        counts = write_counts()
        rid = sql_value("SELECT id FROM return_reason WHERE label = 'A. 請移除屬性標籤'")
        self.assertEqual(admin.get(f"/admin/reasons/{rid}/toggle").status, 405)
        for account, c in clients.items():
            with self.subTest(account=account):
                self.assertEqual(c.get("/admin/reasons").status, 403)
                self.assertEqual(self.add(unique("越權理由"), client=c).status, 403)
                self.assertEqual(c.post(f"/admin/reasons/{rid}/toggle", {"csrf": token_of(c)}).status, 403)
        for path, fields in (("/admin/reasons", {"label": unique("無權杖理由")}), (f"/admin/reasons/{rid}/toggle", {})):
            with self.subTest(path=path):
                self.assertEqual(admin.post(path, fields).status, 403)
                anonymous = Client()
                r = anonymous.post(path, dict(fields, csrf=anonymous.csrf_from("/login")))
                self.assertEqual(r.status, 303)
                self.assertTrue(r.header("location").startswith("/login?next="))
        for bad in ("99999", "abc", "0"):
            with self.subTest(id=bad):
                self.assertEqual(admin.post(f"/admin/reasons/{bad}/toggle", {"csrf": token_of(admin)}).status, 404)
        self.assertEqual(sql_value(f"SELECT active FROM return_reason WHERE id = {rid}"), "1")
        self.assertEqual(write_counts(), counts)


if __name__ == "__main__":
    portal.main()
