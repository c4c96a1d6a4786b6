"""Shared helpers for the integration tests: an HTTP client with cookies and CSRF, and SQL.

The tests drive the private stack of tests/stack.sh (nginx on 127.0.0.1:18080, MariaDB under
var/test) exactly as a browser or a partner would, and read the database to check that
refusals changed nothing.
"""
import hashlib
import hmac
import http.client
import os
import random
import re
import socket
import struct
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

    def login(self, account, password=DEMO_PASSWORD, next_path=None, second_factor=True):
        """Logs in through the form; a business account asked for its second factor answers it
        (pass_second_factor) unless `second_factor` is False, and the last answer is returned."""
        token = self.csrf_from("/login")
        fields = {"csrf": token, "account": account, "password": password}
        if next_path:
            fields["next"] = next_path
        r = self.post("/login", fields)
        if second_factor and r.status == 303 and r.header("location").endswith("/login/second-factor"):
            return self.pass_second_factor(account)
        return r

    def pass_second_factor(self, account, code=None):
        """Answers /login/second-factor as the account's authenticator app would: with the code of
        its secret now (one being set up, when the role requires a factor and none is on yet).
        Tests log one account in many times a minute where a person's app shows one code each
        30 s, so the account's last accepted step is forgotten first, unless `code` is given."""
        token = self.csrf_from("/login/second-factor")
        if code is None:
            sql(f"UPDATE business_account SET totp_last_step = 0 WHERE account_name = {sql_str(account)}")
            code = totp_now(account)
        return self.post("/login/second-factor", {"csrf": token, "code": code})


def sql(query):
    """Runs `query` as root on the test database; returns rows as lists of strings."""
    out = subprocess.run(
        ["mariadb", f"--socket={VAR}/run/mysqld.sock", "-uroot", "-N", "-B", "inservice", "-e", query],
        check=True, capture_output=True, text=True, errors="surrogateescape").stdout
    # surrogateescape: a binary column (teacher.national_id_enc in a SELECT *) is no UTF-8.
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
    """The login_failure key of a typed account name (HMAC-SHA-256 of the normalised account)."""
    return nid_key(account)


# 身分證字號 at rest (fcgi/core/pii.h): teacher.national_id_hmac is HMAC-SHA-256 under
# var/test/secrets/pii-hmac.key, national_id_enc is version 1 | nonce | AES-256-GCM | tag under pii.key.

def _pii_key(name):
    with open(os.path.join(VAR, "secrets", name), "rb") as f:
        return f.read()


def nid_key(national_id):
    """teacher.national_id_hmac of a 身分證字號 (lower-case hex)."""
    return hmac.new(_pii_key("pii-hmac.key"), national_id.encode(), hashlib.sha256).hexdigest()


def nid_where(national_id, table=""):
    """The SQL condition that finds a teacher by 身分證字號, as the portal does."""
    return f"{table + '.' if table else ''}national_id_hmac = '{nid_key(national_id)}'"


def nid_sealed(national_id):
    """teacher.national_id_enc of a 身分證字號 as an SQL literal (X'...')."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    nonce = os.urandom(12)
    sealed = b"\x01" + nonce + AESGCM(_pii_key("pii.key")).encrypt(nonce, national_id.encode(), b"\x01")
    return f"X'{sealed.hex()}'"


def nid_values(national_id):
    """national_id_hmac, national_id_enc of a 身分證字號, for an INSERT's VALUES or SELECT list."""
    return f"'{nid_key(national_id)}', {nid_sealed(national_id)}"


def nid_open(sealed_hex):
    """The 身分證字號 in HEX(national_id_enc); raises on a bad tag."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    sealed = bytes.fromhex(sealed_hex)
    return AESGCM(_pii_key("pii.key")).decrypt(sealed[1:13], sealed[13:], sealed[:1]).decode()


def national_id_of(teacher_id):
    """A teacher's 身分證字號, decrypted; None for no such teacher."""
    sealed = sql_value(f"SELECT HEX(national_id_enc) FROM teacher WHERE id = {int(teacher_id)}")
    return nid_open(sealed) if sealed else None


def teacher_ids_by_nid(national_ids):
    """{身分證字號: teacher id} of those of `national_ids` that a teacher has."""
    by_key = {nid_key(n): n for n in national_ids}
    if not by_key:
        return {}
    listed = ",".join(f"'{k}'" for k in by_key)
    return {by_key[k]: int(i) for k, i in sql_script(
        f"SELECT national_id_hmac, id FROM teacher WHERE national_id_hmac IN ({listed});")}


# 身分證字號: the region letter's two-digit code, then weights 1, 9, 8, 7, ..., 1 (SPEC §1).
_LETTER_CODES = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                         [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,
                          22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33]))


def with_check_digit(first9):
    """'A12345678' -> 'A123456789': appends the check digit of a 身分證字號."""
    code = _LETTER_CODES[first9[0]]
    total = code // 10 + (code % 10) * 9 + sum(int(d) * w for d, w in zip(first9[1:], range(8, 0, -1)))
    return first9 + str((10 - total % 10) % 10)


def unused_national_id():
    """A valid 身分證字號 that no teacher has."""
    rng = random.SystemRandom()
    for _ in range(50):
        nid = with_check_digit(rng.choice("QRSTUVWXYZ") + rng.choice("12") +
                               "".join(rng.choice("0123456789") for _ in range(7)))
        if sql_value(f"SELECT COUNT(*) FROM teacher WHERE {nid_where(nid)}") == "0":
            return nid
    raise AssertionError("no unused 身分證字號 found")


