"""CSRF on every POST route, derived from the route table itself (STYLE §2 step 4, §9;
SECURITY-CATALOGUE B4).

The test reads fcgi/app/routes.cpp, so a route added there is covered without anyone writing a
test for it. For each POST row it signs in as an account of the row's Who, fills the {params}
with objects that account may reach, and posts plausible fields (so a missing check would really
act) three times: without a `csrf` field, with a malformed token, and with the valid token of
another signed-in user of the same role. Each answer must be the 403 of app/dispatch.cpp with its
message, with every table a POST could write left as it was. One request per route family, the
same but with the right token, shows that the refusals are the CSRF check and not something else.
Who::kPartnerApi rows authenticate by token and skip CSRF: a signed-in browser's cookie alone
must not be served there.

An unknown Who, {param} or route family fails with a message saying what to map.
"""
import os
import re
import unittest

import portal
from portal import (DEMO_PASSWORD, DREAM_N, ROOT, Client, auth_params, course_fields, course_snapshot,
                    create_course, json_of, logged_in, sql, sql_str, sql_value, token_of, unique, write_counts)

ROUTES_CPP = os.path.join(ROOT, "fcgi", "app", "routes.cpp")
CSRF_MESSAGE = "表單已過期或來源不明，請重新整理頁面後再送出一次。"  # app/dispatch.cpp
PREFIX = "CSRF測試"  # in the names of what this module makes, for the clean-up

# The first four columns of a row: {"name", "METHOD", "/pattern", Who::kX, ...}. Columns after Who
# (a handler, a response format, a body kind...) may come and go.
ROW = re.compile(r'\{\s*"([^"]+)"\s*,\s*"([A-Z]+)"\s*,\s*"([^"]*)"\s*,\s*(?:\w+::)*Who::(\w+)\b')
ROW_START = re.compile(r'\{\s*"[^"]*"\s*,\s*"[A-Z]+"')


class Route:
    def __init__(self, name, method, pattern, who):
        self.name, self.method, self.pattern, self.who = name, method, pattern, who
        self.family = name.rsplit(".", 1)[0]  # office.course.delete -> office.course, admin.reasons.toggle -> admin.reasons
        self.params = re.findall(r"\{(\w+)\}", pattern)

    def __repr__(self):
        return f"{self.name} {self.method} {self.pattern} {self.who}"


def parse_routes(text):
    """Every row of a route table, in order. Commented-out lines are skipped; a line that starts a
    row the expression cannot read raises, so no route is silently left out."""
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    routes = [Route(*m.groups()) for m in ROW.finditer(code)]
    starts = ROW_START.findall(code)
    if len(starts) != len(routes):
        raise AssertionError(f"{len(starts)} rows start in the route table but {len(routes)} parse: "
                             f"update ROW in {__file__}")
    return routes


def post_routes():
    with open(ROUTES_CPP, encoding="utf-8") as f:
        return [r for r in parse_routes(f.read()) if r.method == "POST"]


# Who -> (the account a test signs in as, another account of the same role). A tuple (kind, unit)
# as the other one means an account made for this module. kAnyone is an anonymous visitor with a
# pre-session cookie; kPartnerApi is handled on its own.
ACCOUNTS = {
    "kTeacher": ("A123456789", "B223456782"),
    "kOrganizer": ("organizer", "organizer-red"),
    "kBusiness": ("organizer", "organizer-red"),
    "kSignedIn": ("A123456789", "B223456782"),
    "kMaster": ("master", ("master", 5)),
    "kReviewer": ("reviewer", "reviewer2"),
    "kAdmin": ("admin", ("admin", 1)),
}

