"""Course review (SPEC §2 第11條, §3): the reviewer's queue of 課程未確認 courses of its jurisdiction,
oldest first and with automatic flags; approving, returning with reasons (the contacts are told by
e-mail through the SMTP sink, retried when the relay is down), the organizer's resubmission, batch
approval, two reviewers racing, and the Healthchecks matrix of STYLE §9 for every review route.

Courses cannot be deleted physically, so every course made here has a random suffix in its name,
and all of them are set to 課程登錄錯誤 (and leave the search index) at the end.
"""
import html
import re
import threading
import time
import unittest
import urllib.parse

import portal
from portal import (Client, course_history, course_snapshot, course_state, create_course, days_ahead,
                    flash_of, logged_in, queue_codes, queue_flags, reason_ids, session_row, sql, sql_value,
                    token_of, unique, wait_for_mail, write_counts)

CREATED = []
TEMP_ACCOUNTS = []
REASON_A = "A. 請移除屬性標籤"
REASON_B = "B. 依據文號缺漏或錯誤"
REASON_OTHER = "Z. 其他"


def setUpModule():
    global organizer, reviewer, reviewer2
    organizer = logged_in("organizer")
    reviewer = logged_in("reviewer")
    reviewer2 = logged_in("reviewer2")
    portal.start_mail_sink()


def tearDownModule():
    portal.start_mail_sink()
    portal.retire_courses(CREATED)
    for name in TEMP_ACCOUNTS:
        aid = sql_value(f"SELECT id FROM business_account WHERE account_name = '{name}'")
        if aid:
            # The temporary reviewer's decisions on this module's courses stay recorded, as the
            # demo reviewer's, so that the account itself can go.
            sql(f"UPDATE course_history SET actor_id = 3 WHERE actor_id = {aid}")
        portal.delete_business_account(name)


def new_course(prefix, client=None, sessions=None, **overrides):
    code = create_course(client or organizer, unique(prefix), sessions, **overrides)
    CREATED.append(code)
    return code


def reasons_offered(code):
    """{label: id} of the reasons offered on the review page of an unconfirmed course."""
    return reason_ids(reviewer.get(f"/review/courses/{code}").text)


def approve(client, code, token=True):
    fields = {"csrf": token_of(client)} if token else {}
    return client.post(f"/review/courses/{code}/approve", fields)


def give_back(client, code, reasons, note=""):
    """POSTs a return of `code` with the reasons' labels (or raw ids) and a note."""
    ids = portal.return_reason_ids()
    pairs = [("csrf", token_of(client)), ("note", note)]
    pairs += [("reason", ids.get(r, r)) for r in reasons]
    return client.post(f"/review/courses/{code}/return", pairs)


def outbox_of(code):
    """(to_addr, attempts, sent) of the mail queued about `code`."""
    return [tuple(r) for r in sql(f"SELECT to_addr, attempts, sent_at IS NOT NULL FROM mail_outbox"
                                  f" WHERE subject LIKE '%（{code}）%' ORDER BY id")]


def with_red_light_lifted(fn):
    """Runs fn() while one of 文雅國小's five overdue courses counts as closed (4 < 5: not red)."""
    was = portal.set_course_state("5600101", "closed")
    try:
        return fn()
    finally:
        portal.set_course_state("5600101", was)


def taichung_course(prefix):
    red = logged_in("organizer-red")
    return with_red_light_lifted(lambda: new_course(prefix, red, contact1_name="黃承辦", levels=["elementary"]))


def second_reviewer():
    """Another approved 審課人員 of 桃園市政府教育局 (unit 2); returns a signed-in client."""
    name = unique("rv2").replace("-", "")[:30]
    portal.new_business_account(name, unit_id=2, kind="reviewer")
    TEMP_ACCOUNTS.append(name)
    return logged_in(name)