def new_teacher(unit_id=4, employment="active", name="測試教師"):
    """Creates a teacher with a fresh valid 身分證字號 and the demo password; returns (id, national_id)."""
    nid = unused_national_id()
    unit = "NULL" if unit_id is None else int(unit_id)
    sql(f"INSERT INTO teacher (national_id_hmac, national_id_enc, name, gender, unit_id, employment, password_hash)"
        f" SELECT {nid_values(nid)}, '{name}', 'F', {unit}, '{employment}', password_hash"
        f" FROM teacher WHERE {nid_where('A123456789')}")
    return int(sql_value(f"SELECT id FROM teacher WHERE {nid_where(nid)}")), nid


def delete_teacher(teacher_id):
    """Removes a teacher made by new_teacher, with everything that points at it."""
    tid = int(teacher_id)
    nid = national_id_of(tid)
    for table in ("web_session", "enrolment", "roster_entry", "study_record", "oidc_token", "oidc_code",
                  "oidc_consent", "oidc_subject", "partner_disclosure"):
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
        for table in ("web_session", "login_challenge", "recovery_code"):
            sql(f"DELETE FROM {table} WHERE account_id = {int(aid)}")
        sql(f"DELETE FROM business_account WHERE id = {int(aid)}")
    sql(f"DELETE FROM login_failure WHERE account_key = '{account_key(name)}'")


def new_unit(name, county_id=3, level="junior_high", ownership="municipal", authority_unit_id=2):
    """Creates a school (by default a municipal junior high of 桃園市, reviewed by its bureau, unit 2)
    with a random code; returns its id. delete_unit removes it with everything made in it."""
    code = "T" + "".join(random.SystemRandom().choice("0123456789") for _ in range(8))
    authority = "NULL" if authority_unit_id is None else int(authority_unit_id)
    sql(f"INSERT INTO unit (code, name, county_id, level, ownership, authority_unit_id) VALUES"
        f" ('{code}', {sql_str(name)}, {int(county_id)}, '{level}', '{ownership}', {authority})")
    return int(sql_value(f"SELECT id FROM unit WHERE code = '{code}'"))


def delete_courses_of_unit(unit_id):
    """Removes every course of a unit made by new_unit, with every row that points at them."""
    of_unit = f"JOIN course c ON c.id = t.course_id WHERE c.unit_id = {int(unit_id)}"
    sql(f"DELETE hr FROM course_history_reason hr JOIN course_history t ON t.id = hr.history_id {of_unit}")
    for table in ("course_history", "course_session", "course_tag", "course_transfer", "enrolment",
                  "roster_entry", "study_record", "course_search"):
        sql(f"DELETE t FROM {table} t {of_unit}")
    sql(f"DELETE FROM course WHERE unit_id = {int(unit_id)}")
    course_search_changed()


def delete_unit(unit_id):
    """Removes a unit made by new_unit: its courses with every row that points at them, its
    teachers and business accounts, then the unit."""
    uid = int(unit_id)
    delete_courses_of_unit(uid)
    for (tid,) in sql(f"SELECT id FROM teacher WHERE unit_id = {uid}"):
        delete_teacher(tid)
    for (name,) in sql(f"SELECT account_name FROM business_account WHERE unit_id = {uid}"):
        delete_business_account(name)
    sql(f"DELETE FROM unit WHERE id = {uid}")


def codes_in(html, css_class):
    """Course codes listed inside the first <ul class="...css_class..."> of a page, in order."""
    m = re.search(r'<ul class="[^"]*\b' + re.escape(css_class) + r'\b[^"]*">(.*?)</ul>', html, re.S)
    return re.findall(r"代碼 (\d{7})", m.group(1)) if m else []


def overdue_codes(html):
    """Course codes of the overdue rows of /office (the unit light's courses), in order."""
    return [re.search(r"\b(\d{7})\b", row).group(1)
            for row in re.findall(r'<tr class="overdue"[^>]*>(.*?)</tr>', html, re.S)]


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


# --- Courses, review and mail (test_course_registration, test_review, test_admin_settings) ---

def logged_in(account, password=DEMO_PASSWORD):
    """A Client signed in as `account` (teacher 身分證字號 or business account)."""
    c = Client()
    r = c.login(account, password)
    # A second factor set up at this login shows the recovery codes once, signed in already.
    if r.status != 303 and not (r.status == 200 and 'class="recovery-codes"' in r.text):
        raise AssertionError(f"login of {account} answered {r.status}")
    return c


def token_of(client):
    """The CSRF token of a signed-in client's session (the logout form on every page carries it)."""
    return client.csrf_from("/")


def db_today():
    """The database's today as a datetime.date: the portal's rules use CURDATE()."""
    import datetime
    return datetime.date.fromisoformat(sql_value("SELECT CURDATE()"))


def days_ahead(n):
    """ISO date n days after the database's today."""
    import datetime
    return (db_today() + datetime.timedelta(days=n)).isoformat()


def unique(prefix):
    """`prefix` plus a random suffix, so reruns never look like duplicates of an earlier run."""
    return f"{prefix}-{random.SystemRandom().randrange(16 ** 8):08x}"


def session_row(date, start="09:00", end="12:00", breaks="10:30-10:40", place="本校視聽教室"):
    """One session row of the course form (09:00–12:00 with a 10-minute break: 3 hours)."""
    return {"date": date, "start": start, "end": end, "breaks": breaks, "place": place}


