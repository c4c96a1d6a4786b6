"""修改個人基本資料 (issue 10, teachers): /teacher/profile shows the 身分證字號 and name as registered
and does not edit them; a phone is saved at once, normalised; a new e-mail address takes effect only
through a single-use link valid 24 hours mailed to it, while the old address keeps working and is
told (without the link). A used, superseded or expired link says so and changes nothing; so does
bad input, a form without its CSRF token, and a business account. Neither change bumps the
teacher's cached homepage (trigger teacher_updated) or ends a session.

Teachers are made for each test (named with PREFIX) and deleted at the end.
"""
import re
import time
import unittest

import portal
from portal import Client, field_error, flash_of, input_value, logged_in, main, sql, sql_value, token_of, unique

PREFIX = "基本資料測試"
CSRF_MESSAGE = "表單已過期或來源不明，請重新整理頁面後再送出一次。"
NEW_SUBJECT = "請確認新的電子郵件信箱"
OLD_SUBJECT = "您的帳號正在變更電子郵件信箱"
DEAD_LINK = "此連結已使用過、已超過 24 小時或不正確，電子郵件信箱沒有變更。"


def setUpModule():
    portal.start_mail_sink()


def tearDownModule():
    for (tid,) in sql(f"SELECT id FROM teacher WHERE name LIKE '{PREFIX}%'"):
        portal.delete_teacher(tid)


def address(tag):
    return unique(tag).lower() + "@example.edu.tw"


def teacher():
    """A teacher of 內壢國中 with a confirmed address and a phone; returns (id, national_id, email)."""
    tid, nid = portal.new_teacher(name=unique(PREFIX)[:20])
    email = address("profile")
    sql(f"UPDATE teacher SET email = '{email}', email_confirmed_at = NOW(), phone = '0912-345-678' WHERE id = {tid}")
    return tid, nid, email


def row(tid):
    """What a profile change could touch: the teacher's row, its links, its sessions, the mail queue."""
    return (sql(f"SELECT email, IFNULL(email_confirmed_at, 'NULL'), IFNULL(phone, 'NULL'), home_version, name,"
                f" national_id_hmac, HEX(national_id_enc) FROM teacher WHERE id = {tid}")[0],
            sql(f"SELECT kind, IFNULL(email, ''), IFNULL(used_at, 'NULL'), expires_at FROM account_token"
                f" WHERE teacher_id = {tid} ORDER BY id"),
            sql_value(f"SELECT COUNT(*) FROM web_session WHERE teacher_id = {tid}"),
            sql_value("SELECT COUNT(*) FROM mail_outbox"))


def save(client, phone, email, csrf=True, password=portal.DEMO_PASSWORD):
    fields = [("phone", phone), ("email", email), ("current_password", password)]
    return client.post("/teacher/profile", ([("csrf", token_of(client))] if csrf else []) + fields)


def mails(to, subject, count=1, seconds=10):
    deadline = time.monotonic() + seconds
    while True:
        found = [m for m in portal.received_mail() if to in str(m["To"] or "") and subject in str(m["Subject"])]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def link_of(mail):
    m = re.search(r"https?://[^/\s]+(/email/confirm/[A-Za-z0-9_-]+)", mail.get_content())
    assert m, mail.get_content()
    return m.group(1)


def ask_change(client, phone, new_email):
    """Asks for a new address; returns the path of the link mailed to it."""
    r = save(client, phone, new_email)
    assert r.status == 303, (r.status, r.text[:300])
    return link_of(mails(new_email, NEW_SUBJECT)[0])


