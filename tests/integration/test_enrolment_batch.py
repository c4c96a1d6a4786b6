"""校內批次報名 (SPEC §4) as an organizer meets it: the unit's 在職 teachers with a name filter,
page size and paging, approved ones left out and pending ones marked; picked teachers approved
at once and taking seats, a pending one approved without a new seat; when fewer seats remain
than picked, those not added named in the order picked; who may and may not; and L6, a batch of
80 racing 200 online applications for 120 seats.
"""
import base64
import hashlib
import hmac
import html
import os
import re
import threading
import unittest
import urllib.parse

import portal
from portal import (VAR, Client, logged_in, main, sql, sql_value, token_of, unique, with_check_digit,
                    write_counts)

ORGANIZER_ID = 1  # `organizer`, 承辦人 of 內壢國中 (unit 4)
UNIT = 4
OTHER_UNIT = 5    # 內壢國小
MADE_COURSES = []
MADE_TEACHERS = []


def new_course(seats, auto_review=False, opens="NOW() - INTERVAL 1 HOUR", closes="NOW() + INTERVAL 10 DAY",
               starts_in_days=20, state="approved", enrol_online=True):
    """A fresh course of 內壢國中 copied from 5600001 with `seats` online seats; returns its code."""
    for _ in range(20):
        code = str(5970000 + int.from_bytes(os.urandom(2), "big") % 10000)
        if sql_value(f"SELECT COUNT(*) FROM course WHERE code = '{code}'") == "0":
            break
    sql("INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school,"
        " category_id, subject_area, levels, outline, hours, class_count, seats_per_class, online_seats,"
        " seats_taken, enrol_online, enrol_opens_at, enrol_closes_at, auto_review, contact1_name,"
        " contact1_phone, contact1_email, state, first_date, last_date)"
        f" SELECT '{code}', unit_id, organizer_id, review_unit_id, '{unique('批次報名測試')}', class_kind,"
        f" FALSE, category_id, subject_area, levels, outline, hours, 1, {seats}, {seats}, 0,"
        f" {1 if enrol_online else 0}, {opens}, {closes}, {1 if auto_review else 0}, contact1_name,"
        f" contact1_phone, contact1_email, '{state}', CURDATE() + INTERVAL {starts_in_days} DAY,"
        f" CURDATE() + INTERVAL {starts_in_days} DAY FROM course WHERE code = '5600001'")
    cid = sql_value(f"SELECT id FROM course WHERE code = '{code}'")
    sql("INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place)"
        f" VALUES ({cid}, CURDATE() + INTERVAL {starts_in_days} DAY, '09:00', '12:00', '10:30-10:40', '本校')")
    MADE_COURSES.append(code)
    return code


def course_id(code):
    return int(sql_value(f"SELECT id FROM course WHERE code = '{code}'"))


def make_teachers(names, unit_id=UNIT, employment="active"):
    """Teachers with fresh valid 身分證字號 and the demo password, made in one statement; returns
    their ids in the order of `names`."""
    rng = random_source()
    nids = set()
    while len(nids) < len(names):
        nids.add(with_check_digit(rng.choice("QRSTUVWXYZ") + rng.choice("12") +
                                  "".join(rng.choice("0123456789") for _ in range(7))))
    nids = sorted(nids)
    if portal.teacher_ids_by_nid(nids):
        return make_teachers(names, unit_id, employment)  # a clash with an existing teacher: draw again
    unit = "NULL" if unit_id is None else int(unit_id)
    rows = ", ".join(f"({portal.nid_values(nid)}, {portal.sql_str(name)})" for nid, name in zip(nids, names))
    sql("INSERT INTO teacher (national_id_hmac, national_id_enc, name, gender, unit_id, employment, title_name,"
        " password_hash)"
        f" SELECT v.hmac, v.enc, v.name, 'F', {unit}, '{employment}', '專任教師', a.password_hash"
        f" FROM (SELECT NULL AS hmac, NULL AS enc, NULL AS name UNION ALL VALUES {rows}) v"
        f" JOIN teacher a ON {portal.nid_where('A123456789', 'a')} WHERE v.hmac IS NOT NULL")
    by_nid = portal.teacher_ids_by_nid(nids)
    ids = [by_nid[n] for n in nids]
    MADE_TEACHERS.extend(ids)
    return ids


