"""單位管理, review units, 屬性標籤 and 課程類別 kept by the administrator (issue 10, SPEC §2, 第11條).

A unit is added, edited and routed (its authority, the review unit that overrides 第11條, whether
it is a review unit and which role it plays), each change audited as "u:<id>" with its before →
after and listed on its page; a refused change (bad or used code, a second county bureau, no
CSRF, the wrong role) changes nothing. A course keeps the review unit fixed when it was
registered: routing a unit elsewhere moves only courses registered afterwards, and /organisation
follows at once. A tag or category added shows at once in the registration and search forms;
one retired leaves them but stays on the courses that carry it.
"""
import html
import random
import re
import unittest
import urllib.parse

import portal
from portal import (Client, create_course, flash_of, logged_in, main, sql, sql_value, token_of, unique)

PREFIX = "單位管理測試"
UNITS = []      # ids of units this module made (removed with their courses, teachers and accounts)
ACCOUNTS = []   # business accounts made here


def setUpModule():
    global admin
    admin = logged_in("admin")


def tearDownModule():
    if UNITS:  # units made here may point at each other
        listed = ",".join(str(u) for u in UNITS)
        sql(f"UPDATE unit SET authority_unit_id = NULL, review_unit_id = NULL WHERE id IN ({listed})")
    for uid in UNITS:
        portal.delete_unit(uid)
    for name in ACCOUNTS:
        portal.delete_business_account(name)
    sql(f"DELETE FROM tag WHERE name LIKE '{PREFIX}%'")
    sql(f"DELETE FROM category WHERE name LIKE '{PREFIX}%'")


def fresh_code():
    """A 6-digit school code no unit has."""
    while True:
        code = f"9{random.SystemRandom().randrange(100000):05d}"
        if sql_value(f"SELECT COUNT(*) FROM unit WHERE code = '{code}'") == "0":
            return code


def unit_fields(code, name, county="3", level="junior_high", ownership="municipal", has_legal_person="1", **flags):
    flags["has_legal_person"] = has_legal_person  # checked on the blank form
    fields = [("code", code), ("name", name), ("county_id", county), ("level", level), ("ownership", ownership)]
    fields += [(k, v) for k, v in flags.items() if v is not None]
    return fields


def add_unit(code=None, name=None, client=None, **kw):
    client = client or admin
    r = client.post("/admin/units", [("csrf", token_of(client))] + unit_fields(code or fresh_code(),
                                                                               name or unique(PREFIX), **kw))
    m = re.fullmatch(r"/admin/units/(\d+)", r.header("location") or "")
    if m:
        UNITS.append(int(m.group(1)))
    return r, (int(m.group(1)) if m else None)


def route(uid, authority="", review_unit="", is_review_unit=False, role="", client=None, token=True):
    client = client or admin
    fields = [("authority_unit_id", str(authority)), ("review_unit_id", str(review_unit)), ("review_role", role)]
    if is_review_unit:
        fields.append(("is_review_unit", "1"))
    if token:
        fields.insert(0, ("csrf", token_of(client)))
    return client.post(f"/admin/units/{uid}/review", fields)


def unit_row(uid):
    return sql(f"SELECT code, name, county_id, level, ownership, IFNULL(authority_unit_id, 'NULL'),"
               f" IFNULL(review_unit_id, 'NULL'), is_review_unit, IFNULL(review_role, 'NULL') FROM unit WHERE id = {uid}")


def everything():
    """What a refused unit, tag or category change must leave as it was."""
    return sql("SELECT (SELECT COUNT(*) FROM unit), (SELECT COUNT(*) FROM audit_log), (SELECT COUNT(*) FROM tag),"
               " (SELECT COUNT(*) FROM category); CHECKSUM TABLE unit, tag, category")


def error_of(page, field):
    m = re.search(r'<p class="field-error" id="' + re.escape(field) + r'-error">(.*?)</p>', page, re.S)
    return html.unescape(m.group(1)) if m else None


def organizer_of(uid):
    """A signed-in 承辦人 of the unit."""
    name = unique("adminunits").replace("-", "")[:30]
    portal.new_business_account(name, unit_id=uid)
    ACCOUNTS.append(name)
    return logged_in(name)


def reviewed_by(page, review_code):
    m = re.search(r'data-review-unit="%s">(.*?)</section>' % re.escape(review_code), page, re.S)
    assert m, f"no section for {review_code}"
    return re.findall(r'<li data-unit="([^"]+)">', m.group(1))


