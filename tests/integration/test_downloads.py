"""下載專區 (issue 11): the administrator uploads PDF, ODT, DOCX, XLSX and PNG files with a title
and a category; the kind is found from the content, not the name; files are stored under var/
outside the web root and served as attachments with their UTF-8 name and nosniff. Bad uploads
(wrong kind, renamed, empty, too big, no title) are refused with a Chinese message and store
nothing; so are uploads without CSRF or by another role. Deleting removes the row and the bytes.
"""
import hashlib
import io
import os
import re
import unittest
import urllib.parse
import zipfile

from portal import VAR, Client, flash_of, logged_in, main, post_multipart, sql, sql_value, token_of, unique

STORE = os.path.join(VAR, "files", "downloads")
MADE = []
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + os.urandom(64)


def zipped(entries, stored_first=False):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i, (name, data) in enumerate(entries):
            z.writestr(zipfile.ZipInfo(name) if not (stored_first and i == 0) else name, data,
                       compress_type=zipfile.ZIP_STORED if stored_first and i == 0 else zipfile.ZIP_DEFLATED)
    return buf.getvalue()


DOCX = zipped([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")])
XLSX = zipped([("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")])
ODT = zipped([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document/>")],
             stored_first=True)


def setUpModule():
    global admin, teacher
    admin, teacher = logged_in("admin"), logged_in("A123456789")


def tearDownModule():
    for did in MADE:
        stored = sql_value(f"SELECT stored_name FROM download WHERE id = {int(did)}")
        sql(f"DELETE FROM download WHERE id = {int(did)}")
        if stored and os.path.exists(os.path.join(STORE, stored)):
            os.remove(os.path.join(STORE, stored))


def upload(filename, content, title=None, category="form", client=None, csrf=True):
    client = client or admin
    title = unique("測試檔案") if title is None else title
    fields = [("title", title), ("category", category)] + ([("csrf", token_of(client))] if csrf else [])
    r = post_multipart(client, "/admin/downloads", fields, [("file", filename, content)])
    if r.status == 303:
        MADE.append(int(sql_value(f"SELECT id FROM download WHERE title = '{title}'")))
    return r


def stored_files():
    return sorted(os.listdir(STORE))


def state():
    return sql("CHECKSUM TABLE download"), stored_files()


class Serving(unittest.TestCase):
    def test_the_demo_manual_is_listed_and_served_as_an_attachment(self):
        page = Client().get("/downloads").text
        self.assertIn("In-service 使用手冊", page)
        did = sql_value("SELECT id FROM download WHERE stored_name = 'demo-inservice-manual.pdf'")
        self.assertIn(f'href="/downloads/{did}"', page)
        r = Client().get(f"/downloads/{did}")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("content-type"), "application/pdf")
        self.assertEqual(r.header("x-content-type-options"), "nosniff")
        disposition = r.header("content-disposition")
        self.assertTrue(disposition.startswith("attachment;"), disposition)
        self.assertIn("filename*=UTF-8''" + urllib.parse.quote("In-service使用手冊.pdf", safe=""), disposition)
        self.assertEqual(hashlib.sha256(r.body).hexdigest(),
                         sql_value(f"SELECT sha256 FROM download WHERE id = {did}"))
        self.assertTrue(r.body.startswith(b"%PDF-"))

    def test_an_unknown_file_is_404(self):
        for path in ("/downloads/999999", "/downloads/abc", "/downloads/0"):
            with self.subTest(path=path):
                self.assertEqual(Client().get(path).status, 404)


class Uploads(unittest.TestCase):
    def test_each_kind_is_stored_outside_the_web_root_and_served_back_byte_for_byte(self):
        for filename, content, ctype in (("研習計畫.pdf", PDF, "application/pdf"), ("海報.PNG", PNG, "image/png"),
                                         ("報名表.docx", DOCX, "wordprocessingml"), ("名單範本.xlsx", XLSX, "spreadsheetml"),
                                         ("公文.odt", ODT, "opendocument.text")):
            with self.subTest(filename=filename):
                title = unique("上傳")
                r = upload(filename, content, title=title)
                self.assertEqual(r.status, 303, r.text[:500])
                self.assertIn(title, flash_of(admin.get(r.header("location")).text))
                did, stored, size = sql(f"SELECT id, stored_name, size_bytes FROM download WHERE title = '{title}'")[0]
                self.assertEqual(int(size), len(content))
                with open(os.path.join(STORE, stored), "rb") as f:
                    self.assertEqual(f.read(), content)
                self.assertFalse(os.path.realpath(STORE).startswith(os.path.realpath(os.path.join(VAR, "..", "..", "static"))))
                served = Client().get(f"/downloads/{did}")
                self.assertEqual(served.body, content)
                self.assertIn(ctype, served.header("content-type"))
                self.assertIn(title, Client().get("/downloads").text)
                self.assertEqual(sql_value(f"SELECT COUNT(*) FROM audit_log WHERE action = 'download.upload'"
                                           f" AND object = '{did}'"), "1")

    def test_a_file_whose_content_is_not_what_its_name_says_is_refused_and_nothing_is_stored(self):
        before = state()
        for filename, content in (("手冊.pdf", PNG), ("圖.png", PDF), ("報名表.docx", XLSX), ("說明.pdf", b"<html>x</html>"),
                                  ("程式.exe", b"MZ\x90\x00" + os.urandom(40)), ("網頁.html", b"<script>x()</script>"),
                                  ("壓縮.docx", zipped([("a.txt", "x")])), ("壞掉.xlsx", b"PK\x03\x04garbage"),
                                  ("無副檔名", PDF)):
            with self.subTest(filename=filename):
                r = upload(filename, content)
                self.assertEqual(r.status, 422)
                self.assertIn("只接受 PDF、ODT、DOCX、XLSX 或 PNG 檔", r.text)
                self.assertIn("檔案沒有上傳", r.text)
        self.assertEqual(state(), before)

    def test_empty_missing_and_oversized_files_and_a_missing_title_are_refused(self):
        before = state()
        cases = ((("空的.pdf", b""), "這是空的檔案"),
                 (("大.pdf", PDF + b"0" * (8 * 1024 * 1024)), "檔案超過 8.0 MB"))
        for (filename, content), message in cases:
            with self.subTest(filename=filename):
                r = upload(filename, content)
                self.assertEqual(r.status, 422)
                self.assertIn(message, r.text)
        r = upload("手冊.pdf", PDF, title="")
        self.assertEqual(r.status, 422)
        self.assertIn("請填寫「檔案名稱」", r.text)
        r = upload("手冊.pdf", PDF, category="virus")
        self.assertEqual(r.status, 422)
        r = post_multipart(admin, "/admin/downloads", [("title", "x"), ("category", "form"), ("csrf", token_of(admin))], [])
        self.assertEqual(r.status, 422)
        self.assertIn("請選擇要上傳的檔案", r.text)
        self.assertEqual(state(), before)

    def test_a_body_over_nginx_limit_gets_the_chinese_413_page(self):
        before = state()
        r = upload("巨大.pdf", PDF + b"0" * (10 * 1024 * 1024))
        self.assertEqual(r.status, 413)
        self.assertIn("上傳的檔案超過 8 MB", r.text)
        self.assertEqual(state(), before)

    def test_without_csrf_or_by_another_role_nothing_is_uploaded_or_deleted(self):
        self.assertEqual(upload("保留.pdf", PDF).status, 303)
        did = MADE[-1]
        before = state()
        self.assertEqual(upload("手冊.pdf", PDF, csrf=False).status, 403)
        self.assertEqual(upload("手冊.pdf", PDF, client=teacher).status, 403)
        self.assertEqual(admin.post(f"/admin/downloads/{did}/delete", {}).status, 403)
        self.assertEqual(teacher.post(f"/admin/downloads/{did}/delete", {"csrf": token_of(teacher)}).status, 403)
        self.assertEqual(teacher.get("/admin/downloads").status, 403)
        self.assertEqual(state(), before)

    def test_deleting_removes_the_row_and_the_bytes(self):
        title = unique("待刪除")
        self.assertEqual(upload("刪除.png", PNG, title=title).status, 303)
        did, stored = sql(f"SELECT id, stored_name FROM download WHERE title = '{title}'")[0]
        self.assertTrue(os.path.exists(os.path.join(STORE, stored)))
        r = admin.post(f"/admin/downloads/{did}/delete", {"csrf": token_of(admin)})
        self.assertEqual(r.status, 303)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM download WHERE id = {did}"), "0")
        self.assertFalse(os.path.exists(os.path.join(STORE, stored)))
        self.assertEqual(Client().get(f"/downloads/{did}").status, 404)
        self.assertEqual(admin.post(f"/admin/downloads/{did}/delete", {"csrf": token_of(admin)}).status, 404)


if __name__ == "__main__":
    main()