class Page(unittest.TestCase):
    def test_shows_the_registered_id_and_name_as_not_editable_and_is_linked_beside_the_password(self):
        tid, nid, email = teacher()
        client = logged_in(nid)
        self.assertIn('href="/teacher/profile"', client.get("/teacher").text)
        page = client.get("/teacher/profile")
        self.assertEqual(page.status, 200)
        self.assertIn(f'<dd id="national-id">{nid}</dd>', page.text)
        name = sql_value(f"SELECT name FROM teacher WHERE id = {tid}")
        self.assertIn(f'<dd id="registered-name">{name}</dd>', page.text)
        self.assertIn("身分證字號與姓名是申請帳號時登記的資料，不能在此修改", page.text)
        self.assertIsNone(input_value(page.text, "national_id"))
        self.assertIsNone(input_value(page.text, "name"))
        self.assertEqual(input_value(page.text, "phone"), "0912-345-678")
        self.assertEqual(input_value(page.text, "email"), email)
        self.assertIn("（已確認）", page.text)

    def test_the_demo_teacher_chou_has_a_change_waiting_for_its_link(self):
        page = logged_in("H223456788").get("/teacher/profile").text
        self.assertIn("chou.yijun@example.edu.tw", re.search(r'id="pending-email">(.*?)</p>', page, re.S).group(1))
        self.assertIn("h223@example.edu.tw", re.search(r'id="current-email">([^<]*)<', page).group(1))
        self.assertIn('id="new-email">chou.yijun@example.edu.tw<', Client().get("/email/confirm/demo-change-email-h223").text)

    def test_business_accounts_are_refused_and_anonymous_visitors_sent_to_log_in(self):
        tid, _, _ = teacher()
        before = row(tid)
        organizer = logged_in("organizer")
        self.assertEqual(organizer.get("/teacher/profile").status, 403)
        r = organizer.post("/teacher/profile", [("csrf", token_of(organizer)), ("phone", "03-4512345"),
                                                ("email", address("biz"))])
        self.assertEqual(r.status, 403)
        r = Client().get("/teacher/profile")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").startswith("/login"), r.header("location"))
        self.assertEqual(row(tid), before)
        self.assertNotIn('href="/teacher/profile"', organizer.get("/office").text)


class Phone(unittest.TestCase):
    def test_a_good_phone_is_saved_normalised_without_bumping_the_homepage_or_ending_sessions(self):
        tid, nid, email = teacher()
        client, elsewhere = logged_in(nid), logged_in(nid)
        version = sql_value(f"SELECT home_version FROM teacher WHERE id = {tid}")
        r = save(client, "（03）451-2345 分機 12", email)
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("location"), "/teacher/profile")
        page = client.get("/teacher/profile").text
        self.assertIn("聯絡電話已更新為 03-4512345#12", flash_of(page))
        self.assertEqual(input_value(page, "phone"), "03-4512345#12")
        self.assertEqual(sql_value(f"SELECT phone FROM teacher WHERE id = {tid}"), "03-4512345#12")
        self.assertEqual(sql_value(f"SELECT home_version FROM teacher WHERE id = {tid}"), version)
        self.assertEqual(elsewhere.get("/teacher").status, 200, "the other session goes on")
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM account_token WHERE teacher_id = {tid}"), "0")
        self.assertEqual(sql_value(f"SELECT action FROM audit_log WHERE actor = 't:{tid}' ORDER BY id DESC LIMIT 1"),
                         "profile.phone")
        # Left empty, it is removed; the same values again change nothing.
        self.assertEqual(save(client, "", email).status, 303)
        self.assertEqual(sql_value(f"SELECT IFNULL(phone, 'NULL') FROM teacher WHERE id = {tid}"), "NULL")
        before = row(tid)
        self.assertEqual(save(client, "", email).status, 303)
        self.assertIn("沒有變更", flash_of(client.get("/teacher/profile").text))
        self.assertEqual(row(tid), before)

    def test_a_bad_phone_or_address_is_refused_with_its_message_and_nothing_changes(self):
        tid, nid, email = teacher()
        client = logged_in(nid)
        before = row(tid)
        for phone, new_email, field, message in (
                ("4512345", email, "phone", "請加上區碼"),
                ("0912-345-67", email, "phone", "09 開頭的 10 碼"),
                ("02-2345678", address("bad"), "phone", "區碼 02 之後應為 8 碼"),
                ("03-4512345", "not-an-address", "email", "電子郵件格式不正確"),
                ("03-4512345", "", "email", "電子郵件")):
            with self.subTest(phone=phone, email=new_email):
                r = save(client, phone, new_email)
                self.assertEqual(r.status, 422)
                self.assertIn(message, field_error(r.text, field) or "")
                self.assertIn("基本資料沒有變更", r.text)
                self.assertEqual(input_value(r.text, "phone"), phone, "the input is kept")
        self.assertEqual(row(tid), before)

    def test_without_the_csrf_token_nothing_changes(self):
        tid, nid, _ = teacher()
        client = logged_in(nid)
        before = row(tid)
        r = save(client, "03-4512345", address("nocsrf"), csrf=False)
        self.assertEqual(r.status, 403)
        self.assertIn(CSRF_MESSAGE, r.text)
        r = client.post("/teacher/profile", [("csrf", token_of(logged_in("B223456782"))), ("phone", "03-4512345"),
                                             ("email", address("nocsrf"))])
        self.assertEqual(r.status, 403, "another session's token")
        self.assertEqual(row(tid), before)


