"""The public course page /courses/<研習課程代碼> (SPEC §3, §4, §10): every public field, ROC dates,
the public words for its enrolment (never its review state), and 404 for anything that is not a
public course."""
import re
import unittest

from portal import Client, main, roc, sql, sql_value

# 處理狀態 (SPEC §3): organizers and reviewers see them, the public never does.
REVIEW_STATE_LABELS = ("課程未確認", "課程確認未通過", "課程確認通過", "資料上傳結束", "名單確認未通過",
                       "名單確認通過", "課程登錄錯誤")


def course_page(code):
    return Client().get(f"/courses/{code}")


def fact(html, label):
    """The <dd> after <dt>label</dt>, with tags removed."""
    m = re.search(r"<dt>" + re.escape(label) + r"</dt><dd>(.*?)</dd>", html, re.S)
    return re.sub(r"<[^>]+>", "", m.group(1)).strip() if m else None


def public_status(html):
    """(code, words) of the page's 報名狀態."""
    m = re.search(r'報名狀態：<span class="course-status" data-public-status="([a-z_]+)">([^<]*)</span>', html)
    return (m.group(1), m.group(2)) if m else None


def minute(iso_datetime):
    """'2026-03-02 09:00:00' -> '115/03/02 09:00', as pages show a time."""
    return f"{roc(iso_datetime)} {iso_datetime[11:16]}"


class PublicCoursePage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.page = course_page("5600001")
        cls.html = cls.page.text

    def test_the_page_answers_200_as_html(self):
        self.assertEqual(self.page.status, 200)
        self.assertTrue(self.page.header("content-type").startswith("text/html"))

    def test_the_page_shows_title_and_code(self):
        self.assertIn("<h1>素養導向閱讀教學工作坊</h1>", self.html)
        self.assertIn("研習課程代碼 <strong>5600001</strong>", self.html)
        self.assertIn("<title>素養導向閱讀教學工作坊｜", self.html)

    def test_the_page_shows_the_public_status_not_the_review_state(self):
        self.assertEqual(public_status(self.html), ("open", "開放報名"))
        self.assertNotIn("處理狀態", self.html)
        for label in REVIEW_STATE_LABELS:
            self.assertNotIn(label, self.html)

    def test_the_page_shows_the_organizing_unit_and_county(self):
        self.assertEqual(fact(self.html, "開課單位"), "桃園市立內壢國民中學（桃園市）")
        self.assertEqual(fact(self.html, "承辦人"), "林承辦")

    def test_the_page_shows_the_course_nature(self):
        self.assertEqual(fact(self.html, "班別性質"), "非學分班")
        self.assertEqual(fact(self.html, "研習型態"), "跨校研習")
        self.assertEqual(fact(self.html, "課程類別"), "教學專業")
        self.assertEqual(fact(self.html, "學習領域／科目"), "國語文")
        self.assertEqual(fact(self.html, "參加對象"), "國小、國中")

    def test_the_page_shows_nine_hours(self):
        self.assertEqual(fact(self.html, "研習時數"), "9 小時")

    def test_the_page_shows_the_basis_document(self):
        self.assertEqual(fact(self.html, "依據文號"), "桃教資字第1140014389號")

    def test_the_page_shows_the_outline(self):
        self.assertIn("以文本分析與提問設計為核心", self.html)

    def test_the_dates_are_in_the_roc_calendar(self):
        first, last = sql("SELECT first_date, last_date FROM course WHERE code = '5600001'")[0]
        self.assertEqual(fact(self.html, "研習日期"), f"{roc(first)}–{roc(last)}")
        self.assertNotIn(first, self.html)  # no ISO date leaks into the page

    def test_every_session_is_listed_with_its_roc_date_time_breaks_and_place(self):
        sessions = sql("SELECT s.session_date, TIME_FORMAT(s.starts_at, '%H:%i'), TIME_FORMAT(s.ends_at, '%H:%i'),"
                       " s.breaks, s.place FROM course_session s JOIN course c ON c.id = s.course_id"
                       " WHERE c.code = '5600001' ORDER BY s.session_date")
        self.assertEqual(len(sessions), 2)
        rows = re.findall(r"<tr><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td></tr>",
                          self.html)
        self.assertEqual(rows, [(roc(d), f"{a}–{b}", br, place) for d, a, b, br, place in sessions])
        self.assertEqual(rows[0][1], "09:00–16:00")

    def test_the_enrolment_window_is_shown_to_the_minute(self):
        opens, closes = sql("SELECT DATE_FORMAT(enrol_opens_at, '%Y-%m-%d %H:%i'),"
                            " DATE_FORMAT(enrol_closes_at, '%Y-%m-%d %H:%i') FROM course WHERE code = '5600001'")[0]
        self.assertEqual(fact(self.html, "開放報名時間"), f"{roc(opens)} {opens[11:]}")
        self.assertEqual(fact(self.html, "報名截止時間"), f"{roc(closes)} {closes[11:]}")
        self.assertRegex(fact(self.html, "報名截止時間"), r"^\d{3}/\d{2}/\d{2} 17:00$")
        self.assertEqual(fact(self.html, "目前狀態"),
                         f"開放報名（{roc(opens)} {opens[11:]} 起至 {roc(closes)} {closes[11:]} 止）")

    def test_the_seats_left_are_38(self):
        self.assertIn('<strong class="seats-left">38</strong>', self.html)
        self.assertEqual(fact(self.html, "線上報名名額"), "40 名，尚餘 38 名")
        self.assertEqual(fact(self.html, "班級數 × 每班人數"), "1 × 40（共 40 名）")

    def test_both_contacts_are_shown_with_phone_and_email(self):
        self.assertIn("林承辦｜電話 03-4512345#210｜", self.html)
        self.assertIn('href="mailto:organizer@example.edu.tw"', self.html)
        self.assertIn("張總負責｜電話 03-4512345#200｜", self.html)
        self.assertIn('href="mailto:master@example.edu.tw"', self.html)


