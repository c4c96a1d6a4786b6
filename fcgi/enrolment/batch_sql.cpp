// SQL of 校內批次報名. Only 在職 teachers of the organizer's unit are ever read or written here;
// the callers lock the course first (enrolment::sql::lock_course) before any write.
#include "enrolment/batch_sql.h"

#include "core/pii.h"
#include "domain/validation.h"

namespace enrolment::batch_sql {

namespace {

Candidate candidate_from(const db::Row& r) {
  Candidate c;
  c.id = r.i64("id");
  c.name = r.str("name");
  c.national_id = core::pii::decrypt(r.str("national_id_enc"));
  c.title_name = r.str("title_name");
  if (!r.is_null("status")) c.status = domain::parse_enrolment_status(r.str("status"));
  return c;
}

// The unit's 在職 teachers with their enrolment in course ? (the first two parameters: course,
// unit).
constexpr const char* kCandidates =
    " FROM teacher t LEFT JOIN enrolment e ON e.course_id = ? AND e.teacher_id = t.id"
    " WHERE t.unit_id = ? AND t.employment = 'active'";

}  // namespace

CandidatePage candidates(db::Connection& db, int64_t course_id, int64_t unit_id,
                         const std::string& name_part, long limit, long offset) {
  const std::string where = std::string(kCandidates) +
                            " AND (e.status IS NULL OR e.status <> 'approved')"
                            " AND t.name LIKE ? ESCAPE '!'";
  const std::string pattern = domain::like_contains(name_part);
  CandidatePage page;
  page.total = static_cast<long>(
      db.query_one("SELECT COUNT(*) AS n" + where, course_id, unit_id, pattern)->i64("n"));
  for (const auto& r : db.query("SELECT t.id, t.name, t.national_id_enc, t.title_name, e.status" +
                                    where + " ORDER BY t.name, t.id LIMIT ? OFFSET ?",
                                course_id, unit_id, pattern, limit, offset)) {
    page.rows.push_back(candidate_from(r));
  }
  return page;
}

std::vector<Candidate> unit_teachers(db::Connection& db, int64_t course_id, int64_t unit_id,
                                     const std::vector<int64_t>& teacher_ids) {
  // The ids as one bound list (FIND_IN_SET), so the statement is prepared once whatever the count.
  std::string list;
  for (int64_t id : teacher_ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  std::vector<Candidate> out;
  for (const auto& r : db.query("SELECT t.id, t.name, t.national_id_enc, t.title_name, e.status" +
                                    std::string(kCandidates) + " AND FIND_IN_SET(t.id, ?)",
                                course_id, unit_id, list)) {
    out.push_back(candidate_from(r));
  }
  return out;
}

void approve(db::Connection& db, int64_t course_id, int64_t teacher_id, int64_t organizer_id) {
  db.execute(
      "UPDATE enrolment SET status = 'approved', decided_at = NOW(), decided_by = ?,"
      " auto_decided = FALSE, approved_at = IFNULL(approved_at, NOW()), cancelled_at = NULL,"
      " refusal_reason = NULL WHERE course_id = ? AND teacher_id = ?",
      organizer_id, course_id, teacher_id);
}

void insert_approved(db::Connection& db, int64_t course_id, int64_t teacher_id,
                     int64_t organizer_id) {
  db.execute(
      "INSERT INTO enrolment (course_id, teacher_id, status, decided_at, decided_by, approved_at,"
      " auto_decided) VALUES (?, ?, 'approved', NOW(), ?, NOW(), FALSE)",
      course_id, teacher_id, organizer_id);
}

}  // namespace enrolment::batch_sql
