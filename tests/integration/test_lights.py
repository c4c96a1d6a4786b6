"""燈號 (SPEC §6, §10): the teacher's no-show light and the unit's overdue light, in colour and
words, with the courses behind them, and how they follow the data."""
import re
import unittest

from portal import Client, delete_teacher, main, new_teacher, overdue_codes, sql, sql_value

WORDS = {"green": "綠燈", "yellow": "黃燈", "red": "紅燈"}
WENYA = [f"56001{n:02d}" for n in range(1, 6)]


def page_of(account, path):
    c = Client()
    r = c.login(account)
    assert r.status == 303, (account, r.status)
    page = c.get(path)
    assert page.status == 200, (account, path, page.status)
    return page.text


def lights(html):
    """Every light element: (colour, its text without tags, its image's alt text)."""
    found = []
    for m in re.finditer(r'<p\b[^>]*\bdata-light="([a-z]+)"[^>]*>(.*?)</p>', html, re.S):
        alt = re.search(r'alt="([^"]*)"', m.group(2))
        found.append((m.group(1), re.sub(r"<[^>]+>", "", m.group(2)), alt.group(1) if alt else None))
    return found


def missed_codes(html):
    m = re.search(r'<ul class="missed">(.*?)</ul>', html, re.S)
    return re.findall(r'href="/courses/(\d{7})"', m.group(1)) if m else []


def course_id(code):
    return int(sql_value(f"SELECT id FROM course WHERE code = '{code}'"))


class LightAssertions(unittest.TestCase):
    def assert_light(self, html, colour):
        found = lights(html)
        self.assertEqual(len(found), 1, found)
        code, text, alt = found[0]
        self.assertEqual(code, colour)
        self.assertIn(WORDS[colour], text)
        self.assertEqual(alt, WORDS[colour])
        for other in set(WORDS) - {colour}:
            self.assertNotIn(WORDS[other] + "：", text)


class DemoTeachers(LightAssertions):
    def test_teacher_a_has_a_yellow_light_for_exactly_two_courses(self):
        html = page_of("A123456789", "/teacher")
        self.assert_light(html, "yellow")
        self.assertIn("2 堂", lights(html)[0][1])
        self.assertEqual(sorted(missed_codes(html)), ["5600007", "5600008"])

    def test_teacher_b_has_a_red_light_for_three_courses(self):
        html = page_of("B223456782", "/teacher")
        self.assert_light(html, "red")
        self.assertIn("3 堂", lights(html)[0][1])
        self.assertEqual(sorted(missed_codes(html)), ["5600007", "5600008", "5600011"])

    def test_a_course_with_hours_issued_is_not_a_missed_course(self):
        # A attended 5600009 (study record), B attended 5600012: neither is listed.
        self.assertNotIn("5600009", missed_codes(page_of("A123456789", "/teacher")))
        self.assertNotIn("5600012", missed_codes(page_of("B223456782", "/teacher")))

    def test_teacher_a_sees_the_own_enrolments(self):
        html = page_of("A123456789", "/teacher")
        self.assertIn("我的報名", html)
        self.assertIn('href="/courses/5600001"', html)
        self.assertIn("待審核", html)

    def test_a_teacher_who_left_sees_records_only_with_the_reason_and_no_light(self):
        html = page_of("F123456784", "/teacher")
        self.assertIn("帳號僅能查詢研習紀錄", html)
        self.assertIn("已自桃園市立內壢國民中學離職", html)
        # Without a unit: who can restore the account is found on 各校業務帳號人員查詢.
        self.assertRegex(html, r'id="restore-contact">[^<]*<a href="/units/accounts">各校業務帳號人員查詢</a>')
        self.assertIn("離職", html)
        self.assertEqual(lights(html), [])
        self.assertNotIn("data-light", html)
        self.assertNotIn("我的報名", html)
        self.assertIn("研習紀錄", html)
        self.assertIn("桃園市數學領域輔導團研習", html)


