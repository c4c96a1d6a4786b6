"""研習課程登錄 and 研習資料管理 (SPEC §3, §6; 第8–12條): the organizer's course form with every rule
checked on submit, the unit's course list with filters, editing, deleting (課程登錄錯誤) and the
master's transfer, each walked through the Healthchecks matrix of STYLE §9.

Courses cannot be deleted physically (foreign keys), so every course made here has a random
suffix in its name, and all of them are set to 課程登錄錯誤 (and leave the search index) at the end.
"""
import datetime
import html
import re
import threading
import unittest
import urllib.parse

import portal
from portal import (Client, course_fields, course_history, course_snapshot, course_state, create_course,
                    days_ahead, db_today, field_error, flash_of, input_value, input_values, logged_in,
                    session_row, sql, sql_value, textarea_value, token_of, unique, write_counts)

CREATED = []          # codes of the courses this module registered
ACCOUNTS = []         # business accounts this module made


def register(client, title, sessions=None, **overrides):
    code = create_course(client, title, sessions, **overrides)
    CREATED.append(code)
    return code


def tearDownModule():
    portal.retire_courses(CREATED)
    for name in ACCOUNTS:
        aid = sql_value(f"SELECT id FROM business_account WHERE account_name = '{name}'")
        if aid:
            sql(f"UPDATE course SET organizer_id = 1 WHERE organizer_id = {aid}")
            sql(f"DELETE FROM course_transfer WHERE from_account_id = {aid} OR to_account_id = {aid}"
                f" OR by_account_id = {aid}")
            sql(f"UPDATE course_history SET actor_id = 1 WHERE actor_id = {aid}")
        portal.delete_business_account(name)


def second_organizer():
    """A second approved 承辦人 of unit 4 (桃園市立內壢國中); returns (account name, id)."""
    name = unique("org2").replace("-", "")[:30]
    aid = portal.new_business_account(name, unit_id=4, kind="organizer")
    ACCOUNTS.append(name)
    return name, aid


def next_monday_after(days):
    d = db_today() + datetime.timedelta(days=days)
    return d + datetime.timedelta(days=(7 - d.weekday()) % 7)


def roc_year(iso):
    return str(int(iso[:4]) - 1911)


def list_codes(page):
    """Codes of the rows of 本單位研習課程, in order."""
    return [row[0] for row in list_rows(page)]


def list_rows(page):
    """(code, title, dates, state, organizer) of the rows of 本單位研習課程."""
    m = re.search(r"<caption[^>]*>本單位研習課程</caption>.*?<tbody>(.*?)</tbody>", page, re.S)
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", m.group(1) if m else "", re.S):
        cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        rows.append(tuple(cells[:5]))
    return rows


def error_ids(page, field):
    """Ids of the errors shown for `field`: <p class="field-error" id="<field>-error"> or
    id="<field>-<something>-error" (the tags fieldset has one for each kind of mistake)."""
    return re.findall(r'<p class="field-error" id="(' + re.escape(field) + r'(?:-[a-z_]+)?-error)">', page)


def error_beside(page, field):
    """The text of the errors shown beside `field`, or None."""
    texts = [re.search(r'id="' + i + r'">(.*?)</p>', page, re.S).group(1) for i in error_ids(page, field)]
    return " ".join(texts) or None


def history_rows(page):
    """(from, to, actor, reasons) of the 處理歷程 table."""
    return [tuple(r[1:5]) for r in portal.table_rows(page, "history")]


