// SQL of the business-account homepage.
#include "office/office_sql.h"

namespace office::sql {

namespace {
CourseLine line_of(const db::Row& r) {
  return {r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5)};
}
}  // namespace

UnitLightFacts unit_light_facts(db::Connection& db, int64_t unit_id) {
  UnitLightFacts facts;
  const auto county = db.query_one(
      "SELECT k.red_light_threshold, k.overdue_grace_days FROM unit u"
      " JOIN county k ON k.id = u.county_id WHERE u.id = ?",
      unit_id);
  if (!county) return facts;
  facts.red_threshold = static_cast<int>(county->i64(0));
  facts.grace_days = static_cast<int>(county->i64(1));
  for (const auto& r : db.query(
           "SELECT c.code, c.title, c.first_date, c.last_date, c.state, a.display_name"
           " FROM course c JOIN business_account a ON a.id = c.organizer_id"
           " WHERE c.unit_id = ? AND c.state NOT IN ('closed', 'deleted')"
           "   AND c.last_date < CURDATE() - INTERVAL ? DAY"
           "   AND c.last_date >= MAKEDATE(YEAR(CURDATE()), 1)"
           " ORDER BY c.last_date, c.id",
           unit_id, facts.grace_days)) {
    facts.overdue.push_back(line_of(r));
  }
  return facts;
}

std::vector<CourseLine> recent_courses(db::Connection& db, int64_t unit_id, int limit) {
  std::vector<CourseLine> out;
  for (const auto& r : db.query(
           "SELECT c.code, c.title, c.first_date, c.last_date, c.state, a.display_name"
           " FROM course c JOIN business_account a ON a.id = c.organizer_id"
           " WHERE c.unit_id = ? ORDER BY c.created_at DESC, c.id DESC LIMIT ?",
           unit_id, limit)) {
    out.push_back(line_of(r));
  }
  return out;
}

}  // namespace office::sql
