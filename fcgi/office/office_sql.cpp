// SQL of the business-account homepage.
#include "office/office_sql.h"

namespace office::sql {

std::vector<course_store::CourseLine> recent_courses(db::Connection& db, int64_t unit_id, int limit) {
  std::vector<course_store::CourseLine> out;
  for (const auto& r : db.query(
           "SELECT c.code, c.title, c.first_date, c.last_date, c.state, a.display_name AS organizer,"
           " c.organizer_id FROM course c JOIN business_account a ON a.id = c.organizer_id"
           " WHERE c.unit_id = ? ORDER BY c.created_at DESC, c.id DESC LIMIT ?",
           unit_id, limit)) {
    out.push_back({r.str("code"), r.str("title"), r.str("first_date"), r.str("last_date"),
                   r.str("organizer"), *domain::parse_state_code(r.str("state")), r.i64("organizer_id")});
  }
  return out;
}

}  // namespace office::sql
