// SQL of the accounts area: credentials, failed-login counts, sign-up and its links.
#include "accounts/accounts_sql.h"

#include "core/pii.h"

namespace accounts::sql {

std::optional<Credentials> find_teacher_by_national_id(db::Connection& db, const std::string& id) {
  const auto row = db.query_one("SELECT id, password_hash FROM teacher WHERE national_id_hmac = ?",
                                core::pii::lookup_key(id));
  if (!row) return std::nullopt;
  return Credentials{row->i64(0), row->str(1), domain::AccountState::kActive};
}

std::optional<Credentials> find_account_by_name(db::Connection& db, const std::string& name) {
  const auto row = db.query_one(
      "SELECT id, password_hash, approved_at IS NOT NULL AS approved, refused_at IS NOT NULL AS refused,"
      " disabled_at IS NOT NULL AS disabled, deleted_at IS NOT NULL AS deleted"
      " FROM business_account WHERE account_name = ?",
      name);
  if (!row) return std::nullopt;
  return Credentials{row->i64("id"), row->str("password_hash"),
                     domain::account_state(row->flag("approved"), row->flag("refused"), row->flag("disabled"),
                                           row->flag("deleted"))};
}

std::string failure_key(std::string_view login_name) { return core::pii::lookup_key(login_name); }

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

std::optional<Unit> find_serving_unit(db::Connection& db, const std::string& code) {
  const auto row = db.query_one(
      "SELECT id, name FROM unit WHERE code = ? AND level <> 'review_body' AND NOT is_review_unit", code);
  if (!row) return std::nullopt;
  return Unit{row->i64(0), row->str(1)};
}

namespace {
constexpr const char* kContactColumns =
    "SELECT id, national_id_enc, name, IFNULL(email, ''), IFNULL(DATE_FORMAT(birth_date, '%Y-%m-%d'), '')"
    " FROM teacher ";

TeacherContact contact_of(const db::Row& row) {
  return {row.i64(0), core::pii::decrypt(row.str(1)), row.str(2), row.str(3), row.str(4)};
}
}  // namespace

std::optional<TeacherContact> find_teacher_contact(db::Connection& db, const std::string& national_id) {
  const auto row = db.query_one(std::string(kContactColumns) + "WHERE national_id_hmac = ?",
                                core::pii::lookup_key(national_id));
  if (!row) return std::nullopt;
  return contact_of(*row);
}

std::optional<TeacherContact> find_teacher_by_id(db::Connection& db, int64_t id) {
  const auto row = db.query_one(std::string(kContactColumns) + "WHERE id = ?", id);
  if (!row) return std::nullopt;
  return contact_of(*row);
}

int64_t insert_teacher(db::Connection& db, const NewTeacher& t) {
  const uint64_t added = db.execute(
      "INSERT IGNORE INTO teacher (national_id_hmac, national_id_enc, name, gender, birth_date,"
      " email, phone, unit_id, title_name, position_category, employment, password_hash)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)",
      core::pii::lookup_key(t.national_id), core::pii::encrypt(t.national_id), t.name, t.gender,
      t.birth_date, t.email, t.phone, t.unit_id, t.title_name, t.position_category, t.password_hash);
  return added == 1 ? static_cast<int64_t>(db.last_insert_id()) : 0;
}

void insert_token(db::Connection& db, const char* kind, int64_t teacher_id, const std::string& token_sha256,
                  const std::string& email, int valid_minutes) {
  db.execute(
      "INSERT INTO account_token (kind, teacher_id, token_sha256, email, expires_at)"
      " VALUES (?, ?, ?, ?, NOW() + INTERVAL ? MINUTE)",
      std::string(kind), teacher_id, token_sha256, email, static_cast<int64_t>(valid_minutes));
}

std::optional<TokenOwner> live_token(db::Connection& db, const char* kind, const std::string& token_sha256,
                                     bool lock) {
  const auto row = db.query_one(
      std::string("SELECT teacher_id, IFNULL(email, '') FROM account_token"
                  " WHERE token_sha256 = ? AND kind = ? AND used_at IS NULL AND expires_at > NOW()") +
          (lock ? " FOR UPDATE" : ""),
      token_sha256, std::string(kind));
  if (!row) return std::nullopt;
  return TokenOwner{row->i64(0), row->str(1)};
}

void use_token(db::Connection& db, const std::string& token_sha256) {
  db.execute("UPDATE account_token SET used_at = NOW() WHERE token_sha256 = ?", token_sha256);
}

void use_all_tokens(db::Connection& db, const char* kind, int64_t teacher_id) {
  db.execute("UPDATE account_token SET used_at = NOW() WHERE teacher_id = ? AND kind = ? AND used_at IS NULL",
             teacher_id, std::string(kind));
}

void confirm_email(db::Connection& db, int64_t teacher_id, const std::string& email) {
  db.execute("UPDATE teacher SET email_confirmed_at = NOW() WHERE id = ? AND email = ?", teacher_id, email);
}

std::optional<TeacherProfile> teacher_profile(db::Connection& db, int64_t teacher_id) {
  const auto r = db.query_one(
      "SELECT t.national_id_enc, t.name, IFNULL(u.name, '') AS unit_name,"
      " IFNULL(t.title_name, '') AS title_name, IFNULL(t.email, '') AS email,"
      " IFNULL(t.phone, '') AS phone,"
      " t.email_confirmed_at IS NOT NULL AS email_confirmed,"
      " IFNULL(k.email, '') AS pending_email,"
      " IFNULL(DATE_FORMAT(k.expires_at, '%Y-%m-%d %H:%i'), '') AS pending_until"
      " FROM teacher t LEFT JOIN unit u ON u.id = t.unit_id"
      " LEFT JOIN account_token k ON k.id = (SELECT MAX(id) FROM account_token"
      "   WHERE teacher_id = t.id AND kind = 'change_email' AND used_at IS NULL"
      "   AND expires_at > NOW())"
      " WHERE t.id = ?",
      teacher_id);
  if (!r) return std::nullopt;
  return TeacherProfile{
      core::pii::decrypt(r->str("national_id_enc")), r->str("name"), r->str("unit_name"),
      r->str("title_name"), r->str("email"), r->str("phone"),
      r->flag("email_confirmed"), r->str("pending_email"), r->str("pending_until")};
}

void set_teacher_phone(db::Connection& db, int64_t teacher_id, const std::string& phone) {
  db.execute("UPDATE teacher SET phone = NULLIF(?, '') WHERE id = ?", phone, teacher_id);
}

void set_teacher_email(db::Connection& db, int64_t teacher_id, const std::string& email) {
  db.execute("UPDATE teacher SET email = ?, email_confirmed_at = NOW() WHERE id = ?", email,
             teacher_id);
}

void set_teacher_password(db::Connection& db, int64_t teacher_id, const std::string& password_hash) {
  db.execute("UPDATE teacher SET password_hash = ? WHERE id = ?", password_hash, teacher_id);
  // The trigger teacher_identity_changed does this too; said here so the rule does not rest on it.
  db.execute("DELETE FROM web_session WHERE teacher_id = ?", teacher_id);
}

void set_account_password(db::Connection& db, int64_t account_id, const std::string& password_hash) {
  db.execute("UPDATE business_account SET password_hash = ? WHERE id = ?", password_hash, account_id);
  db.execute("DELETE FROM web_session WHERE account_id = ?", account_id);
}

std::optional<PasswordOwner> teacher_password_owner(db::Connection& db, int64_t teacher_id) {
  const auto r = db.query_one("SELECT national_id_enc, IFNULL(DATE_FORMAT(birth_date, '%Y-%m-%d'), '') AS birth_date,"
                              " name, IFNULL(email, '') AS email, password_hash FROM teacher WHERE id = ?",
                              teacher_id);
  if (!r) return std::nullopt;
  return PasswordOwner{core::pii::decrypt(r->str("national_id_enc")), r->str("birth_date"), r->str("name"),
                       r->str("email"), r->str("password_hash")};
}

std::optional<PasswordOwner> account_password_owner(db::Connection& db, int64_t account_id) {
  const auto r = db.query_one("SELECT account_name, display_name, IFNULL(email, '') AS email, password_hash"
                              " FROM business_account WHERE id = ?",
                              account_id);
  if (!r) return std::nullopt;
  return PasswordOwner{r->str("account_name"), "", r->str("display_name"), r->str("email"), r->str("password_hash")};
}

std::vector<std::pair<int64_t, std::string>> lock_plain_national_ids(db::Connection& db, long limit) {
  std::vector<std::pair<int64_t, std::string>> out;
  for (const auto& r : db.query("SELECT id, national_id FROM teacher WHERE national_id IS NOT NULL"
                                " ORDER BY id LIMIT ? FOR UPDATE",
                                limit)) {
    out.emplace_back(r.i64("id"), r.str("national_id"));
  }
  return out;
}

void seal_national_id(db::Connection& db, int64_t teacher_id, const std::string& hmac, const std::string& sealed) {
  db.execute("UPDATE teacher SET national_id = NULL, national_id_hmac = ?, national_id_enc = ? WHERE id = ?", hmac,
             sealed, teacher_id);
}

}  // namespace accounts::sql
