"""The unit light's overdue boundary (SPEC §6): a course of this calendar year whose last session
ended MORE than the county's overdue_grace_days ago (7 in the demo) and that is still 尚未結案 is
overdue. Ended exactly 7 days ago: not overdue; 8 days ago: overdue.

The rule is written in SQL twice, once for /office (the light and its list) and once for the
registration block (a red unit gets 409 on GET and POST /office/courses/new): both are pinned
here, on a fresh unit of 桃園市 with its own organizer, so the demo units' lights stay as they are.
Dates come from the database, as the portal's rules do.
"""
import datetime
import random
import re
import unittest

import portal
from portal import (course_fields, db_today, light_of, logged_in, overdue_codes, sql, sql_value, token_of,
                    unique, write_counts)

LAST_YEARS_LAST_DAY = "MAKEDATE(YEAR(CURDATE()), 1) - INTERVAL 1 DAY"
THIS_YEARS_FIRST_DAY = "MAKEDATE(YEAR(CURDATE()), 1)"


def days_ago(n):
    return f"CURDATE() - INTERVAL {int(n)} DAY"


def setUpModule():
    global grace, red_threshold, unit_id, organizer, organizer_id
    grace, red_threshold = (int(v) for v in sql("SELECT overdue_grace_days, red_light_threshold FROM county"
                                                 " WHERE id = 3")[0])
    # A course that ended grace + 1 days ago must still be of this calendar year.
    if db_today() - datetime.timedelta(days=grace + 1) < datetime.date(db_today().year, 1, 1):
        raise unittest.SkipTest(f"the first {grace + 1} days of January have no course of this year that "
                                f"ended {grace + 1} days ago: the boundary cannot be shown today")
    unit_id = portal.new_unit("桃園市立逾期邊界測試國民中學")
    name = unique("overdue").replace("-", "")[:30]
    organizer_id = portal.new_business_account(name, unit_id=unit_id, kind="organizer")
    organizer = logged_in(name)


def tearDownModule():
    portal.delete_unit(unit_id)


def add_course(last_date, state="approved"):
    """A course of the test unit held in two sessions, the last one on `last_date` (SQL), the first
    three days before it; returns its code."""
    rng = random.SystemRandom()
    while True:
        code = f"59{rng.randrange(10 ** 5):05d}"
        if sql_value(f"SELECT COUNT(*) FROM course WHERE code = '{code}'") == "0":
            break
    sql("INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, category_id, levels, outline,"
        " seats_per_class, online_seats, contact1_name, contact1_phone, contact1_email, state, first_date,"
        f" last_date, enrol_online) VALUES ('{code}', {unit_id}, {organizer_id}, 2, '逾期邊界研習 {code}', 7,"
        f" 'junior_high', '逾期邊界測試。', 30, 30, '測試帳號', '03-4512345', 'overdue@example.edu.tw',"
        f" '{state}', ({last_date}) - INTERVAL 3 DAY, {last_date}, FALSE)")
    sql("INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place)"
        " SELECT id, d, '09:00', '12:00', '10:30-10:40', '視聽教室' FROM course"
        f" JOIN (SELECT first_date AS d FROM course WHERE code = '{code}'"
        f"       UNION SELECT last_date FROM course WHERE code = '{code}') days WHERE code = '{code}'")
    return code


def office():
    """(light colour, the count the light states, codes of the overdue list) of the unit's /office."""
    page = organizer.get("/office")
    assert page.status == 200, page.status
    m = re.search(r"本單位今年逾期未結案課程 (\d+) 堂", page.text)
    return light_of(page.text), int(m.group(1)) if m else None, overdue_codes(page.text), page.text


class Boundary(unittest.TestCase):
    def setUp(self):
        portal.delete_courses_of_unit(unit_id)

    def test_the_demo_grace_is_seven_days(self):
        self.assertEqual(grace, 7)  # SPEC §6: "more than 7 days ago"

    def test_ended_exactly_the_grace_days_ago_is_not_overdue_one_day_more_is(self):
        at_grace = add_course(days_ago(grace))
        past_grace = add_course(days_ago(grace + 1))
        colour, count, listed, _ = office()
        self.assertEqual(listed, [past_grace])
        self.assertNotIn(at_grace, listed)
        self.assertEqual(count, 1)
        self.assertEqual(colour, "yellow")

    def test_only_courses_of_this_calendar_year_count(self):
        first_day = add_course(THIS_YEARS_FIRST_DAY)
        add_course(LAST_YEARS_LAST_DAY)
        colour, count, listed, _ = office()
        self.assertEqual(listed, [first_day])
        self.assertEqual(count, 1)

    def test_closed_and_deleted_courses_do_not_count(self):
        add_course(days_ago(grace + 1), state="closed")
        add_course(days_ago(grace + 1), state="deleted")
        kept = add_course(days_ago(grace + 1), state="roster_returned")
        self.assertEqual(office()[1:3], (1, [kept]))


class RegistrationBlock(unittest.TestCase):
    """red_light_threshold - 1 courses past the grace, one exactly at it: registration is open.
    Once that one passes the boundary the unit is red and cannot register."""

    def setUp(self):
        portal.delete_courses_of_unit(unit_id)
        self.past = [add_course(days_ago(grace + 1)) for _ in range(red_threshold - 1)]
        self.boundary = add_course(days_ago(grace))
        # Neither of these may count, on the block's side either.
        add_course(LAST_YEARS_LAST_DAY)
        add_course(days_ago(grace + 1), state="closed")

    def test_a_course_ended_exactly_the_grace_days_ago_leaves_registration_open(self):
        colour, count, listed, page = office()
        self.assertEqual((colour, count), ("yellow", red_threshold - 1))
        self.assertEqual(sorted(listed), sorted(self.past))
        self.assertNotIn("已暫停研習課程登錄", page)
        r = organizer.get("/office/courses/new")
        self.assertEqual(r.status, 200)
        self.assertNotIn("暫停研習課程登錄", r.text)

    def test_one_day_later_the_unit_is_red_and_registration_is_refused(self):
        sql(f"UPDATE course SET first_date = first_date - INTERVAL 1 DAY, last_date = last_date - INTERVAL 1 DAY"
            f" WHERE code = '{self.boundary}'")
        sql(f"UPDATE course_session s JOIN course c ON c.id = s.course_id"
            f" SET s.session_date = s.session_date - INTERVAL 1 DAY WHERE c.code = '{self.boundary}'")
        colour, count, listed, page = office()
        self.assertEqual((colour, count), ("red", red_threshold))
        self.assertEqual(sorted(listed), sorted(self.past + [self.boundary]))
        self.assertIn("已暫停研習課程登錄", page)

        r = organizer.get("/office/courses/new")
        self.assertEqual(r.status, 409)
        self.assertIn(f"本單位燈號為紅燈：有 {red_threshold} 門研習已結束逾期仍未結案", r.text)
        before = write_counts()
        r = organizer.post("/office/courses", [("csrf", token_of(organizer))] + course_fields(unique("紅燈登錄")))
        self.assertEqual(r.status, 409)
        self.assertIn(f"本單位燈號為紅燈：有 {red_threshold} 門研習已結束逾期仍未結案", r.text)
        self.assertIn(f'href="/office/courses/{self.boundary}"', r.text)  # listed among those to close
        self.assertEqual(write_counts(), before)


if __name__ == "__main__":
    portal.main()