def course_fields(title, sessions=None, **overrides):
    """The fields of a valid 非學分班 校內 course form, as (name, value) pairs for Client.post.
    `sessions` is a list of session_row()s (default: one 3-hour session 14 days ahead); any field
    may be overridden, a list value repeats the field (levels, tags), None leaves it out."""
    fields = {
        "title": title, "class_kind": "non_credit", "scope": "school", "category_id": "1",
        "subject_area": "數學", "levels": ["junior_high"], "tags": [], "basis_doc": "",
        "special_approval_doc": "", "outline": "差異化教學的課堂實作與案例討論。",
        "declared_hours": "3", "credits": "", "class_count": "1", "seats_per_class": "30",
        "online_seats": "30", "enrol_online": None, "enrol_opens": "", "enrol_closes": "",
        "auto_review": None, "subsidy": "",
        "contact1_name": "林承辦", "contact1_phone": "03-4512345#210",
        "contact1_email": "contact1@example.edu.tw",
        "contact2_name": "張總負責", "contact2_phone": "03-4512345#200",
        "contact2_email": "contact2@example.edu.tw",
        "action": "submit",
    }
    fields.update(overrides)
    pairs = []
    for name, value in fields.items():
        if value is None:
            continue
        for v in (value if isinstance(value, list) else [value]):
            pairs.append((name, v))
    for s in (sessions if sessions is not None else [session_row(days_ahead(14))]):
        pairs += [("session_date", s["date"]), ("session_start", s["start"]), ("session_end", s["end"]),
                  ("session_breaks", s["breaks"]), ("session_place", s["place"])]
    return pairs


def create_course(client, title, sessions=None, **overrides):
    """Registers a course through the form; returns its code (fails loudly when refused)."""
    pairs = course_fields(title, sessions, **overrides)
    r = client.post("/office/courses", [("csrf", token_of(client))] + pairs)
    if r.status != 303:
        errors = re.findall(r'class="field-error"[^>]*>([^<]*)<', r.text)
        raise AssertionError(f"registration of {title} answered {r.status}: {errors or r.text[:500]}")
    m = re.fullmatch(r"/office/courses/(\d{7})", r.header("location") or "")
    if not m:
        raise AssertionError(f"registration redirected to {r.header('location')}")
    return m.group(1)


def course_state(code):
    return sql_value(f"SELECT state FROM course WHERE code = '{code}'")


def course_history(code):
    """[(from_state or 'NULL', to_state, actor_id, reasons text or 'NULL')] oldest first."""
    return [tuple(r) for r in sql(
        f"SELECT IFNULL(h.from_state, 'NULL'), h.to_state, IFNULL(h.actor_id, 'NULL'), IFNULL(h.reasons, 'NULL')"
        f" FROM course_history h JOIN course c ON c.id = h.course_id WHERE c.code = '{code}'"
        f" ORDER BY h.id")]


def write_counts():
    """Row counts of every table a course action writes: a refused request leaves them all alone."""
    tables = ("course", "course_session", "course_tag", "course_history", "course_history_reason",
              "course_transfer", "mail_outbox", "audit_log", "return_reason")
    row = sql("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {t})" for t in tables))[0]
    return dict(zip(tables, row))


def course_snapshot(code):
    """Everything about one course that a refused request must not change."""
    return sql(f"SELECT c.state, c.organizer_id, c.title, c.outline, c.hours, c.first_date, c.updated_at,"
               f" (SELECT COUNT(*) FROM course_history h WHERE h.course_id = c.id),"
               f" (SELECT COUNT(*) FROM course_session s WHERE s.course_id = c.id),"
               f" (SELECT COUNT(*) FROM course_transfer t WHERE t.course_id = c.id)"
               f" FROM course c WHERE c.code = '{code}'")


def field_error(html, field):
    """The text of the error shown beside `field` on the course form (id="<field>-error"), or None."""
    m = re.search(r'<p class="field-error" id="' + re.escape(field) + r'-error">(.*?)</p>', html, re.S)
    return m.group(1) if m else None


def input_value(html, name):
    """The value of the first <input name=...> of a page (HTML entities undone), or None."""
    import html as html_module
    m = re.search(r'<input[^>]*\bname="' + re.escape(name) + r'"[^>]*\bvalue="([^"]*)"', html)
    return html_module.unescape(m.group(1)) if m else None


def input_values(html, name):
    import html as html_module
    return [html_module.unescape(v) for v in
            re.findall(r'<input[^>]*\bname="' + re.escape(name) + r'"[^>]*\bvalue="([^"]*)"', html)]


def textarea_value(html, name):
    import html as html_module
    m = re.search(r'<textarea[^>]*\bname="' + re.escape(name) + r'"[^>]*>(.*?)</textarea>', html, re.S)
    return html_module.unescape(m.group(1)) if m else None


def flash_of(html):
    import html as html_module
    m = re.search(r'<p class="flash" role="status">(.*?)</p>', html, re.S)
    return html_module.unescape(m.group(1)) if m else None


def queue_codes(html):
    """Course codes of the review queue, in the order shown."""
    return re.findall(r'<tr data-code="(\d{7})">', html)


def queue_flags(html, code):
    """The automatic flags the review queue shows on one course's row."""
    import html as html_module
    m = re.search(r'<tr data-code="' + code + r'">(.*?)</tr>', html, re.S)
    if not m:
        return None
    return [html_module.unescape(f) for f in re.findall(r'<span class="flag">(.*?)</span>', m.group(1))]


