// SQL of 資訊傳報.
#include "api/api_sql.h"

#include "core/pii.h"

namespace api::sql {

int64_t count_request(db::Connection& db, int64_t partner_id) {
  db.execute("INSERT INTO partner_rate (partner_id, minute, requests)"
             " VALUES (?, DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:00'), 1)"
             " ON DUPLICATE KEY UPDATE requests = requests + 1",
             partner_id);
  return db.query_one("SELECT requests FROM partner_rate WHERE partner_id = ?"
                      " AND minute = DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i:00')",
                      partner_id)->i64(0);
}

int seconds_to_next_minute(db::Connection& db) {
  return static_cast<int>(db.query_one("SELECT 60 - SECOND(NOW())")->i64(0));
}

std::optional<StoredReport> find_report(db::Connection& db, int64_t partner_id, const std::string& reference) {
  const auto r = db.query_one("SELECT request_sha256, status, response FROM partner_report"
                              " WHERE partner_id = ? AND reference = ?",
                              partner_id, reference);
  if (!r) return std::nullopt;
  return StoredReport{r->str(0), static_cast<int>(r->i64(1)), r->str(2)};
}

bool store_report(db::Connection& db, int64_t partner_id, const std::string& reference,
                  const std::string& request_sha256, int status, const std::string& response) {
  try {
    db.execute("INSERT INTO partner_report (partner_id, reference, request_sha256, status, response)"
               " VALUES (?, ?, ?, ?, ?)",
               partner_id, reference, request_sha256, status, response);
  } catch (const db::Error& e) {
    if (e.code == db::kDuplicateKey) return false;
    throw;
  }
  return true;
}

void complete_report(db::Connection& db, int64_t partner_id, const std::string& reference, int status,
                     const std::string& response) {
  db.execute("UPDATE partner_report SET status = ?, response = ? WHERE partner_id = ? AND reference = ?",
             status, response, partner_id, reference);
}

std::optional<Person> find_teacher_by_national_id(db::Connection& db, int64_t partner_id,
                                                  const std::string& national_id) {
  const auto r = db.query_one(
      "SELECT t.id, s.sub IS NOT NULL FROM teacher t"
      " LEFT JOIN oidc_subject s ON s.teacher_id = t.id AND s.partner_id = ?"
      " WHERE t.national_id_hmac = ?",
      partner_id, core::pii::lookup_key(national_id));
  if (!r) return std::nullopt;
  return Person{r->i64(0), r->i64(1) == 1};
}

std::optional<int64_t> teacher_of_own_subject(db::Connection& db, int64_t partner_id, const std::string& sub) {
  const auto r = db.query_one("SELECT teacher_id FROM oidc_subject WHERE partner_id = ? AND sub = ?",
                              partner_id, sub);
  if (!r) return std::nullopt;
  return r->i64(0);
}

bool subject_of_another_partner(db::Connection& db, int64_t partner_id, const std::string& sub) {
  return db.query_one("SELECT 1 FROM oidc_subject WHERE partner_id <> ? AND sub = ? LIMIT 1",
                      partner_id, sub).has_value();
}

}  // namespace api::sql
