"""Account roaming end to end (SPEC §7; SECURITY-CATALOGUE §1.2, §4.5 P1, P2, P6; §4.1 L9).

A real relying party, python3-authlib from Debian, drives the whole OpenID Connect flow through
nginx: it builds the authorization request (PKCE S256, state, nonce), a cookie-keeping client plays
the teacher's browser through the portal's real login form and consent page, and authlib redeems
the code (client_secret_basic, and client_secret_post in another run), verifies the id_token with
authlib.jose against the JWKS and reads userinfo. Then: claim minimisation, pairwise subjects,
consent on first use only, prompt=none, max_age, the records-only teacher, revocation, the audit
trail, and parallel redemption of one code.

Run with /usr/bin/python3 (Debian's python, which has python3-authlib).
"""
import base64
import json
import os
import sys
import threading
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import portal  # noqa: E402
from portal import (DREAM_N, ISSUER, RECORDS_ONLY_TEACHER, ROAMING_TEACHER, Client, audit_mark,  # noqa: E402
                    audit_since, authorize, delete_partner, fresh_code, is_consent_page, json_of, log_in_from,
                    new_partner, query_of, redeem, sql, sql_value, submit_consent, teacher_id_of, userinfo)

from authlib.common.security import generate_token  # noqa: E402
from authlib.integrations.requests_client import OAuth2Session  # noqa: E402
from authlib.jose import JsonWebKey, JsonWebToken  # noqa: E402
from authlib.oidc.core import CodeIDToken  # noqa: E402

PROTOCOL_CLAIMS = {"iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "at_hash", "azp"}


def discovery():
    r = Client().get("/.well-known/openid-configuration")
    if r.status != 200:
        raise AssertionError(f"discovery answered {r.status}")
    return json.loads(r.text)


def jwk_set(doc):
    r = Client().get(urllib.parse.urlsplit(doc["jwks_uri"]).path)
    if r.status != 200:
        raise AssertionError(f"jwks answered {r.status}")
    return json.loads(r.text)


def jose_header(token):
    head = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))


class RelyingParty:
    """A partner site as authlib implements it: everything it sends and checks is authlib's."""

    opened = []  # closed by the tests' tearDown

    def __init__(self, doc, partner, auth_method="client_secret_basic"):
        RelyingParty.opened.append(self)
        self.doc = doc
        self.partner = partner
        self.session = OAuth2Session(partner["client_id"], partner["secret"], scope=partner["scope"],
                                     redirect_uri=partner["redirect_uri"], code_challenge_method="S256",
                                     token_endpoint_auth_method=auth_method)
        self.session.trust_env = False  # never a proxy on loopback

    def begin(self, **extra):
        """The authorization request's URL; remembers state, nonce and verifier."""
        self.verifier = generate_token(64)
        self.nonce = generate_token(24)
        url, self.state = self.session.create_authorization_url(
            self.doc["authorization_endpoint"], code_verifier=self.verifier, nonce=self.nonce, **extra)
        if not url.startswith(self.doc["authorization_endpoint"] + "?"):
            raise AssertionError(url)
        return url

    def finish(self, callback_url):
        """Redeems the code of the callback (authlib checks the state) and returns the token."""
        return self.session.fetch_token(self.doc["token_endpoint"], authorization_response=callback_url,
                                        code_verifier=self.verifier)

    def verify(self, id_token, jwks, max_age=None):
        """The id_token's claims after authlib.jose verified signature (RS256 only), iss, aud, exp,
        iat, nonce (and auth_time when max_age was asked)."""
        key_set = JsonWebKey.import_key_set(jwks)
        params = {"nonce": self.nonce, "client_id": self.partner["client_id"]}
        if max_age is not None:
            params["max_age"] = max_age
        claims = JsonWebToken(["RS256"]).decode(
            id_token, key_set, claims_cls=CodeIDToken,
            claims_options={"iss": {"essential": True, "value": ISSUER},
                            "aud": {"essential": True, "value": self.partner["client_id"]},
                            "exp": {"essential": True}, "iat": {"essential": True}},
            claims_params=params)
        claims.validate(leeway=5)
        return claims

    def userinfo(self):
        r = self.session.get(self.doc["userinfo_endpoint"])
        if r.status_code != 200:
            raise AssertionError(f"userinfo answered {r.status_code}: {r.text}")
        return r.json()


