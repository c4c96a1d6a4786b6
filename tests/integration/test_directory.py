"""Public directory pages: 各校業務帳號人員查詢 (/units/accounts: display names, kinds and office
phones of a unit's approved, enabled 承辦人 and 總負責人, never account names nor e-mail) and 組織架構
(/organisation: the review units of 第11條, the units each reviews, and each one's contact)."""
import re
import unittest
import urllib.parse

from portal import (Client, delete_business_account, logged_in, main, new_business_account, sql,
                    sql_value, unique)


def accounts_page(typed):
    return Client().get("/units/accounts?q=" + urllib.parse.quote(typed))


def account_rows(html):
    return re.findall(r'<tr class="account"><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>', html)


def reviewed_by(html, review_code):
    m = re.search(r'data-review-unit="%s">(.*?)</section>' % re.escape(review_code), html, re.S)
    assert m, f"no section for {review_code}"
    return m.group(1)


class UnitAccounts(unittest.TestCase):
    def test_the_form_is_public_and_linked_from_every_page(self):
        r = Client().get("/units/accounts")
        self.assertEqual(r.status, 200)
        self.assertIn('<label for="q">學校代碼或名稱</label>', r.text)
        self.assertIn('href="/units/accounts"', Client().get("/").text)

    def test_a_school_by_code_shows_names_kinds_and_office_phones_only(self):
        r = accounts_page("034525")
        self.assertEqual(r.status, 200)
        self.assertIn('data-unit="034525"', r.text)
        self.assertEqual(account_rows(r.text), [("張總負責", "總負責人", "03-4512345#200"),
                                                ("林承辦", "承辦人", "03-4512345#210")])
        emails = sql("SELECT email FROM business_account WHERE unit_id = 4 AND email IS NOT NULL")
        names = sql("SELECT account_name FROM business_account WHERE unit_id = 4")
        self.assertTrue(emails and names)
        for secret in [row[0] for row in emails + names] + ["@"]:
            with self.subTest(secret=secret):
                self.assertNotIn(secret, r.text.split('<main', 1)[1])

    def test_a_name_matching_one_school_shows_it_and_one_matching_several_lists_them(self):
        one = accounts_page("文雅")
        self.assertIn('data-unit="064648"', one.text)
        self.assertEqual(account_rows(one.text), [("黃承辦", "承辦人", "04-25601234")])
        several = accounts_page("內壢")
        self.assertIn('data-result="choose"', several.text)
        self.assertIn('href="/units/accounts?q=034525"', several.text)
        self.assertIn('href="/units/accounts?q=034614"', several.text)
        self.assertEqual(account_rows(several.text), [])

    def test_only_approved_and_enabled_accounts_are_listed(self):
        pending, disabled = unique("pend"), unique("off")
        new_business_account(pending, unit_id=5, approved=False)
        self.addCleanup(delete_business_account, pending)
        off_id = new_business_account(disabled, unit_id=5)
        self.addCleanup(delete_business_account, disabled)
        sql(f"UPDATE business_account SET display_name = '停用者', disabled_at = NOW() WHERE id = {off_id}")
        sql(f"UPDATE business_account SET display_name = '待核准者' WHERE account_name = '{pending}'")
        r = accounts_page("034614")
        self.assertIn('data-unit="034614"', r.text)
        self.assertEqual(account_rows(r.text), [])
        self.assertIn("尚無已核准的業務帳號", r.text)
        self.assertNotIn("停用者", r.text)
        self.assertNotIn("待核准者", r.text)
        sql(f"UPDATE business_account SET disabled_at = NULL, phone = NULL WHERE id = {off_id}")
        self.assertEqual(account_rows(accounts_page("034614").text), [("停用者", "承辦人", "（未提供）")])

    def test_reviewer_and_admin_accounts_are_not_school_contacts(self):
        r = accounts_page("380000")
        self.assertIn('data-unit="380000"', r.text)
        self.assertEqual(account_rows(r.text), [])
        self.assertNotIn("陳審課", r.text)

    def test_empty_input_is_422_with_a_message_and_wildcards_match_nothing(self):
        r = accounts_page("")
        self.assertEqual(r.status, 422)
        self.assertIn('<p class="field-error" id="q-error">', r.text)
        for typed in ("%", "_", "zz%zz"):
            with self.subTest(typed=typed):
                page = accounts_page(typed)
                self.assertEqual(page.status, 200)
                self.assertIn('data-result="none"', page.text)
                self.assertEqual(account_rows(page.text), [])

    def test_typed_text_is_escaped(self):
        r = accounts_page('<script>x</script>')
        self.assertNotIn("<script>x", r.text)
        self.assertIn("&lt;script&gt;x", r.text)


class Organisation(unittest.TestCase):
    def setUp(self):
        self.page = Client().get("/organisation")

    def test_each_review_unit_of_the_demo_with_its_contact(self):
        self.assertEqual(self.page.status, 200)
        for code, name, contact, phone in (("380000", "桃園市政府教育局", "陳審課", "03-3322101#7511"),
                                           ("660000", "臺中市政府教育局", "許審課", "04-22293401#13"),
                                           ("K12001", "教育部國民及學前教育署", "趙審課", "04-37061234"),
                                           ("NC0001", "全國教師在職進修資訊網及全國推廣中心", "鄭審課",
                                            "07-7172930#1234")):
            with self.subTest(code=code):
                section = reviewed_by(self.page.text, code)
                self.assertIn(name, section)
                self.assertIn(f'<span class="contact">{contact}</span>，電話 {phone}', section)
        self.assertNotIn("@", self.page.text.split('<main', 1)[1])
        self.assertNotIn("reviewer-k12ea", self.page.text)

    def test_which_units_each_reviews_follows_article_11(self):
        units = lambda code: re.findall(r'<li data-unit="([^"]+)">', reviewed_by(self.page.text, code))
        # The county's junior high and elementary school, and its two kindergartens (第11條四).
        self.assertEqual(units("380000"), ["034525", "034614", "034980", "034981"])
        self.assertEqual(units("660000"), ["064648"])
        self.assertEqual(units("K12001"), ["030305"])                  # a national high school: its authority
        self.assertEqual(sorted(units("NC0001")), ["0015", "K12001"])  # a university, a national body

    def test_the_page_agrees_with_the_review_unit_a_registered_course_gets(self):
        # Every demo course's review unit is the section that lists its unit.
        for unit_code, review_code in sql(
                "SELECT DISTINCT u.code, r.code FROM course c JOIN unit u ON u.id = c.unit_id"
                " JOIN unit r ON r.id = c.review_unit_id WHERE u.review_unit_id IS NULL"):
            with self.subTest(unit=unit_code):
                self.assertIn(f'<li data-unit="{unit_code}">', reviewed_by(self.page.text, review_code))

    def test_an_administrators_override_moves_a_unit(self):
        sql("UPDATE unit SET review_unit_id = 3 WHERE id = 5")
        self.addCleanup(sql, "UPDATE unit SET review_unit_id = NULL WHERE id = 5")
        page = Client().get("/organisation").text
        self.assertIn('<li data-unit="034614">', reviewed_by(page, "660000"))
        self.assertNotIn('<li data-unit="034614">', reviewed_by(page, "380000"))

    def test_linked_from_the_footer_and_the_course_registration_form(self):
        self.assertIn('href="/organisation"', Client().get("/").text)
        form = logged_in("organizer").get("/office/courses/new")
        self.assertEqual(form.status, 200)
        self.assertIn('href="/organisation"', form.text)


if __name__ == "__main__":
    main()
