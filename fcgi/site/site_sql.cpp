// SQL of the public pages. Search runs in Mroonga (course_search) and then reads the page's rows.
#include "site/site_sql.h"

namespace site::sql {

namespace {
constexpr const char* kPublicStates = "('approved','roster_submitted','roster_returned','closed')";

// Columns shared by every course list, in CourseSummary order.
constexpr const char* kSummaryColumns =
    "c.code, c.title, u.name, k.name, c.first_date, c.last_date, c.state, c.hours, c.credits,"
    " c.online_seats - c.seats_taken,"
    " c.enrol_online AND c.state = 'approved' AND NOW() BETWEEN c.enrol_opens_at AND c.enrol_closes_at";

CourseSummary summary_of(const db::Row& r) {
  CourseSummary s;
  s.code = r.str(0);
  s.title = r.str(1);
  s.unit_name = r.str(2);
  s.county_name = r.str(3);
  s.first_date = r.str(4);
  s.last_date = r.str(5);
  s.state = r.str(6);
  s.hours = static_cast<int>(r.i64(7));
  s.credits = static_cast<int>(r.i64(8));
  s.seats_left = static_cast<int>(r.i64(9));
  s.enrol_open = r.i64(10) == 1;
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

std::vector<CourseSummary> newest_courses(db::Connection& db, int limit) {
  std::vector<CourseSummary> out;
  const std::string sql = std::string("SELECT ") + kSummaryColumns +
                          " FROM course c JOIN unit u ON u.id = c.unit_id"
                          " JOIN county k ON k.id = u.county_id"
                          " WHERE c.state IN " + kPublicStates +
                          " ORDER BY c.created_at DESC, c.id DESC LIMIT ?";
  for (const auto& r : db.query(sql, limit)) out.push_back(summary_of(r));
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

SearchResult search_courses(db::Connection& db, const SearchFilters& f) {
  // Conditions come from this fixed list; values are always bound. The table holds public
  // courses only. With a keyword, the terms and the county and category go into one Groonga
  // script, so Mroonga filters inside its index instead of handing every match to MariaDB
  // (bench/README.md); a keyword alone is then a pure MATCH, counted from the index.
  std::string where;
  auto add = [&where](const char* condition) {
    where += where.empty() ? " WHERE " : " AND ";
    where += condition;
  };
  std::vector<db::Value> args;
  const std::string tag_pattern = "% " + std::to_string(f.tag_id) + " %";
  const std::string level_pattern = "%," + f.level + ",%";
  std::string script;
  auto also = [&script](const std::string& condition) {
    script += (script.empty() ? "*SS " : " && ") + condition;
  };
  for (const auto& term : f.keyword_terms) also("body @ \"" + term + "\"");
  for (const auto& term : f.unit_terms) also("unit_name @ \"" + term + "\"");
  if (!script.empty()) {
    if (f.county_id) also("county_id == " + std::to_string(f.county_id));
    if (f.category_id) also("category_id == " + std::to_string(f.category_id));
    add("MATCH(body) AGAINST(? IN BOOLEAN MODE)");
    args.emplace_back(script);
  } else {
    if (f.county_id) {
      add("county_id = ?");
      args.emplace_back(f.county_id);
    }
    if (f.category_id) {
      add("category_id = ?");
      args.emplace_back(f.category_id);
    }
  }
  if (f.tag_id) {
    add("tags LIKE ?");
    args.emplace_back(tag_pattern);
  }
  if (!f.level.empty()) {
    add("levels LIKE ?");
    args.emplace_back(level_pattern);
  }
  if (!f.from.empty()) {
    add("last_date >= ?");
    args.emplace_back(f.from);
  }
  if (!f.to.empty()) {
    add("first_date <= ?");
    args.emplace_back(f.to);
  }
  if (f.open_now) add("enrol_opens_at <= NOW() AND enrol_closes_at >= NOW()");

  SearchResult result;
  std::vector<db::Value> count_args = args;
  result.total = db.query_values("SELECT COUNT(*) FROM course_search" + where, count_args)
                     .front()
                     .i64(0);
  if (result.total == 0 || f.offset >= result.total) return result;

  args.emplace_back(f.page_size);
  args.emplace_back(f.offset);
  std::vector<int64_t> ids;
  for (const auto& r : db.query_values("SELECT course_id FROM course_search" + where +
                                           // first_date alone: the one sort Mroonga serves from an index
                                           " ORDER BY first_date DESC LIMIT ? OFFSET ?",
                                       args)) {
    ids.push_back(r.i64(0));
  }
  if (ids.empty()) return result;
  std::string placeholders;
  std::vector<db::Value> id_args;
  for (const int64_t& id : ids) {
    placeholders += placeholders.empty() ? "?" : ",?";
    id_args.emplace_back(static_cast<long long>(id));
  }
  const std::string sql = std::string("SELECT ") + kSummaryColumns +
                          " FROM course c JOIN unit u ON u.id = c.unit_id"
                          " JOIN county k ON k.id = u.county_id WHERE c.id IN (" + placeholders +
                          ") ORDER BY c.first_date DESC, c.id DESC";
  for (const auto& r : db.query_values(sql, id_args)) result.courses.push_back(summary_of(r));
  return result;
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
      " c.hours, c.credits, c.class_count, c.seats_per_class, c.online_seats, c.seats_taken"
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