def random_source():
    import random
    return random.SystemRandom()


def set_enrolment(code, teacher_id, status):
    """An enrolment put straight into `status`; a seat-holding one takes its seat."""
    cid = course_id(code)
    sql(f"INSERT INTO enrolment (course_id, teacher_id, status, waiting_since, decided_at, approved_at) VALUES"
        f" ({cid}, {teacher_id}, '{status}', IF('{status}' = 'waiting', NOW(3), NULL),"
        f" IF('{status}' = 'approved', NOW(), NULL), IF('{status}' = 'approved', NOW(), NULL))")
    if status in ("pending", "approved"):
        sql(f"UPDATE course SET seats_taken = seats_taken + 1 WHERE id = {cid}")


def seats(code):
    """[seats_taken, enrolments holding a seat] of a course."""
    return [int(v) for v in sql(
        f"SELECT c.seats_taken, (SELECT COUNT(*) FROM enrolment e WHERE e.course_id = c.id"
        f" AND e.status IN ('pending', 'approved')) FROM course c WHERE c.code = '{code}'")[0]]


def statuses(code):
    """{teacher id: status} of a course's enrolments."""
    return {int(t): s for t, s in sql(f"SELECT teacher_id, status FROM enrolment WHERE course_id = {course_id(code)}")}


def listed(page_html):
    """[(teacher id, data-status, name)] of the batch page's rows, in order."""
    return [(int(i), s, html.unescape(n)) for i, s, n in re.findall(
        r'<tr data-teacher="(\d+)" data-status="(\w+)">.*?<label for="pick-\d+">(.*?)</label>', page_html, re.S)]


def total_of(page_html):
    return int(re.search(r'<span id="total">(\d+)</span>', page_html).group(1))


def checked(page_html):
    return [int(i) for i in re.findall(r'name="teacher" value="(\d+)" id="pick-\d+" checked', page_html)]


def not_added(page_html):
    """Teacher ids the answer names as not added, in the order it names them."""
    m = re.search(r'<ol class="not-added">(.*?)</ol>', page_html, re.S)
    return [int(i) for i in re.findall(r'data-teacher="(\d+)"', m.group(1))] if m else []


def batch_path(code):
    return f"/office/courses/{code}/batch"


def post_batch(client, code, teacher_ids, token=None, **view):
    fields = [("csrf", token if token is not None else token_of(client))]
    fields += [("q", view.get("q", "")), ("size", str(view.get("size", 20))), ("page", str(view.get("page", 1)))]
    fields += [("teacher", str(t)) for t in teacher_ids]
    if token is False:
        fields = fields[1:]
    return client.post(batch_path(code), fields)


def enrolment_rows():
    return int(sql_value("SELECT COUNT(*) FROM enrolment"))


def tearDownModule():
    for code in MADE_COURSES:
        cid = course_id(code)
        for table in ("enrolment", "course_session", "course_history", "course_tag"):
            sql(f"DELETE FROM {table} WHERE course_id = {cid}")
        sql(f"DELETE FROM course_search WHERE course_id = {cid}")
        sql(f"DELETE FROM course WHERE id = {cid}")
    if MADE_TEACHERS:
        ids = ",".join(str(t) for t in MADE_TEACHERS)
        for table in ("web_session", "enrolment"):
            sql(f"DELETE FROM {table} WHERE teacher_id IN ({ids})")
        sql(f"DELETE FROM mail_outbox WHERE to_addr IN (SELECT email FROM teacher WHERE id IN ({ids}))")
        sql(f"DELETE FROM teacher WHERE id IN ({ids})")


