"""The OpenID provider's negative matrix: SECURITY-CATALOGUE §4.4 O1–O26, one test per case.

Pass figure of the block: every case refused exactly as listed, no redirect on the OP-2 cases
(invalid client_id or redirect_uri: an error page, status 400, no Location), no token issued by a
negative case, and each refusal in the audit log. Redirect cases come back to the registered URI
with error=…, the request's state and iss (RFC 9207). Run with /usr/bin/python3 (python3-authlib).
"""
import base64
import hashlib
import hmac
import json
import math
import os
import sys
import time
import unittest
import urllib.parse
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import portal  # noqa: E402
from portal import (DREAM_N, ISSUER, RECORDS_ONLY_TEACHER, ROAMING_TEACHER, Client, audit_mark,  # noqa: E402
                    audit_since, auth_params, authorize_path, b64url, delete_partner, fresh_code,
                    hidden_fields, is_consent_page, json_of, log_in_from, new_partner, pkce_pair, query_of,
                    redeem, sql, sql_value, submit_consent, teacher_id_of, token_request, userinfo)

from authlib.jose import JsonWebKey, JsonWebToken  # noqa: E402

HOSTILE_STATE = "\"><script>alert(1)</script>'&x=<img src=x onerror=alert(2)>"
HOSTILE_MARKERS = ("<script>alert(1)</script>", "<img src=x onerror")


def sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


def tokens_of_code(code):
    return int(sql_value(f"SELECT COUNT(*) FROM oidc_token WHERE code_sha256 = '{sha256(code['code'])}'"))


def code_used(code):
    return sql_value(f"SELECT used_at IS NOT NULL FROM oidc_code WHERE code_sha256 = '{sha256(code['code'])}'") == "1"


def count(table, where="1"):
    return int(sql_value(f"SELECT COUNT(*) FROM {table} WHERE {where}"))


def jwt_segment(obj):
    return b64url(json.dumps(obj, separators=(",", ":")).encode())


class OidcNegativeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.teacher = teacher_id_of(ROAMING_TEACHER)
        cls.dream_n = portal.partner_id_of("dream-n")
        cls.saved_consents = sql(f"SELECT partner_id, claims, granted_at, IFNULL(revoked_at, 'NULL')"
                                 f" FROM oidc_consent WHERE teacher_id = {cls.teacher} AND partner_id = {cls.dream_n}")
        # A client with two registered URIs, one with a query (O2, O5, O6, O17); not a reporter (O20).
        cls.multi = new_partner(portal.unique("neg-multi"), {"name"},
                                ["https://partner.example/cb", "https://partner.example/cb2?tenant=a"])
        # Client B of O16.
        cls.other = new_partner(portal.unique("neg-b"), {"name", "school_code", "school_name"},
                                ["http://127.0.0.1:8094/cb"])
        # A teacher signed in, who consented to dream-n and to the multi client.
        cls.browser = Client()
        fresh_code(cls.browser, account=ROAMING_TEACHER)
        fresh_code(cls.browser, partner=cls.multi)
        r = Client().get("/oidc/jwks")
        cls.jwks = json.loads(r.text)

    @classmethod
    def tearDownClass(cls):
        delete_partner(cls.multi["client_id"])
        delete_partner(cls.other["client_id"])
        sql(f"DELETE FROM oidc_consent WHERE teacher_id = {cls.teacher} AND partner_id = {cls.dream_n}")
        for pid, claims, granted, revoked in cls.saved_consents:
            revoked_sql = "NULL" if revoked == "NULL" else f"'{revoked}'"
            sql(f"INSERT INTO oidc_consent (teacher_id, partner_id, claims, granted_at, revoked_at)"
                f" VALUES ({cls.teacher}, {pid}, '{claims}', '{granted}', {revoked_sql})")

    # --- assertions ------------------------------------------------------------------------

    def assert_error_page(self, response, label=""):
        """OP-2: an error page for the teacher, never a redirect."""
        self.assertEqual(response.status, 400, f"{label}: {response.status} {response.header('location')}")
        self.assertIsNone(response.header("location"), f"{label}: redirected")
        self.assertTrue((response.header("content-type") or "").startswith("text/html"), label)
        self.assertIn("帳號漫遊請求無效", response.text, label)

    def assert_redirect_error(self, response, params, errors, label=""):
        """Back to the registered URI with error, the request's state and iss; no code."""
        if isinstance(errors, str):
            errors = (errors,)
        location = response.header("location") or ""
        self.assertEqual(response.status, 303, f"{label}: {response.status} {response.text[:200]}")
        self.assertTrue(location.startswith(params["redirect_uri"] + "?"), f"{label}: {location}")
        q = query_of(location)
        self.assertIn(q.get("error"), errors, f"{label}: {location}")
        self.assertEqual(q.get("state"), params.get("state"), label)
        self.assertEqual(q.get("iss"), ISSUER, label)
        self.assertNotIn("code", q, label)
        for name, value in urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query):
            if name == "error_description":
                self.assertFalse(set(value) & set("\r\n\t\"\\"), f"{label}: bad characters in {value!r}")
        return q

    def refused_at_authorize(self, params, browser=None):
        """GET /oidc/authorize; asserts no code was stored and the refusal was audited."""
        codes = count("oidc_code")
        mark = audit_mark()
        r = (browser or self.browser).get(authorize_path(params))
        self.assertEqual(count("oidc_code"), codes, "a code was stored for a refused request")
        actions = [a[1] for a in audit_since(mark)]
        self.assertTrue({"oidc.refused", "oidc.error"} & set(actions), f"refusal not audited: {actions}")
        return r

    def assert_token_error(self, response, status, error, label=""):
        body = json_of(response) or {}
        self.assertEqual(response.status, status, f"{label}: {response.text}")
        self.assertEqual(body.get("error"), error, f"{label}: {response.text}")
        self.assertNotIn("access_token", body, label)
        self.assertNotIn("id_token", body, label)
        self.assertIn("no-store", response.header("cache-control") or "", label)
        return body

    def assert_invalid_token(self, response, label="", token_sent=True):
        """401 with a Bearer challenge; error="invalid_token" whenever a token was sent (RFC 6750
        §3.1, which lets a request with no token at all get the bare challenge)."""
        self.assertEqual(response.status, 401, f"{label}: {response.text}")
        www = response.header("www-authenticate") or ""
        self.assertTrue(www.startswith("Bearer"), f"{label}: {www}")
        if token_sent:
            self.assertIn('error="invalid_token"', www, label)
        self.assertNotIn("name", json_of(response) or {}, label)

    def assert_not_reflected(self, response, label=""):
        for marker in HOSTILE_MARKERS:
            self.assertNotIn(marker, response.text, f"{label}: hostile state reflected unescaped")
        for name, value in response.headers:
            for marker in HOSTILE_MARKERS:
                self.assertNotIn(marker, value, f"{label}: hostile state in the {name} header")
        self.assertFalse(set(response.header("location") or "") & set("<>\"' "), f"{label}: raw Location")

    # --- the authorization endpoint --------------------------------------------------------

    def test_o01_unknown_client_id_gets_an_error_page_not_a_redirect(self):
        for browser in (Client(), self.browser):
            params, _ = auth_params(client_id="no-such-partner")
            self.assert_error_page(self.refused_at_authorize(params, browser), "unknown client_id")
        params, _ = auth_params(client_id=None)
        self.assert_error_page(self.refused_at_authorize(params), "no client_id")

    def test_o02_missing_redirect_uri_with_two_registered_gets_an_error_page(self):
        params, _ = auth_params(self.multi, redirect_uri=None)
        self.assert_error_page(self.refused_at_authorize(params), "multi, no redirect_uri")
        params, _ = auth_params(redirect_uri=None)
        self.assert_error_page(self.refused_at_authorize(params), "dream-n, no redirect_uri")

    def test_o03_unregistered_redirect_uri_gets_an_error_page(self):
        for uri in ("https://evil.example/callback", "http://127.0.0.1:8092/return", "/callback", ""):
            params, _ = auth_params(redirect_uri=uri)
            r = self.refused_at_authorize(params)
            self.assert_error_page(r, uri)
            if uri:
                self.assertNotIn(f'href="{uri}', r.text)

    def test_o04_registered_uri_with_extra_path_or_traversal_gets_an_error_page(self):
        base = DREAM_N["redirect_uri"]
        variants = [base + "/x", base + "/", "http://127.0.0.1:8091/callback/../callback",
                    "http://127.0.0.1:8091/x/../callback", base + "/%2E%2E/x", base + "%2E%2E",
                    base + "/%252E%252E/x", "http://127.0.0.1:8091/callback%2F..%2Fx", base + "s",
                    base[:-1], "http://127.0.0.1:8091//callback", base + "#", base + "#frag", base + "?",
                    base + " ", " " + base, base + "\t", "http://127.0.0.1:80910/callback",
                    "http://127.0.0.1:8091./callback", "http://127.0.0.1:8091/./callback"]
        for uri in variants:
            with self.subTest(redirect_uri=uri):
                params, _ = auth_params(redirect_uri=uri)
                self.assert_error_page(self.refused_at_authorize(params), uri)

    def test_o05_query_added_or_changed_gets_an_error_page(self):
        for partner, uri in ((DREAM_N, DREAM_N["redirect_uri"] + "?foo=bar"),
                             (self.multi, "https://partner.example/cb?tenant=a"),
                             (self.multi, "https://partner.example/cb2?tenant=b"),
                             (self.multi, "https://partner.example/cb2?tenant=ab"),
                             (self.multi, "https://partner.example/cb2?tenant=a&x=1"),
                             (self.multi, "https://partner.example/cb2?x=1&tenant=a"),
                             (self.multi, "https://partner.example/cb2?tenant=a/"),
                             (self.multi, "https://partner.example/cb2")):
            with self.subTest(redirect_uri=uri):
                params, _ = auth_params(partner, redirect_uri=uri)
                self.assert_error_page(self.refused_at_authorize(params), uri)
        # The registered URI with its query is accepted, the answer appended after '&'.
        code = fresh_code(self.browser, partner=self.multi, redirect_uri="https://partner.example/cb2?tenant=a")
        self.assertTrue(code["location"].startswith("https://partner.example/cb2?tenant=a&"), code["location"])
        self.assertEqual(code["query"]["tenant"], "a")

    def test_o06_host_or_scheme_case_changed_gets_an_error_page(self):
        for partner, uri in ((self.multi, "HTTPS://partner.example/cb"),
                             (self.multi, "Https://partner.example/cb"),
                             (self.multi, "https://Partner.Example/cb"),
                             (self.multi, "https://PARTNER.EXAMPLE/cb"),
                             (self.multi, "https://partner.example/CB"),
                             (self.multi, "https://partner.example:443/cb"),
                             (self.multi, "http://partner.example/cb"),
                             (DREAM_N, "HTTP://127.0.0.1:8091/callback"),
                             (DREAM_N, "http://127.0.0.1:8091/Callback"),
                             (DREAM_N, "https://127.0.0.1:8091/callback")):
            with self.subTest(redirect_uri=uri):
                params, _ = auth_params(partner, redirect_uri=uri)
                self.assert_error_page(self.refused_at_authorize(params), uri)

    def test_o07_missing_response_type_redirects_with_invalid_request(self):
        params, _ = auth_params(response_type=None)
        self.assert_redirect_error(self.refused_at_authorize(params), params,
                                   ("invalid_request", "unsupported_response_type"))

    def test_o08_token_response_types_are_unsupported(self):
        for rt in ("token", "id_token token", "id_token", "code id_token", "code token", "tokenn", "none"):
            with self.subTest(response_type=rt):
                params, _ = auth_params(response_type=rt)
                self.assert_redirect_error(self.refused_at_authorize(params), params, "unsupported_response_type", rt)

    def test_o09_scope_without_openid_or_not_approved_is_invalid_scope(self):
        for partner, scope in ((DREAM_N, "profile school"), (DREAM_N, ""), (DREAM_N, "openid title"),
                               (DREAM_N, "openid profile school title"), (self.multi, "openid school"),
                               (self.multi, "openid profile title")):
            with self.subTest(client=partner["client_id"], scope=scope):
                params, _ = auth_params(partner, scope=scope)
                self.assert_redirect_error(self.refused_at_authorize(params), params, "invalid_scope", scope)

    def test_o10_plain_code_challenge_method_is_invalid_request(self):
        for method in ("plain", None, "S512", "s256"):
            with self.subTest(code_challenge_method=method):
                verifier, _ = pkce_pair()
                challenge = verifier if method in ("plain", None) else pkce_pair()[1]
                params, _ = auth_params(code_challenge=challenge, code_challenge_method=method)
                q = self.assert_redirect_error(self.refused_at_authorize(params), params, "invalid_request")
                self.assertIn("transform algorithm not supported", q.get("error_description", ""))

    def test_o11_missing_code_challenge_is_invalid_request(self):
        for method in (None, "S256"):
            with self.subTest(code_challenge_method=method):
                params, _ = auth_params(code_challenge=None, code_challenge_method=method)
                self.assert_redirect_error(self.refused_at_authorize(params), params, "invalid_request")

    def test_o12_prompt_none_without_session_is_login_required(self):
        anonymous = Client()
        params, _ = auth_params(prompt="none")
        r = self.refused_at_authorize(params, anonymous)
        self.assert_redirect_error(r, params, "login_required")

    def test_o13_hostile_state_is_echoed_url_encoded_and_never_reflected_unescaped(self):
        # An error redirect and a successful one: the state comes back verbatim, percent-encoded.
        for label, overrides in (("error", {"response_type": None}), ("code", {})):
            params, _ = auth_params(state=HOSTILE_STATE, **overrides)
            r = self.browser.get(authorize_path(params))
            self.assertEqual(r.status, 303, label)
            location = r.header("location")
            self.assertFalse(set(location) & set("<>\"' "), f"{label}: raw characters in {location}")
            self.assertEqual(query_of(location)["state"], HOSTILE_STATE, label)
            self.assert_not_reflected(r, label)
        # Through the login form: the state rides in `next` and survives, escaped on the page.
        anonymous = Client()
        params, _ = auth_params(state=HOSTILE_STATE)
        r = anonymous.get(authorize_path(params))
        self.assert_not_reflected(r, "authorize, anonymous")
        login_page = anonymous.get(r.header("location"))
        self.assertEqual(login_page.status, 200)
        self.assert_not_reflected(login_page, "login page")
        r = log_in_from(anonymous, r, ROAMING_TEACHER)
        self.assert_not_reflected(r, "login POST")
        r = anonymous.get(r.header("location"))
        self.assertEqual(query_of(r.header("location") or "").get("state"), HOSTILE_STATE, "after login")
        # On the consent page (a partner not yet consented to): hidden field escaped, value intact.
        sql(f"DELETE FROM oidc_consent WHERE teacher_id = {self.teacher} AND partner_id = {self.other['id']}")
        params, _ = auth_params(self.other, state=HOSTILE_STATE)
        page = self.browser.get(authorize_path(params))
        self.assertTrue(is_consent_page(page))
        self.assert_not_reflected(page, "consent page")
        self.assertIn(("state", HOSTILE_STATE), hidden_fields(page.text, "/oidc/authorize"))
        r = submit_consent(self.browser, page, "allow")
        self.assertEqual(query_of(r.header("location")).get("state"), HOSTILE_STATE, "after consent")
        # The OP-2 error page and the records-only page.
        params, _ = auth_params(client_id="no-such-partner", state=HOSTILE_STATE)
        self.assert_not_reflected(self.browser.get(authorize_path(params)), "error page")
        records_only = Client()
        params, _ = auth_params(state=HOSTILE_STATE)
        r = log_in_from(records_only, records_only.get(authorize_path(params)), RECORDS_ONLY_TEACHER)
        denied = records_only.get(r.header("location"))
        self.assertEqual(denied.status, 403)
        self.assert_not_reflected(denied, "records-only page")
        sql(f"DELETE FROM partner_disclosure WHERE teacher_id = {teacher_id_of(RECORDS_ONLY_TEACHER)}"
            f" AND event = 'denied'")
        # form_post is not offered: asking for it never yields a page reflecting the state.
        params, _ = auth_params(state=HOSTILE_STATE, response_mode="form_post")
        self.assert_not_reflected(self.browser.get(authorize_path(params)), "form_post")

    # --- the token endpoint ----------------------------------------------------------------

    def test_o14_code_reused_immediately_or_later_is_invalid_grant_and_revokes_the_token(self):
        # Immediately (oidcc-codereuse).
        code = fresh_code(self.browser)
        first = redeem(code)
        self.assertEqual(first.status, 200)
        token = json_of(first)["access_token"]
        self.assertEqual(userinfo(token).status, 200)
        mark = audit_mark()
        self.assert_token_error(redeem(code), 400, "invalid_grant", "immediate reuse")
        self.assertEqual(tokens_of_code(code), 1)
        self.assert_invalid_token(userinfo(token), "token of a reused code")
        self.assertIn("oidc.code_reused", [a[1] for a in audit_since(mark)])
        # 30 seconds later (oidcc-codereuse-30seconds): the code and its token aged by 30 s.
        code = fresh_code(self.browser)
        token = json_of(redeem(code))["access_token"]
        h = sha256(code["code"])
        sql(f"UPDATE oidc_code SET used_at = used_at - INTERVAL 30 SECOND,"
            f" expires_at = expires_at - INTERVAL 30 SECOND WHERE code_sha256 = '{h}'")
        sql(f"UPDATE oidc_token SET created_at = created_at - INTERVAL 30 SECOND WHERE code_sha256 = '{h}'")
        self.assertEqual(userinfo(token).status, 200, "the token works until the code is replayed")
        self.assert_token_error(redeem(code), 400, "invalid_grant", "reuse after 30 s")
        self.assertEqual(tokens_of_code(code), 1)
        self.assert_invalid_token(userinfo(token), "token of a code reused after 30 s")

    def test_o15_expired_code_is_invalid_grant(self):
        code = fresh_code(self.browser)
        h = sha256(code["code"])
        lifetime = int(sql_value(f"SELECT TIMESTAMPDIFF(SECOND, NOW(3), expires_at) FROM oidc_code"
                                 f" WHERE code_sha256 = '{h}'"))
        self.assertTrue(0 < lifetime <= 600, f"code lifetime {lifetime} s (RFC 6749 §4.1.2: at most 10 min)")
        sql(f"UPDATE oidc_code SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE code_sha256 = '{h}'")
        self.assert_token_error(redeem(code), 400, "invalid_grant")
        self.assertEqual(tokens_of_code(code), 0)

    def test_o16_code_of_client_a_redeemed_by_client_b_is_invalid_grant(self):
        code = fresh_code(self.browser)
        for redirect_uri in (DREAM_N["redirect_uri"], self.other["redirect_uri"]):
            with self.subTest(redirect_uri=redirect_uri):
                r = redeem(code, partner=self.other, redirect_uri=redirect_uri)
                self.assert_token_error(r, 400, "invalid_grant")
        self.assertEqual(tokens_of_code(code), 0)

    def test_o17_token_redirect_uri_different_or_missing_is_invalid_grant(self):
        for label, value in (("other registered URI", "https://partner.example/cb2?tenant=a"),
                             ("trailing slash", "https://partner.example/cb/"),
                             ("missing", None), ("empty", "")):
            with self.subTest(label):
                code = fresh_code(self.browser, partner=self.multi, redirect_uri="https://partner.example/cb")
                self.assert_token_error(redeem(code, partner=self.multi, redirect_uri=value), 400, "invalid_grant")
                self.assertEqual(tokens_of_code(code), 0)

    def test_o18_wrong_or_downgraded_code_verifier_is_refused(self):
        for label, verifier in (("another verifier", pkce_pair()[0]), ("the challenge itself", None),
                                ("too short", "a" * 42), ("missing", "")):
            with self.subTest(label):
                code = fresh_code(self.browser)
                sent = code["params"]["code_challenge"] if verifier is None else verifier
                r = redeem(code, code_verifier=sent or None)
                if label == "missing":  # RFC 7636 §4.6 allows either answer
                    self.assertEqual(r.status, 400, r.text)
                    self.assertIn((json_of(r) or {}).get("error"), ("invalid_grant", "invalid_request"))
                else:
                    self.assert_token_error(r, 400, "invalid_grant", label)
                self.assertEqual(tokens_of_code(code), 0)
        # PKCE downgrade (RFC 9700 §4.8.2): a code issued without a challenge, redeemed with a
        # verifier. No such code can be had (O11), so one is made so in the database.
        code = fresh_code(self.browser)
        sql(f"UPDATE oidc_code SET code_challenge = '' WHERE code_sha256 = '{sha256(code['code'])}'")
        r = redeem(code)
        self.assertEqual(r.status, 400, r.text)
        self.assertIn((json_of(r) or {}).get("error"), ("invalid_grant", "invalid_request"))
        self.assertEqual(tokens_of_code(code), 0)

    def test_o19_bad_client_authentication_is_401_invalid_client(self):
        code = fresh_code(self.browser)
        fields = {"grant_type": "authorization_code", "code": code["code"],
                  "redirect_uri": DREAM_N["redirect_uri"], "code_verifier": code["verifier"]}
        # Wrong secret over HTTP Basic: 401 and WWW-Authenticate (RFC 6749 §5.2).
        r = token_request(fields, "dream-n", "not-the-secret")
        self.assert_token_error(r, 401, "invalid_client", "wrong basic secret")
        self.assertTrue((r.header("www-authenticate") or "").startswith("Basic"), r.header("www-authenticate"))
        r = token_request(fields, "no-such-partner", "x")
        self.assert_token_error(r, 401, "invalid_client", "unknown client over basic")
        self.assertTrue((r.header("www-authenticate") or "").startswith("Basic"))
        # No client authentication at all.
        self.assert_token_error(token_request(fields), 401, "invalid_client", "no auth")
        self.assert_token_error(token_request(dict(fields, client_id="dream-n")), 401, "invalid_client",
                                "client_id only")
        # Wrong secret in the body.
        self.assert_token_error(token_request(dict(fields, client_id="dream-n", client_secret="wrong")), 401,
                                "invalid_client", "wrong post secret")
        # Both methods at once, even with the right secret (RFC 6749 §2.3.1).
        self.assert_token_error(token_request(dict(fields, client_id="dream-n", client_secret="dream-n-secret"),
                                              "dream-n", "dream-n-secret"), 401, "invalid_client", "both")
        # Nothing was issued nor spent: the code still works for the real client.
        self.assertEqual(tokens_of_code(code), 0)
        self.assertFalse(code_used(code))
        self.assertEqual(redeem(code).status, 200)

    def test_o20_password_unknown_and_ungranted_grant_types_are_refused(self):
        for grant in ("password", "refresh_token", "implicit", "urn:ietf:params:oauth:grant-type:device_code",
                      "urn:ietf:params:oauth:grant-type:jwt-bearer", "AUTHORIZATION_CODE"):
            with self.subTest(grant_type=grant):
                before = count("oidc_token", f"partner_id = {self.dream_n}")
                r = token_request({"grant_type": grant, "username": ROAMING_TEACHER,
                                   "password": portal.DEMO_PASSWORD, "refresh_token": "x", "scope": "openid"},
                                  "dream-n", "dream-n-secret")
                self.assert_token_error(r, 400, "unsupported_grant_type", grant)
                self.assertEqual(count("oidc_token", f"partner_id = {self.dream_n}"), before)
        # client_credentials for a partner not approved to report (ASVS 10.4.4).
        before = count("oidc_token", f"partner_id = {self.multi['id']}")
        r = token_request({"grant_type": "client_credentials"}, self.multi["client_id"], self.multi["secret"])
        self.assert_token_error(r, 400, "unauthorized_client")
        self.assertEqual(count("oidc_token", f"partner_id = {self.multi['id']}"), before)

    def test_o21_token_request_by_get_or_json_is_refused(self):
        code = fresh_code(self.browser)
        fields = {"grant_type": "authorization_code", "code": code["code"], "redirect_uri": DREAM_N["redirect_uri"],
                  "code_verifier": code["verifier"], "client_id": "dream-n", "client_secret": "dream-n-secret"}
        r = Client().get("/oidc/token?" + urllib.parse.urlencode(fields),
                         headers={"Authorization": portal.basic_auth("dream-n", "dream-n-secret")})
        self.assertEqual(r.status, 405, r.text)
        self.assertNotIn("access_token", r.text)
        del fields["client_secret"]
        del fields["client_id"]
        r = Client().request("POST", "/oidc/token", raw_body=json.dumps(fields).encode(),
                             headers={"Content-Type": "application/json",
                                      "Authorization": portal.basic_auth("dream-n", "dream-n-secret")})
        self.assert_token_error(r, 400, "invalid_request", "JSON body")
        self.assertEqual(tokens_of_code(code), 0)
        self.assertFalse(code_used(code))

    # --- userinfo and bearer tokens --------------------------------------------------------

    def test_o22_userinfo_without_expired_revoked_or_query_token_is_401(self):
        self.assert_invalid_token(Client().get("/oidc/userinfo"), "no token", token_sent=False)
        self.assert_invalid_token(Client().request("POST", "/oidc/userinfo"), "no token, POST", token_sent=False)
        self.assert_invalid_token(userinfo("not-a-token"), "unknown token")
        # A valid token sent anywhere but the header is refused by policy (RFC 6750 §2.3).
        token = json_of(redeem(fresh_code(self.browser)))["access_token"]
        self.assert_invalid_token(Client().get("/oidc/userinfo?access_token=" + token), "query string")
        self.assert_invalid_token(Client().post("/oidc/userinfo", {"access_token": token}), "form body")
        self.assertEqual(userinfo(token).status, 200, "the same token in the header works")
        sql(f"UPDATE oidc_token SET expires_at = NOW() - INTERVAL 1 SECOND WHERE token_sha256 = '{sha256(token)}'")
        self.assert_invalid_token(userinfo(token), "expired")
        self.assert_invalid_token(userinfo(token, "POST"), "expired, POST")
        token = json_of(redeem(fresh_code(self.browser)))["access_token"]
        sql(f"UPDATE oidc_token SET revoked_at = NOW() WHERE token_sha256 = '{sha256(token)}'")
        self.assert_invalid_token(userinfo(token), "revoked")
        # A partner's own (client credentials) token is no teacher's token.
        self.assert_invalid_token(userinfo(portal.partner_token("dream-n", "dream-n-secret")), "partner token")

    def test_o23_forged_jwts_are_refused_at_userinfo_and_the_api(self):
        kid = self.jwks["keys"][0]["kid"]
        now = int(time.time())
        good = {"iss": ISSUER, "sub": "x" * 43, "aud": "dream-n", "iat": now, "exp": now + 600, "scope": "report"}
        public_pem = JsonWebKey.import_key(self.jwks["keys"][0]).as_pem(is_private=False)
        rs256 = JsonWebToken(["RS256"])
        own_key = JsonWebKey.generate_key("RSA", 2048, is_private=True)
        with open(os.path.join(portal.VAR, "secrets", "oidc", kid + ".pem"), "rb") as f:
            portal_key = f.read()
        unsigned = jwt_segment({"alg": "none", "typ": "JWT"}) + "." + jwt_segment(good) + "."
        hs_head = jwt_segment({"alg": "HS256", "typ": "JWT", "kid": kid}) + "." + jwt_segment(good)
        hs256 = hs_head + "." + b64url(hmac.new(public_pem, hs_head.encode(), hashlib.sha256).digest())
        forged = {
            "alg none": unsigned,
            "alg none, kid": jwt_segment({"alg": "none", "kid": kid}) + "." + jwt_segment(good) + ".",
            "HS256 with the public key": hs256,
            "unknown kid": rs256.encode({"alg": "RS256", "kid": "no-such-kid"}, good, own_key).decode(),
            "right kid, wrong key": rs256.encode({"alg": "RS256", "kid": kid}, good, own_key).decode(),
            "expired": rs256.encode({"alg": "RS256", "kid": kid},
                                    dict(good, iat=now - 7200, exp=now - 3600), portal_key).decode(),
            "wrong aud": rs256.encode({"alg": "RS256", "kid": kid}, dict(good, aud="someone-else"),
                                      portal_key).decode(),
        }
        # An id_token, genuinely signed, is still not an access token.
        forged["an id_token"] = json_of(redeem(fresh_code(self.browser)))["id_token"]
        report = {"reference": "forged-" + portal.random_text(6), "attendees": []}
        for label, jws in forged.items():
            with self.subTest(label):
                self.assert_invalid_token(userinfo(jws), label)
                r = portal.api_post("/api/v1/reports", jws, report)
                self.assertEqual(r.status, 401, f"{label}: {r.text}")
                self.assertTrue((r.header("www-authenticate") or "").startswith("Bearer"))

    # --- headers, invariants, discovery ----------------------------------------------------

    def test_o24_no_cors_on_authorize_pages_not_frameable_and_303_after_login(self):
        origin = {"Origin": "https://evil.example"}
        answers = {}
        params, _ = auth_params()
        answers["code redirect"] = self.browser.get(authorize_path(params), headers=origin)
        answers["login redirect"] = Client().get(authorize_path(auth_params()[0]), headers=origin)
        answers["error page"] = Client().get(authorize_path(auth_params(client_id="nope")[0]), headers=origin)
        answers["error redirect"] = Client().get(authorize_path(auth_params(response_type="token")[0]), headers=origin)
        answers["preflight"] = Client().request("OPTIONS", authorize_path(params), headers=dict(
            origin, **{"Access-Control-Request-Method": "GET"}))
        sql(f"DELETE FROM oidc_consent WHERE teacher_id = {self.teacher} AND partner_id = {self.other['id']}")
        consent = self.browser.get(authorize_path(auth_params(self.other)[0]), headers=origin)
        self.assertTrue(is_consent_page(consent))
        answers["consent page"] = consent
        for label, r in answers.items():
            self.assertIsNone(r.header("access-control-allow-origin"), f"{label}: CORS at the authorization endpoint")
            self.assertIsNone(r.header("access-control-allow-credentials"), label)
        # Login, consent and error pages cannot be framed (OP-13).
        anonymous = Client()
        r = anonymous.get(authorize_path(auth_params()[0]))
        framed = {"login page": anonymous.get(r.header("location")), "consent page": consent,
                  "error page": answers["error page"]}
        for label, page in framed.items():
            self.assertEqual(page.status, 400 if label == "error page" else 200, label)
            csp = page.header("content-security-policy") or ""
            self.assertIn("frame-ancestors 'none'", csp, label)
            self.assertEqual(page.header("x-frame-options"), "DENY", label)
        # 303 after the login POST and after the consent POST, never 307/308 (OP-12).
        r = log_in_from(anonymous, r, ROAMING_TEACHER)
        self.assertEqual(r.status, 303)
        r = submit_consent(self.browser, consent, "allow")
        self.assertEqual(r.status, 303)

    def test_o25_every_issued_token_holds_the_invariants(self):
        key_set = JsonWebKey.import_key_set(self.jwks)
        kids = [k["kid"] for k in self.jwks["keys"]]
        codes = []
        for max_age in (None, "3600"):
            code = fresh_code(self.browser, **({"max_age": max_age} if max_age else {}))
            codes.append(code["code"])
            self.assertEqual(code["query"].get("iss"), ISSUER)
            self.assertEqual(code["query"].get("state"), code["params"]["state"])
            r = redeem(code)
            self.assertEqual(r.status, 200, r.text)
            self.assertIn("no-store", r.header("cache-control") or "")
            self.assertTrue((r.header("content-type") or "").startswith("application/json"))
            body = json_of(r)
            self.assertEqual(body["token_type"], "Bearer")
            self.assertIsInstance(body["expires_in"], int)
            self.assertGreater(body["expires_in"], 0)
            head = json.loads(base64.urlsafe_b64decode(body["id_token"].split(".")[0] + "=="))
            self.assertEqual(head["alg"], "RS256")
            self.assertIn(head["kid"], kids)
            claims = JsonWebToken(["RS256"]).decode(body["id_token"], key_set)
            self.assertEqual(claims["iss"], ISSUER)
            self.assertIn(claims["aud"], ("dream-n", ["dream-n"]))
            self.assertEqual(claims["nonce"], code["params"]["nonce"])
            now = time.time()
            self.assertLessEqual(claims["iat"], now + 5)
            self.assertGreater(claims["exp"], now)
            self.assertLessEqual(claims["exp"] - claims["iat"], 3600, "id_token lifetime over an hour")
            sub = claims["sub"]
            self.assertTrue(sub.isascii() and 0 < len(sub) <= 255)
            if max_age:
                self.assertIsInstance(claims.get("auth_time"), int)
                self.assertLessEqual(claims["auth_time"], now + 1)
                self.assertGreater(claims["auth_time"], now - 3600)
        # Codes: at least 128 bits long, and at least 96 bits of measured entropy (oidcc-server).
        for _ in range(8):
            codes.append(fresh_code(self.browser)["code"])
        self.assertEqual(len(set(codes)), len(codes))
        freq = Counter("".join(codes))
        total = sum(freq.values())
        bits_per_char = -sum(n / total * math.log2(n / total) for n in freq.values())
        for c in codes:
            raw = base64.urlsafe_b64decode(c + "=" * (-len(c) % 4))
            self.assertGreaterEqual(len(raw) * 8, 128, c)
            self.assertGreaterEqual(bits_per_char * len(c), 96, c)
        # Refusals at the token endpoint are not cached either.
        self.assertIn("no-store", redeem(fresh_code(self.browser), code_verifier=pkce_pair()[0]).header("cache-control"))
        # The nonce is passed through unmodified, however long (OIDC Core §3.1.2.1), or refused.
        long_nonce = portal.random_text(225)  # 300 characters
        params, verifier = auth_params(nonce=long_nonce)
        r = self.browser.get(authorize_path(params))
        q = query_of(r.header("location") or "")
        if "code" in q:
            body = json_of(redeem({"code": q["code"], "verifier": verifier, "params": params}))
            self.assertEqual(JsonWebToken(["RS256"]).decode(body["id_token"], key_set).get("nonce"), long_nonce,
                             "the nonce came back altered")
        else:
            self.assert_redirect_error(r, params, "invalid_request", "long nonce")

    def test_o26_discovery_document_meets_the_config_op_checks(self):
        r = Client().get("/.well-known/openid-configuration")
        self.assertEqual(r.status, 200)
        self.assertTrue((r.header("content-type") or "").startswith("application/json"))
        doc = json.loads(r.text)
        self.assertEqual(doc["issuer"], ISSUER, "issuer equals the discovery URL's prefix")
        issuer = urllib.parse.urlsplit(doc["issuer"])
        self.assertIn(issuer.scheme, ("http", "https"))
        self.assertFalse(issuer.query or issuer.fragment)
        for name in ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri"):
            url = doc.get(name)
            self.assertTrue(url and url.startswith(ISSUER + "/"), f"{name}: {url}")
            parts = urllib.parse.urlsplit(url)
            # https everywhere, except the loopback address of a test stack.
            self.assertTrue(parts.scheme == "https" or parts.hostname in ("127.0.0.1", "localhost", "::1"), url)
        self.assertTrue(doc["authorization_endpoint"].endswith("/oidc/authorize"))
        self.assertIn("openid", doc["scopes_supported"])
        self.assertEqual(doc["response_types_supported"], ["code"])
        self.assertEqual(doc["code_challenge_methods_supported"], ["S256"])
        self.assertIn("pairwise", doc["subject_types_supported"])
        self.assertIn("RS256", doc["id_token_signing_alg_values_supported"])
        self.assertNotIn("none", doc["id_token_signing_alg_values_supported"])
        for name in ("grant_types_supported", "claims_supported", "scopes_supported", "subject_types_supported",
                     "token_endpoint_auth_methods_supported", "response_types_supported"):
            self.assertIsInstance(doc.get(name), list, name)
        self.assertNotIn("implicit", doc["grant_types_supported"])
        self.assertNotIn("password", doc["grant_types_supported"])
        for name in ("claims_parameter_supported", "request_parameter_supported", "request_uri_parameter_supported"):
            self.assertIsInstance(doc.get(name), bool, name)
        self.assertIs(doc.get("authorization_response_iss_parameter_supported"), True)
        for claim in ("sub", "name", "school_code", "school_name", "title_code", "title_name"):
            self.assertIn(claim, doc["claims_supported"])
        for locale in doc.get("ui_locales_supported", []) + doc.get("claims_locales_supported", []):
            self.assertRegex(locale, r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")
        # The JWKS: valid RSA signing keys with distinct kids.
        jwks = json.loads(Client().get(urllib.parse.urlsplit(doc["jwks_uri"]).path).text)
        kids = [k["kid"] for k in jwks["keys"]]
        self.assertTrue(kids)
        self.assertEqual(len(kids), len(set(kids)))
        for k in jwks["keys"]:
            self.assertEqual((k["kty"], k.get("use"), k.get("alg")), ("RSA", "sig", "RS256"))
            self.assertNotIn("d", k, "a private key in the JWKS")
            self.assertGreaterEqual(len(base64.urlsafe_b64decode(k["n"] + "==")) * 8, 2048)
            JsonWebKey.import_key(k)

    # --- beyond the table ------------------------------------------------------------------

    def test_op3_anonymous_erroneous_request_authenticates_before_redirecting(self):
        """RFC 9700 §4.11.2 (OP-3): the AS MUST always authenticate the user before redirecting to a
        client, except prompt=none; otherwise a bad scope turns the OP into a redirector."""
        anonymous = Client()
        params, _ = auth_params(scope="openid title")
        r = anonymous.get(authorize_path(params))
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").startswith("/login?next="),
                        f"redirected an anonymous visitor to the partner: {r.header('location')}")

    def test_refusals_at_token_and_userinfo_endpoints_are_audited(self):
        """§4.4 pass figure: each refusal present in the audit log, at the token endpoint and at
        userinfo as at the authorization endpoint."""
        cases = {
            "wrong verifier": lambda: redeem(fresh_code(self.browser), code_verifier=pkce_pair()[0]),
            "wrong secret": lambda: token_request({"grant_type": "client_credentials"}, "dream-n", "wrong"),
            "unsupported grant": lambda: token_request({"grant_type": "password"}, "dream-n", "dream-n-secret"),
            "forged bearer at userinfo": lambda: userinfo("forged-token"),
        }
        for label, request in cases.items():
            with self.subTest(label):
                mark = audit_mark()
                r = request()
                self.assertIn(r.status, (400, 401), label)
                # fresh_code itself writes nothing to the audit log once consent exists.
                refusals = [a for a in audit_since(mark) if a[1] not in ("oidc.token", "oidc.consent")]
                self.assertTrue(refusals, f"{label}: refused with {r.status} but nothing in audit_log")


if __name__ == "__main__":
    portal.main()
