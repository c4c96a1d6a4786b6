#include "staff/staff_sql.h"

#include "core/pii.h"
#include "domain/validation.h"

namespace staff::sql {

namespace {

constexpr const char* kColumns =
    "SELECT id, national_id_enc, name, IFNULL(email, '') AS email, IFNULL(unit_id, 0) AS unit_id,"
    " IFNULL(position_category, '') AS position, IFNULL(title_name, '') AS title_name,"
    " IFNULL(subject, '') AS subject, employment, IFNULL(employment_note, '') AS note,"
    " IFNULL(DATE_FORMAT(employment_changed_on, '%Y-%m-%d'), '') AS changed_on FROM teacher";

Teacher teacher_from(const db::Row& r) {
  Teacher t;
  t.id = r.i64("id");
  t.national_id = core::pii::decrypt(r.str("national_id_enc"));
  t.name = r.str("name");
  t.email = r.str("email");
  t.unit_id = r.i64("unit_id");
  t.position = r.str("position");
  t.title_name = r.str("title_name");
  t.subject = r.str("subject");
  t.employment = r.str("employment");
  t.employment_note = r.str("note");
  t.employment_changed_on = r.str("changed_on");
  return t;
}

std::optional<std::string> or_null(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

TeacherPage unit_teachers(db::Connection& db, int64_t unit_id, const std::string& name_part,
                          long limit, long offset) {
  const std::string pattern = domain::like_contains(name_part);
  TeacherPage page;
  page.total = static_cast<long>(
      db.query_one("SELECT COUNT(*) AS n FROM teacher WHERE unit_id = ? AND name LIKE ? ESCAPE '!'",
                   unit_id, pattern)
          ->i64("n"));
  for (const auto& r : db.query(std::string(kColumns) +
                                    " WHERE unit_id = ? AND name LIKE ? ESCAPE '!'"
                                    " ORDER BY name, id LIMIT ? OFFSET ?",
                                unit_id, pattern, limit, offset)) {
    page.rows.push_back(teacher_from(r));
  }
  return page;
}

bool unit_is_kindergarten(db::Connection& db, int64_t unit_id) {
  const auto r = db.query_one("SELECT level = 'kindergarten' AS kindergarten FROM unit WHERE id = ?", unit_id);
  return r && r->flag("kindergarten");
}

std::optional<Teacher> unit_teacher(db::Connection& db, int64_t unit_id, int64_t teacher_id) {
  const auto r = db.query_one(std::string(kColumns) + " WHERE id = ? AND unit_id = ?", teacher_id,
                              unit_id);
  if (!r) return std::nullopt;
  return teacher_from(*r);
}

std::optional<Teacher> lock_by_national_id(db::Connection& db, const std::string& national_id) {
  const auto r =
      db.query_one(std::string(kColumns) + " WHERE national_id_hmac = ? FOR UPDATE",
                   core::pii::lookup_key(national_id));
  if (!r) return std::nullopt;
  return teacher_from(*r);
}

void update_profile(db::Connection& db, int64_t teacher_id, const std::string& position,
                    const std::string& title_name, const std::string& subject) {
  db.execute("UPDATE teacher SET position_category = ?, title_name = ?, subject = ? WHERE id = ?",
             or_null(position), or_null(title_name), or_null(subject), teacher_id);
}

void record_departure(db::Connection& db, int64_t teacher_id, const std::string& employment,
                      const std::string& on, const std::string& note) {
  db.execute(
      "UPDATE teacher SET employment = ?, employment_changed_on = ?, employment_note = ?"
      " WHERE id = ?",
      employment, on, note, teacher_id);
}

void attach(db::Connection& db, int64_t teacher_id, int64_t unit_id) {
  db.execute(
      "UPDATE teacher SET unit_id = ?, employment = 'active', employment_note = NULL,"
      " employment_changed_on = NULL WHERE id = ?",
      unit_id, teacher_id);
}

int64_t create(db::Connection& db, int64_t unit_id, const NewTeacher& t) {
  db.execute(
      "INSERT INTO teacher (national_id_hmac, national_id_enc, name, gender, birth_date, email,"
      " unit_id, position_category, title_name, subject, employment, password_hash)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', '!')",
      core::pii::lookup_key(t.national_id), core::pii::encrypt(t.national_id), t.name, t.gender,
      t.birth_date, t.email, unit_id, or_null(t.position), or_null(t.title_name), or_null(t.subject));
  return static_cast<int64_t>(db.last_insert_id());
}

std::vector<Change> changes(db::Connection& db, const std::string& object, long limit) {
  std::vector<Change> out;
  for (const auto& r : db.query(
           "SELECT DATE_FORMAT(a.at, '%Y-%m-%d %H:%i') AS at,"
           " IFNULL(b.display_name, a.actor) AS who, a.action, IFNULL(a.detail, '') AS detail"
           " FROM audit_log a LEFT JOIN business_account b ON a.actor = CONCAT('b:', b.id)"
           " WHERE a.object = ? ORDER BY a.at DESC, a.id DESC LIMIT ?",
           object, limit)) {
    out.push_back({r.str("at"), r.str("who"), r.str("action"), r.str("detail")});
  }
  return out;
}

}  // namespace staff::sql