# Plausible fields per route, so that a route without its check would act. A route not listed
# is posted with no fields but its token: still a POST its check must refuse.
FIELDS = {
    "login": lambda o: [("account", "A123456789"), ("password", DEMO_PASSWORD)],
    "office.courses.create": lambda o: course_fields(unique(PREFIX + "登錄")),
    "office.course.update": lambda o: course_fields(unique(PREFIX + "修改")),
    "office.course.delete": lambda o: [("reason", PREFIX)],
    "office.course.transfer": lambda o: [("to", "2")],
    "review.return": lambda o: [("reason", o["reason"]), ("note", PREFIX)],
    "enrolment.create": lambda o: [("key", portal.random_text(20))],
    "office.course.decide": lambda o: [("decision", "refuse"), ("reason", PREFIX), ("enrolment", o["enrolment"])],
    "office.course.save_settings": lambda o: [("enrol_online", "1"), ("online_seats", "5"),
                                              ("auto_review_scope", "anyone"), ("seat_mode", "first_come")],
    "office.course.batch_enrol": lambda o: [("teacher", "4")],  # 周怡君 of 內壢國中, not enrolled in 5600001
    "review.approve_many": lambda o: [("code", o["course"])],
    "office.course.roster_convert": lambda o: [("action", "all")],
    "office.course.roster_add": lambda o: [("national_id", "H223456788"), ("attendance", "full")],
    "office.course.roster_update": lambda o: [("attendance", "excused"), ("hours_absent", "1")],
    "office.course.save_attendance": lambda o: [("excused", o["roster_line"])],
    "office.course.correct_record": lambda o: [("units", "1"), ("reason", PREFIX)],
    "office.course.add_record": lambda o: [("enrolment", o["enrolment"]), ("units", "1"), ("reason", PREFIX)],
    "review.return_roster": lambda o: [("reason", o["roster_reason"]), ("note", PREFIX)],
    "review.approve_rosters": lambda o: [("code", o["course"])],
    "admin.reasons.create": lambda o: [("label", unique(PREFIX + "理由")), ("needs_text", "0")],
    "admin.counties.update": lambda o: [("min_days", "9"), ("grace_days", "9"), ("red_threshold", "9")],
    "admin.tags.update": lambda o: [("yearly_hours", "9"), ("applies_to", "kindergarten")],
    "admin.tags.create": lambda o: [("name", unique(PREFIX + "標籤"))],
    "admin.tags.rename": lambda o: [("name", unique(PREFIX + "標籤"))],
    "admin.categories.create": lambda o: [("name", unique(PREFIX + "類別"))],
    "admin.categories.rename": lambda o: [("name", unique(PREFIX + "類別"))],
    "admin.units.create": lambda o: unit_fields("C" + portal.random_text(6).upper().replace("-", "0").replace("_", "0")),
    "admin.unit.update": lambda o: unit_fields(sql_value(f"SELECT code FROM unit WHERE id = {int(o['unit'])}")),
    "admin.unit.review": lambda o: [("review_unit_id", "3")],
    "enrolment.correction_request": lambda o: [("reason", PREFIX)],
    "oidc.consent": lambda o: list(auth_params(DREAM_N)[0].items()) + [("decision", "allow")],
    "partners.apply": lambda o: list(portal.partner_application(unique(PREFIX + "網站")).items()),
    "admin.partner.approve": lambda o: [("client_id", "csrf-" + portal.random_text(6).lower().replace("_", "-")),
                                        ("redirect_uris", "http://127.0.0.1:8091/csrf"), ("may_report", "1")],
    "admin.partner.status": lambda o: [("action", "suspend"), ("confirm", "1")],
    "office.teachers.create": lambda o: [("national_id", o["new_national_id"]), ("name", PREFIX + "教師"),
                                         ("gender", "F"), ("birth_date", "1990-01-01"),
                                         ("email", "csrf-staff@example.edu.tw")],
    "office.teachers.update": lambda o: [("title_name", PREFIX)],
    "office.teachers.employment": lambda o: [("employment", "left"), ("on", sql_value("SELECT CURDATE()"))],
    "signup": lambda o: [("national_id", portal.unused_national_id()), ("name", PREFIX + "申請"), ("gender", "F"),
                         ("birth_date", "1984-05-12"), ("email", "csrf-signup@example.edu.tw"),
                         ("phone", "03-4512345"), ("school_code", "034525"), ("position_category", "qualified"),
                         ("password", "csrf-password-1"), ("password_again", "csrf-password-1"), ("agree", "1")],
    "password.forgot": lambda o: [("national_id", "A123456789"), ("email", "a123@example.edu.tw")],
    "password.reset": lambda o: [("password", "csrf-password-1"), ("password_again", "csrf-password-1")],
    "admin.bulletin.create": lambda o: post_fields(unique(PREFIX + "公告")),
    "admin.bulletin.update": lambda o: post_fields(unique(PREFIX + "公告")),
    "admin.faq.create": lambda o: faq_fields(unique(PREFIX + "問答")),
    "teacher.specialties.apply": lambda o: [("specialty", "5"), ("certificate_name", PREFIX + "證書"),
                                            ("certificate_no", "1"), ("certificate_date", "2025-01-01")],
    "office.specialties.return": lambda o: [("reason", PREFIX)],
    "admin.specialties.create": lambda o: [("name", unique(PREFIX + "專長"))],
    # A wrong current password: a served request counts a failed login (422) and the demo accounts
    # keep their password.
    "teacher.password.change": lambda o: [("current", PREFIX + "錯誤"), ("password", "csrf-password-1"),
                                          ("password_again", "csrf-password-1")],
    "account.password.change": lambda o: [("current", PREFIX + "錯誤"), ("password", "csrf-password-1"),
                                          ("password_again", "csrf-password-1")],
    # 雙因素驗證 of `organizer`: the code of a secret being set up, as the app shows it now.
    "account.second_factor.enable": lambda o: [("code", pending_code("organizer"))],
    "account.second_factor.renew": lambda o: [("renew_code", "000000")],
    "account.second_factor.disable": lambda o: [("disable_code", "000000")],
    "login.second_factor": lambda o: [("code", "000000")],
    # A's own address again, so only the phone changes (no link is mailed).
    "teacher.profile.update": lambda o: [("phone", "03-4512345#9"), ("email", "a123@example.edu.tw")],
    "feedback.create": lambda o: [("category", "site"), ("body", PREFIX + "意見")],
    "feedback.follow_up": lambda o: [("body", PREFIX + "再留言")],
    "admin.feedback.reply": lambda o: [("body", PREFIX + "回覆")],
    "teacher.subscriptions.create": lambda o: [("q", unique(PREFIX + "訂閱")), ("county", "3")],
    "admin.faq.update": lambda o: faq_fields(unique(PREFIX + "問答")),
    "accounts.apply": lambda o: [("account_name", made_name("csrfapply")), ("display_name", PREFIX + "申請"),
                                 ("unit", "034525"), ("kind", "organizer"), ("phone", "03-4512345"),
                                 ("email", "csrf-apply@example.edu.tw"), ("password", "csrf-password-1"),
                                 ("password_again", "csrf-password-1"), ("agree", "1")],
    "office.accounts.refuse": lambda o: [("reason", PREFIX)],
    "review.accounts.refuse": lambda o: [("reason", PREFIX)],
    "admin.partner.renew": lambda o: [("scan_report_date", sql_value("SELECT CURDATE() - INTERVAL 1 DAY"))],
}