class DemoUnits(LightAssertions):
    def test_the_organizers_unit_is_yellow_with_two_overdue_courses(self):
        html = page_of("organizer", "/office")
        self.assert_light(html, "yellow")
        self.assertEqual(sorted(overdue_codes(html)), ["5600005", "5600006"])
        self.assertNotIn("已暫停研習課程登錄", html)

    def test_the_master_of_the_same_unit_sees_the_same_light(self):
        html = page_of("master", "/office")
        self.assert_light(html, "yellow")
        self.assertEqual(sorted(overdue_codes(html)), ["5600005", "5600006"])

    def test_the_red_unit_is_red_with_five_courses_and_registration_closed(self):
        html = page_of("organizer-red", "/office")
        self.assert_light(html, "red")
        self.assertEqual(sorted(overdue_codes(html)), WENYA)
        self.assertIn("已暫停研習課程登錄", html)


class LightsFollowTheData(LightAssertions):
    def test_a_study_record_for_a_missed_course_takes_it_off_the_light(self):
        sql("INSERT INTO study_record (teacher_id, course_id, source, title, hours, completed_on)"
            " SELECT 1, id, 'portal', title, 3, first_date FROM course WHERE code = '5600007'")
        self.addCleanup(sql, f"DELETE FROM study_record WHERE teacher_id = 1 AND course_id = {course_id('5600007')}")
        html = page_of("A123456789", "/teacher")
        self.assert_light(html, "yellow")
        self.assertIn("1 堂", lights(html)[0][1])
        self.assertEqual(missed_codes(html), ["5600008"])

    def test_records_for_every_missed_course_make_the_light_green(self):
        sql("INSERT INTO study_record (teacher_id, course_id, source, title, hours, completed_on)"
            " SELECT 1, id, 'portal', title, 3, first_date FROM course WHERE code IN ('5600007', '5600008')")
        self.addCleanup(sql, "DELETE FROM study_record WHERE teacher_id = 1 AND course_id IN"
                             f" ({course_id('5600007')}, {course_id('5600008')})")
        html = page_of("A123456789", "/teacher")
        self.assert_light(html, "green")
        self.assertEqual(missed_codes(html), [])

    def test_the_light_is_back_after_the_record_is_removed(self):
        html = page_of("A123456789", "/teacher")
        self.assert_light(html, "yellow")
        self.assertEqual(sorted(missed_codes(html)), ["5600007", "5600008"])

    def test_closing_an_overdue_course_takes_it_off_the_unit_light(self):
        sql("UPDATE course SET state = 'closed' WHERE code = '5600005'")
        self.addCleanup(sql, "UPDATE course SET state = 'roster_submitted' WHERE code = '5600005'")
        html = page_of("organizer", "/office")
        self.assert_light(html, "yellow")
        self.assertEqual(overdue_codes(html), ["5600006"])

    def test_a_red_unit_turns_yellow_and_may_register_again_below_five(self):
        sql("UPDATE course SET state = 'closed' WHERE code = '5600101'")
        self.addCleanup(sql, "UPDATE course SET state = 'approved' WHERE code = '5600101'")
        html = page_of("organizer-red", "/office")
        self.assert_light(html, "yellow")
        self.assertEqual(sorted(overdue_codes(html)), WENYA[1:])
        self.assertNotIn("已暫停研習課程登錄", html)

    def test_a_course_ended_within_the_grace_days_is_not_overdue(self):
        # 5600101 ended 14 days ago; moved to 6 days ago it is inside the 7-day grace.
        old = sql_value("SELECT first_date FROM course WHERE code = '5600101'")
        sql("UPDATE course SET first_date = CURDATE() - INTERVAL 6 DAY, last_date = CURDATE() - INTERVAL 6 DAY"
            " WHERE code = '5600101'")
        self.addCleanup(sql, f"UPDATE course SET first_date = '{old}', last_date = '{old}' WHERE code = '5600101'")
        html = page_of("organizer-red", "/office")
        self.assert_light(html, "yellow")
        self.assertNotIn("5600101", overdue_codes(html))


