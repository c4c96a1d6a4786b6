"""研習資訊進階搜尋 and the home page (SPEC §8, §10): keywords in Chinese, school short names,
filters, paging, the order (upcoming courses first), the public words for enrolment, and calm
answers to absurd input. Expected sets come from the demo cast (sql/demo.sql) or, where dates move
with today, from the course table itself."""
import itertools
import re
import urllib.parse
import unittest

from portal import Client, codes_in, course_search_changed, logged_in, main, roc, sql, sql_value

PUBLIC_STATES = "('approved','roster_submitted','roster_returned','closed')"
NON_PUBLIC = {"5600003", "5600004", "5600010"}  # unconfirmed, returned, deleted
WENYA = {f"56001{n:02d}" for n in range(1, 6)}
NEILI_PUBLIC = {"5600001", "5600002", "5600005", "5600006", "5600007", "5600008", "5600009", "5600013",
                "5600011", "5600012", "5600014", "5600015", "5600016", "5600017"}
NATIONAL_IN_TAOYUAN = {"5600203", "5600206"}  # 國立中壢高中, 國立中央大學: approved, in 桃園市 too


_fresh = itertools.count()


def search(**params):
    return Client().get("/courses?" + urllib.parse.urlencode(params))


def fresh_search(**params):
    """A search no page cache holds (search_cache_seconds), for tests that change courses."""
    return search(**params, fresh=f"{id(_fresh)}-{next(_fresh)}")


def total_of(page):
    m = re.search(r'id="total">(\d+)<', page.text)
    return int(m.group(1)) if m else None


def results(page):
    return codes_in(page.text, "results")


def every_result(**params):
    """The codes of every page of a search, in order (20 a page)."""
    codes, number = [], 1
    while True:
        page = search(**params, page=number)
        found = results(page)
        codes += found
        if not found or len(codes) >= (total_of(page) or 0):
            return codes
        number += 1


def notes(page):
    return re.findall(r'<p class="note" role="status">([^<]*)</p>', page.text)


def public_codes(where="1=1"):
    """The public courses matching `where` (over course c and unit u), straight from the tables."""
    return {r[0] for r in sql(f"SELECT c.code FROM course c JOIN unit u ON u.id = c.unit_id"
                              f" WHERE c.state IN {PUBLIC_STATES} AND ({where})")}


def day(offset_days):
    return sql_value(f"SELECT CURDATE() + INTERVAL {int(offset_days)} DAY")


def rows_of(html, css_class):
    """{code: (status code, status words, seats left or None)} of a page's course list."""
    m = re.search(r'<ul class="[^"]*\b' + re.escape(css_class) + r'\b[^"]*">(.*?)</ul>', html, re.S)
    rows = {}
    for li in re.findall(r"<li>(.*?)</li>", m.group(1) if m else "", re.S):
        code = re.search(r"代碼 (\d{7})", li).group(1)
        status = re.search(r'<span class="course-status" data-public-status="([a-z_]+)">([^<]*)</span>', li)
        seats = re.search(r'<span class="badge">剩 (\d+) 名</span>', li)
        rows[code] = (status.group(1) if status else None, status.group(2) if status else None,
                      int(seats.group(1)) if seats else None)
    return rows


def result_order():
    """Every public course in result order (domain/course_index.h), from the course table: the
    ones not ended (last day today or later) soonest first, then the past ones most recent first."""
    today = sql_value("SELECT CURDATE()")
    courses = [(code, first, last, int(cid)) for code, first, last, cid in sql(
        f"SELECT code, first_date, last_date, id FROM course WHERE state IN {PUBLIC_STATES}")]
    upcoming = sorted((c for c in courses if c[2] >= today), key=lambda c: (c[1], c[2], c[3]))
    past = sorted((c for c in courses if c[2] < today), key=lambda c: (c[2], c[1], c[3]), reverse=True)
    return [c[0] for c in upcoming + past], {c[0] for c in upcoming}, {c[0] for c in past}


