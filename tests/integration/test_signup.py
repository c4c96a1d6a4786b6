"""使用者帳號申請 and forgotten passwords (issue 10, teachers): a sign-up makes a working 在職
account of its unit at once and mails a single-use confirmation link; bad input is refused with
its Chinese message and writes nothing; an ID that already has an account gets the very same
answer, and only that account's mailbox hears of it; a reset link works once, for 30 minutes of
the database clock, and ends every session of the teacher.

Every teacher made here is named with PREFIX and deleted at the end.
"""
import hashlib
import html
import re
import time
import unittest

import portal
from portal import Client, field_error, flash_of, sql, sql_value, unique, wait_for_mail

PREFIX = "申請測試"
PASSWORD = "long-enough-pw"
CONFIRM_SUBJECT = "教師個人帳號申請：請確認電子郵件信箱"
EXISTING_SUBJECT = "此身分證字號已申請帳號"
RESET_SUBJECT = "重設登入密碼"
RECEIVED = "申請已受理，請至電子郵件信箱完成確認。"


fresh_id = portal.unused_national_id


def fresh_email():
    return unique("signup").lower().replace("_", "-") + "@example.edu.tw"


def signup_fields(nid, **overrides):
    fields = {"national_id": nid, "name": unique(PREFIX)[:20], "gender": "F", "birth_date": "1984-05-12",
              "email": fresh_email(), "phone": "03-4512345", "school_code": "034525",
              "position_category": "substitute", "title_name": "代理教師",
              "password": PASSWORD, "password_again": PASSWORD, "agree": "1"}
    fields.update(overrides)
    return {k: v for k, v in fields.items() if v is not None}


def sign_up(fields, client=None):
    client = client or Client()
    token = client.csrf_from("/signup")
    return client.post("/signup", dict(fields, csrf=token))


def mails_to(address, subject, count=1):
    deadline = time.monotonic() + 10
    while True:
        found = [m for m in wait_for_mail(subject, seconds=0) if address in str(m["To"])]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def link_in(mail, path):
    m = re.search(r"https?://[^/\s]+(" + re.escape(path) + r"[A-Za-z0-9_-]+)", mail.get_content())
    assert m, mail.get_content()
    return m.group(1)


def main_text(page):
    """The page's <main>, where every answer of these forms is."""
    m = re.search(r"<main[^>]*>(.*)</main>", page.text, re.S)
    return m.group(1) if m else page.text


def counts():
    return sql("SELECT (SELECT COUNT(*) FROM teacher), (SELECT COUNT(*) FROM account_token),"
               " (SELECT COUNT(*) FROM mail_outbox), (SELECT COUNT(*) FROM web_session WHERE teacher_id IS NOT NULL)")


def setUpModule():
    portal.start_mail_sink()


def tearDownModule():
    for (tid,) in sql(f"SELECT id FROM teacher WHERE name LIKE '{PREFIX}%'"):
        portal.delete_teacher(tid)