def options(page, select_name):
    """{value: label} of a <select name=...>."""
    m = re.search(r'<select[^>]*name="' + re.escape(select_name) + r'"[^>]*>(.*?)</select>', page, re.S)
    return {v: html.unescape(label) for v, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>',
                                                                m.group(1))} if m else {}


def tag_boxes(page):
    return {v: html.unescape(label.strip()) for v, label in
            re.findall(r'<input type="checkbox" name="tags" value="(\d+)"[^>]*>\s*([^<]*)</label>', page)}


class Access(unittest.TestCase):
    def test_only_the_administrator_is_served(self):
        for account in ("A123456789", "organizer", "master", "reviewer"):
            with self.subTest(account=account):
                c = logged_in(account)
                for path in ("/admin/units", "/admin/units/4", "/admin/units/new", "/admin/categories"):
                    self.assertEqual(c.get(path).status, 403, path)
                before = everything()
                for path, fields in (("/admin/units", unit_fields(fresh_code(), unique(PREFIX))),
                                     ("/admin/units/4", unit_fields("034525", PREFIX + "改名")),
                                     ("/admin/units/4/review", [("review_unit_id", "3")]),
                                     ("/admin/tags", [("name", unique(PREFIX))]),
                                     ("/admin/categories", [("name", unique(PREFIX))]),
                                     ("/admin/tags/1/toggle", []), ("/admin/categories/1/rename", [("name", PREFIX)])):
                    self.assertEqual(c.post(path, [("csrf", token_of(c))] + fields).status, 403, path)
                self.assertEqual(everything(), before)

    def test_anonymous_visitors_are_sent_to_log_in(self):
        r = Client().get("/admin/units")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").startswith("/login"))

    def test_no_csrf_token_is_refused_and_changes_nothing(self):
        before = everything()
        r = admin.post("/admin/units", unit_fields(fresh_code(), unique(PREFIX)))
        self.assertEqual(r.status, 403)
        self.assertEqual(route(4, review_unit=3, token=False).status, 403)
        self.assertEqual(admin.post("/admin/tags", [("name", unique(PREFIX))]).status, 403)
        self.assertEqual(everything(), before)

    def test_linked_from_the_admin_home_and_nav(self):
        home = admin.get("/admin").text
        for path in ("/admin/units", "/admin/tags", "/admin/categories"):
            self.assertIn(f'href="{path}"', home)
        nav = admin.get("/admin/reasons").text.split("<main", 1)[0]
        self.assertIn('href="/admin/units"', nav)
        self.assertIn('href="/admin/categories"', nav)


