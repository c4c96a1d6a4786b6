"""身分證字號 at rest (SECURITY-CATALOGUE §4.5 P3, issue 10): the database holds every number only
sealed with AES-256-GCM (teacher.national_id_enc) beside its HMAC-SHA-256 (national_id_hmac), so a
full mariadb-dump shows none of them; login, sign-up, the roster upload and the partner API still
find teachers by number, and `portal-tool pii-migrate` seals what a bulk load left in the clear,
once. Run with /usr/bin/python3.
"""
import hashlib
import os
import re
import subprocess
import time
import unittest

import portal
from fixtures import Fixtures
from portal import (DREAM_N, ROOT, VAR, Client, api_post, json_of, logged_in, main, nid_key, nid_where,
                    partner_token, post_multipart, redeem, fresh_code, sql, sql_str, sql_value, token_of, unique,
                    userinfo, wait_for_mail)

BUILD = os.environ.get("PORTAL_BUILD", os.path.join(ROOT, "build"))
made = Fixtures()
MADE = {"teachers": [], "references": []}


def tearDownModule():
    if MADE["references"]:
        refs = ",".join(sql_str(r) for r in MADE["references"])
        sql(f"DELETE FROM study_record WHERE external_ref IN ({refs})")
        sql(f"DELETE FROM partner_report WHERE reference IN ({refs})")
    for tid in MADE["teachers"]:
        sql(f"DELETE FROM account_token WHERE teacher_id = {tid}")
        portal.delete_teacher(tid)
    made.cleanup()


def demo_national_ids():
    with open(os.path.join(ROOT, "sql", "demo.sql"), encoding="utf-8") as f:
        return set(re.findall(r"'([A-Z][12ABCD89]\d{8})'", f.read()))


def dump():
    """A full mariadb-dump of the test database, as an operator's backup would hold it."""
    return subprocess.run(["mariadb-dump", f"--socket={VAR}/run/mysqld.sock", "-uroot", "--single-transaction",
                           "--routines", "--triggers", "inservice"],
                          check=True, capture_output=True).stdout.decode("utf-8", errors="replace")


def pii_migrate():
    return subprocess.run([os.path.join(BUILD, "portal-tool"), "pii-migrate", "--config",
                           os.path.join(VAR, "portal.conf")], capture_output=True, text=True)


def sign_up(nid, email):
    client = Client()
    return client.post("/signup", {
        "csrf": client.csrf_from("/signup"), "national_id": nid, "name": "加密測試", "gender": "F",
        "birth_date": "1984-05-12", "email": email, "phone": "03-4512345", "school_code": "034525",
        "position_category": "substitute", "title_name": "代理教師", "password": "pii-at-rest-2026",
        "password_again": "pii-at-rest-2026", "agree": "1"})


