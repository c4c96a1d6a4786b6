"""Stored markup is shown as text on every page (SECURITY-CATALOGUE B3; STYLE §7).

Every free-text field the portal shows gets markup that would run if a template let it through
unescaped: `<img src=x onerror=TAG()>` and `"><script>TAG()</script>` (an attribute break-out),
or `"><svg/onload=TAG()>` where a URL must stay valid. Each field has its own TAG, so a failure
names the field. The values go in through the real forms where there is one (course
registration and resubmission, the reviewer's return, the administrator's return reasons, the
partner application and its approval, the consent) and by SQL where there is none yet (a
teacher's name and title, a unit's name, an account's display name, course contacts' phones and
e-mails, bulletins, 問答集). Then every page that shows them must carry the escaped form and never the
raw one. Everything is made in a fresh unit and removed at the end.
"""
import html
import urllib.parse
import unittest

import portal
from portal import (Client, auth_params, authorize_path, course_fields, create_course, days_ahead, logged_in,
                    session_row, sql, sql_str, sql_value, token_of, unique)

FIELDS = {}   # tag -> the field it marks
KINDS = {}    # tag -> "both", "img" (short fields) or "url"
MADE = {}     # what setUpModule made: ids, codes, clients


def marked(tag, field, kind="both", url="https://partner.example.org/"):
    """The value stored in `field`: markup carrying `tag`."""
    FIELDS[tag], KINDS[tag] = field, kind
    if kind == "url":
        return f'{url}"><svg/onload={tag}()>'
    img = f"<img src=x onerror={tag}()>"
    return img if kind == "img" else img + f'"><script>{tag}()</script>'


def raw_forms(tag):
    if KINDS[tag] == "url":
        return [f"<svg/onload={tag}()>"]
    forms = [f"<img src=x onerror={tag}()>"]
    return forms if KINDS[tag] == "img" else forms + [f"<script>{tag}()</script>"]


def escaped_forms(tag):
    """The markup as ctemplate's HTML escaping writes it (& < > " ' as entities)."""
    if KINDS[tag] == "url":
        dangerous = [f'"><svg/onload={tag}()>']
    else:
        dangerous = [f"<img src=x onerror={tag}()>"] + ([] if KINDS[tag] == "img" else [f'"><script>{tag}()</script>'])
    return [html.escape(d, quote=True).replace("&#x27;", "&#39;") for d in dangerous]


def check(response, action):
    if response.status not in (200, 201, 303):
        raise AssertionError(f"{action} answered {response.status}: {response.text[:600]}")
    return response


