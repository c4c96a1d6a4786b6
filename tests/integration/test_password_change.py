"""變更登入密碼 (issue 10) for teachers (/teacher/password) and business accounts (/account/password):
the current password is asked again and a wrong one counts as a failed login; the new one follows
the sign-up rules; on success the old password no longer logs in, every other session ends, this
one goes on under a new session id and the owner is mailed. Refusals change nothing. Accounts are
made for the module (the demo accounts keep their password).
"""
import unittest

import portal
from portal import DEMO_PASSWORD, Client, flash_of, logged_in, main, session_key, sql, sql_value, token_of, unique

NEW = "a-new-password-2026"
MADE = {}


def setUpModule():
    tid, nid = portal.new_teacher(name="改密碼測試教師")
    sql(f"UPDATE teacher SET email = 'password-{tid}@example.edu.tw', birth_date = '1984-05-12' WHERE id = {tid}")
    name = unique("pwchange").replace("-", "")[:30]
    portal.new_business_account(name)
    sql(f"UPDATE business_account SET email = '{name}@example.edu.tw' WHERE account_name = '{name}'")
    MADE.update(tid=tid, nid=nid, account=name)


def tearDownModule():
    sql(f"DELETE FROM login_failure WHERE account_key IN ('{portal.account_key(MADE['nid'])}',"
        f" '{portal.account_key(MADE['account'])}')")
    portal.delete_teacher(MADE["tid"])
    portal.delete_business_account(MADE["account"])


def change(client, path, current, new, again=None, csrf=True):
    fields = {"current": current, "password": new, "password_again": new if again is None else again}
    if csrf:
        fields["csrf"] = token_of(client)
    return client.post(path, fields)


def mail_to(address, seconds=10):
    import time
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(address in str(m["To"]) and "登入密碼已變更" in str(m["Subject"]) for m in portal.received_mail()):
            return True
        time.sleep(0.2)
    return False


def alive(client):
    return sql_value(f"SELECT COUNT(*) FROM web_session WHERE id_sha256 = '{session_key(client.cookies['sid'])}'") == "1"


class Refusals(unittest.TestCase):
    def hash_of(self):
        return sql_value(f"SELECT password_hash FROM teacher WHERE id = {MADE['tid']}")

    def test_a_wrong_current_password_counts_as_a_failed_login_and_changes_nothing(self):
        client = logged_in(MADE["nid"])
        before, failures = self.hash_of(), int(sql_value(
            f"SELECT COUNT(*) FROM login_failure WHERE account_key = '{portal.account_key(MADE['nid'])}'"))
        r = change(client, "/teacher/password", "not-my-password", NEW)
        self.assertEqual(r.status, 422)
        self.assertIn("目前的密碼不正確", r.text)
        self.assertNotIn(NEW, r.text)
        self.assertEqual(self.hash_of(), before)
        self.assertEqual(int(sql_value(f"SELECT COUNT(*) FROM login_failure WHERE account_key ="
                                       f" '{portal.account_key(MADE['nid'])}'")), failures + 1)

    def test_a_weak_or_mismatched_new_password_is_refused(self):
        client = logged_in(MADE["nid"])
        before = self.hash_of()
        for new, again, message in (("short", None, "10"), (MADE["nid"].lower() + "xyz", None, "身分證字號"),
                                    ("pw19840512abc", None, "出生日期"), (NEW, NEW + "x", "兩次輸入的密碼不一致"),
                                    (DEMO_PASSWORD, None, "不可與目前的密碼相同")):
            with self.subTest(new=new):
                r = change(client, "/teacher/password", DEMO_PASSWORD, new, again)
                self.assertEqual(r.status, 422, r.text[:300])
                self.assertIn(message, r.text)
                self.assertIn("密碼沒有變更", r.text)
        self.assertEqual(change(client, "/teacher/password", DEMO_PASSWORD, NEW, csrf=False).status, 403)
        self.assertEqual(change(logged_in("organizer"), "/teacher/password", DEMO_PASSWORD, NEW).status, 403)
        self.assertEqual(self.hash_of(), before)


class Changing(unittest.TestCase):
    def check_change(self, login_name, path, table, column, value, address):
        here, elsewhere = logged_in(login_name), logged_in(login_name)
        old_sid = here.cookies["sid"]
        r = change(here, path, DEMO_PASSWORD, NEW)
        self.assertEqual(r.status, 303, r.text[:400])
        self.assertNotEqual(here.cookies["sid"], old_sid, "a new session id")
        self.assertTrue(alive(here))
        self.assertIn("密碼已變更", flash_of(here.get(r.header("location")).text))
        self.assertFalse(alive(elsewhere), "the other session ended")
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM web_session WHERE id_sha256 = '{session_key(old_sid)}'"), "0")
        self.assertEqual(Client().login(login_name).status, 422, "the old password no longer logs in")
        self.assertEqual(Client().login(login_name, NEW).status, 303)
        self.assertTrue(mail_to(address), "the owner is told")
        # Back to the demo password for the rest of the module.
        self.assertEqual(change(here, path, NEW, DEMO_PASSWORD + "-again").status, 303)
        demo_hash = sql_value(f"SELECT password_hash FROM teacher WHERE {portal.nid_where('A123456789')}")
        sql(f"UPDATE {table} SET password_hash = '{demo_hash}' WHERE {column} = '{value}'")

    def test_a_teacher_changes_the_password(self):
        self.check_change(MADE["nid"], "/teacher/password", "teacher", "national_id_hmac", portal.nid_key(MADE["nid"]),
                          f"password-{MADE['tid']}@")

    def test_a_business_account_changes_the_password(self):
        self.check_change(MADE["account"], "/account/password", "business_account", "account_name", MADE["account"],
                          f"{MADE['account']}@")


if __name__ == "__main__":
    main()