class Units(unittest.TestCase):
    def test_list_searches_by_code_and_name_with_the_reviewer_of_each(self):
        r = admin.get("/admin/units?q=034525")
        self.assertEqual(r.status, 200)
        rows = portal.table_rows(r.text, "units")
        self.assertEqual([row[0] for row in rows], ["034525"])
        self.assertIn("桃園市政府教育局", rows[0][4])
        by_name = portal.table_rows(admin.get("/admin/units?q=" + urllib.parse.quote("國民小學")).text, "units")
        self.assertEqual(sorted(row[0] for row in by_name), ["034614", "064648"])
        none = admin.get("/admin/units?q=%25").text  # a LIKE wildcard matches itself only
        self.assertIn("沒有代碼或名稱符合", none)
        all_units = admin.get("/admin/units").text
        self.assertEqual(re.search(r'<span id="total">(\d+)</span>', all_units).group(1),
                         sql_value("SELECT COUNT(*) FROM unit"))

    def test_the_list_pages_fifty_at_a_time(self):
        made = [portal.new_unit(PREFIX + "分頁") for _ in range(51 - int(sql_value("SELECT LEAST(51, COUNT(*)) FROM unit")))]
        UNITS.extend(made)
        first = admin.get("/admin/units").text
        self.assertEqual(len(portal.table_rows(first, "units")), 50)
        self.assertIn('rel="next"', first)
        last = admin.get("/admin/units?page=999").text  # past the end: the last page
        self.assertIn('rel="prev"', last)
        self.assertGreaterEqual(len(portal.table_rows(last, "units")), 1)

    def test_a_unit_is_added_audited_and_shown_with_its_history(self):
        code, name = fresh_code(), unique(PREFIX + "國中")
        mark = portal.audit_mark()
        r, uid = add_unit(code, name)
        self.assertEqual(r.status, 303, r.text[:300])
        self.assertEqual(unit_row(uid)[0][:5], [code, name, "3", "junior_high", "municipal"])
        self.assertEqual(portal.audit_since(mark), [("b:5", "unit.create", f"u:{uid}", f"{code} {name}（國中）")])
        page = admin.get(f"/admin/units/{uid}")
        self.assertEqual(page.status, 200)
        self.assertIn("新增單位", page.text)
        # No review unit set: 第11條 sends a municipal junior high to the county's bureau.
        self.assertIn('<span id="reviewer">桃園市政府教育局</span>', page.text)

    def test_bad_input_is_refused_beside_the_field_and_changes_nothing(self):
        before = everything()
        for fields, field, status, message in (
                (unit_fields("034525", PREFIX), "code", 409, "已由「桃園市立內壢國民中學」使用"),
                (unit_fields(" 034525 ", PREFIX), "code", 409, "不能重複"),
                (unit_fields("03452", PREFIX), "code", 422, "6 位數字"),
                (unit_fields("NC-01", PREFIX, level="social_institution", ownership="other"), "code", 422, "英文字母或數字"),
                (unit_fields(fresh_code(), ""), "name", 422, None),
                (unit_fields(fresh_code(), PREFIX, county="99"), "county_id", 422, "請從選單選擇縣市"),
                (unit_fields(fresh_code(), PREFIX, level="castle"), "level", 422, None)):
            with self.subTest(fields=fields[:2]):
                r = admin.post("/admin/units", [("csrf", token_of(admin))] + fields)
                self.assertEqual(r.status, status)
                self.assertIn("沒有新增任何單位", r.text)
                self.assertIsNotNone(error_of(r.text, field), field)
                if message:
                    self.assertIn(message, error_of(r.text, field))
                self.assertEqual(portal.input_value(r.text, "name"), dict(fields)["name"])  # input kept
        self.assertEqual(everything(), before)

    def test_a_name_is_escaped_on_every_page(self):
        r, uid = add_unit(name=PREFIX + "<script>x</script>")
        self.assertEqual(r.status, 303)
        for path in (f"/admin/units/{uid}", "/admin/units?q=" + urllib.parse.quote(PREFIX + "<script>")):
            page = admin.get(path).text
            self.assertNotIn("<script>x</script>", page)
            self.assertIn("&lt;script&gt;x&lt;/script&gt;", page)

    def test_an_edit_is_audited_before_and_after_and_refreshes_what_shows_the_name(self):
        _, uid = add_unit(name=unique(PREFIX + "舊名"))
        old = unit_row(uid)[0]
        organizer = organizer_of(uid)
        code = create_course(organizer, unique(PREFIX + "改名課程"))
        sql(f"UPDATE course SET state = 'approved' WHERE code = '{code}'")
        course_id = sql_value(f"SELECT id FROM course WHERE code = '{code}'")
        # Into the search as an approval would put it, under the old name.
        sql(f"INSERT INTO course_search (course_id, title, body, unit_name, county_id, unit_id, category_id, levels,"
            f" tags, first_date, last_date) SELECT id, title, title, {portal.sql_str(old[1])}, 3, unit_id, category_id,"
            f" ',junior_high,', ' ', first_date, last_date FROM course WHERE id = {course_id}")
        portal.course_search_changed()
        new_name = unique(PREFIX + "新名")
        mark = portal.audit_mark()
        r = admin.post(f"/admin/units/{uid}", [("csrf", token_of(admin))] +
                       unit_fields(old[0], new_name, county="4", level="elementary"))
        self.assertEqual(r.status, 303, r.text[:300])
        self.assertEqual(unit_row(uid)[0][1:4], [new_name, "4", "elementary"])
        [(actor, action, obj, detail)] = portal.audit_since(mark)
        self.assertEqual((actor, action, obj), ("b:5", "unit.update", f"u:{uid}"))
        self.assertEqual(detail, f"名稱：{old[1]} → {new_name}；縣市：桃園市 → 臺中市；層級：國中 → 國小")
        page = admin.get(f"/admin/units/{uid}").text
        self.assertIn(detail, page)
        self.assertIn("修改基本資料", page)
        # The organizer's session and the search show the new name at once.
        self.assertIn(new_name, organizer.get("/office").text)
        self.assertEqual(sql(f"SELECT unit_name, county_id FROM course_search WHERE course_id = {course_id}"),
                         [[new_name, "4"]])
        # The course kept the review unit it was registered with.
        self.assertEqual(sql_value(f"SELECT review_unit_id FROM course WHERE id = {course_id}"), "2")

    def test_an_edit_to_a_code_already_used_is_refused_and_changes_nothing(self):
        _, uid = add_unit()
        before, row = everything(), unit_row(uid)
        r = admin.post(f"/admin/units/{uid}", [("csrf", token_of(admin))] + unit_fields("064648", PREFIX + "x"))
        self.assertEqual(r.status, 409)
        self.assertIn("臺中市大雅區文雅國民小學", error_of(r.text, "code"))
        self.assertEqual((everything(), unit_row(uid)), (before, row))

    def test_an_unchanged_form_writes_nothing(self):
        _, uid = add_unit()
        row = unit_row(uid)[0]
        before = everything()
        r = admin.post(f"/admin/units/{uid}", [("csrf", token_of(admin))] +
                       unit_fields(row[0], row[1]))
        self.assertEqual(r.status, 303)
        self.assertEqual(everything(), before)
        self.assertEqual(flash_of(admin.get(r.header("location")).text), "資料與原本相同，沒有變更。")

    def test_an_unknown_unit_is_404(self):
        for path in ("/admin/units/999999", "/admin/units/abc"):
            self.assertEqual(admin.get(path).status, 404)
        self.assertEqual(route(999999, review_unit=3).status, 404)


