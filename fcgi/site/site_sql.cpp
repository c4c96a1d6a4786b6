// SQL of the public pages. Search takes its keyword matches from Mroonga (course_search) and its
// in-memory index from the same table (site/course_finder.h), then reads the page's rows.
#include "site/site_sql.h"

#include <map>
#include <sstream>

#include "shared/course_store.h"
#include "domain/course_index.h"
#include "domain/course_state.h"
#include "domain/validation.h"

namespace site::sql {

namespace {
// The columns of CourseSummary; the database's clock comes with the rows, so a list's public
// statuses need no query of their own.
constexpr const char* kSummaryColumns =
    "c.id, c.code, c.title, u.name AS unit_name, k.name AS county_name, c.first_date, c.last_date,"
    " c.hours, c.credits, DATE_FORMAT(c.enrol_opens_at, '%Y-%m-%d %H:%i') AS enrol_opens_at,"
    " DATE_FORMAT(c.enrol_closes_at, '%Y-%m-%d %H:%i') AS enrol_closes_at, c.state, c.enrol_online,"
    " IFNULL(UNIX_TIMESTAMP(c.enrol_opens_at), 0) AS enrol_opens_epoch,"
    " IFNULL(UNIX_TIMESTAMP(c.enrol_closes_at), 0) AS enrol_closes_epoch,"
    " c.online_seats - c.seats_taken AS seats_left, UNIX_TIMESTAMP() AS db_now,"
    " CURDATE() + 0 AS db_today, UNIX_TIMESTAMP(c.updated_at) AS updated_epoch";

CourseSummary summary_of(const db::Row& r) {
  CourseSummary s;
  s.code = r.str("code");
  s.title = r.str("title");
  s.unit_name = r.str("unit_name");
  s.county_name = r.str("county_name");
  s.first_date = r.str("first_date");
  s.last_date = r.str("last_date");
  s.hours = r.i32("hours");
  s.credits = r.i32("credits");
  s.updated_epoch = r.i64("updated_epoch");
  s.enrol_opens_at = r.str("enrol_opens_at");
  s.enrol_closes_at = r.str("enrol_closes_at");
  domain::EnrolmentFacts& e = s.enrolment;
  // A state the domain does not know is not public.
  e.state = domain::parse_state_code(r.str("state")).value_or(domain::CourseState::kDeleted);
  e.enrol_online = r.flag("enrol_online");
  e.enrol_opens = r.i64("enrol_opens_epoch");
  e.enrol_closes = r.i64("enrol_closes_epoch");
  e.last_day = domain::day_number(s.last_date);
  e.seats_left = r.i32("seats_left");
  e.now = r.i64("db_now");
  e.today = static_cast<uint32_t>(r.i64("db_today"));
  return s;
}
}  // namespace

SearchState search_state(db::Connection& db) {
  const auto r = db.query_one(
      "SELECT value, CURDATE() + 0, UNIX_TIMESTAMP() FROM search_generation WHERE id = 1");
  return {static_cast<uint64_t>(r->i64(0)), static_cast<uint32_t>(r->i64(1)), r->i64(2)};
}

std::vector<domain::IndexedCourse> indexed_courses(db::Connection& db) {
  std::vector<domain::IndexedCourse> out;
  // course_search holds the public courses only; Mroonga keeps no NULL, so a course without
  // online enrolment reads as 1970 and counts as never open.
  // Row by row: half a million rows held as text beside the index would double a reload's memory.
  constexpr const char* kRows =
      "SELECT course_id, county_id, category_id, levels, tags, first_date, last_date,"
      " IFNULL(UNIX_TIMESTAMP(enrol_opens_at), 0), IFNULL(UNIX_TIMESTAMP(enrol_closes_at), 0)"
      " FROM course_search";
  db.for_each_row(kRows, [&](const db::Row& r) {
    domain::IndexedCourse c;
    c.course_id = static_cast<uint32_t>(r.i64(0));
    c.county_id = static_cast<uint8_t>(r.i64(1));
    c.category_id = static_cast<uint16_t>(r.i64(2));
    for (const auto& level : domain::split_set(r.str(3))) c.levels.push_back(level);
    std::istringstream tags(r.str(4));  // " 3 7 "
    for (int tag; tags >> tag;) c.tag_ids.push_back(static_cast<uint16_t>(tag));
    c.first_day = domain::day_number(r.str(5));
    c.last_day = domain::day_number(r.str(6));
    c.enrol_opens = r.i64(7);
    c.enrol_closes = r.i64(8);
    out.push_back(std::move(c));
  });
  return out;
}

std::vector<uint32_t> courses_matching(db::Connection& db, TermColumn column,
                                       const std::string& term) {
  // Groonga script syntax: the term is quoted, and terms carry no quotes or backslashes.
  const std::string name = column == TermColumn::kUnitName ? "unit_name" : "body";
  const std::string script = "*SS " + name + " @ \"" + term + "\"";
  std::vector<uint32_t> ids;
  // Row by row: a common term matches most of the country, and held rows would cost far more
  // than the ids.
  db.for_each_row("SELECT course_id FROM course_search WHERE MATCH(" + name + ") AGAINST(? IN BOOLEAN MODE)",
                  [&](const db::Row& r) { ids.push_back(static_cast<uint32_t>(r.i64(0))); }, script);
  return ids;
}

std::vector<CourseSummary> course_summaries(db::Connection& db,
                                            const std::vector<uint32_t>& course_ids) {
  std::vector<CourseSummary> out;
  if (course_ids.empty()) return out;
  std::string placeholders;
  std::vector<db::Value> args;
  for (uint32_t id : course_ids) {
    placeholders += placeholders.empty() ? "?" : ",?";
    args.emplace_back(id);
  }
  const std::string sql = std::string("SELECT ") + kSummaryColumns +
                          " FROM course c JOIN unit u ON u.id = c.unit_id"
                          " JOIN county k ON k.id = u.county_id"
                          // the index may be up to search_refresh_seconds behind the course
                          " WHERE c.state IN " + course_store::public_states_sql() +
                          " AND c.id IN (" + placeholders + ")";
  std::map<uint32_t, CourseSummary> by_id;
  for (const auto& r : db.query_values(sql, args)) by_id[static_cast<uint32_t>(r.i64("id"))] = summary_of(r);
  for (uint32_t id : course_ids) {  // in the order asked for
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(it->second));
  }
  return out;
}

}  // namespace site::sql
