"""雙因素驗證 (issue 10, ASVS V2.8): TOTP with one-time recovery codes for business accounts.

A right password of an account with a factor (or whose role requires one: 審課人員, the
administrator) opens no session, only a five-minute challenge; the session begins, under a new id,
when a code is passed. A code is accepted once; wrong codes count as failed logins and five end
the challenge. Accounts set the factor up on /account/second-factor (or at login when required),
see ten recovery codes once, renew them, and turn the factor off (or, when required, clear it to set
up a new phone). The approving 總負責人 sees whether it is on. Accounts are made for the module.
"""
import re
import unittest

import portal
from portal import (Client, flash_of, logged_in, main, session_key, sql, sql_value, token_of, totp_now,
                    unique)

MADE = {}


def setUpModule():
    for key, kind, unit in (("organizer", "organizer", 4), ("reviewer", "reviewer", 2)):
        name = unique(f"mfa-{key}").replace("-", "")[:30]
        portal.new_business_account(name, unit_id=unit, kind=kind)
        sql(f"UPDATE business_account SET email = '{name}@example.edu.tw' WHERE account_name = '{name}'")
        MADE[key] = name


def tearDownModule():
    for name in MADE.values():
        portal.delete_business_account(name)


def factor(name):
    row = sql(f"SELECT totp_enabled_at IS NOT NULL, totp_secret IS NOT NULL, totp_last_step,"
              f" (SELECT COUNT(*) FROM recovery_code r WHERE r.account_id = a.id AND r.used_at IS NULL)"
              f" FROM business_account a WHERE account_name = '{name}'")[0]
    return {"enabled": row[0] == "1", "secret": row[1] == "1", "last_step": int(row[2]), "unused_codes": int(row[3])}


def sessions_of(name):
    return int(sql_value(f"SELECT COUNT(*) FROM web_session s JOIN business_account a ON a.id = s.account_id"
                         f" WHERE a.account_name = '{name}'"))


def failures_of(name):
    return int(sql_value(f"SELECT COUNT(*) FROM login_failure WHERE account_key = '{portal.account_key(name)}'"))


def password_only(name):
    """A client past the password, at /login/second-factor, with no session yet."""
    c = Client()
    r = c.login(name, second_factor=False)
    assert r.status == 303 and r.header("location").endswith("/login/second-factor"), (r.status, r.header("location"))
    return c


def recovery_codes_in(html):
    return re.findall(r"<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>", html)


def set_up_factor(name):
    """Turns the factor on from the account's own page; returns (client, recovery codes)."""
    c = logged_in(name)
    page = c.get("/account/second-factor")
    assert page.status == 200 and "設定雙因素驗證" in page.text, page.status
    sql(f"UPDATE business_account SET totp_last_step = 0 WHERE account_name = '{name}'")
    r = c.post("/account/second-factor/enable", {"csrf": token_of(c), "code": totp_now(name)})
    assert r.status == 200, r.status
    return c, recovery_codes_in(r.text)


def turn_off(name):
    sql(f"UPDATE business_account SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = 0"
        f" WHERE account_name = '{name}'")
    sql(f"DELETE r FROM recovery_code r JOIN business_account a ON a.id = r.account_id WHERE a.account_name = '{name}'")
    sql(f"DELETE FROM login_failure WHERE account_key = '{portal.account_key(name)}'")


