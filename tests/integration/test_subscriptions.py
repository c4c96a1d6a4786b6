"""研習資訊訂閱 (issue 11, 第5條): a teacher saves searches on /teacher/subscriptions or with
「訂閱此搜尋」 on the search page; the daily digest (the scheduler's subscriptions.digest, run here
as `portal-tool scheduler --once`) mails the newly approved public courses that match, at most one
mail a day and never a course twice; the signed link in the mail unsubscribes without logging in.
Refusals (no condition, a bad filter, a duplicate, an eleventh, another teacher's, no CSRF, a
forged link) change nothing.
"""
import os
import re
import subprocess
import unittest
import urllib.parse

import portal
from portal import (ROOT, VAR, Client, course_fields, create_course, flash_of, logged_in, main, received_mail, sql,
                    sql_value, token_of, unique)

CREATED = []
STATE = {}


def setUpModule():
    tid, nid = portal.new_teacher(name="訂閱測試教師")
    email = f"subscriber-{tid}@example.edu.tw"
    sql(f"UPDATE teacher SET email = '{email}' WHERE id = {tid}")
    other_id, other_nid = portal.new_teacher(name="訂閱測試另一位")
    STATE.update(tid=tid, email=email, other=other_id, keyword=unique("訂閱關鍵字").replace("-", ""))
    global teacher, other, organizer, reviewer
    teacher, other = logged_in(nid), logged_in(other_nid)
    organizer, reviewer = logged_in("organizer"), logged_in("reviewer")


def tearDownModule():
    portal.retire_courses(CREATED)
    for tid in (STATE["tid"], STATE["other"]):
        for table in ("subscription_sent", "subscription_digest", "subscription"):
            sql(f"DELETE FROM {table} WHERE teacher_id = {int(tid)}")
        portal.delete_teacher(tid)


def subscribe(client=None, csrf=True, **fields):
    client = client or teacher
    if csrf:
        fields["csrf"] = token_of(client)
    return client.post("/teacher/subscriptions", fields)


def subscriptions_of(tid):
    return [r[0] for r in sql(f"SELECT search FROM subscription WHERE teacher_id = {int(tid)} ORDER BY id")]


def approved_course(title):
    """A course of 內壢國中 (桃園市) registered and approved through the pages, as it becomes public."""
    code = create_course(organizer, title)
    CREATED.append(code)
    r = reviewer.post(f"/review/courses/{code}/approve", {"csrf": token_of(reviewer)})
    assert r.status == 303, r.status
    return code


def run_digest():
    """One scheduler pass with the digest's hour at midnight, whatever the test stack says."""
    conf = os.path.join(VAR, "portal.conf")
    mine = os.path.join(VAR, "digest-test.conf")
    with open(conf) as f, open(mine, "w") as out:
        out.write("".join(line for line in f if not line.startswith("digest_hour=")) + "digest_hour=0\n")
    done = subprocess.run([os.path.join(ROOT, "build", "portal-tool"), "scheduler", "--once", "--config", mine],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def next_day():
    """As if the day had passed for the teacher's digest. (The stack's own scheduler runs the
    digest too, every minute: whichever pass sends a mail, it is sent once.)"""
    sql(f"UPDATE subscription_digest SET last_run_on = CURDATE() - INTERVAL 1 DAY WHERE teacher_id = {STATE['tid']}")


def digests(seconds=10):
    """The digest mails the test teacher received so far, once the outbox has delivered them."""
    import time
    deadline = time.monotonic() + seconds
    while True:
        queued = int(sql_value(f"SELECT COUNT(*) FROM mail_outbox WHERE to_addr = '{STATE['email']}'"
                               f" AND subject LIKE '%研習資訊訂閱%'"))
        found = [m for m in received_mail() if STATE["email"] in str(m["To"]) and "研習資訊訂閱" in str(m["Subject"])]
        if len(found) >= queued or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


class Saving(unittest.TestCase):
    def test_a_search_is_saved_listed_and_described_in_words(self):
        word = unique("閱讀素養")
        r = subscribe(q=word, county="3", level="junior_high", open="1")
        self.assertEqual(r.status, 303, r.text[:400])
        flash = flash_of(teacher.get(r.header("location")).text)
        self.assertIn(f"關鍵字「{word}」、桃園市、國中、只看開放報名", flash)
        self.assertIn(f"q={urllib.parse.quote(word)}&county=3&level=junior_high&open=1", subscriptions_of(STATE["tid"]))
        page = teacher.get("/teacher/subscriptions").text
        self.assertIn(f"關鍵字「{word}」", page)
        self.assertIn('href="/courses?q=', page)

    def test_the_search_page_offers_to_subscribe_to_the_same_conditions(self):
        word = unique("搜尋訂閱")
        path = "/courses?q=" + urllib.parse.quote(word) + "&county=3&page=2"
        page = teacher.get(path).text
        self.assertIn("訂閱此搜尋", page)
        fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">',
                                 page.split('class="subscribe-search"')[1].split("</form>")[0]))
        self.assertEqual(set(fields), {"csrf", "q", "county"})
        self.assertEqual(teacher.post("/teacher/subscriptions", fields).status, 303)
        self.assertIn(f"q={urllib.parse.quote(word)}&county=3", subscriptions_of(STATE["tid"]))
        self.assertNotIn("訂閱此搜尋", Client().get(path).text)
        self.assertNotIn("訂閱此搜尋", teacher.get("/courses").text)  # nothing to follow

    def test_refusals_say_why_and_save_nothing(self):
        before = sql("CHECKSUM TABLE subscription")
        for fields, status, message in (({}, 422, "請至少設定一個條件"), ({"q": "   "}, 422, "請至少設定一個條件"),
                                        ({"county": "999"}, 422, "請從選單選擇縣市"),
                                        ({"tag": "999"}, 422, "請從選單選擇屬性標籤"),
                                        ({"level": "nursery"}, 422, "請從選單選擇適用層級")):
            with self.subTest(fields=fields):
                r = subscribe(**fields)
                self.assertEqual(r.status, status)
                self.assertIn(message, r.text)
                self.assertIn("沒有新增訂閱", r.text)
        self.assertEqual(subscribe(csrf=False, q="不應存在").status, 403)
        anonymous = Client().post("/teacher/subscriptions", {"q": "x"})
        self.assertIn(anonymous.status, (303, 403))
        if anonymous.status == 303:
            self.assertIn("/login", anonymous.header("location"))
        self.assertEqual(sql("CHECKSUM TABLE subscription"), before)

    def test_a_duplicate_and_an_eleventh_are_refused(self):
        word = unique("重複")
        self.assertEqual(subscribe(client=other, q=word).status, 303)
        r = subscribe(client=other, q=word)
        self.assertEqual(r.status, 409)
        self.assertIn("您已訂閱相同條件的搜尋", r.text)
        while len(subscriptions_of(STATE["other"])) < 10:
            self.assertEqual(subscribe(client=other, q=unique("填滿")).status, 303)
        r = subscribe(client=other, q=unique("第十一個"))
        self.assertEqual(r.status, 409)
        self.assertIn("每人最多 10 個訂閱", r.text)
        self.assertEqual(len(subscriptions_of(STATE["other"])), 10)

    def test_a_teacher_deletes_only_their_own(self):
        self.assertEqual(subscribe(q=unique("自己的")).status, 303)
        sid = sql_value(f"SELECT MAX(id) FROM subscription WHERE teacher_id = {STATE['tid']}")
        self.assertEqual(other.post(f"/teacher/subscriptions/{sid}/delete", {"csrf": token_of(other)}).status, 404)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM subscription WHERE id = {sid}"), "1")
        self.assertEqual(teacher.post(f"/teacher/subscriptions/{sid}/delete", {"csrf": token_of(teacher)}).status, 303)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM subscription WHERE id = {sid}"), "0")


