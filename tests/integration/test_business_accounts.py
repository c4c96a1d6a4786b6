"""業務帳號 (issue 10, 第4條): an application cannot log in until the right person approves it — a 承辦人
by its unit's 總負責人, a 總負責人 by the reviewer of its unit's region — and the applicant is mailed
either way; the 總負責人's 帳號管理 disables, re-enables and deletes the unit's 承辦人 (deletion only
when every course is 名單確認通過 or 課程登錄錯誤, the blocking courses listed otherwise), never its own
account; every action is on the page's trail. Each refusal (wrong role, other unit, other region, no
CSRF, bad input, a taken name) changes nothing.
"""
import re
import time
import unittest

import portal
from portal import Client, logged_in, main, sql, sql_value, token_of, unique

UNIT, UNIT_CODE = 4, "034525"         # 內壢國中: `master`'s unit, reviewed by `reviewer` (桃園市政府教育局)
OTHER_UNIT, OTHER_CODE = 5, "034614"  # 內壢國小, also 桃園市
PASSWORD = "biz-account-pw-2026"
CSRF_MESSAGE = "表單已過期或來源不明，請重新整理頁面後再送出一次。"
MADE_NAMES = []
MADE_UNITS = []


def fresh_name(prefix="biz"):
    name = unique(prefix).lower()
    MADE_NAMES.append(name)
    return name


def application(**overrides):
    name = overrides.pop("account_name", None) or fresh_name()
    fields = {"account_name": name, "display_name": "申請測試", "unit": UNIT_CODE, "kind": "organizer",
              "phone": "03-4512345#299", "email": f"{name.replace('-', '')}@example.edu.tw",
              "password": PASSWORD, "password_again": PASSWORD, "agree": "1"}
    fields.update(overrides)
    return {k: v for k, v in fields.items() if v is not None}


def apply(fields, csrf=True):
    c = Client()
    token = c.csrf_from("/accounts/apply")
    return c.post("/accounts/apply", ([("csrf", token)] if csrf else []) + list(fields.items()))


def applied(**overrides):
    """Applies through the form; returns (account id, its fields)."""
    fields = application(**overrides)
    r = apply(fields)
    if r.status != 200:
        raise AssertionError(f"application answered {r.status}: {re.findall(r'field-error[^>]*>([^<]*)', r.text)}")
    return int(sql_value(f"SELECT id FROM business_account WHERE account_name = '{fields['account_name']}'")), fields


def row_of(aid):
    return sql(f"SELECT approved_at IS NOT NULL, refused_at IS NOT NULL, disabled_at IS NOT NULL,"
               f" deleted_at IS NOT NULL, IFNULL(refusal_reason, 'NULL') FROM business_account WHERE id = {int(aid)}")[0]


PENDING = ["0", "0", "0", "0", "NULL"]
ACTIVE = ["1", "0", "0", "0", "NULL"]
DISABLED = ["1", "0", "1", "0", "NULL"]


def counts():
    return sql("SELECT (SELECT COUNT(*) FROM business_account), (SELECT COUNT(*) FROM audit_log),"
               " (SELECT COUNT(*) FROM mail_outbox), (SELECT COUNT(*) FROM web_session)")[0]


def audit_of(aid):
    return [r[:2] for r in sql(f"SELECT actor, action, IFNULL(detail, '') FROM audit_log"
                               f" WHERE object = 'b:{int(aid)}' ORDER BY id")]


def mail_to(address, seconds=15):
    deadline = time.monotonic() + seconds
    while True:
        found = [m for m in portal.received_mail() if address in str(m["To"] or "")]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def post(client, path, fields=()):
    return client.post(path, [("csrf", token_of(client))] + list(fields))


def state_on_page(html, aid):
    m = re.search(r'<tr data-account="' + str(aid) + r'" data-state="(\w+)">', html)
    return m.group(1) if m else None


