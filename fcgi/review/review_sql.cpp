// SQL of course review.
#include "review/review_sql.h"

#include "domain/course_state.h"
#include "domain/validation.h"

namespace review::sql {

namespace {
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

std::vector<std::string> levels_of(const std::string& set_column) {
  const auto levels = domain::split_set(set_column);
  return {levels.begin(), levels.end()};
}
}  // namespace

std::vector<QueueItem> queue(db::Connection& db, int64_t review_unit_id, int limit, int offset) {
  std::vector<QueueItem> out;
  std::vector<int64_t> ids;
  for (const auto& r : db.query(
           "SELECT c.id, c.code, c.title, c.outline, u.name AS unit_name, c.basis_doc,"
           " c.class_kind, c.levels, DATE(c.created_at) AS registered_on,"
           " DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i') AS registered_at,"
           " c.first_date, c.last_date, c.cross_school, c.hours, c.credits, k.min_days_before_start,"
           " (SELECT COUNT(*) FROM course d WHERE d.unit_id = c.unit_id AND d.title = c.title"
           "    AND d.id <> c.id AND d.state <> ?) AS same_title_courses,"
           " (SELECT GROUP_CONCAT(g.name ORDER BY g.id SEPARATOR '\\n') FROM course_tag ct"
           "    JOIN tag g ON g.id = ct.tag_id WHERE ct.course_id = c.id) AS tag_names"
           " FROM course c JOIN unit u ON u.id = c.unit_id JOIN county k ON k.id = u.county_id"
           " WHERE c.review_unit_id = ? AND c.state = ?"
           " ORDER BY c.created_at, c.id LIMIT ? OFFSET ?",
           domain::state_code(domain::CourseState::kDeleted), review_unit_id,
           domain::state_code(domain::CourseState::kUnconfirmed), limit, offset)) {
    QueueItem q;
    q.id = r.i64("id");
    q.code = r.str("code");
    q.title = r.str("title");
    q.unit_name = r.str("unit_name");
    q.registered_at = r.str("registered_at");
    q.first_date = r.str("first_date");
    q.last_date = r.str("last_date");
    q.hours = r.i32("hours");
    q.credits = r.i32("credits");
    domain::FlagFacts& f = q.facts;
    f.title = q.title;
    f.outline = r.str("outline");
    f.basis_doc = r.str("basis_doc");
    f.class_kind = r.str("class_kind");
    f.registered_on = r.str("registered_on");
    f.first_date = q.first_date;
    f.cross_school = r.flag("cross_school");
    f.declared_hours = q.hours;
    f.min_days_before_start = r.i32("min_days_before_start");
    f.same_title_courses = r.i32("same_title_courses");
    f.levels = levels_of(r.str("levels"));
    f.tags = lines_of(r.str("tag_names"));
    ids.push_back(q.id);
    out.push_back(std::move(q));
  }
  // Every queued course's sessions in one query.
  const auto sessions = course_store::sessions_of(db, ids);
  for (auto& q : out) {
    std::vector<course_store::Session> own;
    for (const auto& s : sessions) {
      if (s.course_id == q.id) own.push_back(s);
    }
    q.facts.sessions = course_store::rule_sessions(own);
  }
  return out;
}

int queue_size(db::Connection& db, int64_t review_unit_id) {
  return static_cast<int>(db.query_one("SELECT COUNT(*) FROM course WHERE review_unit_id = ? AND state = ?",
                                       review_unit_id,
                                       domain::state_code(domain::CourseState::kUnconfirmed))->i64(0));
}

domain::FlagFacts flag_facts(db::Connection& db, const course_store::Course& course,
                             const std::vector<course_store::Session>& sessions,
                             const std::vector<course_store::Tag>& tags) {
  domain::FlagFacts f;
  f.title = course.title;
  f.outline = course.outline;
  f.basis_doc = course.basis_doc;
  f.class_kind = course.class_kind;
  f.registered_on = course.created_at.substr(0, 10);
  f.first_date = course.first_date;
  f.cross_school = course.cross_school;
  f.declared_hours = course.hours;
  f.sessions = course_store::rule_sessions(sessions);
  f.levels = levels_of(course.levels);
  for (const auto& t : tags) f.tags.push_back(t.name);
  if (const auto r = db.query_one(
          "SELECT k.min_days_before_start,"
          " (SELECT COUNT(*) FROM course d WHERE d.unit_id = ? AND d.title = ? AND d.id <> ?"
          "    AND d.state <> ?) AS same_title_courses"
          " FROM unit u JOIN county k ON k.id = u.county_id WHERE u.id = ?",
          course.unit_id, course.title, course.id,
          domain::state_code(domain::CourseState::kDeleted), course.unit_id)) {
    f.min_days_before_start = r->i32("min_days_before_start");
    f.same_title_courses = r->i32("same_title_courses");
  }
  return f;
}

}  // namespace review::sql
