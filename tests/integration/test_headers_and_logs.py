"""Response headers on every kind of answer (SECURITY-CATALOGUE B13) and log hygiene (B14, STYLE §5):
no 身分證字號, password or session id in the app's or nginx's logs after real logins."""
import os
import re
import time
import unittest

from portal import ROOT, VAR, Client, main, sql, sql_value

_first_failure_id = 0
WRONG_PASSWORDS = ("Wr0ng-Passw0rd-9f3a", "another-bad-secret-77")
SIDS = []


def setUpModule():
    global _first_failure_id
    _first_failure_id = int(sql_value("SELECT COALESCE(MAX(id), 0) FROM login_failure"))


def tearDownModule():
    sql(f"DELETE FROM login_failure WHERE id > {_first_failure_id}")


def logged_in(account):
    c = Client()
    r = c.login(account)
    assert r.status == 303, (account, r.status)
    SIDS.append(c.cookies["sid"])
    return c


def sample_responses():
    """One answer of each kind: pages, redirects, errors from the portal and from nginx, JSON, static."""
    anon = Client()
    teacher = logged_in("A123456789")
    answers = {
        "home": anon.get("/"),
        "search": anon.get("/courses?q=%E9%96%B1%E8%AE%80"),
        "course": anon.get("/courses/5600001"),
        "login form": anon.get("/login"),
        "redirect to login": anon.get("/teacher"),
        "404 page": anon.get("/no/such/page"),
        "405 page": anon.post("/courses", {}),
        "403 csrf": anon.post("/login", {"csrf": "bogus"}),
        "422 login": anon.login("A123456789", WRONG_PASSWORDS[0]),
        "healthz": anon.get("/healthz"),
        "static css": anon.get("/static/site.css"),
        "static missing": anon.get("/static/no-such-file.css"),
        "teacher home": teacher.get("/teacher"),
        "403 role": teacher.get("/office"),
        "nginx 400": anon.get("/", headers={"Cookie": "a=" + "x" * 20_000}),
        "nginx 414": anon.get("/courses?q=" + "x" * 40_000),
        "head": anon.request("HEAD", "/courses/5600001"),
    }
    return answers


class SecurityHeaders(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.answers = sample_responses()

    def test_every_response_has_a_csp_that_forbids_framing(self):
        for name, r in self.answers.items():
            with self.subTest(answer=name, status=r.status):
                csp = r.header("content-security-policy")
                self.assertIsNotNone(csp)
                self.assertIn("frame-ancestors 'none'", csp)
                self.assertIn("default-src 'self'", csp)
                self.assertNotIn("unsafe-inline", csp)

    def test_every_response_has_nosniff_and_a_referrer_policy(self):
        for name, r in self.answers.items():
            with self.subTest(answer=name, status=r.status):
                self.assertEqual(r.header("x-content-type-options"), "nosniff")
                self.assertIn(r.header("referrer-policy"),
                              ("same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin"))

    def test_the_portals_answers_carry_their_length_not_chunks(self):
        for name in ("home", "search", "course", "redirect to login", "404 page", "403 csrf",
                     "422 login", "healthz", "teacher home", "403 role"):
            r = self.answers[name]
            with self.subTest(answer=name, status=r.status):
                self.assertIsNone(r.header("transfer-encoding"))
                self.assertEqual(r.header("content-length"), str(len(r.body)))
        head = self.answers["head"]
        self.assertEqual(head.body, b"")
        self.assertEqual(head.header("content-length"), str(len(self.answers["course"].body)))

    def test_no_response_names_the_server_version(self):
        for name, r in self.answers.items():
            with self.subTest(answer=name, status=r.status):
                self.assertNotRegex(r.header("server") or "", r"\d")
                self.assertIsNone(r.header("x-powered-by"))
                self.assertNotRegex(r.text, r"nginx/\d")

    def test_personal_pages_are_never_stored(self):
        teacher = logged_in("A123456789")
        office = logged_in("organizer")
        for name, r in (("teacher home", teacher.get("/teacher")), ("office home", office.get("/office")),
                        ("logout form", teacher.get("/logout")), ("home while signed in", teacher.get("/")),
                        ("course while signed in", teacher.get("/courses/5600001"))):
            with self.subTest(page=name):
                self.assertEqual(r.status, 200)
                self.assertIn("no-store", r.header("cache-control") or "")

    def test_pages_with_a_csrf_token_are_not_cached_publicly(self):
        for path in ("/login", "/"):
            with self.subTest(path=path):
                cache = Client().get(path).header("cache-control") or ""
                self.assertNotIn("public", cache)
                self.assertTrue("no-store" in cache or "private" in cache, cache)

    def test_static_files_are_served_by_nginx_with_their_type(self):
        r = self.answers["static css"]
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("content-type").startswith("text/css"))
        self.assertEqual(len(r.body), os.path.getsize(os.path.join(ROOT, "static", "site.css")))
        svg = Client().get("/static/light-red.svg")
        self.assertEqual(svg.status, 200)
        self.assertTrue(svg.header("content-type").startswith("image/svg+xml"))

    def test_the_static_folder_lists_nothing_and_leaks_no_source(self):
        for path in ("/static/", "/static/../nginx/portal.conf.in", "/static/..%2fnginx/portal.conf.in",
                     "/static/..%2f..%2fvar/test/portal.conf", "/static/%2e%2e/sql/demo.sql"):
            with self.subTest(path=path):
                r = Client().get(path)
                self.assertNotEqual(r.status, 200)
                self.assertNotIn("Index of", r.text)
                self.assertNotIn("fastcgi", r.text)
                self.assertNotIn("db_password", r.text)


class LogHygiene(unittest.TestCase):
    """Runs logins as users do (IDs typed in many ways, wrong passwords), then reads the logs."""

    @classmethod
    def setUpClass(cls):
        for account in ("A123456789", "a123456789", "B223456782", "organizer"):
            logged_in(account)
        for account in ("A123456789", "F123456784", "b223456782", "A123456780"):
            for password in WRONG_PASSWORDS:
                Client().login(account, password)
        teacher = logged_in("F123456784")
        teacher.get("/teacher")
        teacher.post("/logout", {"csrf": teacher.csrf_from("/logout")})
        Client().get("/teacher")  # redirect with next=
        time.sleep(0.5)  # nginx writes its access log line after the answer
        cls.logs = {}
        for name in ("app.log", "access.log", "nginx-error.log"):
            path = os.path.join(VAR, "log", name)
            if os.path.exists(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    cls.logs[name] = f.read()

    def test_the_logs_were_written(self):
        self.assertIn("route=login", self.logs.get("app.log", ""))
        self.assertIn("POST /login", self.logs.get("access.log", ""))

    def test_no_log_holds_an_unmasked_national_id(self):
        for name, text in self.logs.items():
            with self.subTest(log=name):
                found = re.findall(r"[A-Z][12ABCD89]\d{8}", text)
                found += re.findall(r"(?<![0-9A-Za-z])[a-z][12abcd89]\d{8}(?![0-9A-Za-z])", text)
                self.assertEqual(found, [])

    def test_no_log_holds_a_password(self):
        for name, text in self.logs.items():
            with self.subTest(log=name):
                for secret in ("inservice-demo",) + WRONG_PASSWORDS:
                    self.assertNotIn(secret, text)

    def test_no_log_holds_a_session_id(self):
        self.assertGreaterEqual(len(SIDS), 5)
        for name, text in self.logs.items():
            with self.subTest(log=name):
                for sid in SIDS:
                    self.assertNotIn(sid, text)


if __name__ == "__main__":
    main()