def master_of(unit_id):
    """An approved 總負責人 of `unit_id`, made for this module; returns (client, id)."""
    name = fresh_name("bizmaster")
    aid = portal.new_business_account(name, unit_id=unit_id, kind="master")
    return logged_in(name), aid


def organizer_of(unit_id):
    name = fresh_name("bizorg")
    return name, portal.new_business_account(name, unit_id=unit_id, kind="organizer")


def tearDownModule():
    for uid in MADE_UNITS:  # first: its courses point at its accounts
        portal.delete_unit(uid)
    for name in MADE_NAMES:
        portal.delete_business_account(name)


class Apply(unittest.TestCase):
    def test_the_form_is_public_and_linked_from_login_and_the_directory(self):
        r = Client().get("/accounts/apply")
        self.assertEqual(r.status, 200)
        self.assertIn('name="csrf"', r.text)
        for path in ("/login", "/units/accounts"):
            self.assertIn('href="/accounts/apply"', Client().get(path).text, path)

    def test_bad_input_and_a_taken_name_are_refused_and_nothing_is_made(self):
        before = counts()
        cases = (
            ({"account_name": "organizer"}, "account_name", "已有人使用"),
            ({"account_name": "Organizer"}, "account_name", "已有人使用"),  # names are one case
            ({"account_name": "林承辦人"}, "account_name", "半形英文字母"),
            ({"account_name": "a123456789"}, "account_name", "身分證字號"),
            ({"account_name": "abc"}, "account_name", "4–40"),
            ({"password": "short-pw", "password_again": "short-pw"}, "password", "至少需 10 個字元"),
            ({"password_again": PASSWORD + "x"}, "password_again", "不一致"),
            ({"unit": "查無此校"}, "unit", "查無"),
            ({"unit": "內壢"}, "unit", OTHER_CODE),  # two schools: both named with their codes
            ({"kind": "reviewer"}, "kind", ""),
            ({"email": "not-an-address"}, "email", "格式不正確"),
            ({"agree": None}, "agree", "同意"),
            ({"display_name": ""}, "display_name", ""),
        )
        for overrides, field, words in cases:
            with self.subTest(field=field, overrides=overrides):
                fields = application(**overrides)
                r = apply(fields)
                self.assertEqual(r.status, 422)
                self.assertIn(f'id="{field}-error"', r.text)
                self.assertIn(words, r.text)
                self.assertIn("申請沒有送出", r.text)
                self.assertNotIn(PASSWORD, r.text)  # never shown again
                self.assertEqual(counts(), before)

    def test_without_the_csrf_token_nothing_is_made(self):
        before = counts()
        r = apply(application(), csrf=False)
        self.assertEqual(r.status, 403)
        self.assertIn(CSRF_MESSAGE, r.text)
        self.assertEqual(counts(), before)