class Listing(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tag = "批" + portal.random_text(4).replace("-", "x").replace("_", "y")
        cls.code = new_course(seats=40)
        # 25 在職 teachers of the unit named <tag>00..<tag>24, made out of name order.
        cls.ids = dict(zip(range(25), make_teachers([f"{cls.tag}{i:02d}" for i in reversed(range(25))])[::-1]))
        cls.retired = make_teachers([f"{cls.tag}退休"], employment="retired")[0]
        cls.other_unit = make_teachers([f"{cls.tag}他校"], unit_id=OTHER_UNIT)[0]
        set_enrolment(cls.code, cls.ids[3], "pending")
        set_enrolment(cls.code, cls.ids[4], "approved")
        set_enrolment(cls.code, cls.ids[5], "waiting")
        cls.organizer = logged_in("organizer")

    def page(self, **query):
        q = "&".join(f"{k}={urllib.parse.quote(str(v))}" for k, v in query.items())
        r = self.organizer.get(batch_path(self.code) + ("?" + q if q else ""))
        self.assertEqual(r.status, 200, r.text[:500])
        return r.text

    def test_the_name_filter_and_pages_list_the_units_active_teachers_not_yet_approved_in_name_order(self):
        first = self.page(q=self.tag)
        self.assertEqual(total_of(first), 24)  # 25 less the approved one; not the retired, not another unit's
        rows = listed(first)
        self.assertEqual(len(rows), 20)
        second = self.page(q=self.tag, page=2)
        rows += listed(second)
        expected = [i for i in range(25) if i != 4]
        self.assertEqual([r[2] for r in rows], [f"{self.tag}{i:02d}" for i in expected])
        self.assertEqual([r[0] for r in rows], [self.ids[i] for i in expected])
        self.assertIn("第 1 / 2 頁", first)
        self.assertIn('rel="next"', first)
        self.assertIn("第 2 / 2 頁", second)
        self.assertNotIn(str(self.retired), [str(r[0]) for r in rows])
        self.assertNotIn(self.other_unit, [r[0] for r in rows])
        self.assertNotIn(self.ids[4], [r[0] for r in rows])

    def test_a_pending_applicant_is_marked_and_the_seats_left_are_shown(self):
        text = self.page(q=self.tag)
        by_id = {r[0]: r[1] for r in listed(text)}
        self.assertEqual(by_id[self.ids[3]], "pending")
        self.assertEqual(by_id[self.ids[5]], "waiting")
        self.assertEqual(by_id[self.ids[0]], "none")
        row = re.search(rf'<tr data-teacher="{self.ids[3]}".*?</tr>', text, re.S).group(0)
        self.assertIn("已報名，待審核", row)
        self.assertIn("候補中", re.search(rf'<tr data-teacher="{self.ids[5]}".*?</tr>', text, re.S).group(0))
        self.assertIn("未報名", re.search(rf'<tr data-teacher="{self.ids[0]}".*?</tr>', text, re.S).group(0))
        self.assertEqual(re.search(r'id="seats-left">(\d+)<', text).group(1), "38")  # 40 less pending and approved

    def test_the_page_size_is_one_of_20_50_100_and_a_page_past_the_end_shows_the_last(self):
        self.assertEqual(len(listed(self.page(q=self.tag, size=50))), 24)
        self.assertNotIn('class="pager"', self.page(q=self.tag, size=50))
        self.assertEqual(len(listed(self.page(q=self.tag, size=33))), 20)  # not offered: 20
        self.assertIn('<option value="100" selected>', self.page(q=self.tag, size=100))
        last = self.page(q=self.tag, page=99)
        self.assertEqual(len(listed(last)), 4)
        self.assertIn("第 2 / 2 頁", last)

    def test_the_filter_is_a_substring_of_the_name_and_its_wildcards_are_plain_characters(self):
        rows = listed(self.page(q=self.tag + "1"))
        self.assertEqual([r[2] for r in rows], [f"{self.tag}{i:02d}" for i in range(10, 20)])
        self.assertEqual(listed(self.page(q=self.tag[1:] + "07")), [(self.ids[7], "none", f"{self.tag}07")])
        for wildcard in ("%", "_", self.tag + "_0"):
            self.assertEqual(total_of(self.page(q=wildcard)), 0, wildcard)
        empty = self.page(q=self.tag + "沒有這個人")
        self.assertIn("沒有姓名含", empty)
        self.assertNotIn('id="batch"', empty)

    def test_every_row_of_the_page_can_be_ticked_at_once_without_javascript(self):
        text = self.page(q=self.tag, all=1)
        self.assertEqual(checked(text), [r[0] for r in listed(text)])
        self.assertEqual(len(checked(text)), 20)
        self.assertEqual(checked(self.page(q=self.tag)), [])

    def test_the_course_page_links_to_it(self):
        page = self.organizer.get(f"/office/courses/{self.code}").text
        self.assertIn(f'href="{batch_path(self.code)}">校內批次報名</a>', page)
        unconfirmed = self.organizer.get("/office/courses/5600003").text  # 課程未確認
        self.assertNotIn("校內批次報名", unconfirmed)


class Enrolling(unittest.TestCase):
    def setUp(self):
        self.organizer = logged_in("organizer")

    def test_when_fewer_seats_remain_than_picked_those_not_added_are_named_in_the_order_picked(self):
        code = new_course(seats=3)
        t = make_teachers([unique("批次座位") for _ in range(5)])
        pending = make_teachers([unique("批次座位待審")])[0]
        set_enrolment(code, pending, "pending")  # holds one of the three seats
        mark = portal.audit_mark()
        picked = [t[4], t[0], pending, t[2], t[1], t[3]]  # not the list's order: the order sent
        r = post_batch(self.organizer, code, picked, q="批次座位")
        self.assertEqual(r.status, 200, r.text[:500])
        self.assertEqual(not_added(r.text), [t[2], t[1], t[3]])
        self.assertIn("名額已滿，以下 3 位沒有報名（依勾選順序）", r.text)
        self.assertIn("已為 3 位教師報名並審核通過（其中 1 位原為待審核", r.text)
        self.assertEqual(statuses(code), {t[4]: "approved", t[0]: "approved", pending: "approved"})
        self.assertEqual(seats(code), [3, 3])
        self.assertEqual(re.search(r'id="seats-left">(\d+)<', r.text).group(1), "0")
        # Made by the organizer, not by 自動審核.
        self.assertEqual(sql(f"SELECT DISTINCT decided_by, auto_decided FROM enrolment WHERE course_id = {course_id(code)}"),
                         [[str(ORGANIZER_ID), "0"]])
        audit = [(a, act, obj, d) for a, act, obj, d in portal.audit_since(mark) if obj == code]
        self.assertEqual(audit, [(f"b:{ORGANIZER_ID}", "enrolment.batch", code, f"t:{t[4]} new"),
                                 (f"b:{ORGANIZER_ID}", "enrolment.batch", code, f"t:{t[0]} new"),
                                 (f"b:{ORGANIZER_ID}", "enrolment.batch", code, f"t:{pending} pending"),
                                 (f"b:{ORGANIZER_ID}", "enrolment.batch_full", code, f"t:{t[2]} new"),
                                 (f"b:{ORGANIZER_ID}", "enrolment.batch_full", code, f"t:{t[1]} new"),
                                 (f"b:{ORGANIZER_ID}", "enrolment.batch_full", code, f"t:{t[3]} new")])
        # The ones left over are still listed, nobody ticked; the approved ones are gone.
        self.assertEqual(checked(r.text), [])
        ids = [row[0] for row in listed(r.text)]
        self.assertTrue({t[1], t[2], t[3]} <= set(ids))
        self.assertFalse({t[0], t[4], pending} & set(ids))

    def test_a_pending_applicant_picked_becomes_approved_without_a_new_seat(self):
        code = new_course(seats=1)
        pending = make_teachers([unique("批次待審")])[0]
        set_enrolment(code, pending, "pending")  # the only seat: the course is full
        r = post_batch(self.organizer, code, [pending])
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(r.header("location"), f"{batch_path(code)}?q=&size=20&page=1")
        flash = portal.flash_of(self.organizer.get(r.header("location")).text)
        self.assertIn("已為 1 位教師報名並審核通過（其中 1 位原為待審核，不另占名額）", flash)
        self.assertEqual(statuses(code), {pending: "approved"})
        self.assertEqual(seats(code), [1, 1])
        self.assertEqual(sql(f"SELECT decided_by, auto_decided, decided_at IS NOT NULL FROM enrolment"
                             f" WHERE teacher_id = {pending}"), [[str(ORGANIZER_ID), "0", "1"]])

    def test_a_waiting_cancelled_or_refused_teacher_takes_a_seat_and_a_second_pick_changes_nothing(self):
        code = new_course(seats=5)
        waiting, cancelled, refused, new = make_teachers([unique("批次") for _ in range(4)])
        set_enrolment(code, waiting, "waiting")
        set_enrolment(code, cancelled, "cancelled")
        set_enrolment(code, refused, "rejected")
        r = post_batch(self.organizer, code, [waiting, cancelled, refused, new, new])
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(statuses(code), {waiting: "approved", cancelled: "approved", refused: "approved", new: "approved"})
        self.assertEqual(seats(code), [4, 4])
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM enrolment WHERE course_id = {course_id(code)}"
                                   " AND (cancelled_at IS NOT NULL OR refusal_reason IS NOT NULL)"), "0")
        # Sent again (a second tab): already approved, no second seat.
        again = post_batch(self.organizer, code, [new])
        self.assertEqual(again.status, 303)
        self.assertIn("1 位已是審核通過，沒有重複報名", portal.flash_of(self.organizer.get(again.header("location")).text))
        self.assertEqual(seats(code), [4, 4])

    def test_another_units_or_a_retired_teacher_is_refused_with_the_form_again_and_nothing_written(self):
        code = new_course(seats=10)
        name = unique("批次本校")
        mine = make_teachers([name])[0]
        theirs = make_teachers([unique("批次他校")], unit_id=OTHER_UNIT)[0]
        retired = make_teachers([unique("批次退休")], employment="retired")[0]
        for picks, message in (([mine, theirs], "1 位不是本校在職教師"), ([retired, mine], "1 位不是本校在職教師"),
                               ([mine, 2], "1 位不是本校在職教師"),  # 李美玲, 內壢國小
                               ([mine, "abc"], "無法辨識"), ([], "請至少勾選一位"),
                               ([mine] + list(range(10 ** 9, 10 ** 9 + 100)), "一次最多報名 100 位")):
            with self.subTest(picks=picks):
                counts, rows = write_counts(), enrolment_rows()
                r = post_batch(self.organizer, code, picks, q=name)
                self.assertEqual(r.status, 422, r.text[:500])
                self.assertIn(message, r.text)
                self.assertIn('<p class="field-error" id="teacher-error">', r.text)
                self.assertIn('aria-describedby="teacher-error"', r.text)
                self.assertIn("沒有報名任何教師", r.text)
                if picks:
                    self.assertEqual(checked(r.text), [mine])  # the pick kept
                self.assertEqual((write_counts(), enrolment_rows()), (counts, rows))
                self.assertEqual(seats(code), [0, 0])

    def test_another_units_organizer_gets_404_a_teacher_403_and_nothing_is_written(self):
        code = new_course(seats=10)
        mine = make_teachers([unique("批次本校")])[0]
        red, teacher = logged_in("organizer-red"), logged_in("A123456789")  # logins are audited: before counting
        counts, rows = write_counts(), enrolment_rows()
        self.assertEqual(red.get(batch_path(code)).status, 404)
        self.assertEqual(post_batch(red, code, [mine]).status, 404)
        self.assertEqual(teacher.get(batch_path(code)).status, 403)
        self.assertEqual(post_batch(teacher, code, [mine]).status, 403)
        anonymous = Client()
        r = anonymous.get(batch_path(code))
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("location").startswith("/login?next="))
        self.assertEqual(self.organizer.get(batch_path("9999999")).status, 404)
        self.assertEqual((write_counts(), enrolment_rows()), (counts, rows))
        self.assertEqual(statuses(code), {})

    def test_without_the_csrf_token_it_is_403_and_nothing_is_written(self):
        code = new_course(seats=10)
        mine = make_teachers([unique("批次本校")])[0]
        foreign = token_of(logged_in("organizer-red"))  # another session's valid token
        counts, rows = write_counts(), enrolment_rows()
        for token in (False, "x" * 43, foreign):
            with self.subTest(token=token):
                r = post_batch(self.organizer, code, [mine], token=token)
                self.assertEqual(r.status, 403)
                self.assertIn("表單已過期或來源不明", r.text)
        self.assertEqual((write_counts(), enrolment_rows()), (counts, rows))
        self.assertEqual(post_batch(self.organizer, code, [mine]).status, 303)  # with it: served
        self.assertEqual(statuses(code), {mine: "approved"})

    def test_a_course_not_approved_without_online_enrolment_begun_or_before_its_draw_is_409_with_the_reason(self):
        mine = make_teachers([unique("批次本校")])[0]
        lottery = new_course(seats=5)
        sql(f"UPDATE course SET seat_mode = 'lottery', draw_at = NOW() + INTERVAL 1 DAY, draw_seed = REPEAT('s', 43)"
            f" WHERE id = {course_id(lottery)}")
        for course, words in ((new_course(seats=5, state="unconfirmed"), "只有「課程確認通過」的研習可以批次報名"),
                              (new_course(seats=5, enrol_online=False), "不提供線上報名"),
                              (new_course(seats=5, starts_in_days=0), "已經開始"),
                              (lottery, "請於抽籤後再批次報名")):
            with self.subTest(words=words):
                if words == "已經開始":
                    sql(f"UPDATE course_session SET starts_at = '00:00', ends_at = '23:59', breaks = ''"
                        f" WHERE course_id = {course_id(course)}")
                r = self.organizer.get(batch_path(course))
                self.assertEqual(r.status, 409)
                self.assertIn(words, r.text)
                counts = write_counts()
                r = post_batch(self.organizer, course, [mine])
                self.assertEqual(r.status, 409)
                self.assertIn(words, r.text)
                self.assertEqual(statuses(course), {})
                self.assertEqual(write_counts(), counts)


