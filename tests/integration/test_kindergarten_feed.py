"""全國教保資訊網's nightly kindergarten feed (issue 10), run as an administrator runs it by hand
(`nginx/portalctl kindergarten-feed DIR` with the test stack's settings) and as the scheduler runs
it (`portal-tool scheduler --once`): a file's rows change unit and 在職 status through the
總負責人's own writes, audited as the feed, and report what they changed and refused, in the
database and on the command's output; the same content again changes nothing; a malformed file
changes nothing at all; a teacher the feed marks 離職 is records-only at once; the files move to
done/ or rejected/. A kindergarten's 總負責人 sees the last run and may not edit its teachers.
Every file is dropped in a directory of the test's own, so the stack's background scheduler
(whose directory stays empty) never takes one.
"""
import os
import shutil
import subprocess
import tempfile
import unittest

import portal
from portal import logged_in, main, sql, sql_value, token_of, unique

HEADER = "身分證字號,姓名,園所代碼,在職狀態,異動日期,審核狀態"
JUNIOR_HIGH = 4  # 內壢國中 (034525), not a kindergarten
UNITS, TEACHERS, ACCOUNTS, DIRS = [], [], [], []
FIRST_RUN = int(sql_value("SELECT IFNULL(MAX(id), 0) FROM kindergarten_feed_run"))


def tearDownModule():
    sql(f"DELETE FROM kindergarten_feed_run WHERE id > {FIRST_RUN}")
    for tid in TEACHERS:
        portal.delete_teacher(tid)
    for name in ACCOUNTS:
        portal.delete_business_account(name)
    for uid in UNITS:
        portal.delete_unit(uid)
    for d in DIRS:
        shutil.rmtree(d, ignore_errors=True)


def kindergarten(name="測試幼兒園"):
    uid = portal.new_unit(unique(name), level="kindergarten")
    UNITS.append(uid)
    return uid, sql_value(f"SELECT code FROM unit WHERE id = {uid}")


def teacher(unit_id, employment="active", staff=True):
    tid, nid = portal.new_teacher(unit_id=unit_id, employment=employment, name=unique("幼教"))
    TEACHERS.append(tid)
    if staff:
        sql(f"UPDATE teacher SET is_kindergarten_staff = TRUE WHERE id = {tid}")
    return tid, nid


def state_of(*ids):
    listed = ",".join(str(int(i)) for i in ids)
    return sql("SELECT id, IFNULL(unit_id, 'NULL'), employment, IFNULL(employment_note, 'NULL'),"
               " IFNULL(employment_changed_on, 'NULL'), is_kindergarten_staff FROM teacher"
               f" WHERE id IN ({listed}) ORDER BY id")


def feed_audit(tid):
    return sql(f"SELECT action, detail FROM audit_log WHERE object = 't:{int(tid)}' AND actor = 'f:kindergarten'"
               " ORDER BY id")


def new_dir():
    d = tempfile.mkdtemp(prefix="kindergarten-feed-")
    DIRS.append(d)
    return d


def drop(directory, name, rows, header=HEADER, encoding="utf-8", newline="\n"):
    path = os.path.join(directory, name)
    with open(path, "wb") as f:
        f.write(newline.join([header] + rows + [""]).encode(encoding))
    return path


def run_by_hand(directory):
    env = {**os.environ, "PORTAL_VAR": portal.VAR}
    return subprocess.run([os.path.join(portal.ROOT, "nginx", "portalctl"), "kindergarten-feed", directory],
                          env=env, capture_output=True, text=True, timeout=120)


def last_run():
    return sql("SELECT id, started_by, outcome, IFNULL(error, ''), rows_read, changed, unchanged, skipped, refused"
               f" FROM kindergarten_feed_run WHERE id > {FIRST_RUN} ORDER BY id DESC LIMIT 1")[0]


def lines_of(run_id):
    return {int(n): (outcome, reason, masked) for n, outcome, reason, masked in sql(
        "SELECT line_no, outcome, IFNULL(reason, ''), masked_id FROM kindergarten_feed_line"
        f" WHERE run_id = {int(run_id)} ORDER BY line_no")}


def mask(national_id):
    return national_id[:3] + "****" + national_id[7:]


def today():
    return sql_value("SELECT CURDATE()")