class EmailChange(unittest.TestCase):
    def test_a_new_address_needs_the_current_password_and_a_wrong_one_counts_as_a_failed_login(self):
        tid, nid, _ = teacher()
        client = logged_in(nid)
        failures = lambda: int(sql_value(f"SELECT COUNT(*) FROM login_failure WHERE account_key = '{portal.account_key(nid)}'"))
        before, failed = row(tid), failures()
        r = save(client, "0912-345-678", address("nopassword"), password="")
        self.assertEqual(r.status, 422)
        self.assertIn("須輸入目前的登入密碼", field_error(r.text, "current_password"))
        self.assertEqual(row(tid), before)
        r = save(client, "0912-000-000", address("wrongpassword"), password="not-the-password")
        self.assertEqual(r.status, 422)
        self.assertIn("目前的密碼不正確", field_error(r.text, "current_password"))
        self.assertEqual(row(tid), before)  # the phone typed with it is not saved either
        self.assertEqual(failures(), failed + 1)
        self.assertNotIn("not-the-password", r.text)
        # The phone alone needs no password.
        self.assertEqual(save(client, "0912-000-000", sql_value(f"SELECT email FROM teacher WHERE id = {tid}"),
                              password="").status, 303)

    def test_the_new_address_takes_effect_only_through_its_link_and_the_old_one_is_told(self):
        tid, nid, old = teacher()
        new = address("newaddr")
        client = logged_in(nid)
        version = sql_value(f"SELECT home_version FROM teacher WHERE id = {tid}")
        r = save(client, "0912-345-678", new)
        self.assertEqual(r.status, 303)
        page = client.get("/teacher/profile").text
        self.assertIn(f"確認信已寄到 {new}", flash_of(page))
        self.assertIn('id="pending-email"', page)
        self.assertIn(new, page)
        # Until the link is followed the old address is the account's.
        self.assertEqual(sql(f"SELECT email, email_confirmed_at IS NOT NULL FROM teacher WHERE id = {tid}")[0],
                         [old, "1"])
        self.assertIn(old, re.search(r'id="current-email">([^<]*)<', page).group(1))
        self.assertEqual(sql(f"SELECT kind, email, used_at IS NULL,"
                             f" TIMESTAMPDIFF(MINUTE, NOW(), expires_at) BETWEEN 1438 AND 1440"
                             f" FROM account_token WHERE teacher_id = {tid}"), [["change_email", new, "1", "1"]])
        path = link_of(mails(new, NEW_SUBJECT)[0])
        token = path.rsplit("/", 1)[1]
        told = mails(old, OLD_SUBJECT)
        self.assertEqual(len(told), 1, "the old address is told once")
        body = told[0].get_content()
        self.assertNotIn("/email/confirm/", body)
        self.assertNotIn(token, body)
        self.assertNotIn(new, body)
        self.assertEqual(mails(old, NEW_SUBJECT, seconds=0), [], "the link goes only to the new address")

        # A reset link mailed to the old address before the change dies with it.
        sql(f"INSERT INTO account_token (kind, teacher_id, token_sha256, email, expires_at) VALUES"
            f" ('reset_password', {tid}, SHA2('{unique('reset')}', 256), '{old}', NOW() + INTERVAL 30 MINUTE)")
        # The link, opened in a browser that is not signed in: a page with a button, nothing changed yet.
        visitor = Client()
        page = visitor.get(path)
        self.assertEqual(page.status, 200)
        self.assertIn(f'<strong id="new-email">{new}</strong>', page.text)
        self.assertEqual(sql_value(f"SELECT email FROM teacher WHERE id = {tid}"), old)
        before = row(tid)
        r = visitor.post(path, [])
        self.assertEqual(r.status, 403, "the button's POST needs the CSRF token")
        self.assertEqual(row(tid), before)
        r = visitor.post(path, [("csrf", visitor.csrf_from(path))])
        self.assertEqual(r.status, 200, r.text[:300])
        self.assertIn(f"電子郵件信箱已變更為 {new}", r.text)
        self.assertEqual(sql(f"SELECT email, email_confirmed_at IS NOT NULL, home_version FROM teacher"
                             f" WHERE id = {tid}")[0], [new, "1", version])
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM account_token WHERE teacher_id = {tid} AND used_at IS NULL"),
                         "0")
        self.assertEqual(client.get("/teacher").status, 200, "the teacher's session goes on")
        self.assertNotIn('id="pending-email"', client.get("/teacher/profile").text)

        # Used: refused, and nothing changes, whoever follows it.
        after = row(tid)
        stranger = Client()
        for c, token in ((visitor, visitor.csrf_from("/login")), (client, token_of(client)),
                         (stranger, stranger.csrf_from("/login"))):
            self.assertEqual(c.get(path).status, 410)
            r = c.post(path, [("csrf", token)])
            self.assertEqual(r.status, 410)
            self.assertIn(DEAD_LINK, r.text)
        self.assertEqual(row(tid), after)

    def test_an_expired_link_is_refused_and_nothing_changes(self):
        tid, nid, old = teacher()
        new = address("expired")
        path = ask_change(logged_in(nid), "0912-345-678", new)
        sql(f"UPDATE account_token SET expires_at = NOW() - INTERVAL 1 MINUTE WHERE teacher_id = {tid}")
        before = row(tid)
        visitor = Client()
        r = visitor.get(path)
        self.assertEqual(r.status, 410)
        self.assertIn(DEAD_LINK, r.text)
        r = visitor.post(path, [("csrf", visitor.csrf_from("/login"))])
        self.assertEqual(r.status, 410)
        self.assertEqual(row(tid), before)
        self.assertEqual(sql_value(f"SELECT email FROM teacher WHERE id = {tid}"), old)
        self.assertNotIn('id="pending-email"', logged_in(nid).get("/teacher/profile").text)

    def test_only_the_newest_link_works_and_an_unknown_one_changes_nothing(self):
        tid, nid, old = teacher()
        client = logged_in(nid)
        first, second = address("first"), address("second")
        first_path = ask_change(client, "0912-345-678", first)
        second_path = ask_change(client, "0912-345-678", second)
        before = row(tid)
        visitor = Client()
        for path in (first_path, "/email/confirm/" + "x" * 43):
            self.assertEqual(visitor.get(path).status, 410)
            self.assertEqual(visitor.post(path, [("csrf", visitor.csrf_from("/login"))]).status, 410)
        self.assertEqual(row(tid), before)
        r = visitor.post(second_path, [("csrf", visitor.csrf_from(second_path))])
        self.assertEqual(r.status, 200)
        self.assertEqual(sql_value(f"SELECT email FROM teacher WHERE id = {tid}"), second)

    def test_a_phone_and_an_address_changed_together(self):
        tid, nid, old = teacher()
        new = address("both")
        client = logged_in(nid)
        r = save(client, "02 2345 6789", new)
        self.assertEqual(r.status, 303)
        flash = flash_of(client.get("/teacher/profile").text)
        self.assertIn("聯絡電話已更新為 02-23456789", flash)
        self.assertIn(f"確認信已寄到 {new}", flash)
        self.assertEqual(sql(f"SELECT phone, email FROM teacher WHERE id = {tid}")[0], ["02-23456789", old])


if __name__ == "__main__":
    main()