def reason_ids(html):
    """{label: id} of the return reasons offered on a review page."""
    import html as html_module
    return {html_module.unescape(label).strip(): rid for rid, label in
            re.findall(r'name="reason" value="(\d+)">\s*([^<]+)</label>', html)}


def set_course_state(code, state):
    """Puts a course into `state` directly (test set-up); returns the state it had."""
    before = course_state(code)
    sql(f"UPDATE course SET state = '{state}' WHERE code = '{code}'")
    return before


# The SMTP sink of the stack (tests/smtp_sink.py, started by nginx/portalctl start_sink).
MAIL_DIR = os.path.join(VAR, "mail")
SINK_PID_FILE = os.path.join(VAR, "run", "smtp-sink.pid")


def sink_port():
    """The sink's port, from the smtp_url that portalctl wrote into the portal's configuration."""
    with open(os.path.join(VAR, "portal.conf")) as f:
        for line in f:
            if line.startswith("smtp_url="):
                return int(line.strip().rsplit(":", 1)[1])
    raise AssertionError("no smtp_url in portal.conf")


def sink_running():
    try:
        with open(SINK_PID_FILE) as f:
            os.kill(int(f.read().strip()), 0)
        return True
    except (OSError, ValueError):
        return False


def stop_mail_sink():
    """Stops the sink by the pid in its pid file and waits until it is gone."""
    import signal
    with open(SINK_PID_FILE) as f:
        pid = int(f.read().strip())
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            return
        time.sleep(0.05)
    raise AssertionError("the SMTP sink did not stop")