class LoginWithAFactor(unittest.TestCase):
    """The demo 審課人員 `reviewer` has an authenticator set up."""

    def setUp(self):
        sql(f"DELETE FROM login_failure WHERE account_key = '{portal.account_key('reviewer')}'")

    def test_the_password_alone_opens_no_session(self):
        before = sessions_of("reviewer")
        c = password_only("reviewer")
        self.assertNotIn("sid", c.cookies)
        self.assertEqual(sessions_of("reviewer"), before)
        r = c.get("/review")
        self.assertNotEqual(r.status, 200)
        page = c.get("/login/second-factor")
        self.assertEqual(page.status, 200)
        self.assertIn("驗證碼或備用復原碼", page.text)

    def test_the_right_code_starts_a_new_session_and_lands_on_the_queue(self):
        c = password_only("reviewer")
        before = sessions_of("reviewer")
        r = c.pass_second_factor("reviewer")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").endswith("/review"))
        self.assertIn("sid", c.cookies)
        self.assertEqual(sessions_of("reviewer"), before + 1)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM web_session WHERE id_sha256 = '{session_key(c.cookies['sid'])}'"), "1")
        self.assertNotIn("mfa", c.cookies)
        self.assertEqual(c.get("/review").status, 200)

    def test_a_wrong_code_is_refused_counted_and_opens_nothing(self):
        c = password_only("reviewer")
        sessions, failures = sessions_of("reviewer"), failures_of("reviewer")
        wrong = "%06d" % ((int(totp_now("reviewer")) + 1) % 1000000)
        r = c.post("/login/second-factor", {"csrf": token_of_challenge(c), "code": wrong})
        self.assertEqual(r.status, 422)
        self.assertIn("驗證碼不正確", r.text)
        self.assertNotIn("sid", c.cookies)
        self.assertEqual(sessions_of("reviewer"), sessions)
        self.assertEqual(failures_of("reviewer"), failures + 1)
        self.assertEqual(c.pass_second_factor("reviewer").status, 303)  # the challenge goes on

    def test_a_code_is_accepted_once(self):
        first = password_only("reviewer")
        sql("UPDATE business_account SET totp_last_step = 0 WHERE account_name = 'reviewer'")
        code = totp_now("reviewer")
        self.assertEqual(first.pass_second_factor("reviewer", code=code).status, 303)
        second = password_only("reviewer")
        sessions = sessions_of("reviewer")
        r = second.pass_second_factor("reviewer", code=code)
        self.assertEqual(r.status, 422)
        self.assertIn("已經使用過", r.text)
        self.assertNotIn("sid", second.cookies)
        self.assertEqual(sessions_of("reviewer"), sessions)

    def test_an_older_code_after_a_newer_one_is_refused(self):
        c = password_only("reviewer")
        sql("UPDATE business_account SET totp_last_step = 0 WHERE account_name = 'reviewer'")
        self.assertEqual(c.pass_second_factor("reviewer", code=totp_now("reviewer", 1)).status, 303)
        again = password_only("reviewer")
        self.assertEqual(again.pass_second_factor("reviewer", code=totp_now("reviewer", 0)).status, 422)

    def test_five_wrong_codes_end_the_challenge(self):
        c = password_only("reviewer")
        for _ in range(4):
            self.assertEqual(c.post("/login/second-factor", {"csrf": token_of_challenge(c), "code": "000000"}).status, 422)
        r = c.post("/login/second-factor", {"csrf": token_of_challenge(c), "code": "000000"})
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").endswith("/login"))
        self.assertIn("錯誤次數過多", flash_of(c.get("/login").text))
        r = c.get("/login/second-factor")
        self.assertEqual(r.status, 303)
        self.assertNotIn("sid", c.cookies)

    def test_an_expired_challenge_sends_back_to_the_login(self):
        c = password_only("reviewer")
        token = token_of_challenge(c)
        sql(f"UPDATE login_challenge SET created_at = NOW() - INTERVAL 6 MINUTE"
            f" WHERE id_sha256 = '{session_key(c.cookies['mfa'])}'")
        sql("UPDATE business_account SET totp_last_step = 0 WHERE account_name = 'reviewer'")
        r = c.post("/login/second-factor", {"csrf": token, "code": totp_now("reviewer")})
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").endswith("/login"))
        self.assertNotIn("sid", c.cookies)
        self.assertIn("逾時", flash_of(c.get("/login").text))

    def test_no_csrf_is_refused_and_changes_nothing(self):
        c = password_only("reviewer")
        failures = failures_of("reviewer")
        sql("UPDATE business_account SET totp_last_step = 0 WHERE account_name = 'reviewer'")
        r = c.post("/login/second-factor", {"code": totp_now("reviewer")})
        self.assertEqual(r.status, 403)
        self.assertEqual(factor("reviewer")["last_step"], 0)
        self.assertEqual(failures_of("reviewer"), failures)
        self.assertNotIn("sid", c.cookies)

    def test_an_enabled_secret_is_never_drawn_again(self):
        c = password_only("reviewer")
        self.assertEqual(c.get("/login/second-factor/qr.svg").status, 404)
        signed_in = logged_in("reviewer")
        self.assertEqual(signed_in.get("/account/second-factor/qr.svg").status, 404)
        self.assertNotIn("NFXH", signed_in.get("/account/second-factor").text)

    def test_without_a_challenge_the_factor_page_sends_to_the_login(self):
        r = Client().get("/login/second-factor")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").endswith("/login"))
        self.assertEqual(Client().get("/login/second-factor/qr.svg").status, 404)


