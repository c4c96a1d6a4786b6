"""The read API (issue 11): GET /api/v1/courses answers what the search page answers, as JSON;
GET /api/v1/courses/<code> one public course without any contact e-mail; ETag with 304 on
If-None-Match, Cache-Control and CORS; a flood from one address gets 429 with Retry-After.
"""
import http.client
import json
import os
import re
import time
import unittest
import urllib.parse

from portal import HOST, PORT, ROOT, Client, codes_in, main, sql


def api(path, headers=None, source=None):
    conn = http.client.HTTPConnection(HOST, PORT, timeout=30, source_address=(source, 0) if source else None)
    conn.request("GET", path, headers={"Host": f"{HOST}:{PORT}", **(headers or {})})
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def api_json(path, **kw):
    status, headers, body = api(path, **kw)
    return status, headers, json.loads(body) if body else None


def html_search(params):
    page = Client().get("/courses?" + urllib.parse.urlencode({**params, "fresh": id(params)})).text
    total = re.search(r'id="total">(\d+)<', page)
    return codes_in(page, "results"), int(total.group(1)) if total else 0


class Listing(unittest.TestCase):
    def test_the_api_answers_what_the_search_page_answers(self):
        for params in ({}, {"q": "閱讀"}, {"county": "3"}, {"level": "elementary"}, {"q": "內壢國中"},
                       {"open": "1"}, {"q": "量子力學"}, {"page": "2"}):
            with self.subTest(params=params):
                status, headers, body = api_json("/api/v1/courses?" + urllib.parse.urlencode(params))
                self.assertEqual(status, 200)
                self.assertTrue(headers["content-type"].startswith("application/json"))
                codes, total = html_search(params)
                self.assertEqual([c["code"] for c in body["courses"]], codes)
                self.assertEqual(body["total"], total)

    def test_each_course_has_its_facts_links_and_enrolment_but_no_contact(self):
        _, _, body = api_json("/api/v1/courses?" + urllib.parse.urlencode({"q": "素養導向閱讀教學工作坊"}))
        course = next(c for c in body["courses"] if c["code"] == "5600001")
        self.assertEqual(course["unit"], "桃園市立內壢國民中學")
        self.assertEqual(course["hours"], 9)
        self.assertTrue(course["url"].endswith("/courses/5600001"))
        self.assertTrue(course["api_url"].endswith("/api/v1/courses/5600001"))
        self.assertEqual(course["enrolment"]["status"], "open")
        self.assertIsInstance(course["enrolment"]["seats_left"], int)
        self.assertRegex(course["enrolment"]["closes_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+08:00$")

    def test_paging_and_bounds_never_refuse(self):
        _, _, one = api_json("/api/v1/courses?per_page=1")
        self.assertEqual((one["per_page"], len(one["courses"])), (1, 1))
        self.assertIn("/api/v1/courses?", one["next"])
        self.assertIn("per_page=1", one["next"])
        _, _, big = api_json("/api/v1/courses?per_page=5000")
        self.assertEqual(big["per_page"], 100)
        self.assertIsNone(big["next"])
        status, _, odd = api_json("/api/v1/courses?" + urllib.parse.urlencode({"from": "昨天", "page": "-3", "county": "abc"}))
        self.assertEqual(status, 200)
        self.assertTrue(any("日期" in n for n in odd["notes"]))
        self.assertEqual(odd["page"], 1)


class OneCourse(unittest.TestCase):
    def test_a_public_course_in_full_without_any_e_mail(self):
        status, headers, raw = api("/api/v1/courses/5600001")
        self.assertEqual(status, 200)
        self.assertNotIn(b"@", raw)  # contacts are e-mailed through the portal, never published here
        body = json.loads(raw)
        self.assertEqual((body["code"], body["title"]), ("5600001", "素養導向閱讀教學工作坊"))
        self.assertEqual(len(body["sessions"]), 2)
        self.assertEqual(body["basis_doc"], "桃教資字第1140014389號")
        self.assertEqual(sorted(body["levels"]), ["國中", "國小"])

    def test_a_course_that_is_not_public_or_does_not_exist_is_404_json(self):
        for code in ("5600003", "5600004", "5600010", "5999999", "abc"):
            with self.subTest(code=code):
                status, headers, body = api(f"/api/v1/courses/{code}")
                self.assertEqual(status, 404)
                self.assertIn("error", json.loads(body))


class Caching(unittest.TestCase):
    def test_etag_revalidates_to_304_and_cors_allows_any_origin(self):
        status, headers, body = api("/api/v1/courses/5600013")
        self.assertEqual(status, 200)
        etag = headers["etag"]
        self.assertRegex(etag, r'^"[A-Za-z0-9_-]{22}"$')
        self.assertEqual(headers["cache-control"], "public, max-age=30")
        self.assertEqual(headers["access-control-allow-origin"], "*")
        status, again, body = api("/api/v1/courses/5600013", headers={"If-None-Match": etag})
        self.assertEqual((status, body, again["etag"]), (304, b"", etag))
        status, _, _ = api("/api/v1/courses/5600013", headers={"If-None-Match": '"something-else"'})
        self.assertEqual(status, 200)

    def test_a_change_changes_the_etag_within_the_cache_bound(self):
        _, before, _ = api("/api/v1/courses/5600002")
        seats = sql("SELECT online_seats FROM course WHERE code = '5600002'")[0][0]
        sql("UPDATE course SET online_seats = online_seats - 1 WHERE code = '5600002'")
        try:
            # Kept like the course page, at most public_cache_seconds (10 s): then the new facts.
            deadline = time.monotonic() + 12
            while api("/api/v1/courses/5600002")[1]["etag"] == before["etag"]:
                self.assertLess(time.monotonic(), deadline, "the ETag moves within the cache bound")
                time.sleep(0.5)
        finally:
            sql(f"UPDATE course SET online_seats = {seats} WHERE code = '5600002'")


OPENAPI = os.path.join(ROOT, "static", "api", "openapi.json")


def check(value, schema, spec, where="$"):
    """The problems of `value` against an OpenAPI 3.0 schema ($ref, nullable, type, enum, required,
    properties, items): enough to hold the file to what the portal answers."""
    if "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if value is None:
        return [] if schema.get("nullable") else [f"{where}: null"]
    kinds = {"object": dict, "array": list, "string": str, "integer": int, "boolean": bool}
    kind = schema.get("type", "object")
    if not isinstance(value, kinds[kind]) or (kind == "integer" and isinstance(value, bool)):
        return [f"{where}: not {kind}"]
    problems = []
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    if kind == "object":
        problems += [f"{where}.{name}: missing" for name in schema.get("required", []) if name not in value]
        problems += [f"{where}.{name}: not documented" for name in value if name not in schema.get("properties", {})]
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                problems += check(value[name], sub, spec, f"{where}.{name}")
    if kind == "array":
        for i, item in enumerate(value):
            problems += check(item, schema["items"], spec, f"{where}[{i}]")
    return problems


class OpenApi(unittest.TestCase):
    def test_the_files_schemas_describe_the_real_answers(self):
        with open(OPENAPI, encoding="utf-8") as f:
            spec = json.load(f)
        for path, doc_path in (("/api/v1/courses?per_page=100", "/api/v1/courses"),
                               ("/api/v1/courses?open=1", "/api/v1/courses"),
                               ("/api/v1/courses/5600001", "/api/v1/courses/{code}"),
                               ("/api/v1/courses/5600005", "/api/v1/courses/{code}")):
            with self.subTest(path=path):
                status, _, body = api_json(path)
                self.assertEqual(status, 200)
                schema = spec["paths"][doc_path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
                self.assertEqual(check(body, schema, spec), [])
        status, _, body = api_json("/api/v1/courses/5999999")
        self.assertEqual(check(body, {"$ref": "#/components/schemas/Error"}, spec), [])


def keys(value):
    """The shape of an answer: the keys of every object in it, by where they are."""
    out = {}
    def walk(v, where):
        if isinstance(v, dict):
            out[where] = set(v)
            for k, sub in v.items():
                walk(sub, f"{where}.{k}")
        elif isinstance(v, list):
            for item in v[:1]:
                walk(item, f"{where}[]")
    walk(value, "$")
    return out


class OpenApiExamples(unittest.TestCase):
    def test_the_files_examples_follow_its_schemas_and_have_the_shape_of_real_answers(self):
        with open(OPENAPI, encoding="utf-8") as f:
            spec = json.load(f)
        for doc_path, path in (("/api/v1/courses", "/api/v1/courses?q=%E9%96%B1%E8%AE%80&per_page=1"),
                               ("/api/v1/courses/{code}", "/api/v1/courses/5600001")):
            with self.subTest(path=doc_path):
                content = spec["paths"][doc_path]["get"]["responses"]["200"]["content"]["application/json"]
                self.assertIn("example", content, f"{doc_path} has no example")
                self.assertEqual(check(content["example"], content["schema"], spec), [])
                status, _, real = api_json(path)
                self.assertEqual(status, 200)
                self.assertEqual(keys(content["example"]), keys(real), "the example has the real answer's fields")


class RateLimit(unittest.TestCase):
    def test_a_flood_from_one_address_gets_429_with_retry_after_others_are_served(self):
        answers = [api("/api/v1/courses/5600001", source="127.0.0.77") for _ in range(200)]
        limited = [a for a in answers if a[0] == 429]
        self.assertGreater(len(limited), 0)
        self.assertEqual({a[0] for a in answers} - {200, 429}, set())
        status, headers, body = limited[0]
        self.assertEqual(headers["retry-after"], "10")
        self.assertTrue(headers["content-type"].startswith("application/json"))
        self.assertEqual(json.loads(body)["error"], "rate_limited")
        self.assertEqual(api("/api/v1/courses/5600001", source="127.0.0.78")[0], 200)  # another address


if __name__ == "__main__":
    main()
