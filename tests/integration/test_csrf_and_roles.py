"""The generic checks of every request (STYLE §2 step 3–4, §5): CSRF on every POST, roles before
handlers, 404 / 405 pages, and the health check."""
import json
import unittest

from portal import Client, logged_in, main, session_key, sql, sql_value

_first_failure_id = 0


def setUpModule():
    global _first_failure_id
    _first_failure_id = int(sql_value("SELECT COALESCE(MAX(id), 0) FROM login_failure"))


def tearDownModule():
    sql(f"DELETE FROM login_failure WHERE id > {_first_failure_id}")


def counts():
    """What a refused POST must leave alone."""
    return sql("SELECT (SELECT COUNT(*) FROM web_session), (SELECT COUNT(*) FROM login_failure),"
               " (SELECT COUNT(*) FROM audit_log)")[0]


def session_alive(c):
    return sql_value(f"SELECT COUNT(*) FROM web_session WHERE id_sha256 = '{session_key(c.cookies['sid'])}'") == "1"


class CsrfOnLogin(unittest.TestCase):
    def assert_refused(self, c, fields):
        before = counts()
        r = c.post("/login", fields)
        self.assertEqual(r.status, 403)
        self.assertIn("表單已過期或來源不明", r.text)
        self.assertNotIn("sid", c.cookies)
        self.assertEqual(counts(), before)

    def test_a_login_without_a_csrf_token_is_refused_and_changes_nothing(self):
        c = Client()
        c.get("/login")
        self.assert_refused(c, {"account": "A123456789", "password": "inservice-demo"})

    def test_a_login_with_a_wrong_csrf_token_is_refused_and_changes_nothing(self):
        c = Client()
        token = c.csrf_from("/login")
        for bad in ("bogus", "", token[:-1], token + "A", token.lower() if token.lower() != token else token.upper()):
            with self.subTest(token=bad):
                self.assert_refused(c, {"csrf": bad, "account": "A123456789", "password": "inservice-demo"})

    def test_a_login_without_the_pre_session_cookie_is_refused(self):
        c = Client()
        token = c.csrf_from("/login")
        c.cookies.clear()
        self.assert_refused(c, {"csrf": token, "account": "A123456789", "password": "inservice-demo"})

    def test_another_visitors_csrf_token_does_not_work(self):
        victim, attacker = Client(), Client()
        victim.get("/login")
        token = attacker.csrf_from("/login")
        self.assert_refused(victim, {"csrf": token, "account": "A123456789", "password": "inservice-demo"})

    def test_a_wrong_password_with_a_wrong_token_is_not_counted_as_a_failed_login(self):
        c = Client()
        c.get("/login")
        self.assert_refused(c, {"csrf": "bogus", "account": "A123456789", "password": "guess"})


class CsrfOnLogout(unittest.TestCase):
    def test_a_logout_without_a_csrf_token_is_refused_and_the_session_stays(self):
        c = logged_in("A123456789")
        before = counts()
        r = c.post("/logout", {})
        self.assertEqual(r.status, 403)
        self.assertEqual(counts(), before)
        self.assertTrue(session_alive(c))
        self.assertEqual(c.get("/teacher").status, 200)

    def test_a_logout_with_a_wrong_csrf_token_is_refused_and_the_session_stays(self):
        c = logged_in("A123456789")
        r = c.post("/logout", {"csrf": "bogus"})
        self.assertEqual(r.status, 403)
        self.assertTrue(session_alive(c))
        self.assertEqual(c.get("/teacher").status, 200)

    def test_the_token_from_before_login_does_not_work_after_it(self):
        c = Client()
        anonymous_token = c.csrf_from("/login")
        self.assertEqual(c.login("A123456789").status, 303)
        r = c.post("/logout", {"csrf": anonymous_token})
        self.assertEqual(r.status, 403)
        self.assertTrue(session_alive(c))

    def test_another_users_csrf_token_does_not_work(self):
        a, b = logged_in("A123456789"), logged_in("B223456782")
        r = a.post("/logout", {"csrf": b.csrf_from("/logout")})
        self.assertEqual(r.status, 403)
        self.assertTrue(session_alive(a))
        self.assertEqual(a.post("/logout", {"csrf": a.csrf_from("/logout")}).status, 303)
        self.assertTrue(session_alive(b))