# Per family, the row a route of it would change, beside the tables of everything().
ROWS = {
    "login": lambda o: sql("SELECT COUNT(*) FROM web_session WHERE teacher_id = 1"),
    "office.courses": lambda o: course_snapshot(o["course"]),
    "office.course": lambda o: course_snapshot(o["course"]),
    "review": lambda o: course_snapshot(o["course"]),
    "enrolment": lambda o: sql("SELECT id, status FROM enrolment WHERE course_id = 1 ORDER BY id"),
    "admin.reasons": lambda o: sql(f"SELECT id, label, active FROM return_reason WHERE id = {o['reason']}"),
    "admin.counties": lambda o: sql(f"SELECT * FROM county WHERE id = {o['county']}"),
    "admin.tags": lambda o: sql(f"SELECT * FROM tag WHERE id = {o['tag']}"),
    "admin.categories": lambda o: sql(f"SELECT * FROM category WHERE id = {o['category']}"),
    "admin.unit": lambda o: sql(f"SELECT * FROM unit WHERE id = {o['unit']}"),
    "oidc": lambda o: sql("SELECT * FROM oidc_consent WHERE teacher_id = 1 AND partner_id = 1"),
    "teacher.partners": lambda o: sql("SELECT * FROM oidc_consent WHERE teacher_id = 1 AND partner_id = 1"),
    "partners": lambda o: sql("SELECT COUNT(*) FROM partner WHERE status = 'applied'"),
    "admin.partner": lambda o: sql(f"SELECT * FROM partner WHERE id = {o['partner']}"),
    "office.teachers": lambda o: sql(f"SELECT * FROM teacher WHERE id = {o['teacher']}"),
    "admin.bulletin": lambda o: sql(f"SELECT * FROM bulletin WHERE id = {o['post']}"),
    "admin.faq": lambda o: sql(f"SELECT * FROM faq WHERE id = {o['faq']}"),
    "office.accounts": lambda o: sql(f"SELECT * FROM business_account WHERE id = {o['office_account']}"),
    "review.accounts": lambda o: sql(f"SELECT * FROM business_account WHERE id = {o['review_account']}"),
    "teacher.profile": lambda o: sql("SELECT * FROM teacher WHERE id = 1"),
    "email": lambda o: sql("SELECT * FROM account_token WHERE kind = 'change_email' ORDER BY id"),
}

