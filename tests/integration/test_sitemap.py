"""網頁導覽 (issue 11) is drawn from the route table: every public GET route without a parameter is
on it, as a page or as an address for programs, unless it is one of the few that are not pages to
visit — so a new public page cannot be left off the map.
"""
import os
import re
import unittest

from portal import ROOT, Client, main
from test_every_post_route import parse_routes

# Kept in step with not_pages() in fcgi/site/sitemap.cpp.
NOT_PAGES = {"healthz", "logout.form", "oidc.authorize", "oidc.discovery", "oidc.jwks", "sitemap",
             "login.second_factor.form", "login.second_factor.qr"}  # steps of a login under way


class Sitemap(unittest.TestCase):
    def test_every_public_route_without_parameters_is_on_the_map(self):
        with open(os.path.join(ROOT, "fcgi", "app", "routes.cpp"), encoding="utf-8") as f:
            routes = parse_routes(f.read())
        expected = {r.pattern for r in routes
                    if r.method == "GET" and r.who == "kAnyone" and not r.params and r.name not in NOT_PAGES}
        page = Client().get("/sitemap")
        self.assertEqual(page.status, 200)
        linked = set(re.findall(r'<li><a href="([^"]+)">', page.text))
        self.assertEqual(expected - linked, set(), "public routes missing from 網頁導覽: label them in sitemap.cpp")
        self.assertIn('href="/api/v1/openapi.json"', page.text)

    def test_every_page_links_to_it(self):
        self.assertIn('href="/sitemap"', Client().get("/").text)


if __name__ == "__main__":
    main()