def token_of_challenge(client):
    return client.csrf_from("/login/second-factor")


class OfferedToEveryBusinessAccount(unittest.TestCase):
    name = None

    def setUp(self):
        self.name = MADE["organizer"]
        turn_off(self.name)

    def test_an_organizer_without_a_factor_logs_in_with_the_password(self):
        r = Client().login(self.name, second_factor=False)
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").endswith("/office"))

    def test_setting_it_up_shows_a_qr_code_and_a_wrong_code_changes_nothing(self):
        c = logged_in(self.name)
        page = c.get("/account/second-factor")
        self.assertIn('src="/account/second-factor/qr.svg"', page.text)
        qr = c.get("/account/second-factor/qr.svg")
        self.assertEqual(qr.status, 200)
        self.assertEqual(qr.header("content-type"), "image/svg+xml")
        self.assertIn("<svg", qr.text)
        self.assertEqual(qr.header("cache-control"), "no-store")
        r = c.post("/account/second-factor/enable", {"csrf": token_of(c), "code": "000000"})
        self.assertEqual(r.status, 422)
        self.assertIn("驗證碼不正確", r.text)
        self.assertFalse(factor(self.name)["enabled"])
        r = c.post("/account/second-factor/enable", {"code": totp_now(self.name)})
        self.assertEqual(r.status, 403)
        self.assertFalse(factor(self.name)["enabled"])

    def test_turning_it_on_shows_ten_recovery_codes_once_and_renews_the_session(self):
        c = logged_in(self.name)
        other = logged_in(self.name)
        old_sid = c.cookies["sid"]
        c.get("/account/second-factor")
        sql(f"UPDATE business_account SET totp_last_step = 0 WHERE account_name = '{self.name}'")
        r = c.post("/account/second-factor/enable", {"csrf": token_of(c), "code": totp_now(self.name)})
        self.assertEqual(r.status, 200)
        codes = recovery_codes_in(r.text)
        self.assertEqual(len(codes), 10)
        self.assertEqual(len(set(codes)), 10)
        self.assertEqual(r.header("cache-control"), "no-store")
        self.assertNotEqual(c.cookies["sid"], old_sid)
        self.assertEqual(c.get("/account/second-factor").status, 200)
        self.assertNotEqual(other.get("/office").status, 200)  # every other session ended
        self.assertEqual(factor(self.name), {"enabled": True, "secret": True,
                                             "last_step": factor(self.name)["last_step"], "unused_codes": 10})
        page = c.get("/account/second-factor")
        self.assertIn("已啟用", page.text)
        for code in codes:
            self.assertNotIn(code, page.text)
        portal.wait_for_mail(f"{self.name}@example.edu.tw")

    def test_a_recovery_code_logs_in_once(self):
        _, codes = set_up_factor(self.name)
        c = password_only(self.name)
        r = c.pass_second_factor(self.name, code=codes[0].lower().replace("-", " "))
        self.assertEqual(r.status, 303)
        self.assertIn("尚餘 9 組", flash_of(c.get("/office").text))
        self.assertEqual(factor(self.name)["unused_codes"], 9)
        again = password_only(self.name)
        r = again.pass_second_factor(self.name, code=codes[0])
        self.assertEqual(r.status, 422)
        self.assertNotIn("sid", again.cookies)

    def test_new_recovery_codes_replace_the_old_ones(self):
        c, codes = set_up_factor(self.name)
        r = c.post("/account/second-factor/recovery-codes", {"csrf": token_of(c), "renew_code": "ZZZZZ-ZZZZZ"})
        self.assertEqual(r.status, 422)
        self.assertEqual(factor(self.name)["unused_codes"], 10)
        r = c.post("/account/second-factor/recovery-codes", {"csrf": token_of(c), "renew_code": codes[0]})
        self.assertEqual(r.status, 200)
        fresh = recovery_codes_in(r.text)
        self.assertEqual(len(fresh), 10)
        self.assertFalse(set(fresh) & set(codes))
        self.assertEqual(factor(self.name)["unused_codes"], 10)
        login = password_only(self.name)
        self.assertEqual(login.pass_second_factor(self.name, code=codes[1]).status, 422)
        self.assertEqual(login.pass_second_factor(self.name, code=fresh[0]).status, 303)

    def test_turning_it_off_needs_a_code_and_then_the_password_is_enough(self):
        c, _ = set_up_factor(self.name)
        r = c.post("/account/second-factor/disable", {"csrf": token_of(c), "disable_code": "123456"})
        self.assertEqual(r.status, 422)
        self.assertTrue(factor(self.name)["enabled"])
        sql(f"UPDATE business_account SET totp_last_step = 0 WHERE account_name = '{self.name}'")
        r = c.post("/account/second-factor/disable", {"csrf": token_of(c), "disable_code": totp_now(self.name)})
        self.assertEqual(r.status, 303)
        self.assertEqual(factor(self.name), {"enabled": False, "secret": False, "last_step": 0, "unused_codes": 0})
        self.assertIn("已關閉", flash_of(c.get("/account/second-factor").text))
        r = Client().login(self.name, second_factor=False)
        self.assertTrue(r.header("location").endswith("/office"))

    def test_the_approving_master_sees_whether_it_is_on(self):
        master = logged_in("master")
        row = lambda: re.search(rf'<tr data-account="\d+"[^>]*>\s*<td[^>]*>[^<]*（{self.name}）.*?</tr>',
                                master.get("/office/accounts").text, re.S).group(0)
        self.assertIn("雙因素驗證未啟用", row())
        set_up_factor(self.name)
        self.assertIn("雙因素驗證已啟用", row())


