// SQL of 研習名單匯出 (rosters/export_sql.h).
#include "rosters/export_sql.h"

#include "core/pii.h"
#include "domain/enrolment_rules.h"

namespace rosters::sql {

std::vector<Applicant> approved_applicants(db::Connection& db, int64_t course_id) {
  std::vector<Applicant> out;
  for (const db::Row& r : db.query(
           "SELECT u.name AS school, t.title_name, IFNULL(t.position_category, '') AS position, t.name, t.gender, t.national_id_enc,"
           " DATE_FORMAT(t.birth_date, '%Y-%m-%d') AS birth_date, t.phone, t.email"
           " FROM enrolment e JOIN teacher t ON t.id = e.teacher_id"
           " LEFT JOIN unit u ON u.id = t.unit_id"
           " WHERE e.course_id = ? AND e.status = 'approved' ORDER BY e.created_at, e.id",
           course_id)) {
    out.push_back({r.str("school"), r.str("title_name"), domain::position_label(r.str("position")), r.str("name"),
                   r.str("gender"), core::pii::decrypt(r.str("national_id_enc")), r.str("birth_date"), r.str("phone"),
                   r.str("email")});
  }
  return out;
}

}  // namespace rosters::sql