# Per family: the route that shows the right token is not refused, the objects it acts on instead
# (a callable makes one), and the statuses of a served request.
POSITIVE = {
    "login": ("login", {}, {303}),
    "logout": ("logout", {}, {303}),
    "office.courses": ("office.courses.create", {}, {303}),
    "office.course": ("office.course.delete", {"course": lambda: fresh_course()}, {303}),
    "review": ("review.approve", {"course": lambda: fresh_course()}, {303}),
    "enrolment": ("enrolment.cancel", {}, {303}),
    "admin.reasons": ("admin.reasons.create", {}, {303}),
    "admin.counties": ("admin.counties.update", {}, {303}),
    "admin.tags": ("admin.tags.update", {}, {303}),
    "admin.categories": ("admin.categories.create", {}, {303}),
    "admin.units": ("admin.units.create", {}, {303}),
    "admin.unit": ("admin.unit.update", {"unit": lambda: fresh_unit()}, {303}),
    "oidc": ("oidc.consent", {}, {303}),
    "teacher.partners": ("teacher.partners.revoke", {}, {303}),
    "partners": ("partners.apply", {}, {201}),
    "admin.partner": ("admin.partner.status", {}, {303}),
    # 教師資料登錄 of a 身分證字號 without an account: a teacher created (and removed afterwards).
    "office.teachers": ("office.teachers.create", {"new_national_id": lambda: portal._fresh_national_ids(1)[0]}, {303}),
    "signup": ("signup", {}, {200}),
    # 業務帳號申請 made pending; a pending 承辦人 of 內壢國中 approved by `master`, a pending
    # 總負責人 of 內壢國小 by `reviewer` (桃園市).
    "accounts": ("accounts.apply", {}, {200}),
    "office.accounts": ("office.accounts.approve", {"office_account": lambda: pending_account("organizer", 4)}, {303}),
    "review.accounts": ("review.accounts.approve", {"review_account": lambda: pending_account("master", 5)}, {303}),
    "password": ("password.forgot", {}, {200}),
    "admin.bulletin": ("admin.bulletin.create", {}, {303}),
    "admin.faq": ("admin.faq.create", {}, {303}),
    "admin.downloads": ("admin.downloads.delete", {"download": lambda: demo_download_copy()}, {303}),
    "teacher.subscriptions": ("teacher.subscriptions.create", {}, {303}),
    "feedback": ("feedback.create", {}, {303}),
    "teacher.password": ("teacher.password.change", {}, {422}),
    "teacher.profile": ("teacher.profile.update", {}, {303}),
    # A teacher made here follows a fresh e-mail change link: the address changes.
    "email": ("email.confirm", {"email_token": lambda: email_token_of(portal.new_teacher(name=PREFIX + "信箱")[0])},
              {200}),
    "account.password": ("account.password.change", {}, {422}),
    # Turning the factor on shows the recovery codes (and renews the session of that client).
    "account.second_factor": ("account.second_factor.enable", {}, {200}),
    "teacher.specialties": ("teacher.specialties.apply", {}, {303}),
    "office.specialties": ("office.specialties.approve", {"specialty_application": lambda: fresh_application()}, {303}),
    "admin.specialties": ("admin.specialties.create", {}, {303}),
    "admin.feedback": ("admin.feedback.reply", {"feedback_thread": lambda: fresh_thread()}, {303}),
    "unsubscribe": ("unsubscribe", {"subscription": lambda: fresh_subscription()}, {200}),
}

COUNTED = ("web_session", "login_failure", "partner", "partner_claim_use", "partner_disclosure",
           "partner_report", "oidc_consent", "oidc_code", "oidc_token", "study_record", "enrolment",
           "roster_entry", "teacher", "business_account", "unit", "county", "bulletin", "correction_request",
           "account_token", "faq", "download", "subscription", "feedback", "feedback_message",
           "specialty", "specialty_application", "tag", "category",
           "recovery_code", "login_challenge")
CHECKSUMMED = ("course", "course_session", "county", "tag", "category", "unit", "return_reason", "partner", "oidc_consent",
               "oidc_token", "oidc_code", "business_account", "teacher", "bulletin", "faq",
               "specialty", "specialty_application", "account_token")


def everything(but_audit=False):
    """Row counts of every table a POST of the portal writes, and checksums of those it updates
    (the audit log left out when `but_audit`)."""
    counts = write_counts()
    if but_audit:
        del counts["audit_log"]
    return (counts, sql("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {t})" for t in COUNTED) +
                        "; CHECKSUM TABLE " + ", ".join(CHECKSUMMED)))


OBJECTS = {}      # what the {params} and fields name
CLIENTS = {}      # account -> signed-in Client
MADE = []         # business accounts made here
SAVED = {}


def pending_code(account):
    """A code of the account's second factor being set up (a secret made here when it has none)."""
    sql(f"UPDATE business_account SET totp_secret = RANDOM_BYTES(20), totp_last_step = 0"
        f" WHERE account_name = {sql_str(account)} AND totp_secret IS NULL")
    sql(f"UPDATE business_account SET totp_last_step = 0 WHERE account_name = {sql_str(account)}")
    return portal.totp_now(account)


def post_fields(title):
    return [("title", title), ("body", PREFIX), ("audience", "everyone"),
            ("publish_at", sql_value("SELECT DATE_FORMAT(NOW(), '%Y-%m-%dT%H:%i')"))]


def faq_fields(question):
    return [("category", "other"), ("question", question), ("answer", PREFIX)]


def demo_download_copy():
    """A 下載專區 row for the positive control to delete: the demo manual's row again (its bytes are
    not removed while the demo's own row still names them: a fresh stored name is made)."""
    sql("INSERT INTO download (title, category, filename, kind, size_bytes, sha256, stored_name)"
        f" SELECT '{PREFIX}檔案', category, filename, kind, size_bytes, sha256, '{unique('csrf').replace('-', '')}.pdf'"
        " FROM download ORDER BY id LIMIT 1")
    return sql_value(f"SELECT MAX(id) FROM download WHERE title = '{PREFIX}檔案'")


def fresh_subscription():
    """A subscription of A123456789 (teacher 1) for the signed unsubscribe link to remove."""
    sql(f"INSERT INTO subscription (teacher_id, search) VALUES (1, 'q=CSRF{unique('').strip('-')}')")
    return sql_value("SELECT MAX(id) FROM subscription WHERE teacher_id = 1")


def fresh_thread():
    """A 意見交流 thread of A123456789 (teacher 1) for the administrator's positive reply."""
    sql("INSERT INTO feedback (teacher_id, category) VALUES (1, 'other')")
    fid = sql_value("SELECT MAX(id) FROM feedback WHERE teacher_id = 1")
    sql(f"INSERT INTO feedback_message (feedback_id, body) VALUES ({fid}, '{PREFIX}留言')")
    return fid


