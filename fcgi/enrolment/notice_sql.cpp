// SQL of the 錄取通知 and its calendar file (enrolment/notice_sql.h).
#include "enrolment/notice_sql.h"

namespace enrolment::sql {

namespace {
domain::EnrolmentStatus status_in(const db::Row& r) {
  return domain::parse_enrolment_status(r.str("status"))
      .value_or(domain::EnrolmentStatus::kCancelled);
}
}  // namespace

std::optional<Admission> admission_of(db::Connection& db, int64_t enrolment_id,
                                      int64_t teacher_id) {
  const auto r = db.query_one(
      "SELECT e.id, e.teacher_id, e.course_id, e.status, c.code, t.name AS teacher_name,"
      " u.name AS unit_name, t.title_name, DATE_FORMAT(e.approved_at, '%Y-%m-%d') AS approved_on,"
      " e.notice_code FROM enrolment e JOIN course c ON c.id = e.course_id"
      " JOIN teacher t ON t.id = e.teacher_id LEFT JOIN unit u ON u.id = t.unit_id"
      " WHERE e.id = ? AND e.teacher_id = ?",
      enrolment_id, teacher_id);
  if (!r) return std::nullopt;
  Admission a;
  a.enrolment_id = r->i64("id");
  a.teacher_id = r->i64("teacher_id");
  a.course_id = r->i64("course_id");
  a.status = status_in(*r);
  a.course_code = r->str("code");
  a.teacher_name = r->str("teacher_name");
  a.teacher_unit = r->str("unit_name");
  a.title_name = r->str("title_name");
  a.approved_on = r->str("approved_on");
  a.notice_code = r->str("notice_code");
  return a;
}

void keep_notice_code(db::Connection& db, int64_t enrolment_id, const std::string& code) {
  db.execute("UPDATE enrolment SET notice_code = ? WHERE id = ? AND notice_code IS NULL", code,
             enrolment_id);
}

std::optional<IssuedNotice> notice_by_code(db::Connection& db, const std::string& code) {
  const auto r = db.query_one(
      "SELECT e.status, t.name AS teacher_name, c.code, c.title, u.name AS unit_name, c.first_date,"
      " c.last_date FROM enrolment e JOIN teacher t ON t.id = e.teacher_id"
      " JOIN course c ON c.id = e.course_id JOIN unit u ON u.id = c.unit_id WHERE e.notice_code = "
      "?",
      code);
  if (!r) return std::nullopt;
  return IssuedNotice{status_in(*r),      r->str("teacher_name"), r->str("code"),
                      r->str("title"),    r->str("unit_name"),    r->str("first_date"),
                      r->str("last_date")};
}

std::string utc_stamp(db::Connection& db) {
  return db.query_one("SELECT DATE_FORMAT(UTC_TIMESTAMP(), '%Y%m%dT%H%i%sZ') AS stamp")
      ->str("stamp");
}

}  // namespace enrolment::sql
