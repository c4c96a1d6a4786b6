// SQL of the public pages. Search takes its keyword matches from Mroonga (course_search) and its
// in-memory index from the same table (site/course_finder.h), then reads the page's rows.
#include "site/site_sql.h"

#include <map>
#include <sstream>

#include "domain/course_index.h"
#include "domain/course_state.h"
#include "domain/validation.h"

namespace site::sql {

namespace {
constexpr const char* kPublicStates = "('approved','roster_submitted','roster_returned','closed')";

// The columns of CourseSummary, in the order summary_of reads them; the database's clock comes
// with the rows, so a list's public statuses need no query of their own.
constexpr const char* kSummaryColumns =
    "c.code, c.title, u.name, k.name, c.first_date, c.last_date, c.hours, c.credits,"
    " DATE_FORMAT(c.enrol_opens_at, '%Y-%m-%d %H:%i'), DATE_FORMAT(c.enrol_closes_at, '%Y-%m-%d %H:%i'),"
    " c.state, c.enrol_online, IFNULL(UNIX_TIMESTAMP(c.enrol_opens_at), 0),"
    " IFNULL(UNIX_TIMESTAMP(c.enrol_closes_at), 0), c.online_seats - c.seats_taken,"
    " UNIX_TIMESTAMP(), CURDATE() + 0";
constexpr size_t kSummaryColumnCount = 17;

// A state code the domain does not know is not public.
domain::CourseState state_of(const std::string& code) {
  return domain::parse_state_code(code).value_or(domain::CourseState::kDeleted);
}

CourseSummary summary_of(const db::Row& r) {
  CourseSummary s;
  std::string* text[] = {&s.code, &s.title, &s.unit_name, &s.county_name, &s.first_date,
                         &s.last_date};
  for (size_t i = 0; i < std::size(text); ++i) *text[i] = r.str(i);
  s.hours = static_cast<int>(r.i64(6));
  s.credits = static_cast<int>(r.i64(7));
  s.enrol_opens_at = r.str(8);
  s.enrol_closes_at = r.str(9);
  domain::EnrolmentFacts& e = s.enrolment;
  e.state = state_of(r.str(10));
  e.enrol_online = r.i64(11) == 1;
  e.enrol_opens = r.i64(12);
  e.enrol_closes = r.i64(13);
  e.last_day = domain::day_number(s.last_date);
  e.seats_left = static_cast<int>(r.i64(14));
  e.now = r.i64(15);
  e.today = static_cast<uint32_t>(r.i64(16));
  return s;
}

std::vector<Choice> choices(db::Connection& db, const char* sql) {
  std::vector<Choice> out;
  for (const auto& r : db.query(sql)) out.push_back({r.i64(0), r.str(1)});
  return out;
}
}  // namespace

std::vector<Bulletin> latest_bulletins(db::Connection& db, int limit) {
  std::vector<Bulletin> out;
  for (const auto& r : db.query("SELECT title, body, posted_on FROM bulletin"
                                " ORDER BY pinned DESC, posted_on DESC, id DESC LIMIT ?",
                                limit)) {
    out.push_back({r.str(0), r.str(1), r.str(2)});
  }
  return out;
}

std::vector<Choice> counties(db::Connection& db) {
  return choices(db, "SELECT id, name FROM county ORDER BY id");
}
std::vector<Choice> categories(db::Connection& db) {
  return choices(db, "SELECT id, name FROM category ORDER BY id");
}
std::vector<Choice> tags(db::Connection& db) {
  return choices(db, "SELECT id, name FROM tag ORDER BY id");
}

SearchState search_state(db::Connection& db) {
  const auto r = db.query_one(
      "SELECT value, CURDATE() + 0, UNIX_TIMESTAMP() FROM search_generation WHERE id = 1");
  return {static_cast<uint64_t>(r->i64(0)), static_cast<uint32_t>(r->i64(1)), r->i64(2)};
}

std::vector<domain::IndexedCourse> indexed_courses(db::Connection& db) {
  std::vector<domain::IndexedCourse> out;
  // course_search holds the public courses only; Mroonga keeps no NULL, so a course without
  // online enrolment reads as 1970 and counts as never open.
  const db::Rows rows = db.query(
      "SELECT course_id, county_id, category_id, levels, tags, first_date, last_date,"
      " IFNULL(UNIX_TIMESTAMP(enrol_opens_at), 0), IFNULL(UNIX_TIMESTAMP(enrol_closes_at), 0)"
      " FROM course_search");
  out.reserve(rows.size());
  for (const auto& r : rows) {
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
  }
  return out;
}

std::vector<uint32_t> courses_matching(db::Connection& db, TermColumn column,
                                       const std::string& term) {
  // Groonga script syntax: the term is quoted, and terms carry no quotes or backslashes.
  const std::string name = column == TermColumn::kUnitName ? "unit_name" : "body";
  const std::string script = "*SS " + name + " @ \"" + term + "\"";
  std::vector<uint32_t> ids;
  for (const auto& r : db.query("SELECT course_id FROM course_search WHERE MATCH(" + name +
                                    ") AGAINST(? IN BOOLEAN MODE)",
                                script)) {
    ids.push_back(static_cast<uint32_t>(r.i64(0)));
  }
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
  const std::string sql = std::string("SELECT ") + kSummaryColumns + ", c.id" +
                          " FROM course c JOIN unit u ON u.id = c.unit_id"
                          " JOIN county k ON k.id = u.county_id"
                          // the index may be up to search_refresh_seconds behind the course
                          " WHERE c.state IN " + kPublicStates + " AND c.id IN (" + placeholders + ")";
  std::map<uint32_t, CourseSummary> by_id;
  for (const auto& r : db.query_values(sql, args)) {
    by_id[static_cast<uint32_t>(r.i64(kSummaryColumnCount))] = summary_of(r);  // c.id follows
  }
  for (uint32_t id : course_ids) {  // in the order asked for
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(it->second));
  }
  return out;
}