def fresh_application():
    """A pending 專長 application of 周怡君 (內壢國中) for the 總負責人's positive approval."""
    sql(f"INSERT INTO specialty_application (teacher_id, unit_id, specialty_id, certificate_name, certificate_no,"
        f" certificate_date) VALUES (4, 4, 4, '{PREFIX}證書', '1', CURDATE())")
    return sql_value("SELECT MAX(id) FROM specialty_application WHERE teacher_id = 4")


def made_name(prefix):
    """A fresh business account name, removed at the end."""
    name = unique(prefix).replace("-", "")[:30]
    MADE.append(name)
    return name


def pending_account(kind, unit):
    """The id of a business account application waiting for approval."""
    return str(portal.new_business_account(made_name("csrfpending"), unit_id=unit, kind=kind, approved=False))


def unit_fields(code):
    """單位管理's form for a 教師研習中心 of 桃園市 named with PREFIX."""
    return [("code", code), ("name", unique(PREFIX + "單位")), ("county_id", "3"), ("level", "study_centre"),
            ("ownership", "other"), ("has_legal_person", "1")]


def fresh_unit():
    """A unit with no courses nor people, for 單位管理's routes to edit (removed at the end)."""
    code = "C" + portal.random_text(6).upper().replace("-", "0").replace("_", "0")
    sql(f"INSERT INTO unit (code, name, county_id, level, ownership) VALUES"
        f" ('{code}', '{PREFIX}單位', 3, 'study_centre', 'other')")
    return sql_value(f"SELECT id FROM unit WHERE code = '{code}'")


def fresh_course():
    """An unconfirmed course of 內壢國中 (unit 4), in `reviewer`'s queue."""
    return create_course(signed_in("organizer"), unique(PREFIX + "課程"))


def setUpModule():
    SAVED["tag"] = sql("SELECT IFNULL(yearly_hours_required, 'NULL'), applies_to FROM tag WHERE id = 5")[0]
    SAVED["county"] = sql("SELECT min_days_before_start, overdue_grace_days, red_light_threshold FROM county"
                          " WHERE id = 22")[0]
    SAVED["reasons"] = sql("SELECT id, active FROM return_reason")
    SAVED["consent"] = sql("SELECT claims, granted_at, IFNULL(revoked_at, 'NULL') FROM oidc_consent"
                           " WHERE teacher_id = 1 AND partner_id = 1")
    SAVED["disclosures"] = sql_value("SELECT IFNULL(MAX(id), 0) FROM partner_disclosure")
    SAVED["failures"] = sql_value("SELECT IFNULL(MAX(id), 0) FROM login_failure")
    SAVED["phone"] = sql_value("SELECT IFNULL(phone, 'NULL') FROM teacher WHERE id = 1")
    SAVED["codes"] = {r[0] for r in sql("SELECT code_sha256 FROM oidc_code WHERE teacher_id = 1")}
    SAVED["tokens"] = {r[0] for r in sql("SELECT token_sha256 FROM oidc_token WHERE teacher_id = 1")}
    # A's consent to dream-n, so that a revoke without its check would act.
    sql("INSERT INTO oidc_consent (teacher_id, partner_id, claims) VALUES (1, 1, 'name,school_code,school_name')"
        " ON DUPLICATE KEY UPDATE revoked_at = NULL")
    partner = portal.new_partner("csrf-" + portal.random_text(6).lower().replace("_", "-"), {"name"},
                                 ["http://127.0.0.1:8091/csrf-callback"], site_name=PREFIX + "管理對象")
    # A's application to 5600001 (demo: 待審核), put back as it was afterwards.
    enrolment = sql_value("SELECT id FROM enrolment WHERE course_id = 1 AND teacher_id = 1")
    SAVED["enrolments"] = sql("SELECT id, status, IFNULL(cancelled_at, 'NULL') FROM enrolment WHERE course_id = 1")
    SAVED["seats"] = sql_value("SELECT seats_taken FROM course WHERE id = 1")
    # A roster line of a 內壢國中 course (sql/demo.sql), named by the line routes.
    roster_line = sql_value("SELECT re.id FROM roster_entry re JOIN course c ON c.id = re.course_id"
                            " WHERE c.unit_id = 4 ORDER BY re.id LIMIT 1")
    OBJECTS.update(course=fresh_course(), reason=portal.return_reason_ids()["A. 請移除屬性標籤"], county="22",
                   roster_line=roster_line,
                   record=sql_value("SELECT r.id FROM study_record r JOIN course c ON c.id = r.course_id"
                                    " WHERE c.unit_id = 4 ORDER BY r.id LIMIT 1"),
                   roster_reason=portal.return_reason_ids("roster")["A. 核發時數與出席情形不符"],
                   partner=str(partner["id"]), client=DREAM_N["client_id"], enrolment=enrolment,
                   tag="5", teacher="4", category="7", unit=fresh_unit(),
                   post=sql_value("SELECT MIN(id) FROM bulletin"), faq=sql_value("SELECT MIN(id) FROM faq"),
                   download=sql_value("SELECT MIN(id) FROM download"),
                   subscription=sql_value("SELECT MIN(id) FROM subscription WHERE teacher_id = 1"),
                   feedback_thread=sql_value("SELECT MIN(id) FROM feedback WHERE teacher_id = 1"),
                   specialty_application=sql_value("SELECT MIN(id) FROM specialty_application WHERE state = 'pending'"),
                   specialty="1",  # 周怡君 of 內壢國中, the demo `master`'s unit
                   new_national_id=portal._fresh_national_ids(1)[0],
                   office_account=pending_account("organizer", 4), review_account=pending_account("master", 5),
                   reset_token=reset_token_of(portal.new_teacher(name=PREFIX + "重設")[0]),
                   email_token=email_token_of(portal.new_teacher(name=PREFIX + "信箱")[0]))