def assert_past(test, code):
    """The demo course `code` ended before today (demo dates are never before 1 January)."""
    test.assertEqual(sql_value(f"SELECT last_date < CURDATE() FROM course WHERE code = '{code}'"), "1",
                     f"{code} is past in the demo data")


class OtherPublicStates(unittest.TestCase):
    def test_a_closed_course_is_public_with_its_tags_and_says_it_has_ended(self):
        assert_past(self, "5600007")
        page = course_page("5600007")
        self.assertEqual(page.status, 200)
        self.assertEqual(public_status(page.text), ("ended", "已結束"))
        self.assertIn('<span class="tag">基本救命術訓練</span>', page.text)
        self.assertIn('<span class="tag">安全教育</span>', page.text)
        self.assertEqual(fact(page.text, "目前狀態"), "已結束")
        self.assertEqual(fact(page.text, "線上報名名額"), "40 名")  # no seats left to count

    def test_a_course_without_online_enrolment_says_so(self):
        assert_past(self, "5600005")
        page = course_page("5600005")
        self.assertEqual(page.status, 200)
        self.assertEqual(public_status(page.text), ("ended", "已結束"))
        self.assertEqual(fact(page.text, "線上報名"), "本研習不提供線上報名")  # seeds 002's words
        self.assertIsNone(fact(page.text, "開放報名時間"))

    def test_a_course_whose_roster_was_returned_is_still_public(self):
        assert_past(self, "5600006")
        page = course_page("5600006")
        self.assertEqual(page.status, 200)
        self.assertEqual(public_status(page.text), ("ended", "已結束"))

    def test_no_public_course_page_shows_a_review_state(self):
        codes = [r[0] for r in sql("SELECT code FROM course WHERE state IN"
                                   " ('approved','roster_submitted','roster_returned','closed')")]
        self.assertGreaterEqual(len(codes), 14)
        for code in codes:
            with self.subTest(code=code):
                page = course_page(code)
                self.assertEqual(page.status, 200)
                self.assertIsNotNone(public_status(page.text))
                for label in REVIEW_STATE_LABELS + ("處理狀態", "目前不在報名期間"):
                    self.assertNotIn(label, page.text)