class Routing(unittest.TestCase):
    def test_courses_go_to_the_bureau_of_their_county(self):
        taoyuan = new_course("桃園路由")
        taichung = taichung_course("臺中路由")
        self.assertEqual(sql_value(f"SELECT review_unit_id FROM course WHERE code = '{taoyuan}'"), "2")
        self.assertEqual(sql_value(f"SELECT review_unit_id FROM course WHERE code = '{taichung}'"), "3")
        mine, theirs = reviewer.get("/review"), reviewer2.get("/review")
        self.assertEqual(mine.status, 200)
        self.assertEqual(theirs.status, 200)
        self.assertIn(taoyuan, queue_codes(mine.text))
        self.assertNotIn(taichung, queue_codes(mine.text))
        self.assertIn(taichung, queue_codes(theirs.text))
        self.assertNotIn(taoyuan, queue_codes(theirs.text))


class Queue(unittest.TestCase):
    def test_the_queue_holds_the_jurisdictions_unconfirmed_courses_oldest_first(self):
        a, b, c = new_course("排序甲"), new_course("排序乙"), new_course("排序丙")
        sql(f"UPDATE course SET created_at = NOW() - INTERVAL 3 DAY WHERE code = '{a}'")
        sql(f"UPDATE course SET created_at = NOW() - INTERVAL 1 DAY WHERE code = '{b}'")
        sql(f"UPDATE course SET created_at = NOW() - INTERVAL 2 DAY WHERE code = '{c}'")
        codes = queue_codes(reviewer.get("/review").text)
        self.assertIn("5600003", codes)  # the demo's 課程未確認 course
        for other in ("5600001", "5600004", "5600005", "5600010", "5600101"):
            self.assertNotIn(other, codes)
        self.assertLess(codes.index(a), codes.index(c))
        self.assertLess(codes.index(c), codes.index(b))
        listed = ",".join(f"'{x}'" for x in codes)
        expected = [r[0] for r in sql(f"SELECT code FROM course WHERE code IN ({listed}) ORDER BY created_at, id")]
        self.assertEqual(codes, expected)
        self.assertEqual(sql(f"SELECT DISTINCT state, review_unit_id FROM course WHERE code IN ({listed})"),
                         [["unconfirmed", "2"]])
        # Every 課程未確認 course of the jurisdiction is there.
        waiting = sql_value("SELECT COUNT(*) FROM course WHERE review_unit_id = 2 AND state = 'unconfirmed'")
        self.assertEqual(len(codes), min(300, int(waiting)))


class Flags(unittest.TestCase):
    def flags(self, code):
        found = queue_flags(reviewer.get("/review").text, code)
        self.assertIsNotNone(found, f"{code} is not in the queue")
        page = reviewer.get(f"/review/courses/{code}").text
        on_page = [html.unescape(f) for f in re.findall(r'<li class="flag">(.*?)</li>', page)]
        self.assertEqual(on_page, found, "the course page and the queue disagree on the flags")
        return found

    def test_a_plain_course_has_no_flags(self):
        code = new_course("無提醒課程")
        self.assertEqual(self.flags(code), [])
        row = re.search(r'(?s)<tr data-code="' + code + r'">(.*?)</tr>', reviewer.get("/review").text).group(1)
        self.assertEqual(re.sub(r"<[^>]+>", "", re.findall(r"(?s)<td[^>]*>(.*?)</td>", row)[-1]).strip(), "—")

    def test_a_restricted_activity_is_flagged(self):
        code = new_course("教師理財與養生講座", basis_doc="桃教人字第1140066666號")
        flags = self.flags(code)
        self.assertTrue(any("疑似第9條" in f and "理財" in f for f in flags), flags)

    def test_a_misused_tag_is_flagged(self):
        code = new_course("數學差異化教學", tags=["2"])
        self.assertIn("屬性標籤「基本救命術訓練」與課程內容不符", self.flags(code))
        fitting = new_course("基本救命術 CPR 與 AED 實作", tags=["2"])
        self.assertFalse(any("屬性標籤" in f for f in self.flags(fitting)))

    def test_a_missing_basis_doc_is_flagged(self):
        code = new_course("跨校數學研習", scope="cross", basis_doc="桃教資字第1140055555號")
        self.assertFalse(any("缺依據文號" in f for f in self.flags(code)))
        sql(f"UPDATE course SET basis_doc = NULL WHERE code = '{code}'")
        self.assertIn("缺依據文號", self.flags(code))

    def test_a_late_registration_is_flagged(self):
        code = new_course("逾期登錄研習", sessions=[session_row(days_ahead(10))])
        self.assertFalse(any("逾期登錄" in f for f in self.flags(code)))
        sql(f"UPDATE course SET created_at = first_date - INTERVAL 3 DAY WHERE code = '{code}'")
        self.assertIn("逾期登錄：研習前不足 7 天", self.flags(code))

    def test_hours_above_the_sessions_and_a_same_named_course_are_flagged(self):
        title = unique("同名研習")
        first = create_course(organizer, title, [session_row(days_ahead(20))])
        second = create_course(organizer, title, [session_row(days_ahead(27))])
        CREATED.extend([first, second])
        sql(f"UPDATE course SET hours = 5 WHERE code = '{second}'")
        flags = self.flags(second)
        self.assertIn("申報 5 小時，依第10條計算僅 3 小時", flags)
        self.assertTrue(any("疑似重複登錄" in f for f in flags), flags)


