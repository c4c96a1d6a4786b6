#include "rosters/roster_sql.h"

#include "core/pii.h"
#include "domain/roster_rules.h"
#include "domain/validation.h"
#include "shared/missed_sql.h"

namespace rosters::sql {

namespace {

const char* kLineColumns =
    "SELECT re.id, re.teacher_id, re.source, re.attendance, re.hours_absent, re.hours,"
    " re.hours_typed, re.hours_reason, t.name, t.national_id_enc, t.title_name,"
    " t.employment = 'active' AS active, COALESCE(u.name, '') AS unit_name,"
    " EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = re.course_id"
    "   AND e.teacher_id = re.teacher_id AND e.approved_at IS NOT NULL) AS enrolled,"
    " (SELECT GROUP_CONCAT(ra.session_id) FROM roster_attendance ra"
    "   WHERE ra.roster_entry_id = re.id) AS present"
    " FROM roster_entry re JOIN teacher t ON t.id = re.teacher_id LEFT JOIN unit u ON u.id = t.unit_id";

const char* const kSubmitted = domain::state_code(domain::CourseState::kRosterSubmitted);

Line line_of(const db::Row& r) {
  Line l;
  l.id = r.i64("id");
  l.teacher_id = r.i64("teacher_id");
  l.name = r.str("name");
  l.national_id = core::pii::decrypt(r.str("national_id_enc"));
  l.unit_name = r.str("unit_name");
  l.title_name = r.str("title_name");
  l.source = r.str("source");
  l.active = r.flag("active");
  l.enrolled = r.flag("enrolled");
  l.attendance = domain::parse_attendance(r.str("attendance")).value_or(domain::Attendance::kFull);
  l.hours_absent = r.i32("hours_absent");
  l.units = r.i32("hours");
  l.units_typed = r.flag("hours_typed");
  l.typed_reason = r.str("hours_reason");
  l.present_sessions = domain::split_ids(r.str("present"));
  return l;
}

}  // namespace

std::vector<Line> lines(db::Connection& db, int64_t course_id) {
  std::vector<Line> out;
  for (const auto& r : db.query(std::string(kLineColumns) +
                                    " WHERE re.course_id = ? ORDER BY unit_name, t.name, re.id",
                                course_id)) {
    out.push_back(line_of(r));
  }
  return out;
}

std::optional<Line> line(db::Connection& db, int64_t course_id, int64_t line_id) {
  const auto r = db.query_one(std::string(kLineColumns) + " WHERE re.course_id = ? AND re.id = ?",
                              course_id, line_id);
  if (!r) return std::nullopt;
  return line_of(*r);
}

Totals totals(db::Connection& db, int64_t course_id) {
  const auto r = db.query_one(
      "SELECT COUNT(*) AS n, COALESCE(SUM(hours), 0) AS units FROM roster_entry WHERE course_id = ?",
      course_id);
  return {r->i32("n"), r->i32("units")};
}

std::vector<Candidate> unconverted(db::Connection& db, int64_t course_id) {
  std::vector<Candidate> out;
  for (const auto& r : db.query(
           "SELECT e.id, t.name, t.national_id_enc, COALESCE(t.title_name, '') AS title_name,"
           " COALESCE(u.name, '') AS unit_name FROM enrolment e JOIN teacher t ON t.id = e.teacher_id"
           " LEFT JOIN unit u ON u.id = t.unit_id"
           " WHERE e.course_id = ? AND e.status = 'approved' AND NOT EXISTS (SELECT 1 FROM roster_entry"
           "   re WHERE re.course_id = e.course_id AND re.teacher_id = e.teacher_id)"
           " ORDER BY unit_name, t.name, e.id",
           course_id)) {
    out.push_back({r.i64("id"), r.str("name"), core::pii::decrypt(r.str("national_id_enc")), r.str("unit_name"),
                   r.str("title_name")});
  }
  return out;
}

domain::CourseState lock_state(db::Connection& db, int64_t course_id) {
  const auto r = db.query_one("SELECT state FROM course WHERE id = ? FOR UPDATE", course_id);
  return *domain::parse_state_code(r->str("state"));
}

int convert(db::Connection& db, int64_t course_id, int units, const std::vector<int64_t>& enrolment_ids) {
  const std::string insert =
      "INSERT IGNORE INTO roster_entry (course_id, teacher_id, source, attendance, hours_absent,"
      " hours) SELECT e.course_id, e.teacher_id, 'enrolment', 'full', 0, ? FROM enrolment e"
      " WHERE e.course_id = ? AND e.status = 'approved'";
  if (enrolment_ids.empty()) return static_cast<int>(db.execute(insert, units, course_id));
  int added = 0;
  for (int64_t id : enrolment_ids) {
    added += static_cast<int>(db.execute(insert + " AND e.id = ?", units, course_id, id));
  }
  return added;
}

std::map<std::string, Teacher> teachers_by_national_id(db::Connection& db,
                                                       const std::vector<std::string>& national_ids) {
  std::map<std::string, Teacher> out;
  // In slices of a fixed size, so that one prepared statement serves every upload.
  constexpr size_t kSlice = 100;
  std::string sql = "SELECT id, name, national_id_hmac, employment = 'active' AS active FROM teacher"
                    " WHERE national_id_hmac IN (?";
  for (size_t i = 1; i < kSlice; ++i) sql += ", ?";
  sql += ")";
  static const std::string kNoId;  // fills the last slice; db::Value keeps a view of it
  std::vector<std::string> keys;     // and of these, so they outlive the queries
  std::map<std::string, std::string> id_of_key;
  for (const auto& id : national_ids) {
    keys.push_back(core::pii::lookup_key(id));
    id_of_key[keys.back()] = id;
  }
  for (size_t from = 0; from < keys.size(); from += kSlice) {
    std::vector<db::Value> params;
    for (size_t i = 0; i < kSlice; ++i) {
      params.emplace_back(from + i < keys.size() ? keys[from + i] : kNoId);
    }
    for (const auto& r : db.query_values(sql, params)) {
      out[id_of_key.at(r.str("national_id_hmac"))] = {r.i64("id"), r.str("name"), r.flag("active")};
    }
  }
  return out;
}

std::vector<int64_t> teachers_on_roster(db::Connection& db, int64_t course_id) {
  std::vector<int64_t> out;
  for (const auto& r : db.query("SELECT teacher_id FROM roster_entry WHERE course_id = ?", course_id)) {
    out.push_back(r.i64(0));
  }
  return out;
}

bool add_line(db::Connection& db, int64_t course_id, const std::string& source, const NewLine& l) {
  return db.execute("INSERT IGNORE INTO roster_entry (course_id, teacher_id, source, attendance,"
                    " hours_absent, hours, hours_typed, hours_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    course_id, l.teacher_id, source, domain::attendance_code(l.attendance),
                    l.hours_absent, l.units, l.units_typed,
                    l.units_typed ? std::optional<std::string>(l.typed_reason) : std::nullopt) == 1;
}

bool update_line(db::Connection& db, int64_t course_id, int64_t line_id, const NewLine& l,
                 bool keep_grid) {
  const auto found = db.query_one("SELECT id FROM roster_entry WHERE id = ? AND course_id = ?",
                                  line_id, course_id);
  if (!found) return false;
  db.execute("UPDATE roster_entry SET attendance = ?, hours_absent = ?, hours = ?, hours_typed = ?,"
             " hours_reason = ? WHERE id = ?",
             domain::attendance_code(l.attendance), l.hours_absent, l.units, l.units_typed,
             l.units_typed ? std::optional<std::string>(l.typed_reason) : std::nullopt, line_id);
  if (!keep_grid) db.execute("DELETE FROM roster_attendance WHERE roster_entry_id = ?", line_id);
  return true;
}

bool delete_line(db::Connection& db, int64_t course_id, int64_t line_id) {
  return db.execute("DELETE FROM roster_entry WHERE id = ? AND course_id = ?", line_id, course_id) == 1;
}

void save_presence(db::Connection& db, int64_t line_id, const std::vector<int64_t>& session_ids) {
  db.execute("DELETE FROM roster_attendance WHERE roster_entry_id = ?", line_id);
  for (int64_t s : session_ids) {
    db.execute("INSERT INTO roster_attendance (roster_entry_id, session_id) VALUES (?, ?)", line_id, s);
  }
}

std::vector<TeacherSession> other_sessions_on_days(db::Connection& db, int64_t course_id) {
  std::vector<TeacherSession> out;
  for (const auto& r : db.query(
           "SELECT re.teacher_id, s.session_date, TIME_FORMAT(s.starts_at, '%H:%i') AS starts_at,"
           " TIME_FORMAT(s.ends_at, '%H:%i') AS ends_at, s.breaks"
           " FROM roster_entry mine"
           " JOIN roster_entry re ON re.teacher_id = mine.teacher_id AND re.course_id <> mine.course_id"
           " JOIN course c ON c.id = re.course_id AND c.state <> ?"
           " JOIN course_session s ON s.course_id = re.course_id"
           " WHERE mine.course_id = ? AND s.session_date IN"
           "   (SELECT session_date FROM course_session WHERE course_id = ?)",
           domain::state_code(domain::CourseState::kDeleted), course_id, course_id)) {
    out.push_back({r.i64("teacher_id"), r.str("session_date"), r.str("starts_at"), r.str("ends_at"),
                   r.str("breaks")});
  }
  return out;
}

namespace {
const char* kIssuedColumns =
    "SELECT r.id, r.teacher_id, r.hours, r.credits, r.correction_no,"
    " COALESCE(r.correction_reason, '') AS reason, COALESCE(a.display_name, '') AS made_by,"
    " t.name, t.national_id_enc, COALESCE(u.name, '') AS unit_name"
    " FROM study_record r JOIN teacher t ON t.id = r.teacher_id LEFT JOIN unit u ON u.id = t.unit_id"
    " LEFT JOIN business_account a ON a.id = r.created_by"
    " WHERE r.course_id = ? AND NOT EXISTS (SELECT 1 FROM study_record n WHERE n.corrects_id = r.id)";

IssuedRecord issued_of(const db::Row& r) {
  return {r.i64("id"), r.i64("teacher_id"), r.str("name"), core::pii::decrypt(r.str("national_id_enc")),
          r.str("unit_name"), r.str("reason"), r.str("made_by"), r.i32("hours"), r.i32("credits"),
          r.i32("correction_no")};
}
}  // namespace

std::vector<IssuedRecord> issued_records(db::Connection& db, int64_t course_id) {
  std::vector<IssuedRecord> out;
  for (const auto& r : db.query(std::string(kIssuedColumns) + " ORDER BY unit_name, t.name, r.id", course_id)) {
    out.push_back(issued_of(r));
  }
  return out;
}

std::optional<IssuedRecord> issued_record(db::Connection& db, int64_t course_id, int64_t record_id) {
  const auto r = db.query_one(std::string(kIssuedColumns) + " AND r.id = ?", course_id, record_id);
  if (!r) return std::nullopt;
  return issued_of(*r);
}

std::vector<Missed> missed(db::Connection& db, int64_t course_id) {
  std::vector<Missed> out;
  for (const auto& r : db.query(
           "SELECT e.id, e.teacher_id, t.name, t.national_id_enc, COALESCE(u.name, '') AS unit_name"
           " FROM enrolment e JOIN course c ON c.id = e.course_id JOIN teacher t ON t.id = e.teacher_id"
           " LEFT JOIN unit u ON u.id = t.unit_id"
           " LEFT JOIN study_record r ON r.teacher_id = e.teacher_id AND r.course_id = e.course_id"
           " WHERE e.course_id = ? AND" + shared::missed_sql::condition() + " ORDER BY unit_name, t.name",
           course_id, domain::state_code(domain::CourseState::kClosed))) {
    out.push_back({r.i64("id"), r.i64("teacher_id"), r.str("name"), core::pii::decrypt(r.str("national_id_enc")),
                   r.str("unit_name")});
  }
  return out;
}

std::vector<QueuedRoster> roster_queue(db::Connection& db, int64_t review_unit_id, int limit, int offset) {
  std::vector<QueuedRoster> out;
  for (const auto& r : db.query(
           "SELECT c.code, c.title, u.name AS unit_name, c.first_date, c.last_date, c.hours, c.credits,"
           " DATE_FORMAT(COALESCE(h.at, c.updated_at), '%Y-%m-%d %H:%i') AS submitted_at,"
           " (SELECT COUNT(*) FROM roster_entry re WHERE re.course_id = c.id) AS line_count,"
           " (SELECT COALESCE(SUM(re.hours), 0) FROM roster_entry re WHERE re.course_id = c.id) AS units"
           " FROM course c JOIN unit u ON u.id = c.unit_id"
           " LEFT JOIN (SELECT course_id, MAX(at) AS at FROM course_history WHERE to_state = ?"
           "       GROUP BY course_id) h ON h.course_id = c.id"
           " WHERE c.review_unit_id = ? AND c.state = ?"
           " ORDER BY COALESCE(h.at, c.updated_at), c.id LIMIT ? OFFSET ?",
           kSubmitted, review_unit_id, kSubmitted, limit, offset)) {
    QueuedRoster q;
    q.code = r.str("code");
    q.title = r.str("title");
    q.unit_name = r.str("unit_name");
    q.first_date = r.str("first_date");
    q.last_date = r.str("last_date");
    q.submitted_at = r.str("submitted_at");
    q.hours = r.i32("hours");
    q.credits = r.i32("credits");
    q.lines = r.i32("line_count");
    q.units = r.i32("units");
    out.push_back(std::move(q));
  }
  return out;
}

int roster_queue_size(db::Connection& db, int64_t review_unit_id) {
  return static_cast<int>(db.query_one("SELECT COUNT(*) FROM course WHERE review_unit_id = ? AND state = ?",
                                       review_unit_id, kSubmitted)->i64(0));
}

}  // namespace rosters::sql
