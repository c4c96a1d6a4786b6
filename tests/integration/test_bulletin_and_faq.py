"""公佈欄 / 最新消息 and 問答集 (issue 11): the administrator writes posts and questions through the
forms; each post reaches its own audience between its publish and expiry times, on the list, its
page, the home page and the Atom feed; bodies are text with paragraphs and links, never HTML; the
FAQ is searchable. Every refusal (bad form, no CSRF, another role) changes nothing. What the
module makes is removed at the end.
"""
import re
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

from portal import Client, flash_of, logged_in, main, sql, sql_value, token_of, unique

ATOM = "{http://www.w3.org/2005/Atom}"
POSTS = []  # ids this module made
FAQS = []


def setUpModule():
    global admin, teacher, organizer
    admin, teacher, organizer = logged_in("admin"), logged_in("A123456789"), logged_in("organizer")


def tearDownModule():
    for pid in POSTS:
        sql(f"DELETE FROM bulletin WHERE id = {int(pid)}")
    for fid in FAQS:
        sql(f"DELETE FROM faq WHERE id = {int(fid)}")


def db_time(minutes):
    """The database's clock `minutes` from now, as a datetime-local value."""
    return sql_value(f"SELECT DATE_FORMAT(NOW() + INTERVAL {int(minutes)} MINUTE, '%Y-%m-%dT%H:%i')")


def post_fields(name, **overrides):
    fields = {"title": name, "body": "第一段\n\n第二段，詳見 https://example.tw/manual。", "audience": "everyone",
              "publish_at": db_time(-5), "expires_at": "", "pinned": ""}
    fields.update(overrides)
    return {k: v for k, v in fields.items() if v is not None}


def create_post(name, client=None, **overrides):
    client = client or admin
    fields = post_fields(name, **overrides)
    fields["csrf"] = token_of(client)
    r = client.post("/admin/bulletin", fields)
    if r.status == 303:
        POSTS.append(post_id(fields["title"]))
    return r


def post_id(title):
    return int(sql_value(f"SELECT id FROM bulletin WHERE title = '{title}'"))


def listed(client, path="/bulletin"):
    return re.findall(r'<strong>([^<]+)</strong></a><p>', client.get(path).text)


def checksums():
    return sql("CHECKSUM TABLE bulletin, faq")


