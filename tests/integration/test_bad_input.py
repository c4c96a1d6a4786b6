"""Bad input at the HTTP level (SPEC §9; SECURITY-CATALOGUE B7): oversized bodies and headers,
too many fields, broken UTF-8, NUL/CR/LF, duplicated parameters. Every refusal is a 4xx with a
message, never a 5xx, and changes nothing."""
import re
import unittest
import urllib.parse

from portal import HOST, PORT, Client, main, raw_request, sql, sql_value

_first_failure_id = 0


def setUpModule():
    global _first_failure_id
    _first_failure_id = int(sql_value("SELECT COALESCE(MAX(id), 0) FROM login_failure"))


def tearDownModule():
    sql(f"DELETE FROM login_failure WHERE id > {_first_failure_id}")


def counts():
    return sql("SELECT (SELECT COUNT(*) FROM web_session), (SELECT COUNT(*) FROM login_failure),"
               " (SELECT COUNT(*) FROM audit_log)")[0]


def from_portal(resp_text):
    """The portal's own error page (not nginx's)."""
    return 'class="error-page"' in resp_text


def post_raw_form(c, body_bytes, content_type="application/x-www-form-urlencoded"):
    return c.request("POST", "/login", raw_body=body_bytes, headers={"Content-Type": content_type})


def login_body(token, **extra):
    fields = [("csrf", token), ("account", "A123456789"), ("password", "inservice-demo")]
    fields += list(extra.items())
    return urllib.parse.urlencode(fields).encode()


def raw_post(path, body, extra_headers=b""):
    head = (f"POST {path} HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nConnection: close\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n").encode()
    return raw_request(head + extra_headers + b"\r\n" + body)


class Sizes(unittest.TestCase):
    def test_a_two_megabyte_body_is_refused_by_nginx_with_413(self):
        before = counts()
        status, headers, body = raw_post("/login", b"x=" + b"a" * (2 * 1024 * 1024))
        self.assertEqual(status, 413)
        self.assertEqual(counts(), before)

    def test_a_100_kb_field_in_a_body_under_1_mb_gets_413_from_the_portal_in_chinese(self):
        c = Client()
        token = c.csrf_from("/login")
        body = login_body(token, big="a" * 100_000, **{f"pad{i}": "b" * 60_000 for i in range(14)})
        self.assertLess(len(body), 1_000_000)
        before = counts()
        r = post_raw_form(c, body)
        self.assertEqual(r.status, 413)
        self.assertTrue(from_portal(r.text))
        self.assertIn("資料太大", r.text)
        self.assertNotIn("sid", c.cookies)
        self.assertEqual(counts(), before)

    def test_a_single_oversized_password_gets_413_and_no_login(self):
        c = Client()
        token = c.csrf_from("/login")
        r = post_raw_form(c, urllib.parse.urlencode(
            {"csrf": token, "account": "A123456789", "password": "p" * 100_000}).encode())
        self.assertEqual(r.status, 413)
        self.assertNotIn("sid", c.cookies)

    def test_five_hundred_fields_get_413_in_chinese(self):
        c = Client()
        token = c.csrf_from("/login")
        body = login_body(token, **{f"f{i}": "x" for i in range(500)})
        before = counts()
        r = post_raw_form(c, body)
        self.assertEqual(r.status, 413)
        self.assertIn("欄位太多", r.text)
        self.assertNotIn("sid", c.cookies)
        self.assertEqual(counts(), before)

    def test_five_hundred_query_parameters_get_413_not_a_server_error(self):
        r = Client().get("/courses?" + "&".join(f"a{i}=1" for i in range(500)))
        self.assertEqual(r.status, 413)
        self.assertIn("欄位太多", r.text)

    def test_a_header_over_the_limit_is_refused_by_nginx_never_5xx(self):
        for name in ("Cookie", "X-Junk", "Referer"):
            with self.subTest(header=name):
                r = Client().get("/", headers={name: "a=" + "x" * 20_000})
                self.assertIn(r.status, (400, 431, 494))

    def test_a_cookie_header_within_the_limit_is_served(self):
        r = Client().get("/", headers={"Cookie": "; ".join(f"c{i}=" + "x" * 60 for i in range(90))})
        self.assertEqual(r.status, 200)

    def test_refusals_by_nginx_are_explained_in_chinese(self):
        # SPEC §9: bad input of any kind gets a clear message in Chinese, nginx's refusals included.
        cases = {
            "413 body": raw_post("/login", b"x=" + b"a" * (2 * 1024 * 1024))[2],
            "400 header": Client().get("/", headers={"Cookie": "a=" + "x" * 20_000}).body,
            "414 address": Client().get("/courses?q=" + "x" * 40_000).body,
        }
        for case, body in cases.items():
            with self.subTest(case=case):
                self.assertRegex(body.decode("utf-8", "replace"), r"[\u4e00-\u9fff]{2,}")