class SignUp(unittest.TestCase):
    def test_a_new_teacher_can_log_in_at_once_and_confirms_the_address_once(self):
        nid, fields = fresh_id(), None
        fields = signup_fields(nid)
        r = sign_up(fields)
        self.assertEqual(r.status, 200, r.text[:500])
        self.assertIn(RECEIVED, html.unescape(r.text))
        row = sql(f"SELECT t.name, t.gender, t.birth_date, t.email, t.phone, u.code, t.position_category,"
                  f" t.title_name, t.employment, IFNULL(t.email_confirmed_at, 'NULL'), t.password_hash"
                  f" FROM teacher t JOIN unit u ON u.id = t.unit_id WHERE {portal.nid_where(nid, 't')}")[0]
        self.assertEqual(row[:10], [fields["name"], "F", "1984-05-12", fields["email"], "03-4512345", "034525",
                                    "substitute", "代理教師", "active", "NULL"])
        self.assertTrue(row[10].startswith("$argon2id$"), row[10])
        # 第4條: the account works before the address is confirmed.
        c = Client()
        self.assertEqual(c.login(nid, PASSWORD).status, 303)
        self.assertEqual(c.get("/teacher").status, 200)

        mails = mails_to(fields["email"], CONFIRM_SUBJECT)
        self.assertEqual(len(mails), 1)
        path = link_in(mails[0], "/signup/confirm/")
        token = path.rsplit("/", 1)[1]
        # Only the digest is stored.
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM account_token WHERE token_sha256 = "
                                   f"'{hashlib.sha256(token.encode()).hexdigest()}'"), "1")
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM account_token WHERE token_sha256 = '{token}'"), "0")
        first = Client().get(path)
        self.assertEqual(first.status, 200)
        self.assertIn("電子郵件信箱已確認", first.text)
        self.assertNotEqual(sql_value(f"SELECT IFNULL(email_confirmed_at, 'NULL') FROM teacher"
                                      f" WHERE {portal.nid_where(nid)}"), "NULL")
        again = Client().get(path)
        self.assertEqual(again.status, 410)
        self.assertIn("此確認連結已使用過、已過期或不正確", again.text)
        self.assertEqual(Client().get("/signup/confirm/" + "x" * 43).status, 410)

    def test_the_form_is_linked_from_home_and_login(self):
        for page in ("/", "/login"):
            self.assertIn('href="/signup"', Client().get(page).text, page)
        self.assertIn('href="/password/forgot"', Client().get("/login").text)

    def test_every_bad_input_gets_its_message_and_writes_nothing(self):
        nid = fresh_id()
        cases = [
            ({"national_id": ""}, "national_id", "請填寫「身分證字號（或居留證號）」"),
            ({"national_id": nid[:-1] + str((int(nid[-1]) + 1) % 10)}, "national_id", "最後一碼檢查碼"),
            ({"national_id": "Ａ123456789"}, "national_id", "格式不正確"),
            ({"name": ""}, "name", "姓名"),
            ({"gender": "Q"}, "gender", "性別"),
            ({"birth_date": "2999-01-01"}, "birth_date", "出生日期不正確"),
            ({"birth_date": "1984-13-40"}, "birth_date", "出生日期"),
            ({"email": "not-an-address"}, "email", "電子郵件格式不正確"),
            ({"phone": ""}, "phone", "聯絡電話"),
            ({"school_code": "999999"}, "school_code", "查無此學校代碼"),
            ({"school_code": "380000"}, "school_code", "查無此學校代碼"),  # a review body, not a school
            ({"position_category": "boss"}, "position_category", "職位類別"),
            ({"password": "short-pw", "password_again": "short-pw"}, "password", "密碼至少需 10 個字元。"),
            ({"password": "x" + nid.lower(), "password_again": "x" + nid.lower()}, "password",
             "密碼不可包含身分證字號（或居留證號）。"),
            ({"password": "pw19840512", "password_again": "pw19840512"}, "password", "密碼不可包含出生日期"),
            ({"password": "pw-0730512", "password_again": "pw-0730512"}, "password", "密碼不可包含出生日期"),
            ({"password_again": PASSWORD + "x"}, "password_again", "兩次輸入的密碼不一致"),
            ({"agree": None}, "agree", "請詳閱並勾選同意帳號使用同意書。"),
        ]
        for overrides, field, message in cases:
            with self.subTest(overrides=overrides):
                before = counts()
                fields = signup_fields(nid, **overrides)
                r = sign_up(fields)
                self.assertEqual(r.status, 422, r.text[:300])
                shown = field_error(r.text, field)
                self.assertIsNotNone(shown, f"no error beside {field}")
                self.assertIn(message, html.unescape(shown))
                self.assertEqual(counts(), before)
                # What was typed stays, the password never comes back.
                if field != "name":
                    self.assertIn(html.escape(fields["name"]), r.text)
                self.assertNotIn(PASSWORD, r.text)

    def test_a_known_id_gets_the_same_answer_and_only_its_mailbox_hears_of_it(self):
        tid, nid = portal.new_teacher(name=unique(PREFIX)[:20])
        owner_mail = fresh_email()
        sql(f"UPDATE teacher SET email = '{owner_mail}' WHERE id = {tid}")
        before_hash = sql_value(f"SELECT password_hash FROM teacher WHERE id = {tid}")
        client = Client()
        typed_mail, new_mail = fresh_email(), fresh_email()
        known = sign_up(signup_fields(nid, email=typed_mail, name="冒用者"), client)
        unknown_id = fresh_id()
        started = time.monotonic()
        unknown = sign_up(signup_fields(unknown_id, email=new_mail), client)
        unknown_time = time.monotonic() - started
        started = time.monotonic()
        sign_up(signup_fields(nid, email=typed_mail, name="冒用者"), client)
        known_time = time.monotonic() - started
        self.assertEqual(known.status, unknown.status)
        self.assertEqual(main_text(known), main_text(unknown))
        self.assertEqual(known.text, unknown.text)
        # Both run the Argon2 hash: the known ID is not the quick one.
        self.assertGreater(known_time, unknown_time * 0.5, (known_time, unknown_time))
        # Nothing of the account changed, nothing was made for the typed address.
        self.assertEqual(sql(f"SELECT name, email, password_hash FROM teacher WHERE id = {tid}")[0],
                         [sql_value(f"SELECT name FROM teacher WHERE id = {tid}"), owner_mail, before_hash])
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM account_token WHERE teacher_id = {tid}"), "0")
        told = mails_to(owner_mail, EXISTING_SUBJECT, count=2)
        self.assertEqual(len(told), 2)
        self.assertIn("/password/forgot", told[0].get_content())
        self.assertEqual(mails_to(typed_mail, "", count=1), [])
        self.assertEqual(len(mails_to(new_mail, CONFIRM_SUBJECT)), 1)