class Approve(unittest.TestCase):
    def test_an_approved_course_is_public_and_leaves_the_queue(self):
        code = new_course("核准課程")
        r = approve(reviewer, code)
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("location"), "/review")
        page = reviewer.get("/review").text
        self.assertIn("已確認通過", flash_of(page))
        self.assertNotIn(code, queue_codes(page))
        self.assertEqual(course_state(code), "approved")
        self.assertEqual(course_history(code)[-1], ("unconfirmed", "approved", "3", "NULL"))
        self.assertEqual(len(course_history(code)), 2)
        self.assertEqual(Client().get(f"/courses/{code}").status, 200)
        own = organizer.get(f"/office/courses/{code}").text
        self.assertIn('data-state="approved">課程確認通過<', own)
        self.assertIn("陳審課", own)

    def test_the_search_finds_a_course_once_approved_and_loses_it_once_retired(self):
        # Signed in, so no cached page answers (the stack reloads the search index at once).
        words = unique("即時搜尋")
        code = new_course(words)  # its title is `words` plus a further suffix

        def found():
            return re.findall(r"代碼 (\d{7})", organizer.get("/courses?q=" + urllib.parse.quote(words)).text)
        self.assertEqual(found(), [])
        self.assertEqual(approve(reviewer, code).status, 303)
        self.assertEqual(found(), [code])
        portal.retire_courses([code])
        self.assertEqual(found(), [])

    def test_approving_twice_is_409_and_changes_nothing(self):
        code = new_course("重複核准")
        self.assertEqual(approve(reviewer, code).status, 303)
        before, counts = course_snapshot(code), write_counts()
        r = approve(reviewer, code)
        self.assertEqual(r.status, 409)
        self.assertIn("已不在待審狀態", r.text)
        self.assertIn("課程確認通過", r.text)
        self.assertEqual(course_snapshot(code), before)
        self.assertEqual(write_counts(), counts)

    def test_a_decided_course_can_be_neither_approved_nor_returned(self):
        for state in ("returned", "approved", "roster_submitted", "closed", "deleted"):
            with self.subTest(state=state):
                code = new_course("已處理" + state)
                portal.set_course_state(code, state)
                before, counts = course_snapshot(code), write_counts()
                self.assertEqual(approve(reviewer, code).status, 409)
                self.assertEqual(give_back(reviewer, code, [REASON_A]).status, 409)
                self.assertEqual(course_snapshot(code), before)
                self.assertEqual(write_counts(), counts)
                self.assertIn("此課程已審核", reviewer.get(f"/review/courses/{code}").text)


