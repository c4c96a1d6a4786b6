"""The course page's 報名 box is served from two per-worker caches (shared/caches.h): the course's
seat facts, kept no longer than public_cache_seconds with the database's clock carried forward,
and the teacher's own part, kept under their home_version. These tests pin the rules: whatever
changes a teacher's own enrolments shows at once, whoever wrote it; a waiting position is exact;
the window opens on the database's second, never early; the seats left are never older than the
cache bound.
"""
import re
import time
import unittest

from portal import main, sql, sql_value, token_of
from test_enrolment import MADE_COURSES, enrol, new_course, result, teacher, tearDownModule  # noqa: F401

CACHE_BOUND = 10  # public_cache_seconds of the test stack, as README states it


def box(client, code):
    """The box's own state (data-enrolment-status of MINE or CANCELLED, or None) and its text."""
    page = client.get(f"/courses/{code}").text
    m = re.search(r'<section class="enrolment-box".*?</section>', page, re.S)
    text = m.group(0) if m else ""
    state = re.search(r'data-enrolment-status="([^"]+)"', text)
    return (state.group(1) if state else None), text


def views(client, code, times=3):
    """Several views, so that every worker has the box's facts kept before the change."""
    for _ in range(times):
        box(client, code)


class OwnState(unittest.TestCase):
    def test_the_teachers_own_application_shows_at_once(self):
        code = new_course(seats=3)
        client, _ = teacher()
        views(client, code)
        self.assertIn('<button type="submit">報名</button>', box(client, code)[1])
        self.assertEqual(result(enrol(client, code)), ("approved", None))
        state, text = box(client, code)
        self.assertEqual(state, "approved")
        self.assertNotIn("<form", text)

    def test_a_decision_written_by_anyone_shows_at_once(self):
        # Written in SQL, as no handler of the portal: the triggers behind home_version still move.
        code = new_course(seats=3, auto_review=False)
        client, tid = teacher()
        self.assertEqual(result(enrol(client, code)), ("pending", None))
        views(client, code)
        self.assertEqual(box(client, code)[0], "pending")
        sql(f"UPDATE enrolment e JOIN course c ON c.id = e.course_id SET e.status = 'approved'"
            f" WHERE c.code = '{code}' AND e.teacher_id = {tid}")
        self.assertEqual(box(client, code)[0], "approved")

    def test_a_waiting_position_moves_at_once_when_someone_ahead_leaves(self):
        code = new_course(seats=1)
        first, _ = teacher()
        second, _ = teacher()
        third, _ = teacher()
        self.assertEqual(result(enrol(first, code)), ("approved", None))
        self.assertEqual(result(enrol(second, code, waitlist="1")), ("waiting", None))
        self.assertEqual(result(enrol(third, code, waitlist="1")), ("waiting", None))
        views(third, code)
        self.assertIn("候補第 2 位", box(third, code)[1])
        path = re.search(r'href="(/teacher/enrolments/\d+/cancel)"', box(second, code)[1]).group(1)
        self.assertEqual(second.post(path, {"csrf": token_of(second)}).status, 303)
        self.assertIn("候補第 1 位", box(third, code)[1])

    def test_a_clash_made_by_another_application_is_warned_about_at_once(self):
        code = new_course(seats=3)
        other = new_course(seats=3)  # the same day and hours
        client, _ = teacher()
        views(client, code)
        self.assertNotIn("data-clash-warnings", box(client, code)[1])
        self.assertEqual(result(enrol(client, other)), ("approved", None))
        self.assertIn("data-clash-warnings", box(client, code)[1])


class CourseFacts(unittest.TestCase):
    def test_the_window_opens_on_the_databases_second_never_early(self):
        code = new_course(opens="NOW() + INTERVAL 3 SECOND")
        client, _ = teacher()
        views(client, code)
        self.assertNotIn("<form", box(client, code)[1])
        deadline = time.monotonic() + 3 + 2.5
        while time.monotonic() < deadline:
            shown = "<form" in box(client, code)[1]
            opened = sql_value(f"SELECT NOW() >= enrol_opens_at FROM course WHERE code = '{code}'") == "1"
            if shown:
                self.assertTrue(opened, "the form showed before the opening second")
                break
            time.sleep(0.2)
        else:
            self.fail("the form did not show within 2.5 s of the opening, though the facts were kept")

    def test_the_seats_left_are_never_older_than_the_cache_bound(self):
        code = new_course(seats=1)
        watcher, _ = teacher()
        taker, _ = teacher()
        views(watcher, code)
        self.assertIn('<button type="submit">報名</button>', box(watcher, code)[1])
        self.assertEqual(result(enrol(taker, code)), ("approved", None))
        taken = time.monotonic()
        while "名額已滿" not in box(watcher, code)[1]:
            self.assertLess(time.monotonic() - taken, CACHE_BOUND + 1.5,
                            f"the box still offered a seat {CACHE_BOUND} s after the last was taken")
            time.sleep(0.5)


if __name__ == "__main__":
    main()
