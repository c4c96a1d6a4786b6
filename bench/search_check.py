#!/usr/bin/python3
"""Checks the portal's search (the in-memory index, site/course_finder.h) against the same search
done in SQL on course_search, on the bench data: totals and the first page, in order.

    PORTAL_VAR=var/bench nginx/portalctl start   # as bench/env.sh sets it (port 8180)
    bench/search_check.py [N]                    # N random searches besides the fixed ones (25)

The SQL side searches each term by the same spellings as the portal (a school's short and full
names: 國中 and 國民中學 …), which `build/portal-tool search-spellings` prints from the portal's own
rule (domain/search_terms.h), and puts the rows in the portal's result order
(domain/course_index.h): courses not ended first, soonest first; then the past ones, most recent
first. BENCH_VAR and BENCH_PORT point it at another instance (the test stack: var/test, 18080).
"""
import os
import random
import re
import subprocess
import sys
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOCKET = os.path.join(os.environ.get("BENCH_VAR", os.path.join(ROOT, "var", "bench")), "run", "mysqld.sock")
PORTAL = "http://127.0.0.1:%s" % os.environ.get("BENCH_PORT", "8180")
TOOL = os.path.join(ROOT, "build", "portal-tool")
KEYWORDS = ["閱讀", "教學", "SEL", "桌遊", "班級經營", "閱讀 策略", "數學 素養", "Python", "micro:bit", "量子力學",
            "國小 閱讀"]
LEVELS = ["elementary", "junior_high", "kindergarten", "university"]


def sql(query):
    out = subprocess.run(["mariadb", "--socket=" + SOCKET, "-uroot", "--default-character-set=utf8mb4",
                          "inservice", "-N", "-e", query], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def portal(params):
    # A throw-away parameter keeps the page cache out of it.
    url = PORTAL + "/courses?" + urllib.parse.urlencode(params) + "&check=" + str(random.random())
    page = urllib.request.urlopen(url).read().decode()
    return int(re.search(r'id="total">(\d+)<', page).group(1)), re.findall(r"代碼 (\d{7})", page)


def spellings(keyword):
    """The portal's terms of `keyword`, each as the list of its spellings."""
    out = subprocess.run([TOOL, "search-spellings", keyword], capture_output=True, text=True, check=True)
    return [line.split("\t") for line in out.stdout.splitlines()]


def groonga(column, keyword):
    """One Groonga condition per term: any of its spellings. Spellings hold no " or \\."""
    return ["(%s)" % " || ".join('%s @ "%s"' % (column, s.replace("'", "''")) for s in term)
            for term in spellings(keyword)]


def reference(p):
    terms = groonga("body", p.get("q", "")) + groonga("unit_name", p.get("unit", ""))
    where = []
    if terms:
        where.append("MATCH(s.body) AGAINST('*SS %s' IN BOOLEAN MODE)" % " && ".join(terms))
    if p.get("county"):
        where.append("s.county_id = %d" % p["county"])
    if p.get("category"):
        where.append("s.category_id = %d" % p["category"])
    if p.get("level"):
        where.append("s.levels LIKE '%%,%s,%%'" % p["level"])
    if p.get("tag"):
        where.append("s.tags LIKE '%% %d %%'" % p["tag"])
    if p.get("from"):
        where.append("s.last_date >= '%s'" % p["from"])
    if p.get("to"):
        where.append("s.first_date <= '%s'" % p["to"])
    if p.get("open"):
        where.append("s.enrol_opens_at <= NOW() AND s.enrol_closes_at >= NOW()")
    clause = " WHERE " + " AND ".join(where) if where else ""
    total = int(sql("SELECT COUNT(*) FROM course_search s" + clause))
    # Result order: the upcoming ones by (first, last, id) ascending, then the past ones by
    # (last, first, id) descending; the IF()s are NULL, so equal, for every past course.
    upcoming = "c.last_date >= CURDATE()"
    codes = sql("SELECT c.code FROM course_search s JOIN course c ON c.id = s.course_id" + clause +
                " ORDER BY NOT (%s), IF(%s, c.first_date, NULL), IF(%s, c.last_date, NULL),"
                " IF(%s, c.id, NULL), c.last_date DESC, c.first_date DESC, c.id DESC LIMIT 20"
                % (upcoming, upcoming, upcoming, upcoming))
    return total, codes.split("\n") if codes else []


def main():
    random.seed(3)
    cases = [{}, {"county": 3}, {"level": "elementary"}, {"tag": 2}, {"open": 1}, {"category": 5},
             {"unit": "教育局"}, {"from": "2026-03-01", "to": "2026-03-31"},
             # school short names: each term by all its spellings
             {"unit": "國中"}, {"unit": "高職"}, {"unit": "高中", "county": 3}, {"q": "國小 閱讀"}]
    for _ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 25):
        p = {"q": random.choice(KEYWORDS)}
        if random.random() < .5:
            p["county"] = random.randint(1, 22)
        if random.random() < .3:
            p["level"] = random.choice(LEVELS)
        if random.random() < .2:
            p["category"] = random.randint(1, 7)
        if random.random() < .2:
            p["tag"] = random.randint(1, 15)
        if random.random() < .2:
            p["open"] = 1
        if random.random() < .2:
            month = random.randint(1, 12)
            p["from"], p["to"] = "2026-%02d-01" % month, "2026-%02d-28" % month
        cases.append(p)
    differ = 0
    for p in cases:
        got, expected = portal(p), reference(p)
        same = got == expected
        differ += not same
        print("same   " if same else "DIFFER ", p, "total", got[0], "SQL", expected[0])
    print("%d searches, %d differ" % (len(cases), differ))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
