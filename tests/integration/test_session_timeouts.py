"""Session timeouts (SECURITY-CATALOGUE B12): idle 2 h for teachers and 30 min for business accounts,
12 h in all, measured by the database clock, so the tests move web_session's times back in SQL.
Also: a new id at login and when an account's privileges change, and logout deleting the row."""
import unittest

from portal import (Client, delete_business_account, logged_in, main, new_business_account,
                    session_key, sql, sql_value, unique)


def key_of(c):
    return session_key(c.cookies["sid"])


def age(c, column, interval):
    sql(f"UPDATE web_session SET {column} = NOW() - INTERVAL {interval} WHERE id_sha256 = '{key_of(c)}'")


def rows(key):
    return int(sql_value(f"SELECT COUNT(*) FROM web_session WHERE id_sha256 = '{key}'"))


def idle_seconds(c):
    return int(sql_value(f"SELECT TIMESTAMPDIFF(SECOND, last_seen_at, NOW()) FROM web_session"
                         f" WHERE id_sha256 = '{key_of(c)}'"))


class Timeouts(unittest.TestCase):
    def assert_signed_out(self, c, home):
        key = key_of(c)
        r = c.get(home)
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("location"), "/login?next=%2F" + home.lstrip("/"))
        self.assertEqual(rows(key), 0, "the expired session's row is deleted")
        cleared = [h for h in r.all_headers("set-cookie") if h.startswith("sid=")]
        self.assertTrue(cleared and all("Max-Age=0" in h for h in cleared), cleared)
        self.assertNotIn("sid", c.cookies)

    def assert_signed_in(self, c, home):
        self.assertEqual(c.get(home).status, 200)
        self.assertLess(idle_seconds(c), 60, "a request after more than a minute touches last_seen_at")

    def test_a_teacher_idle_2_hours_1_minute_is_signed_out(self):
        c = logged_in("A123456789")
        age(c, "last_seen_at", "121 MINUTE")
        self.assert_signed_out(c, "/teacher")

    def test_a_teacher_idle_1_hour_59_minutes_is_not(self):
        c = logged_in("A123456789")
        age(c, "last_seen_at", "119 MINUTE")
        self.assert_signed_in(c, "/teacher")

    def test_a_business_account_idle_31_minutes_is_signed_out(self):
        c = logged_in("organizer")
        age(c, "last_seen_at", "31 MINUTE")
        self.assert_signed_out(c, "/office")

    def test_a_business_account_idle_29_minutes_is_not(self):
        c = logged_in("organizer")
        age(c, "last_seen_at", "29 MINUTE")
        self.assert_signed_in(c, "/office")

    def test_a_business_account_idle_an_hour_is_out_where_a_teacher_would_be_in(self):
        c = logged_in("reviewer")
        age(c, "last_seen_at", "60 MINUTE")
        self.assert_signed_out(c, "/review")

    def test_any_session_older_than_12_hours_is_out_however_active(self):
        for account, home in (("A123456789", "/teacher"), ("organizer", "/office")):
            with self.subTest(account=account):
                c = logged_in(account)
                age(c, "created_at", "721 MINUTE")
                self.assertLess(idle_seconds(c), 60)
                self.assert_signed_out(c, home)

    def test_a_session_of_11_hours_59_minutes_still_works(self):
        for account, home in (("A123456789", "/teacher"), ("organizer", "/office")):
            with self.subTest(account=account):
                c = logged_in(account)
                age(c, "created_at", "719 MINUTE")
                self.assertEqual(c.get(home).status, 200)

    def test_last_seen_is_touched_at_most_once_a_minute_so_idle_counts_from_the_touch(self):
        c = logged_in("organizer")
        # Seen 50 s ago: this request does not move last_seen_at, the idle time keeps counting from it.
        age(c, "last_seen_at", "50 SECOND")
        self.assertEqual(c.get("/office").status, 200)
        self.assertGreaterEqual(idle_seconds(c), 50)
        # So a business account last touched 30 min 10 s ago is out, even if it made a request
        # (untouched) less than 30 minutes ago: the limit may come up to 59 s early, never late.
        age(c, "last_seen_at", "1810 SECOND")
        self.assert_signed_out(c, "/office")

    def test_a_request_61_seconds_after_the_touch_touches_again(self):
        c = logged_in("A123456789")
        age(c, "last_seen_at", "61 SECOND")
        self.assert_signed_in(c, "/teacher")


class SessionIds(unittest.TestCase):
    def test_login_gives_a_new_id_whose_row_exists(self):
        c = Client()
        c.get("/login")
        pre = c.cookies.get("pre")
        self.assertEqual(c.login("organizer").status, 303)
        self.assertNotEqual(c.cookies["sid"], pre)
        self.assertEqual(rows(key_of(c)), 1)
        self.assertEqual(rows(session_key(pre)), 0)

    def test_logout_deletes_the_row_and_the_old_cookie_then_leads_to_login(self):
        c = logged_in("A123456789")
        sid = c.cookies["sid"]
        c.post("/logout", {"csrf": c.csrf_from("/logout")})
        self.assertEqual(rows(session_key(sid)), 0)
        replay = Client()
        replay.cookies["sid"] = sid
        r = replay.get("/teacher")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").startswith("/login"))

    def test_a_change_of_privilege_ends_the_session_and_the_next_login_gets_a_new_id(self):
        name = unique("sess")
        aid = new_business_account(name)
        self.addCleanup(delete_business_account, name)
        c = logged_in(name)
        old = c.cookies["sid"]
        self.assertEqual(c.get("/office").status, 200)
        sql(f"UPDATE business_account SET kind = 'master' WHERE id = {aid}")
        self.assertEqual(rows(session_key(old)), 0)
        self.assertEqual(c.get("/office").status, 303)
        c = logged_in(name)
        self.assertNotEqual(c.cookies["sid"], old)
        self.assertEqual(rows(key_of(c)), 1)


if __name__ == "__main__":
    main()