# --- L6: a batch of 80 racing 200 online applications for 120 seats ----------------------------

def csrf_of(sid):
    """The CSRF token of a session (core/context.cpp): HMAC-SHA256(secret, "csrf:" + sid), base64url."""
    with open(os.path.join(VAR, "portal.conf"), encoding="utf-8") as f:
        conf = dict(line.split("=", 1) for line in f.read().splitlines() if "=" in line and not line.startswith("#"))
    with open(conf["secret_file"], "rb") as f:
        secret = f.read()
    mac = hmac.new(secret, ("csrf:" + sid).encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode()


def teacher_sessions(teacher_ids):
    """A signed-in Client per teacher, made in the database (as /login would) rather than through
    /login, which nginx rate-limits; with each one's CSRF token."""
    out = []
    rows = []
    for tid in teacher_ids:
        sid = portal.random_text(32)
        client = Client()
        client.cookies["sid"] = sid
        out.append((tid, client, csrf_of(sid)))
        rows.append(f"('{portal.session_key(sid)}', {int(tid)})")
    sql("INSERT INTO web_session (id_sha256, teacher_id, role, display_name, unit_id, unit_name, records_only)"
        " SELECT v.k, t.id, 'teacher', t.name, t.unit_id, u.name, FALSE FROM"
        f" (SELECT NULL AS k, NULL AS tid UNION ALL VALUES {', '.join(rows)}) v"
        " JOIN teacher t ON t.id = v.tid LEFT JOIN unit u ON u.id = t.unit_id")
    return out


class L6BatchRacingOnlineApplications(unittest.TestCase):
    SEATS, BATCH, ONLINE = 120, 80, 200

    def test_a_batch_of_80_racing_200_online_applications_on_120_seats_leaves_exactly_120(self):
        code = new_course(seats=self.SEATS)
        unit_teachers = make_teachers([unique("批次L6") for _ in range(self.BATCH)])
        applicants = make_teachers([unique("線上L6") for _ in range(self.ONLINE)], unit_id=OTHER_UNIT)
        online = teacher_sessions(applicants)
        organizer = logged_in("organizer")
        organizer_token = token_of(organizer)
        for _, client, token in online[:3]:  # the sessions work (a 303 to /login would be no race)
            self.assertEqual(client.get("/teacher").status, 200)
        barrier = threading.Barrier(len(online) + 1)
        answers, batch_answer, errors = {}, [], []

        def apply(tid, client, token):
            try:
                barrier.wait()
                answers[tid] = client.post(f"/courses/{code}/enrolments", {"csrf": token, "key": portal.random_text(20)})
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(f"teacher {tid}: {e!r}")

        def run_batch():
            try:
                barrier.wait()
                batch_answer.append(post_batch(organizer, code, unit_teachers, token=organizer_token, size=100))
            except Exception as e:  # noqa: BLE001
                errors.append(f"batch: {e!r}")

        threads = [threading.Thread(target=apply, args=o) for o in online] + [threading.Thread(target=run_batch)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        self.assertEqual(errors, [])

        # Exactly 120 seat-holders, and the course's count agrees.
        self.assertEqual(seats(code), [self.SEATS, self.SEATS])
        cid = course_id(code)
        self.assertEqual(sql(f"SELECT teacher_id FROM enrolment WHERE course_id = {cid}"
                             " GROUP BY teacher_id HAVING COUNT(*) > 1"), [])
        now = statuses(code)

        # Every online applicant got a clear answer that agrees with the database.
        outcome = {}
        for tid in applicants:
            r = answers[tid]
            m = re.search(r'data-enrolment-status="([^"]+)"(?: data-reason="([^"]+)")?', r.text)
            self.assertIsNotNone(m, f"teacher {tid}: {r.status} without data-enrolment-status")
            outcome[tid] = (r.status,) + m.groups()
            if m.group(1) == "pending":
                self.assertEqual((r.status, now.get(tid)), (200, "pending"))
            else:
                self.assertIn((r.status, m.group(2)), ((409, "full"), (503, "busy")), outcome[tid])
                self.assertIsNone(now.get(tid), tid)
                self.assertIn("沒有報名成功" if m.group(2) == "full" else "尚未成立", r.text)

        # The batch is served, whoever came first: it waits its turn at the course's lock (a batch
        # that read the seats before locking would give way: 503, or the CHECK's 500). Its answer
        # names exactly those of its teachers who found no seat, in the order sent.
        (b,) = batch_answer
        self.assertIn(b.status, (200, 303), b.text[:800])
        added = [t for t in unit_teachers if now.get(t) == "approved"]
        self.assertTrue(all(now.get(t) in (None, "approved") for t in unit_teachers))
        if b.status == 303:
            self.assertEqual(len(added), self.BATCH)
        else:
            self.assertEqual(not_added(b.text), [t for t in unit_teachers if t not in added])
            self.assertIn(f"已為 {len(added)} 位教師報名並審核通過" if added else "沒有教師報名成功", b.text)
        pending = sum(1 for s in now.values() if s == "pending")
        self.assertEqual(len(added) + pending, self.SEATS)
        print(f"\nL6: batch {b.status}, {len(added)} added by the batch, {pending} online applications took a seat,"
              f" {sum(1 for o in outcome.values() if o[2] == 'full')} full, {sum(1 for o in outcome.values() if o[2] == 'busy')} busy")


if __name__ == "__main__":
    main()
