"""專長登錄申請 / 專長瀏覽 (issue 11, 第5條): a teacher applies for a specialty from the
administrator's list, with the certificate and optionally its PDF; the 總負責人 of the teacher's
unit approves or returns it with a reason (both mailed) and sees the unit's teachers by specialty.
Refusals (bad form, a non-PDF, a duplicate, a records-only teacher, another unit's 總負責人, a
decided application, no CSRF, another role) change nothing.
"""
import os
import unittest

import portal
from portal import VAR, flash_of, logged_in, main, post_multipart, sql, sql_value, token_of, unique

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
STORE = os.path.join(VAR, "files", "specialties")
MADE = {}


def setUpModule():
    global teacher, master, other_master, admin, left
    tid, nid = portal.new_teacher(name="專長測試教師")  # 內壢國中, the demo `master`'s unit
    sql(f"UPDATE teacher SET email = 'specialty-{tid}@example.edu.tw' WHERE id = {tid}")
    gone, gone_nid = portal.new_teacher(name="專長測試離職", employment="left")
    MADE.update(tid=tid, gone=gone, other_master=unique("spmaster").replace("-", "")[:30])
    portal.new_business_account(MADE["other_master"], unit_id=5, kind="master")
    teacher, left = logged_in(nid), logged_in(gone_nid)
    master, admin = logged_in("master"), logged_in("admin")
    other_master = logged_in(MADE["other_master"])
    sql("INSERT IGNORE INTO specialty (name) VALUES ('專長測試項目')")
    MADE["specialty"] = sql_value("SELECT id FROM specialty WHERE name = '專長測試項目'")


def tearDownModule():
    for (stored,) in sql(f"SELECT file_stored_name FROM specialty_application WHERE teacher_id = {MADE['tid']}"
                         " AND file_stored_name IS NOT NULL"):
        if os.path.exists(os.path.join(STORE, stored)):
            os.remove(os.path.join(STORE, stored))
    for tid in (MADE["tid"], MADE["gone"]):
        portal.delete_teacher(tid)
    sql("DELETE FROM specialty_application WHERE specialty_id IN (SELECT id FROM specialty WHERE name LIKE '專長測試%')")
    sql("DELETE FROM specialty WHERE name LIKE '專長測試%'")
    portal.delete_business_account(MADE["other_master"])


def apply(client=None, specialty=None, files=(), csrf=True, **overrides):
    client = client or teacher
    fields = {"specialty": str(specialty or MADE["specialty"]), "certificate_name": unique("專長測試證書"),
              "certificate_no": "測字第001號", "certificate_date": "2025-06-30"}
    fields.update(overrides)
    pairs = list(fields.items()) + ([("csrf", token_of(client))] if csrf else [])
    return post_multipart(client, "/teacher/specialties", pairs, list(files))


def latest():
    return sql(f"SELECT id, state, IFNULL(file_stored_name, '') FROM specialty_application WHERE teacher_id = {MADE['tid']}"
               " ORDER BY id DESC LIMIT 1")[0]


def state():
    return sql("CHECKSUM TABLE specialty_application, specialty"), sorted(os.listdir(STORE)) if os.path.isdir(STORE) else []


class Applying(unittest.TestCase):
    def test_an_application_with_its_pdf_is_approved_by_the_units_master_and_listed_by_specialty(self):
        r = apply(files=[("file", "證書.pdf", PDF)])
        self.assertEqual(r.status, 303, r.text[:400])
        aid, st, stored = latest()
        self.assertEqual(st, "pending")
        with open(os.path.join(STORE, stored), "rb") as f:
            self.assertEqual(f.read(), PDF)
        self.assertIn('data-state="pending"', teacher.get("/teacher/specialties").text)
        own = teacher.get(f"/teacher/specialties/{aid}/certificate.pdf")
        self.assertEqual((own.status, own.body), (200, PDF))
        self.assertTrue(own.header("content-disposition").startswith("attachment;"))
        page = master.get("/office/specialties").text
        self.assertIn(f'data-application-id="{aid}"', page)
        self.assertEqual(master.get(f"/office/specialties/{aid}/certificate.pdf").body, PDF)
        r = master.post(f"/office/specialties/{aid}/approve", {"csrf": token_of(master)})
        self.assertEqual(r.status, 303)
        self.assertIn("已通過", flash_of(master.get(r.header("location")).text))
        self.assertEqual(latest()[1], "approved")
        mail = portal.wait_for_mail("專長測試項目：已審核通過")
        self.assertTrue(any(f"specialty-{MADE['tid']}@" in str(m["To"]) for m in mail))
        browse = master.get(f"/office/specialties?specialty={MADE['specialty']}").text
        self.assertIn("專長測試教師", browse)
        self.assertEqual(master.post(f"/office/specialties/{aid}/approve", {"csrf": token_of(master)}).status, 409)
        # Approved: applying for the same specialty again is refused.
        r = apply()
        self.assertEqual(r.status, 422)
        self.assertIn("已在審核中或已通過", r.text)

    def test_a_return_needs_a_reason_and_the_teacher_reads_it(self):
        sql(f"INSERT INTO specialty (name) VALUES ('{unique('專長測試退回')}')")
        sid = sql_value("SELECT MAX(id) FROM specialty")
        self.assertEqual(apply(specialty=sid).status, 303)
        aid = latest()[0]
        r = master.post(f"/office/specialties/{aid}/return", {"reason": "", "csrf": token_of(master)})
        self.assertEqual(r.status, 422)
        self.assertIn("請填寫「退回理由」", r.text)
        self.assertEqual(latest()[1], "pending")
        reason = unique("證號不符")
        self.assertEqual(master.post(f"/office/specialties/{aid}/return", {"reason": reason, "csrf": token_of(master)}).status, 303)
        self.assertEqual(latest()[1], "returned")
        self.assertIn(reason, teacher.get("/teacher/specialties").text)
        self.assertEqual(apply(specialty=sid).status, 303, "a returned one may be applied for again")


