// SQL of course review.
#include "review/review_sql.h"

namespace review::sql {

std::vector<QueueItem> queue(db::Connection& db, int64_t review_unit_id, int limit) {
  std::vector<QueueItem> out;
  for (const auto& r : db.query(
           "SELECT c.id, c.code, c.title, c.outline, u.name, a.display_name, c.basis_doc,"
           " c.class_kind, c.levels, DATE(c.created_at), DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i'),"
           " c.first_date, c.last_date, c.cross_school, c.hours, c.credits, k.min_days_before_start,"
           " (SELECT COUNT(*) FROM course d WHERE d.unit_id = c.unit_id AND d.title = c.title"
           "    AND d.id <> c.id AND d.state <> 'deleted'),"
           " (SELECT GROUP_CONCAT(g.name ORDER BY g.id SEPARATOR '\\n') FROM course_tag ct"
           "    JOIN tag g ON g.id = ct.tag_id WHERE ct.course_id = c.id)"
           " FROM course c JOIN unit u ON u.id = c.unit_id JOIN county k ON k.id = u.county_id"
           " JOIN business_account a ON a.id = c.organizer_id"
           " WHERE c.review_unit_id = ? AND c.state = 'unconfirmed'"
           " ORDER BY c.created_at, c.id LIMIT ?",
           review_unit_id, limit)) {
    QueueItem q;
    q.id = r.i64(0);
    std::string* text[] = {&q.code, &q.title, &q.outline, &q.unit_name, &q.organizer_name,
                           &q.basis_doc, &q.class_kind, &q.levels, &q.registered_on,
                           &q.registered_at, &q.first_date, &q.last_date};
    for (size_t i = 0; i < std::size(text); ++i) *text[i] = r.str(1 + i);
    q.cross_school = r.i64(13) == 1;
    q.hours = static_cast<int>(r.i64(14));
    q.credits = static_cast<int>(r.i64(15));
    q.min_days_before_start = static_cast<int>(r.i64(16));
    q.same_title_courses = static_cast<int>(r.i64(17));
    const std::string tags = r.str(18);
    size_t pos = 0;
    while (pos < tags.size()) {
      size_t nl = tags.find('\n', pos);
      if (nl == std::string::npos) nl = tags.size();
      q.tags.push_back(tags.substr(pos, nl - pos));
      pos = nl + 1;
    }
    out.push_back(std::move(q));
  }
  return out;
}

std::vector<SessionTimes> sessions_of(db::Connection& db, const std::vector<int64_t>& course_ids) {
  std::vector<SessionTimes> out;
  for (int64_t id : course_ids) {
    for (const auto& r : db.query("SELECT session_date, TIME_FORMAT(starts_at, '%H:%i'),"
                                  " TIME_FORMAT(ends_at, '%H:%i'), breaks FROM course_session"
                                  " WHERE course_id = ? ORDER BY session_date, starts_at",
                                  id)) {
      out.push_back({id, r.str(0), r.str(1), r.str(2), r.str(3)});
    }
  }
  return out;
}

}  // namespace review::sql