class KeywordSearch(unittest.TestCase):
    def assert_finds(self, page, codes):
        self.assertEqual(page.status, 200)
        self.assertEqual(set(results(page)), set(codes))
        self.assertEqual(total_of(page), len(codes))

    def test_a_chinese_keyword_finds_the_reading_courses(self):
        self.assert_finds(search(q="閱讀"), {"5600001", "5600011"})

    def test_a_chinese_keyword_finds_the_life_saving_course(self):
        self.assert_finds(search(q="救命術"), {"5600007"})

    def test_every_term_of_a_keyword_is_required(self):
        self.assert_finds(search(q="閱讀 策略"), {"5600011"})
        self.assert_finds(search(q="閱讀　工作坊"), {"5600001"})  # ideographic space separates too

    def test_a_keyword_that_matches_nothing_gives_a_calm_empty_page(self):
        page = search(q="量子力學")
        self.assertEqual(page.status, 200)
        self.assertEqual(total_of(page), 0)
        self.assertEqual(results(page), [])
        self.assertIn("找不到符合條件的研習", page.text)

    def test_a_search_with_results_offers_a_jump_past_the_form(self):
        jump = '<a href="#results">看搜尋結果（共 2 筆）</a>'
        page = search(q="閱讀")
        self.assertIn(jump, page.text)
        self.assertIn('<h2 id="results">', page.text)
        self.assertNotIn('href="#results"', search(q="量子力學").text)  # nothing to jump to
        self.assertNotIn('href="#results"', Client().get("/courses").text)  # no search made yet

    def test_the_keyword_is_kept_in_the_search_box(self):
        page = search(q="閱讀")
        self.assertIn('name="q" type="search" value="閱讀"', page.text)

    def test_typed_markup_is_shown_as_text_not_run(self):
        page = search(q='<script>alert(1)</script>"', unit="<b>x</b>")
        self.assertEqual(page.status, 200)
        self.assertNotIn("<script>alert(1)", page.text)
        self.assertNotIn("<b>x</b>", page.text)
        self.assertIn("&lt;script&gt;", page.text)


class Filters(unittest.TestCase):
    def test_the_unit_filter_finds_the_units_courses(self):
        page = search(unit="文雅")
        self.assertEqual(page.status, 200)
        self.assertEqual(set(results(page)), WENYA)

    def test_the_county_filter_keeps_only_that_countys_courses(self):
        self.assertEqual(set(results(search(county=4))), WENYA)  # 臺中市
        self.assertEqual(set(results(search(county=3))), NEILI_PUBLIC | NATIONAL_IN_TAOYUAN)  # 桃園市
        self.assertEqual(total_of(search(county=22)), 0)  # 連江縣: none

    def test_the_county_choice_stays_selected(self):
        self.assertIn('<option value="4" selected>臺中市</option>', search(county=4).text)

    def test_the_category_filter_keeps_only_that_category(self):
        self.assertEqual(set(results(search(category=5))), {"5600002", "5600007"})  # 健康與安全
        self.assertEqual(set(results(search(category=6))), {"5600008"})  # 性別平等教育
        self.assertEqual(total_of(search(category=2)), 0)  # only the returned 5600004

    def test_the_level_filter_keeps_only_courses_for_that_level(self):
        expected = public_codes("FIND_IN_SET('elementary', c.levels)")
        self.assertEqual(set(results(search(level="elementary"))), expected)
        self.assertIn("5600001", expected)
        self.assertNotIn("5600002", expected)
        self.assertEqual(total_of(search(level="kindergarten")), 0)

    def test_the_tag_filter_keeps_only_tagged_courses(self):
        self.assertEqual(set(results(search(tag=2))), {"5600007"})  # 基本救命術訓練
        self.assertEqual(set(results(search(tag=3))), {"5600002", "5600007"})  # 安全教育
        self.assertEqual(total_of(search(tag=4)), 0)  # only on the returned 5600004

    def test_filters_combine_with_a_keyword(self):
        self.assertEqual(set(results(search(q="閱讀", level="elementary", county=3))),
                         {"5600001", "5600011"})
        self.assertEqual(set(results(search(q="閱讀", category=1))), {"5600001", "5600011"})
        self.assertEqual(set(results(search(q="閱讀", level="junior_high"))), {"5600001"})
        self.assertEqual(total_of(search(q="閱讀", county=4)), 0)

    def test_the_open_now_filter_keeps_courses_taking_enrolments_now(self):
        page = search(open="1")
        self.assertEqual(page.status, 200)
        expected = public_codes("c.enrol_online AND NOW() BETWEEN c.enrol_opens_at AND c.enrol_closes_at")
        self.assertEqual(expected, {"5600001", "5600013", "5600017", "5600015"})
        self.assertEqual(set(results(page)), expected)
        self.assertIn('value="1" checked', page.text)