class Cancellations(LightAssertions):
    """A fresh teacher of 內壢國中 with enrolments made straight in the database."""

    def setUp(self):
        self.teacher_id, self.national_id = new_teacher(unit_id=4)
        self.addCleanup(delete_teacher, self.teacher_id)
        self.extra_course = None

    def enrol(self, code, status, cancelled_at=None):
        cancelled = "NULL" if cancelled_at is None else cancelled_at
        sql(f"INSERT INTO enrolment (course_id, teacher_id, status, created_at, decided_at, approved_at,"
            f" cancelled_at) SELECT id, {self.teacher_id}, '{status}', first_date - INTERVAL 20 DAY,"
            f" first_date - INTERVAL 19 DAY, first_date - INTERVAL 19 DAY, {cancelled}"
            f" FROM course WHERE code = '{code}'")

    def home(self):
        return page_of(self.national_id, "/teacher")

    def test_a_fresh_teacher_without_enrolments_is_green(self):
        html = self.home()
        self.assert_light(html, "green")
        self.assertIn("0 堂", lights(html)[0][1])

    def test_a_cancellation_days_before_the_start_does_not_count(self):
        self.enrol("5600007", "cancelled", "TIMESTAMP(first_date - INTERVAL 2 DAY, '10:00')")
        html = self.home()
        self.assert_light(html, "green")
        self.assertEqual(missed_codes(html), [])

    def test_a_cancellation_after_the_start_counts(self):
        self.enrol("5600007", "cancelled", "TIMESTAMP(first_date, '10:00')")  # the session began at 09:00
        self.enrol("5600008", "cancelled", "TIMESTAMP(first_date + INTERVAL 1 DAY, '08:00')")
        html = self.home()
        self.assert_light(html, "yellow")
        self.assertEqual(sorted(missed_codes(html)), ["5600007", "5600008"])

    def test_a_cancellation_on_the_first_day_before_the_first_session_does_not_count(self):
        # SPEC §4/§6: a teacher may cancel "before the start"; 5600007's session starts at 09:00.
        self.assertEqual(sql_value("SELECT TIME_FORMAT(MIN(s.starts_at), '%H:%i') FROM course_session s"
                                   f" WHERE s.course_id = {course_id('5600007')}"), "09:00")
        self.enrol("5600007", "cancelled", "TIMESTAMP(first_date, '08:00')")
        html = self.home()
        self.assert_light(html, "green")
        self.assertEqual(missed_codes(html), [])

    def test_enrolments_never_approved_do_not_count(self):
        self.enrol("5600007", "pending")
        self.enrol("5600008", "rejected")
        self.enrol("5600011", "waiting")
        html = self.home()
        self.assert_light(html, "green")
        self.assertEqual(missed_codes(html), [])

    def test_an_application_never_approved_and_withdrawn_after_the_start_does_not_count(self):
        # Pending (never decided) or on the waiting list, then cancelled late: never admitted.
        for code in ("5600007", "5600008"):
            sql(f"INSERT INTO enrolment (course_id, teacher_id, status, created_at, decided_at, cancelled_at)"
                f" SELECT id, {self.teacher_id}, 'cancelled', first_date - INTERVAL 20 DAY, NULL,"
                f" TIMESTAMP(first_date, '11:00') FROM course WHERE code = '{code}'")
        html = self.home()
        self.assert_light(html, "green")
        self.assertEqual(missed_codes(html), [])

    def test_an_approved_enrolment_in_a_course_not_yet_closed_does_not_count(self):
        self.enrol("5600001", "approved")  # approved, held next month
        self.enrol("5600005", "approved")  # held, roster not yet approved
        self.assert_light(self.home(), "green")

    def test_three_missed_courses_make_the_light_red(self):
        for code in ("5600007", "5600008", "5600011"):
            self.enrol(code, "approved")
        html = self.home()
        self.assert_light(html, "red")
        self.assertEqual(sorted(missed_codes(html)), ["5600007", "5600008", "5600011"])

    def test_a_missed_course_of_last_year_does_not_count(self):
        sql("DELETE FROM course WHERE code = '5609901'")
        sql("INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, category_id, levels, outline,"
            " seats_per_class, online_seats, contact1_name, contact1_phone, contact1_email, state,"
            " first_date, last_date) VALUES ('5609901', 4, 1, 2, '去年的研習', 7, 'junior_high', '去年。',"
            " 30, 30, '林承辦', '03-4512345', 'organizer@example.edu.tw', 'closed',"
            " MAKEDATE(YEAR(CURDATE()) - 1, 300), MAKEDATE(YEAR(CURDATE()) - 1, 300))")
        self.addCleanup(sql, "DELETE FROM course WHERE code = '5609901'")
        self.addCleanup(sql, f"DELETE FROM enrolment WHERE teacher_id = {self.teacher_id}")
        self.enrol("5609901", "approved")
        self.enrol("5600007", "approved")
        html = self.home()
        self.assert_light(html, "yellow")
        self.assertEqual(missed_codes(html), ["5600007"])


if __name__ == "__main__":
    main()