class Encoding(unittest.TestCase):
    def assert_bad_encoding(self, r):
        self.assertEqual(r.status, 400)
        self.assertIn("文字編碼錯誤", r.text)

    def test_non_utf8_in_a_form_value_gets_400_in_chinese_and_changes_nothing(self):
        for raw in (b"%FF%FEA123456789", b"\xff\xfe", b"%C0%AF", b"%ED%A0%80", b"%E9%96", b"%F8%88%80%80%80"):
            with self.subTest(value=raw):
                c = Client()
                token = c.csrf_from("/login")
                before = counts()
                r = post_raw_form(c, b"csrf=" + token.encode() + b"&account=" + raw + b"&password=inservice-demo")
                self.assert_bad_encoding(r)
                self.assertNotIn("sid", c.cookies)
                self.assertEqual(counts(), before)

    def test_non_utf8_in_a_form_name_gets_400(self):
        c = Client()
        token = c.csrf_from("/login")
        r = post_raw_form(c, login_body(token) + b"&%FF=1")
        self.assert_bad_encoding(r)
        self.assertNotIn("sid", c.cookies)

    def test_non_utf8_in_the_query_string_gets_400_in_chinese(self):
        for query in ("q=%FF", "q=%E9%96%B1%E8", "unit=%C0%AF", "page=%80", "%FF=1"):
            with self.subTest(query=query):
                self.assert_bad_encoding(Client().get("/courses?" + query))

    def test_raw_non_utf8_bytes_in_the_query_string_get_400(self):
        status, _, body = raw_request(f"GET /courses?q=\xff\xfe HTTP/1.1\r\nHost: {HOST}:{PORT}\r\n"
                                      "Connection: close\r\n\r\n".encode("latin-1"))
        self.assertEqual(status, 400)

    def test_non_utf8_in_the_path_gets_400_never_5xx(self):
        r = Client().get("/courses/%FF%FE")
        self.assertEqual(r.status, 400)


class ControlCharacters(unittest.TestCase):
    def test_a_nul_in_the_account_is_refused_with_422(self):
        for account in ("A123456789\x00", "\x00A123456789", "organizer\x00", "A12345\x006789"):
            with self.subTest(account=repr(account)):
                c = Client()
                r = c.login(account)
                self.assertEqual(r.status, 422)
                self.assertNotIn("sid", c.cookies)

    def test_a_nul_after_the_password_does_not_log_in(self):
        c = Client()
        r = c.login("A123456789", "inservice-demo\x00")
        self.assertEqual(r.status, 422)
        self.assertNotIn("sid", c.cookies)

    def test_cr_lf_in_a_parameter_never_becomes_a_header(self):
        for path in ("/courses?q=a%0D%0ASet-Cookie:%20evil=1", "/login?next=%2F%0D%0ASet-Cookie:%20evil=1",
                     "/login?next=%0D%0ALocation:%20http://evil.example", "/courses?unit=%0AX-Evil:%201"):
            with self.subTest(path=path):
                c = Client()
                r = c.get(path)
                self.assertEqual(r.status, 200)
                self.assertNotIn("evil", c.cookies)
                self.assertIsNone(r.header("x-evil"))
                self.assertNotIn("evil.example", r.header("location") or "")

    def test_cr_lf_in_the_path_never_becomes_a_header(self):
        c = Client()
        r = c.get("/courses/5600001%0D%0ASet-Cookie:%20evil=1")
        self.assertEqual(r.status, 404)
        self.assertNotIn("evil", c.cookies)

    def test_a_nul_in_a_query_parameter_of_the_login_form_answers_calmly(self):
        r = Client().get("/login?next=%00")
        self.assertEqual(r.status, 200)
        self.assertIn('name="next" value=""', r.text)

    def test_cr_lf_in_a_login_field_is_refused_without_a_server_error(self):
        c = Client()
        r = c.login("A123456789\r\nX-Evil: 1")
        self.assertEqual(r.status, 422)
        self.assertIsNone(r.header("x-evil"))