def reset_token_of(teacher_id):
    """A live reset link's token for the teacher, as the forgotten-password mail would carry."""
    token = portal.random_text(32)
    sql(f"INSERT INTO account_token (kind, teacher_id, token_sha256, expires_at) VALUES ('reset_password',"
        f" {int(teacher_id)}, SHA2('{token}', 256), NOW() + INTERVAL 30 MINUTE)")
    return token


def email_token_of(teacher_id):
    """A live e-mail change link's token for the teacher, as 修改個人基本資料 would mail it."""
    token = portal.random_text(32)
    sql(f"INSERT INTO account_token (kind, teacher_id, token_sha256, email, expires_at) VALUES ('change_email',"
        f" {int(teacher_id)}, SHA2('{token}', 256), 'csrf-new-address@example.edu.tw', NOW() + INTERVAL 1 DAY)")
    return token


def tearDownModule():
    for (tid,) in sql(f"SELECT id FROM teacher WHERE name LIKE '{PREFIX}%'"):
        portal.delete_teacher(tid)
    sql("DELETE FROM account_token WHERE teacher_id = 1")  # the reset link the positive control asked for
    # The second factor the positive control turned on for `organizer`.
    sql("DELETE r FROM recovery_code r JOIN business_account a ON a.id = r.account_id WHERE a.account_name = 'organizer'")
    sql("UPDATE business_account SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = 0"
        " WHERE account_name = 'organizer'")
    phone = SAVED["phone"]
    sql(f"UPDATE teacher SET phone = {'NULL' if phone == 'NULL' else sql_str(phone)} WHERE id = 1")
    known = {row[0] for row in SAVED["enrolments"]}
    for (eid,) in sql("SELECT id FROM enrolment WHERE course_id = 1"):
        if eid not in known:
            sql(f"DELETE FROM enrolment WHERE id = {eid}")
    for eid, status, cancelled in SAVED["enrolments"]:
        sql(f"UPDATE enrolment SET status = '{status}', cancelled_at = "
            f"{'NULL' if cancelled == 'NULL' else sql_str(cancelled)} WHERE id = {eid}")
    sql(f"UPDATE course SET seats_taken = {SAVED['seats']} WHERE id = 1")
    portal.retire_courses([r[0] for r in sql(f"SELECT code FROM course WHERE title LIKE '{PREFIX}%'")])
    sql(f"DELETE FROM return_reason WHERE label LIKE '{PREFIX}%'")
    sql(f"DELETE FROM tag WHERE name LIKE '{PREFIX}%'")
    sql(f"DELETE FROM category WHERE name LIKE '{PREFIX}%'")
    sql(f"DELETE FROM unit WHERE name LIKE '{PREFIX}%'")
    sql(f"DELETE FROM bulletin WHERE title LIKE '{PREFIX}%'")
    sql(f"DELETE FROM faq WHERE question LIKE '{PREFIX}%'")
    sql(f"DELETE FROM download WHERE title LIKE '{PREFIX}%'")
    sql("DELETE FROM subscription WHERE search LIKE 'q=CSRF%'")  # PREFIX as a query string
    sql(f"DELETE FROM login_failure WHERE id > {SAVED['failures']}")  # the password changes' positive controls
    sql(f"DELETE FROM specialty_application WHERE certificate_name LIKE '{PREFIX}%'")
    sql(f"DELETE FROM specialty WHERE name LIKE '{PREFIX}%'")
    sql(f"DELETE f FROM feedback f JOIN feedback_message m ON m.feedback_id = f.id WHERE m.body LIKE '{PREFIX}%'")
    for rid, active in SAVED["reasons"]:
        sql(f"UPDATE return_reason SET active = {active} WHERE id = {rid}")
    hours, applies_to = SAVED["tag"]
    sql(f"UPDATE tag SET yearly_hours_required = {hours}, applies_to = '{applies_to}' WHERE id = 5")
    min_days, grace, red = SAVED["county"]
    sql(f"UPDATE county SET min_days_before_start = {min_days}, overdue_grace_days = {grace},"
        f" red_light_threshold = {red} WHERE id = 22")
    for (client_id,) in sql(f"SELECT client_id FROM partner WHERE site_name LIKE '{PREFIX}%'"):
        portal.delete_partner(client_id)
    # A's roaming to dream-n as it was.
    sql(f"DELETE FROM partner_disclosure WHERE teacher_id = 1 AND id > {SAVED['disclosures']}")
    for table, column, kept in (("oidc_token", "token_sha256", SAVED["tokens"]),
                                ("oidc_code", "code_sha256", SAVED["codes"])):
        for (key,) in sql(f"SELECT {column} FROM {table} WHERE teacher_id = 1"):
            if key not in kept:
                sql(f"DELETE FROM {table} WHERE {column} = '{key}'")
    sql("DELETE FROM oidc_consent WHERE teacher_id = 1 AND partner_id = 1")
    for claims, granted, revoked in SAVED["consent"]:
        sql(f"INSERT INTO oidc_consent (teacher_id, partner_id, claims, granted_at, revoked_at) VALUES"
            f" (1, 1, '{claims}', '{granted}', {'NULL' if revoked == 'NULL' else sql_str(revoked)})")
    for name in MADE:
        portal.delete_business_account(name)
    for (tid,) in sql(f"SELECT id FROM teacher WHERE name LIKE '{PREFIX}%'"):
        portal.delete_teacher(tid)