class Return(unittest.TestCase):
    def test_the_return_form_offers_the_administrators_reasons(self):
        offered = reasons_offered(new_course("退回理由清單"))
        for label in (REASON_A, REASON_B, REASON_OTHER):
            self.assertIn(label, offered)
        active = [r[0] for r in sql("SELECT label FROM return_reason WHERE active AND used_for = 'course'"
                                    " ORDER BY sort_order, id")]
        self.assertEqual(list(offered), active)

    def test_a_bad_return_is_422_and_changes_nothing(self):
        code = new_course("退回輸入錯誤")
        before, counts = course_snapshot(code), write_counts()
        cases = [([], "", "請至少勾選一項"),
                 (["9999"], "說明", "請至少勾選一項"),
                 (["abc"], "", "請至少勾選一項"),
                 ([REASON_OTHER], "", "其他"),
                 ([REASON_OTHER], "   ", "其他"),
                 ([REASON_A], "長" * 1001, "1000 字")]
        for reasons, note, words in cases:
            with self.subTest(reasons=reasons, note=note[:3]):
                r = give_back(reviewer, code, reasons, note)
                self.assertEqual(r.status, 422)
                self.assertIn(words, r.text)
                self.assertIn("課程沒有退回", r.text)
        self.assertEqual(course_snapshot(code), before)
        self.assertEqual(write_counts(), counts)
        self.assertEqual(outbox_of(code), [])

    def test_a_return_tells_both_contacts_the_reasons_and_the_organizer_resubmits(self):
        title = unique("退回後重送")
        code = create_course(organizer, title, contact1_email="lin.contact@example.edu.tw",
                             contact2_email="chang.contact@example.edu.tw")
        CREATED.append(code)
        note = "請將「基本救命術訓練」標籤移除，並補上桃園市政府核定文號。"
        r = give_back(reviewer, code, [REASON_A, REASON_B], note)
        self.assertEqual(r.status, 303)
        self.assertEqual(course_state(code), "returned")
        self.assertEqual(course_history(code)[-1], ("unconfirmed", "returned", "3", note))
        self.assertEqual(sql(f"SELECT r.label FROM course_history_reason hr JOIN return_reason r ON r.id = hr.reason_id"
                             f" JOIN course_history h ON h.id = hr.history_id JOIN course c ON c.id = h.course_id"
                             f" WHERE c.code = '{code}' ORDER BY r.sort_order"), [[REASON_A], [REASON_B]])
        self.assertEqual(sorted(a for a, _, _ in outbox_of(code)),
                         ["chang.contact@example.edu.tw", "lin.contact@example.edu.tw"])

        # The mail, as the contacts' mail programs decode it.
        mails = wait_for_mail(f"（{code}）", count=2, seconds=10)
        self.assertEqual(len(mails), 2, "the return mails did not reach the SMTP sink within 10 s")
        self.assertEqual(sorted(m["To"] for m in mails), ["chang.contact@example.edu.tw", "lin.contact@example.edu.tw"])
        for m in mails:
            self.assertEqual(str(m["Subject"]), f"【全國教師在職進修資訊網】研習課程確認未通過：{title}（{code}）")
            body = m.get_content()
            for text in (REASON_A, REASON_B, note, code, title, "課程確認未通過", f"/office/courses/{code}"):
                self.assertIn(text, body)

        # The organizer sees the reasons where they look first, and the history.
        page = organizer.get(f"/office/courses/{code}").text
        shown = re.search(r'<ul class="reasons">(.*?)</ul>', page, re.S)
        self.assertIsNotNone(shown)
        for text in (REASON_A, REASON_B, note):
            self.assertIn(html.escape(text, quote=False), shown.group(1))
        self.assertIn("陳審課", page)

        # Edit and resubmit: back to 課程未確認 and into the queue.
        form = organizer.get(f"/office/courses/{code}/edit")
        self.assertEqual(form.status, 200)
        self.assertEqual(portal.input_value(form.text, "title"), title)
        r = organizer.post(f"/office/courses/{code}/edit", [("csrf", token_of(organizer))] +
                           portal.course_fields(title, scope="cross", basis_doc="桃教資字第1140044444號",
                                                contact1_email="lin.contact@example.edu.tw",
                                                contact2_email="chang.contact@example.edu.tw"))
        self.assertEqual(r.status, 303)
        self.assertEqual(course_state(code), "unconfirmed")
        self.assertEqual(course_history(code)[-1][:3], ("returned", "unconfirmed", "1"))
        self.assertIn(code, queue_codes(reviewer.get("/review").text))
        self.assertEqual(approve(reviewer, code).status, 303)
        self.assertEqual([h[:2] for h in course_history(code)],
                         [("NULL", "unconfirmed"), ("unconfirmed", "returned"), ("returned", "unconfirmed"),
                          ("unconfirmed", "approved")])

    def test_a_failed_send_is_retried_and_the_return_is_kept(self):
        code = new_course("寄信失敗重試")
        portal.stop_mail_sink()
        try:
            r = give_back(reviewer, code, [REASON_A])
            self.assertEqual(r.status, 303)
            self.assertEqual(course_state(code), "returned")
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                rows = outbox_of(code)
                if rows and all(int(attempts) > 0 for _, attempts, _ in rows):
                    break
                time.sleep(0.3)
            self.assertEqual(len(rows), 2)
            for _, attempts, sent in rows:
                self.assertGreater(int(attempts), 0, "the sender never tried while the relay was down")
                self.assertEqual(sent, "0")
            self.assertEqual(sql_value(f"SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE '%（{code}）%'"
                                       f" AND last_error IS NULL"), "0")
            self.assertEqual(course_state(code), "returned")
        finally:
            portal.start_mail_sink()
        sql(f"UPDATE mail_outbox SET next_attempt_at = NOW() WHERE subject LIKE '%（{code}）%' AND sent_at IS NULL")
        mails = wait_for_mail(f"（{code}）", count=2, seconds=10)
        self.assertEqual(len(mails), 2, "the retried mails did not arrive")
        self.assertIn(REASON_A, mails[0].get_content())
        self.assertEqual({sent for _, _, sent in outbox_of(code)}, {"1"})
        self.assertEqual(course_state(code), "returned")