class Feed(unittest.TestCase):
    def test_a_file_is_applied_reported_and_moved_and_again_changes_nothing(self):
        k1, code1 = kindergarten()
        k2, code2 = kindergarten()
        joins, _ = teacher(None, "left", staff=False)
        leaves, _ = teacher(k1)
        stays, _ = teacher(k1)
        school, _ = teacher(JUNIOR_HIGH, staff=False)
        moves, _ = teacher(k2)
        elsewhere, _ = teacher(k2)
        ids = (joins, leaves, stays, school, moves, elsewhere)
        nid = {t: portal.national_id_of(t) for t in ids}
        unknown, no_unit, at_school = (portal.unused_national_id() for _ in range(3))
        bad_digit = nid[stays][:9] + str((int(nid[stays][9]) + 1) % 10)
        day = sql_value("SELECT CURDATE() - INTERVAL 3 DAY")
        rows = [
            f"{nid[joins]},加入者,{code1},在職,{day},已審核",             # 2 changed: attached
            f"{nid[leaves]},離職者,{code1},離職,{day},已審核",            # 3 changed: departure
            f"{nid[stays]},留任者,{code1},在職,{day},已審核",             # 4 unchanged
            f"{nid[stays]},留任者,{code2},轉校,{day},異動待審",           # 5 skipped
            f"{nid[school]},國中教師,{code1},在職,{day},已審核",          # 6 refused: serving_elsewhere
            f"{nid[moves]},換園者,{code1},在職,{day},已審核",             # 7 changed: kindergarten to kindergarten
            f"{nid[elsewhere]},他園者,{code1},離職,{day},已審核",         # 8 refused: not_at_unit
            f"{unknown},無帳號,{code1},在職,{day},已審核",                # 9 refused: unknown_teacher
            f"{bad_digit},錯碼,{code1},在職,{day},已審核",                # 10 refused: invalid_national_id
            f"{at_school},國中,034525,在職,{day},已審核",                 # 11 refused: not_kindergarten
            f"{nid[joins]},加入者,ZZ999999,在職,{day},已審核",            # 12 refused: duplicate_row
            f"{no_unit},無園,ZZ999999,在職,{day},已審核",                 # 13 refused: unknown_unit
        ]
        feed_dir = new_dir()
        drop(feed_dir, "kindergarten-1.csv", rows, newline="\r\n")
        done = run_by_hand(feed_dir)
        self.assertEqual(done.returncode, 0, done.stderr)
        run = last_run()
        self.assertEqual(run[1:], ["hand", "applied", "", "12", "3", "1", "1", "7"])
        self.assertEqual(lines_of(run[0]), {
            2: ("changed", "", mask(nid[joins])),
            3: ("changed", "", mask(nid[leaves])),
            5: ("skipped", "", mask(nid[stays])),
            6: ("refused", "serving_elsewhere", mask(nid[school])),
            7: ("changed", "", mask(nid[moves])),
            8: ("refused", "not_at_unit", mask(nid[elsewhere])),
            9: ("refused", "unknown_teacher", mask(unknown)),
            10: ("refused", "invalid_national_id", mask(bad_digit)),
            11: ("refused", "not_kindergarten", mask(at_school)),
            12: ("refused", "duplicate_row", mask(nid[joins])),
            13: ("refused", "unknown_unit", mask(no_unit)),
        })
        # The command's report: the counts, each line's verdict in Chinese, never a whole ID.
        self.assertIn("已套用", done.stdout)
        self.assertIn("變更 3、無需變更 1、異動待審略過 1、拒絕 7", done.stdout)
        self.assertIn("第 9 行", done.stdout)
        self.assertIn("查無這個身分證字號的教師帳號", done.stdout)
        self.assertIn("不是幼兒園", done.stdout)
        for full in list(nid.values()) + [unknown, bad_digit, at_school, no_unit]:
            self.assertNotIn(full, done.stdout + done.stderr)
        # The teachers, through the 總負責人's own writes.
        roc = portal.roc(day)
        name1 = sql_value(f"SELECT name FROM unit WHERE id = {k1}")
        after = {int(r[0]): r[1:] for r in state_of(*ids)}
        self.assertEqual(after[joins], [str(k1), "active", "NULL", "NULL", "1"])
        self.assertEqual(after[leaves], [str(k1), "left", f"已自{name1}離職（全國教保資訊網，{roc}）", day, "1"])
        self.assertEqual(after[stays], [str(k1), "active", "NULL", "NULL", "1"])
        self.assertEqual(after[school], [str(JUNIOR_HIGH), "active", "NULL", "NULL", "0"])
        self.assertEqual(after[moves], [str(k1), "active", "NULL", "NULL", "1"])
        self.assertEqual(after[elsewhere], [str(k2), "active", "NULL", "NULL", "1"])
        self.assertEqual(feed_audit(joins), [["teacher.attach", f"加入{name1}（原為無服務單位）"]])
        self.assertEqual(feed_audit(leaves), [["teacher.departure", f"在職 → 離職（{roc}）"]])
        self.assertEqual(feed_audit(stays), [])
        # Moved aside under the run's number.
        self.assertEqual(os.listdir(feed_dir), ["done"])
        self.assertEqual(os.listdir(os.path.join(feed_dir, "done")), [f"{run[0]}-kindergarten-1.csv"])

        # The same content again, as the next night's file: nothing changes, nothing is audited.
        before = state_of(*ids)
        audits = sql_value("SELECT COUNT(*) FROM audit_log")
        drop(feed_dir, "kindergarten-2.csv", rows)
        again = run_by_hand(feed_dir)
        self.assertEqual(again.returncode, 0, again.stderr)
        second = last_run()
        self.assertEqual(second[1:], ["hand", "applied", "", "12", "0", "4", "1", "7"])
        self.assertEqual(state_of(*ids), before)
        self.assertEqual(sql_value("SELECT COUNT(*) FROM audit_log"), audits)
        self.assertIn("變更 0", again.stdout)

    def test_a_malformed_file_changes_nothing(self):
        k1, code1 = kindergarten()
        tid, nid = teacher(None, "left", staff=False)
        good = f"{nid},某某,{code1},在職,{today()},已審核"
        cases = (
            ("bad-header.csv", dict(rows=[good], header="身分證號,姓名,園所代碼,在職狀態,異動日期,審核狀態"),
             "第一行必須是欄位名稱"),
            ("columns.csv", dict(rows=[good, f"{nid},某某,{code1},在職,{today()}"]), "第 3 行有 5 欄"),
            ("big5.csv", dict(rows=[good], encoding="big5"), "UTF-8"),
            ("quote.csv", dict(rows=[good, f'{nid},"某某,{code1},在職,{today()},已審核']), "引號沒有結束"),
        )
        for name, kwargs, message in cases:
            with self.subTest(file=name):
                feed_dir = new_dir()
                before, audits = state_of(tid), sql_value("SELECT COUNT(*) FROM audit_log")
                drop(feed_dir, name, **kwargs)
                done = run_by_hand(feed_dir)
                self.assertEqual(done.returncode, 1, done.stdout)
                self.assertIn("整份退回，未做任何變更", done.stdout)
                self.assertIn(message, done.stdout)
                run = last_run()
                self.assertEqual(run[1:3], ["hand", "rejected"])
                self.assertIn(message, run[3])
                self.assertEqual(run[4:], ["0", "0", "0", "0", "0"])
                self.assertEqual(lines_of(run[0]), {})
                self.assertEqual(state_of(tid), before)
                self.assertEqual(sql_value("SELECT COUNT(*) FROM audit_log"), audits)
                self.assertEqual(os.listdir(os.path.join(feed_dir, "rejected")), [f"{run[0]}-{name}"])
                self.assertFalse(os.path.exists(os.path.join(feed_dir, name)))

    def test_a_departure_from_the_feed_makes_the_account_records_only_at_once(self):
        k1, code1 = kindergarten("離職幼兒園")
        tid, nid = teacher(k1)
        signed_in = logged_in(nid)
        self.assertEqual(signed_in.get("/teacher").status, 200)
        feed_dir = new_dir()
        drop(feed_dir, "leave.csv", [f"{nid},某某,{code1},離職,{today()},已審核"])
        self.assertEqual(run_by_hand(feed_dir).returncode, 0)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM web_session WHERE teacher_id = {tid}"), "0")
        self.assertNotEqual(signed_in.get("/teacher").status, 200)  # signed out by the change
        home = logged_in(nid).get("/teacher")
        self.assertEqual(home.status, 200)
        name = sql_value(f"SELECT name FROM unit WHERE id = {k1}")
        self.assertIn(f"已自{name}離職（全國教保資訊網，{portal.roc(today())}）", home.text)
        self.assertEqual(sql_value(f"SELECT records_only FROM web_session WHERE teacher_id = {tid}"), "1")

    def test_the_scheduler_applies_files_from_the_feed_hour_once_a_day(self):
        k1, code1 = kindergarten()
        tid, nid = teacher(None, "left", staff=False)
        feed_dir = new_dir()
        conf = os.path.join(new_dir(), "portal.conf")

        def scheduler_pass(hour):
            with open(os.path.join(portal.VAR, "portal.conf")) as f:
                settings = [line for line in f.read().splitlines() if not line.startswith("kindergarten_feed_")]
            with open(conf, "w") as f:
                f.write("\n".join(settings + [f"kindergarten_feed_dir={feed_dir}",
                                              f"kindergarten_feed_hour={hour}"]) + "\n")
            return subprocess.run([os.path.join(portal.ROOT, "build", "portal-tool"), "scheduler", "--once",
                                   "--config", conf], capture_output=True, text=True, timeout=120)

        path = drop(feed_dir, "night.csv", [f"{nid},某某,{code1},在職,{today()},已審核"])
        hour = int(sql_value("SELECT HOUR(NOW())"))
        if hour < 23:  # before the feed hour: the file waits
            self.assertEqual(scheduler_pass(hour + 1).returncode, 0)
            self.assertTrue(os.path.exists(path))
            self.assertEqual(state_of(tid)[0][1], "NULL")
        sql("DELETE FROM kindergarten_feed_run WHERE started_by = 'scheduler' AND started_at >= CURDATE()")
        done = scheduler_pass(0)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("kindergarten.feed", done.stderr)  # the run's line in the log
        self.assertFalse(os.path.exists(path))
        self.assertEqual(last_run()[1:3], ["scheduler", "applied"])
        self.assertEqual(state_of(tid)[0][1:3], [str(k1), "active"])
        # A second file the same day waits for the next night (or a run by hand).
        later = drop(feed_dir, "later.csv", [f"{nid},某某,{code1},離職,{today()},已審核"])
        self.assertEqual(scheduler_pass(0).returncode, 0)
        self.assertTrue(os.path.exists(later))
        self.assertEqual(state_of(tid)[0][2], "active")