class OrganizerApplication(unittest.TestCase):
    def test_cannot_log_in_until_its_units_master_approves_then_can(self):
        aid, fields = applied(unit="內壢國中")  # the short name finds 桃園市立內壢國民中學
        name, email = fields["account_name"], fields["email"]
        self.assertEqual(sql(f"SELECT unit_id, kind, LEFT(password_hash, 10) FROM business_account WHERE id = {aid}")[0],
                         [str(UNIT), "organizer", "$argon2id$"])
        self.assertEqual(row_of(aid), PENDING)
        self.assertEqual(audit_of(aid), [["-", "account.apply"]])
        r = Client().login(name, PASSWORD)
        self.assertEqual(r.status, 403)
        self.assertIn("尚未啟用", r.text)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM web_session WHERE account_id = {aid}"), "0")

        # Not the organizer's own master: another school's master, the region's reviewer, an
        # organizer, a teacher. Each refused, nothing changed.
        other_master, _ = master_of(OTHER_UNIT)
        reviewer, master = logged_in("reviewer"), logged_in("master")
        others = [logged_in(who) for who in ("organizer", "A123456789")]
        before = counts()
        self.assertEqual(post(other_master, f"/office/accounts/{aid}/approve").status, 404)
        self.assertNotIn(f'data-account="{aid}"', other_master.get("/office/accounts").text)
        self.assertEqual(post(reviewer, f"/review/accounts/{aid}/approve").status, 404)
        self.assertNotIn(f'data-account="{aid}"', reviewer.get("/review/accounts").text)
        for c in others:
            self.assertEqual(c.get("/office/accounts").status, 403)
            self.assertEqual(post(c, f"/office/accounts/{aid}/approve").status, 403)
        r = master.post(f"/office/accounts/{aid}/approve", [])  # no CSRF token
        self.assertEqual(r.status, 403)
        self.assertIn(CSRF_MESSAGE, r.text)
        self.assertEqual(row_of(aid), PENDING)
        self.assertEqual(counts(), before)

        page = master.get("/office/accounts").text
        self.assertEqual(state_on_page(page, aid), "pending")
        r = post(master, f"/office/accounts/{aid}/approve")
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("location"), "/office/accounts")
        self.assertEqual(row_of(aid), ACTIVE)
        master_id = sql_value("SELECT id FROM business_account WHERE account_name = 'master'")
        self.assertEqual(audit_of(aid)[-1], [f"b:{master_id}", "account.approve"])
        mails = mail_to(email)
        self.assertEqual(len(mails), 1)
        self.assertIn("業務帳號申請已核准", str(mails[0]["Subject"]))
        self.assertIn(name, mails[0].get_content())
        self.assertEqual(Client().login(name, PASSWORD).status, 303)
        # Twice: already decided.
        self.assertEqual(post(master, f"/office/accounts/{aid}/approve").status, 409)
        page = master.get("/office/accounts").text
        self.assertEqual(state_on_page(page, aid), "active")
        self.assertIn("核准", page)
        self.assertIn(sql_value(f"SELECT display_name FROM business_account WHERE id = {master_id}"), page)

    def test_a_refusal_needs_a_reason_is_mailed_and_the_account_never_logs_in(self):
        aid, fields = applied()
        master = logged_in("master")
        before = counts()
        r = post(master, f"/office/accounts/{aid}/refuse", [("reason", "  ")])
        self.assertEqual(r.status, 422)
        self.assertIn('id="reason-error"', r.text)
        self.assertEqual(row_of(aid), PENDING)
        self.assertEqual(counts(), before)
        reason = "非本校編制人員，請由教務處承辦人申請"
        r = post(master, f"/office/accounts/{aid}/refuse", [("reason", reason)])
        self.assertEqual(r.status, 303)
        self.assertEqual(row_of(aid), ["0", "1", "0", "0", reason])
        mails = mail_to(fields["email"])
        self.assertEqual(len(mails), 1)
        self.assertIn("未獲核准", str(mails[0]["Subject"]))
        self.assertIn(reason, mails[0].get_content())
        r = Client().login(fields["account_name"], PASSWORD)
        self.assertEqual(r.status, 403)
        self.assertIn("未獲核准", r.text)
        self.assertEqual(post(master, f"/office/accounts/{aid}/approve").status, 409)
        self.assertEqual(row_of(aid)[:2], ["0", "1"])
        page = master.get("/office/accounts").text
        self.assertEqual(state_on_page(page, aid), "refused")
        self.assertIn(reason, page)
        # The refused name stays taken.
        r = apply(application(account_name=fields["account_name"]))
        self.assertEqual(r.status, 422)
        self.assertIn("已有人使用", r.text)


