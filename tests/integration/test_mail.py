"""E-mail (SPEC §3, §8): mail queued in mail_outbox reaches the SMTP sink of the stack once,
decoded correctly, and a mail that could not be sent waits and goes out when the relay is back.
"""
import email
import email.policy
import glob
import os
import time
import unittest
import uuid

import portal

from portal import MAIL_DIR, sink_running as sink_alive, start_mail_sink as start_sink, \
    stop_mail_sink as stop_sink


def wait_for_attempt(mail_id, seconds=10):
    """(sent, attempts, last_error) of the mail once the sender has tried it, or at the deadline."""
    deadline = time.monotonic() + seconds
    while True:
        sent, attempts, error = portal.sql(f"SELECT sent_at IS NOT NULL, attempts, IFNULL(last_error, '')"
                                           f" FROM mail_outbox WHERE id = {mail_id}")[0]
        if int(attempts) > 0 or sent == "1" or time.monotonic() > deadline:
            return sent == "1", int(attempts), error
        time.sleep(0.2)


def queue(to, subject, body):
    """Inserts a mail as mail::enqueue does; returns its outbox id."""
    def quoted(s):
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"
    rows = portal.sql(f"INSERT INTO mail_outbox (to_addr, subject, body)"
                      f" VALUES ({quoted(to)}, {quoted(subject)}, {quoted(body)});"
                      f" SELECT LAST_INSERT_ID()")
    return int(rows[0][0])


def received():
    """Every mail in the sink's directory, parsed."""
    mails = []
    for path in sorted(glob.glob(os.path.join(MAIL_DIR, "*.eml"))):
        with open(path, "rb") as f:
            mails.append(email.message_from_binary_file(f, policy=email.policy.default))
    return mails


def with_token(token):
    return [m for m in received() if token in str(m["Subject"])]


def wait_for(token, count=1, seconds=5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = with_token(token)
        if len(found) >= count:
            return found
        time.sleep(0.1)
    return with_token(token)


class MailTest(unittest.TestCase):
    def setUp(self):
        if not sink_alive():
            start_sink()
        self.token = uuid.uuid4().hex[:12]

    def tearDown(self):
        if not sink_alive():
            start_sink()

    def test_a_queued_mail_arrives_with_its_chinese_subject_and_body(self):
        subject = f"研習課程退回通知 {self.token}"
        body = "王老師您好：\n\n您登錄的研習「校園安全教育」已退回，原因如下：\nA. 請移除屬性標籤\n其他：依據文號有誤\n"
        mail_id = queue("contact@school.example.edu.tw", subject, body)
        found = wait_for(self.token)
        self.assertEqual(len(found), 1, "the mail did not reach the sink within 5 s")
        m = found[0]
        self.assertEqual(str(m["Subject"]), subject)
        self.assertEqual(m["To"], "contact@school.example.edu.tw")
        self.assertEqual(m["X-Sink-Rcpt-To"], "<contact@school.example.edu.tw>")
        self.assertIn("@", m["From"])
        self.assertTrue(m["Message-ID"].startswith(f"<outbox-{mail_id}."))
        self.assertEqual(m.get_content_type(), "text/plain")
        self.assertEqual(m.get_content_charset(), "utf-8")
        self.assertEqual(m.get_content().replace("\r\n", "\n"), body)
        self.assertIsNotNone(m["Date"].datetime)
        self.assertEqual(m["Date"].datetime.utcoffset().total_seconds(), 8 * 3600)
        sent = portal.sql(f"SELECT sent_at IS NOT NULL, attempts FROM mail_outbox WHERE id = {mail_id}")
        self.assertEqual(sent, [["1", "0"]])

    def test_a_long_subject_survives_the_encoding(self):
        subject = self.token + " " + "教師在職進修研習課程退回通知" * 12
        queue("contact@school.example.edu.tw", subject, "內容")
        found = wait_for(self.token)
        self.assertEqual(len(found), 1)
        self.assertEqual(str(found[0]["Subject"]), subject)

    def test_each_mail_is_sent_exactly_once(self):
        tokens = [f"{self.token}-{i}" for i in range(6)]
        ids = [queue(f"contact{i}@school.example.edu.tw", f"通知 {t}", f"第 {i} 封")
               for i, t in enumerate(tokens)]
        for t in tokens:
            wait_for(t)
        time.sleep(5)  # every worker's sender has had several rounds to send a duplicate
        for t in tokens:
            self.assertEqual(len(with_token(t)), 1, t)
        sent = portal.sql("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NOT NULL AND id IN ("
                          + ",".join(map(str, ids)) + ")")
        self.assertEqual(sent, [[str(len(ids))]])

    def test_a_mail_queued_while_the_relay_is_down_waits_and_is_sent_when_it_is_back(self):
        stop_sink()
        mail_id = queue("contact@school.example.edu.tw", f"暫停期間 {self.token}", "稍後送達")
        sent, attempts, error = wait_for_attempt(mail_id)
        self.assertFalse(sent, "sent while the relay was down")
        self.assertGreater(attempts, 0, "no attempt was made")
        self.assertNotEqual(error, "", "the failure was not recorded")
        self.assertEqual(with_token(self.token), [])

        start_sink()
        portal.sql(f"UPDATE mail_outbox SET next_attempt_at = NOW() WHERE id = {mail_id}")
        self.assertEqual(len(wait_for(self.token)), 1, "not delivered after the relay came back")
        self.assertEqual(
            portal.sql_value(f"SELECT sent_at IS NOT NULL FROM mail_outbox WHERE id = {mail_id}"), "1")

    def test_a_mail_the_relay_refuses_for_now_is_retried(self):
        stop_sink()
        start_sink("--fail-first", "1")
        try:
            mail_id = queue("contact@school.example.edu.tw", f"稍候重試 {self.token}", "451 之後")
            sent, attempts, error = wait_for_attempt(mail_id)
            self.assertFalse(sent, "sent although the relay answered 451")
            self.assertEqual(attempts, 1)
            self.assertIn("451", error)
            next_in = int(portal.sql_value(f"SELECT TIMESTAMPDIFF(SECOND, NOW(), next_attempt_at)"
                                           f" FROM mail_outbox WHERE id = {mail_id}"))
            self.assertTrue(3 <= next_in <= 5, next_in)  # the first back-off is 5 s
            self.assertEqual(len(wait_for(self.token, seconds=10)), 1, "not retried")
        finally:
            stop_sink()
            start_sink()

if __name__ == "__main__":
    portal.main()