class RequiredOfReviewers(unittest.TestCase):
    def setUp(self):
        self.name = MADE["reviewer"]
        turn_off(self.name)

    def test_a_reviewer_without_one_sets_it_up_before_any_session(self):
        sql(f"DELETE s FROM web_session s JOIN business_account a ON a.id = s.account_id WHERE a.account_name = '{self.name}'")
        c = password_only(self.name)
        page = c.get("/login/second-factor")
        self.assertEqual(page.status, 200)
        self.assertIn("必須使用雙因素驗證", page.text)
        self.assertIn('src="/login/second-factor/qr.svg"', page.text)
        self.assertEqual(c.get("/login/second-factor/qr.svg").header("content-type"), "image/svg+xml")
        self.assertEqual(c.get("/review").status, 303)
        r = c.post("/login/second-factor", {"csrf": token_of_challenge(c), "code": "000000"})
        self.assertEqual(r.status, 422)
        self.assertFalse(factor(self.name)["enabled"])
        self.assertEqual(sessions_of(self.name), 0)
        r = c.pass_second_factor(self.name)
        self.assertEqual(r.status, 200)
        self.assertEqual(len(recovery_codes_in(r.text)), 10)
        self.assertIn('href="/review"', r.text)
        self.assertTrue(factor(self.name)["enabled"])
        self.assertEqual(c.get("/review").status, 200)

    def test_a_reviewer_cannot_turn_it_off_only_clear_it_for_a_new_phone(self):
        c = logged_in(self.name)
        page = c.get("/account/second-factor")
        self.assertIn("無法關閉", page.text)
        self.assertNotIn("關閉雙因素驗證</button>", page.text)
        sql(f"UPDATE business_account SET totp_last_step = 0 WHERE account_name = '{self.name}'")
        r = c.post("/account/second-factor/disable", {"csrf": token_of(c), "disable_code": totp_now(self.name)})
        self.assertEqual(r.status, 303)
        self.assertIn("新的驗證器", flash_of(c.get("/account/second-factor").text))
        r = Client().login(self.name, second_factor=False)
        self.assertTrue(r.header("location").endswith("/login/second-factor"))


class WhoMayUseThePages(unittest.TestCase):
    def test_a_teacher_has_no_second_factor_page(self):
        c = logged_in("A123456789")
        self.assertEqual(c.get("/account/second-factor").status, 403)
        r = c.post("/account/second-factor/enable", {"csrf": token_of(c), "code": "000000"})
        self.assertEqual(r.status, 403)

    def test_anonymous_visitors_are_sent_to_the_login(self):
        self.assertEqual(Client().get("/account/second-factor").status, 303)


if __name__ == "__main__":
    main()