def signed_in(account):
    """A Client signed in as `account`: a name, or (kind, unit) for an account made here."""
    if account not in CLIENTS:
        name = account
        if isinstance(account, tuple):
            kind, unit = account
            name = unique(f"csrf{kind}").replace("-", "")[:30]
            portal.new_business_account(name, unit_id=unit, kind=kind)
            MADE.append(name)
        CLIENTS[account] = logged_in(name)
    return CLIENTS[account]


def anonymous():
    """A visitor who loaded a page and so holds a pre-session cookie; returns (client, its token)."""
    c = Client()
    return c, c.csrf_from("/login")


class RouteTable(unittest.TestCase):
    def test_rows_are_read_whatever_the_spacing_and_the_columns_after_who(self):
        sample = """
          // name  method  pattern  who  handler
          {"a.b",   "POST", "/a/{id}/b",   Who::kTeacher, x::y},
          {"c","GET","/c",core::Who::kMaster,x::z,Body::kJson},
          { "d.e" , "POST" , "/d" , Who::kAnyone , Format::kHtml , Body::kForm , x::w },
          // {"commented.out", "POST", "/x", Who::kAdmin, x::v},
        """
        self.assertEqual([(r.name, r.method, r.pattern, r.who, r.params) for r in parse_routes(sample)],
                         [("a.b", "POST", "/a/{id}/b", "kTeacher", ["id"]), ("c", "GET", "/c", "kMaster", []),
                          ("d.e", "POST", "/d", "kAnyone", [])])
        with self.assertRaises(AssertionError):
            parse_routes('{"f", "POST", "/f", kTeacher, x::y},')  # a Who the expression cannot read

    def test_the_portals_table_has_the_post_routes_this_file_was_written_against(self):
        names = {r.name for r in post_routes()}
        for name in ("login", "logout", "office.courses.create", "review.approve", "admin.reasons.create",
                     "oidc.consent", "teacher.partners.revoke", "partners.apply", "api.reports.push"):
            self.assertIn(name, names)

    def test_every_post_route_family_has_a_positive_control(self):
        for route in post_routes():
            if route.who != "kPartnerApi":
                with self.subTest(route=route.name):
                    self.assertIn(route.family, POSITIVE,
                                  f"{route}: add a positive control for family '{route.family}' to POSITIVE")


