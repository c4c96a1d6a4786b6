"""意見交流 (issue 11): anyone signed in writes to the administrator; the message lands in the
administrator's inbox, the answer is mailed to the writer (the contact e-mail typed, else the
account's) and the thread is kept for both; the writer may write again, which reopens it.
Refusals (a bad form, another writer's thread, no CSRF, another role, nobody signed in) change
nothing. What the module makes is removed at the end.
"""
import re
import unittest

import portal
from portal import Client, flash_of, logged_in, main, received_mail, sql, sql_value, token_of, unique

MADE = []


def setUpModule():
    global teacher, other, organizer, admin
    tid, nid = portal.new_teacher(name="意見測試教師")
    sql(f"UPDATE teacher SET email = 'feedback-{tid}@example.edu.tw' WHERE id = {tid}")
    MADE.append(tid)
    teacher, other = logged_in(nid), logged_in("B223456782")
    organizer, admin = logged_in("organizer"), logged_in("admin")


def tearDownModule():
    sql("DELETE FROM feedback WHERE id IN (SELECT feedback_id FROM feedback_message WHERE body LIKE '意見測試%')")
    for tid in MADE:
        portal.delete_teacher(tid)


def write(client, body, category="hours", contact="", csrf=True):
    fields = {"category": category, "body": body, "contact": contact}
    if csrf:
        fields["csrf"] = token_of(client)
    return client.post("/feedback", fields)


def thread_of(body):
    return int(sql_value(f"SELECT feedback_id FROM feedback_message WHERE body = '{body}'"))


def mails_to(address, needle):
    return [m for m in received_mail() if address in str(m["To"]) and needle in m.get_content()]


def wait_mail(address, needle, seconds=10):
    import time
    deadline = time.monotonic() + seconds
    while not mails_to(address, needle) and time.monotonic() < deadline:
        time.sleep(0.2)
    return mails_to(address, needle)


class Threads(unittest.TestCase):
    def test_a_message_reaches_the_inbox_and_the_answer_is_mailed_and_kept(self):
        question = unique("意見測試：時數何時登錄")
        r = write(teacher, question)
        self.assertEqual(r.status, 303, r.text[:400])
        fid = thread_of(question)
        self.assertEqual(r.header("location"), f"/feedback/{fid}")
        page = teacher.get(f"/feedback/{fid}").text
        self.assertIn(question, page)
        self.assertIn('data-state="open"', page)
        inbox = admin.get("/admin/feedback?state=open").text
        self.assertIn(f'data-feedback-id="{fid}"', inbox)
        self.assertIn("意見測試教師", inbox)
        answer = unique("意見測試回覆：名單確認通過後即登錄")
        r = admin.post(f"/admin/feedback/{fid}/reply", {"body": answer, "csrf": token_of(admin)})
        self.assertEqual(r.status, 303)
        address = sql_value(f"SELECT email FROM teacher WHERE id = {MADE[0]}")
        self.assertIn(address, flash_of(admin.get(r.header("location")).text))
        mail = wait_mail(address, answer)
        self.assertEqual(len(mail), 1)
        self.assertIn(question, mail[0].get_content())
        self.assertIn(f"/feedback/{fid}", mail[0].get_content())
        page = teacher.get(f"/feedback/{fid}").text
        self.assertIn(answer, page)
        self.assertIn('data-state="answered"', page)
        self.assertEqual(sql_value(f"SELECT mailed_to FROM feedback_message WHERE body = '{answer}'"), address)
        # Writing again reopens the thread and keeps every message in order.
        again = unique("意見測試：再請教")
        self.assertEqual(teacher.post(f"/feedback/{fid}", {"body": again, "csrf": token_of(teacher)}).status, 303)
        self.assertEqual(sql_value(f"SELECT state FROM feedback WHERE id = {fid}"), "open")
        kinds = re.findall(r'data-kind="(\w+)"', admin.get(f"/admin/feedback/{fid}").text)
        self.assertEqual(kinds, ["question", "answer", "question"])

    def test_a_typed_contact_address_gets_the_answer_and_a_business_account_may_write(self):
        question = unique("意見測試：業務帳號")
        contact = f"contact-{unique('x')}@example.org"
        self.assertEqual(write(organizer, question, category="business", contact=contact).status, 303)
        fid = thread_of(question)
        self.assertIn(contact, admin.get(f"/admin/feedback/{fid}").text)
        answer = unique("意見測試回覆：請洽總負責人")
        admin.post(f"/admin/feedback/{fid}/reply", {"body": answer, "csrf": token_of(admin)})
        self.assertEqual(len(wait_mail(contact, answer)), 1)
        self.assertIn(f'href="/feedback/{fid}"', organizer.get("/feedback").text)

    def test_markup_is_text_and_addresses_are_links(self):
        question = "意見測試" + unique("：<script>x()</script> 見 https://example.tw/a")
        self.assertEqual(write(teacher, question).status, 303)
        page = admin.get(f"/admin/feedback/{thread_of(question)}").text
        self.assertNotIn("<script>x()", page)
        self.assertIn("&lt;script&gt;x()&lt;/script&gt;", page)
        self.assertIn('<a href="https://example.tw/a', page)


class Refusals(unittest.TestCase):
    def counts(self):
        return sql("SELECT (SELECT COUNT(*) FROM feedback), (SELECT COUNT(*) FROM feedback_message),"
                   " (SELECT COUNT(*) FROM mail_outbox)")[0]

    def test_a_bad_form_says_why_and_saves_nothing(self):
        before = self.counts()
        for fields, message in ((dict(body=""), "請填寫「內容」"), (dict(body="x", category="spam"), "類別"),
                                (dict(body="長" * 2001), "2000 字以內"),
                                (dict(body="x", contact="not@mail"), "電子郵件格式不正確")):
            with self.subTest(fields=fields):
                r = write(teacher, **fields)
                self.assertEqual(r.status, 422)
                self.assertIn(message, r.text)
                self.assertIn("意見沒有送出", r.text)
        self.assertEqual(self.counts(), before)

    def test_another_writers_thread_is_not_found_and_roles_are_checked(self):
        question = unique("意見測試：私人")
        write(teacher, question)
        fid = thread_of(question)
        before = self.counts()
        self.assertEqual(other.get(f"/feedback/{fid}").status, 404)
        self.assertEqual(other.post(f"/feedback/{fid}", {"body": "x", "csrf": token_of(other)}).status, 404)
        self.assertNotIn(question, other.get("/feedback").text)
        self.assertEqual(teacher.get("/admin/feedback").status, 403)
        self.assertEqual(teacher.post(f"/admin/feedback/{fid}/reply", {"body": "x", "csrf": token_of(teacher)}).status, 403)
        self.assertEqual(admin.post(f"/admin/feedback/{fid}/reply", {"body": "x"}).status, 403)
        self.assertEqual(admin.post("/admin/feedback/999999/reply", {"body": "x", "csrf": token_of(admin)}).status, 404)
        self.assertEqual(admin.post(f"/admin/feedback/{fid}/reply", {"body": "", "csrf": token_of(admin)}).status, 422)
        anonymous = Client().get("/feedback")
        self.assertEqual(anonymous.status, 303)
        self.assertIn("/login", anonymous.header("location"))
        self.assertEqual(self.counts(), before)


if __name__ == "__main__":
    main()