class MasterApplication(unittest.TestCase):
    def test_only_the_reviewer_of_the_units_region_decides_it(self):
        aid, fields = applied(unit=OTHER_CODE, kind="master")
        master, fellow, other_region, reviewer = (logged_in("master"), master_of(OTHER_UNIT)[0],
                                                  logged_in("reviewer2"), logged_in("reviewer"))
        before = counts()
        # Not the masters (of another school, of the school itself), not the reviewer of another county.
        self.assertEqual(post(master, f"/office/accounts/{aid}/approve").status, 404)
        page = fellow.get("/office/accounts").text
        self.assertEqual(state_on_page(page, aid), "pending")
        self.assertIn("由貴單位所屬的審課單位核准", page)
        self.assertEqual(post(fellow, f"/office/accounts/{aid}/approve").status, 403)
        self.assertNotIn(f'data-account="{aid}"', other_region.get("/review/accounts").text)
        self.assertEqual(post(other_region, f"/review/accounts/{aid}/approve").status, 404)
        self.assertEqual(post(other_region, f"/review/accounts/{aid}/refuse", [("reason", "x")]).status, 404)
        self.assertEqual(master.get("/review/accounts").status, 403)
        self.assertEqual(reviewer.post(f"/review/accounts/{aid}/approve", []).status, 403)  # no CSRF
        self.assertEqual(row_of(aid), PENDING)
        self.assertEqual(counts(), before)
        page = reviewer.get("/review/accounts").text
        self.assertIn(f'<tr data-account="{aid}">', page)
        self.assertIn(fields["account_name"], page)
        r = post(reviewer, f"/review/accounts/{aid}/approve")
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("location"), "/review/accounts")
        self.assertEqual(row_of(aid), ACTIVE)
        self.assertIn("已核准", str(mail_to(fields["email"])[0]["Subject"]))
        c = Client()
        self.assertEqual(c.login(fields["account_name"], PASSWORD).status, 303)
        self.assertEqual(c.get("/office/accounts").status, 200)  # a 總負責人 now
        self.assertNotIn(f'<tr data-account="{aid}">', reviewer.get("/review/accounts").text)

    def test_the_reviewer_refuses_with_a_reason(self):
        aid, fields = applied(unit=OTHER_CODE, kind="master")
        reviewer = logged_in("reviewer")
        r = post(reviewer, f"/review/accounts/{aid}/refuse", [])
        self.assertEqual(r.status, 422)
        self.assertIn('id="reason-error"', r.text)
        self.assertEqual(row_of(aid), PENDING)
        r = post(reviewer, f"/review/accounts/{aid}/refuse", [("reason", "請檢附學校公文")])
        self.assertEqual(r.status, 303)
        self.assertEqual(row_of(aid)[:2], ["0", "1"])
        self.assertIn("請檢附學校公文", mail_to(fields["email"])[0].get_content())

    def test_the_demo_applications_wait_for_the_demo_master_and_reviewer(self):
        self.assertIn('data-account="7"', logged_in("master").get("/office/accounts").text)
        self.assertIn("new-master", logged_in("reviewer").get("/review/accounts").text)
        self.assertNotIn("new-master", logged_in("reviewer2").get("/review/accounts").text)


def approver(unit_id, kind, email=True, approved=True, disabled=False):
    """A business account made for this module, with an address of its own; returns that address."""
    name = fresh_name("bizapprover")
    aid = portal.new_business_account(name, unit_id=unit_id, kind=kind, approved=approved)
    address = f"{name}@example.edu.tw" if email else None
    sql(f"UPDATE business_account SET email = {'NULL' if address is None else repr(address)},"
        f" disabled_at = {'NOW()' if disabled else 'NULL'} WHERE id = {aid}")
    return address


def told_of(display_name):
    """Who the application of `display_name` was mailed to, besides the applicant."""
    return {r[0] for r in sql(f"SELECT to_addr FROM mail_outbox WHERE subject LIKE '%業務帳號申請待審核%'"
                              f" AND subject LIKE '%{display_name}%'")}