class EveryPostRoute(unittest.TestCase):
    def request(self, route, objects):
        """(path, fields without csrf) of `route` acting on `objects`."""
        path = route.pattern
        for name in route.params:
            path = path.replace("{" + name + "}", self.param_value(route, name, objects))
        fields = FIELDS.get(route.name, lambda o: [])(objects)
        return path, fields

    def param_value(self, route, name, objects):
        p = route.pattern
        if name == "code" and p.endswith(("/enrolments", "/batch")):
            return "5600001"  # open for enrolment, with applications (sql/demo.sql)
        if name == "code" and p.startswith(("/office/", "/review/")):
            return objects["course"]  # an unconfirmed course of the organizer's unit, in the reviewer's queue
        if name == "id":
            if p.startswith("/office/courses/{code}/roster/lines/"):
                return objects["roster_line"]
            if p.startswith("/office/courses/{code}/records/"):
                return objects["record"]
            for prefix, key in (("/admin/reasons/", "reason"), ("/admin/counties/", "county"),
                                ("/admin/partners/", "partner"), ("/teacher/enrolments/", "enrolment"),
                                ("/admin/tags/", "tag"), ("/office/teachers/", "teacher"),
                                ("/admin/categories/", "category"), ("/admin/units/", "unit"),
                                ("/admin/bulletin/", "post"), ("/admin/faq/", "faq"),
                                ("/admin/downloads/", "download"), ("/office/accounts/", "office_account"),
                                ("/review/accounts/", "review_account"),
                                ("/teacher/subscriptions/", "subscription"), ("/feedback/", "feedback_thread"),
                                ("/admin/feedback/", "feedback_thread"), ("/office/specialties/", "specialty_application"),
                                ("/admin/specialties/", "specialty")):
                if p.startswith(prefix):
                    return str(objects[key])
        if name == "token" and p.startswith("/password/reset/"):
            return objects["reset_token"]
        if name == "token" and p.startswith("/email/confirm/"):
            return objects["email_token"]
        if name == "token" and p.startswith("/unsubscribe/"):
            return portal.unsubscribe_path(1, objects["subscription"]).rsplit("/", 1)[1]
        if name == "client" and p.startswith("/teacher/partners/"):
            return objects["client"]
        self.fail(f"{route}: no object for {{{name}}}: map it in param_value")

    def principals(self, route):
        """(client, its own token, another session's valid token) for the route's Who."""
        if route.who == "kAnyone":
            client, token = anonymous()
            return client, token, anonymous()[1]
        if route.who not in ACCOUNTS:
            self.fail(f"{route}: Who::{route.who} has no account: map it in ACCOUNTS")
        mine, other = ACCOUNTS[route.who]
        client, other_client = signed_in(mine), signed_in(other)
        other_token = token_of(other_client)
        self.assertNotEqual(token_of(client), other_token)
        return client, token_of(client), other_token

    def test_every_post_route_refuses_a_form_without_the_sessions_token(self):
        visited = set()
        routes = post_routes()
        for route in routes:
            with self.subTest(route=route.name):
                visited.add(route.name)
                if route.who == "kPartnerApi":
                    self.check_partner_route(route)
                    continue
                client, own, foreign = self.principals(route)
                path, fields = self.request(route, OBJECTS)
                row = ROWS.get(route.family, lambda o: None)
                before, before_row = everything(), row(OBJECTS)
                one_off = own[:-1] + ("A" if own[-1] != "A" else "B")
                for case, pairs in (("no token", fields),
                                    ("malformed token", [("csrf", "../" + own[:-4] + "%00<>")] + fields),
                                    ("a wrong token of the right shape", [("csrf", one_off)] + fields),
                                    ("another user's valid token", [("csrf", foreign)] + fields)):
                    with self.subTest(route=route.name, case=case):
                        r = client.post(path, pairs)
                        self.assertEqual(r.status, 403, f"{route} with {case}: {r.status} {r.header('location')}")
                        self.assertIn(CSRF_MESSAGE, r.text)
                        self.assertEqual(everything(), before, f"{route} with {case} changed the database")
                        self.assertEqual(row(OBJECTS), before_row, f"{route} with {case} changed its row")
        self.assertEqual(visited, {r.name for r in routes})
        self.assertGreater(len(visited), 15)

    def check_partner_route(self, route):
        """A partner route served to a browser's cookie and CSRF token alone would be a CSRF hole."""
        client = signed_in("A123456789")
        path, fields = self.request(route, OBJECTS)
        before, mark = everything(but_audit=True), portal.audit_mark()
        r = client.post(path, [("csrf", token_of(client)), ("grant_type", "client_credentials")] + fields)
        self.assertIn(r.status, (400, 401), f"{route}: a cookie without credentials got {r.status}")
        self.assertTrue((r.header("content-type") or "").startswith("application/json"), route)
        self.assertIn("error", json_of(r) or {}, route)
        self.assertEqual(everything(but_audit=True), before, f"{route} changed the database")
        # The refusal itself may be audited (ASVS 7.2.1), nothing else.
        for actor, action, _, _ in portal.audit_since(mark):
            self.assertEqual((actor, action.endswith("_refused")), ("-", True), route)

    def test_the_right_token_is_not_refused(self):
        """One route per family, with the token of its own session: served (so the refusals above
        were the CSRF check), and it changes the database (so the fields would have acted)."""
        families = {r.family: r for r in post_routes() if r.who != "kPartnerApi"}
        by_name = {r.name: r for r in post_routes()}
        for family in sorted(families):
            if family not in POSITIVE:
                continue  # test_every_post_route_family_has_a_positive_control names it
            name, overrides, served = POSITIVE[family]
            with self.subTest(family=family, route=name):
                self.assertIn(name, by_name, f"POSITIVE['{family}'] names a route the table no longer has")
                route = by_name[name]
                objects = dict(OBJECTS, **{k: v() if callable(v) else v for k, v in overrides.items()})
                client, token, _ = self.principals(route)
                path, fields = self.request(route, objects)
                before = everything()
                r = client.post(path, [("csrf", token)] + fields)
                self.assertNotIn(CSRF_MESSAGE, r.text)
                self.assertIn(r.status, served, f"{route}: {r.status} {r.text[:300]}")
                if family != "logout":  # an anonymous visitor's logout has nothing to change
                    self.assertNotEqual(everything(), before, f"{route} served but changed nothing")


if __name__ == "__main__":
    portal.main()
