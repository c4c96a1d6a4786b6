"""Shared helpers for the integration tests: an HTTP client with cookies and CSRF, and SQL.

The tests drive the private stack of tests/stack.sh (nginx on 127.0.0.1:18080, MariaDB under
var/test) exactly as a browser or a partner would, and read the database to check that
refusals changed nothing.
"""
import http.client
import os
import re
import subprocess
import unittest
import urllib.parse

ROOT = os.environ.get("PORTAL_ROOT", os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
VAR = os.environ.get("PORTAL_TEST_VAR", os.path.join(ROOT, "var", "test"))
HOST = "127.0.0.1"
PORT = int(os.environ.get("PORTAL_TEST_PORT", "18080"))
DEMO_PASSWORD = "inservice-demo"


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # list of (name, value), names lower-case
        self.body = body
        self.text = body.decode("utf-8", "replace")

    def header(self, name):
        for n, v in self.headers:
            if n == name.lower():
                return v
        return None

    def all_headers(self, name):
        return [v for n, v in self.headers if n == name.lower()]


class Client:
    """One visitor: keeps its cookies like a browser does (host-only, path /)."""

    def __init__(self):
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, raw_body=None):
        conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
        h = {"Host": f"{HOST}:{PORT}"}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = raw_body
        if body is not None:
            data = urllib.parse.urlencode(body).encode()
            h["Content-Type"] = "application/x-www-form-urlencoded"
        h.update(headers or {})
        conn.request(method, path, body=data, headers=h)
        r = conn.getresponse()
        resp = Response(r.status, [(n.lower(), v) for n, v in r.getheaders()], r.read())
        conn.close()
        for cookie in resp.all_headers("set-cookie"):
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in cookie or value == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return resp

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, headers=None):
        return self.request("POST", path, body=fields, headers=headers)

    def csrf_from(self, path):
        """The CSRF token of the first form on `path`."""
        page = self.get(path)
        m = re.search(r'name="csrf" value="([^"]+)"', page.text)
        if not m:
            raise AssertionError(f"no CSRF token on {path} (status {page.status})")
        return m.group(1)

    def login(self, account, password=DEMO_PASSWORD, next_path=None):
        token = self.csrf_from("/login")
        fields = {"csrf": token, "account": account, "password": password}
        if next_path:
            fields["next"] = next_path
        return self.post("/login", fields)


def sql(query):
    """Runs `query` as root on the test database; returns rows as lists of strings."""
    out = subprocess.run(
        ["mariadb", f"--socket={VAR}/run/mysqld.sock", "-uroot", "-N", "-B", "inservice", "-e", query],
        check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines()]


def sql_value(query):
    rows = sql(query)
    return rows[0][0] if rows else None


def light_of(html):
    m = re.search(r'data-light="(green|yellow|red)"', html)
    return m.group(1) if m else None


def main():
    unittest.main(verbosity=2)