class DateRange(unittest.TestCase):
    def expected(self, start, end):
        return public_codes(f"c.last_date >= '{start}' AND c.first_date <= '{end}'")

    def test_an_iso_date_range_keeps_courses_held_within_it(self):
        start, end = day(19), day(20)
        page = search(**{"from": start, "to": end})
        self.assertEqual(page.status, 200)
        self.assertEqual(set(results(page)), self.expected(start, end))
        self.assertEqual(set(results(page)), {"5600001"})
        self.assertEqual(notes(page), [])

    def test_a_roc_date_range_is_understood(self):
        start, end = day(-31), day(-29)
        page = search(**{"from": roc(start), "to": roc(end)})
        self.assertEqual(page.status, 200)
        self.assertEqual(notes(page), [])
        self.assertEqual(set(results(page)), self.expected(start, end))
        self.assertIn("5600007", results(page))
        self.assertIn(f'name="from" type="date" value="{start}"', page.text)

    def test_a_roc_date_like_114_02_24_is_read_as_2025_02_24(self):
        page = search(**{"from": "114/02/24"})
        self.assertEqual(page.status, 200)
        self.assertIn('name="from" type="date" value="2025-02-24"', page.text)
        self.assertEqual(notes(page), [])

    def test_a_reversed_range_is_swapped_with_a_note(self):
        start, end = day(19), day(20)
        page = search(**{"from": end, "to": start})
        self.assertEqual(page.status, 200)
        self.assertEqual(set(results(page)), {"5600001"})
        self.assertTrue(any("對調" in n for n in notes(page)), notes(page))

    def test_a_bad_date_gives_a_note_not_an_error(self):
        everything = public_codes()
        for bad in ("2025-02-30", "114/13/01", "tomorrow", "114-02", "９９/01/01"):
            with self.subTest(bad=bad):
                page = search(**{"from": bad})
                self.assertEqual(page.status, 200)
                self.assertTrue(any("無法辨識日期" in n for n in notes(page)), notes(page))
                self.assertEqual(total_of(page), len(everything))


class AbsurdInput(unittest.TestCase):
    def assert_calm(self, page):
        self.assertEqual(page.status, 200, page.text[:300])
        self.assertIn("研習資訊進階搜尋", page.text)
        self.assertIsNotNone(total_of(page))

    def test_a_five_thousand_character_keyword_is_cut_with_a_note(self):
        page = search(q="x" * 5000)
        self.assert_calm(page)
        self.assertTrue(any("關鍵字過長" in n for n in notes(page)), notes(page))

    def test_a_long_chinese_keyword_is_cut_with_a_note(self):
        page = search(q="閱" * 800)
        self.assert_calm(page)
        self.assertTrue(any("關鍵字過長" in n for n in notes(page)), notes(page))

    def test_an_address_longer_than_nginx_takes_is_refused_without_a_server_error(self):
        page = search(q="閱" * 5000)  # 45 KB of percent-escapes
        self.assertIn(page.status, (400, 414), page.status)

    def test_search_operators_are_taken_as_plain_text(self):
        for q in ('"+-*()', '"', "閱讀*", "-閱讀", "+閱讀 -救命", "(閱讀)", "~閱讀", "<閱讀>", "@2",
                  "\\", "閱讀\\", "''", "%", "_", "閱讀 OR 救命術", "*D+ 閱讀"):
            with self.subTest(q=q):
                self.assert_calm(search(q=q))
        self.assertEqual(set(results(search(q="(閱讀)"))), {"5600001", "5600011"})
        self.assertEqual(set(results(search(q="-閱讀"))), {"5600001", "5600011"})

    def test_sql_in_the_keyword_finds_nothing_rather_than_everything(self):
        for q in ("' OR 1=1 --", "1' OR '1'='1", "閱讀'; DROP TABLE course; --", "\" OR \"\"=\""):
            with self.subTest(q=q):
                page = search(q=q)
                self.assert_calm(page)
                self.assertEqual(total_of(page), 0)
        self.assertEqual(sql_value("SELECT COUNT(*) FROM course WHERE code = '5600001'"), "1")

    def test_control_characters_in_the_keyword_answer_calmly(self):
        for q in ("a\x00b", "\x00", "閱讀\x00", "\x01\x02", "閱讀\r\n救命", "\t閱讀\t", "\x7f"):
            with self.subTest(q=repr(q)):
                self.assert_calm(search(q=q))
        self.assert_calm(search(unit="文雅\x00"))

    def test_odd_page_numbers_answer_calmly(self):
        for p in ("-1", "0", "abc", "1.5", "99999999999", "", "2e3", "１"):
            with self.subTest(page=p):
                page = search(q="閱讀", page=p)
                self.assert_calm(page)
                self.assertEqual(set(results(page)), {"5600001", "5600011"})

    def test_odd_filter_values_answer_calmly(self):
        for params in ({"county": "999999999999"}, {"county": "-1"}, {"county": "255"},
                       {"category": "abc"}, {"category": "65536"}, {"tag": "1e9"}, {"tag": "0x2"},
                       {"level": "<script>"}, {"level": "elementary,junior_high"},
                       {"open": "yes"}, {"unit": "文" * 300}, {"unit": "%_"},
                       {"from": "9999-12-31", "to": "0001-01-01"}, {"from": "0/01/01"}):
            with self.subTest(params=params):
                self.assert_calm(search(**params))


