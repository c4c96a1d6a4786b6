// records/records_sql.cpp: reading records, their checks and the teachers' correction requests.
#include "records/records_sql.h"

#include "core/pii.h"
#include "domain/course_state.h"
#include "domain/validation.h"
#include "shared/missed_sql.h"

namespace records::sql {

namespace {

// The current records: no record corrects them. Tags arrive as "3,7" from the course.
const std::string kRecordColumns =
    "SELECT r.id, IFNULL(r.course_id, 0) AS course_id, c.code AS course_code,"
    " cu.name AS course_unit, c.first_date, c.last_date, r.source, p.site_name AS partner_name,"
    " r.title, r.completed_on, r.verify_code, r.hours, r.credits, r.correction_no,"
    " r.correction_reason, a.display_name AS corrected_by, o.hours AS old_hours,"
    " o.credits AS old_credits,"
    " (SELECT GROUP_CONCAT(ct.tag_id) FROM course_tag ct WHERE ct.course_id = r.course_id) AS tags"
    " FROM study_record r LEFT JOIN course c ON c.id = r.course_id"
    " LEFT JOIN unit cu ON cu.id = c.unit_id LEFT JOIN partner p ON p.id = r.partner_id"
    " LEFT JOIN business_account a ON a.id = r.created_by AND r.correction_no > 0"
    " LEFT JOIN study_record o ON o.id = r.corrects_id"
    " WHERE r.teacher_id = ? AND NOT EXISTS (SELECT 1 FROM study_record n WHERE n.corrects_id = "
    "r.id)";

Record record_of(const db::Row& r) {
  Record x;
  x.id = r.i64("id");
  x.course_id = r.i64("course_id");
  x.course_code = r.str("course_code");
  x.course_unit = r.str("course_unit");
  x.first_date = r.str("first_date");
  x.last_date = r.str("last_date");
  x.source = r.str("source");
  x.partner_name = r.str("partner_name");
  x.title = r.str("title");
  x.completed_on = r.str("completed_on");
  x.verify_code = r.str("verify_code");
  x.hours = r.i32("hours");
  x.credits = r.i32("credits");
  x.correction_no = r.i32("correction_no");
  x.correction_reason = r.str("correction_reason");
  x.corrected_by = r.str("corrected_by");
  x.old_hours = r.i32("old_hours");
  x.old_credits = r.i32("old_credits");
  x.tag_ids = domain::split_ids(r.str("tags"));
  return x;
}

}  // namespace

std::optional<Profile> profile(db::Connection& db, int64_t teacher_id) {
  const auto r = db.query_one(
      "SELECT t.name, u.name AS unit_name, t.national_id_enc, t.is_kindergarten_staff"
      " FROM teacher t LEFT JOIN unit u ON u.id = t.unit_id WHERE t.id = ?",
      teacher_id);
  if (!r) return std::nullopt;
  return Profile{r->str("name"), r->str("unit_name"), core::pii::decrypt(r->str("national_id_enc")),
                 r->flag("is_kindergarten_staff")};
}

std::vector<Record> current_records(db::Connection& db, int64_t teacher_id) {
  std::vector<Record> out;
  for (const auto& r :
       db.query(kRecordColumns + " ORDER BY r.completed_on DESC, r.id DESC", teacher_id)) {
    out.push_back(record_of(r));
  }
  return out;
}

std::optional<Record> current_record(db::Connection& db, int64_t teacher_id, int64_t record_id) {
  const auto r = db.query_one(kRecordColumns + " AND r.id = ?", teacher_id, record_id);
  if (!r) return std::nullopt;
  return record_of(*r);
}

std::optional<Verified> record_by_code(db::Connection& db, const std::string& code) {
  // verify_code is UNIQUE: one index read, then the chain after it (short, by corrects_id's key).
  const auto r = db.query_one(
      "WITH RECURSIVE later AS ("
      "  SELECT r.id, r.hours, r.credits, r.verify_code, 0 AS depth FROM study_record r"
      "   WHERE r.verify_code = ?"
      "  UNION ALL SELECT n.id, n.hours, n.credits, n.verify_code, l.depth + 1 FROM study_record n"
      "   JOIN later l ON n.corrects_id = l.id)"
      " SELECT s.title, c.code AS course_code, s.completed_on, s.hours, s.credits,"
      " (SELECT MAX(depth) FROM later) > 0 AS superseded,"
      " newest.hours AS current_hours, newest.credits AS current_credits,"
      " newest.verify_code AS current_code"
      " FROM study_record s LEFT JOIN course c ON c.id = s.course_id"
      " JOIN later newest ON newest.depth = (SELECT MAX(depth) FROM later)"
      " WHERE s.verify_code = ?",
      code, code);
  if (!r) return std::nullopt;
  return Verified{r->str("title"),         r->str("course_code"),     r->str("completed_on"),
                  r->i32("hours"),         r->i32("credits"),         r->flag("superseded"),
                  r->i32("current_hours"), r->i32("current_credits"), r->str("current_code")};
}

std::optional<MissedEnrolment> missed_enrolment(db::Connection& db, int64_t enrolment_id,
                                                int64_t teacher_id) {
  static const std::string sql =
      "SELECT e.id, c.id AS course_id, c.code, c.title, u.name AS unit_name, c.first_date,"
      " c.last_date, t.name AS teacher_name, c.contact1_email, c.contact2_email,"
      " EXISTS (SELECT 1 FROM correction_request q WHERE q.open_enrolment_id = e.id) AS "
      "open_request"
      " FROM enrolment e JOIN course c ON c.id = e.course_id JOIN unit u ON u.id = c.unit_id"
      " JOIN teacher t ON t.id = e.teacher_id"
      " LEFT JOIN study_record r ON r.teacher_id = e.teacher_id AND r.course_id = e.course_id"
      " WHERE e.id = ? AND e.teacher_id = ? AND" +
      shared::missed_sql::condition() + " LIMIT 1";
  const auto r =
      db.query_one(sql, enrolment_id, teacher_id, domain::state_code(domain::CourseState::kClosed));
  if (!r) return std::nullopt;
  MissedEnrolment m{r->i64("id"),           r->i64("course_id"),    r->str("code"),
                    r->str("title"),        r->str("unit_name"),    r->str("first_date"),
                    r->str("last_date"),    r->str("teacher_name"), {},
                    r->flag("open_request")};
  for (const char* column : {"contact1_email", "contact2_email"}) {
    const std::string& email = r->str(column);
    if (!email.empty() && email != (m.contact_emails.empty() ? "" : m.contact_emails.front())) {
      m.contact_emails.push_back(email);
    }
  }
  return m;
}

bool add_correction_request(db::Connection& db, int64_t enrolment_id, const std::string& reason) {
  return db.execute("INSERT IGNORE INTO correction_request (enrolment_id, reason) VALUES (?, ?)",
                    enrolment_id, reason) == 1;
}

std::vector<OpenRequest> open_requests(db::Connection& db, int64_t course_id) {
  std::vector<OpenRequest> out;
  for (const auto& r :
       db.query("SELECT t.name, q.reason, DATE_FORMAT(q.created_at, '%Y-%m-%d %H:%i') AS created_at"
                " FROM enrolment e JOIN correction_request q ON q.open_enrolment_id = e.id"
                " JOIN teacher t ON t.id = e.teacher_id WHERE e.course_id = ? ORDER BY q.id",
                course_id)) {
    out.push_back({r.str("name"), r.str("reason"), r.str("created_at")});
  }
  return out;
}

int resolve_requests(db::Connection& db, int64_t course_id, int64_t teacher_id) {
  return static_cast<int>(
      db.execute("UPDATE correction_request q JOIN enrolment e ON e.id = q.enrolment_id"
                 " SET q.resolved_at = NOW() WHERE e.course_id = ? AND e.teacher_id = ? AND "
                 "q.resolved_at IS NULL",
                 course_id, teacher_id));
}

}  // namespace records::sql