class Routing(unittest.TestCase):
    def test_open_courses_keep_their_reviewer_when_the_units_review_unit_changes(self):
        _, uid = add_unit()
        code = sql_value(f"SELECT code FROM unit WHERE id = {uid}")
        organizer = organizer_of(uid)
        before_change = create_course(organizer, unique(PREFIX + "原審課"))
        self.assertEqual(sql_value(f"SELECT review_unit_id FROM course WHERE code = '{before_change}'"), "2")
        self.assertIn(code, reviewed_by(Client().get("/organisation").text, "380000"))

        mark = portal.audit_mark()
        r = route(uid, authority=2, review_unit=3)
        self.assertEqual(r.status, 303, r.text[:300])
        self.assertEqual(unit_row(uid)[0][5:7], ["2", "3"])
        [(_, action, obj, detail)] = portal.audit_since(mark)
        self.assertEqual((action, obj), ("unit.review", f"u:{uid}"))
        self.assertIn("所屬主管機關：（未設定） → 桃園市政府教育局", detail)
        self.assertIn("指定審課單位：（依第11條） → 臺中市政府教育局", detail)
        self.assertIn("尚未結案的課程 1 門維持原審課單位", detail)
        page = admin.get(f"/admin/units/{uid}").text
        self.assertIn('<span id="reviewer">臺中市政府教育局</span>（系統管理員指定）', page)
        self.assertIn("已登錄的課程（包括尚未結案者）仍由原審課單位審核", page)

        # Registered before: still 桃園市's, in its reviewer's queue and not in 臺中市's.
        self.assertEqual(sql_value(f"SELECT review_unit_id FROM course WHERE code = '{before_change}'"), "2")
        self.assertIn(before_change, portal.queue_codes(logged_in("reviewer").get("/review").text))
        self.assertNotIn(before_change, portal.queue_codes(logged_in("reviewer2").get("/review").text))
        # Registered after: 臺中市's. /organisation follows at once.
        after_change = create_course(organizer, unique(PREFIX + "新審課"))
        self.assertEqual(sql_value(f"SELECT review_unit_id FROM course WHERE code = '{after_change}'"), "3")
        organisation = Client().get("/organisation").text
        self.assertIn(code, reviewed_by(organisation, "660000"))
        self.assertNotIn(code, reviewed_by(organisation, "380000"))

        # Back to 第11條: the courses stay where they are.
        self.assertEqual(route(uid, authority=2).status, 303)
        self.assertEqual(sql(f"SELECT code, review_unit_id FROM course WHERE unit_id = {uid} ORDER BY code"),
                         sorted([[before_change, "2"], [after_change, "3"]]))

    def test_a_unit_made_a_review_unit_appears_on_the_organisation_page(self):
        _, uid = add_unit(code="ZZ" + fresh_code(), name=unique(PREFIX + "區管中心"), level="review_body",
                          ownership="national")
        code = sql_value(f"SELECT code FROM unit WHERE id = {uid}")
        self.assertNotIn(f'data-review-unit="{code}"', Client().get("/organisation").text)
        self.assertEqual(route(uid, is_review_unit=True).status, 303)
        self.assertEqual(unit_row(uid)[0][7], "1")
        self.assertIn(f'data-review-unit="{code}"', Client().get("/organisation").text)
        # Now a school may be sent to it.
        _, school = add_unit()
        self.assertEqual(route(school, review_unit=uid).status, 303)
        self.assertIn(sql_value(f"SELECT code FROM unit WHERE id = {school}"),
                      reviewed_by(Client().get("/organisation").text, code))
        # It cannot stop being one while a unit is sent to it.
        before = everything()
        r = route(uid)
        self.assertEqual(r.status, 422)
        self.assertIn("仍有 1 個單位", error_of(r.text, "is_review_unit"))
        self.assertEqual(everything(), before)

    def test_refusals_name_the_field_and_change_nothing(self):
        _, uid = add_unit()
        before, row = everything(), unit_row(uid)
        for kwargs, field, message in (
                (dict(review_unit=4), "review_unit_id", "審課單位中選擇"),           # 內壢國中 reviews nothing
                (dict(review_unit=uid), "review_unit_id", "審課單位中選擇"),         # itself, not a review unit
                (dict(authority=uid), "authority_unit_id", "不能是本單位"),
                (dict(role="county_bureau"), "review_role", "請一併勾選"),
                (dict(is_review_unit=True, role="county_bureau"), "review_role", "「桃園市政府教育局」已擔任"),
                (dict(is_review_unit=True, role="national_centre"), "review_role", "全國只能有一個"),
                (dict(is_review_unit=True, role="castle"), "review_role", None),
                (dict(authority="x"), "authority_unit_id", None)):
            with self.subTest(kwargs=kwargs):
                r = route(uid, **kwargs)
                self.assertEqual(r.status, 422)
                self.assertIn("的審課設定沒有變更", r.text)
                self.assertIsNotNone(error_of(r.text, field))
                if message:
                    self.assertIn(message, error_of(r.text, field))
        self.assertEqual((everything(), unit_row(uid)), (before, row))

    def test_a_bureau_with_units_under_it_stays_a_review_unit(self):
        before = everything()
        r = route(2, is_review_unit=False)
        self.assertEqual(r.status, 422)
        self.assertIn("個單位以本單位為所屬主管機關", error_of(r.text, "is_review_unit"))
        self.assertEqual(everything(), before)