class NonPublicCourses(unittest.TestCase):
    def test_a_search_without_conditions_lists_exactly_the_public_courses(self):
        page = search()
        self.assertEqual(page.status, 200)
        self.assertEqual(total_of(page), len(public_codes()))
        everything = every_result()
        self.assertEqual(len(everything), len(set(everything)))
        self.assertEqual(set(everything), public_codes())
        self.assertFalse(NON_PUBLIC & set(everything))

    def test_unconfirmed_returned_and_deleted_courses_are_never_found(self):
        for q in ("數位學習平臺", "特殊教育知能研習", "重複登錄", "素養導向閱讀教學工作坊"):
            with self.subTest(q=q):
                self.assertFalse(NON_PUBLIC & set(results(search(q=q))))
        self.assertEqual(total_of(search(q="數位學習平臺")), 0)
        self.assertEqual(total_of(search(q="重複登錄")), 0)
        self.assertEqual(total_of(search(q="特殊教育知能研習")), 0)


class HomePage(unittest.TestCase):
    def test_the_home_page_shows_the_current_bulletins_of_its_reader_with_the_pinned_one_first(self):
        page = Client().get("/")
        self.assertEqual(page.status, 200)
        titles = re.findall(r'<strong>([^<]+)</strong></a><p>', page.text)
        # Business accounts' posts, one still to come and one taken down are not the public's.
        self.assertEqual(titles, ["研習資源請妥善運用"])
        self.assertIn(roc(day(-3)), page.text)
        teacher = re.findall(r'<strong>([^<]+)</strong></a><p>', logged_in("A123456789").get("/").text)
        self.assertEqual(teacher, ["研習資源請妥善運用", "教師研習時數查詢說明"])

    def test_the_home_page_lists_the_newest_public_courses_only(self):
        page = Client().get("/")
        newest = codes_in(page.text, "courses")
        self.assertEqual(newest[0], "5600001")  # the public course held soonest
        self.assertIn('href="/courses/5600001"', page.text)
        self.assertFalse(NON_PUBLIC & set(newest), newest)
        self.assertTrue(set(newest) <= public_codes())

    def test_the_home_page_has_a_search_box(self):
        page = Client().get("/")
        self.assertRegex(page.text, r'<form method="get" action="/courses"[^>]*>')
        self.assertRegex(page.text, r'<input [^>]*name="q"')