def browser_path(url):
    """The path and query of a portal URL, for the browser (portal.Client) to load."""
    parts = urllib.parse.urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != ISSUER:
        raise AssertionError(f"{url} is not on the portal")
    return parts.path + "?" + parts.query


def snapshot_consent(teacher_id, partner_id):
    return sql(f"SELECT claims, granted_at, IFNULL(revoked_at, 'NULL') FROM oidc_consent"
               f" WHERE teacher_id = {teacher_id} AND partner_id = {partner_id}")


def restore_consent(teacher_id, partner_id, rows):
    sql(f"DELETE FROM oidc_consent WHERE teacher_id = {teacher_id} AND partner_id = {partner_id}")
    for claims, granted, revoked in rows:
        revoked_sql = "NULL" if revoked == "NULL" else f"'{revoked}'"
        sql(f"INSERT INTO oidc_consent (teacher_id, partner_id, claims, granted_at, revoked_at)"
            f" VALUES ({teacher_id}, {partner_id}, '{claims}', '{granted}', {revoked_sql})")


class OidcFlowTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.doc = discovery()
        cls.jwks = jwk_set(cls.doc)
        cls.teacher = teacher_id_of(ROAMING_TEACHER)
        cls.dream_n = portal.partner_id_of("dream-n")
        cls.saved_consent = snapshot_consent(cls.teacher, cls.dream_n)
        # A second partner with a different approved claim set and redirect URI (P1, P2).
        cls.other = new_partner(portal.unique("flow-p2"), {"name"}, ["http://127.0.0.1:8092/return"])

    @classmethod
    def tearDownClass(cls):
        delete_partner(cls.other["client_id"])
        restore_consent(cls.teacher, cls.dream_n, cls.saved_consent)

    def setUp(self):
        self.forget_consent()

    def tearDown(self):
        while RelyingParty.opened:
            RelyingParty.opened.pop().session.close()

    def forget_consent(self):
        sql(f"DELETE FROM oidc_consent WHERE teacher_id = {self.teacher}"
            f" AND partner_id IN ({self.dream_n}, {self.other['id']})")

    # --- the relying party's whole journey -------------------------------------------------

    def run_rp_login(self, auth_method, partner=DREAM_N, expect_consent=True):
        """authlib begins; the browser logs in through the real form and consents; authlib finishes.
        Returns (rp, token, claims, userinfo)."""
        rp = RelyingParty(self.doc, partner, auth_method)
        url = rp.begin()
        browser = Client()
        r = browser.get(browser_path(url))
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").startswith("/login?next="), r.header("location"))
        r = log_in_from(browser, r, ROAMING_TEACHER)
        self.assertEqual(r.status, 303, "the login POST answers 303 (never 307)")
        self.assertTrue(r.header("location").startswith("/oidc/authorize?"), r.header("location"))
        r = browser.get(r.header("location"))
        if expect_consent:
            self.assertTrue(is_consent_page(r), f"consent page expected, got {r.status}")
            r = submit_consent(browser, r, "allow")
        self.assertEqual(r.status, 303)
        callback = r.header("location")
        self.assertTrue(callback.startswith(partner["redirect_uri"] + "?"), callback)
        q = query_of(callback)
        self.assertEqual(q.get("state"), rp.state)
        self.assertEqual(q.get("iss"), ISSUER, "RFC 9207 iss in the authorization response")
        token = rp.finish(callback)
        self.assertEqual(token["token_type"], "Bearer")
        claims = rp.verify(token["id_token"], self.jwks)
        header = jose_header(token["id_token"])
        self.assertEqual(header["alg"], "RS256")
        self.assertIn(header["kid"], [k["kid"] for k in self.jwks["keys"]])
        info = rp.userinfo()
        return rp, token, claims, info, browser

    def disclosures_since(self, first_id):
        """Events of partner_disclosure for the demo teacher after `first_id`; reading userinfo
        again may or may not be recorded (the claims were recorded with the token)."""
        return [r[0] for r in sql(f"SELECT event FROM partner_disclosure WHERE id > {first_id}"
                                  f" AND teacher_id = {self.teacher} AND partner_id = {self.dream_n}"
                                  f" AND event <> 'userinfo' ORDER BY id")]

    def assert_minimal(self, claims, info, approved):
        self.assertEqual(set(info) - {"sub"}, set(approved), f"userinfo released {sorted(info)}")
        self.assertEqual(set(claims) - PROTOCOL_CLAIMS, set(approved), f"id_token released {sorted(claims)}")
        self.assertEqual(claims["sub"], info["sub"])

    def test_rp_login_with_client_secret_basic(self):
        mark = audit_mark()
        disclosures = int(sql_value("SELECT IFNULL(MAX(id), 0) FROM partner_disclosure"))
        rp, token, claims, info, _ = self.run_rp_login("client_secret_basic")
        self.assertEqual(claims["aud"], "dream-n")
        self.assertEqual(claims["iss"], ISSUER)
        self.assertEqual(claims["nonce"], rp.nonce)
        self.assertEqual(info["name"], "王小明")
        self.assertEqual(info["school_code"], "034525")
        self.assertEqual(info["school_name"], "桃園市立內壢國民中學")
        self.assert_minimal(claims, info, DREAM_N["claims"])
        self.assertNotIn(ROAMING_TEACHER.lower(), claims["sub"].lower())
        # Consent and token issuance are logged (SPEC §7), and shown to the teacher.
        self.assertIn(("oidc.consent", "dream-n"), [(a[1], a[2]) for a in audit_since(mark)])
        self.assertEqual(self.disclosures_since(disclosures), ["consent", "token"])

    def test_rp_login_with_client_secret_post(self):
        rp, token, claims, info, _ = self.run_rp_login("client_secret_post")
        self.assert_minimal(claims, info, DREAM_N["claims"])
        self.assertEqual(claims["nonce"], rp.nonce)

    def test_p1_claims_equal_the_approved_list_of_each_partner(self):
        _, _, claims, info, _ = self.run_rp_login("client_secret_basic")
        self.assert_minimal(claims, info, {"name", "school_code", "school_name"})
        _, _, claims2, info2, _ = self.run_rp_login("client_secret_basic", partner=self.other)
        self.assert_minimal(claims2, info2, {"name"})
        # Asking for fewer scopes than approved releases fewer claims.
        browser = Client()
        code = fresh_code(browser, account=ROAMING_TEACHER, scope="openid profile")
        body = json_of(redeem(code))
        self.assertEqual(set(json_of(userinfo(body["access_token"]))), {"sub", "name"})

    def test_p2_pairwise_sub_stable_over_ten_logins_and_different_per_partner(self):
        subs = set()
        for i in range(10):
            _, _, claims, info, _ = self.run_rp_login("client_secret_basic", expect_consent=(i == 0))
            subs.add(claims["sub"])
            subs.add(info["sub"])
        self.assertEqual(len(subs), 1, f"sub changed across logins: {subs}")
        sub = subs.pop()
        _, _, claims2, info2, _ = self.run_rp_login("client_secret_basic", partner=self.other)
        self.assertEqual(claims2["sub"], info2["sub"])
        self.assertNotEqual(claims2["sub"], sub, "the same sub at two partners")
        for s in (sub, claims2["sub"]):
            self.assertTrue(s.isascii() and 0 < len(s) <= 255, s)
            self.assertNotIn(ROAMING_TEACHER[1:], s)
            self.assertNotIn(ROAMING_TEACHER.lower(), s.lower())

    def test_returning_teacher_with_consent_skips_the_consent_page(self):
        self.run_rp_login("client_secret_basic", expect_consent=True)
        # A new browser session: log in again, no consent page this time.
        rp = RelyingParty(self.doc, DREAM_N)
        browser = Client()
        r = log_in_from(browser, browser.get(browser_path(rp.begin())), ROAMING_TEACHER)
        r = browser.get(r.header("location"))
        self.assertEqual(r.status, 303, "a consent already given is not asked again")
        self.assertFalse(is_consent_page(r))
        self.assertIn("code", query_of(r.header("location")))
        token = rp.finish(r.header("location"))
        rp.verify(token["id_token"], self.jwks)

    def test_consent_denied_returns_access_denied_with_state(self):
        browser = Client()
        params, _ = portal.auth_params()
        r = authorize(browser, params, account=ROAMING_TEACHER, decision=None)
        self.assertTrue(is_consent_page(r))
        r = submit_consent(browser, r, "deny")
        self.assertEqual(r.status, 303)
        q = query_of(r.header("location"))
        self.assertTrue(r.header("location").startswith(DREAM_N["redirect_uri"] + "?"))
        self.assertEqual((q.get("error"), q.get("state"), q.get("iss")), ("access_denied", params["state"], ISSUER))
        self.assertNotIn("code", q)
        self.assertEqual(snapshot_consent(self.teacher, self.dream_n), [])

    def test_prompt_none_with_session_and_consent_returns_a_code(self):
        rp, _, _, _, browser = self.run_rp_login("client_secret_basic")
        rp2 = RelyingParty(self.doc, DREAM_N)
        r = browser.get(browser_path(rp2.begin(prompt="none")))
        self.assertEqual(r.status, 303)
        callback = r.header("location")
        self.assertTrue(callback.startswith(DREAM_N["redirect_uri"] + "?"), callback)
        self.assertIn("code", query_of(callback))
        rp2.verify(rp2.finish(callback)["id_token"], self.jwks)

    def test_prompt_none_with_session_but_no_consent_is_consent_required(self):
        browser = Client()
        browser.login(ROAMING_TEACHER)
        params, _ = portal.auth_params(prompt="none")
        r = browser.get(portal.authorize_path(params))
        self.assertEqual(r.status, 303)
        q = query_of(r.header("location"))
        self.assertEqual((q.get("error"), q.get("state"), q.get("iss")), ("consent_required", params["state"], ISSUER))
        self.assertNotIn("code", q)

    def test_max_age_gives_auth_time_and_an_older_session_must_log_in_again(self):
        rp, _, _, _, browser = self.run_rp_login("client_secret_basic")
        first_login = int(sql_value(
            f"SELECT UNIX_TIMESTAMP(MAX(created_at)) FROM web_session WHERE teacher_id = {self.teacher}"))
        rp2 = RelyingParty(self.doc, DREAM_N)
        r = browser.get(browser_path(rp2.begin(max_age="600")))
        self.assertEqual(r.status, 303)
        claims = rp2.verify(rp2.finish(r.header("location"))["id_token"], self.jwks, max_age=600)
        self.assertIn("auth_time", claims)
        self.assertEqual(claims["auth_time"], first_login)
        # max_age=1 with a session older than that: the login form again (oidcc-max-age-1).
        time.sleep(2.1)
        rp3 = RelyingParty(self.doc, DREAM_N)
        r = browser.get(browser_path(rp3.begin(max_age="1")))
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").startswith("/login?next="), r.header("location"))
        before_login = int(sql_value("SELECT UNIX_TIMESTAMP()"))
        r = log_in_from(browser, r, ROAMING_TEACHER)
        r = browser.get(r.header("location"))
        self.assertEqual(r.status, 303)
        claims3 = rp3.verify(rp3.finish(r.header("location"))["id_token"], self.jwks, max_age=1)
        self.assertGreaterEqual(claims3["auth_time"], before_login)
        self.assertGreater(claims3["auth_time"], claims["auth_time"])

    def test_prompt_login_asks_for_the_password_even_with_a_session(self):
        rp, _, _, _, browser = self.run_rp_login("client_secret_basic")
        rp2 = RelyingParty(self.doc, DREAM_N)
        r = browser.get(browser_path(rp2.begin(prompt="login")))
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").startswith("/login?next="), r.header("location"))
        r = log_in_from(browser, r, ROAMING_TEACHER)
        r = browser.get(r.header("location"))
        self.assertEqual(r.status, 303, "one login satisfies prompt=login (no loop)")
        rp2.verify(rp2.finish(r.header("location"))["id_token"], self.jwks)

    def test_max_age_zero_asks_for_the_password_like_prompt_login(self):
        """OIDC Core §3.1.2.1 max_age; the WG's reading (connect issue #993): max_age=0 is
        effectively prompt=login, however recent the session."""
        _, _, _, _, browser = self.run_rp_login("client_secret_basic")
        sql(f"UPDATE web_session SET created_at = NOW()"
            f" WHERE id_sha256 = '{portal.session_key(browser.cookies['sid'])}'")
        rp = RelyingParty(self.doc, DREAM_N)
        r = browser.get(browser_path(rp.begin(max_age="0")))
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").startswith("/login?next="),
                        f"max_age=0 with a session of this very second gave {r.header('location')[:80]}")
        r = log_in_from(browser, r, ROAMING_TEACHER)
        r = browser.get(r.header("location"))
        self.assertEqual(r.status, 303)
        self.assertIn("code", query_of(r.header("location")), "one login satisfies max_age=0")

    def test_long_state_and_nonce_survive_the_login_form(self):
        """Partners may carry their own data in state (RFC 6749 sets no length): a request that
        has to pass through the login form comes back intact."""
        rp = RelyingParty(self.doc, DREAM_N)
        url = rp.begin(state=generate_token(256))
        browser = Client()
        r = log_in_from(browser, browser.get(browser_path(url)), ROAMING_TEACHER)
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").startswith("/oidc/authorize?"),
                        f"after login the request was lost: went to {r.header('location')}")
        r = browser.get(r.header("location"))
        if is_consent_page(r):
            r = submit_consent(browser, r, "allow")
        self.assertEqual(query_of(r.header("location")).get("state"), rp.state)
        rp.verify(rp.finish(r.header("location"))["id_token"], self.jwks)

    def test_unknown_parameters_hints_and_other_scope_order_are_accepted(self):
        """oidcc-ensure-request-with-unknown-parameter-succeeds, -other-scope-order-succeeds,
        oidcc-display-page/-popup, oidcc-ui-locales, oidcc-login-hint, acr_values: all succeed."""
        rp, _, _, _, browser = self.run_rp_login("client_secret_basic")
        for extra in ({"extra_parameter": "ignored"}, {"scope": "school openid profile"},
                      {"display": "page"}, {"display": "popup"}, {"ui_locales": "zh-TW en"},
                      {"claims_locales": "zh-TW"}, {"login_hint": "someone"}, {"acr_values": "1 2"}):
            with self.subTest(**extra):
                rp2 = RelyingParty(self.doc, DREAM_N)
                r = browser.get(browser_path(rp2.begin(**extra)))
                self.assertEqual(r.status, 303)
                self.assertIn("code", query_of(r.header("location")), r.header("location"))
                claims = rp2.verify(rp2.finish(r.header("location"))["id_token"], self.jwks)
                self.assertEqual(set(claims) - PROTOCOL_CLAIMS, set(DREAM_N["claims"]))

    def test_records_only_teacher_is_told_why_and_the_partner_gets_access_denied(self):
        teacher = teacher_id_of(RECORDS_ONLY_TEACHER)
        codes_before = sql_value(f"SELECT COUNT(*) FROM oidc_code WHERE teacher_id = {teacher}")
        mark = audit_mark()
        browser = Client()
        params, _ = portal.auth_params()
        r = browser.get(portal.authorize_path(params))
        r = log_in_from(browser, r, RECORDS_ONLY_TEACHER)
        self.assertEqual(r.status, 303)
        r = browser.get(r.header("location"))
        self.assertEqual(r.status, 403)
        self.assertIn("無法使用帳號漫遊", r.text)
        self.assertIn("第 5 條", r.text)
        self.assertIsNone(r.header("location"))
        import html
        import re
        links = [html.unescape(h) for h in re.findall(r'<a\b[^>]*\bhref="([^"]+)"', r.text)]
        back = [h for h in links if h.startswith(DREAM_N["redirect_uri"] + "?")]
        self.assertEqual(len(back), 1, links)
        q = query_of(back[0])
        self.assertEqual((q.get("error"), q.get("state"), q.get("iss")), ("access_denied", params["state"], ISSUER))
        self.assertNotIn("code", q)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM oidc_code WHERE teacher_id = {teacher}"), codes_before)
        self.assertIn("oidc.denied_records_only", [a[1] for a in audit_since(mark)])
        sql(f"DELETE FROM partner_disclosure WHERE teacher_id = {teacher} AND event = 'denied'")

    def test_a_teacher_who_stops_being_in_service_before_the_token_request_gets_nothing(self):
        browser = Client()
        fresh_code(browser, account=ROAMING_TEACHER)  # logs in and consents once
        code = fresh_code(browser)
        teacher = teacher_id_of(ROAMING_TEACHER)
        code_sha256 = portal.hashlib.sha256(code["code"].encode()).hexdigest()
        disclosures = sql_value(f"SELECT COUNT(*) FROM partner_disclosure WHERE teacher_id = {teacher}")
        sql(f"UPDATE teacher SET employment = 'left' WHERE id = {teacher}")
        try:
            r = redeem(code)
            self.assertEqual((r.status, json_of(r)),
                             (400, {"error": "invalid_grant", "error_description": "account may not roam"}))
            # The code was spent (第5條 is checked after the claim, in its transaction), nothing issued.
            self.assertIsNotNone(sql_value(f"SELECT used_at FROM oidc_code WHERE code_sha256 = '{code_sha256}'"))
            self.assertEqual(sql_value(f"SELECT COUNT(*) FROM oidc_token WHERE code_sha256 = '{code_sha256}'"), "0")
            self.assertEqual(sql_value(f"SELECT COUNT(*) FROM partner_disclosure WHERE teacher_id = {teacher}"),
                             disclosures)
        finally:
            sql(f"UPDATE teacher SET employment = 'active' WHERE id = {teacher}")
        again = redeem(code)
        self.assertEqual(json_of(again).get("error_description"), "code already used")

    def test_p6_revoking_on_the_partners_page_stops_the_access_token(self):
        mark = audit_mark()
        rp, token, _, _, browser = self.run_rp_login("client_secret_basic")
        self.assertEqual(userinfo(token["access_token"]).status, 200)
        page = browser.get("/teacher/partners")
        self.assertEqual(page.status, 200)
        self.assertIn("夢的N次方", page.text)
        fields = portal.hidden_fields(page.text, "/teacher/partners/dream-n/revoke")
        self.assertTrue(fields, "a revoke form for dream-n")
        r = browser.post("/teacher/partners/dream-n/revoke", fields)
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("location"), "/teacher/partners")
        gone = userinfo(token["access_token"])
        self.assertEqual(gone.status, 401)
        self.assertIn('error="invalid_token"', gone.header("www-authenticate") or "")
        self.assertNotEqual(snapshot_consent(self.teacher, self.dream_n)[0][2], "NULL")
        self.assertIn("oidc.revoke", [a[1] for a in audit_since(mark)])
        self.assertEqual(sql_value(f"SELECT event FROM partner_disclosure WHERE teacher_id = {self.teacher}"
                                   f" AND partner_id = {self.dream_n} ORDER BY id DESC LIMIT 1"), "revoke")
        page = browser.get("/teacher/partners")
        self.assertIn("撤銷", page.text)
        self.assertEqual(portal.hidden_fields(page.text, "/teacher/partners/dream-n/revoke"), [])
        # After revocation the next login asks for consent again.
        params, _ = portal.auth_params()
        r = authorize(browser, params, decision=None)
        self.assertTrue(is_consent_page(r))

    def test_every_consent_token_and_revocation_is_on_record(self):
        mark = audit_mark()
        first = int(sql_value("SELECT IFNULL(MAX(id), 0) FROM partner_disclosure"))
        _, token, _, _, browser = self.run_rp_login("client_secret_basic")
        _, token2, _, _, _ = self.run_rp_login("client_secret_post", expect_consent=False)
        fields = portal.hidden_fields(browser.get("/teacher/partners").text, "/teacher/partners/dream-n/revoke")
        self.assertEqual(browser.post("/teacher/partners/dream-n/revoke", fields).status, 303)
        actions = [a[1] for a in audit_since(mark) if a[1].startswith("oidc.")]
        self.assertEqual(actions.count("oidc.consent"), 1)
        self.assertEqual(actions.count("oidc.revoke"), 1)
        self.assertEqual(self.disclosures_since(first), ["consent", "token", "token", "revoke"])
        # The teacher sees the same history.
        page = browser.get("/teacher/partners").text
        for label in ("同意授權", "登入並取得資料", "撤銷授權"):
            self.assertIn(label, page)
        for t in (token, token2):
            self.assertEqual(userinfo(t["access_token"]).status, 401)

    def test_l9_parallel_redemption_gives_one_token_per_code_and_revokes_it(self):
        browser = Client()
        fresh_code(browser, account=ROAMING_TEACHER)  # logs in and consents once
        codes = [fresh_code(browser) for _ in range(20)]
        for code in codes:
            results = []
            barrier = threading.Barrier(10)

            def redeem_once():
                barrier.wait()
                r = redeem(code)
                results.append((r.status, json_of(r) or {}))

            threads = [threading.Thread(target=redeem_once) for _ in range(10)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            self.assertEqual(len(results), 10)
            ok = [b for s, b in results if s == 200]
            refused = [b.get("error") for s, b in results if s != 200]
            self.assertEqual(len(ok), 1, f"{len(ok)} successes for one code: {results}")
            self.assertEqual(refused, ["invalid_grant"] * 9, results)
            # A second redemption was seen: the token of the first is revoked (OP-5).
            self.assertEqual(userinfo(ok[0]["access_token"]).status, 401)
            self.assertEqual(sql_value(f"SELECT COUNT(*) FROM oidc_token WHERE code_sha256 ="
                                       f" '{portal.hashlib.sha256(code['code'].encode()).hexdigest()}'"), "1")


if __name__ == "__main__":
    portal.main()