class TagsAndCategories(unittest.TestCase):
    def setUp(self):
        self.organizer = logged_in("organizer")

    def test_a_new_tag_shows_at_once_in_registration_and_search_and_retiring_removes_it(self):
        name = unique(PREFIX + "標籤")
        mark = portal.audit_mark()
        r = admin.post("/admin/tags", [("csrf", token_of(admin)), ("name", name)])
        self.assertEqual(r.status, 303)
        tid = sql_value(f"SELECT id FROM tag WHERE name = '{name}'")
        self.assertEqual(portal.audit_since(mark), [("b:5", "tag.create", f"tag:{tid}", name)])
        self.assertEqual(tag_boxes(self.organizer.get("/office/courses/new").text).get(tid), name)
        search = "/courses?q=" + urllib.parse.quote(unique("標籤"))  # a query no page cache holds
        self.assertEqual(options(Client().get(search).text, "tag").get(tid), name)

        _, uid = add_unit()
        organizer = organizer_of(uid)
        code = create_course(organizer, unique(PREFIX + "有標籤"), tags=[tid])
        self.assertEqual(admin.post(f"/admin/tags/{tid}/toggle", [("csrf", token_of(admin))]).status, 303)
        self.assertEqual(sql_value(f"SELECT active FROM tag WHERE id = {tid}"), "0")
        self.assertNotIn(tid, tag_boxes(organizer.get("/office/courses/new").text))
        self.assertNotIn(tid, options(Client().get(search + "x").text, "tag"))
        # Retired, it is refused to a new course but kept on the one that carries it.
        before = everything()
        r = organizer.post("/office/courses", [("csrf", token_of(organizer))] +
                           portal.course_fields(unique(PREFIX + "停用標籤"), tags=[tid]))
        self.assertEqual(r.status, 422)
        self.assertIn("已停用", portal.field_error(r.text, "tags"))
        self.assertEqual(everything(), before)
        edit = organizer.get(f"/office/courses/{code}/edit").text
        self.assertEqual(tag_boxes(edit).get(tid), name)
        r = organizer.post(f"/office/courses/{code}/edit", [("csrf", token_of(organizer))] +
                           portal.course_fields(unique(PREFIX + "仍有標籤"), tags=[tid]))
        self.assertEqual(r.status, 303, r.text[:300])
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM course_tag ct JOIN course c ON c.id = ct.course_id"
                                   f" WHERE c.code = '{code}' AND ct.tag_id = {tid}"), "1")
        # Activated again, it is offered again.
        self.assertEqual(admin.post(f"/admin/tags/{tid}/toggle", [("csrf", token_of(admin))]).status, 303)
        self.assertIn(tid, tag_boxes(organizer.get("/office/courses/new").text))

    def test_a_tag_is_renamed_audited_and_a_name_in_use_is_refused(self):
        name = unique(PREFIX + "改名前")
        admin.post("/admin/tags", [("csrf", token_of(admin)), ("name", name)])
        tid = sql_value(f"SELECT id FROM tag WHERE name = '{name}'")
        before = everything()
        for typed, status, message in (("家庭教育", 409, "已有名稱為「家庭教育」"), ("", 422, None),
                                       ("字" * 41, 422, None)):
            with self.subTest(typed=typed[:5]):
                r = admin.post(f"/admin/tags/{tid}/rename", [("csrf", token_of(admin)), ("name", typed)])
                self.assertEqual(r.status, status)
                self.assertIn("沒有變更", r.text)
                self.assertIsNotNone(error_of(r.text, "name"))
                if message:
                    self.assertIn(message, error_of(r.text, "name"))
        self.assertEqual(admin.post("/admin/tags", [("csrf", token_of(admin)), ("name", "家庭教育")]).status, 409)
        self.assertEqual(everything(), before)
        renamed = unique(PREFIX + "改名後")
        mark = portal.audit_mark()
        self.assertEqual(admin.post(f"/admin/tags/{tid}/rename", [("csrf", token_of(admin)), ("name", renamed)]).status,
                         303)
        self.assertEqual(portal.audit_since(mark), [("b:5", "tag.rename", f"tag:{tid}", f"{name} → {renamed}")])
        self.assertEqual(tag_boxes(self.organizer.get("/office/courses/new").text).get(tid), renamed)

    def test_a_category_is_added_renamed_and_retired_and_the_forms_follow(self):
        name = unique(PREFIX + "類別")
        self.assertEqual(admin.post("/admin/categories", [("csrf", token_of(admin)), ("name", name)]).status, 303)
        cid = sql_value(f"SELECT id FROM category WHERE name = '{name}'")
        self.assertEqual(options(self.organizer.get("/office/courses/new").text, "category_id").get(cid), name)
        search = "/courses?q=" + urllib.parse.quote(unique("類別"))
        self.assertEqual(options(Client().get(search).text, "category").get(cid), name)
        self.assertEqual(admin.post("/admin/categories", [("csrf", token_of(admin)), ("name", name)]).status, 409)
        self.assertEqual(admin.post(f"/admin/categories/{cid}/toggle", [("csrf", token_of(admin))]).status, 303)
        self.assertNotIn(cid, options(self.organizer.get("/office/courses/new").text, "category_id"))
        self.assertNotIn(cid, options(Client().get(search + "x").text, "category"))
        r = self.organizer.post("/office/courses", [("csrf", token_of(self.organizer))] +
                                portal.course_fields(unique(PREFIX + "停用類別"), category_id=cid))
        self.assertEqual(r.status, 422)
        self.assertIn("已停用", portal.field_error(r.text, "category_id"))
        page = admin.get("/admin/categories").text
        self.assertIn(f'<tr id="category-row-{cid}" data-category="{cid}">', page)
        self.assertIn("已停用", page)

    def test_the_demo_retired_category_and_tag_are_listed_but_not_offered(self):
        self.assertIn("九年一貫課程", admin.get("/admin/categories").text)
        self.assertNotIn("8", options(self.organizer.get("/office/courses/new").text, "category_id"))
        self.assertNotIn("6", tag_boxes(self.organizer.get("/office/courses/new").text))
        self.assertNotIn("6", options(Client().get("/courses?q=" + urllib.parse.quote(unique("x"))).text, "tag"))
        # A search already filtering by the retired tag still shows it chosen.
        self.assertIn("6", options(Client().get("/courses?tag=6&q=" + unique("y")).text, "tag"))

    def test_an_unknown_tag_or_category_is_404(self):
        for path in ("/admin/tags/9999/rename", "/admin/tags/9999/toggle", "/admin/categories/9999/toggle"):
            self.assertEqual(admin.post(path, [("csrf", token_of(admin)), ("name", PREFIX)]).status, 404, path)


if __name__ == "__main__":
    main()