class Paging(unittest.TestCase):
    """Twenty-five extra public courses sharing one keyword, removed afterwards."""
    COUNT = 25

    @classmethod
    def setUpClass(cls):
        cls.tearDownClass()
        values = ",".join(
            f"('56090{n:02d}', 4, 1, 2, '分頁測試研習（第{n}場）', 7, 'elementary', '分頁測試用課程。',"
            f" 30, 30, '林承辦', '03-4512345', 'organizer@example.edu.tw', 'approved',"
            f" CURDATE() + INTERVAL {40 + n} DAY, CURDATE() + INTERVAL {40 + n} DAY, FALSE)"
            for n in range(1, cls.COUNT + 1))
        sql("INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, category_id, levels,"
            " outline, seats_per_class, online_seats, contact1_name, contact1_phone, contact1_email,"
            " state, first_date, last_date, enrol_online) VALUES " + values)
        sql("INSERT INTO course_search (course_id, title, body, unit_name, county_id, unit_id, category_id,"
            " levels, tags, first_date, last_date, enrol_opens_at, enrol_closes_at)"
            " SELECT c.id, c.title, CONCAT_WS(' ', c.title, c.outline, u.name), u.name, u.county_id,"
            " c.unit_id, c.category_id, CONCAT(',', c.levels, ','), '  ', c.first_date, c.last_date,"
            " NULL, NULL FROM course c JOIN unit u ON u.id = c.unit_id WHERE c.code LIKE '56090%'")
        course_search_changed()

    @classmethod
    def tearDownClass(cls):
        sql("DELETE FROM course_search WHERE course_id IN (SELECT id FROM course WHERE code LIKE '56090%')")
        sql("DELETE FROM course WHERE code LIKE '56090%'")
        course_search_changed()

    def test_results_are_split_into_pages_without_repeating_a_course(self):
        first, second = search(q="分頁測試", page=1), search(q="分頁測試", page=2)
        self.assertEqual(total_of(first), self.COUNT)
        a, b = results(first), results(second)
        self.assertTrue(a and b)
        self.assertFalse(set(a) & set(b))
        self.assertEqual(len(a) + len(b), self.COUNT)
        self.assertEqual(set(a) | set(b), {f"56090{n:02d}" for n in range(1, self.COUNT + 1)})
        self.assertIn('rel="next"', first.text)
        self.assertIn('rel="prev"', second.text)
        self.assertNotIn('rel="next"', second.text)

    def test_the_next_page_link_keeps_the_conditions(self):
        page = search(q="分頁測試", county=3, level="elementary", page=1)
        m = re.search(r'<a href="([^"]+)" rel="next">', page.text)
        self.assertIsNotNone(m)
        link = m.group(1).replace("&amp;", "&")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)
        self.assertEqual(query["q"], ["分頁測試"])
        self.assertEqual(query["county"], ["3"])
        self.assertEqual(query["level"], ["elementary"])
        self.assertEqual(query["page"], ["2"])

    def test_a_page_beyond_the_end_shows_the_last_page_calmly(self):
        for p in ("3", "999", "100000", "999999999"):
            with self.subTest(page=p):
                page = search(q="分頁測試", page=p)
                self.assertEqual(page.status, 200)
                self.assertEqual(results(page), results(search(q="分頁測試", page=2)))
                self.assertTrue(any("沒有那麼多頁" in n for n in notes(page)), notes(page))

    def test_a_page_beyond_the_end_of_an_empty_result_is_calm(self):
        page = search(q="量子力學", page=50)
        self.assertEqual(page.status, 200)
        self.assertEqual(total_of(page), 0)



class UpcomingFirst(unittest.TestCase):
    """Home's 最新研習 and the search without conditions: courses not yet ended first, soonest first;
    past ones after them, most recent first (issue 7)."""

    @classmethod
    def setUpClass(cls):
        cls.order, cls.upcoming, cls.past = result_order()

    def test_the_demo_data_has_both_upcoming_and_past_public_courses(self):
        self.assertGreaterEqual(len(self.upcoming), 2)
        self.assertGreaterEqual(len(self.past), 10)

    def test_a_search_without_conditions_lists_upcoming_courses_first(self):
        page = fresh_search()
        listed = results(page)
        self.assertEqual(total_of(page), len(self.order))
        self.assertEqual(listed, self.order[:20])
        self.assertIn(listed[0], self.upcoming)
        self.assertEqual(listed[:len(self.upcoming)], [c for c in self.order if c in self.upcoming])

    def test_the_home_page_lists_upcoming_courses_first(self):
        newest = codes_in(Client().get("/").text, "courses")
        self.assertEqual(newest, self.order[:10])
        self.assertIn(newest[0], self.upcoming)

    def test_filters_and_keywords_keep_the_order(self):
        self.assertEqual(results(fresh_search(county=3)),
                         [c for c in self.order if c in NEILI_PUBLIC | NATIONAL_IN_TAOYUAN])
        reading = results(fresh_search(q="閱讀"))
        self.assertEqual(reading, ["5600001", "5600011"])  # upcoming, then past


