"""Feeds of the public courses (issue 11): the Atom feed of a search lists what the search page
lists, in its order, and parses as XML whatever the titles hold; the iCalendar file of a search
and of one course parse back into one event per session, in Asia/Taipei, without any e-mail
address; a course that is not public has no calendar.
"""
import re
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

from portal import Client, codes_in, main, sql, sql_value

ATOM = "{http://www.w3.org/2005/Atom}"


def get(path):
    return Client().get(path)


def search_codes(params):
    return codes_in(get("/courses?" + urllib.parse.urlencode({**params, "fresh": id(params)})).text, "results")


def unfold(ics):
    """RFC 5545 §3.1 undone: a line starting with a space continues the one before."""
    return ics.replace("\r\n ", "").split("\r\n")


def events(ics):
    lines = unfold(ics)
    out, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            out.append(current)
            current = None
        elif current is not None and ":" in line:
            name, _, value = line.partition(":")
            current[name] = value
    return out


class Atom(unittest.TestCase):
    def test_the_feed_of_a_search_lists_its_courses_in_its_order(self):
        for params in ({}, {"q": "閱讀"}, {"county": "3", "open": "1"}):
            with self.subTest(params=params):
                r = get("/courses.atom?" + urllib.parse.urlencode(params))
                self.assertEqual(r.status, 200)
                self.assertTrue(r.header("content-type").startswith("application/atom+xml"))
                root = ET.fromstring(r.body)
                entries = root.findall(f"{ATOM}entry")
                codes = [re.search(r"/courses/(\d{7})$", e.find(f"{ATOM}id").text).group(1) for e in entries]
                self.assertEqual(codes[:20], search_codes(params))
                for e in entries:
                    self.assertRegex(e.find(f"{ATOM}updated").text, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
                    self.assertTrue(e.find(f"{ATOM}title").text)
                self.assertIn("/courses.atom", root.find(f"{ATOM}link[@rel='self']").get("href"))

    def test_a_title_with_markup_characters_stays_text(self):
        title = sql_value("SELECT title FROM course WHERE code = '5600002'")
        sql("UPDATE course SET title = '安全 & <演練> \"2\"' WHERE code = '5600002'")
        try:
            root = ET.fromstring(get("/courses.atom?q=" + urllib.parse.quote("演練") + "&fresh=markup").body)
            titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
            self.assertIn('安全 & <演練> "2"', titles)
        finally:
            sql(f"UPDATE course SET title = '{title}' WHERE code = '5600002'")


class Calendar(unittest.TestCase):
    def test_one_course_one_event_a_session_in_taipei_time_and_no_e_mail(self):
        r = get("/courses/5600001/calendar.ics")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("content-type").startswith("text/calendar"))
        self.assertNotIn("@example", r.text)
        found = events(r.text)
        self.assertEqual(len(found), 2)
        for e in found:
            start = next(v for k, v in e.items() if k.startswith("DTSTART"))
            self.assertIn("DTSTART;TZID=Asia/Taipei", [k for k in e if k.startswith("DTSTART")])
            self.assertRegex(start, r"^\d{8}T\d{6}$")
            self.assertIn("素養導向閱讀教學工作坊", e["SUMMARY"])
        self.assertEqual(len({e["UID"] for e in found}), 2)
        self.assertEqual(events(get("/courses/5600001/calendar.ics").text)[0]["UID"], found[0]["UID"])
        for line in r.text.split("\r\n"):
            self.assertLessEqual(len(line.encode()), 75)

    def test_the_calendar_of_a_search_has_every_session_of_its_courses(self):
        params = {"q": "閱讀"}
        codes = codes_in(get("/courses?" + urllib.parse.urlencode({**params, "fresh": "ics"})).text, "results")
        listed = ",".join(f"'{c}'" for c in codes)
        sessions = int(sql_value("SELECT COUNT(*) FROM course_session s JOIN course c ON c.id = s.course_id"
                                 f" WHERE c.code IN ({listed})"))
        r = get("/courses.ics?" + urllib.parse.urlencode(params))
        self.assertEqual(r.status, 200)
        self.assertEqual(len(events(r.text)), sessions)
        self.assertNotIn("@example", r.text)

    def test_a_course_that_is_not_public_has_no_calendar(self):
        for code in ("5600003", "5600010", "5999999"):
            with self.subTest(code=code):
                self.assertEqual(get(f"/courses/{code}/calendar.ics").status, 404)


if __name__ == "__main__":
    main()
