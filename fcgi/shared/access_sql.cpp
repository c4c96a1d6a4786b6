// SQL of sessions (web_session) and the audit trail (audit_log).
#include "shared/access_sql.h"

namespace shared::access::sql {

void insert_teacher_session(db::Connection& db, const std::string& id_sha256, int64_t teacher_id) {
  db.execute("INSERT INTO web_session (id_sha256, teacher_id, role, display_name, unit_id, unit_name,"
             " records_only)"
             " SELECT ?, t.id, 'teacher', t.name, t.unit_id, u.name,"
             " t.employment <> 'active' OR t.unit_id IS NULL"
             " FROM teacher t LEFT JOIN unit u ON u.id = t.unit_id WHERE t.id = ?",
             id_sha256, teacher_id);
}

void insert_account_session(db::Connection& db, const std::string& id_sha256, int64_t account_id) {
  db.execute("INSERT INTO web_session (id_sha256, account_id, role, display_name, unit_id, unit_name,"
             " records_only)"
             " SELECT ?, a.id, a.kind, a.display_name, a.unit_id, u.name, FALSE"
             " FROM business_account a JOIN unit u ON u.id = a.unit_id WHERE a.id = ?",
             id_sha256, account_id);
}

void delete_session(db::Connection& db, const std::string& id_sha256) {
  db.execute("DELETE FROM web_session WHERE id_sha256 = ?", id_sha256);
}

std::optional<SessionRow> find_session(db::Connection& db, const std::string& id_sha256) {
  // One primary-key read (and the teacher's row by primary key): the cost of every signed-in page.
  const auto r = db.query_one(
      "SELECT s.teacher_id, s.account_id,"
      " TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW()) AS idle_seconds,"
      " TIMESTAMPDIFF(SECOND, s.created_at, NOW()) AS age_seconds,"
      " s.role, s.display_name, s.unit_id, s.unit_name, s.records_only, t.home_version,"
      " CURDATE() AS today, UNIX_TIMESTAMP(s.created_at) AS created_epoch"
      " FROM web_session s LEFT JOIN teacher t ON t.id = s.teacher_id WHERE s.id_sha256 = ?",
      id_sha256);
  if (!r) return std::nullopt;
  SessionRow s;
  s.teacher_id = r->i64("teacher_id");
  s.account_id = r->i64("account_id");
  s.idle_seconds = static_cast<long>(r->i64("idle_seconds"));
  s.age_seconds = static_cast<long>(r->i64("age_seconds"));
  s.role = r->str("role");
  s.display_name = r->str("display_name");
  s.unit_id = r->i64("unit_id");
  s.unit_name = r->str("unit_name");
  s.records_only = r->flag("records_only");
  s.home_version = static_cast<uint64_t>(r->i64("home_version"));
  s.today = r->str("today");
  s.created_epoch = static_cast<long>(r->i64("created_epoch"));
  return s;
}

void touch_session(db::Connection& db, const std::string& id_sha256) {
  db.execute("UPDATE web_session SET last_seen_at = NOW() WHERE id_sha256 = ?", id_sha256);
}

void insert_audit(db::Connection& db, const std::string& actor, const std::string& action,
                  const std::string& object, const std::string& detail, const std::string& address) {
  db.execute("INSERT INTO audit_log (actor, action, object, detail, address) VALUES (?, ?, ?, ?, ?)",
             actor, action, object, detail, address);
}

}  // namespace shared::access::sql
