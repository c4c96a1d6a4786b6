"""Shared helpers for the integration tests: an HTTP client with cookies and CSRF, and SQL.

The tests drive the private stack of tests/stack.sh (nginx on 127.0.0.1:18080, MariaDB under
var/test) exactly as a browser or a partner would, and read the database to check that
refusals changed nothing.
"""
import hashlib
import http.client
import os
import random
import re
import socket
import subprocess
import time
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


def sql_error(query):
    """Runs `query` as root; returns the server's error text, or None when it succeeded."""
    done = subprocess.run(
        ["mariadb", f"--socket={VAR}/run/mysqld.sock", "-uroot", "-N", "-B", "inservice", "-e", query],
        capture_output=True, text=True)
    return None if done.returncode == 0 else done.stderr.strip()


def session_key(token):
    """The web_session key of a session cookie value (the table holds only its SHA-256)."""
    return hashlib.sha256(token.encode()).hexdigest()


def account_key(account):
    """The login_failure key of a typed account name (SHA-256 of the normalised account)."""
    return hashlib.sha256(account.encode()).hexdigest()


# 身分證字號: the region letter's two-digit code, then weights 1, 9, 8, 7, ..., 1 (SPEC §1).
_LETTER_CODES = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                         [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,
                          22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33]))


def with_check_digit(first9):
    """'A12345678' -> 'A123456789': appends the check digit of a 身分證字號."""
    code = _LETTER_CODES[first9[0]]
    total = code // 10 + (code % 10) * 9 + sum(int(d) * w for d, w in zip(first9[1:], range(8, 0, -1)))
    return first9 + str((10 - total % 10) % 10)


def new_teacher(unit_id=4, employment="active", name="測試教師"):
    """Creates a teacher with a fresh valid 身分證字號 and the demo password; returns (id, national_id)."""
    rng = random.SystemRandom()
    for _ in range(50):
        nid = with_check_digit(rng.choice("QRSTUVWXYZ") + rng.choice("12") +
                               "".join(rng.choice("0123456789") for _ in range(7)))
        if sql_value(f"SELECT COUNT(*) FROM teacher WHERE national_id = '{nid}'") == "0":
            break
    unit = "NULL" if unit_id is None else int(unit_id)
    sql(f"INSERT INTO teacher (national_id, name, gender, unit_id, employment, password_hash)"
        f" SELECT '{nid}', '{name}', 'F', {unit}, '{employment}', password_hash"
        f" FROM teacher WHERE national_id = 'A123456789'")
    return int(sql_value(f"SELECT id FROM teacher WHERE national_id = '{nid}'")), nid


def delete_teacher(teacher_id):
    """Removes a teacher made by new_teacher, with everything that points at it."""
    tid = int(teacher_id)
    nid = sql_value(f"SELECT national_id FROM teacher WHERE id = {tid}")
    for table in ("web_session", "enrolment", "roster_entry", "study_record"):
        sql(f"DELETE FROM {table} WHERE teacher_id = {tid}")
    sql(f"DELETE FROM teacher WHERE id = {tid}")
    if nid:
        sql(f"DELETE FROM login_failure WHERE account_key = '{account_key(nid)}'")


def new_business_account(name, unit_id=4, kind="organizer", approved=True):
    """Creates a business account with the demo password; returns its id."""
    approved_at = "NOW()" if approved else "NULL"
    sql(f"INSERT INTO business_account (account_name, display_name, unit_id, kind, approved_at, password_hash)"
        f" SELECT '{name}', '測試帳號', {int(unit_id)}, '{kind}', {approved_at}, password_hash"
        f" FROM business_account WHERE account_name = 'organizer'")
    return int(sql_value(f"SELECT id FROM business_account WHERE account_name = '{name}'"))


def delete_business_account(name):
    aid = sql_value(f"SELECT id FROM business_account WHERE account_name = '{name}'")
    if aid:
        sql(f"DELETE FROM web_session WHERE account_id = {int(aid)}")
        sql(f"DELETE FROM business_account WHERE id = {int(aid)}")
    sql(f"DELETE FROM login_failure WHERE account_key = '{account_key(name)}'")


def codes_in(html, css_class):
    """Course codes listed inside the first <ul class="...css_class..."> of a page, in order."""
    m = re.search(r'<ul class="[^"]*\b' + re.escape(css_class) + r'\b[^"]*">(.*?)</ul>', html, re.S)
    return re.findall(r"代碼 (\d{7})", m.group(1)) if m else []


def roc(iso_date):
    """'2025-02-24' -> '114/02/24'."""
    y, m, d = iso_date[:10].split("-")
    return f"{int(y) - 1911}/{m}/{d}"


def stack(command, timeout=120):
    """Runs tests/stack.sh COMMAND (start-db, stop-db, kill-db, ...)."""
    return subprocess.run([os.path.join(ROOT, "tests", "stack.sh"), command], check=True,
                          capture_output=True, text=True, timeout=timeout)


def raw_request(data, timeout=10):
    """Sends raw bytes to nginx and returns (status, lower-cased header dict, body); status 0 when
    the server closed without answering. Sending may fail half-way when nginx refuses early."""
    s = socket.create_connection((HOST, PORT), timeout=timeout)
    try:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        out = b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
        except (ConnectionResetError, socket.timeout):
            pass
    finally:
        s.close()
    head, _, body = out.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    m = re.match(r"HTTP/1\.[01] (\d{3})", lines[0]) if lines and lines[0] else None
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return (int(m.group(1)) if m else 0), headers, body


def wait_until_healthy(seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if Client().get("/healthz").status == 200:
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def main():
    unittest.main(verbosity=2)