class ApproverMail(unittest.TestCase):
    """Those who may decide a new application are mailed at once, by the rule the approval pages use
    (domain::may_decide_application); when nobody can, the applicant is told whom to ask."""

    def test_an_organizer_application_mails_its_units_enabled_masters_and_nobody_else(self):
        uid = portal.new_unit("通知測試國中")
        MADE_UNITS.append(uid)
        code = sql_value(f"SELECT code FROM unit WHERE id = {uid}")
        first, second = approver(uid, "master"), approver(uid, "master")
        approver(uid, "master", disabled=True)
        approver(uid, "master", approved=False)
        approver(uid, "organizer")
        approver(OTHER_UNIT, "master")
        display = unique("通知承辦")[:20]
        r = apply(application(unit=code, display_name=display))
        self.assertEqual(r.status, 200)
        self.assertEqual(told_of(display), {first, second})
        self.assertIn('id="notified"', r.text)
        self.assertNotIn('id="no-master"', r.text)
        mail = [m for m in mail_to(first) if display in str(m["Subject"])]
        self.assertEqual(len(mail), 1)
        body = mail[0].get_content()
        self.assertIn("/office/accounts", body)
        self.assertIn("03-4512345#299", body)  # the applicant's office phone, to check who it is

    def test_a_master_application_mails_the_reviewers_of_its_units_region(self):
        display = unique("通知總負責")[:20]
        r = apply(application(unit=OTHER_CODE, kind="master", display_name=display))
        self.assertEqual(r.status, 200)
        # 內壢國小 is reviewed by 桃園市政府教育局: 陳審課, not 臺中市's, 國教署's or the national centre's.
        self.assertEqual(told_of(display), {"reviewer@example.gov.tw"})
        self.assertIn("審課單位「桃園市政府教育局」的審課人員", r.text)
        self.assertIn("陳審課", re.search(r'id="notified">(.*?)</p>', r.text).group(1))
        mail = [m for m in mail_to("reviewer@example.gov.tw") if display in str(m["Subject"])]
        self.assertIn("/review/accounts", mail[0].get_content())

    def test_when_nobody_can_approve_the_confirmation_says_whom_to_ask(self):
        # A school of 南投縣, whose 教育處 the demo does not have.
        school = portal.new_unit("通知測試國小", county_id=13, level="elementary", ownership="county",
                                 authority_unit_id=None)
        MADE_UNITS.append(school)
        code = sql_value(f"SELECT code FROM unit WHERE id = {school}")
        display = unique("無人審核")[:20]
        r = apply(application(unit=code, display_name=display))
        self.assertEqual(r.status, 200)
        self.assertIn('id="no-master"', r.text)
        r = apply(application(unit=code, kind="master", display_name=display))
        self.assertIn("尚未對應到審課單位", re.search(r'id="no-reviewer">(.*?)</p>', r.text).group(1))
        self.assertEqual(told_of(display), set())

        bureau = portal.new_unit("南投縣通知測試教育處", county_id=13, level="review_body", ownership="county",
                                 authority_unit_id=None)
        MADE_UNITS.insert(0, bureau)
        sql(f"UPDATE unit SET is_review_unit = TRUE, review_role = 'county_bureau' WHERE id = {bureau}")
        approver(bureau, "reviewer", disabled=True)
        r = apply(application(unit=code, kind="master", display_name=display))
        note = re.search(r'id="no-reviewer">(.*?)</p>', r.text).group(1)
        self.assertIn("審課單位「南投縣通知測試教育處」目前沒有啟用中的審課人員", note)
        self.assertEqual(told_of(display), set())

        reviewer = approver(bureau, "reviewer")
        r = apply(application(unit=code, kind="master", display_name=display))
        self.assertNotIn('id="no-reviewer"', r.text)
        self.assertEqual(told_of(display), {reviewer})


