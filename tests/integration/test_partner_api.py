"""資訊傳報: the partner reporting API (SPEC §7; SECURITY-CATALOGUE §4.5 S1–S4).

A reporting partner takes a client-credentials token and POSTs /api/v1/reports:
{reference, course{name, start_date, end_date, hours, category?, tags?},
 attendees[{national_id | sub, hours}]}. Each row is checked on its own; accepted rows become the
teachers' study records with the partner as source; a re-send of the same reference gets the first
answer and writes nothing; a partner may report only teachers that roamed to it, never another
partner's subjects. Run with /usr/bin/python3.
"""
import json
import os
import random
import re
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import portal  # noqa: E402
from portal import (DREAM_N, ROAMING_TEACHER, Client, api_post, audit_mark, audit_since, days_ahead,  # noqa: E402
                    delete_partner, delete_teacher, fresh_code, json_of, new_partner, new_teacher,
                    partner_token, redeem, sql, sql_str, sql_value, teacher_id_of, token_request, userinfo)

REPORTS = "/api/v1/reports"


def unknown_national_id():
    """A checksum-valid 身分證字號 that no teacher has."""
    rng = random.SystemRandom()
    while True:
        nid = portal.with_check_digit(rng.choice("QRSTUVWXYZ") + "2" + "".join(rng.choice("0123456789") for _ in range(7)))
        if sql_value(f"SELECT COUNT(*) FROM teacher WHERE {portal.nid_where(nid)}") == "0":
            return nid


def bad_check_digit(nid):
    return nid[:-1] + str((int(nid[-1]) + 1) % 10)


def roam(account, partner):
    """The teacher logs in at the partner (consenting if asked); returns (sub, access_token)."""
    browser = Client()
    body = json_of(redeem(fresh_code(browser, partner=partner, account=account), partner=partner))
    info = json_of(userinfo(body["access_token"]))
    return info["sub"], body["access_token"]


class PartnerApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.teacher = teacher_id_of(ROAMING_TEACHER)
        cls.dream_n = portal.partner_id_of("dream-n")
        cls.saved_consent = sql(f"SELECT claims, granted_at, IFNULL(revoked_at, 'NULL') FROM oidc_consent"
                                f" WHERE teacher_id = {cls.teacher} AND partner_id = {cls.dream_n}")
        cls.references = []
        # P2: another reporting partner with a different approved claim set.
        cls.p2 = new_partner(portal.unique("api-p2"), {"name"}, ["http://127.0.0.1:8095/cb"], may_report=True)
        # The demo teacher roamed to both; a second teacher roamed to P2 only; a third never roamed.
        cls.sub_a, cls.teacher_token = roam(ROAMING_TEACHER, DREAM_N)
        cls.sub_a_p2, _ = roam(ROAMING_TEACHER, cls.p2)
        cls.t2, cls.t2_nid = new_teacher(name="傳報教師乙")
        cls.sub_t2_p2, _ = roam(cls.t2_nid, cls.p2)
        cls.never, cls.never_nid = new_teacher(name="傳報教師丙")
        cls.token = partner_token("dream-n", "dream-n-secret")
        cls.p2_token = partner_token(cls.p2["client_id"], cls.p2["secret"])
        sql(f"DELETE FROM partner_rate WHERE partner_id = {cls.dream_n}")

    @classmethod
    def tearDownClass(cls):
        if cls.references:
            refs = ",".join(sql_str(r) for r in cls.references)
            sql(f"DELETE FROM study_record WHERE partner_id = {cls.dream_n} AND external_ref IN ({refs})")
            sql(f"DELETE FROM partner_report WHERE partner_id = {cls.dream_n} AND reference IN ({refs})")
        sql(f"DELETE FROM partner_rate WHERE partner_id = {cls.dream_n}")
        delete_partner(cls.p2["client_id"])
        delete_teacher(cls.t2)
        delete_teacher(cls.never)
        sql(f"DELETE FROM oidc_consent WHERE teacher_id = {cls.teacher} AND partner_id = {cls.dream_n}")
        for claims, granted, revoked in cls.saved_consent:
            revoked_sql = "NULL" if revoked == "NULL" else f"'{revoked}'"
            sql(f"INSERT INTO oidc_consent (teacher_id, partner_id, claims, granted_at, revoked_at)"
                f" VALUES ({cls.teacher}, {cls.dream_n}, '{claims}', '{granted}', {revoked_sql})")

    # --- helpers ---------------------------------------------------------------------------

    def new_reference(self):
        ref = portal.unique("it-report")
        self.references.append(ref)
        return ref

    def report(self, attendees, reference=None, **course_overrides):
        course = {"name": "合作網站研習 " + portal.random_text(4), "start_date": days_ahead(-3),
                  "end_date": days_ahead(-2), "hours": 6, "category": "教學專業", "tags": ["閱讀"]}
        course.update(course_overrides)
        return {"reference": reference or self.new_reference(), "course": course, "attendees": attendees}

    def records_of(self, reference, partner_id=None):
        """[(teacher_id, source, hours, title, completed_on, course_id)] written for a reference."""
        pid = partner_id or self.dream_n
        return [tuple(r) for r in sql(
            f"SELECT teacher_id, source, hours, title, completed_on, IFNULL(course_id, 'NULL') FROM study_record"
            f" WHERE partner_id = {pid} AND external_ref = {sql_str(reference)} ORDER BY teacher_id")]

    def stored_reports(self, reference, partner_id=None):
        pid = partner_id or self.dream_n
        return int(sql_value(f"SELECT COUNT(*) FROM partner_report WHERE partner_id = {pid}"
                             f" AND reference = {sql_str(reference)}"))

    def assert_nothing_written(self, reference, partner_id=None):
        self.assertEqual(self.records_of(reference, partner_id), [])
        self.assertEqual(self.stored_reports(reference, partner_id), 0)

    def assert_api_error(self, r, status, code=None, label=""):
        self.assertEqual(r.status, status, f"{label}: {r.text[:500]}")
        body = json_of(r)
        self.assertIsNotNone(body, f"{label}: not JSON: {r.text[:200]}")
        if code:
            self.assertEqual(body["error"]["code"], code, label)
        return body

    # --- S1: partner authentication ---------------------------------------------------------

    def test_s1_missing_invalid_or_expired_credentials_are_401(self):
        body = self.report([{"national_id": ROAMING_TEACHER, "hours": 3}])
        ref = body["reference"]
        r = api_post(REPORTS, None, body)
        self.assert_api_error(r, 401, label="no token")
        self.assertTrue((r.header("www-authenticate") or "").startswith("Bearer"))
        for label, header in (("garbage", "Bearer not-a-token"), ("empty bearer", "Bearer "),
                              ("basic client secret", portal.basic_auth("dream-n", "dream-n-secret")),
                              ("token without scheme", self.token)):
            with self.subTest(label):
                r = api_post(REPORTS, None, body, headers={"Authorization": header})
                self.assert_api_error(r, 401, label=label)
                self.assertTrue((r.header("www-authenticate") or "").startswith("Bearer"), label)
        expired = partner_token("dream-n", "dream-n-secret")
        sql(f"UPDATE oidc_token SET expires_at = NOW() - INTERVAL 1 SECOND"
            f" WHERE token_sha256 = '{portal.hashlib.sha256(expired.encode()).hexdigest()}'")
        self.assert_api_error(api_post(REPORTS, expired, body), 401, "invalid_token", "expired")
        revoked = partner_token("dream-n", "dream-n-secret")
        sql(f"UPDATE oidc_token SET revoked_at = NOW()"
            f" WHERE token_sha256 = '{portal.hashlib.sha256(revoked.encode()).hexdigest()}'")
        self.assert_api_error(api_post(REPORTS, revoked, body), 401, "invalid_token", "revoked")
        self.assert_nothing_written(ref)
        # A suspended partner, or one whose vulnerability-scan report is over a year old (SPEC §7).
        p2_body = self.report([{"sub": self.sub_t2_p2, "hours": 3}])
        for label, change, undo in (
                ("suspended", "status = 'suspended'", "status = 'approved'"),
                ("scan report too old", "scan_report_date = CURDATE() - INTERVAL 400 DAY",
                 "scan_report_date = CURDATE() - INTERVAL 30 DAY")):
            with self.subTest(label):
                sql(f"UPDATE partner SET {change} WHERE id = {self.p2['id']}")
                try:
                    self.assert_api_error(api_post(REPORTS, self.p2_token, p2_body), 401, "invalid_token", label)
                    r = token_request({"grant_type": "client_credentials"}, self.p2["client_id"], self.p2["secret"])
                    self.assertEqual(r.status, 401, f"{label}: a new token was issued")
                finally:
                    sql(f"UPDATE partner SET {undo} WHERE id = {self.p2['id']}")
        self.assert_nothing_written(p2_body["reference"], self.p2["id"])

    def test_s1_teacher_token_from_the_code_flow_is_403(self):
        self.assertEqual(userinfo(self.teacher_token).status, 200, "the teacher's token is live")
        body = self.report([{"national_id": ROAMING_TEACHER, "hours": 3}])
        r = api_post(REPORTS, self.teacher_token, body)
        self.assert_api_error(r, 403, "insufficient_scope")
        self.assert_nothing_written(body["reference"])

    def test_s1_partner_writing_for_another_partners_sub_is_403_and_writes_nothing(self):
        body = self.report([{"sub": self.sub_t2_p2, "hours": 3}])
        r = api_post(REPORTS, self.token, body)
        self.assert_api_error(r, 403, "forbidden_subject")
        self.assert_nothing_written(body["reference"])
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM study_record WHERE teacher_id = {self.t2}"), "0")
        # In a batch with a good row the foreign row is refused and nothing is written for it.
        body = self.report([{"sub": self.sub_t2_p2, "hours": 3}, {"sub": self.sub_a, "hours": 3}])
        r = api_post(REPORTS, self.token, body)
        answer = json_of(r)
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual([x["row"] for x in answer["accepted"]], [1])
        self.assertEqual([(x["row"], x["reason"]) for x in answer["refused"]], [(0, "forbidden_subject")])
        self.assertEqual([x[0] for x in self.records_of(body["reference"])], [str(self.teacher)])
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM study_record WHERE teacher_id = {self.t2}"), "0")
        # By 身分證字號, a teacher who roamed only to P2 is unknown to dream-n.
        body = self.report([{"national_id": self.t2_nid, "hours": 3}])
        r = api_post(REPORTS, self.token, body)
        self.assertEqual(r.status, 422, r.text)
        self.assertNotIn(self.t2_nid, r.text)
        self.assert_nothing_written(body["reference"])
        # P2 may report its own subject.
        body = self.report([{"sub": self.sub_t2_p2, "hours": 3}])
        r = api_post(REPORTS, self.p2_token, body)
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual([x[0] for x in self.records_of(body["reference"], self.p2["id"])], [str(self.t2)])

    # --- S2: row and report validation ------------------------------------------------------

    def test_s2_rows_are_validated_one_by_one_with_reasons(self):
        attendees = [
            {"national_id": ROAMING_TEACHER, "hours": 3},                 # 0 accepted
            {"national_id": bad_check_digit(ROAMING_TEACHER), "hours": 3},  # 1 bad check digit
            {"national_id": unknown_national_id(), "hours": 3},            # 2 no such teacher
            {"national_id": self.never_nid, "hours": 3},                   # 3 never roamed here
            {"national_id": ROAMING_TEACHER.lower(), "hours": 3},          # 4 lowercase
            {"national_id": "Ａ123456789", "hours": 3},                    # 5 full-width
            {"sub": self.sub_a, "hours": 0},                               # 6 zero hours
            {"sub": self.sub_a, "hours": -2},                              # 7 negative
            {"sub": self.sub_a, "hours": 7},                               # 8 more than the course
            {"sub": self.sub_a, "hours": 2.5},                             # 9 not whole
            {"sub": self.sub_a, "hours": "3"},                             # 10 a string
            {"sub": self.sub_a, "national_id": ROAMING_TEACHER, "hours": 3},  # 11 both
            {"hours": 3},                                                  # 12 neither
            {"sub": "x" * 43, "hours": 3},                                 # 13 unknown sub
            {"sub": self.sub_a, "hours": 3},                               # 14 the same teacher again
            "A123456789",                                                  # 15 not an object
        ]
        expected = {1: "invalid_national_id", 2: "unknown_teacher", 3: "unknown_teacher", 4: "invalid_national_id",
                    5: "invalid_national_id", 6: "invalid_hours", 7: "invalid_hours", 8: "invalid_hours",
                    9: "invalid_hours", 10: "invalid_hours", 11: "invalid_row", 12: "invalid_row",
                    13: "unknown_subject", 14: "duplicate_row", 15: "invalid_row"}
        body = self.report(attendees)
        r = api_post(REPORTS, self.token, body)
        self.assertEqual(r.status, 200, r.text)
        answer = json_of(r)
        self.assertEqual(answer["reference"], body["reference"])
        self.assertEqual(answer["accepted"], [{"row": 0, "hours": 3}])
        self.assertEqual({x["row"]: x["reason"] for x in answer["refused"]}, expected)
        for x in answer["refused"]:
            self.assertTrue(x.get("message"), x)
        for nid in (ROAMING_TEACHER, self.never_nid):
            self.assertNotIn(nid, r.text, "a 身分證字號 echoed in the answer")
        self.assertEqual(self.records_of(body["reference"]),
                         [(str(self.teacher), "partner", "3", body["course"]["name"], body["course"]["end_date"],
                           "NULL")])
        self.assertEqual(self.stored_reports(body["reference"]), 1)

    def test_s2_report_level_errors_refuse_the_whole_report(self):
        good_row = [{"national_id": ROAMING_TEACHER, "hours": 3}]
        cases = {
            "end date in the future": ({"end_date": days_ahead(1)}, "course.end_date"),
            "dates in the future": ({"start_date": days_ahead(3), "end_date": days_ahead(4)}, "course.end_date"),
            "end before start": ({"start_date": days_ahead(-2), "end_date": days_ahead(-3)}, "course.end_date"),
            "start too long ago": ({"start_date": days_ahead(-500), "end_date": days_ahead(-499)}, "course.start_date"),
            "date format": ({"start_date": days_ahead(-3).replace("-", "/")}, "course.start_date"),
            "name too long": ({"name": "研" * 201}, "course.name"),
            "name empty": ({"name": "  "}, "course.name"),
            "name missing": ({"name": None}, "course.name"),
            "hours zero": ({"hours": 0}, "course.hours"),
            "hours negative": ({"hours": -6}, "course.hours"),
            "over 24 hours in a day": ({"start_date": days_ahead(-2), "end_date": days_ahead(-2), "hours": 25},
                                       "course.hours"),
            "hours as text": ({"hours": "6"}, "course.hours"),
            "unknown course field": ({"code": "5600001"}, "course.code"),
            "tags not an array": ({"tags": "閱讀"}, "course.tags"),
            "tags not text": ({"tags": [1, {"x": 2}]}, "course.tags"),
            "category too long": ({"category": "類" * 200}, "course.category"),
        }
        for label, (overrides, field) in cases.items():
            with self.subTest(label):
                body = self.report(good_row)
                for k, v in overrides.items():
                    if v is None:
                        body["course"].pop(k)
                    else:
                        body["course"][k] = v
                answer = self.assert_api_error(api_post(REPORTS, self.token, body), 422, "invalid_report", label)
                self.assertIn(field, answer["error"].get("fields", {}), f"{label}: {answer}")
                self.assert_nothing_written(body["reference"])
        whole = {
            "unknown top-level field": (lambda b: b.update(extra=1), "extra"),
            "no attendees": (lambda b: b.update(attendees=[]), "attendees"),
            "attendees not an array": (lambda b: b.update(attendees={"national_id": ROAMING_TEACHER}), "attendees"),
            "too many attendees": (lambda b: b.update(attendees=good_row * 2001), "attendees"),
            "course not an object": (lambda b: b.update(course="研習"), "course"),
        }
        for label, (change, field) in whole.items():
            with self.subTest(label):
                body = self.report(good_row)
                change(body)
                answer = self.assert_api_error(api_post(REPORTS, self.token, body), 422, "invalid_report", label)
                self.assertIn(field, answer["error"].get("fields", {}), f"{label}: {answer}")
                self.assert_nothing_written(body["reference"])
        for label, ref in (("missing", None), ("spaces", "ref with spaces"), ("too long", "r" * 101),
                           ("not text", 12345), ("non-ASCII", "傳報一")):
            with self.subTest(reference=label):
                body = self.report(good_row)
                if ref is None:
                    body.pop("reference")
                else:
                    body["reference"] = ref
                answer = self.assert_api_error(api_post(REPORTS, self.token, body), 422, "invalid_report", label)
                self.assertIn("reference", answer["error"].get("fields", {}))
        # Every row refused: 422 and nothing written.
        body = self.report([{"national_id": self.never_nid, "hours": 3}])
        self.assert_api_error(api_post(REPORTS, self.token, body), 422, "no_rows_accepted")
        self.assert_nothing_written(body["reference"])

    def test_s2_unknown_field_in_an_attendee_row_is_refused(self):
        body = self.report([{"national_id": ROAMING_TEACHER, "hours": 3, "birth_date": "1985-03-14"}])
        r = api_post(REPORTS, self.token, body)
        self.assertIn(r.status, (200, 422), r.text)
        answer = json_of(r)
        refused = answer.get("refused") if r.status == 200 else list(answer["error"].get("fields", {}).keys())
        self.assertEqual(answer.get("accepted", []), [], f"a row with an unknown field was accepted: {r.text}")
        self.assertTrue(refused, r.text)
        self.assertEqual(self.records_of(body["reference"]), [])

    def test_s2_wrong_content_type_is_415(self):
        body = self.report([{"national_id": ROAMING_TEACHER, "hours": 3}])
        raw = json.dumps(body).encode()
        for content_type in ("text/plain", "application/x-www-form-urlencoded", "application/xml", None):
            with self.subTest(content_type=content_type):
                r = api_post(REPORTS, self.token, raw=raw, content_type=content_type)
                self.assert_api_error(r, 415, "unsupported_media_type", str(content_type))
        self.assert_nothing_written(body["reference"])

    def test_s2_malformed_json_is_422(self):
        ref = self.new_reference()
        for label, raw in (("truncated", b'{"reference": "%s", "course": {' % ref.encode()),
                           ("array", b"[]"), ("null", b"null"), ("empty", b""), ("string", b'"x"'),
                           ("duplicate keys", b'{"reference": "%s", "reference": "other"}' % ref.encode()),
                           ("trailing garbage", b'{"reference": "%s"} x' % ref.encode()),
                           ("single quotes", b"{'reference': '%s'}" % ref.encode()),
                           ("deep nesting", b"[" * 10000 + b"]" * 10000),
                           ("deep nesting in an object", b'{"reference": "%s", "course": ' % ref.encode()
                            + b'{"a": ' * 50 + b"1" + b"}" * 50 + b"}")):
            with self.subTest(label):
                r = api_post(REPORTS, self.token, raw=raw)
                self.assert_api_error(r, 422, "invalid_json", label)
        self.assert_nothing_written(ref)
        # Otherwise good reports that are not JSON (RFC 8259): a comment, bytes that are not UTF-8.
        for label, mangle in (("comment", lambda t: t.replace(b'"course"', b'/* c */ "course"', 1)),
                              ("not UTF-8", lambda t: t.replace("名稱".encode(), b"\xff\xfe", 1))):
            with self.subTest(label):
                body = self.report([{"national_id": ROAMING_TEACHER, "hours": 3}], name="名稱")
                raw = mangle(json.dumps(body, ensure_ascii=False).encode())
                r = api_post(REPORTS, self.token, raw=raw)
                self.assertEqual(r.status, 422, f"{label}: {r.text}")
                self.assert_nothing_written(body["reference"])

    def test_s2_body_over_one_megabyte_is_413(self):
        body = self.report([{"national_id": ROAMING_TEACHER, "hours": 3}])
        body["course"]["category"] = "x" * (1024 * 1024 + 100)
        raw = json.dumps(body).encode()
        head = (f"POST {REPORTS} HTTP/1.1\r\nHost: {portal.HOST}:{portal.PORT}\r\n"
                f"Authorization: Bearer {self.token}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(raw)}\r\nConnection: close\r\n\r\n").encode()
        status, _, _ = portal.raw_request(head + raw)
        self.assertEqual(status, 413)
        self.assert_nothing_written(body["reference"])

    # --- S3: idempotency ---------------------------------------------------------------------

    def test_s3_the_same_report_twice_gets_the_same_answer_and_writes_once(self):
        body = self.report([{"national_id": ROAMING_TEACHER, "hours": 3}, {"national_id": self.never_nid, "hours": 3}])
        raw = json.dumps(body, ensure_ascii=False).encode()
        mark = audit_mark()
        first = api_post(REPORTS, self.token, raw=raw)
        self.assertEqual(first.status, 200, first.text)
        self.assertIsNone(first.header("idempotent-replay"))
        rows = self.records_of(body["reference"])
        self.assertEqual(len(rows), 1)
        for _ in range(2):
            again = api_post(REPORTS, self.token, raw=raw)
            self.assertEqual(again.status, first.status)
            self.assertEqual(again.body, first.body)
            self.assertEqual(again.header("idempotent-replay"), "true")
            self.assertTrue((again.header("content-type") or "").startswith("application/json"))
        self.assertEqual(self.records_of(body["reference"]), rows)
        self.assertEqual([a[1] for a in audit_since(mark) if a[1] == "api.report"], ["api.report"])
        # Another partner's identical reference is its own report.
        self.assertEqual(self.stored_reports(body["reference"], self.p2["id"]), 0)

    def test_s3_same_reference_with_a_different_body_is_409(self):
        body = self.report([{"national_id": ROAMING_TEACHER, "hours": 3}])
        self.assertEqual(api_post(REPORTS, self.token, body).status, 200)
        rows = self.records_of(body["reference"])
        changed = json.loads(json.dumps(body))
        changed["attendees"][0]["hours"] = 4
        r = api_post(REPORTS, self.token, changed)
        self.assert_api_error(r, 409, "reference_reused")
        self.assertIsNone(r.header("idempotent-replay"))
        self.assertEqual(self.records_of(body["reference"]), rows)
        self.assertEqual(rows[0][2], "3")

    def test_s3_parallel_resends_of_one_report_write_once_and_get_the_original_answer(self):
        """A partner retrying while its first request is still running (L10, F12): one set of rows;
        every answer is the original one (a replay) or a plain 409 'in progress'."""
        for _ in range(3):
            body = self.report([{"national_id": ROAMING_TEACHER, "hours": 3}])
            raw = json.dumps(body).encode()
            barrier = threading.Barrier(8)
            answers = []

            def send():
                barrier.wait()
                r = api_post(REPORTS, self.token, raw=raw)
                answers.append((r.status, r.body, json_of(r)))

            threads = [threading.Thread(target=send) for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            self.assertEqual(len(self.records_of(body["reference"])), 1)
            originals = {b for s, b, _ in answers if s == 200}
            self.assertEqual(len(originals), 1, f"answers differ: {[(s, b[:120]) for s, b, _ in answers]}")
            for status, _, parsed in answers:
                if status != 200:
                    self.assertEqual((status, parsed["error"]["code"]), (409, "reference_in_progress"),
                                     f"a concurrent re-send was answered {status}: {parsed}")

    # --- S4: rate limit -----------------------------------------------------------------------

    def test_s4_over_120_requests_a_minute_is_429_with_retry_after_and_other_partners_unaffected(self):
        # Stay inside one minute of the database clock, which the limit counts by.
        second = int(sql_value("SELECT SECOND(NOW())"))
        if second > 52:
            time.sleep(61 - second)
        ids = f"{self.dream_n}, {self.p2['id']}"
        sql(f"DELETE FROM partner_rate WHERE partner_id IN ({ids})")
        try:
            statuses, retry = [], None
            for _ in range(125):
                r = api_post(REPORTS, self.token, raw=b"{")  # cheap: refused after counting
                statuses.append(r.status)
                if r.status == 429:
                    retry = r.header("retry-after")
            self.assertNotIn(429, statuses[:120], statuses)
            self.assertEqual(statuses[120:], [429] * 5, statuses)
            self.assertTrue(retry and retry.isdigit() and 1 <= int(retry) <= 60, retry)
            self.assertEqual(json_of(r)["error"]["code"], "rate_limited")
            # The other partner is not affected.
            body = self.report([{"sub": self.sub_t2_p2, "hours": 1}])
            r = api_post(REPORTS, self.p2_token, body)
            self.assertEqual(r.status, 200, r.text)
            # And a limited request writes nothing.
            body = self.report([{"national_id": ROAMING_TEACHER, "hours": 3}])
            self.assertEqual(api_post(REPORTS, self.token, body).status, 429)
            self.assert_nothing_written(body["reference"])
        finally:
            sql(f"DELETE FROM partner_rate WHERE partner_id IN ({ids})")

    # --- the teacher's records ----------------------------------------------------------------

    def test_accepted_rows_appear_on_the_teachers_record_page_as_partner_records(self):
        title = "夢的N次方閱讀社群工作坊" + str(random.SystemRandom().randrange(10 ** 6))
        body = self.report([{"national_id": ROAMING_TEACHER, "hours": 4}], name=title,
                           start_date=days_ahead(-1), end_date=days_ahead(-1))
        self.assertEqual(api_post(REPORTS, self.token, body).status, 200)
        self.assertEqual(self.records_of(body["reference"]),
                         [(str(self.teacher), "partner", "4", title, days_ahead(-1), "NULL")])
        page = portal.logged_in(ROAMING_TEACHER).get("/teacher")
        self.assertEqual(page.status, 200)
        m = re.search(re.escape(title) + r' <span class="meta">([^<]*)</span>', page.text)
        self.assertIsNotNone(m, "the reported course is not on the teacher's page")
        self.assertIn("來源：合作網站", m.group(1))
        self.assertIn("4", m.group(1))


if __name__ == "__main__":
    portal.main()