class DuplicateParameters(unittest.TestCase):
    def codes(self, r):
        m = re.search(r'<ul class="courses results">(.*?)</ul>', r.text, re.S)
        return set(re.findall(r'href="/courses/(\d{7})"', m.group(1))) if m else set()

    def test_a_duplicated_query_parameter_takes_the_first_every_time(self):
        reading = "q=" + urllib.parse.quote("閱讀")
        cpr = "q=" + urllib.parse.quote("救命術")
        for _ in range(3):
            self.assertEqual(self.codes(Client().get(f"/courses?{reading}&{cpr}")), {"5600001", "5600011"})
            self.assertEqual(self.codes(Client().get(f"/courses?{cpr}&{reading}")), {"5600007"})

    def test_a_duplicated_account_takes_the_first(self):
        for first, second, home in (("A123456789", "organizer", "/teacher"), ("organizer", "A123456789", "/office")):
            with self.subTest(first=first):
                c = Client()
                token = c.csrf_from("/login")
                body = urllib.parse.urlencode([("csrf", token), ("account", first), ("account", second),
                                               ("password", "inservice-demo")]).encode()
                r = post_raw_form(c, body)
                self.assertEqual(r.status, 303)
                self.assertEqual(r.header("location"), home)

    def test_a_duplicated_csrf_token_takes_the_first(self):
        c = Client()
        token = c.csrf_from("/login")
        bad_first = urllib.parse.urlencode([("csrf", "bogus"), ("csrf", token), ("account", "A123456789"),
                                            ("password", "inservice-demo")]).encode()
        self.assertEqual(post_raw_form(c, bad_first).status, 403)
        good_first = urllib.parse.urlencode([("csrf", token), ("csrf", "bogus"), ("account", "A123456789"),
                                             ("password", "inservice-demo")]).encode()
        self.assertEqual(post_raw_form(c, good_first).status, 303)

    def test_a_duplicated_session_cookie_takes_the_first(self):
        c = Client()
        self.assertEqual(c.login("A123456789").status, 303)
        sid = c.cookies["sid"]
        for header, status in ((f"sid={sid}; sid=garbage", 200), (f"sid=garbage; sid={sid}", 303)):
            with self.subTest(cookie=header[:12]):
                for _ in range(2):
                    r = Client().get("/teacher", headers={"Cookie": header})
                    self.assertEqual(r.status, status)


class Framing(unittest.TestCase):
    def test_content_length_with_transfer_encoding_is_refused_never_5xx(self):
        before = counts()
        status, _, _ = raw_request(
            f"POST /login HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Content-Length: 7\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            "7\r\na=1&b=2\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        self.assertIn(status, (400, 403))
        self.assertEqual(counts(), before)

    def test_a_garbage_content_length_is_refused_never_5xx(self):
        for length in ("-1", "abc", "99999999999999999999"):
            with self.subTest(length=length):
                status, _, _ = raw_request(
                    f"POST /login HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nContent-Length: {length}\r\n"
                    "Connection: close\r\n\r\nx=1".encode(), timeout=15)
                self.assertTrue(400 <= status < 500, status)

    def test_a_login_posted_as_json_is_refused_without_a_server_error(self):
        c = Client()
        c.csrf_from("/login")
        r = c.request("POST", "/login", raw_body=b'{"account":"A123456789","password":"inservice-demo"}',
                      headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 403)
        self.assertNotIn("sid", c.cookies)

    def test_a_malformed_multipart_body_gets_400_in_chinese(self):
        c = Client()
        c.csrf_from("/login")
        for ctype, body in (("multipart/form-data", b"--x\r\n"),
                            ("multipart/form-data; boundary=zz", b"garbage"),
                            ("multipart/form-data; boundary=zz", b"--zz\r\nContent-Disposition: form-data\r\n\r\nx\r\n--zz--")):
            with self.subTest(ctype=ctype, body=body[:20]):
                r = c.request("POST", "/login", raw_body=body, headers={"Content-Type": ctype})
                self.assertEqual(r.status, 400)
                self.assertIn("無法讀取的請求", r.text)

    def test_a_multipart_login_form_works_like_an_urlencoded_one(self):
        c = Client()
        token = c.csrf_from("/login")
        parts = b"".join(b"--zz\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (k, v)
                         for k, v in ((b"csrf", token.encode()), (b"account", b"A123456789"),
                                      (b"password", b"inservice-demo")))
        r = c.request("POST", "/login", raw_body=parts + b"--zz--\r\n",
                      headers={"Content-Type": "multipart/form-data; boundary=zz"})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("location"), "/teacher")


if __name__ == "__main__":
    main()