class Posts(unittest.TestCase):
    def test_a_post_the_administrator_writes_is_listed_shown_and_in_the_feed(self):
        title = unique("公告測試")
        r = create_post(title, pinned="1")
        self.assertEqual(r.status, 303, r.text[:400])
        self.assertIn(title, flash_of(admin.get(r.header("location")).text))
        pid = post_id(title)
        self.assertEqual(listed(Client())[0], title)  # pinned and newest: first
        page = Client().get(f"/bulletin/{pid}")
        self.assertEqual(page.status, 200)
        self.assertIn("<p>第一段</p>", page.text)
        self.assertIn('<a href="https://example.tw/manual">https://example.tw/manual</a>。', page.text)
        self.assertIn(title, Client().get("/").text)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM audit_log WHERE action = 'bulletin.create'"
                                   f" AND object = '{pid}'"), "1")

    def test_each_audience_sees_its_own_posts_only(self):
        for_teachers, for_business = unique("教師公告"), unique("業務公告")
        self.assertEqual(create_post(for_teachers, audience="teachers").status, 303)
        self.assertEqual(create_post(for_business, audience="business").status, 303)
        anonymous = Client()
        self.assertNotIn(for_teachers, listed(anonymous))
        self.assertNotIn(for_business, listed(anonymous))
        self.assertIn(for_teachers, listed(teacher))
        self.assertNotIn(for_business, listed(teacher))
        self.assertIn(for_business, listed(organizer))
        self.assertNotIn(for_teachers, listed(organizer))
        self.assertEqual(anonymous.get(f"/bulletin/{post_id(for_teachers)}").status, 404)
        self.assertEqual(teacher.get(f"/bulletin/{post_id(for_business)}").status, 404)
        self.assertEqual(organizer.get(f"/bulletin/{post_id(for_business)}").status, 200)
        self.assertIn(for_teachers, listed(teacher, "/"))
        self.assertNotIn(for_teachers, listed(Client(), "/"))

    def test_a_post_outside_its_publish_window_is_not_shown_but_the_administrator_sees_its_state(self):
        later, gone = unique("尚未公告"), unique("已下架")
        self.assertEqual(create_post(later, publish_at=db_time(60)).status, 303)
        self.assertEqual(create_post(gone, publish_at=db_time(-120), expires_at=db_time(-60)).status, 303)
        for title in (later, gone):
            with self.subTest(title=title):
                self.assertNotIn(title, listed(Client()))
                self.assertNotIn(title, Client().get("/").text)
                self.assertEqual(Client().get(f"/bulletin/{post_id(title)}").status, 404)
                self.assertNotIn(title, Client().get("/bulletin.atom").text)
        rows = admin.get("/admin/bulletin").text
        self.assertRegex(rows, re.escape(later) + r"</a>.*?尚未公告")
        self.assertRegex(rows, re.escape(gone) + r"</a>.*?已下架")

    def test_the_feed_is_atom_of_the_public_current_posts(self):
        public, private = unique("公開公告"), unique("教師限定")
        create_post(public)
        create_post(private, audience="teachers")
        r = Client().get("/bulletin.atom")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("content-type").startswith("application/atom+xml"))
        feed = ET.fromstring(r.body)
        entries = {e.find(ATOM + "title").text: e for e in feed.findall(ATOM + "entry")}
        self.assertIn(public, entries)
        self.assertNotIn(private, entries)
        link = entries[public].find(ATOM + "link").get("href")
        self.assertTrue(link.endswith(f"/bulletin/{post_id(public)}"), link)
        self.assertEqual(entries[public].find(ATOM + "summary").text, "第一段")
        self.assertRegex(entries[public].find(ATOM + "updated").text, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")

    def test_the_list_pages_and_a_page_past_the_end_shows_the_last(self):
        prefix = unique("分頁公告")
        for i in range(21):
            sql(f"INSERT INTO bulletin (title, body, publish_at) VALUES ('{prefix}-{i:02d}', '內容',"
                f" NOW() - INTERVAL {i + 1} HOUR)")
        POSTS.extend(int(x[0]) for x in sql(f"SELECT id FROM bulletin WHERE title LIKE '{prefix}-%'"))
        first = Client().get("/bulletin").text
        self.assertIn("第 1 /", first)
        self.assertIn('rel="next"', first)
        pages = int(re.search(r"第 1 / (\d+) 頁", first).group(1))
        last = Client().get("/bulletin?page=999").text
        self.assertIn(f"第 {pages} / {pages} 頁", last)
        self.assertIn("第 1 /", Client().get("/bulletin?page=abc").text)

    def test_an_edit_changes_the_post_and_a_delete_removes_it(self):
        title = unique("待編輯")
        create_post(title)
        pid = post_id(title)
        form = admin.get(f"/admin/bulletin/{pid}").text
        self.assertIn(f'value="{title}"', form)
        self.assertRegex(form, r'name="publish_at" type="datetime-local" required value="\d{4}-\d\d-\d\dT\d\d:\d\d"')
        fields = post_fields(title + "改", audience="teachers")
        fields["csrf"] = token_of(admin)
        self.assertEqual(admin.post(f"/admin/bulletin/{pid}", fields).status, 303)
        self.assertEqual(sql(f"SELECT title, audience FROM bulletin WHERE id = {pid}")[0], [title + "改", "teachers"])
        self.assertEqual(admin.post(f"/admin/bulletin/{pid}/delete", {"csrf": token_of(admin)}).status, 303)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM bulletin WHERE id = {pid}"), "0")
        self.assertEqual(admin.post(f"/admin/bulletin/{pid}/delete", {"csrf": token_of(admin)}).status, 404)
        self.assertEqual(admin.get(f"/admin/bulletin/{pid}").status, 404)


class PostRefusals(unittest.TestCase):
    def assert_refused(self, response, status, message=None):
        self.assertEqual(response.status, status, response.text[:400])
        if message:
            self.assertIn(message, response.text)

    def test_a_bad_form_is_shown_again_with_the_reason_and_nothing_is_saved(self):
        before = checksums()
        cases = [
            ({"title": ""}, "請填寫「標題」"),
            ({"audience": "admins"}, "對象"),
            ({"publish_at": "明天"}, "公告時間"),
            ({"publish_at": db_time(10), "expires_at": db_time(5)}, "下架時間須晚於公告時間"),
            ({"body": "長" * 5001}, "內容"),
        ]
        for overrides, message in cases:
            with self.subTest(overrides=list(overrides)):
                r = create_post(unique("不應存在"), **overrides)
                self.assert_refused(r, 422, message)
                self.assertIn("公告沒有新增", r.text)
        self.assertEqual(checksums(), before)

    def test_without_csrf_or_by_another_role_nothing_is_written(self):
        title = unique("越權公告")
        create_post(title)
        pid = post_id(title)
        before = checksums()
        fields = post_fields(unique("不應存在"))
        self.assert_refused(admin.post("/admin/bulletin", fields), 403)
        self.assert_refused(admin.post(f"/admin/bulletin/{pid}/delete", {}), 403)
        for name, who in (("teacher", teacher), ("organizer", organizer)):
            with self.subTest(who=name):
                f = dict(fields, csrf=token_of(who))
                self.assert_refused(who.post("/admin/bulletin", f), 403)
                self.assert_refused(who.post(f"/admin/bulletin/{pid}/delete", {"csrf": f["csrf"]}), 403)
                self.assert_refused(who.get("/admin/bulletin"), 403)
        self.assertEqual(checksums(), before)


def create_faq(name, client=None, **overrides):
    client = client or admin
    fields = {"category": "enrolment", "question": name, "answer": "請於研習開始前取消。", "position": "5",
              "csrf": token_of(client)}
    fields.update(overrides)
    r = client.post("/admin/faq", fields)
    if r.status == 303:
        FAQS.append(int(sql_value(f"SELECT id FROM faq WHERE question = '{fields['question']}'")))
    return r


class Faq(unittest.TestCase):
    def test_the_faq_lists_every_category_and_finds_by_keyword_and_category(self):
        page = Client().get("/faq").text
        for heading in ("帳號", "報名", "研習時數", "業務帳號", "帳號漫遊"):
            self.assertIn(f">{heading}</h2>", page)
        found = Client().get("/faq?q=" + urllib.parse.quote("候補")).text
        self.assertIn("什麼是候補？", found)
        self.assertNotIn("忘記密碼怎麼辦？", found)
        only = Client().get("/faq?category=account").text
        self.assertIn("忘記密碼怎麼辦？", only)
        self.assertNotIn("什麼是候補？", only)

    def test_wildcards_are_text_and_a_bad_search_says_why(self):
        nothing = Client().get("/faq?q=%25").text
        self.assertIn('id="faq-found">0<', nothing)
        self.assertIn("沒有符合的問答", nothing)
        r = Client().get("/faq?q=" + urllib.parse.quote("字" * 51))
        self.assertEqual(r.status, 422)
        self.assertIn("關鍵字", r.text)
        self.assertEqual(Client().get("/faq?category=nope").status, 422)

    def test_the_administrator_adds_edits_and_deletes_a_question(self):
        question = unique("測試問題")
        r = create_faq(question, answer="第一段\n\n請見 https://example.tw/a")
        self.assertEqual(r.status, 303, r.text[:400])
        fid = FAQS[-1]
        page = Client().get("/faq?q=" + urllib.parse.quote(question)).text
        self.assertIn(question, page)
        self.assertIn('<a href="https://example.tw/a">', page)
        edit = {"category": "hours", "question": question + "改", "answer": "新答案", "position": "1",
                "csrf": token_of(admin)}
        self.assertEqual(admin.post(f"/admin/faq/{fid}", edit).status, 303)
        self.assertEqual(sql(f"SELECT category, question FROM faq WHERE id = {fid}")[0], ["hours", question + "改"])
        self.assertEqual(admin.post(f"/admin/faq/{fid}/delete", {"csrf": token_of(admin)}).status, 303)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM faq WHERE id = {fid}"), "0")

    def test_refusals_change_nothing(self):
        before = checksums()
        for overrides, message in (({"category": ""}, "分類"), ({"category": "misc"}, "分類"),
                                   ({"question": ""}, "問題"), ({"position": "-1"}, "排序")):
            with self.subTest(overrides=overrides):
                r = create_faq(unique("不應存在"), **overrides)
                self.assertEqual(r.status, 422)
                self.assertIn(message, r.text)
                self.assertIn("問答沒有新增", r.text)
        self.assertEqual(admin.post("/admin/faq", {"category": "account", "question": "x", "answer": "y"}).status, 403)
        self.assertEqual(teacher.post("/admin/faq", {"category": "account", "question": "x", "answer": "y",
                                                      "csrf": token_of(teacher)}).status, 403)
        self.assertEqual(checksums(), before)


if __name__ == "__main__":
    main()