class PublicStatusWords(unittest.TestCase):
    """Courses made for the purpose (56092xx), one per public status, removed afterwards.
    Times are whole minutes relative to the database's clock."""
    COURSES = {
        # code: (state, online, opens, closes, first date, last date, online seats, seats taken)
        "5609201": ("approved", True, "NOW() - INTERVAL 1 HOUR", "CURDATE() + INTERVAL 5 DAY + INTERVAL 17 HOUR",
                    "CURDATE() + INTERVAL 10 DAY", "CURDATE() + INTERVAL 10 DAY", 30, 4),
        "5609202": ("approved", True, "CURDATE() + INTERVAL 7 DAY + INTERVAL 9 HOUR",  # opens next week
                    "CURDATE() + INTERVAL 12 DAY + INTERVAL 17 HOUR",
                    "CURDATE() + INTERVAL 20 DAY", "CURDATE() + INTERVAL 20 DAY", 30, 0),
        "5609203": ("approved", True, "CURDATE() - INTERVAL 10 DAY + INTERVAL 9 HOUR",  # closed yesterday
                    "CURDATE() - INTERVAL 1 DAY + INTERVAL 17 HOUR",
                    "CURDATE() + INTERVAL 3 DAY", "CURDATE() + INTERVAL 3 DAY", 30, 12),
        "5609204": ("approved", True, "NOW() - INTERVAL 1 HOUR", "CURDATE() + INTERVAL 5 DAY + INTERVAL 17 HOUR",
                    "CURDATE() + INTERVAL 10 DAY", "CURDATE() + INTERVAL 10 DAY", 20, 20),  # no seat left
        "5609205": ("approved", False, "NULL", "NULL",
                    "CURDATE() + INTERVAL 10 DAY", "CURDATE() + INTERVAL 10 DAY", 30, 0),
        "5609206": ("approved", True, "CURDATE() - INTERVAL 40 DAY + INTERVAL 9 HOUR",  # long finished
                    "CURDATE() - INTERVAL 35 DAY + INTERVAL 17 HOUR",
                    "CURDATE() - INTERVAL 30 DAY", "CURDATE() - INTERVAL 30 DAY", 30, 5),
        "5609207": ("roster_submitted", True, "CURDATE() - INTERVAL 10 DAY + INTERVAL 9 HOUR",  # its last day
                    "CURDATE() - INTERVAL 2 DAY + INTERVAL 17 HOUR",
                    "CURDATE() - INTERVAL 1 DAY", "CURDATE()", 30, 5),
    }

    @classmethod
    def setUpClass(cls):
        cls.tearDownClass()
        values = ",".join(
            f"('{code}', 4, 1, 2, '公開狀態測試研習 {code}', 1, 'junior_high', '公開狀態測試用課程。', 1, 40, {seats},"
            f" {taken}, '林承辦', '03-4512345', 'organizer@example.edu.tw', '{state}', {first}, {last},"
            f" {'TRUE' if online else 'FALSE'}, {opens}, {closes})"
            for code, (state, online, opens, closes, first, last, seats, taken) in cls.COURSES.items())
        sql("INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, category_id, levels, outline,"
            " class_count, seats_per_class, online_seats, seats_taken, contact1_name, contact1_phone,"
            " contact1_email, state, first_date, last_date, enrol_online, enrol_opens_at, enrol_closes_at)"
            " VALUES " + values)
        cls.window = {code: (opens, closes) for code, opens, closes in sql(
            "SELECT code, enrol_opens_at, enrol_closes_at FROM course WHERE code LIKE '56092%'")}
        cls.pages = {code: course_page(code) for code in cls.COURSES}

    @classmethod
    def tearDownClass(cls):
        sql("DELETE FROM course WHERE code LIKE '56092%'")

    def status(self, code):
        page = self.pages[code]
        self.assertEqual(page.status, 200)
        for label in REVIEW_STATE_LABELS:
            self.assertNotIn(label, page.text)
        return public_status(page.text), fact(page.text, "目前狀態")

    def test_an_open_course_says_from_when_until_when_to_the_minute(self):
        opens, closes = self.window["5609201"]
        self.assertEqual(self.status("5609201"),
                         (("open", "開放報名"), f"開放報名（{minute(opens)} 起至 {minute(closes)} 止）"))
        self.assertEqual(fact(self.pages["5609201"].text, "線上報名名額"), "30 名，尚餘 26 名")

    def test_a_course_opening_next_week_says_when_it_opens(self):
        opens, _ = self.window["5609202"]
        self.assertTrue(opens.endswith(" 09:00:00"), opens)
        self.assertEqual(self.status("5609202"),
                         (("not_yet_open", "尚未開放報名"), f"尚未開放報名（{minute(opens)} 開放）"))
        self.assertEqual(fact(self.pages["5609202"].text, "線上報名名額"), "30 名")

    def test_enrolment_closed_before_the_course_is_held_says_so(self):
        _, closes = self.window["5609203"]
        self.assertEqual(self.status("5609203"),
                         (("closed", "報名截止"), f"報名截止（{minute(closes)} 截止）"))

    def test_a_course_with_no_seat_left_is_full(self):
        _, closes = self.window["5609204"]
        self.assertEqual(self.status("5609204"),
                         (("full", "已額滿"), f"已額滿（報名至 {minute(closes)} 止）"))
        self.assertEqual(fact(self.pages["5609204"].text, "線上報名名額"), "20 名，尚餘 0 名")

    def test_a_course_without_online_enrolment_says_so_until_it_ends(self):
        page = self.pages["5609205"]
        self.assertEqual(public_status(page.text), ("not_online", "不提供線上報名"))
        self.assertEqual(fact(page.text, "線上報名"), "本研習不提供線上報名")

    def test_a_long_finished_course_has_ended(self):
        self.assertEqual(self.status("5609206"), (("ended", "已結束"), "已結束"))

    def test_opening_next_week_and_long_finished_are_told_apart(self):
        self.assertNotEqual(self.status("5609202"), self.status("5609206"))

    def test_a_course_on_its_last_day_has_not_ended(self):
        _, closes = self.window["5609207"]
        self.assertEqual(self.status("5609207"),
                         (("closed", "報名截止"), f"報名截止（{minute(closes)} 截止）"))


