"""Review scope follows the course's review unit (第11條), not the county its school is in.

The demo's 國立中壢高級中學 and 國立中央大學 stand in 桃園市 (county 3), like 桃園市政府教育局, yet
their courses are reviewed elsewhere: the senior high school's by its governing authority
教育部國民及學前教育署 (第11條二), the university's by the national centre (第11條一). A queue,
course page or batch approval that scoped by county instead of by course.review_unit_id would
hand them to `reviewer`; these tests fail then.
"""
import unittest

import portal
from portal import (course_history, course_snapshot, course_state, create_course, flash_of, logged_in,
                    queue_codes, sql, sql_value, token_of, unique, write_counts)

K12EA, CENTRE, TAOYUAN_BUREAU = 101, 1, 2  # review units (sql/demo.sql)
CLHS_WAITING = ["5600201", "5600202"]      # 國立中壢高級中學, 課程未確認, oldest first
NCU_WAITING = ["5600204", "5600205"]       # 國立中央大學, 課程未確認, oldest first
APPROVED = ["5600203", "5600206"]          # one 課程確認通過 course of each school
ELSEWHERE = CLHS_WAITING + NCU_WAITING + APPROVED


def setUpModule():
    global county_reviewer, k12ea, centre
    county_reviewer = logged_in("reviewer")     # 桃園市政府教育局
    k12ea = logged_in("reviewer-k12ea")         # 國教署
    centre = logged_in("reviewer-centre")       # 全國推廣中心


def put_back_unconfirmed(code):
    """Undoes a test's approval of a demo course: state, history line and search row."""
    sql(f"UPDATE course SET state = 'unconfirmed' WHERE code = '{code}'")
    sql(f"DELETE h FROM course_history h JOIN course c ON c.id = h.course_id"
        f" WHERE c.code = '{code}' AND h.to_state = 'approved'")
    sql(f"DELETE s FROM course_search s JOIN course c ON c.id = s.course_id WHERE c.code = '{code}'")
    portal.course_search_changed()


class TheDemoIsAMeaningfulCase(unittest.TestCase):
    def test_the_schools_share_the_county_bureaus_county_but_not_its_review(self):
        rows = sql("SELECT c.code, u.county_id, c.review_unit_id FROM course c JOIN unit u ON u.id = c.unit_id"
                   " WHERE c.code BETWEEN '5600201' AND '5600206' ORDER BY c.code")
        self.assertEqual(rows, [[c, "3", str(K12EA if c <= "5600203" else CENTRE)] for c in sorted(ELSEWHERE)])
        self.assertEqual(sql_value(f"SELECT county_id FROM unit WHERE id = {TAOYUAN_BUREAU}"), "3")

    def test_the_form_routes_a_national_senior_high_to_its_authority_and_a_university_to_the_centre(self):
        # 第11條二 and 一, as the registration form applies them; the demo rows above agree.
        for account, expected in (("organizer-clhs", K12EA), ("organizer-ncu", CENTRE)):
            with self.subTest(account=account):
                code = create_course(logged_in(account), unique("審課單位路由"), levels=["senior_high"])
                self.addCleanup(portal.retire_courses, [code])
                self.assertEqual(sql_value(f"SELECT review_unit_id FROM course WHERE code = '{code}'"), str(expected))


