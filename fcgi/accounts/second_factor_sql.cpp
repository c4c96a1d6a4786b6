#include "accounts/second_factor_sql.h"

namespace accounts::sql {

std::optional<Factor> factor_of(db::Connection& db, int64_t account_id, bool lock) {
  const auto row = db.query_one(
      std::string("SELECT id, kind, account_name, display_name, IFNULL(email, '') AS email,"
                  " IFNULL(totp_secret, '') AS secret, totp_enabled_at IS NOT NULL AS enabled,"
                  " IFNULL(DATE_FORMAT(totp_enabled_at, '%Y-%m-%d %H:%i'), '') AS enabled_at,"
                  " totp_last_step, UNIX_TIMESTAMP() AS now_unix"
                  " FROM business_account WHERE id = ?") +
          (lock ? " FOR UPDATE" : ""),
      account_id);
  if (!row) return std::nullopt;
  return Factor{row->i64("id"),        row->str("kind"),   row->str("account_name"),
                row->str("display_name"), row->str("email"), row->str("secret"),
                row->flag("enabled"),  row->str("enabled_at"), row->i64("totp_last_step"),
                row->i64("now_unix")};
}

void set_pending_secret(db::Connection& db, int64_t account_id, const std::string& secret) {
  db.execute("UPDATE business_account SET totp_secret = ? WHERE id = ? AND totp_secret IS NULL",
             secret, account_id);
}

bool accept_step(db::Connection& db, int64_t account_id, int64_t step) {
  return db.execute("UPDATE business_account SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
                    step, account_id, step) == 1;
}

void enable_factor(db::Connection& db, int64_t account_id) {
  db.execute("UPDATE business_account SET totp_enabled_at = NOW() WHERE id = ? AND totp_secret IS NOT NULL",
             account_id);
}

void disable_factor(db::Connection& db, int64_t account_id) {
  db.execute(
      "UPDATE business_account SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = 0"
      " WHERE id = ?",
      account_id);
  db.execute("DELETE FROM recovery_code WHERE account_id = ?", account_id);
}

void replace_recovery_codes(db::Connection& db, int64_t account_id, const std::vector<std::string>& sha256s) {
  db.execute("DELETE FROM recovery_code WHERE account_id = ?", account_id);
  for (const auto& sha : sha256s) {
    db.execute("INSERT INTO recovery_code (account_id, code_sha256) VALUES (?, ?)", account_id, sha);
  }
}

bool use_recovery_code(db::Connection& db, int64_t account_id, const std::string& sha256) {
  return db.execute(
             "UPDATE recovery_code SET used_at = NOW()"
             " WHERE account_id = ? AND code_sha256 = ? AND used_at IS NULL",
             account_id, sha256) == 1;
}

int64_t unused_recovery_codes(db::Connection& db, int64_t account_id) {
  return db.query_one("SELECT COUNT(*) FROM recovery_code WHERE account_id = ? AND used_at IS NULL",
                      account_id)
      ->i64(0);
}

void insert_challenge(db::Connection& db, const std::string& id_sha256, int64_t account_id,
                      const std::string& next_path) {
  // Abandoned challenges go as new ones come: the table stays a few minutes' worth.
  db.execute("DELETE FROM login_challenge WHERE created_at < NOW() - INTERVAL 1 HOUR");
  db.execute("INSERT INTO login_challenge (id_sha256, account_id, next_path) VALUES (?, ?, ?)", id_sha256,
             account_id, next_path);
}

std::optional<Challenge> live_challenge(db::Connection& db, const std::string& id_sha256, bool lock) {
  const auto row = db.query_one(
      std::string("SELECT account_id, next_path, wrong_codes FROM login_challenge"
                  " WHERE id_sha256 = ? AND created_at > NOW() - INTERVAL ") +
          std::to_string(kChallengeMinutes) + " MINUTE" + (lock ? " FOR UPDATE" : ""),
      id_sha256);
  if (!row) return std::nullopt;
  return Challenge{row->i64("account_id"), row->str("next_path"), row->i32("wrong_codes")};
}

void count_wrong_code(db::Connection& db, const std::string& id_sha256) {
  db.execute("UPDATE login_challenge SET wrong_codes = wrong_codes + 1 WHERE id_sha256 = ?", id_sha256);
}

void delete_challenge(db::Connection& db, const std::string& id_sha256) {
  db.execute("DELETE FROM login_challenge WHERE id_sha256 = ?", id_sha256);
}

}  // namespace accounts::sql