class NotFound(unittest.TestCase):
    def assert_chinese_404(self, page):
        self.assertEqual(page.status, 404)
        self.assertIn("找不到頁面", page.text)
        self.assertIn('data-status="404"', page.text)

    def test_an_unknown_code_gives_a_404_page_in_chinese(self):
        self.assertIsNone(sql_value("SELECT id FROM course WHERE code = '9999999'"))
        self.assert_chinese_404(course_page("9999999"))

    def test_malformed_codes_give_404(self):
        for code in ("abc", "12345678", "560000", "56000O1", "5600001%20", "+5600001", "5600001.html",
                     "%E7%A0%94%E7%BF%92", "5600001;", "-600001"):
            with self.subTest(code=code):
                self.assert_chinese_404(course_page(code))

    def test_a_nul_in_the_code_is_refused_without_a_server_error(self):
        # nginx itself refuses a %00 in the path (400) before the portal sees it; either answer is fine.
        page = course_page("%00")
        self.assertIn(page.status, (400, 404))
        page = course_page("5600001%00")
        self.assertIn(page.status, (400, 404))

    def test_unconfirmed_returned_and_deleted_courses_give_404(self):
        for code, state in (("5600003", "unconfirmed"), ("5600004", "returned"), ("5600010", "deleted")):
            with self.subTest(code=code):
                self.assertEqual(sql_value(f"SELECT state FROM course WHERE code = '{code}'"), state)
                page = course_page(code)
                self.assert_chinese_404(page)
                title = sql_value(f"SELECT title FROM course WHERE code = '{code}'")
                self.assertNotIn(title, page.text)

    def test_a_path_below_a_course_gives_404(self):
        self.assert_chinese_404(course_page("5600001/edit"))


class Head(unittest.TestCase):
    def test_head_answers_like_get_without_a_body(self):
        page = Client().request("HEAD", "/courses/5600001")
        self.assertEqual(page.status, 200)
        self.assertEqual(page.body, b"")
        self.assertTrue(page.header("content-type").startswith("text/html"))

    def test_head_of_an_unknown_course_is_404(self):
        page = Client().request("HEAD", "/courses/9999999")
        self.assertEqual(page.status, 404)
        self.assertEqual(page.body, b"")


if __name__ == "__main__":
    main()