class SchoolNames(unittest.TestCase):
    """School short names and full names find each other (issue 7): 內壢國中 ↔ 內壢國民中學.
    Three courses made for the purpose (56091xx), at a senior high school made for it too, and at
    文雅國小; removed afterwards."""
    COURSES = (
        ("5609101", 90, "學習歷程檔案實務工作坊", "高級中等學校教師的學習歷程檔案指導。"),
        ("5609102", 6, "跨校觀課：內壢國中教師社群", "與內壢國中教師社群共同觀議課。"),
        ("5609103", 6, "特教知能研習（文雅場）", "特殊需求學生的課堂調整。"),
    )

    @classmethod
    def setUpClass(cls):
        cls.tearDownClass()
        sql("INSERT INTO unit (id, code, name, county_id, level, ownership, authority_unit_id)"
            " VALUES (90, 'T09001', '桃園市立內壢高級中等學校', 3, 'senior_high', 'municipal', 2)")
        values = ",".join(
            f"('{code}', {unit}, 1, 2, '{title}', 7, 'senior_high', '{outline}', 30, 30, '林承辦',"
            f" '03-4512345', 'organizer@example.edu.tw', 'approved', CURDATE() + INTERVAL 50 DAY,"
            f" CURDATE() + INTERVAL 50 DAY, FALSE)" for code, unit, title, outline in cls.COURSES)
        sql("INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, category_id, levels,"
            " outline, seats_per_class, online_seats, contact1_name, contact1_phone, contact1_email,"
            " state, first_date, last_date, enrol_online) VALUES " + values)
        sql("INSERT INTO course_search (course_id, title, body, unit_name, county_id, unit_id, category_id,"
            " levels, tags, first_date, last_date, enrol_opens_at, enrol_closes_at)"
            " SELECT c.id, c.title, CONCAT_WS(' ', c.title, c.outline, u.name), u.name, u.county_id,"
            " c.unit_id, c.category_id, CONCAT(',', c.levels, ','), '  ', c.first_date, c.last_date,"
            " NULL, NULL FROM course c JOIN unit u ON u.id = c.unit_id WHERE c.code LIKE '56091%'")
        course_search_changed()

    @classmethod
    def tearDownClass(cls):
        sql("DELETE FROM course_search WHERE course_id IN (SELECT id FROM course WHERE code LIKE '56091%')")
        sql("DELETE FROM course WHERE code LIKE '56091%'")
        sql("DELETE FROM unit WHERE id = 90")
        course_search_changed()

    def assert_finds(self, page, codes):
        self.assertEqual(page.status, 200)
        self.assertEqual(set(results(page)), set(codes))
        self.assertEqual(total_of(page), len(codes))  # the total stays exact

    def test_a_short_school_name_finds_the_full_name(self):
        # 5609102 writes 內壢國中 itself; the others are courses of 桃園市立內壢國民中學.
        self.assert_finds(fresh_search(q="內壢國中"), NEILI_PUBLIC | {"5609102"})

    def test_the_full_name_finds_the_short_name_too(self):
        self.assert_finds(fresh_search(q="內壢國民中學"), NEILI_PUBLIC | {"5609102"})

    def test_a_short_name_in_the_middle_of_a_term_is_found(self):
        self.assert_finds(fresh_search(q="內壢國中教師社群"), {"5609102"})
        self.assert_finds(fresh_search(q="內壢國民中學教師社群"), {"5609102"})

    def test_the_unit_box_takes_short_names(self):
        self.assert_finds(fresh_search(unit="內壢國中"), NEILI_PUBLIC)  # 5609102 is 文雅國小's
        self.assert_finds(fresh_search(unit="內壢高中"), {"5609101"})
        self.assert_finds(fresh_search(unit="內壢"), NEILI_PUBLIC | {"5609101"})

    def test_a_level_name_in_the_unit_box_finds_the_schools_of_that_level(self):
        junior_high = public_codes("u.name LIKE '%國民中學%' OR u.name LIKE '%國中%'"
                                   " OR u.name LIKE '%國民中小學%'")
        self.assertEqual(junior_high, NEILI_PUBLIC)
        self.assert_finds(fresh_search(unit="國中"), junior_high)
        self.assert_finds(fresh_search(unit="國民中學"), junior_high)
        elementary = public_codes("u.name LIKE '%國民小學%' OR u.name LIKE '%國小%'")
        self.assertEqual(elementary, WENYA | {"5609102", "5609103"})
        self.assert_finds(fresh_search(unit="國小"), elementary)
        senior_high = public_codes("u.name LIKE '%高級中學%' OR u.name LIKE '%高級中等學校%'"
                                   " OR u.name LIKE '%高中%'")
        self.assertEqual(senior_high, {"5609101", "5600203"})  # with 國立中壢高級中學's
        self.assert_finds(fresh_search(unit="高中"), senior_high)

    def test_special_education_is_found_by_either_name(self):
        self.assert_finds(fresh_search(q="特殊教育"), {"5609103"})
        self.assert_finds(fresh_search(q="特教"), {"5609103"})

    def test_separate_terms_are_still_all_required(self):
        self.assert_finds(fresh_search(q="內壢國中 閱讀"), {"5600001", "5600011"})
        self.assert_finds(fresh_search(q="閱讀 內壢國民中學"), {"5600001", "5600011"})
        self.assert_finds(fresh_search(q="內壢國中 量子力學"), set())
        self.assert_finds(fresh_search(q="觀課", unit="國中"), set())  # 5609102 is at 文雅國小
        self.assert_finds(fresh_search(q="觀課", unit="國小"), {"5609102"})