class Roles(unittest.TestCase):
    def test_anonymous_visitors_are_sent_to_login_from_personal_pages(self):
        for path, encoded in (("/teacher", "%2Fteacher"), ("/office", "%2Foffice"),
                              ("/teacher?tab=records", "%2Fteacher%3Ftab%3Drecords")):
            with self.subTest(path=path):
                r = Client().get(path)
                self.assertEqual(r.status, 303)
                self.assertEqual(r.header("location"), "/login?next=" + encoded)

    def test_a_teacher_on_the_office_page_gets_403(self):
        r = logged_in("A123456789").get("/office")
        self.assertEqual(r.status, 403)
        self.assertIn("沒有權限", r.text)
        self.assertNotIn("業務帳號燈號訊息", r.text)

    def test_a_records_only_teacher_on_the_office_page_gets_403(self):
        self.assertEqual(logged_in("F123456784").get("/office").status, 403)

    def test_business_accounts_on_the_teacher_page_get_403(self):
        for account in ("organizer", "master", "reviewer", "admin"):
            with self.subTest(account=account):
                r = logged_in(account).get("/teacher")
                self.assertEqual(r.status, 403)
                self.assertIn("沒有權限", r.text)
                self.assertNotIn("報名但未參與研習燈號", r.text)

    def test_every_business_account_kind_reaches_the_office_page(self):
        for account in ("organizer", "master", "organizer-red"):
            with self.subTest(account=account):
                self.assertEqual(logged_in(account).get("/office").status, 200)
        # Reviewers and the administrator have homes of their own (their unit holds no courses).
        for account, home in (("reviewer", "/review"), ("reviewer2", "/review"), ("admin", "/admin")):
            with self.subTest(account=account):
                r = logged_in(account).get("/office")
                self.assertEqual(r.status, 303)
                self.assertEqual(r.header("location"), home)


class MethodsAndAddresses(unittest.TestCase):
    def test_a_get_only_route_answers_post_with_405_and_allow(self):
        for path in ("/", "/courses", "/courses/5600001", "/healthz", "/teacher", "/office"):
            with self.subTest(path=path):
                r = Client().post(path, {"csrf": "x"})
                self.assertEqual(r.status, 405)
                self.assertEqual(r.header("allow"), "GET")

    def test_the_405_page_is_in_chinese(self):
        r = Client().post("/courses", {})
        self.assertIn("不支援的操作", r.text)

    def test_other_methods_get_405_with_the_methods_allowed(self):
        for method, path, allow in (("PUT", "/login", {"GET", "POST"}), ("DELETE", "/courses/5600001", {"GET"}),
                                    ("PATCH", "/logout", {"GET", "POST"})):
            with self.subTest(method=method, path=path):
                r = Client().request(method, path)
                self.assertEqual(r.status, 405)
                self.assertEqual({m.strip() for m in r.header("allow").split(",")}, allow)

    def test_an_unknown_path_gives_a_404_page_in_chinese(self):
        for path in ("/no/such/page", "/courses/5600001/extra", "/teacher/", "/administrator", "/index.php",
                     "/.git/config", "/%E7%A0%94%E7%BF%92"):
            with self.subTest(path=path):
                r = Client().get(path)
                self.assertEqual(r.status, 404)
                self.assertIn("找不到頁面", r.text)
                self.assertTrue(r.header("content-type").startswith("text/html"))

    def test_an_unknown_path_is_404_for_post_too_without_needing_csrf(self):
        r = Client().post("/no/such/form", {"a": "b"})
        self.assertEqual(r.status, 404)


class Health(unittest.TestCase):
    def test_healthz_answers_json_with_the_database_up(self):
        r = Client().get("/healthz")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("content-type").startswith("application/json"))
        body = json.loads(r.text)
        self.assertEqual(body["database"], "up")
        self.assertEqual(r.header("cache-control"), "no-store")

    def test_healthz_needs_no_login_and_sets_no_cookie(self):
        r = Client().get("/healthz")
        self.assertEqual(r.all_headers("set-cookie"), [])


if __name__ == "__main__":
    main()