class TheCountyReviewer(unittest.TestCase):
    def test_does_not_see_them_in_the_queue(self):
        page = county_reviewer.get("/review")
        self.assertEqual(page.status, 200)
        self.assertIn("5600003", queue_codes(page.text))  # its own course is there
        self.assertEqual(set(queue_codes(page.text)) & set(ELSEWHERE), set())

    def test_cannot_open_them(self):
        for code in ELSEWHERE:
            with self.subTest(code=code):
                self.assertEqual(county_reviewer.get(f"/review/courses/{code}").status, 404)

    def test_cannot_approve_or_return_them_one_by_one(self):
        reason = portal.return_reason_ids()["A. 請移除屬性標籤"]
        for code in CLHS_WAITING + NCU_WAITING:
            with self.subTest(code=code):
                before, counts = course_snapshot(code), write_counts()
                token = token_of(county_reviewer)
                self.assertEqual(county_reviewer.post(f"/review/courses/{code}/approve", {"csrf": token}).status, 404)
                r = county_reviewer.post(f"/review/courses/{code}/return",
                                         [("csrf", token), ("reason", reason), ("note", "不該由本局審核")])
                self.assertEqual(r.status, 404)
                self.assertEqual(course_snapshot(code), before)
                self.assertEqual(write_counts(), counts)

    def test_a_bulk_approval_of_them_leaves_them_unconfirmed_and_names_them_skipped(self):
        waiting = CLHS_WAITING + NCU_WAITING
        before = {c: course_snapshot(c) for c in waiting}
        counts = write_counts()
        r = county_reviewer.post("/review/approve", [("csrf", token_of(county_reviewer))] + [("code", c) for c in waiting])
        self.assertEqual(r.status, 303)
        flash = flash_of(county_reviewer.get("/review").text)
        self.assertIn("已確認通過 0 門課程", flash)
        self.assertIn(f"{len(waiting)} 門已由他人處理或不在您的審核範圍", flash)
        for code in waiting:
            self.assertIn(code, flash)
            self.assertEqual(course_state(code), "unconfirmed")
            self.assertEqual(course_snapshot(code), before[code])
        self.assertEqual(write_counts(), counts)


class TheRealReviewers(unittest.TestCase):
    def test_see_exactly_their_courses_in_the_queue(self):
        for client, expected in ((k12ea, CLHS_WAITING), (centre, NCU_WAITING)):
            with self.subTest(expected=expected):
                page = client.get("/review")
                self.assertEqual(page.status, 200)
                self.assertEqual(queue_codes(page.text), expected)

    def test_open_their_courses_and_not_each_others(self):
        for client, mine, theirs in ((k12ea, CLHS_WAITING + APPROVED[:1], NCU_WAITING + APPROVED[1:]),
                                     (centre, NCU_WAITING + APPROVED[1:], CLHS_WAITING + APPROVED[:1])):
            for code in mine:
                with self.subTest(code=code, own=True):
                    self.assertEqual(client.get(f"/review/courses/{code}").status, 200)
            for code in theirs + ["5600003"]:
                with self.subTest(code=code, own=False):
                    self.assertEqual(client.get(f"/review/courses/{code}").status, 404)

    def test_the_authority_approves_one_of_its_courses(self):
        code = CLHS_WAITING[0]
        self.addCleanup(put_back_unconfirmed, code)
        r = k12ea.post(f"/review/courses/{code}/approve", {"csrf": token_of(k12ea)})
        self.assertEqual(r.status, 303)
        self.assertEqual(course_state(code), "approved")
        self.assertEqual(course_history(code)[-1], ("unconfirmed", "approved", "101", "NULL"))
        self.assertEqual(queue_codes(k12ea.get("/review").text), CLHS_WAITING[1:])

    def test_the_centre_approves_one_of_its_courses_in_a_batch_with_one_it_does_not_review(self):
        code, other = NCU_WAITING[0], CLHS_WAITING[0]
        self.addCleanup(put_back_unconfirmed, code)
        r = centre.post("/review/approve", [("csrf", token_of(centre)), ("code", code), ("code", other)])
        self.assertEqual(r.status, 303)
        flash = flash_of(centre.get("/review").text)
        self.assertIn("已確認通過 1 門課程", flash)
        self.assertIn(other, flash)
        self.assertEqual(course_state(code), "approved")
        self.assertEqual(course_state(other), "unconfirmed")
        self.assertEqual(course_history(code)[-1], ("unconfirmed", "approved", "102", "NULL"))


if __name__ == "__main__":
    portal.main()