class BatchApprove(unittest.TestCase):
    def test_several_courses_are_approved_at_once(self):
        codes = [new_course(f"批次核准{i}") for i in range(3)]
        pairs = [("csrf", token_of(reviewer))] + [("code", c) for c in codes]
        r = reviewer.post("/review/approve", pairs)
        self.assertEqual(r.status, 303)
        self.assertIn("已確認通過 3 門課程", flash_of(reviewer.get("/review").text))
        for c in codes:
            self.assertEqual(course_state(c), "approved")
            self.assertEqual(course_history(c)[-1], ("unconfirmed", "approved", "3", "NULL"))

    def test_courses_outside_the_jurisdiction_or_already_decided_are_skipped_and_named(self):
        good = new_course("批次核准混合")
        decided = new_course("批次已退回")
        portal.set_course_state(decided, "returned")
        outside = taichung_course("批次他縣市")
        before = {c: course_snapshot(c) for c in (decided, outside, "5600010")}
        pairs = [("csrf", token_of(reviewer))] + [("code", c) for c in (good, decided, outside, "5600010", "9999999")]
        r = reviewer.post("/review/approve", pairs)
        self.assertEqual(r.status, 303)
        flash = flash_of(reviewer.get("/review").text)
        self.assertIn("已確認通過 1 門課程", flash)
        for c in (decided, outside, "5600010", "9999999"):
            self.assertIn(c, flash)
        self.assertEqual(course_state(good), "approved")
        for c, snap in before.items():
            self.assertEqual(course_snapshot(c), snap)

    def test_three_hundred_courses_from_a_stale_queue_get_a_clear_answer(self):
        # "一次最多 300 門": a reviewer's stale queue page whose courses were mostly decided since.
        fresh = [new_course(f"批次三百{i}") for i in range(2)]
        decided = [r[0] for r in sql("SELECT code FROM course WHERE review_unit_id = 2 AND state <> 'unconfirmed'"
                                     " ORDER BY id LIMIT 298")]
        codes = fresh + decided + [f"{9000000 + i}" for i in range(298 - len(decided))]
        self.assertEqual(len(codes), 300)
        r = reviewer.post("/review/approve", [("csrf", token_of(reviewer))] + [("code", c) for c in codes])
        for c in fresh:
            self.assertEqual(course_state(c), "approved")
        self.assertEqual(r.status, 303, "the approvals were committed but the reviewer got an error page")
        self.assertIn("已確認通過 2 門課程", flash_of(reviewer.get("/review").text))

    def test_an_empty_selection_is_422(self):
        counts = write_counts()
        r = reviewer.post("/review/approve", {"csrf": token_of(reviewer)})
        self.assertEqual(r.status, 422)
        self.assertIn("請勾選要確認通過的課程", r.text)
        self.assertEqual(write_counts(), counts)