class Refusals(unittest.TestCase):
    def test_a_bad_form_or_file_says_why_and_stores_nothing(self):
        os.makedirs(STORE, exist_ok=True)
        sql(f"INSERT INTO specialty (name) VALUES ('{unique('專長測試拒絕')}')")
        sid = sql_value("SELECT MAX(id) FROM specialty")
        before = state()
        for overrides, files, message in (({"certificate_name": ""}, [], "請填寫「證照（證書）名稱」"),
                                          ({"certificate_date": "昨天"}, [], "發證日期"),
                                          ({"specialty": "9999"}, [], "請從選單選擇「專長」"),
                                          ({}, [("file", "證書.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 20)], "只接受 PDF"),
                                          ({}, [("file", "證書.png", PDF)], "只接受 PDF"),
                                          ({}, [("file", "大.pdf", PDF + b"0" * (5 * 1024 * 1024))], "超過 5 MB")):
            with self.subTest(message=message):
                r = apply(files=files, **{"specialty": sid, **overrides})
                self.assertEqual(r.status, 422)
                self.assertIn(message, r.text)
                self.assertIn("申請沒有送出", r.text)
        r = apply(client=left, specialty=sid)
        self.assertEqual(r.status, 403)
        self.assertIn("僅能查詢研習紀錄", r.text)
        self.assertEqual(apply(csrf=False, specialty=sid).status, 403)
        too_big = apply(specialty=sid, files=[("file", "巨大.pdf", PDF + b"0" * (7 * 1024 * 1024))])
        self.assertEqual(too_big.status, 413)
        self.assertIn("證書檔案超過 5 MB", too_big.text)
        self.assertEqual(state(), before)

    def test_another_units_master_and_other_roles_cannot_see_or_decide(self):
        self.assertEqual(apply(specialty=sql_value("SELECT id FROM specialty WHERE name = '輔導'"),
                               files=[("file", "a.pdf", PDF)]).status, 303)
        aid = latest()[0]
        before = state()
        self.assertNotIn(f'data-application-id="{aid}"', other_master.get("/office/specialties").text)
        self.assertEqual(other_master.post(f"/office/specialties/{aid}/approve", {"csrf": token_of(other_master)}).status, 404)
        self.assertEqual(other_master.get(f"/office/specialties/{aid}/certificate.pdf").status, 404)
        self.assertEqual(teacher.post(f"/office/specialties/{aid}/approve", {"csrf": token_of(teacher)}).status, 403)
        self.assertEqual(logged_in("organizer").get("/office/specialties").status, 403)
        self.assertEqual(logged_in("B223456782").get(f"/teacher/specialties/{aid}/certificate.pdf").status, 404)
        self.assertEqual(master.post(f"/office/specialties/{aid}/approve", {}).status, 403)
        self.assertEqual(state(), before)


class AdministratorsList(unittest.TestCase):
    def test_the_administrator_adds_and_disables_a_specialty(self):
        name = unique("專長測試新增")
        r = admin.post("/admin/specialties", {"name": name, "csrf": token_of(admin)})
        self.assertEqual(r.status, 303)
        sid = sql_value(f"SELECT id FROM specialty WHERE name = '{name}'")
        self.assertIn(name, teacher.get("/teacher/specialties").text)
        self.assertEqual(admin.post("/admin/specialties", {"name": name, "csrf": token_of(admin)}).status, 409)
        self.assertEqual(admin.post("/admin/specialties", {"name": "", "csrf": token_of(admin)}).status, 422)
        self.assertEqual(admin.post(f"/admin/specialties/{sid}/toggle", {"csrf": token_of(admin)}).status, 303)
        self.assertNotIn(name, teacher.get("/teacher/specialties").text)
        r = apply(specialty=sid)
        self.assertEqual(r.status, 422, "a disabled specialty cannot be applied for")
        self.assertEqual(teacher.post("/admin/specialties", {"name": "x", "csrf": token_of(teacher)}).status, 403)


if __name__ == "__main__":
    main()