std::optional<CourseDetail> find_course(db::Connection& db, const std::string& code) {
  const auto r = db.query_one(
      "SELECT c.id, c.code, c.title, c.class_kind, u.name, u.code, k.name, g.name, c.subject_area,"
      " c.levels, c.basis_doc, c.outline, c.state, c.first_date, c.last_date,"
      " DATE_FORMAT(c.enrol_opens_at, '%Y-%m-%d %H:%i'), DATE_FORMAT(c.enrol_closes_at, '%Y-%m-%d %H:%i'),"
      " c.subsidy, c.contact1_name, c.contact1_phone, c.contact1_email, c.contact2_name,"
      " c.contact2_phone, c.contact2_email, a.display_name, c.cross_school, c.enrol_online,"
      " c.auto_review,"
      " c.enrol_online AND c.state = 'approved' AND NOW() BETWEEN c.enrol_opens_at AND c.enrol_closes_at,"
      " c.hours, c.credits, c.class_count, c.seats_per_class, c.online_seats, c.seats_taken,"
      " IFNULL(UNIX_TIMESTAMP(c.enrol_opens_at), 0), IFNULL(UNIX_TIMESTAMP(c.enrol_closes_at), 0),"
      " UNIX_TIMESTAMP(), CURDATE() + 0"
      " FROM course c JOIN unit u ON u.id = c.unit_id JOIN county k ON k.id = u.county_id"
      " JOIN category g ON g.id = c.category_id JOIN business_account a ON a.id = c.organizer_id"
      " WHERE c.code = ?",
      code);
  if (!r) return std::nullopt;
  CourseDetail d;
  d.id = r->i64(0);
  std::string* text[] = {&d.code, &d.title, &d.class_kind, &d.unit_name, &d.unit_code,
                         &d.county_name, &d.category, &d.subject_area, &d.levels, &d.basis_doc,
                         &d.outline, &d.state, &d.first_date, &d.last_date, &d.enrol_opens_at,
                         &d.enrol_closes_at, &d.subsidy, &d.contact1_name, &d.contact1_phone,
                         &d.contact1_email, &d.contact2_name, &d.contact2_phone, &d.contact2_email,
                         &d.organizer_name};
  for (size_t i = 0; i < std::size(text); ++i) *text[i] = r->str(i + 1);
  d.cross_school = r->i64(25) == 1;
  d.enrol_online = r->i64(26) == 1;
  d.auto_review = r->i64(27) == 1;
  d.enrol_open = r->i64(28) == 1;
  int* numbers[] = {&d.hours, &d.credits, &d.class_count, &d.seats_per_class, &d.online_seats,
                    &d.seats_taken};
  for (size_t i = 0; i < std::size(numbers); ++i) *numbers[i] = static_cast<int>(r->i64(i + 29));
  domain::EnrolmentFacts& e = d.enrolment;
  e.state = state_of(d.state);
  e.enrol_online = d.enrol_online;
  e.enrol_opens = r->i64(35);
  e.enrol_closes = r->i64(36);
  e.last_day = domain::day_number(d.last_date);
  e.seats_left = d.online_seats - d.seats_taken;
  e.now = r->i64(37);
  e.today = static_cast<uint32_t>(r->i64(38));

  for (const auto& s : db.query("SELECT session_date, TIME_FORMAT(starts_at, '%H:%i'),"
                                " TIME_FORMAT(ends_at, '%H:%i'), breaks, place FROM course_session"
                                " WHERE course_id = ? ORDER BY session_date, starts_at",
                                d.id)) {
    d.sessions.push_back({s.str(0), s.str(1), s.str(2), s.str(3), s.str(4)});
  }
  for (const auto& t : db.query("SELECT t.name FROM course_tag ct JOIN tag t ON t.id = ct.tag_id"
                                " WHERE ct.course_id = ? ORDER BY t.id",
                                d.id)) {
    d.tags.push_back(t.str(0));
  }
  return d;
}

}  // namespace site::sql
