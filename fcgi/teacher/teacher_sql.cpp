// SQL of the teacher's homepage. "This year" is the database's year, the one clock (Context::today).
#include "teacher/teacher_sql.h"

#include "domain/course_state.h"
#include "shared/missed_sql.h"

namespace teacher::sql {

namespace {
CourseLine line_of(const db::Row& r) {
  return {r.str("code"), r.str("title"), r.str("unit_name"), r.str("first_date"),
          r.str("last_date"), r.str("status")};
}
}  // namespace

std::optional<Master> unit_master(db::Connection& db, int64_t teacher_id) {
  const auto r = db.query_one(
      "SELECT a.display_name, IFNULL(a.phone, '') AS phone, u.name AS unit_name FROM teacher t"
      " JOIN business_account a ON a.unit_id = t.unit_id AND a.kind = 'master'"
      " AND a.approved_at IS NOT NULL AND a.disabled_at IS NULL JOIN unit u ON u.id = t.unit_id"
      " WHERE t.id = ? ORDER BY a.id LIMIT 1",
      teacher_id);
  if (!r) return std::nullopt;
  return Master{r->str("display_name"), r->str("phone"), r->str("unit_name")};
}

std::optional<Profile> find_profile(db::Connection& db, int64_t teacher_id) {
  const auto r = db.query_one(
      "SELECT t.name, u.name AS unit_name, t.employment, t.employment_note, t.title_name,"
      " t.unit_id IS NOT NULL AS has_unit FROM teacher t LEFT JOIN unit u ON u.id = t.unit_id"
      " WHERE t.id = ?",
      teacher_id);
  if (!r) return std::nullopt;
  return Profile{r->str("name"),            r->str("unit_name"),  r->str("employment"),
                 r->str("employment_note"), r->str("title_name"), r->flag("has_unit")};
}

std::vector<MissedLine> missed_courses(db::Connection& db, int64_t teacher_id) {
  std::vector<MissedLine> out;
  // Approved once, and not cancelled before the first session started (SPEC §6): a cancellation
  // after the start still counts. STRAIGHT_JOIN: start from this teacher's enrolments, never
  // from the year's closed courses.
  static const std::string sql =
      "SELECT STRAIGHT_JOIN c.code, c.title, u.name AS unit_name, c.first_date, c.last_date,"
      " e.status, e.id, EXISTS (SELECT 1 FROM correction_request q WHERE q.open_enrolment_id = e.id)"
      " AS requested FROM enrolment e JOIN course c ON c.id = e.course_id JOIN unit u ON u.id = c.unit_id"
      " LEFT JOIN study_record r ON r.teacher_id = e.teacher_id AND r.course_id = e.course_id"
      " WHERE e.teacher_id = ? AND" + shared::missed_sql::condition() + " ORDER BY c.first_date, c.id";
  for (const auto& r : db.query(sql, teacher_id, domain::state_code(domain::CourseState::kClosed))) {
    MissedLine line;
    static_cast<CourseLine&>(line) = line_of(r);
    line.enrolment_id = r.i64("id");
    line.correction_requested = r.flag("requested");
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<EnrolmentLine> enrolments(db::Connection& db, int64_t teacher_id, int limit) {
  std::vector<EnrolmentLine> out;
  for (const auto& r : db.query(
           "SELECT STRAIGHT_JOIN e.id, c.code, c.title, u.name AS unit_name, c.first_date, c.last_date,"
           " e.status, IFNULL((SELECT UNIX_TIMESTAMP(MIN(TIMESTAMP(s.session_date, s.starts_at)))"
           "   FROM course_session s WHERE s.course_id = c.id), 0) AS first_start,"
           " UNIX_TIMESTAMP() AS db_now,"
           " IF(e.status = 'waiting', (SELECT COUNT(*) FROM enrolment w WHERE w.course_id = e.course_id"
           "   AND w.status = 'waiting' AND (w.waiting_since, w.id) <= (e.waiting_since, e.id)), 0)"
           "   AS waiting_position"
           " FROM enrolment e JOIN course c ON c.id = e.course_id JOIN unit u ON u.id = c.unit_id"
           " WHERE e.teacher_id = ? ORDER BY c.first_date DESC, c.id DESC LIMIT ?",
           teacher_id, limit)) {
    EnrolmentLine line;
    static_cast<CourseLine&>(line) = line_of(r);
    line.id = r.i64("id");
    line.first_session_start = r.i64("first_start");
    line.now = r.i64("db_now");
    line.waiting_position = r.i32("waiting_position");
    out.push_back(std::move(line));
  }
  return out;
}

RecordSummary record_summary(db::Connection& db, int64_t teacher_id, size_t recent) {
  RecordSummary out;
  db.for_each_row(
      "SELECT title, completed_on, YEAR(completed_on) AS year, source, hours, credits FROM study_record r"
      " WHERE teacher_id = ? AND NOT EXISTS (SELECT 1 FROM study_record n WHERE n.corrects_id = r.id)"
      " ORDER BY completed_on DESC, id DESC",
      [&](const db::Row& r) {
        const int year = r.i32("year");
        if (out.years.empty() || out.years.back().year != year) out.years.push_back({year, 0, 0, 0});
        YearTotal& total = out.years.back();
        ++total.records;
        total.hours += r.i32("hours");
        total.credits += r.i32("credits");
        if (out.recent.size() < recent) {
          out.recent.push_back({r.str("title"), r.str("completed_on"), r.str("source"), r.i32("hours"),
                                r.i32("credits")});
        }
      },
      teacher_id);
  return out;
}

}  // namespace teacher::sql
