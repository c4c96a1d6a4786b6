// core/db against the test stack's MariaDB: rows read by column name, nested transactions refused.
#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "core/config.h"
#include "core/db.h"

namespace {

db::Options test_database() {
  const char* root = std::getenv("PORTAL_ROOT");
  const std::string var = std::string(root ? root : ".") + "/var/test";
  return core::load_config(var + "/portal.conf").database;
}

int64_t audit_rows(db::Connection& db) { return db.query_one("SELECT COUNT(*) FROM audit_log")->i64(0); }

TEST(Row, ReadsCellsByTheirColumnNames) {
  db::Connection db(test_database());
  const auto r = db.query_one("SELECT 7 AS id, 'a' AS code, NULL AS note, 1 AS flagged");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->i64("id"), 7);
  EXPECT_EQ(r->str("code"), "a");
  EXPECT_TRUE(r->is_null("note"));
  EXPECT_EQ(r->str("note"), "");
  EXPECT_TRUE(r->flag("flagged"));
}

TEST(Row, RefusesAnUnknownOrAmbiguousColumnName) {
  db::Connection db(test_database());
  const auto r = db.query_one("SELECT 1 AS name, 2 AS name, 3 AS other");
  ASSERT_TRUE(r);
  EXPECT_THROW(r->str("name"), std::logic_error);  // two columns called name: alias one
  EXPECT_THROW(r->str("missing"), std::logic_error);
  EXPECT_EQ(r->i64("other"), 3);
}

// In MariaDB a second START TRANSACTION commits the first; the guard must refuse it instead.
TEST(Transaction, ANestedOneFailsLoudlyAndTheOuterWorkIsRolledBack) {
  db::Connection db(test_database());
  const int64_t before = audit_rows(db);
  {
    db::Transaction outer(db);
    db.execute("INSERT INTO audit_log (actor, action, object, detail, address)"
               " VALUES ('-', 'test.nested', '', '', '127.0.0.1')");
    EXPECT_THROW(db::Transaction inner(db), std::logic_error);
    EXPECT_TRUE(db.in_transaction());
  }  // the outer one was never committed: its insert is gone
  EXPECT_FALSE(db.in_transaction());
  EXPECT_EQ(audit_rows(db), before);
}

TEST(Transaction, ANewOneMayStartOnceTheLastEnded) {
  db::Connection db(test_database());
  { db::Transaction first(db); first.commit(); }
  { db::Transaction second(db); }
  EXPECT_FALSE(db.in_transaction());
}

}  // namespace
