// The SQL condition of a missed course.
#include "shared/missed_sql.h"

namespace shared::missed_sql {

const std::string& condition() {
  static const std::string sql =
      " e.status IN ('approved', 'cancelled') AND c.state = ? AND e.approved_at IS NOT NULL"
      " AND (e.status = 'approved' OR e.cancelled_at >= (SELECT MIN(TIMESTAMP(s.session_date,"
      "      s.starts_at)) FROM course_session s WHERE s.course_id = c.id))"
      " AND c.first_date >= MAKEDATE(YEAR(CURDATE()), 1)"
      " AND c.first_date < MAKEDATE(YEAR(CURDATE()) + 1, 1)"
      " AND r.id IS NULL";
  return sql;
}

}  // namespace shared::missed_sql