class Races(unittest.TestCase):
    """Two reviewers of one bureau act on one course at once: one wins, the other is told."""

    @classmethod
    def setUpClass(cls):
        cls.other = second_reviewer()

    def race(self, first, second):
        barrier = threading.Barrier(2)
        results = [None, None]

        def run(i, action):
            barrier.wait()
            results[i] = action()

        threads = [threading.Thread(target=run, args=(0, first)), threading.Thread(target=run, args=(1, second))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        return results

    def test_approve_against_return(self):
        for round_ in range(4):
            with self.subTest(round=round_):
                code = new_course(f"競速核准退回{round_}")
                ids = portal.return_reason_ids()
                other_token, reviewer_token = token_of(self.other), token_of(reviewer)
                a, b = self.race(
                    lambda: reviewer.post(f"/review/courses/{code}/approve", {"csrf": reviewer_token}),
                    lambda: self.other.post(f"/review/courses/{code}/return",
                                            [("csrf", other_token), ("reason", ids[REASON_A]), ("note", "")]))
                self.assertEqual(sorted([a.status, b.status]), [303, 409])
                loser = a if a.status == 409 else b
                self.assertIn("已由其他審課人員處理", loser.text)
                history = course_history(code)
                self.assertEqual(len(history), 2, history)
                if a.status == 303:
                    self.assertEqual(course_state(code), "approved")
                    self.assertEqual(outbox_of(code), [], "a mail went out about a return that lost")
                else:
                    self.assertEqual(course_state(code), "returned")
                    self.assertEqual(len(outbox_of(code)), 2)

    def test_approve_against_approve(self):
        for round_ in range(4):
            with self.subTest(round=round_):
                code = new_course(f"競速雙核准{round_}")
                t1, t2 = token_of(reviewer), token_of(self.other)
                a, b = self.race(lambda: reviewer.post(f"/review/courses/{code}/approve", {"csrf": t1}),
                                 lambda: self.other.post(f"/review/courses/{code}/approve", {"csrf": t2}))
                self.assertEqual(sorted([a.status, b.status]), [303, 409])
                self.assertEqual(course_state(code), "approved")
                self.assertEqual(len(course_history(code)), 2)

    def test_a_stale_page_is_told_the_course_was_decided(self):
        code = new_course("過期審核頁面")
        page = self.other.get(f"/review/courses/{code}").text
        self.assertIn('id="return"', page)
        self.assertEqual(approve(reviewer, code).status, 303)
        before, counts = course_snapshot(code), write_counts()
        r = give_back(self.other, code, [REASON_A], "晚了一步")
        self.assertEqual(r.status, 409)
        self.assertIn("已由其他審課人員處理", r.text)
        self.assertIn("課程確認通過", r.text)
        self.assertEqual(course_snapshot(code), before)
        self.assertEqual(write_counts(), counts)


class Matrix(unittest.TestCase):
    """STYLE §9 for review.approve, review.return and review.approve_many."""

    @classmethod
    def setUpClass(cls):
        cls.code = new_course("審核權限矩陣")
        cls.ids = portal.return_reason_ids()

    def actions(self, code=None):
        code = code or self.code
        return [(f"/review/courses/{code}/approve", []),
                (f"/review/courses/{code}/return", [("reason", self.ids[REASON_A]), ("note", "")]),
                ("/review/approve", [("code", code)])]

    def assert_unchanged(self, before, counts):
        self.assertEqual(course_snapshot(self.code), before)
        self.assertEqual(write_counts(), counts)

    def test_a_reviewer_of_another_county_can_neither_see_nor_act(self):
        before, counts = course_snapshot(self.code), write_counts()
        self.assertEqual(reviewer2.get(f"/review/courses/{self.code}").status, 404)
        self.assertNotIn(self.code, queue_codes(reviewer2.get("/review").text))
        for path, fields in self.actions()[:2]:
            with self.subTest(path=path):
                self.assertEqual(reviewer2.post(path, [("csrf", token_of(reviewer2))] + fields).status, 404)
        r = reviewer2.post("/review/approve", [("csrf", token_of(reviewer2)), ("code", self.code)])
        self.assertEqual(r.status, 303)
        self.assertIn(self.code, flash_of(reviewer2.get("/review").text))  # named as skipped
        self.assert_unchanged(before, counts)
        # And 桃園's reviewer cannot reach 臺中's courses.
        self.assertEqual(reviewer.get("/review/courses/5600101").status, 404)
        self.assertEqual(approve(reviewer, "5600101").status, 404)

    def test_organizers_teachers_and_the_administrator_are_refused(self):
        clients = {a: logged_in(a) for a in ("organizer", "master", "organizer-red", "A123456789", "admin")}
        before, counts = course_snapshot(self.code), write_counts()
        for account, c in clients.items():
            with self.subTest(account=account, path="/review"):
                self.assertEqual(c.get("/review").status, 403)
                self.assertEqual(c.get(f"/review/courses/{self.code}").status, 403)
            for path, fields in self.actions():
                with self.subTest(account=account, path=path):
                    self.assertEqual(c.post(path, [("csrf", token_of(c))] + fields).status, 403)
        self.assert_unchanged(before, counts)

    def test_anonymous_visitors_are_sent_to_login(self):
        before, counts = course_snapshot(self.code), write_counts()
        for path in ("/review", f"/review/courses/{self.code}"):
            r = Client().get(path)
            self.assertEqual(r.status, 303)
            self.assertTrue(r.header("location").startswith("/login?next="))
        for path, fields in self.actions():
            with self.subTest(path=path):
                c = Client()
                r = c.post(path, [("csrf", c.csrf_from("/login"))] + fields)
                self.assertEqual(r.status, 303)
                self.assertTrue(r.header("location").startswith("/login?next="))
        self.assert_unchanged(before, counts)

    def test_get_on_a_post_route_is_405(self):
        for path, _ in self.actions():
            with self.subTest(path=path):
                r = reviewer.get(path)
                self.assertEqual(r.status, 405)
                self.assertEqual(r.header("allow"), "POST")

    def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(self):
        before, counts = course_snapshot(self.code), write_counts()
        for path, fields in self.actions():
            for token in (None, "bogus", token_of(organizer)):
                with self.subTest(path=path, token=(token or "")[:6]):
                    pairs = fields if token is None else [("csrf", token)] + fields
                    r = reviewer.post(path, pairs)
                    self.assertEqual(r.status, 403)
                    self.assertIn("表單已過期或來源不明", r.text)
        self.assert_unchanged(before, counts)

    def test_an_unknown_code_is_404(self):
        counts = write_counts()
        for code in ("9999999", "abc", "%E4%B8%AD"):  # the last one is 中
            with self.subTest(code=code):
                self.assertEqual(reviewer.get(f"/review/courses/{code}").status, 404)
            for path, fields in self.actions(code)[:2]:
                with self.subTest(path=path):
                    self.assertEqual(reviewer.post(path, [("csrf", token_of(reviewer))] + fields).status, 404)
        self.assertEqual(write_counts(), counts)


if __name__ == "__main__":
    portal.main()