class Digest(unittest.TestCase):
    def test_the_digest_sends_each_new_course_once_a_day_and_the_mailed_link_unsubscribes(self):
        keyword = STATE["keyword"]
        self.assertEqual(subscribe(q=keyword, county="3").status, 303)
        sql(f"UPDATE subscription SET created_at = NOW() - INTERVAL 1 MINUTE WHERE teacher_id = {STATE['tid']}")
        first = approved_course(f"{keyword}工作坊甲")
        not_matching = approved_course(unique("不相干的研習"))
        next_day()  # the stack's own scheduler may have taken today before the courses were approved
        run_digest()
        mails = digests()
        self.assertEqual(len(mails), 1)
        body = mails[0].get_content()
        self.assertIn(first, body)
        self.assertIn(f"/courses/{first}", body)
        self.assertNotIn(not_matching, body)
        self.assertIn(f"【關鍵字「{keyword}」、桃園市】", body)

        # The same day: nothing more, even with a new course; the next day only the new one.
        second = approved_course(f"{keyword}工作坊乙")
        run_digest()
        self.assertEqual(len(digests()), 1)
        next_day()
        run_digest()
        mails = digests()
        self.assertEqual(len(mails), 2)
        latest = mails[-1].get_content()
        self.assertIn(second, latest)
        self.assertNotIn(first, latest)
        next_day()
        run_digest()
        self.assertEqual(len(digests()), 2, "nothing new: no mail")
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM subscription_sent WHERE teacher_id = {STATE['tid']}"
                                   f" AND course_id IN (SELECT id FROM course WHERE code IN ('{first}', '{second}'))"), "2")

        # The mailed link to leave every subscription: a page, then a POST, without logging in.
        link = re.search(r"取消所有訂閱（不需登入）：(\S+)", latest).group(1)
        path = urllib.parse.urlparse(link).path
        forged = path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")
        self.assertEqual(Client().get(forged).status, 404)
        visitor = Client()
        page = visitor.get(path)
        self.assertEqual(page.status, 200)
        self.assertIn(f"關鍵字「{keyword}」", page.text)
        self.assertEqual(visitor.post(forged, {"csrf": visitor.csrf_from(path)}).status, 404)
        self.assertEqual(visitor.post(path, {}).status, 403)
        self.assertNotEqual(subscriptions_of(STATE["tid"]), [])
        done = visitor.post(path, {"csrf": visitor.csrf_from(path)})
        self.assertEqual(done.status, 200)
        self.assertIn("已取消", done.text)
        self.assertEqual(subscriptions_of(STATE["tid"]), [])
        self.assertIn("已經取消", visitor.get(path).text)

        approved_course(f"{keyword}工作坊丙")
        next_day()
        run_digest()
        self.assertEqual(len(digests()), 2, "unsubscribed: no more mail")


if __name__ == "__main__":
    main()
