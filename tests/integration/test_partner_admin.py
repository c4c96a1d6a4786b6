"""Partner applications (seeds 003 appendix 1) and the administrator's decisions on them.

An applicant submits the form; the administrator approves it (creating the OpenID client with
exact redirect URIs, the claims it may receive and a secret shown once), suspends, reinstates,
revokes and renews it. Each decision takes effect on the token endpoint at once.
"""
import re
import unittest

from portal import (Client, json_of, main, partner_application as application, random_text, sql, sql_str, sql_value,
                    token_request)


def today_minus(days):
    return sql_value(f"SELECT CURDATE() - INTERVAL {days} DAY")


def apply(fields):
    client = Client()
    fields = dict(fields, csrf=client.csrf_from("/partners/apply"))
    return client.post("/partners/apply", fields)


def admin():
    client = Client()
    r = client.login("admin")
    assert r.status == 303, r.status
    return client


def csrf_of(html):
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def secret_of(html):
    m = re.search(r'id="client-secret">([^<]+)<', html)
    return m.group(1) if m else None


def client_credentials(client_id, secret):
    return token_request({"grant_type": "client_credentials"}, client_id, secret)


class PartnerAdministration(unittest.TestCase):
    def setUp(self):
        self.site = "測試網站-" + random_text(6)
        self.client_id = "test-" + random_text(6).lower().replace("_", "-")
        self.addCleanup(self.remove_partner)

    def remove_partner(self):
        ids = [row[0] for row in sql(f"SELECT id FROM partner WHERE site_name = '{self.site}'")]
        for pid in ids:
            for table in ("oidc_token", "partner_claim_use", "partner_rate"):
                sql(f"DELETE FROM {table} WHERE partner_id = {pid}")
            sql(f"DELETE FROM partner WHERE id = {pid}")

    def submit(self, **overrides):
        r = apply(application(self.site, **overrides))
        self.assertEqual(r.status, 201, r.text[:500])
        return int(re.search(r"<strong>(\d+)</strong>", r.text).group(1))

    def approve(self, admin_client, pid, **overrides):
        page = admin_client.get(f"/admin/partners/{pid}")
        self.assertEqual(page.status, 200)
        fields = {"csrf": csrf_of(page.text), "client_id": self.client_id,
                  "redirect_uris": "https://partner.example.org/callback", "claims": "name", "may_report": "1"}
        fields.update(overrides)
        return admin_client.post(f"/admin/partners/{pid}/approve", {k: v for k, v in fields.items() if v is not None})

    def test_an_application_with_every_field_is_recorded_as_waiting(self):
        pid = self.submit()
        row = sql(f"SELECT status, agreed_terms, claims FROM partner WHERE id = {pid}")[0]
        self.assertEqual(row[0], "applied")
        self.assertEqual(row[1], "1")
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM partner_claim_use WHERE partner_id = {pid}"), "2")

    def test_an_application_without_all_four_agreements_is_refused_and_nothing_is_stored(self):
        before = sql_value("SELECT COUNT(*) FROM partner")
        r = apply(application(self.site, agree_4=None))
        self.assertEqual(r.status, 422)
        self.assertIn("須詳閱並同意全部四項事項", r.text)
        self.assertIn(self.site, r.text)  # input kept
        self.assertEqual(sql_value("SELECT COUNT(*) FROM partner"), before)

    def test_a_scan_report_older_than_a_year_is_refused(self):
        r = apply(application(self.site, scan_report_date=today_minus(400)))
        self.assertEqual(r.status, 422)
        self.assertIn("弱點掃描報告須為申請日前一年內", r.text)

    def test_a_requested_attribute_needs_its_use(self):
        r = apply(application(self.site, use_name=""))
        self.assertEqual(r.status, 422)
        self.assertIn("請說明「姓名」的用途", r.text)

    def test_an_application_without_csrf_is_refused(self):
        r = Client().post("/partners/apply", application(self.site))
        self.assertEqual(r.status, 403)
        self.assertIsNone(sql_value(f"SELECT id FROM partner WHERE site_name = '{self.site}'"))

    def test_only_the_administrator_sees_and_decides_applications(self):
        pid = self.submit()
        anonymous = Client().get(f"/admin/partners/{pid}")
        self.assertEqual(anonymous.status, 303)
        organizer = Client()
        organizer.login("organizer")
        self.assertEqual(organizer.get(f"/admin/partners/{pid}").status, 403)
        self.assertEqual(admin().get("/admin/partners/999999").status, 404)

    def test_approval_shows_the_secret_once_and_keeps_only_its_digest(self):
        pid = self.submit()
        r = self.approve(admin(), pid)
        self.assertEqual(r.status, 200, r.text[:300])
        self.assertIn("no-store", r.header("cache-control"))
        secret = secret_of(r.text)
        self.assertIsNotNone(secret)
        self.assertEqual(len(secret), 43)
        stored = sql(f"SELECT secret_sha256, status, claims, may_report FROM partner WHERE id = {pid}")[0]
        self.assertNotIn(secret, stored[0])
        self.assertEqual(stored[1:], ["approved", "name", "1"])
        again = admin().get(f"/admin/partners/{pid}")
        self.assertIsNone(secret_of(again.text))
        self.assertEqual(client_credentials(self.client_id, secret).status, 200)

    def test_approval_cannot_grant_an_attribute_that_was_not_requested(self):
        pid = self.submit()
        r = self.approve(admin(), pid, claims="title_name")
        self.assertEqual(r.status, 422)
        self.assertEqual(sql_value(f"SELECT status FROM partner WHERE id = {pid}"), "applied")

    def test_approval_refuses_a_redirect_uri_that_is_not_https(self):
        pid = self.submit()
        r = self.approve(admin(), pid, redirect_uris="http://partner.example.org/callback")
        self.assertEqual(r.status, 422)
        self.assertEqual(sql_value(f"SELECT status FROM partner WHERE id = {pid}"), "applied")

    def test_a_client_id_already_in_use_is_refused(self):
        pid = self.submit()
        r = self.approve(admin(), pid, client_id="dream-n")
        self.assertEqual(r.status, 409)
        self.assertEqual(sql_value(f"SELECT status FROM partner WHERE id = {pid}"), "applied")

    def test_suspension_stops_tokens_at_once_and_reinstatement_restores_the_client(self):
        pid = self.submit()
        admin_client = admin()
        secret = secret_of(self.approve(admin_client, pid).text)
        token = json_of(client_credentials(self.client_id, secret))["access_token"]
        page = admin_client.get(f"/admin/partners/{pid}")
        r = admin_client.post(f"/admin/partners/{pid}/status", {"csrf": csrf_of(page.text), "action": "suspend", "confirm": "1"})
        self.assertEqual(r.status, 303)
        self.assertEqual(client_credentials(self.client_id, secret).status, 401)
        report = Client().request("POST", "/api/v1/reports", raw_body=b"{}",
                                  headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        self.assertEqual(report.status, 401)
        r = admin_client.post(f"/admin/partners/{pid}/status", {"csrf": csrf_of(page.text), "action": "reinstate"})
        self.assertEqual(r.status, 303)
        self.assertEqual(client_credentials(self.client_id, secret).status, 200)

    def test_suspending_twice_is_a_conflict_that_changes_nothing(self):
        pid = self.submit()
        admin_client = admin()
        self.approve(admin_client, pid)
        page = admin_client.get(f"/admin/partners/{pid}")
        admin_client.post(f"/admin/partners/{pid}/status", {"csrf": csrf_of(page.text), "action": "suspend", "confirm": "1"})
        r = admin_client.post(f"/admin/partners/{pid}/status", {"csrf": csrf_of(page.text), "action": "suspend", "confirm": "1"})
        self.assertEqual(r.status, 409)
        self.assertEqual(sql_value(f"SELECT status FROM partner WHERE id = {pid}"), "suspended")

    def test_an_approval_lapses_a_year_after_the_scan_and_renewal_restores_it(self):
        pid = self.submit()
        admin_client = admin()
        secret = secret_of(self.approve(admin_client, pid).text)
        sql(f"UPDATE partner SET scan_report_date = CURDATE() - INTERVAL 366 DAY WHERE id = {pid}")
        self.assertEqual(client_credentials(self.client_id, secret).status, 401)
        page = admin_client.get(f"/admin/partners/{pid}")
        self.assertIn("弱點掃描報告已逾一年", page.text)
        r = admin_client.post(f"/admin/partners/{pid}/renew",
                              {"csrf": csrf_of(page.text), "scan_report_date": today_minus(10)})
        self.assertEqual(r.status, 303)
        self.assertEqual(client_credentials(self.client_id, secret).status, 200)

    def test_suspension_and_revocation_ask_again_on_a_page_of_their_own(self):
        pid = self.submit()
        admin_client = admin()
        self.approve(admin_client, pid)
        page = admin_client.get(f"/admin/partners/{pid}")
        for action, words in (("suspend", "確定要停權"), ("revoke", "確定要廢止")):
            with self.subTest(action=action):
                r = admin_client.post(f"/admin/partners/{pid}/status", {"csrf": csrf_of(page.text), "action": action})
                self.assertEqual(r.status, 200)
                self.assertIn(words, r.text)
                self.assertIn('name="confirm" value="1"', r.text)
                self.assertIn(f'name="action" value="{action}"', r.text)
                self.assertEqual(sql_value(f"SELECT status FROM partner WHERE id = {pid}"), "approved")
        # The confirmation's own form does it.
        confirm = admin_client.post(f"/admin/partners/{pid}/status", {"csrf": csrf_of(page.text), "action": "suspend"})
        r = admin_client.post(f"/admin/partners/{pid}/status",
                              {"csrf": csrf_of(confirm.text), "action": "suspend", "confirm": "1"})
        self.assertEqual(r.status, 303)
        self.assertEqual(sql_value(f"SELECT status FROM partner WHERE id = {pid}"), "suspended")

    def test_a_new_secret_for_a_client_in_use_asks_again_and_keeps_the_old_one_until_confirmed(self):
        pid = self.submit()
        admin_client = admin()
        secret = secret_of(self.approve(admin_client, pid).text)
        r = self.approve(admin_client, pid)
        self.assertEqual(r.status, 200)
        self.assertIn("確定要產生新的 client secret", r.text)
        self.assertIsNone(secret_of(r.text))
        self.assertEqual(client_credentials(self.client_id, secret).status, 200)
        fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', r.text))
        fields["claims"] = "name"
        renewed = admin_client.post(f"/admin/partners/{pid}/approve", fields)
        self.assertEqual(renewed.status, 200)
        self.assertIsNotNone(secret_of(renewed.text))
        self.assertEqual(client_credentials(self.client_id, secret).status, 401)

    def test_settings_of_a_client_in_use_change_without_a_new_secret(self):
        pid = self.submit()
        admin_client = admin()
        secret = secret_of(self.approve(admin_client, pid).text)
        page = admin_client.get(f"/admin/partners/{pid}")
        self.assertIn("儲存設定（不更換 client secret）", page.text)
        uris = "https://partner.example.org/callback\nhttps://partner.example.org/callback2"
        r = admin_client.post(f"/admin/partners/{pid}/approve",
                              {"csrf": csrf_of(page.text), "client_id": self.client_id, "redirect_uris": uris,
                               "claims": "name", "may_report": "1", "keep_secret": "1"})
        self.assertEqual(r.status, 303)
        self.assertEqual(sql_value(f"SELECT redirect_uris = {sql_str(uris)} FROM partner WHERE id = {pid}"), "1")
        self.assertEqual(client_credentials(self.client_id, secret).status, 200)  # the secret still works

    def test_the_application_carries_every_item_of_appendix_1(self):
        page = Client().get("/partners/apply")
        for words in ("單位主管聯絡電話", "單位主管電子信箱", "自行維護", "委外廠商", "測試網址",
                      "已有會員數", "隱私權政策網址", "系統弱點掃描報告日期"):
            self.assertIn(words, page.text)
        pid = self.submit()
        row = sql(f"SELECT head_phone, head_email, maintained_by FROM partner WHERE id = {pid}")[0]
        self.assertEqual(row, ["02-2345-6000", "head@example.org", "vendor"])
        r = apply(application(self.site + "x", maintained_by="outsourced"))
        self.assertEqual(r.status, 422)
        self.assertIn("網站維護方式", r.text)

    def test_the_application_is_linked_from_the_public_pages(self):
        self.assertIn('href="/partners/apply"', Client().get("/").text)

    def test_every_decision_is_audited(self):
        pid = self.submit()
        admin_client = admin()
        self.approve(admin_client, pid)
        page = admin_client.get(f"/admin/partners/{pid}")
        admin_client.post(f"/admin/partners/{pid}/status", {"csrf": csrf_of(page.text), "action": "revoke", "confirm": "1"})
        actions = [row[0] for row in sql(
            "SELECT action FROM audit_log WHERE (object = '%s' AND action = 'partner.approve')"
            " OR (object = '%d' AND action = 'partner.revoke') OR (object = '%d' AND action = 'partner.apply')"
            % (self.client_id, pid, pid))]
        self.assertEqual(sorted(actions), ["partner.apply", "partner.approve", "partner.revoke"])


if __name__ == "__main__":
    main()