class Stored(unittest.TestCase):
    def test_no_teacher_keeps_a_plain_number_and_every_row_is_sealed_and_keyed(self):
        self.assertEqual(sql_value("SELECT COUNT(*) FROM teacher WHERE national_id IS NOT NULL"), "0")
        self.assertEqual(sql_value("SELECT COUNT(*) FROM teacher WHERE national_id_hmac IS NULL"
                                   " OR national_id_enc IS NULL"), "0")
        for nid in demo_national_ids():
            with self.subTest(nid=nid):
                sealed = sql_value(f"SELECT HEX(national_id_enc) FROM teacher WHERE {nid_where(nid)}")
                self.assertIsNotNone(sealed, "every demo number finds its teacher through the HMAC")
                self.assertEqual(sealed[:2], "01")  # the key version
                self.assertEqual(portal.nid_open(sealed), nid)

    def test_the_same_number_sealed_twice_differs(self):
        tid, nid = portal.new_teacher(name="加密兩次")
        MADE["teachers"].append(tid)
        before = sql_value(f"SELECT HEX(national_id_enc) FROM teacher WHERE id = {tid}")
        # Back to the plain intake form, then sealed again: a fresh nonce, the same number.
        sql(f"UPDATE teacher SET national_id_hmac = NULL, national_id_enc = NULL, national_id = '{nid}'"
            f" WHERE id = {tid}")
        self.assertEqual(pii_migrate().returncode, 0)
        after = sql_value(f"SELECT HEX(national_id_enc) FROM teacher WHERE id = {tid}")
        self.assertNotEqual(before, after)
        self.assertEqual(portal.nid_open(after), nid)

    def test_a_database_dump_holds_no_national_id(self):
        # A number made through the portal's own forms is in the database too.
        nid = portal.unused_national_id()
        self.assertEqual(sign_up(nid, unique("pii").lower() + "@example.edu.tw").status, 200)
        MADE["teachers"].append(int(sql_value(f"SELECT id FROM teacher WHERE {nid_where(nid)}")))
        text = dump()
        self.assertIn("national_id_enc", text)  # the dump is of the real table
        every = {portal.nid_open(h) for (h,) in sql("SELECT HEX(national_id_enc) FROM teacher")}
        self.assertTrue(demo_national_ids() <= every)
        self.assertIn(nid, every)
        for number in sorted(every):
            with self.subTest(nid=number):
                self.assertNotIn(number, text)
                self.assertNotIn(number.lower(), text)
        # Nor any other valid number, wherever it might hide (audit details, feed lines, mail).
        shaped = re.findall(r"(?<![0-9A-Za-z])[A-Z][1289]\d{8}(?![0-9A-Za-z])", text)
        self.assertEqual([n for n in shaped if portal.with_check_digit(n[:9]) == n], [])

    def test_failed_logins_are_keyed_with_the_hmac_not_a_plain_sha256(self):
        tid, nid = portal.new_teacher(name="登入失敗鍵")
        MADE["teachers"].append(tid)
        c = Client()
        c.post("/login", {"csrf": c.csrf_from("/login"), "account": nid, "password": "wrong-password-1"})
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM login_failure WHERE account_key = '{nid_key(nid)}'"), "1")
        self.assertEqual(sql_value("SELECT COUNT(*) FROM login_failure WHERE account_key ="
                                   f" '{hashlib.sha256(nid.encode()).hexdigest()}'"), "0")
        sql(f"DELETE FROM login_failure WHERE account_key = '{nid_key(nid)}'")