def setUpModule():
    MADE["unit"] = portal.new_unit(marked("u01", "unit name"))
    admin = logged_in("admin")
    reviewer = logged_in("reviewer")

    # An organizer of the unit, its display name set where no form sets it yet.
    name = unique("xss").replace("-", "")[:30]
    account_id = portal.new_business_account(name, unit_id=MADE["unit"])
    sql(f"UPDATE business_account SET display_name = {sql_str(marked('a01', 'organizer display name'))}"
        f" WHERE id = {account_id}")
    organizer = logged_in(name)

    # A return reason made by the administrator's form.
    label = marked("r01", "return reason label")
    check(admin.post("/admin/reasons", {"csrf": token_of(admin), "label": label}), "creating a reason")
    MADE["reason"] = sql_value(f"SELECT id FROM return_reason WHERE label = {sql_str(label)}")

    # Two courses by the registration form; the first is returned, resubmitted and approved.
    title = unique("跳脫測試研習") + marked("c01", "course title")
    fields = dict(scope="cross", basis_doc=marked("c02", "basis doc (依據文號)"),
                  subject_area=marked("c03", "subject area"), outline=marked("c04", "outline"),
                  subsidy=marked("c05", "subsidy"), contact1_name=marked("c06", "contact 1 name"),
                  contact2_name=marked("c07", "contact 2 name"))
    place = marked("c08", "session place")
    public = create_course(organizer, title, [session_row(days_ahead(20), place=place)], **fields)
    waiting = create_course(organizer, title, [session_row(days_ahead(22), place=place)], **fields)
    MADE.update(public=public, waiting=waiting)
    note = marked("n01", "reviewer's return note")
    check(reviewer.post(f"/review/courses/{public}/return",
                        [("csrf", token_of(reviewer)), ("reason", MADE["reason"]), ("note", note)]), "the return")
    check(organizer.post(f"/office/courses/{public}/edit", [("csrf", token_of(organizer))] +
                         course_fields(title, [session_row(days_ahead(20), place=place)], **fields)), "resubmitting")
    check(reviewer.post(f"/review/courses/{public}/approve", {"csrf": token_of(reviewer)}), "the approval")
    # Phones and e-mails the form checks for their shape: a feed or an old record might hold anything.
    sql(f"UPDATE course SET contact1_phone = {sql_str(marked('c09', 'contact 1 phone', 'img'))},"
        f" contact2_phone = {sql_str(marked('c10', 'contact 2 phone', 'img'))},"
        f" contact1_email = {sql_str(marked('c11', 'contact 1 e-mail'))},"
        f" contact2_email = {sql_str(marked('c12', 'contact 2 e-mail'))} WHERE code IN ('{public}', '{waiting}')")

    # A teacher of the unit, and a bulletin.
    MADE["teacher"], national_id = portal.new_teacher(MADE["unit"], name=marked("t01", "teacher name"))
    sql(f"UPDATE teacher SET title_name = {sql_str(marked('t02', 'teacher title', 'img'))}"
        f" WHERE id = {MADE['teacher']}")
    sql(f"INSERT INTO bulletin (title, body, publish_at, pinned) VALUES ({sql_str(marked('b01', 'bulletin title'))},"
        f" {sql_str(marked('b02', 'bulletin body'))}, NOW() - INTERVAL 1 MINUTE, TRUE)")
    MADE["bulletin"] = sql_value("SELECT MAX(id) FROM bulletin")
    sql(f"INSERT INTO faq (category, question, answer) VALUES ('other', {sql_str(marked('f01', 'FAQ question'))},"
        f" {sql_str(marked('f02', 'FAQ answer'))})")
    MADE["faq"] = sql_value("SELECT MAX(id) FROM faq")

    # A partner: applied for through the form, approved by the administrator.
    applicant = Client()
    site_name = marked("p01", "partner site name")
    application = portal.partner_application(
        site_name, operator_name=marked("p02", "partner operator"), head_name=marked("p03", "partner head"),
        contact_name=marked("p04", "partner contact name"), contact_phone=marked("p05", "partner contact phone", "img"),
        audience=marked("p06", "partner audience"), members=marked("p07", "partner members"),
        purpose=marked("p08", "partner purpose"), maintenance=marked("p09", "partner maintenance"),
        use_name=marked("p10", "partner's use of 姓名"), site_url=marked("p11", "partner site URL", "url"),
        test_url=marked("p12", "partner test URL", "url"),
        privacy_policy_url=marked("p13", "partner privacy URL", "url"))
    check(applicant.post("/partners/apply", dict(application, csrf=applicant.csrf_from("/partners/apply"))),
          "the partner application")
    MADE["partner"] = sql_value(f"SELECT id FROM partner WHERE site_name = {sql_str(site_name)}")
    redirect_uri = marked("p14", "partner redirect URI", "url", url="http://127.0.0.1:8091/xss-callback")
    client_id = "xss-" + portal.random_text(6).lower().replace("_", "-")
    check(admin.post(f"/admin/partners/{MADE['partner']}/approve",
                     {"csrf": token_of(admin), "client_id": client_id, "redirect_uris": redirect_uri, "claims": "name"}),
          "the partner approval")
    sql(f"UPDATE partner SET contact_email = {sql_str(marked('p15', 'partner contact e-mail'))}"
        f" WHERE id = {MADE['partner']}")
    MADE["client_id"] = client_id

    # The teacher roams to it: the consent page, then a consent.
    teacher = logged_in(national_id)
    params, _ = auth_params({"client_id": client_id, "redirect_uri": redirect_uri, "scope": "openid profile"})
    consent = teacher.get(authorize_path(params))
    if not portal.is_consent_page(consent):
        raise AssertionError(f"no consent page: {consent.status} {consent.text[:600]}")
    MADE["consent_page"] = consent.text
    check(portal.submit_consent(teacher, consent), "the consent")
    MADE["clients"] = {"organizer": organizer, "reviewer": reviewer, "admin": admin, "teacher": teacher}


def tearDownModule():
    if "unit" in MADE:
        portal.delete_unit(MADE["unit"])
    if MADE.get("reason"):
        sql(f"DELETE FROM return_reason WHERE id = {int(MADE['reason'])}")
    if MADE.get("bulletin"):
        sql(f"DELETE FROM bulletin WHERE id = {int(MADE['bulletin'])}")
    if MADE.get("faq"):
        sql(f"DELETE FROM faq WHERE id = {int(MADE['faq'])}")
    if MADE.get("partner"):
        portal.delete_partner(sql_value(f"SELECT client_id FROM partner WHERE id = {int(MADE['partner'])}"))