class Manage(unittest.TestCase):
    def test_disable_and_enable_keep_the_history(self):
        name, aid = organizer_of(UNIT)
        organizer = logged_in(name)
        master = logged_in("master")
        r = post(master, f"/office/accounts/{aid}/disable")
        self.assertEqual(r.status, 303)
        self.assertEqual(row_of(aid), DISABLED)
        self.assertEqual(organizer.get("/office").status, 303)  # its session ended
        r = Client().login(name)
        self.assertEqual(r.status, 403)
        self.assertIn("已停用", r.text)
        self.assertEqual(post(master, f"/office/accounts/{aid}/disable").status, 409)
        self.assertEqual(state_on_page(master.get("/office/accounts").text, aid), "disabled")
        r = post(master, f"/office/accounts/{aid}/enable")
        self.assertEqual(r.status, 303)
        self.assertEqual(row_of(aid), ACTIVE)
        self.assertEqual(Client().login(name).status, 303)
        self.assertEqual(post(master, f"/office/accounts/{aid}/enable").status, 409)
        self.assertEqual([a for _, a in audit_of(aid)], ["account.disable", "account.enable"])
        page = master.get("/office/accounts").text
        trail = page.split('id="changes-heading"', 1)[1]
        self.assertLess(trail.index("重新啟用"), trail.index("停用</td>"))  # newest first

    def test_another_units_account_is_not_found_and_nothing_changes(self):
        name, aid = organizer_of(OTHER_UNIT)
        master = logged_in("master")
        before = counts()
        for action in ("disable", "enable", "delete", "approve", "refuse"):
            self.assertEqual(post(master, f"/office/accounts/{aid}/{action}", [("reason", "x")]).status, 404, action)
        for path in ("/office/accounts/99999999/disable", "/office/accounts/abc/disable"):
            self.assertEqual(post(master, path).status, 404, path)
        self.assertEqual(row_of(aid), ACTIVE)
        self.assertEqual(counts(), before)

    def test_a_master_cannot_disable_or_delete_itself_nor_another_master(self):
        master = logged_in("master")
        own = int(sql_value("SELECT id FROM business_account WHERE account_name = 'master'"))
        _, fellow = master_of(UNIT)
        before = counts()
        for aid in (own, fellow):
            for action in ("disable", "delete"):
                r = post(master, f"/office/accounts/{aid}/{action}")
                self.assertEqual(r.status, 403, (aid, action))
            self.assertEqual(row_of(aid), ACTIVE)
        self.assertEqual(counts(), before)
        self.assertIn("這是您本人的帳號", master.get("/office/accounts").text)

    def test_the_reviewer_of_the_region_disables_and_re_enables_its_masters(self):
        master, aid = master_of(OTHER_UNIT)  # 內壢國小, 桃園市: `reviewer`'s region
        name = sql_value(f"SELECT account_name FROM business_account WHERE id = {aid}")
        reviewer = logged_in("reviewer")
        page = reviewer.get("/review/accounts").text
        row = re.search(rf'<tr data-account="{aid}" data-state="active">.*?</tr>', page, re.S)
        self.assertIsNotNone(row, "the region's 總負責人 is listed")
        self.assertIn("雙因素驗證未啟用", row.group(0))
        self.assertNotIn("reviewer2", page)
        # Another region's reviewer, a 總負責人 and an unknown id: not found, nothing changes.
        other_region, its_master = logged_in("reviewer2"), logged_in("master")
        before = counts()
        self.assertEqual(post(other_region, f"/review/accounts/{aid}/disable").status, 404)
        self.assertEqual(post(reviewer, "/review/accounts/99999999/disable").status, 404)
        self.assertEqual(post(its_master, f"/review/accounts/{aid}/disable").status, 403)
        self.assertNotIn(f'data-account="{aid}"', other_region.get("/review/accounts").text)
        self.assertEqual(row_of(aid), ACTIVE)
        self.assertEqual(counts()[:3], before[:3])
        # A 承辦人 is the 總負責人's to manage, not the reviewer's.
        _, organizer = organizer_of(OTHER_UNIT)
        self.assertEqual(post(reviewer, f"/review/accounts/{organizer}/disable").status, 404)
        self.assertEqual(row_of(organizer), ACTIVE)

        r = post(reviewer, f"/review/accounts/{aid}/disable")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").endswith("/review/accounts"))
        self.assertEqual(row_of(aid), DISABLED)
        self.assertEqual(master.get("/office").status, 303)  # its session ended
        self.assertIn("已停用", Client().login(name).text)
        self.assertIn(f'data-account="{aid}" data-state="disabled"', reviewer.get("/review/accounts").text)
        self.assertEqual(post(reviewer, f"/review/accounts/{aid}/disable").status, 409)
        self.assertEqual(post(reviewer, f"/review/accounts/{aid}/enable").status, 303)
        self.assertEqual(row_of(aid), ACTIVE)
        reviewer_id = sql_value("SELECT id FROM business_account WHERE account_name = 'reviewer'")
        self.assertEqual(audit_of(aid), [[f"b:{reviewer_id}", "account.disable"], [f"b:{reviewer_id}", "account.enable"]])

    def test_deletion_waits_for_every_course_to_be_closed_or_deleted(self):
        unit = portal.new_unit("桃園市立帳號刪除測試國民中學")
        MADE_UNITS.append(unit)
        master, _ = master_of(unit)
        name, aid = organizer_of(unit)
        codes = [self.course(unit, aid, state) for state in ("roster_submitted", "closed", "deleted")]
        before = counts()
        r = post(master, f"/office/accounts/{aid}/delete")
        self.assertEqual(r.status, 409)
        blocked = r.text.split('id="blocked"', 1)[1].split("</section>", 1)[0]
        self.assertIn(f'href="/office/courses/{codes[0]}"', blocked)
        self.assertIn("資料上傳結束", blocked)
        for code in codes[1:]:
            self.assertNotIn(code, blocked)
        self.assertEqual(row_of(aid), ACTIVE)
        self.assertEqual(counts(), before)

        portal.set_course_state(codes[0], "closed")
        r = post(master, f"/office/accounts/{aid}/delete")
        self.assertEqual(r.status, 303)
        self.assertEqual(row_of(aid)[2:4], ["1", "1"])  # deleted, and so disabled
        r = Client().login(name)
        self.assertEqual(r.status, 403)
        self.assertIn("已刪除", r.text)
        page = master.get("/office/accounts").text
        self.assertEqual(state_on_page(page, aid), "deleted")
        self.assertIn("刪除", page)
        self.assertEqual(post(master, f"/office/accounts/{aid}/enable").status, 409)
        self.assertEqual(post(master, f"/office/accounts/{aid}/delete").status, 409)

    @staticmethod
    def course(unit, organizer_id, state):
        while True:
            code = f"58{portal.random.SystemRandom().randrange(10 ** 5):05d}"
            if sql_value(f"SELECT COUNT(*) FROM course WHERE code = '{code}'") == "0":
                break
        sql("INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, category_id, levels, outline,"
            " seats_per_class, online_seats, contact1_name, contact1_phone, contact1_email, state, first_date,"
            f" last_date, enrol_online) VALUES ('{code}', {unit}, {organizer_id}, 2, '帳號刪除測試 {code}', 7,"
            f" 'junior_high', '帳號刪除測試。', 30, 30, '測試帳號', '03-4512345', 'del@example.edu.tw',"
            f" '{state}', CURDATE() - INTERVAL 20 DAY, CURDATE() - INTERVAL 20 DAY, FALSE)")
        return code

    def test_anonymous_visitors_are_sent_to_log_in(self):
        for path in ("/office/accounts", "/review/accounts"):
            r = Client().get(path)
            self.assertEqual(r.status, 303, path)
            self.assertTrue(r.header("location").startswith("/login"), path)


if __name__ == "__main__":
    main()