def start_mail_sink(*extra):
    """Starts the sink with the command line of nginx/portalctl's start_sink (and `extra` options,
    such as --fail-first 1)."""
    if sink_running():
        return
    with open(os.path.join(VAR, "log", "smtp-sink.log"), "ab") as log:
        subprocess.run(
            ["setsid", "-f", "python3", os.path.join(ROOT, "tests", "smtp_sink.py"),
             "--port", str(sink_port()), "--dir", MAIL_DIR, "--pid-file", SINK_PID_FILE, *extra],
            stdout=log, stderr=log, stdin=subprocess.DEVNULL, check=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if sink_running():
            return
        time.sleep(0.05)
    raise AssertionError("the SMTP sink did not start")


def received_mail():
    """Every mail in the sink's directory, parsed (RFC 2047 subjects and base64 bodies decoded by
    the email package: str(m["Subject"]), m.get_content())."""
    import email
    import email.policy
    import glob
    mails = []
    for path in sorted(glob.glob(os.path.join(MAIL_DIR, "*.eml"))):
        with open(path, "rb") as f:
            mails.append(email.message_from_binary_file(f, policy=email.policy.default))
    return mails


def wait_for_mail(needle, count=1, seconds=10):
    """The mails whose subject contains `needle`, once there are `count` of them (or at the deadline)."""
    deadline = time.monotonic() + seconds
    while True:
        found = [m for m in received_mail() if needle in str(m["Subject"])]
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def retire_courses(codes):
    """Cleans up courses a test registered (they cannot be deleted physically): each one not yet
    課程登錄錯誤 becomes so, with a history line, and leaves the public search index."""
    if not codes:
        return
    listed = ",".join(f"'{c}'" for c in codes)
    sql(f"INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons)"
        f" SELECT id, state, 'deleted', NULL, '測試結束清理' FROM course"
        f" WHERE code IN ({listed}) AND state <> 'deleted'")
    sql(f"UPDATE course SET state = 'deleted' WHERE code IN ({listed})")
    sql(f"DELETE s FROM course_search s JOIN course c ON c.id = s.course_id WHERE c.code IN ({listed})")
    course_search_changed()


def course_search_changed():
    """Whoever writes course_search tells the workers' search indexes (site/course_finder.h)."""
    sql("UPDATE search_generation SET value = value + 1 WHERE id = 1")


def return_reason_ids(used_for="course"):
    """{label: id} of the active return reasons of a course (or of a roster)."""
    return {label: rid for rid, label in
            sql(f"SELECT id, label FROM return_reason WHERE active AND used_for = '{used_for}'")}


def table_rows(html, table_class):
    """The body rows of the first <table> whose class list holds `table_class`, each as a list of
    its cells' text (tags removed, entities undone, whitespace trimmed)."""
    import html as html_module
    m = re.search(r'<table class="(?:[^"]*\s)?' + re.escape(table_class) + r'(?:\s[^"]*)?">.*?<tbody>(.*?)</tbody>',
                  html, re.S)
    if not m:
        return []
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", m.group(1), re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        rows.append([html_module.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return rows


# --- Account roaming (OpenID Connect provider) and 資訊傳報 (test_oidc_flow, test_oidc_negative,
# test_partner_api). authlib is imported by the tests that use it, so other tests do not need it.

BASE_URL = f"http://{HOST}:{PORT}"
# The issuer is the stack's base_url, which nginx/portalctl writes as http://127.0.0.1:<port>.
ISSUER = BASE_URL
# The demo partner of SPEC §10 and the claims its application was approved for (sql/demo.sql).
DREAM_N = {"client_id": "dream-n", "secret": "dream-n-secret", "redirect_uri": "http://127.0.0.1:8091/callback",
           "claims": frozenset({"name", "school_code", "school_name"}), "scope": "openid profile school"}
ROAMING_TEACHER = "A123456789"      # 在職: may roam
RECORDS_ONLY_TEACHER = "F123456784"  # 離職: records only, may not roam (第5條)


def totp_code(secret, unix_time):
    """RFC 6238 (HMAC-SHA-1, 6 digits, 30 s) of raw `secret` at `unix_time`."""
    digest = hmac.new(secret, struct.pack(">Q", int(unix_time) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def totp_secret(account):
    """The raw TOTP secret of a business account (set up or being set up), None without one."""
    hex_secret = sql_value(f"SELECT HEX(totp_secret) FROM business_account WHERE account_name = {sql_str(account)}")
    return bytes.fromhex(hex_secret) if hex_secret and hex_secret != "NULL" else None


def totp_now(account, offset_steps=0):
    """The account's code now (by the database clock), or `offset_steps` steps away."""
    now = int(sql_value("SELECT UNIX_TIMESTAMP()"))
    return totp_code(totp_secret(account), now + 30 * offset_steps)


def sql_str(value):
    """A MariaDB string literal of `value`."""
    return "'" + str(value).replace("\\", "\\\\").replace("'", "''") + "'"


def b64url(data):
    import base64
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def pkce_pair():
    """(code_verifier, S256 code_challenge): a 64-character verifier (RFC 7636 §4.1)."""
    verifier = b64url(os.urandom(48))
    return verifier, b64url(hashlib.sha256(verifier.encode()).digest())


def random_text(n=16):
    return b64url(os.urandom(n))


def auth_params(partner=None, scope=None, **overrides):
    """A valid authorization request for `partner` (default dream-n) with a fresh state, nonce and
    PKCE S256 challenge; overrides replace or add parameters, None removes one. Returns (params, verifier)."""
    partner = partner or DREAM_N
    verifier, challenge = pkce_pair()
    params = {"client_id": partner["client_id"], "redirect_uri": partner["redirect_uri"], "response_type": "code",
              "scope": scope if scope is not None else partner.get("scope", "openid"), "state": random_text(),
              "nonce": random_text(),
              "code_challenge": challenge, "code_challenge_method": "S256"}
    params.update(overrides)
    return {k: v for k, v in params.items() if v is not None}, verifier


def authorize_path(params):
    """/oidc/authorize with `params` as its query string."""
    return "/oidc/authorize?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


def query_of(url):
    """The query parameters of a URL, {name: first value}."""
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query, keep_blank_values=True))


def hidden_fields(html, action):
    """[(name, value)] of the hidden inputs of the first <form> posting to `action`."""
    import html as html_module
    m = re.search(r'<form[^>]*\baction="' + re.escape(action) + r'"[^>]*>(.*?)</form>', html, re.S)
    if not m:
        return []
    return [(html_module.unescape(n), html_module.unescape(v)) for n, v in
            re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)"', m.group(1))]


def is_consent_page(response):
    return response.status == 200 and 'name="decision" value="allow"' in response.text


def log_in_from(client, response, account, password=DEMO_PASSWORD):
    """Follows a 303 to /login?next=…: loads the real login form and submits it with its CSRF token
    and its hidden `next`, as a browser would. Returns the answer to the login POST."""
    location = response.header("location") or ""
    if response.status != 303 or not location.startswith("/login"):
        raise AssertionError(f"expected a 303 to the login form, got {response.status} {location}")
    page = client.get(location)
    fields = dict(hidden_fields(page.text, "/login"))
    if "csrf" not in fields:
        raise AssertionError(f"no login form at {location} (status {page.status})")
    fields.update({"account": account, "password": password})
    return client.post("/login", fields)


def submit_consent(client, page, decision="allow"):
    """Answers the consent page with its own hidden fields and `decision` (allow or deny)."""
    fields = hidden_fields(page.text, "/oidc/authorize")
    if not fields:
        raise AssertionError(f"no consent form (status {page.status}): {page.text[:300]}")
    return client.post("/oidc/authorize", fields + [("decision", decision)])


def authorize(client, params, account=None, decision="allow"):
    """Runs the front channel like a browser: the authorization request, then the login form (only
    when `account` is given and the portal asks for it) and the consent page (answered with
    `decision`, None leaves it unanswered). Returns the last answer, normally a 303 to the partner."""
    r = client.get(authorize_path(params))
    for _ in range(6):
        location = r.header("location") or ""
        if r.status == 303 and location.startswith("/login") and account:
            r = log_in_from(client, r, account)
            account = None
        elif r.status == 303 and location.startswith("/") and not location.startswith("//"):
            r = client.get(location)
        elif is_consent_page(r) and decision:
            r = submit_consent(client, r, decision)
            decision = None
        else:
            break
    return r


def fresh_code(client, partner=None, account=None, scope=None, **overrides):
    """A new authorization code for the client's teacher; returns {code, verifier, params, location, query}."""
    partner = partner or DREAM_N
    params, verifier = auth_params(partner, scope, **overrides)
    r = authorize(client, params, account)
    location = r.header("location") or ""
    query = query_of(location)
    separator = "&" if "?" in params["redirect_uri"] else "?"
    if r.status != 303 or not location.startswith(params["redirect_uri"] + separator) or "code" not in query:
        raise AssertionError(f"no code: {r.status} {location} {r.text[:300]}")
    return {"code": query["code"], "verifier": verifier, "params": params, "location": location, "query": query}


def basic_auth(client_id, secret):
    """The client_secret_basic header: both parts form-urlencoded first (RFC 6749 §2.3.1)."""
    import base64
    raw = f"{urllib.parse.quote_plus(client_id)}:{urllib.parse.quote_plus(secret)}"
    return "Basic " + base64.b64encode(raw.encode()).decode()


def token_request(fields, client_id=None, secret=None, headers=None):
    """POST /oidc/token with `fields` form-encoded (None values left out), authenticated with
    client_secret_basic when client_id is given."""
    h = dict(headers or {})
    if client_id is not None:
        h["Authorization"] = basic_auth(client_id, secret)
    if isinstance(fields, dict):
        fields = {k: v for k, v in fields.items() if v is not None}
    return Client().post("/oidc/token", fields, headers=h)


def redeem(code, partner=None, **overrides):
    """Exchanges a fresh_code() result at the token endpoint as `partner` (default dream-n)."""
    partner = partner or DREAM_N
    fields = {"grant_type": "authorization_code", "code": code["code"],
              "redirect_uri": code["params"]["redirect_uri"], "code_verifier": code["verifier"]}
    fields.update(overrides)
    return token_request(fields, partner["client_id"], partner["secret"])


def json_of(response):
    import json
    try:
        return json.loads(response.text)
    except ValueError:
        return None


def userinfo(access_token, method="GET"):
    return Client().request(method, "/oidc/userinfo", headers={"Authorization": f"Bearer {access_token}"})


def partner_token(client_id, secret):
    """A client-credentials access token of a reporting partner."""
    r = token_request({"grant_type": "client_credentials"}, client_id, secret)
    body = json_of(r)
    if r.status != 200 or not body or "access_token" not in body:
        raise AssertionError(f"client_credentials for {client_id} answered {r.status}: {r.text[:300]}")
    return body["access_token"]


def api_post(path, token, body=None, raw=None, content_type="application/json", headers=None):
    """POST to the partner API with a Bearer token (None: no Authorization header) and a JSON body."""
    import json
    h = {"Content-Type": content_type} if content_type else {}
    if token is not None:
        h["Authorization"] = f"Bearer {token}"
    h.update(headers or {})
    data = raw if raw is not None else json.dumps(body, ensure_ascii=False).encode()
    return Client().request("POST", path, raw_body=data, headers=h)


def partner_application(site_name, **overrides):
    """The fields of a valid partner application (seeds 003 appendix 1) for POST /partners/apply,
    without its CSRF token; None leaves a field out."""
    fields = {
        "operator_name": "測試教育基金會", "head_name": "林主管", "head_phone": "02-2345-6000",
        "head_email": "head@example.org", "contact_name": "陳承辦",
        "contact_phone": "02-2345-6789", "contact_email": "partner@example.org", "site_name": site_name,
        "site_url": "https://partner.example.org/", "test_url": "", "audience": "國中小教師",
        "members": "1200 人", "purpose": "教師社群交流", "maintained_by": "vendor",
        "maintenance": "委外廠商維護",
        "redirect_uris": "https://partner.example.org/callback", "privacy_policy_url": "https://partner.example.org/privacy",
        "scan_report_date": sql_value("SELECT CURDATE() - INTERVAL 30 DAY"), "claim_name": "1", "use_name": "顯示於個人頁",
        "claim_school_name": "1", "use_school_name": "依學校分組",
        "agree_1": "1", "agree_2": "1", "agree_3": "1", "agree_4": "1",
    }
    fields.update(overrides)
    return {k: v for k, v in fields.items() if v is not None}


def new_partner(client_id, claims, redirect_uris, may_report=False, secret=None, site_name=None):
    """Registers an approved partner (scan report 30 days old) straight in the database; returns
    {id, client_id, secret, redirect_uri, claims, scope} in the shape of DREAM_N."""
    secret = secret or random_text(24)
    claims = sorted(claims)
    sql("INSERT INTO partner (client_id, site_name, operator_name, site_url, secret_sha256, redirect_uris,"
        " claims, may_report, scan_report_date, privacy_policy_url, status, agreed_terms) VALUES ("
        f"{sql_str(client_id)}, {sql_str(site_name or '測試合作網站 ' + client_id)}, '測試單位',"
        f" {sql_str(redirect_uris[0])}, SHA2({sql_str(secret)}, 256), {sql_str(chr(10).join(redirect_uris))},"
        f" {sql_str(','.join(claims))}, {1 if may_report else 0}, CURDATE() - INTERVAL 30 DAY,"
        f" {sql_str(redirect_uris[0])}, 'approved', TRUE)")
    pid = int(sql_value(f"SELECT id FROM partner WHERE client_id = {sql_str(client_id)}"))
    scopes = ["openid"] + [s for s, needs in (("profile", {"name"}), ("school", {"school_code", "school_name"}),
                                              ("title", {"title_code", "title_name"})) if needs & set(claims)]
    return {"id": pid, "client_id": client_id, "secret": secret, "redirect_uri": redirect_uris[0],
            "claims": frozenset(claims), "scope": " ".join(scopes)}


def delete_partner(client_id):
    """Removes a partner made by new_partner with every row that points at it."""
    pid = sql_value(f"SELECT id FROM partner WHERE client_id = {sql_str(client_id)}")
    if not pid:
        return
    for table in ("oidc_token", "oidc_code", "oidc_consent", "oidc_subject", "partner_disclosure",
                  "partner_report", "partner_rate", "partner_claim_use", "study_record"):
        sql(f"DELETE FROM {table} WHERE partner_id = {int(pid)}")
    sql(f"DELETE FROM partner WHERE id = {int(pid)}")


def partner_id_of(client_id):
    return int(sql_value(f"SELECT id FROM partner WHERE client_id = {sql_str(client_id)}"))


def teacher_id_of(national_id):
    return int(sql_value(f"SELECT id FROM teacher WHERE {nid_where(national_id)}"))


def audit_mark():
    """The newest audit_log id: audit_since(mark) lists what was written after it."""
    return int(sql_value("SELECT IFNULL(MAX(id), 0) FROM audit_log"))


def audit_since(mark):
    """[(actor, action, object, detail)] written to audit_log after `mark`, oldest first."""
    return [tuple(r) for r in sql(f"SELECT actor, action, IFNULL(object, ''), IFNULL(detail, '') FROM audit_log"
                                  f" WHERE id > {int(mark)} ORDER BY id")]


# --- Enrolment under load (test_enrolment_races): teachers with sessions made by SQL, courses
# open for enrolment made by SQL, and a burst of requests released at once.

def sql_script(script):
    """Runs a whole SQL script (any length: it goes through standard input, not the command line)
    as root; returns the rows of its result sets, as sql() does."""
    out = subprocess.run(
        ["mariadb", f"--socket={VAR}/run/mysqld.sock", "-uroot", "-N", "-B", "inservice"],
        input=script, check=True, capture_output=True, text=True, errors="surrogateescape").stdout
    return [line.split("\t") for line in out.splitlines()]


def portal_secret():
    """The application secret the workers sign CSRF tokens with: the file that the secret_file=
    line of var/test/portal.conf names, as its bytes (core/config.cpp)."""
    with open(os.path.join(VAR, "portal.conf"), encoding="utf-8") as f:
        path = next(line.split("=", 1)[1].strip() for line in f if line.startswith("secret_file="))
    with open(path, "rb") as f:
        return f.read()


def session_csrf(sid, secret=None):
    """The CSRF token of a signed-in session: HMAC-SHA256(secret, "csrf:" + sid), base64url
    without padding (core/context.cpp csrf_token)."""
    import hmac
    return b64url(hmac.new(secret or portal_secret(), b"csrf:" + sid.encode(), hashlib.sha256).digest())


def _fresh_national_ids(n):
    rng = random.SystemRandom()
    wanted = set()
    while len(wanted) < n:
        wanted |= {with_check_digit(rng.choice("QRSTUVWXYZ") + rng.choice("12") +
                                    "".join(rng.choice("0123456789") for _ in range(7)))
                   for _ in range(n - len(wanted))}
        wanted -= set(teacher_ids_by_nid(wanted))
    return sorted(wanted)


def mint_teacher_sessions(n, unit_id=4):
    """Creates n 在職 teachers of `unit_id` (valid 身分證字號, each an e-mail address of its own)
    and a signed-in session for each, in a few bulk INSERTs and without /login; returns
    [(teacher_id, sid, csrf)]: the cookie `sid` and the form field `csrf` of each session.
    delete_minted_teachers removes them again."""
    nids = _fresh_national_ids(n)
    rows = ",".join(f"({nid_values(nid)}, '測試教師{nid[-4:]}', 'F', 't{nid_key(nid)[:16]}@race.example.edu.tw',"
                    f" {int(unit_id)}, 'active', '!')" for nid in nids)
    listed = ",".join(f"'{nid_key(nid)}'" for nid in nids)
    ids = sql_script(f"INSERT INTO teacher (national_id_hmac, national_id_enc, name, gender, email, unit_id,"
                     f" employment, password_hash) VALUES {rows};\n"
                     f"SELECT id FROM teacher WHERE national_id_hmac IN ({listed}) ORDER BY id;")
    secret = portal_secret()
    minted = [(int(tid), random_text(32)) for (tid,) in ids]
    sessions = ",".join(f"('{session_key(sid)}', {tid}, 'teacher', '測試教師', {int(unit_id)},"
                        f" (SELECT name FROM unit WHERE id = {int(unit_id)}), FALSE)" for tid, sid in minted)
    sql_script("INSERT INTO web_session (id_sha256, teacher_id, role, display_name, unit_id, unit_name,"
               f" records_only) VALUES {sessions};")
    return [(tid, sid, session_csrf(sid, secret)) for tid, sid in minted]


def mint_account_session(account_name):
    """A signed-in session of a business account (e.g. 'organizer'), without /login: (sid, csrf)."""
    sid = random_text(32)
    sql_script("INSERT INTO web_session (id_sha256, account_id, role, display_name, unit_id, unit_name,"
               f" records_only) SELECT '{session_key(sid)}', a.id, a.kind, a.display_name, a.unit_id, u.name,"
               f" FALSE FROM business_account a JOIN unit u ON u.id = a.unit_id"
               f" WHERE a.account_name = {sql_str(account_name)};")
    return sid, session_csrf(sid)


def delete_minted_teachers(teacher_ids):
    """Removes teachers made by mint_teacher_sessions with their sessions, enrolments and mail."""
    if not teacher_ids:
        return
    listed = ",".join(str(int(t)) for t in teacher_ids)
    sql_script(f"DELETE m FROM mail_outbox m JOIN teacher t ON t.email = m.to_addr WHERE t.id IN ({listed});\n"
               f"DELETE FROM web_session WHERE teacher_id IN ({listed});\n"
               f"DELETE FROM enrolment WHERE teacher_id IN ({listed});\n"
               f"DELETE FROM teacher WHERE id IN ({listed});")


def new_enrolment_course(seats, auto_review=True, title="搶報名測試研習"):
    """A course open for online enrolment, in the shape of demo course 5600001: approved, opened an
    hour ago, closing in 10 days, one session 20 days ahead, `seats` online seats in one class.
    Its code comes from the portal's own counter. Returns (course_id, code)."""
    rows = sql_script(
        "UPDATE course_code_counter SET last_code = LAST_INSERT_ID(last_code + 1) WHERE id = 1;\n"
        "SET @code = CAST(LAST_INSERT_ID() AS CHAR);\n"
        "INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school,"
        " category_id, subject_area, levels, outline, hours, class_count, seats_per_class, online_seats,"
        " seats_taken, enrol_online, enrol_opens_at, enrol_closes_at, auto_review, contact1_name,"
        " contact1_phone, contact1_email, state, first_date, last_date)"
        f" VALUES (@code, 4, 1, 2, {sql_str(title)}, 'non_credit', TRUE, 1, '國語文', 'junior_high,elementary',"
        f" '搶報名測試用課程。', 3, 1, {int(seats)}, {int(seats)}, 0, TRUE, NOW() - INTERVAL 1 HOUR,"
        f" NOW() + INTERVAL 10 DAY, {1 if auto_review else 0}, '林承辦', '03-4512345#210',"
        " 'organizer@example.edu.tw', 'approved', CURDATE() + INTERVAL 20 DAY, CURDATE() + INTERVAL 20 DAY);\n"
        "SET @id = LAST_INSERT_ID();\n"
        "INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place)"
        " VALUES (@id, CURDATE() + INTERVAL 20 DAY, '09:00', '12:00', '10:30-10:40', '本校視聽教室');\n"
        "SELECT @id, @code;")
    return int(rows[0][0]), rows[0][1]


def delete_enrolment_course(course_id):
    """Removes a course made by new_enrolment_course with its enrolments, sessions, history and mail."""
    cid = int(course_id)
    code = sql_value(f"SELECT code FROM course WHERE id = {cid}")
    if code is None:
        return
    sql_script(f"DELETE FROM mail_outbox WHERE subject LIKE '%（{code}）%';\n"
               f"DELETE FROM enrolment WHERE course_id = {cid};\n"
               f"DELETE FROM course_session WHERE course_id = {cid};\n"
               f"DELETE hr FROM course_history_reason hr JOIN course_history h ON h.id = hr.history_id"
               f" WHERE h.course_id = {cid};\n"
               f"DELETE FROM course_history WHERE course_id = {cid};\n"
               f"DELETE FROM course WHERE id = {cid};")


def seat_counts(course_id):
    """(seats_taken, online_seats, enrolments holding a seat) of a course, read in one snapshot."""
    row = sql(f"SELECT c.seats_taken, c.online_seats, (SELECT COUNT(*) FROM enrolment e WHERE e.course_id = c.id"
              f" AND e.status IN ('pending', 'approved')) FROM course c WHERE c.id = {int(course_id)}")[0]
    return tuple(int(v) for v in row)


def enrolment_answer(response):
    """(data-enrolment-status, data-reason or None) of an enrolment answer page; (None, None) when
    the page has none (an nginx error page, say)."""
    m = re.search(r'data-enrolment-status="([a-z_]+)"(?: data-reason="([a-z_]+)")?', response.text)
    return (m.group(1), m.group(2)) if m else (None, None)


def fire_at_once(requests, threads=125):
    """Sends every request of `requests` — (method, path, cookies dict, form fields dict) — at
    once: `threads` threads each open their share of connections, wait at one barrier, send all
    their requests, then read the answers. Returns, in order, a Response or the exception met."""
    import threading
    results = [None] * len(requests)
    shares = [list(range(i, len(requests), threads)) for i in range(min(threads, len(requests)))]
    barrier = threading.Barrier(len(shares))

    def run(share):
        conns = {}
        for i in share:
            try:
                conns[i] = http.client.HTTPConnection(HOST, PORT, timeout=60)
                conns[i].connect()
            except OSError as e:
                results[i] = e
        barrier.wait()
        for i in list(conns):
            method, path, cookies, fields = requests[i]
            try:
                conns[i].request(method, path, body=urllib.parse.urlencode(fields or {}).encode(), headers={
                    "Host": f"{HOST}:{PORT}", "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())})
            except OSError as e:
                results[i] = e
                conns.pop(i).close()
        for i, conn in conns.items():
            try:
                r = conn.getresponse()
                results[i] = Response(r.status, [(n.lower(), v) for n, v in r.getheaders()], r.read())
            except (OSError, http.client.HTTPException) as e:
                results[i] = e
            finally:
                conn.close()

    workers = [threading.Thread(target=run, args=(share,)) for share in shares]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return results


def post_multipart(client, path, fields, files):
    """Posts `fields` [(name, value)] and `files` [(field, filename, bytes)] as a browser's
    multipart/form-data form does."""
    boundary = "----portal" + os.urandom(8).hex()
    parts = []
    for name, value in fields:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for field, filename, content in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return client.request("POST", path, raw_body=b"".join(parts),
                          headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})


def unsubscribe_path(teacher_id, subscription_id=0):
    """The mailed 研習資訊訂閱 link that removes one subscription (0: every one) of a teacher, signed
    as fcgi/subscriptions/subscription_handlers.cpp signs it, with the stack's secret."""
    import base64
    import hashlib
    import hmac
    with open(os.path.join(VAR, "secrets", "app.key"), "rb") as f:
        secret = f.read()
    target = f"{int(teacher_id)}.{int(subscription_id)}"
    mac = hmac.new(secret, f"unsubscribe:{target}".encode(), hashlib.sha256).digest()
    return f"/unsubscribe/{target}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"