COURSE = ["c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09", "c10", "c11", "c12"]
REVIEWED = ["c01", "c02", "c04", "c06", "c07", "c08", "c09", "c10", "c11", "c12", "u01", "a01", "r01"]
PARTNER = ["p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11", "p12", "p13", "p14", "p15"]


def pages():
    """(page, who looks, path, the tags it must show escaped)."""
    public, waiting = MADE["public"], MADE["waiting"]
    return [
        ("public course page", "teacher", f"/courses/{public}", COURSE + ["u01", "a01"]),
        ("search results", "teacher", "/courses?q=" + urllib.parse.quote("跳脫測試研習"), ["c01", "u01"]),
        ("home", "teacher", "/", ["c01", "u01", "b01", "b02"]),
        ("/bulletin", "teacher", "/bulletin", ["b01", "b02"]),
        ("bulletin post", "teacher", f"/bulletin/{MADE['bulletin']}", ["b01", "b02"]),
        ("/faq", "teacher", "/faq", ["f01", "f02"]),
        ("/admin/bulletin", "admin", "/admin/bulletin", ["b01"]),
        ("/admin/faq", "admin", "/admin/faq", ["f01"]),
        ("/office", "organizer", "/office", ["c01", "u01", "a01"]),
        ("/office/courses", "organizer", "/office/courses", ["c01", "a01"]),
        ("office course page", "organizer", f"/office/courses/{public}", ["c01", "c02", "c04", "c08", "a01", "r01", "n01"]),
        ("office edit form", "organizer", f"/office/courses/{waiting}/edit", COURSE + ["a01"]),
        ("/review queue", "reviewer", "/review", ["c01", "u01"]),
        ("review course page (waiting)", "reviewer", f"/review/courses/{waiting}", REVIEWED),
        ("review course page (decided)", "reviewer", f"/review/courses/{public}", REVIEWED + ["n01"]),
        ("/teacher", "teacher", "/teacher", ["t01", "t02", "u01"]),
        ("/teacher/partners", "teacher", "/teacher/partners", ["t01", "p01"]),
        ("/admin/partners", "admin", "/admin/partners", ["p01", "p02"]),
        ("/admin/partners/<id>", "admin", f"/admin/partners/{MADE['partner']}", PARTNER),
        ("/admin/reasons", "admin", "/admin/reasons", ["r01"]),
    ]


class StoredMarkupIsText(unittest.TestCase):
    def assert_shown_as_text(self, page, text, tags):
        for tag in FIELDS:
            for raw in raw_forms(tag):
                self.assertFalse(raw in text, f"{page}: the {FIELDS[tag]} is shown unescaped ({raw})")
        for tag in tags:
            for escaped in escaped_forms(tag):
                self.assertTrue(escaped in text, f"{page}: the {FIELDS[tag]} is not shown escaped ({escaped})")

    def test_every_page_shows_the_markup_escaped(self):
        for page, who, path, tags in pages():
            with self.subTest(page=page):
                r = MADE["clients"][who].get(path)
                self.assertEqual(r.status, 200, f"{page}: {path}")
                self.assert_shown_as_text(page, r.text, tags)
                self.assertEqual(r.text.count("<script"), r.text.count('<script src="/static/'),
                                 f"{page}: a script element the portal did not write")

    def test_the_consent_page_shows_the_partners_name_escaped(self):
        self.assert_shown_as_text("consent page", MADE["consent_page"], ["p01"])

    def test_the_layout_shows_the_signed_in_names_escaped(self):
        for who, tag in (("teacher", "t01"), ("organizer", "a01")):
            with self.subTest(who=who):
                text = MADE["clients"][who].get("/courses").text
                self.assert_shown_as_text("layout", text, [tag])
                self.assertIn(f'<li class="user">{escaped_forms(tag)[0]}', text)

    def test_anonymous_visitors_get_no_markup_either(self):
        for path in (f"/courses/{MADE['public']}", "/", "/courses?q=" + urllib.parse.quote("跳脫測試研習")):
            with self.subTest(path=path):
                r = Client().get(path)
                self.assertEqual(r.status, 200)
                self.assert_shown_as_text(path, r.text, [])


if __name__ == "__main__":
    portal.main()
