#include "specialties/specialty_sql.h"

namespace specialties::sql {

namespace {

constexpr const char* kColumns =
    "SELECT a.id, a.teacher_id, a.unit_id, a.specialty_id, t.name AS teacher_name, s.name AS specialty,"
    " a.certificate_name, a.certificate_no, DATE_FORMAT(a.certificate_date, '%Y-%m-%d') AS certificate_date,"
    " IFNULL(a.file_stored_name, '') AS file_stored_name, a.state, IFNULL(a.reason, '') AS reason,"
    " IFNULL(b.display_name, '') AS decided_by, IFNULL(DATE_FORMAT(a.decided_at, '%Y-%m-%d %H:%i'), '') AS decided_at,"
    " DATE_FORMAT(a.created_at, '%Y-%m-%d %H:%i') AS created_at"
    " FROM specialty_application a JOIN teacher t ON t.id = a.teacher_id JOIN specialty s ON s.id = a.specialty_id"
    " LEFT JOIN business_account b ON b.id = a.decided_by";

Application application_of(const db::Row& r) {
  Application a;
  a.id = r.i64("id");
  a.teacher_id = r.i64("teacher_id");
  a.unit_id = r.i64("unit_id");
  a.specialty_id = r.i64("specialty_id");
  a.teacher_name = r.str("teacher_name");
  a.specialty = r.str("specialty");
  a.certificate_name = r.str("certificate_name");
  a.certificate_no = r.str("certificate_no");
  a.certificate_date = r.str("certificate_date");
  a.file_stored_name = r.str("file_stored_name");
  a.state = r.str("state");
  a.reason = r.str("reason");
  a.decided_by = r.str("decided_by");
  a.decided_at = r.str("decided_at");
  a.created_at = r.str("created_at");
  return a;
}

}  // namespace

std::vector<Specialty> all(db::Connection& db) {
  std::vector<Specialty> out;
  for (const auto& r : db.query("SELECT id, name, active FROM specialty ORDER BY name")) {
    out.push_back({r.i64("id"), r.str("name"), r.flag("active")});
  }
  return out;
}

std::optional<Specialty> find_specialty(db::Connection& db, int64_t id) {
  const auto r = db.query_one("SELECT id, name, active FROM specialty WHERE id = ?", id);
  if (!r) return std::nullopt;
  return Specialty{r->i64("id"), r->str("name"), r->flag("active")};
}

bool add_specialty(db::Connection& db, const std::string& name) {
  try {
    db.execute("INSERT INTO specialty (name) VALUES (?)", name);
  } catch (const db::Error& e) {
    if (e.code == db::kDuplicateKey) return false;
    throw;
  }
  return true;
}

bool toggle_specialty(db::Connection& db, int64_t id) {
  return db.execute("UPDATE specialty SET active = NOT active WHERE id = ?", id) > 0;
}

int64_t insert(db::Connection& db, const NewApplication& a) {
  db.execute("INSERT INTO specialty_application (teacher_id, unit_id, specialty_id, certificate_name, certificate_no,"
             " certificate_date, file_stored_name) VALUES (?, ?, ?, ?, ?, ?, ?)",
             a.teacher_id, a.unit_id, a.specialty_id, a.certificate_name, a.certificate_no, a.certificate_date,
             a.file_stored_name.empty() ? std::optional<std::string>() : std::optional<std::string>(a.file_stored_name));
  return static_cast<int64_t>(db.last_insert_id());
}

bool has_open(db::Connection& db, int64_t teacher_id, int64_t specialty_id) {
  return db.query_one("SELECT 1 FROM specialty_application WHERE teacher_id = ? AND specialty_id = ?"
                      " AND state IN ('pending', 'approved') LIMIT 1",
                      teacher_id, specialty_id)
      .has_value();
}

std::optional<Application> find(db::Connection& db, int64_t id) {
  const auto r = db.query_one(std::string(kColumns) + " WHERE a.id = ?", id);
  if (!r) return std::nullopt;
  return application_of(*r);
}

std::vector<Application> of_teacher(db::Connection& db, int64_t teacher_id) {
  std::vector<Application> out;
  for (const auto& r : db.query(std::string(kColumns) + " WHERE a.teacher_id = ? ORDER BY a.id DESC", teacher_id)) {
    out.push_back(application_of(r));
  }
  return out;
}

std::vector<Application> of_unit(db::Connection& db, int64_t unit_id, const std::string& state, int64_t specialty_id) {
  std::vector<Application> out;
  for (const auto& r : db.query(std::string(kColumns) +
                                    " WHERE a.unit_id = ? AND (? = '' OR a.state = ?) AND (? = 0 OR a.specialty_id = ?)"
                                    " ORDER BY s.name, t.name, a.id LIMIT 500",
                                unit_id, state, state, specialty_id, specialty_id)) {
    out.push_back(application_of(r));
  }
  return out;
}

bool decide(db::Connection& db, int64_t id, int64_t unit_id, const std::string& state, const std::string& reason,
            int64_t account_id) {
  return db.execute("UPDATE specialty_application SET state = ?, reason = ?, decided_by = ?, decided_at = NOW()"
                    " WHERE id = ? AND unit_id = ? AND state = 'pending'",
                    state, reason.empty() ? std::optional<std::string>() : std::optional<std::string>(reason),
                    account_id, id, unit_id) == 1;
}

}  // namespace specialties::sql