class CourseForm(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.organizer = logged_in("organizer")

    def test_the_form_offers_every_course_field_of_spec_3(self):
        r = self.organizer.get("/office/courses/new")
        self.assertEqual(r.status, 200)
        for name in ("csrf", "title", "class_kind", "scope", "category_id", "subject_area", "levels", "tags",
                     "basis_doc", "special_approval_doc", "outline", "session_date", "session_start",
                     "session_end", "session_breaks", "session_place", "declared_hours", "credits",
                     "class_count", "seats_per_class", "online_seats", "enrol_online", "enrol_opens",
                     "enrol_closes", "auto_review", "subsidy", "contact1_name", "contact1_phone",
                     "contact1_email", "contact2_name", "contact2_phone", "contact2_email"):
            with self.subTest(field=name):
                self.assertRegex(r.text, r'name="' + name + '"')
        for value in ("non_credit", "credit", "degree"):
            self.assertIn(f'name="class_kind" value="{value}"', r.text)
        self.assertIn('name="scope" value="cross"', r.text)
        for tag in ("幼兒園教保專業知能", "基本救命術訓練", "安全教育"):
            self.assertIn(tag, r.text)
        self.assertIn('name="action" value="add_session"', r.text)
        self.assertIn('name="action" value="submit"', r.text)
        self.assertIn("7 天前登錄", r.text)
        # The organizer is offered as the first contact.
        self.assertEqual(input_value(r.text, "contact1_name"), "林承辦")

    def test_sessions_are_added_and_removed_without_javascript_and_nothing_is_saved(self):
        title = unique("場次增刪")
        d1, d2 = days_ahead(15), days_ahead(16)
        before = write_counts()
        fields = course_fields(title, [session_row(d1)], action="add_session")
        r = self.organizer.post("/office/courses", [("csrf", token_of(self.organizer))] + fields)
        self.assertEqual(r.status, 200)
        self.assertEqual(input_values(r.text, "session_date"), [d1, ""])
        self.assertEqual(input_value(r.text, "title"), title)
        self.assertIn('value="remove_session_1"', r.text)
        self.assertRegex(r.text, r'id="computed-hours">3<')
        fields = course_fields(title, [session_row(d1), session_row(d2, place="第二會場")],
                               action="remove_session_0")
        r = self.organizer.post("/office/courses", [("csrf", token_of(self.organizer))] + fields)
        self.assertEqual(r.status, 200)
        self.assertEqual(input_values(r.text, "session_date"), [d2])
        self.assertEqual(input_values(r.text, "session_place"), ["第二會場"])
        self.assertEqual(write_counts(), before)


class Registration(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.organizer = logged_in("organizer")

    def test_a_valid_course_gets_a_code_is_unconfirmed_routed_to_the_county_and_has_a_history(self):
        before = write_counts()
        title = unique("素養導向數學教學")
        first = days_ahead(14)
        r = self.organizer.post("/office/courses", [("csrf", token_of(self.organizer))] +
                                course_fields(title, [session_row(first)]))
        self.assertEqual(r.status, 303)
        m = re.fullmatch(r"/office/courses/(\d{7})", r.header("location"))
        self.assertIsNotNone(m, r.header("location"))
        code = m.group(1)
        CREATED.append(code)
        page = self.organizer.get(r.header("location")).text
        self.assertIn("研習新增成功", flash_of(page))
        self.assertIn(code, flash_of(page))
        self.assertIn('data-state="unconfirmed">課程未確認<', page)
        row = sql(f"SELECT unit_id, organizer_id, review_unit_id, state, hours, first_date, last_date,"
                  f" cross_school, flagged_restricted FROM course WHERE code = '{code}'")
        # 第11條: a municipal junior high school of 桃園市 is reviewed by 桃園市政府教育局 (unit 2).
        self.assertEqual(row, [["4", "1", "2", "unconfirmed", "3", first, first, "0", "0"]])
        self.assertEqual(course_history(code), [("NULL", "unconfirmed", "1", "NULL")])
        self.assertEqual(history_rows(page), [("（登錄）", "課程未確認", "林承辦", "")])
        after = write_counts()
        self.assertEqual(int(after["course"]), int(before["course"]) + 1)
        self.assertEqual(int(after["course_session"]), int(before["course_session"]) + 1)
        self.assertEqual(int(after["course_history"]), int(before["course_history"]) + 1)
        # Not public before the reviewer approves it.
        self.assertEqual(Client().get(f"/courses/{code}").status, 404)

    def test_every_field_of_the_form_is_stored(self):
        title = unique("校園安全教育跨校研習")
        d1, d2 = days_ahead(20), days_ahead(21)
        code = register(self.organizer, title,
                        [session_row(d1, "09:00", "16:00", "12:00-13:00", "圖書館"),
                         session_row(d2, "13:00", "16:00", "14:30-14:40", "視聽教室")],
                        scope="cross", basis_doc="桃教體字第1140099999號", category_id="5",
                        subject_area="健康與體育", levels=["junior_high", "elementary"], tags=["3"],
                        outline="校園防災與緊急應變演練規劃。", declared_hours="9", class_count="2",
                        seats_per_class="25", online_seats="40", enrol_online="1",
                        enrol_opens=f"{days_ahead(1)}T09:00", enrol_closes=f"{days_ahead(19)}T17:00",
                        auto_review="1", subsidy="桃園市政府教育局 新臺幣 5,000 元",
                        contact2_name="張總負責", contact2_phone="03-4512345#200",
                        contact2_email="master@example.edu.tw")
        row = sql(f"SELECT cross_school, basis_doc, category_id, subject_area, levels, outline, hours, class_count,"
                  f" seats_per_class, online_seats, enrol_online, DATE_FORMAT(enrol_opens_at, '%Y-%m-%dT%H:%i'),"
                  f" DATE_FORMAT(enrol_closes_at, '%Y-%m-%dT%H:%i'), auto_review, subsidy, contact2_email,"
                  f" first_date, last_date FROM course WHERE code = '{code}'")[0]
        self.assertEqual(row, ["1", "桃教體字第1140099999號", "5", "健康與體育", "elementary,junior_high",
                               "校園防災與緊急應變演練規劃。", "9", "2", "25", "40", "1", f"{days_ahead(1)}T09:00",
                               f"{days_ahead(19)}T17:00", "1", "桃園市政府教育局 新臺幣 5,000 元",
                               "master@example.edu.tw", d1, d2])
        sessions = sql(f"SELECT session_date, TIME_FORMAT(starts_at, '%H:%i'), TIME_FORMAT(ends_at, '%H:%i'),"
                       f" breaks, place FROM course_session s JOIN course c ON c.id = s.course_id"
                       f" WHERE c.code = '{code}' ORDER BY session_date")
        self.assertEqual(sessions, [[d1, "09:00", "16:00", "12:00-13:00", "圖書館"],
                                    [d2, "13:00", "16:00", "14:30-14:40", "視聽教室"]])
        self.assertEqual(sql(f"SELECT tag_id FROM course_tag t JOIN course c ON c.id = t.course_id"
                             f" WHERE c.code = '{code}'"), [["3"]])

    def test_a_credit_class_is_declared_in_credits(self):
        code = register(self.organizer, unique("數學教育碩士學分班"), class_kind="credit", credits="2",
                        declared_hours="")
        self.assertEqual(sql(f"SELECT class_kind, credits, hours FROM course WHERE code = '{code}'"),
                         [["credit", "2", "0"]])
        self.assertIn("2 學分", self.organizer.get(f"/office/courses/{code}").text)

    def test_a_course_registered_exactly_seven_days_ahead_is_accepted(self):
        code = register(self.organizer, unique("七日前登錄"), [session_row(days_ahead(7))])
        self.assertEqual(course_state(code), "unconfirmed")

    def test_six_hours_in_a_day_need_no_special_approval(self):
        # 08:00–12:00 is 240 minutes (4 h), 13:00–15:00 is 120 minutes (2 h): 6 h, the day's limit.
        code = register(self.organizer, unique("整日研習六小時"),
                        [session_row(days_ahead(15), "08:00", "15:00", "12:00-13:00")], declared_hours="6")
        self.assertEqual(sql_value(f"SELECT hours FROM course WHERE code = '{code}'"), "6")

    def test_a_long_day_is_accepted_with_a_special_approval_doc(self):
        code = register(self.organizer, unique("整日研習七小時"),
                        [session_row(days_ahead(15), "08:00", "16:00", "12:00-13:00")], declared_hours="7",
                        special_approval_doc="桃教資字第1140088888號")
        self.assertEqual(sql_value(f"SELECT special_approval_doc FROM course WHERE code = '{code}'"),
                         "桃教資字第1140088888號")

    def test_a_restricted_looking_course_with_a_basis_doc_is_registered_and_flagged_for_the_reviewer(self):
        title = unique("教師理財規劃講座")
        r = self.organizer.post("/office/courses", [("csrf", token_of(self.organizer))] +
                                course_fields(title, basis_doc="桃教人字第1140077777號"))
        self.assertEqual(r.status, 303)
        code = r.header("location").rsplit("/", 1)[1]
        CREATED.append(code)
        self.assertIn("第9條", flash_of(self.organizer.get(r.header("location")).text))
        self.assertEqual(sql_value(f"SELECT flagged_restricted FROM course WHERE code = '{code}'"), "1")


class RuleFailures(unittest.TestCase):
    """Every rule of SPEC §3: 422, the message beside its field, the input kept, nothing written."""

    @classmethod
    def setUpClass(cls):
        cls.organizer = logged_in("organizer")

    def assert_refused(self, field, words, title=None, sessions=None, status=422, **overrides):
        title = title if title is not None else unique("規則檢查")
        sessions = sessions if sessions is not None else [session_row(days_ahead(14))]
        pairs = course_fields(title, sessions, **overrides)
        before = write_counts()
        r = self.organizer.post("/office/courses", [("csrf", token_of(self.organizer))] + pairs)
        self.assertEqual(r.status, status, field_error(r.text, field) or r.text[:300])
        message = error_beside(r.text, field)
        self.assertIsNotNone(message, f"no error shown beside {field}")
        for w in words if isinstance(words, (list, tuple)) else [words]:
            self.assertIn(w, html.unescape(message))
        self.assertIn("您輸入的資料都已保留", r.text)
        # The input is kept.
        sent = dict(pairs)
        self.assertEqual(input_value(r.text, "title"), sent["title"])
        self.assertEqual(textarea_value(r.text, "outline"), sent["outline"])
        self.assertEqual(input_value(r.text, "contact1_email"), sent["contact1_email"])
        self.assertEqual(input_values(r.text, "session_date")[:len(sessions)], [s["date"] for s in sessions])
        self.assertEqual(input_values(r.text, "session_place")[:len(sessions)], [s["place"] for s in sessions])
        self.assertEqual(write_counts(), before, "a refused course wrote something")
        return r

    def test_title_is_required_and_at_most_200_characters(self):
        self.assert_refused("title", "請填寫研習名稱", title="   ")
        self.assert_refused("title", "不可超過 200 字", title="長" * 201)

    def test_category_must_be_chosen_and_exist(self):
        self.assert_refused("category_id", "請選擇課程類別", category_id="")
        self.assert_refused("category_id", "課程類別不存在", category_id="999")
        self.assert_refused("category_id", "課程類別", category_id="一")

    def test_levels_need_one_known_choice(self):
        self.assert_refused("levels", "至少選擇一個", levels=[])
        self.assert_refused("levels", "無法辨識", levels=["graduate_school"])

    def test_an_unknown_tag_is_refused_beside_the_tags(self):
        self.assert_refused("tags", "屬性標籤", tags=["999"])

    def test_class_kind_must_be_one_of_three(self):
        self.assert_refused("class_kind", "班別性質", class_kind="seminar")

    def test_cross_school_needs_a_basis_doc(self):
        self.assert_refused("basis_doc", "跨校研習", scope="cross", basis_doc="")

    def test_a_restricted_activity_needs_a_basis_doc_and_the_form_warns(self):
        r = self.assert_refused("basis_doc", ["第9條", "校務會議"], title=unique("校務會議暨教師增能"))
        self.assertIn("可能屬第9條不予採計的活動", r.text)
        r = self.assert_refused("basis_doc", ["第9條", "旅遊"], outline="東部旅遊與文化體驗。")
        self.assertIn("可能屬第9條不予採計的活動", r.text)

    def test_basis_doc_is_at_most_1000_characters(self):
        self.assert_refused("basis_doc", "不可超過 1000 字", scope="cross", basis_doc="文" * 1001)

    def test_outline_is_required(self):
        self.assert_refused("outline", "請填寫課程內容大綱", outline="")

    def test_at_least_one_session_is_required(self):
        self.assert_refused("sessions", "請至少填寫一場", sessions=[])

    def test_malformed_sessions_are_named(self):
        d = days_ahead(14)
        self.assert_refused("sessions", ["第 1 場次", "日期"], sessions=[session_row("2025-02-30")])
        self.assert_refused("sessions", ["第 1 場次", "日期"], sessions=[session_row("下週三")])
        self.assert_refused("sessions", ["第 1 場次", "09:00"], sessions=[session_row(d, start="9點")])
        self.assert_refused("sessions", "休息時段", sessions=[session_row(d, breaks="午餐一小時")])
        self.assert_refused("sessions", "結束時間須晚於開始時間", sessions=[session_row(d, "12:00", "09:00", "")])
        self.assert_refused("sessions", "須在上課時間", sessions=[session_row(d, breaks="12:30-13:00")])
        self.assert_refused("sessions", "重疊", sessions=[session_row(d), session_row(d, "11:00", "12:30", "")],
                            declared_hours="4")

    def test_every_session_needs_a_place(self):
        self.assert_refused("places", "上課地點", sessions=[session_row(days_ahead(14), place="")])

    def test_first_session_at_least_seven_days_ahead(self):
        r = self.assert_refused("sessions", ["第12條", "7 天"], sessions=[session_row(days_ahead(6))])
        self.assertIn(portal.roc(days_ahead(7)), field_error(r.text, "sessions"))
        self.assert_refused("sessions", "第12條", sessions=[session_row(days_ahead(-3))])

    def test_a_course_under_one_creditable_hour_cannot_be_registered(self):
        self.assert_refused("sessions", "0 小時",
                            sessions=[session_row(days_ahead(14), "09:00", "09:45", "")], declared_hours="1")

    def test_declared_hours_never_above_the_computed_hours_which_are_shown(self):
        # 08:00–12:00 without a break is 240 minutes (4 h); 13:00–14:30 is 90 minutes (2 h): 6 h.
        d = days_ahead(14)
        sessions = [session_row(d, "08:00", "12:00", ""), session_row(d, "13:00", "14:30", "")]
        r = self.assert_refused("declared_hours", ["可採計 6 小時", "目前填寫 7 小時"], sessions=sessions,
                                declared_hours="7")
        self.assertRegex(r.text, r'id="computed-hours">6<')
        # A 10-minute break splits 09:00–12:00 into 90 + 80 minutes: 2 + 1 = 3 h, never 4.
        r = self.assert_refused("declared_hours", "可採計 3 小時", declared_hours="4")
        self.assertRegex(r.text, r'id="computed-hours">3<')

    def test_declared_hours_must_be_a_whole_number_from_one(self):
        self.assert_refused("declared_hours", "整數", declared_hours="3.5")
        self.assert_refused("declared_hours", "整數", declared_hours="三")
        self.assert_refused("declared_hours", "1 小時以上", declared_hours="0")

    def test_more_than_six_hours_a_day_needs_a_special_approval_doc(self):
        d = days_ahead(15)
        self.assert_refused("special_approval_doc", ["單日超過 6 小時", portal.roc(d)],
                            sessions=[session_row(d, "08:00", "16:00", "12:00-13:00")], declared_hours="7")

    def test_more_than_35_hours_a_week_needs_a_special_approval_doc(self):
        monday = next_monday_after(8)
        days = [(monday + datetime.timedelta(days=i)).isoformat() for i in range(6)]
        sessions = [session_row(d, "08:00", "15:00", "12:00-13:00") for d in days]  # 6 h a day, 36 h
        self.assert_refused("special_approval_doc", "單週超過 35 小時", sessions=sessions, declared_hours="36")
        # Five such days (30 h) are fine: the same form without Saturday is accepted.
        code = register(self.organizer, unique("五日密集研習"), sessions[:5], declared_hours="30")
        self.assertEqual(course_state(code), "unconfirmed")

    def test_credit_classes_need_credits(self):
        self.assert_refused("credits", "學分數", class_kind="credit", credits="0")
        self.assert_refused("credits", "學分數", class_kind="degree", credits="")

    def test_seats_are_whole_numbers_and_online_seats_within_the_total(self):
        self.assert_refused("class_count", "班級數", class_count="0")
        self.assert_refused("seats_per_class", "每班次人數", seats_per_class="")
        self.assert_refused("online_seats", "不可超過總名額 30 人", online_seats="31")

    def test_online_enrolment_needs_a_window_closing_before_the_first_session(self):
        first = days_ahead(14)
        self.assert_refused("enrol_opens", "開始", enrol_online="1", enrol_opens="", enrol_closes=f"{days_ahead(10)}T17:00")
        self.assert_refused("enrol_opens", "無法辨識", enrol_online="1", enrol_opens="明天早上",
                            enrol_closes=f"{days_ahead(10)}T17:00")
        self.assert_refused("enrol_closes", "前一天", enrol_online="1", enrol_opens=f"{days_ahead(1)}T09:00",
                            enrol_closes=f"{first}T08:00")
        self.assert_refused("enrol_closes", "晚於報名開始時間", enrol_online="1",
                            enrol_opens=f"{days_ahead(5)}T09:00", enrol_closes=f"{days_ahead(4)}T09:00")

    def test_contacts_are_checked(self):
        self.assert_refused("contact1_name", "請填寫聯絡人一姓名", contact1_name="")
        self.assert_refused("contact1_phone", "電話", contact1_phone="12")
        self.assert_refused("contact1_email", "格式不正確", contact1_email="organizer-at-school")
        self.assert_refused("contact2_name", "聯絡人二姓名", contact2_name="", contact2_phone="",
                            contact2_email="second@example.edu.tw")
        self.assert_refused("contact2_email", "格式不正確", contact2_email="second@")

    def test_subsidy_is_at_most_200_characters(self):
        self.assert_refused("subsidy", "不可超過 200 字", subsidy="補" * 201)

    def test_every_field_error_is_tied_to_its_field_for_screen_readers(self):
        # STYLE §7: errors next to fields, referenced by aria-describedby (WCAG 2.1 AA, 3.3.1).
        d = days_ahead(15)
        cases = {
            "title": dict(title=""), "category_id": dict(category_id=""), "levels": dict(levels=[]),
            "tags": dict(tags=["999"]), "basis_doc": dict(scope="cross"), "outline": dict(outline=""),
            "sessions": dict(sessions=[session_row(days_ahead(2))]),
            "places": dict(sessions=[session_row(d, place="")]),
            "special_approval_doc": dict(sessions=[session_row(d, "08:00", "16:00", "12:00-13:00")],
                                         declared_hours="7"),
            "declared_hours": dict(declared_hours="9"), "online_seats": dict(online_seats="99"),
            "contact1_email": dict(contact1_email="x"),
        }
        for field, overrides in cases.items():
            with self.subTest(field=field):
                sessions = overrides.pop("sessions", None)
                title = overrides.pop("title", unique("無障礙"))
                r = self.organizer.post("/office/courses", [("csrf", token_of(self.organizer))] +
                                        course_fields(title, sessions, **overrides))
                self.assertEqual(r.status, 422)
                ids = error_ids(r.text, field)
                self.assertTrue(ids, f'no <p class="field-error" id="{field}-…error">')
                for i in ids:
                    described = re.search(r'aria-describedby="(?:[^"]*\s)?' + re.escape(i) + r'(?:\s[^"]*)?"', r.text)
                    self.assertIsNotNone(described, f"no control of {field} is described by its error {i}")

    def test_several_failures_are_all_shown_at_once(self):
        r = self.assert_refused("title", "請填寫研習名稱", title="", outline="", contact1_email="x")
        self.assertIsNotNone(field_error(r.text, "outline"))
        self.assertIsNotNone(field_error(r.text, "contact1_email"))
        self.assertRegex(r.text, r"有 3 個欄位需要修正")


class Duplicates(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.organizer = logged_in("organizer")

    def post(self, pairs):
        return self.organizer.post("/office/courses", [("csrf", token_of(self.organizer))] + pairs)

    def test_a_duplicate_is_refused_with_a_link_to_the_existing_course(self):
        title = unique("重複登錄檢查")
        sessions = [session_row(days_ahead(22)), session_row(days_ahead(23))]
        code = register(self.organizer, title, sessions, declared_hours="6")
        before = write_counts()
        r = self.post(course_fields(title, sessions, declared_hours="6"))
        self.assertEqual(r.status, 422)
        self.assertIn(code, field_error(r.text, "title"))
        self.assertIn(f'href="/office/courses/{code}"', r.text)
        self.assertEqual(input_value(r.text, "title"), title)
        self.assertEqual(write_counts(), before)

    def test_a_duplicate_is_refused_whatever_order_its_sessions_are_typed_in(self):
        title = unique("重複登錄場次順序")
        sessions = [session_row(days_ahead(22)), session_row(days_ahead(23))]
        code = register(self.organizer, title, sessions, declared_hours="6")
        before = write_counts()
        r = self.post(course_fields(title, list(reversed(sessions)), declared_hours="6"))
        if r.status == 303:
            CREATED.append(r.header("location").rsplit("/", 1)[1])
        self.assertEqual(r.status, 422, "the same course with its sessions typed last-first was registered twice")
        self.assertIn(code, field_error(r.text, "title"))
        self.assertEqual(write_counts(), before)

    def test_other_dates_or_a_deleted_course_are_no_duplicate(self):
        title = unique("同名不同日期")
        code = register(self.organizer, title, [session_row(days_ahead(24))])
        other = register(self.organizer, title, [session_row(days_ahead(25))])
        self.assertNotEqual(code, other)
        r = self.organizer.post(f"/office/courses/{code}/delete",
                                {"csrf": token_of(self.organizer), "reason": "重複登錄"})
        self.assertEqual(r.status, 303)
        again = register(self.organizer, title, [session_row(days_ahead(24))])
        self.assertEqual(course_state(again), "unconfirmed")


class ConcurrentRegistration(unittest.TestCase):
    """SPEC §9: about 1,500 courses a day are registered; requests of one minute overlap."""

    @classmethod
    def setUpClass(cls):
        cls.clients = [logged_in("organizer"), logged_in("master")]

    def at_once(self, requests):
        barrier = threading.Barrier(len(requests))
        results = [None] * len(requests)

        def run(i):
            barrier.wait()
            results[i] = requests[i]()

        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(requests))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        for r in results:
            if r is not None and r.status == 303:
                CREATED.append(r.header("location").rsplit("/", 1)[1])
        return results

    def test_two_organizers_registering_at_once_both_get_their_course(self):
        for round_ in range(6):
            with self.subTest(round=round_):
                pairs = [[("csrf", token_of(c))] + course_fields(unique(f"同時登錄{round_}")) for c in self.clients]
                a, b = self.at_once([lambda c=c, p=p: c.post("/office/courses", p) for c, p in zip(self.clients, pairs)])
                self.assertEqual([a.status, b.status], [303, 303])
                self.assertNotEqual(a.header("location"), b.header("location"))

    def test_a_double_submitted_form_registers_the_course_once(self):
        organizer = self.clients[0]
        for round_ in range(6):
            with self.subTest(round=round_):
                title = unique(f"連按兩次{round_}")
                pairs = [("csrf", token_of(organizer))] + course_fields(title)
                a, b = self.at_once([lambda: organizer.post("/office/courses", pairs)] * 2)
                statuses = sorted([a.status, b.status])
                self.assertEqual(sql_value(f"SELECT COUNT(*) FROM course WHERE title = '{title}'"), "1",
                                 f"answers {statuses}")
                self.assertEqual(statuses[0], 303, statuses)
                self.assertLess(statuses[1], 500, statuses)


class RedLight(unittest.TestCase):
    """SPEC §6: 文雅國小 (organizer-red) has 5 overdue courses, 5600101–5600105."""

    OVERDUE = ["5600101", "5600102", "5600103", "5600104", "5600105"]

    @classmethod
    def setUpClass(cls):
        cls.red = logged_in("organizer-red")

    def test_a_red_unit_is_told_which_courses_to_close(self):
        r = self.red.get("/office/courses/new")
        self.assertEqual(r.status, 409)
        self.assertIn("紅燈", r.text)
        for code in self.OVERDUE:
            self.assertIn(f'href="/office/courses/{code}"', r.text)

    def test_a_red_unit_cannot_register_and_nothing_is_written(self):
        before = write_counts()
        r = self.red.post("/office/courses", [("csrf", token_of(self.red))] +
                          course_fields(unique("紅燈單位登錄"), contact1_name="黃承辦"))
        self.assertEqual(r.status, 409)
        self.assertIn("紅燈", r.text)
        self.assertEqual(write_counts(), before)

    def test_registration_reopens_when_fewer_than_five_are_overdue_and_goes_to_the_taichung_bureau(self):
        first = self.OVERDUE[0]
        was = portal.set_course_state(first, "closed")
        try:
            r = self.red.get("/office/courses/new")
            self.assertEqual(r.status, 200)
            self.assertNotIn("紅燈", r.text)
            code = register(self.red, unique("文雅國小閱讀研習"), contact1_name="黃承辦", levels=["elementary"])
            # 第11條: an elementary school of 臺中市 is reviewed by 臺中市政府教育局 (unit 3).
            self.assertEqual(sql(f"SELECT unit_id, review_unit_id FROM course WHERE code = '{code}'"), [["6", "3"]])
        finally:
            portal.set_course_state(first, was)
        self.assertEqual(self.red.get("/office/courses/new").status, 409)


    def test_a_red_unit_may_still_correct_and_resubmit_a_course_it_registered_before(self):
        # SPEC §3: a red unit "cannot register new courses"; a returned course must still be fixable.
        first = self.OVERDUE[0]
        was = portal.set_course_state(first, "closed")
        try:
            title = unique("紅燈前登錄")
            code = register(self.red, title, contact1_name="黃承辦", levels=["elementary"])
        finally:
            portal.set_course_state(first, was)
        portal.set_course_state(code, "returned")
        r = self.red.post(f"/office/courses/{code}/edit", [("csrf", token_of(self.red))] +
                          course_fields(title, contact1_name="黃承辦", levels=["elementary"],
                                        outline="依審課意見修正後的大綱。"))
        self.assertEqual(r.status, 303, re.findall(r'<p>(本單位[^<]*)</p>', r.text))
        self.assertEqual(course_state(code), "unconfirmed")


class CourseList(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.organizer = logged_in("organizer")

    def test_the_unit_list_shows_the_units_courses_with_their_state(self):
        r = self.organizer.get("/office/courses")
        self.assertEqual(r.status, 200)
        rows = [(row[0], row[3]) for row in list_rows(r.text)]
        self.assertTrue(rows)
        labels = {"unconfirmed": "課程未確認", "returned": "課程確認未通過", "approved": "課程確認通過",
                  "roster_submitted": "資料上傳結束", "roster_returned": "名單確認未通過",
                  "closed": "名單確認通過", "deleted": "課程登錄錯誤"}
        in_db = dict(sql("SELECT code, state FROM course WHERE unit_id = 4"))
        for code, label in rows:
            self.assertIn(code, in_db, f"{code} of another unit is listed")
            self.assertEqual(label, labels[in_db[code]], code)
        self.assertEqual(len(rows), min(200, len(in_db)))
        self.assertNotIn("5600101", r.text)  # 文雅國小's
        # The demo's courses in every state, each found by its state.
        for code, state in (("5600001", "approved"), ("5600003", "unconfirmed"), ("5600004", "returned"),
                            ("5600005", "roster_submitted"), ("5600006", "roster_returned"),
                            ("5600007", "closed"), ("5600010", "deleted")):
            with self.subTest(code=code):
                page = self.organizer.get(f"/office/courses?state={state}&title=" +
                                          urllib.parse.quote(sql_value(f"SELECT title FROM course WHERE code = '{code}'")))
                self.assertIn(code, list_codes(page.text))

    def listed(self, **query):
        page = self.organizer.get("/office/courses?" + urllib.parse.urlencode(query)).text
        return page, list_codes(page)

    def in_db(self, codes, column):
        if not codes:
            return {}
        listed = ",".join(f"'{c}'" for c in codes)
        return dict(sql(f"SELECT code, {column} FROM course WHERE code IN ({listed})"))

    def title_of(self, code):
        return sql_value(f"SELECT title FROM course WHERE code = '{code}'")

    def test_the_state_filter(self):
        page, codes = self.listed(state="returned")
        self.assertIn("5600004", codes)
        self.assertEqual(set(self.in_db(codes, "state").values()), {"returned"})
        self.assertIn('<option value="returned" selected>', page)
        _, codes = self.listed(state="approved", title=self.title_of("5600001"))
        self.assertEqual(codes, ["5600001"])
        _, codes = self.listed(state="returned", title=self.title_of("5600001"))
        self.assertEqual(codes, [])

    def test_the_unfinished_filter(self):
        _, codes = self.listed(unfinished="1")
        self.assertTrue(codes)
        self.assertFalse({"closed", "deleted"} & set(self.in_db(codes, "state").values()))
        for code, expected in (("5600005", ["5600005"]), ("5600006", ["5600006"]), ("5600007", []), ("5600010", [])):
            with self.subTest(code=code):
                self.assertEqual(self.listed(unfinished="1", title=self.title_of(code))[1], expected)

    def test_the_year_filter(self):
        first = sql_value("SELECT first_date FROM course WHERE code = '5600007'")
        page, codes = self.listed(year=roc_year(first))
        self.assertEqual(input_value(page, "year"), roc_year(first))
        self.assertEqual({d[:4] for d in self.in_db(codes, "first_date").values()}, {first[:4]})
        self.assertEqual(self.listed(year=roc_year(first), title=self.title_of("5600007"))[1], ["5600007"])
        self.assertEqual(self.listed(year=str(int(roc_year(first)) + 5), title=self.title_of("5600007"))[1], [])
        page, codes = self.listed(year="100")
        self.assertEqual(codes, [])
        self.assertIn("沒有符合條件的課程", page)

    def test_the_name_filter(self):
        page, codes = self.listed(title="閱讀")
        self.assertIn("5600001", codes)
        self.assertIn("5600011", codes)
        self.assertNotIn("5600002", codes)
        self.assertTrue(all("閱讀" in t for t in self.in_db(codes, "title").values()))
        self.assertEqual(input_value(page, "title"), "閱讀")

    def test_the_red_units_list_holds_only_its_own_courses(self):
        codes = list_codes(logged_in("organizer-red").get("/office/courses").text)
        self.assertTrue(set(RedLight.OVERDUE) <= set(codes))
        self.assertNotIn("5600001", codes)


class EditAndHistory(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.organizer = logged_in("organizer")

    def test_a_returned_course_shows_the_reasons(self):
        page = self.organizer.get("/office/courses/5600004").text
        m = re.search(r'<ul class="reasons">(.*?)</ul>', page, re.S)
        self.assertIsNotNone(m, "no reasons shown on a returned course")
        self.assertIn("A. 請移除屬性標籤", m.group(1))
        self.assertIn("修改並重新送出審核", page)

    def test_the_edit_form_is_filled_with_the_course(self):
        title = unique("修改表單預填")
        code = register(self.organizer, title, [session_row(days_ahead(18), place="五樓會議室")])
        r = self.organizer.get(f"/office/courses/{code}/edit")
        self.assertEqual(r.status, 200)
        self.assertEqual(input_value(r.text, "title"), title)
        self.assertEqual(input_values(r.text, "session_place")[0], "五樓會議室")
        self.assertRegex(r.text, r'id="computed-hours">3<')

    def test_editing_an_unconfirmed_course_keeps_it_unconfirmed(self):
        title = unique("修改未確認課程")
        code = register(self.organizer, title)
        r = self.organizer.post(f"/office/courses/{code}/edit", [("csrf", token_of(self.organizer))] +
                                course_fields(title + "（修正）", outline="修正後的大綱。"))
        self.assertEqual(r.status, 303)
        self.assertEqual(sql(f"SELECT state, title, outline FROM course WHERE code = '{code}'"),
                         [["unconfirmed", title + "（修正）", "修正後的大綱。"]])
        self.assertEqual(len(course_history(code)), 1)

    def test_a_bad_edit_is_refused_and_changes_nothing(self):
        title = unique("修改錯誤輸入")
        code = register(self.organizer, title)
        before, counts = course_snapshot(code), write_counts()
        r = self.organizer.post(f"/office/courses/{code}/edit", [("csrf", token_of(self.organizer))] +
                                course_fields(title, declared_hours="9"))
        self.assertEqual(r.status, 422)
        self.assertIn("可採計 3 小時", field_error(r.text, "declared_hours"))
        self.assertEqual(input_value(r.text, "declared_hours"), "9")
        self.assertEqual(course_snapshot(code), before)
        self.assertEqual(write_counts(), counts)

    def test_an_approved_course_cannot_be_edited(self):
        title = unique("已通過不可修改")
        code = register(self.organizer, title)
        portal.set_course_state(code, "approved")
        r = self.organizer.get(f"/office/courses/{code}/edit")
        self.assertEqual(r.status, 409)
        self.assertIn("不能修改", r.text)
        before, counts = course_snapshot(code), write_counts()
        r = self.organizer.post(f"/office/courses/{code}/edit", [("csrf", token_of(self.organizer))] +
                                course_fields(title + "改"))
        self.assertEqual(r.status, 409)
        self.assertIn("不能修改", r.text)
        self.assertEqual(course_snapshot(code), before)
        self.assertEqual(write_counts(), counts)

    def test_an_edit_loses_to_a_reviewer_who_acted_since_the_form_was_opened(self):
        title = unique("審核後送出舊表單")
        code = register(self.organizer, title)
        self.assertEqual(self.organizer.get(f"/office/courses/{code}/edit").status, 200)
        reviewer = logged_in("reviewer")
        self.assertEqual(reviewer.post(f"/review/courses/{code}/approve", {"csrf": token_of(reviewer)}).status, 303)
        before = course_snapshot(code)
        r = self.organizer.post(f"/office/courses/{code}/edit", [("csrf", token_of(self.organizer))] +
                                course_fields(title + "改"))
        self.assertEqual(r.status, 409)
        self.assertIn("課程確認通過", r.text)
        self.assertEqual(course_snapshot(code), before)


class Delete(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.organizer = logged_in("organizer")

    def delete(self, code, reason, client=None):
        client = client or self.organizer
        return client.post(f"/office/courses/{code}/delete", {"csrf": token_of(client), "reason": reason})

    def test_a_delete_needs_a_reason_and_changes_nothing_without_one(self):
        code = register(self.organizer, unique("刪除需理由"))
        before, counts = course_snapshot(code), write_counts()
        for reason in ("", "   ", "理" * 201):
            with self.subTest(reason=reason[:5]):
                r = self.delete(code, reason)
                self.assertEqual(r.status, 422)
                self.assertIn("課程沒有刪除", r.text)
        self.assertEqual(course_snapshot(code), before)
        self.assertEqual(write_counts(), counts)

    def test_a_deleted_course_is_kept_with_its_reason_in_the_history(self):
        code = register(self.organizer, unique("刪除後保留"))
        r = self.delete(code, "未開班")
        self.assertEqual(r.status, 303)
        self.assertEqual(course_state(code), "deleted")
        self.assertEqual(course_history(code)[-1], ("unconfirmed", "deleted", "1", "課程登錄錯誤：未開班"))
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM course_session s JOIN course c ON c.id = s.course_id"
                                   f" WHERE c.code = '{code}'"), "1")
        page = self.organizer.get(f"/office/courses/{code}").text
        self.assertIn('data-state="deleted">課程登錄錯誤<', page)
        self.assertIn(("課程未確認", "課程登錄錯誤", "林承辦", "課程登錄錯誤：未開班"), history_rows(page))
        title = sql_value(f"SELECT title FROM course WHERE code = '{code}'")
        page = self.organizer.get("/office/courses?state=deleted&title=" + urllib.parse.quote(title)).text
        self.assertEqual(list_codes(page), [code])

    def test_any_state_before_the_roster_is_approved_may_be_deleted(self):
        for state in ("returned", "approved", "roster_submitted", "roster_returned"):
            with self.subTest(state=state):
                code = register(self.organizer, unique("刪除狀態" + state))
                portal.set_course_state(code, state)
                self.assertEqual(self.delete(code, "未開班").status, 303)
                self.assertEqual(course_state(code), "deleted")

    def test_a_closed_or_deleted_course_cannot_be_deleted(self):
        for code in ("5600007", "5600010"):
            with self.subTest(code=code):
                before, counts = course_snapshot(code), write_counts()
                r = self.delete(code, "誤刪測試")
                self.assertEqual(r.status, 409)
                self.assertIn("不能刪除", r.text)
                self.assertEqual(course_snapshot(code), before)
                self.assertEqual(write_counts(), counts)

    def test_a_deleted_course_cannot_be_resubmitted(self):
        title = unique("刪除後重送")
        code = register(self.organizer, title)
        portal.set_course_state(code, "returned")
        self.assertEqual(self.delete(code, "重複登錄").status, 303)
        self.assertEqual(self.organizer.get(f"/office/courses/{code}/edit").status, 409)
        before, counts = course_snapshot(code), write_counts()
        r = self.organizer.post(f"/office/courses/{code}/edit", [("csrf", token_of(self.organizer))] +
                                course_fields(title))
        self.assertEqual(r.status, 409)
        self.assertEqual(course_snapshot(code), before)
        self.assertEqual(write_counts(), counts)

    def test_another_organizer_of_the_unit_may_not_delete_but_the_master_may(self):
        name, _ = second_organizer()
        other = logged_in(name)
        code = register(self.organizer, unique("他人刪除"))
        before, counts = course_snapshot(code), write_counts()
        r = self.delete(code, "不是我的課", other)
        self.assertEqual(r.status, 403)
        self.assertEqual(course_snapshot(code), before)
        self.assertEqual(write_counts(), counts)
        self.assertEqual(self.delete(code, "總負責人刪除", logged_in("master")).status, 303)
        self.assertEqual(course_state(code), "deleted")


class Transfer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.organizer = logged_in("organizer")
        cls.master = logged_in("master")
        cls.name, cls.successor = second_organizer()

    def transfer(self, client, code, to):
        return client.post(f"/office/courses/{code}/transfer", {"csrf": token_of(client), "to": str(to)})

    def test_the_master_transfers_an_open_course_to_another_organizer(self):
        code = register(self.organizer, unique("移轉課程"))
        page = self.master.get(f"/office/courses/{code}").text
        self.assertIn(f'<option value="{self.successor}">', page)
        r = self.transfer(self.master, code, self.successor)
        self.assertEqual(r.status, 303)
        self.assertEqual(sql_value(f"SELECT organizer_id FROM course WHERE code = '{code}'"), str(self.successor))
        self.assertEqual(sql(f"SELECT from_account_id, to_account_id, by_account_id FROM course_transfer t"
                             f" JOIN course c ON c.id = t.course_id WHERE c.code = '{code}'"),
                         [["1", str(self.successor), "2"]])
        # The successor now runs it; the former organizer can still see it but not change it.
        self.assertEqual(logged_in(self.name).get(f"/office/courses/{code}/edit").status, 200)
        self.assertEqual(self.organizer.get(f"/office/courses/{code}").status, 200)
        self.assertEqual(self.organizer.get(f"/office/courses/{code}/edit").status, 403)

    def test_an_organizer_cannot_transfer(self):
        code = register(self.organizer, unique("承辦人移轉"))
        before, counts = course_snapshot(code), write_counts()
        r = self.transfer(self.organizer, code, self.successor)
        self.assertEqual(r.status, 403)
        self.assertEqual(course_snapshot(code), before)
        self.assertEqual(write_counts(), counts)

    def test_the_successor_must_be_another_organizer_of_the_unit(self):
        code = register(self.organizer, unique("移轉對象"))
        before, counts = course_snapshot(code), write_counts()
        for to in ("", "abc", "6", "3", "1", "999999"):  # other unit, reviewer, the current one, nobody
            with self.subTest(to=to):
                r = self.transfer(self.master, code, to)
                self.assertEqual(r.status, 422)
                self.assertIn("課程沒有移轉", r.text)
        self.assertEqual(course_snapshot(code), before)
        self.assertEqual(write_counts(), counts)

    def test_a_closed_course_is_not_transferred(self):
        before, counts = course_snapshot("5600007"), write_counts()
        r = self.transfer(self.master, "5600007", self.successor)
        self.assertEqual(r.status, 409)
        self.assertEqual(course_snapshot("5600007"), before)
        self.assertEqual(write_counts(), counts)


class Matrix(unittest.TestCase):
    """STYLE §9 for courses.create, courses.update, courses.delete and courses.transfer."""

    @classmethod
    def setUpClass(cls):
        cls.organizer = logged_in("organizer")
        cls.master = logged_in("master")  # only the 總負責人 transfers courses (Who::kMaster)
        cls.code = register(cls.organizer, unique("權限矩陣"))

    def actor(self, path):
        return self.master if path.endswith("/transfer") else self.organizer

    def routes(self):
        c = self.code
        return [("/office/courses", course_fields(unique("矩陣新增"))),
                (f"/office/courses/{c}/edit", course_fields(unique("矩陣修改"))),
                (f"/office/courses/{c}/delete", [("reason", "矩陣刪除")]),
                (f"/office/courses/{c}/transfer", [("to", "2")])]

    def assert_unchanged(self, before, counts):
        self.assertEqual(course_snapshot(self.code), before)
        self.assertEqual(write_counts(), counts)

    def test_anonymous_visitors_are_sent_to_login(self):
        for path in ("/office/courses", "/office/courses/new", f"/office/courses/{self.code}",
                     f"/office/courses/{self.code}/edit"):
            with self.subTest(path=path):
                r = Client().get(path)
                self.assertEqual(r.status, 303)
                self.assertTrue(r.header("location").startswith("/login?next="), r.header("location"))
        before, counts = course_snapshot(self.code), write_counts()
        for path, fields in self.routes():
            with self.subTest(path=path):
                c = Client()
                token = c.csrf_from("/login")
                r = c.post(path, [("csrf", token)] + fields)
                self.assertEqual(r.status, 303)
                self.assertTrue(r.header("location").startswith("/login?next="))
        self.assert_unchanged(before, counts)

    def test_teachers_reviewers_and_the_administrator_are_refused(self):
        clients = {account: logged_in(account) for account in ("A123456789", "reviewer", "admin")}
        before, counts = course_snapshot(self.code), write_counts()
        for account, c in clients.items():
            with self.subTest(account=account, path="new"):
                self.assertEqual(c.get("/office/courses/new").status, 403)
                self.assertEqual(c.get(f"/office/courses/{self.code}").status, 403)
            for path, fields in self.routes():
                with self.subTest(account=account, path=path):
                    self.assertEqual(c.post(path, [("csrf", token_of(c))] + fields).status, 403)
        self.assert_unchanged(before, counts)

    def test_get_on_a_post_route_is_405(self):
        for path in (f"/office/courses/{self.code}/delete", f"/office/courses/{self.code}/transfer"):
            with self.subTest(path=path):
                r = self.organizer.get(path)
                self.assertEqual(r.status, 405)
                self.assertEqual(r.header("allow"), "POST")

    def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(self):
        before, counts = course_snapshot(self.code), write_counts()
        for path, fields in self.routes():
            for token in (None, "bogus"):
                with self.subTest(path=path, token=token):
                    pairs = fields if token is None else [("csrf", token)] + fields
                    r = self.actor(path).post(path, pairs)
                    self.assertEqual(r.status, 403)
                    self.assertIn("表單已過期或來源不明", r.text)
        self.assert_unchanged(before, counts)

    def test_an_unknown_code_is_404(self):
        counts = write_counts()
        for code in ("9999999", "abc", "56000010", "%E4%B8%AD"):  # the last one is 中
            for path in (f"/office/courses/{code}", f"/office/courses/{code}/edit"):
                with self.subTest(path=path):
                    self.assertEqual(self.organizer.get(path).status, 404)
            for path, fields in self.routes()[1:]:
                path = path.replace(self.code, code)
                with self.subTest(path=path):
                    actor = self.actor(path)
                    self.assertEqual(actor.post(path, [("csrf", token_of(actor))] + fields).status, 404)
        self.assertEqual(write_counts(), counts)

    def test_another_units_course_is_404_and_nothing_changes(self):
        red = logged_in("organizer-red")
        before, counts = course_snapshot(self.code), write_counts()
        for path in (f"/office/courses/{self.code}", f"/office/courses/{self.code}/edit"):
            with self.subTest(path=path):
                self.assertEqual(red.get(path).status, 404)
        for path, fields in self.routes()[1:]:
            with self.subTest(path=path):
                # An organizer may not transfer at all (403); the rest is hidden (404).
                expected = 403 if path.endswith("/transfer") else 404
                self.assertEqual(red.post(path, [("csrf", token_of(red))] + fields).status, expected)
        self.assertEqual(self.organizer.post(f"/office/courses/{self.code}/transfer",
                                             {"csrf": token_of(self.organizer), "to": "2"}).status, 403)
        self.assert_unchanged(before, counts)
        # And the other way round: 內壢國中's master cannot touch 文雅國小's course.
        master = logged_in("master")
        before = course_snapshot("5600101")
        self.assertEqual(master.get("/office/courses/5600101").status, 404)
        self.assertEqual(master.post("/office/courses/5600101/delete",
                                     {"csrf": token_of(master), "reason": "越權"}).status, 404)
        self.assertEqual(master.post("/office/courses/5600101/transfer",
                                     {"csrf": token_of(master), "to": "6"}).status, 404)
        self.assertEqual(course_snapshot("5600101"), before)


if __name__ == "__main__":
    portal.main()