class ForgottenPassword(unittest.TestCase):
    def setUp(self):
        self.tid, self.nid = portal.new_teacher(name=unique(PREFIX)[:20])
        self.email = fresh_email()
        sql(f"UPDATE teacher SET email = '{self.email}', birth_date = '1984-05-12' WHERE id = {self.tid}")

    def ask(self, nid, email, client=None):
        client = client or Client()
        token = client.csrf_from("/password/forgot")
        return client.post("/password/forgot", {"csrf": token, "national_id": nid, "email": email})

    def reset_link(self):
        self.assertEqual(self.ask(self.nid.lower(), self.email.upper()).status, 200)
        mails = mails_to(self.email, RESET_SUBJECT)
        self.assertEqual(len(mails), 1)
        return link_in(mails[-1], "/password/reset/")

    def reset(self, path, password, again=None, client=None):
        client = client or Client()
        page = client.get(path)
        if page.status != 200:
            return page
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        return client.post(path, {"csrf": token, "password": password,
                                  "password_again": password if again is None else again})

    def test_same_answer_whether_or_not_id_and_email_match(self):
        client = Client()
        match = self.ask(self.nid, self.email, client)
        wrong_mail = self.ask(self.nid, fresh_email(), client)
        no_such = self.ask(fresh_id(), self.email, client)
        self.assertEqual({match.status, wrong_mail.status, no_such.status}, {200})
        self.assertEqual(match.text, wrong_mail.text)
        self.assertEqual(match.text, no_such.text)
        self.assertEqual(len(mails_to(self.email, RESET_SUBJECT, count=2)), 1)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM account_token WHERE teacher_id = {self.tid}"), "1")

    def test_bad_input_is_refused_with_its_message(self):
        for nid, email, field, message in ((self.nid[:-1] + "0" if self.nid[-1] != "0" else self.nid[:-1] + "1",
                                            self.email, "national_id", "格式不正確"),
                                           (self.nid, "nobody", "email", "電子郵件格式不正確"),
                                           ("", self.email, "national_id", "請填寫")):
            with self.subTest(nid=nid, email=email):
                before = counts()
                r = self.ask(nid, email)
                self.assertEqual(r.status, 422)
                self.assertIn(message, html.unescape(field_error(r.text, field) or ""))
                self.assertEqual(counts(), before)

    def test_reset_sets_the_password_once_and_ends_every_session(self):
        elsewhere = Client()
        self.assertEqual(elsewhere.login(self.nid).status, 303)
        self.assertEqual(elsewhere.get("/teacher").status, 200)
        path = self.reset_link()
        # The rules of a new password hold here too; a refusal keeps the link alive.
        refused = self.reset(path, "pw19840512")
        self.assertEqual(refused.status, 422)
        self.assertIn("密碼不可包含出生日期", html.unescape(field_error(refused.text, "password")))
        self.assertEqual(self.reset(path, self.nid + "xyz").status, 422)
        self.assertEqual(self.reset(path, "new-password-1", "other-password").status, 422)

        done = self.reset(path, "new-password-1")
        self.assertEqual(done.status, 303)
        self.assertEqual(done.header("location"), "/login")
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM web_session WHERE teacher_id = {self.tid}"), "0")
        self.assertEqual(elsewhere.get("/teacher").status, 303)  # sent to log in again
        self.assertEqual(Client().login(self.nid).status, 422)   # the old password is gone
        self.assertEqual(Client().login(self.nid, "new-password-1").status, 303)

        again = self.reset(path, "another-password-2")
        self.assertEqual(again.status, 410)
        self.assertIn("此連結已使用過、已超過 30 分鐘或不正確", again.text)
        self.assertEqual(Client().login(self.nid, "new-password-1").status, 303)

    def test_a_link_older_than_30_minutes_is_refused(self):
        path = self.reset_link()
        key = hashlib.sha256(path.rsplit("/", 1)[1].encode()).hexdigest()
        expires = sql_value(f"SELECT TIMESTAMPDIFF(MINUTE, NOW(), expires_at) FROM account_token"
                            f" WHERE token_sha256 = '{key}'")
        self.assertIn(expires, ("29", "30"))
        sql(f"UPDATE account_token SET expires_at = NOW() - INTERVAL 1 SECOND WHERE token_sha256 = '{key}'")
        before = sql_value(f"SELECT password_hash FROM teacher WHERE id = {self.tid}")
        self.assertEqual(Client().get(path).status, 410)
        c = Client()
        token = c.csrf_from("/password/forgot")
        r = c.post(path, {"csrf": token, "password": "new-password-1", "password_again": "new-password-1"})
        self.assertEqual(r.status, 410)
        self.assertEqual(sql_value(f"SELECT password_hash FROM teacher WHERE id = {self.tid}"), before)


if __name__ == "__main__":
    portal.main()