class KindergartenMaster(unittest.TestCase):
    def test_the_master_sees_the_last_run_and_may_not_edit_the_teachers(self):
        k1, code1 = kindergarten("園長測試幼兒園")
        tid, nid = teacher(k1)
        refused_nid = portal.unused_national_id()
        feed_dir = new_dir()
        drop(feed_dir, "night.csv", [f"{nid},某某,{code1},離職,{today()},已審核",
                                     f"{refused_nid},無帳號,{code1},在職,{today()},已審核"])
        self.assertEqual(run_by_hand(feed_dir).returncode, 0)
        account = unique("kgmaster").replace("-", "")[:30]
        portal.new_business_account(account, unit_id=k1, kind="master")
        ACCOUNTS.append(account)
        master = logged_in(account)

        listing = master.get("/office/teachers")
        self.assertEqual(listing.status, 200)
        self.assertIn("由全國教保資訊網每夜匯入", listing.text)
        self.assertIn("night.csv", listing.text)
        self.assertRegex(listing.text, r'data-feed-line="2" data-outcome="changed">[^<]*已更新：在職 → 離職')
        self.assertRegex(listing.text, r'data-feed-line="3" data-outcome="refused">[^<]*未採用：查無這個身分證字號')
        self.assertNotIn(refused_nid, listing.text)
        self.assertNotIn('href="/office/teachers/new"', listing.text)
        page = master.get(f"/office/teachers/{tid}")
        self.assertEqual(page.status, 200)
        self.assertNotIn('id="departure"', page.text)
        self.assertNotIn('id="profile"', page.text)
        self.assertIn('<td data-label="由誰">全國教保資訊網</td>', page.text)  # who changed it, in the trail
        self.assertIn('id="fed-message"', master.get("/office/teachers/new").text)

        before, count = state_of(tid), sql_value("SELECT COUNT(*) FROM teacher")
        for path, fields in ((f"/office/teachers/{tid}", [("title_name", "園長")]),
                             (f"/office/teachers/{tid}/employment", [("employment", "retired"), ("on", today())]),
                             ("/office/teachers/new", [("national_id", refused_nid), ("name", "新教保員"),
                                                       ("gender", "F"), ("birth_date", "1990-01-01"),
                                                       ("email", "kg@example.edu.tw")])):
            with self.subTest(path=path):
                r = master.post(path, [("csrf", token_of(master))] + fields)
                self.assertEqual(r.status, 409)
                self.assertIn("由全國教保資訊網每夜匯入", r.text)
        self.assertEqual(state_of(tid), before)
        self.assertEqual(sql_value(f"SELECT title_name IS NULL FROM teacher WHERE id = {tid}"), "1")
        self.assertEqual(sql_value("SELECT COUNT(*) FROM teacher"), count)

    def test_the_demo_kindergarten_shows_last_nights_run(self):
        listing = logged_in("master-kg").get("/office/teachers")
        self.assertEqual(listing.status, 200)
        self.assertIn("林幼心", listing.text)
        self.assertIn("黃保育", listing.text)
        self.assertIn("資料來源：全國教保資訊網", listing.text)


if __name__ == "__main__":
    main()