class Lookups(unittest.TestCase):
    def test_login_by_number_upper_or_lower_case(self):
        for typed in ("A123456789", " a123456789 "):
            with self.subTest(typed=typed):
                c = Client()
                r = c.post("/login", {"csrf": c.csrf_from("/login"), "account": typed,
                                      "password": portal.DEMO_PASSWORD})
                self.assertEqual(r.status, 303, r.text[:300])
                self.assertEqual(c.get("/teacher").status, 200)

    def test_sign_up_stores_the_sealed_form_and_knows_a_number_already_signed_up(self):
        nid = portal.unused_national_id()
        first, again = (unique("pii").lower() + "@example.edu.tw" for _ in range(2))
        self.assertEqual(sign_up(nid.lower(), first).status, 200)
        row = sql(f"SELECT id, IFNULL(national_id, 'NULL'), HEX(national_id_enc) FROM teacher WHERE {nid_where(nid)}")
        self.assertEqual(len(row), 1)
        tid, plain, sealed = row[0]
        MADE["teachers"].append(int(tid))
        self.assertEqual((plain, portal.nid_open(sealed)), ("NULL", nid))
        sign_up(nid, again)
        deadline = time.monotonic() + 10
        while not (told := [m for m in wait_for_mail("此身分證字號已申請帳號", seconds=0) if first in str(m["To"])]):
            if time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.assertEqual(len(told), 1)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM teacher WHERE {nid_where(nid)}"), "1")

    def test_the_profile_shows_the_own_number_decrypted(self):
        page = logged_in("A123456789").get("/teacher/profile")
        self.assertEqual(page.status, 200)
        self.assertIn("A123456789", page.text)

    def test_a_roster_upload_finds_teachers_by_number(self):
        organizer = logged_in("organizer")
        teacher = made.teachers(["加密名單"])[0]
        code = made.course("加密名單上傳")
        csv = f"身分證字號,時數\r\n{made.national_id(teacher).lower()},3\r\n".encode("cp950")
        r = post_multipart(organizer, f"/office/courses/{code}/roster/upload",
                           [("mode", "good_rows"), ("csrf", token_of(organizer))], [("file", "名單.csv", csv)])
        self.assertEqual(r.status, 200, r.text[:500])
        self.assertEqual(sql_value("SELECT COUNT(*) FROM roster_entry re JOIN course c ON c.id = re.course_id"
                                   f" WHERE c.code = '{code}' AND re.teacher_id = {teacher}"), "1")
        # The organizer's roster shows the number in full (SPEC §1), decrypted.
        self.assertIn(made.national_id(teacher), organizer.get(f"/office/courses/{code}/roster").text)

    def test_the_partner_api_finds_a_roamed_teacher_by_number(self):
        dream_n = portal.partner_id_of("dream-n")
        saved = sql(f"SELECT claims, granted_at, IFNULL(revoked_at, 'NULL') FROM oidc_consent"
                    f" WHERE teacher_id = 1 AND partner_id = {dream_n}")

        def restore_consent():
            sql(f"DELETE FROM oidc_consent WHERE teacher_id = 1 AND partner_id = {dream_n}")
            for claims, granted, revoked in saved:
                revoked_sql = "NULL" if revoked == "NULL" else f"'{revoked}'"
                sql(f"INSERT INTO oidc_consent (teacher_id, partner_id, claims, granted_at, revoked_at)"
                    f" VALUES (1, {dream_n}, '{claims}', '{granted}', {revoked_sql})")
        self.addCleanup(restore_consent)
        browser = Client()
        body = json_of(redeem(fresh_code(browser, partner=DREAM_N, account="A123456789"), partner=DREAM_N))
        self.assertIn("sub", json_of(userinfo(body["access_token"])))
        ref = unique("pii-report")
        MADE["references"].append(ref)
        report = {"reference": ref, "course": {"name": "加密傳報", "start_date": portal.days_ahead(-3),
                                               "end_date": portal.days_ahead(-2), "hours": 2},
                  "attendees": [{"national_id": "A123456789", "hours": 2}]}
        r = api_post("/api/v1/reports", partner_token("dream-n", "dream-n-secret"), report)
        self.assertEqual(r.status, 200, r.text[:500])
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM study_record WHERE external_ref = {sql_str(ref)}"
                                   f" AND teacher_id = 1"), "1")


class Migrate(unittest.TestCase):
    def test_pii_migrate_seals_a_plain_row_once(self):
        nid = portal.unused_national_id()
        sql("INSERT INTO teacher (national_id, name, gender, unit_id, employment, password_hash)"
            f" SELECT '{nid}', '批次匯入', 'F', 4, 'active', password_hash FROM teacher WHERE id = 1")
        tid = int(sql_value(f"SELECT id FROM teacher WHERE national_id = '{nid}'"))
        MADE["teachers"].append(tid)
        done = pii_migrate()
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("sealed 1 ", done.stdout)
        self.assertEqual(sql(f"SELECT IFNULL(national_id, 'NULL'), national_id_hmac FROM teacher WHERE id = {tid}"),
                         [["NULL", nid_key(nid)]])
        self.assertEqual(portal.national_id_of(tid), nid)
        self.assertEqual(logged_in(nid).get("/teacher").status, 200)
        again = pii_migrate()
        self.assertEqual((again.returncode, again.stdout.strip()), (0, "sealed 0 身分證字號"))

    def test_pii_migrate_refuses_a_row_that_is_no_number_and_seals_nothing_of_its_batch(self):
        good, bad = portal.unused_national_id(), "Z000000000"
        for nid in (good, bad):
            sql("INSERT INTO teacher (national_id, name, gender, employment, password_hash)"
                f" VALUES ('{nid}', '批次匯入', 'F', 'active', '!')")
            MADE["teachers"].append(int(sql_value(f"SELECT id FROM teacher WHERE national_id = '{nid}'")))
        done = pii_migrate()
        self.assertEqual(done.returncode, 1)
        self.assertIn("no valid", done.stderr)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM teacher WHERE national_id IN ('{good}', '{bad}')"), "2")
        sql(f"DELETE FROM teacher WHERE national_id = '{bad}'")
        MADE["teachers"].pop()
        self.assertEqual(pii_migrate().returncode, 0)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM teacher WHERE {nid_where(good)}"), "1")


if __name__ == "__main__":
    main()
