"""The private MariaDB (SECURITY-CATALOGUE F4 config assertion, STYLE §6): durability and isolation
settings, a least-privilege application user, recorded forward-only migrations, and constraints
that hold even when the code's own checks are bypassed."""
import glob
import os
import subprocess
import unittest

from portal import ROOT, VAR, main, nid_values, nid_where, sql, sql_error, sql_value, unused_national_id


def variables(*names):
    quoted = ",".join(f"'{n}'" for n in names)
    return dict(sql(f"SHOW GLOBAL VARIABLES WHERE Variable_name IN ({quoted})"))


def as_app_user(query):
    """Runs `query` as the portal's own database user; returns (ok, output or error text)."""
    with open(os.path.join(VAR, "secrets", "db.pass")) as f:
        password = f.read().strip()
    done = subprocess.run(["mariadb", f"--socket={VAR}/run/mysqld.sock", "-uportal", "-N", "-B", "inservice",
                           "-e", query], capture_output=True, text=True, env={**os.environ, "MYSQL_PWD": password})
    return done.returncode == 0, (done.stdout if done.returncode == 0 else done.stderr)


class Settings(unittest.TestCase):
    def test_every_commit_is_flushed_to_disk(self):
        self.assertEqual(variables("innodb_flush_log_at_trx_commit")["innodb_flush_log_at_trx_commit"], "1")

    def test_the_doublewrite_buffer_is_on(self):
        self.assertEqual(variables("innodb_doublewrite")["innodb_doublewrite"], "ON")

    def test_the_isolation_level_is_repeatable_read(self):
        found = variables("transaction_isolation", "tx_isolation")
        self.assertTrue(found)
        for name, value in found.items():
            self.assertEqual(value, "REPEATABLE-READ", name)

    def test_snapshot_isolation_is_on(self):
        self.assertEqual(variables("innodb_snapshot_isolation").get("innodb_snapshot_isolation"), "ON")

    def test_lock_waits_time_out_after_five_seconds(self):
        self.assertEqual(variables("innodb_lock_wait_timeout")["innodb_lock_wait_timeout"], "5")

    def test_the_binlog_is_off_or_synced_on_every_commit(self):
        found = variables("log_bin", "sync_binlog")
        self.assertTrue(found["log_bin"] == "OFF" or found["sync_binlog"] == "1", found)

    def test_sql_mode_is_strict(self):
        self.assertIn("STRICT_TRANS_TABLES", variables("sql_mode")["sql_mode"])

    def test_text_is_stored_as_utf8mb4(self):
        self.assertEqual(variables("character_set_server")["character_set_server"], "utf8mb4")
        self.assertEqual(sql_value("SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA"
                                   " WHERE SCHEMA_NAME = 'inservice'"), "utf8mb4")

    def test_the_database_listens_on_loopback_only(self):
        self.assertEqual(variables("bind_address")["bind_address"], "127.0.0.1")


class ApplicationUser(unittest.TestCase):
    def test_the_app_user_can_read_and_write_rows(self):
        ok, out = as_app_user("SELECT COUNT(*) FROM course")
        self.assertTrue(ok, out)

    def test_the_app_user_cannot_create_alter_or_drop_tables(self):
        for ddl in ("CREATE TABLE ddl_probe (id INT)",
                    "ALTER TABLE bulletin COMMENT = 'probe'",
                    "DROP TABLE no_such_table_probe",
                    "CREATE INDEX probe_idx ON bulletin (posted_on)",
                    "TRUNCATE TABLE login_failure",
                    "CREATE DATABASE probe_db"):
            with self.subTest(ddl=ddl):
                ok, out = as_app_user(ddl)
                self.assertFalse(ok, f"{ddl} succeeded")
                self.assertRegex(out, r"ERROR (1142|1044|1227|1045)")
        self.assertIsNone(sql_value("SELECT TABLE_NAME FROM information_schema.TABLES"
                                    " WHERE TABLE_SCHEMA = 'inservice' AND TABLE_NAME = 'ddl_probe'"))

    def test_the_app_user_cannot_grant_or_read_other_databases(self):
        ok, out = as_app_user("GRANT SELECT ON inservice.* TO 'portal'@'localhost'")
        self.assertFalse(ok)
        ok, out = as_app_user("SELECT COUNT(*) FROM mysql.user")
        self.assertFalse(ok)

    def test_the_app_user_holds_only_row_privileges(self):
        grants = " ".join(r[0] for r in sql("SHOW GRANTS FOR 'portal'@'localhost'"))
        self.assertIn("GRANT SELECT, INSERT, UPDATE, DELETE ON `inservice`.*", grants)
        for word in ("ALL PRIVILEGES", "CREATE", "DROP", "ALTER", "GRANT OPTION", "SUPER", "FILE"):
            self.assertNotIn(word, grants.replace("GRANT SELECT", "").replace("GRANT USAGE", ""))