class PublicWords(unittest.TestCase):
    """Home and search rows say what a visitor can do, never the review state (issue 7)."""
    REVIEW_STATE_LABELS = ("課程未確認", "課程確認未通過", "課程確認通過", "資料上傳結束", "名單確認未通過",
                           "名單確認通過", "課程登錄錯誤")

    def minute(self, code, column):
        return sql_value(f"SELECT DATE_FORMAT({column}, '%Y-%m-%d %H:%i') FROM course WHERE code = '{code}'")

    def at(self, code, column):
        value = self.minute(code, column)
        return f"{roc(value)} {value[11:]}"

    def test_no_list_shows_a_review_state(self):
        for page in (Client().get("/"), fresh_search(), fresh_search(page=2), fresh_search(q="研習")):
            for label in self.REVIEW_STATE_LABELS:
                self.assertNotIn(label, page.text)

    def test_every_row_has_a_public_status(self):
        for page, css in ((Client().get("/"), "courses"), (fresh_search(), "results")):
            rows = rows_of(page.text, css)
            self.assertGreaterEqual(len(rows), 10)
            for code, (status, words, _) in rows.items():
                self.assertIn(status, {"open", "full", "not_yet_open", "closed", "not_online", "ended"}, code)
                self.assertTrue(words, code)

    def test_the_rows_say_open_not_yet_open_and_ended_with_their_times(self):
        for page, css in ((Client().get("/"), "courses"), (fresh_search(), "results")):
            rows = rows_of(page.text, css)
            self.assertEqual(rows["5600001"], ("open", f"開放報名（至 {self.at('5600001', 'enrol_closes_at')} 止）", 38))
            self.assertEqual(rows["5600002"],
                             ("not_yet_open", f"尚未開放報名（{self.at('5600002', 'enrol_opens_at')} 開放）", None))
        rows = rows_of(fresh_search().text, "results")
        for code in ("5600005", "5600006", "5600007"):  # past: roster submitted, returned, closed
            self.assertEqual(sql_value(f"SELECT last_date < CURDATE() FROM course WHERE code = '{code}'"), "1")
            self.assertEqual(rows[code], ("ended", "已結束", None))


if __name__ == "__main__":
    main()
