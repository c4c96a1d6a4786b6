// SQL of the accounts area: credentials and failed-login counts.
#include "accounts/accounts_sql.h"

namespace accounts::sql {

std::optional<Credentials> find_teacher_by_national_id(db::Connection& db, const std::string& id) {
  const auto row = db.query_one("SELECT id, password_hash FROM teacher WHERE national_id = ?", id);
  if (!row) return std::nullopt;
  return Credentials{row->i64(0), row->str(1), true};
}

std::optional<Credentials> find_account_by_name(db::Connection& db, const std::string& name) {
  const auto row = db.query_one(
      "SELECT id, password_hash, approved_at IS NOT NULL AND disabled_at IS NULL"
      " FROM business_account WHERE account_name = ?",
      name);
  if (!row) return std::nullopt;
  return Credentials{row->i64(0), row->str(1), row->i64(2) == 1};
}

RecentFailures count_recent_failures(db::Connection& db, const std::string& account_key,
                                     const std::string& address) {
  const auto row = db.query_one(
      "SELECT (SELECT COUNT(*) FROM login_failure WHERE account_key = ?"
      "          AND at > NOW() - INTERVAL 15 MINUTE),"
      "       (SELECT COUNT(*) FROM login_failure WHERE address = ?"
      "          AND at > NOW() - INTERVAL 15 MINUTE)",
      account_key, address);
  return {row->i64(0), row->i64(1)};
}

void record_failure(db::Connection& db, const std::string& account_key, const std::string& address) {
  db.execute("INSERT INTO login_failure (account_key, address) VALUES (?, ?)", account_key, address);
}

}  // namespace accounts::sql