class Migrations(unittest.TestCase):
    def migration_files(self):
        return sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(ROOT, "sql", "migrations", "[0-9]*.sql")))

    def test_every_migration_file_is_recorded(self):
        recorded = [r[0] for r in sql("SELECT version FROM schema_migrations ORDER BY version")]
        self.assertTrue(self.migration_files())
        self.assertEqual(recorded, self.migration_files())

    def test_migrating_again_applies_nothing(self):
        before = sql("SELECT version, applied_at FROM schema_migrations ORDER BY version")
        tables_before = sql("SELECT TABLE_NAME, CREATE_TIME FROM information_schema.TABLES"
                            " WHERE TABLE_SCHEMA = 'inservice' ORDER BY TABLE_NAME")
        env = {**os.environ, "PORTAL_VAR": VAR, "PORTAL_DB_PORT": os.environ.get("PORTAL_TEST_DB_PORT", "13407"),
               "PORTAL_PORT": os.environ.get("PORTAL_TEST_PORT", "18080"),
               "PORTAL_BUFFER_POOL": "256M"}
        with open(os.path.join(VAR, "portal.conf")) as f:
            config_before = f.read()
        done = subprocess.run([os.path.join(ROOT, "nginx", "portalctl"), "migrate"], env=env,
                              capture_output=True, text=True, timeout=120)
        self.assertEqual(done.returncode, 0, done.stderr)
        with open(os.path.join(VAR, "portal.conf")) as f:  # the running stack's settings stay
            self.assertEqual(f.read(), config_before)
        self.assertNotIn("applying", done.stderr)
        self.assertEqual(sql("SELECT version, applied_at FROM schema_migrations ORDER BY version"), before)
        self.assertEqual(sql("SELECT TABLE_NAME, CREATE_TIME FROM information_schema.TABLES"
                             " WHERE TABLE_SCHEMA = 'inservice' ORDER BY TABLE_NAME"), tables_before)
        ok, out = as_app_user("SELECT 1")  # the app user's password still works
        self.assertTrue(ok, out)


class Constraints(unittest.TestCase):
    def test_a_duplicate_national_id_is_refused(self):
        error = sql_error("INSERT INTO teacher (national_id_hmac, national_id_enc, name, gender, password_hash)"
                          f" VALUES ({nid_values('A123456789')}, '重複', 'M', 'x')")
        self.assertIsNotNone(error)
        self.assertIn("1062", error)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM teacher WHERE {nid_where('A123456789')}"), "1")

    def test_a_number_both_plain_and_sealed_is_refused(self):
        nid = unused_national_id()
        error = sql_error("INSERT INTO teacher (national_id, national_id_hmac, national_id_enc, name, gender,"
                          f" password_hash) VALUES ('{nid}', {nid_values(nid)}, '兩種', 'M', 'x')")
        self.assertIsNotNone(error)
        self.assertIn("national_id_one_form", error)
        self.assertEqual(sql_value(f"SELECT COUNT(*) FROM teacher WHERE {nid_where(nid)}"), "0")

    def test_more_seats_taken_than_online_seats_is_refused(self):
        before = sql("SELECT seats_taken, online_seats FROM course WHERE code = '5600001'")
        error = sql_error("UPDATE course SET seats_taken = online_seats + 1 WHERE code = '5600001'")
        self.assertIsNotNone(error)
        self.assertIn("4025", error)  # CHECK constraint failed
        self.assertEqual(sql("SELECT seats_taken, online_seats FROM course WHERE code = '5600001'"), before)

    def test_negative_seats_taken_are_refused(self):
        error = sql_error("UPDATE course SET seats_taken = seats_taken - 100 WHERE code = '5600001'")
        self.assertIsNotNone(error)

    def test_more_online_seats_than_total_seats_is_refused(self):
        error = sql_error("UPDATE course SET online_seats = class_count * seats_per_class + 1 WHERE code = '5600001'")
        self.assertIsNotNone(error)
        self.assertIn("4025", error)

    def test_a_duplicate_enrolment_is_refused(self):
        before = sql_value("SELECT COUNT(*) FROM enrolment")
        error = sql_error("INSERT INTO enrolment (course_id, teacher_id, status)"
                          " SELECT course_id, teacher_id, 'pending' FROM enrolment LIMIT 1")
        self.assertIsNotNone(error)
        self.assertIn("1062", error)
        self.assertEqual(sql_value("SELECT COUNT(*) FROM enrolment"), before)

    def test_a_second_study_record_for_the_same_course_is_refused(self):
        error = sql_error("INSERT INTO study_record (teacher_id, course_id, source, title, hours, completed_on)"
                          " SELECT teacher_id, course_id, 'portal', title, hours, completed_on FROM study_record"
                          " WHERE course_id IS NOT NULL LIMIT 1")
        self.assertIsNotNone(error)
        self.assertIn("1062", error)

    def test_a_session_must_belong_to_exactly_one_principal(self):
        error = sql_error("INSERT INTO web_session (id_sha256, teacher_id, account_id)"
                          " VALUES (REPEAT('0', 64), 1, 1)")
        self.assertIsNotNone(error)
        error = sql_error("INSERT INTO web_session (id_sha256) VALUES (REPEAT('1', 64))")
        self.assertIsNotNone(error)

    def test_an_enrolment_of_an_unknown_course_is_refused(self):
        error = sql_error("INSERT INTO enrolment (course_id, teacher_id, status) VALUES (99999999, 1, 'pending')")
        self.assertIsNotNone(error)
        self.assertIn("1452", error)  # foreign key


if __name__ == "__main__":
    main()
