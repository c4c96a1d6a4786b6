// SQL of course registration and management.
#include "courses/courses_sql.h"

#include <cstdio>

#include "domain/jurisdiction.h"
#include "domain/roc_date.h"
#include "domain/validation.h"

namespace courses::sql {

namespace {
constexpr const char* kCourseColumns =
    "c.id, c.code, c.unit_id, c.organizer_id, c.review_unit_id, u.name, a.display_name, c.state,"
    " c.title, c.class_kind, c.subject_area, c.levels, c.basis_doc, c.special_approval_doc,"
    " c.outline, c.subsidy, c.first_date, c.last_date, DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i'),"
    " DATE_FORMAT(c.enrol_opens_at, '%Y-%m-%d %H:%i'), DATE_FORMAT(c.enrol_closes_at, '%Y-%m-%d %H:%i'),"
    " c.cross_school, c.enrol_online, c.auto_review, c.flagged_restricted, c.category_id, c.hours,"
    " c.credits, c.class_count, c.seats_per_class, c.online_seats, c.seats_taken,"
    " c.contact1_name, c.contact1_phone, c.contact1_email, c.contact2_name, c.contact2_phone,"
    " c.contact2_email";

std::string clock(int minutes) { return domain::format_clock(minutes); }

std::string join_levels(const std::vector<std::string>& levels) {
  std::string out;
  for (const auto& l : levels) out += (out.empty() ? "" : ",") + l;
  return out;
}

// "YYYY-MM-DD HH:MM:00" or NULL.
std::optional<std::string> datetime_of(const std::optional<domain::Date>& date, int minute) {
  if (!date) return std::nullopt;
  return domain::to_iso(*date) + " " + clock(minute) + ":00";
}

std::string first_date_of(const domain::CourseDraft& d) {
  domain::Date first = d.sessions.front().date;
  for (const auto& s : d.sessions) {
    if (s.date < first) first = s.date;
  }
  return domain::to_iso(first);
}

std::string last_date_of(const domain::CourseDraft& d) {
  domain::Date last = d.sessions.front().date;
  for (const auto& s : d.sessions) {
    if (last < s.date) last = s.date;
  }
  return domain::to_iso(last);
}

std::optional<std::string> optional_text(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

void write_sessions_and_tags(db::Connection& db, int64_t course_id, const domain::CourseDraft& d) {
  db.execute("DELETE FROM course_session WHERE course_id = ?", course_id);
  for (size_t i = 0; i < d.sessions.size(); ++i) {
    const auto& s = d.sessions[i];
    db.execute("INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place)"
               " VALUES (?, ?, ?, ?, ?, ?)",
               course_id, domain::to_iso(s.date), clock(s.start_min), clock(s.end_min),
               domain::format_breaks(s.breaks), i < d.places.size() ? d.places[i] : std::string());
  }
  db.execute("DELETE FROM course_tag WHERE course_id = ?", course_id);
  for (int tag : d.tag_ids) {
    db.execute("INSERT INTO course_tag (course_id, tag_id) VALUES (?, ?)", course_id, tag);
  }
}
}  // namespace

std::optional<Course> find_course(db::Connection& db, const std::string& code) {
  const auto r = db.query_one(std::string("SELECT ") + kCourseColumns +
                                  " FROM course c JOIN unit u ON u.id = c.unit_id"
                                  " JOIN business_account a ON a.id = c.organizer_id WHERE c.code = ?",
                              code);
  if (!r) return std::nullopt;
  Course c;
  c.id = r->i64(0);
  c.code = r->str(1);
  c.unit_id = r->i64(2);
  c.organizer_id = r->i64(3);
  c.review_unit_id = r->i64(4);
  std::string* text[] = {&c.unit_name, &c.organizer_name, &c.state, &c.title, &c.class_kind,
                         &c.subject_area, &c.levels, &c.basis_doc, &c.special_approval_doc,
                         &c.outline, &c.subsidy, &c.first_date, &c.last_date, &c.created_at,
                         &c.enrol_opens_at, &c.enrol_closes_at};
  for (size_t i = 0; i < std::size(text); ++i) *text[i] = r->str(5 + i);
  c.cross_school = r->i64(21) == 1;
  c.enrol_online = r->i64(22) == 1;
  c.auto_review = r->i64(23) == 1;
  c.flagged_restricted = r->i64(24) == 1;
  int* numbers[] = {&c.category_id, &c.hours, &c.credits, &c.class_count, &c.seats_per_class,
                    &c.online_seats, &c.seats_taken};
  for (size_t i = 0; i < std::size(numbers); ++i) *numbers[i] = static_cast<int>(r->i64(25 + i));
  c.contact1 = {r->str(32), r->str(33), r->str(34)};
  c.contact2 = {r->str(35), r->str(36), r->str(37)};
  return c;
}

domain::CourseDraft draft_of(db::Connection& db, const Course& c) {
  domain::CourseDraft d;
  d.title = c.title;
  d.class_kind = c.class_kind;
  d.cross_school = c.cross_school;
  d.category_id = c.category_id;
  d.subject_area = c.subject_area;
  for (const auto& level : domain::split_set(c.levels)) d.levels.push_back(level);
  d.tag_ids = tag_ids_of(db, c.id);
  d.basis_doc = c.basis_doc;
  d.special_approval_doc = c.special_approval_doc;
  d.outline = c.outline;
  for (const auto& s : sessions_of(db, c.id)) {
    domain::Session session;
    session.date = domain::parse_iso_date(s.date).value_or(domain::Date{1970, 1, 1});
    session.start_min = domain::parse_clock(s.starts_at).value_or(0);
    session.end_min = domain::parse_clock(s.ends_at).value_or(0);
    session.breaks = domain::parse_breaks(s.breaks).value_or(std::vector<domain::Interval>{});
    d.sessions.push_back(session);
    d.places.push_back(s.place);
  }
  d.declared_hours = c.hours;
  d.credits = c.credits;
  d.class_count = c.class_count;
  d.seats_per_class = c.seats_per_class;
  d.online_seats = c.online_seats;
  d.enrol_online = c.enrol_online;
  if (c.enrol_opens_at.size() >= 16) {
    d.enrol_opens_on = domain::parse_iso_date(c.enrol_opens_at.substr(0, 10));
    d.enrol_opens_minute = domain::parse_clock(c.enrol_opens_at.substr(11, 5)).value_or(0);
  }
  if (c.enrol_closes_at.size() >= 16) {
    d.enrol_closes_on = domain::parse_iso_date(c.enrol_closes_at.substr(0, 10));
    d.enrol_closes_minute = domain::parse_clock(c.enrol_closes_at.substr(11, 5)).value_or(0);
  }
  d.auto_review = c.auto_review;
  d.subsidy = c.subsidy;
  d.contact1 = c.contact1;
  d.contact2 = c.contact2;
  return d;
}

std::vector<SessionRow> sessions_of(db::Connection& db, int64_t course_id) {
  std::vector<SessionRow> out;
  for (const auto& s : db.query("SELECT session_date, TIME_FORMAT(starts_at, '%H:%i'),"
                                " TIME_FORMAT(ends_at, '%H:%i'), breaks, place FROM course_session"
                                " WHERE course_id = ? ORDER BY session_date, starts_at, id",
                                course_id)) {
    out.push_back({s.str(0), s.str(1), s.str(2), s.str(3), s.str(4)});
  }
  return out;
}

std::vector<int> tag_ids_of(db::Connection& db, int64_t course_id) {
  std::vector<int> out;
  for (const auto& r : db.query("SELECT tag_id FROM course_tag WHERE course_id = ? ORDER BY tag_id",
                                course_id)) {
    out.push_back(static_cast<int>(r.i64(0)));
  }
  return out;
}

std::vector<Choice> categories(db::Connection& db) {
  std::vector<Choice> out;
  for (const auto& r : db.query("SELECT id, name FROM category ORDER BY id")) out.push_back({r.i64(0), r.str(1)});
  return out;
}

std::vector<Choice> tags(db::Connection& db) {
  std::vector<Choice> out;
  for (const auto& r : db.query("SELECT id, name FROM tag ORDER BY id")) out.push_back({r.i64(0), r.str(1)});
  return out;
}

bool category_exists(db::Connection& db, int category_id) {
  return db.query_one("SELECT 1 FROM category WHERE id = ?", category_id).has_value();
}

bool tags_exist(db::Connection& db, const std::vector<int>& tag_ids) {
  for (int id : tag_ids) {
    if (!db.query_one("SELECT 1 FROM tag WHERE id = ?", id)) return false;
  }
  return true;
}

namespace {
// The review unit that plays `body`'s part for this unit (第11條); 0 when none is configured.
int64_t review_unit_for(db::Connection& db, domain::ReviewBody body, int64_t county_id,
                        int64_t authority_unit_id) {
  std::optional<db::Row> r;
  switch (body) {
    case domain::ReviewBody::kGoverningAuthority:
      return authority_unit_id;
    case domain::ReviewBody::kCountyBureau:
      r = db.query_one("SELECT id FROM unit WHERE review_role = 'county_bureau' AND county_id = ?"
                       " ORDER BY id LIMIT 1", county_id);
      break;
    case domain::ReviewBody::kNationalCentre:
      r = db.query_one("SELECT id FROM unit WHERE review_role = 'national_centre' ORDER BY id LIMIT 1");
      break;
    case domain::ReviewBody::kRecognitionPanel:
      r = db.query_one("SELECT id FROM unit WHERE review_role = 'recognition_panel' ORDER BY id LIMIT 1");
      break;
  }
  return r ? r->i64(0) : 0;
}
}  // namespace

UnitRules unit_rules(db::Connection& db, int64_t unit_id) {
  UnitRules rules;
  const auto facts = db.query_one(
      "SELECT level, ownership, recognised_by_article3, has_legal_person, community_college,"
      " county_id, COALESCE(authority_unit_id, 0), COALESCE(review_unit_id, 0) FROM unit WHERE id = ?",
      unit_id);
  if (facts) {
    // The administrator's override first; otherwise 第11條 decides.
    rules.review_unit_id = facts->i64(7);
    const auto level = domain::parse_unit_level(facts->str(0));
    const auto ownership = domain::parse_ownership(facts->str(1));
    if (rules.review_unit_id == 0 && level && ownership) {
      domain::UnitFacts unit{*level, *ownership, facts->i64(2) == 1, facts->i64(3) == 1,
                             facts->i64(4) == 1};
      rules.review_unit_id = review_unit_for(db, domain::review_body_for(unit), facts->i64(5),
                                             facts->i64(6));
    }
  }
  const auto r = db.query_one(
      "SELECT k.min_days_before_start, k.overdue_grace_days, k.red_light_threshold,"
      " 0, CURDATE(),"
      " (SELECT COUNT(*) FROM course c WHERE c.unit_id = u.id"
      "    AND c.state NOT IN ('closed', 'deleted')"
      "    AND c.last_date < CURDATE() - INTERVAL k.overdue_grace_days DAY"
      "    AND c.last_date >= MAKEDATE(YEAR(CURDATE()), 1))"
      " FROM unit u JOIN county k ON k.id = u.county_id WHERE u.id = ?",
      unit_id);
  if (!r) return rules;
  rules.min_days_before_start = static_cast<int>(r->i64(0));
  rules.grace_days = static_cast<int>(r->i64(1));
  rules.red_threshold = static_cast<int>(r->i64(2));
  rules.today = r->str(4);
  rules.overdue_courses = static_cast<int>(r->i64(5));
  return rules;
}

std::optional<std::string> find_duplicate(db::Connection& db, int64_t unit_id, const std::string& title,
                                          const std::string& first_date, const std::string& last_date,
                                          int64_t except_course_id) {
  const auto r = db.query_one(
      "SELECT code FROM course WHERE unit_id = ? AND title = ? AND first_date = ? AND last_date = ?"
      " AND state <> 'deleted' AND id <> ? LIMIT 1",
      unit_id, title, first_date, last_date, except_course_id);
  if (!r) return std::nullopt;
  return r->str(0);
}

std::string insert_course(db::Connection& db, const NewCourse& nc, const domain::CourseDraft& d) {
  db.execute("UPDATE course_code_counter SET last_code = LAST_INSERT_ID(last_code + 1) WHERE id = 1");
  const long long next = db.query_one("SELECT LAST_INSERT_ID()")->i64(0);
  char code[24];
  std::snprintf(code, sizeof code, "%07lld", next);
  db.execute(
      "INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, class_kind,"
      " cross_school, category_id, subject_area, levels, basis_doc, special_approval_doc, outline,"
      " hours, credits, class_count, seats_per_class, online_seats, enrol_online, enrol_opens_at,"
      " enrol_closes_at, auto_review, subsidy, contact1_name, contact1_phone, contact1_email,"
      " contact2_name, contact2_phone, contact2_email, state, first_date, last_date,"
      " flagged_restricted)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
      " 'unconfirmed', ?, ?, ?)",
      std::string(code), nc.unit_id, nc.organizer_id, nc.review_unit_id, d.title, d.class_kind,
      d.cross_school, d.category_id, optional_text(d.subject_area), join_levels(d.levels),
      optional_text(d.basis_doc), optional_text(d.special_approval_doc), d.outline, nc.hours,
      d.credits, d.class_count, d.seats_per_class, d.online_seats, d.enrol_online,
      d.enrol_online ? datetime_of(d.enrol_opens_on, d.enrol_opens_minute) : std::nullopt,
      d.enrol_online ? datetime_of(d.enrol_closes_on, d.enrol_closes_minute) : std::nullopt,
      d.auto_review, optional_text(d.subsidy), d.contact1.name, d.contact1.phone, d.contact1.email,
      optional_text(d.contact2.name), optional_text(d.contact2.phone), optional_text(d.contact2.email),
      first_date_of(d), last_date_of(d), nc.flagged_restricted);
  const int64_t id = static_cast<int64_t>(db.last_insert_id());
  write_sessions_and_tags(db, id, d);
  db.execute("INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons)"
             " VALUES (?, NULL, 'unconfirmed', ?, NULL)",
             id, nc.organizer_id);
  return code;
}

void update_course(db::Connection& db, int64_t course_id, const domain::CourseDraft& d, int hours,
                   bool flagged_restricted) {
  db.execute(
      "UPDATE course SET title = ?, class_kind = ?, cross_school = ?, category_id = ?,"
      " subject_area = ?, levels = ?, basis_doc = ?, special_approval_doc = ?, outline = ?,"
      " hours = ?, credits = ?, class_count = ?, seats_per_class = ?, online_seats = ?,"
      " enrol_online = ?, enrol_opens_at = ?, enrol_closes_at = ?, auto_review = ?, subsidy = ?,"
      " contact1_name = ?, contact1_phone = ?, contact1_email = ?, contact2_name = ?,"
      " contact2_phone = ?, contact2_email = ?, first_date = ?, last_date = ?,"
      " flagged_restricted = ? WHERE id = ?",
      d.title, d.class_kind, d.cross_school, d.category_id, optional_text(d.subject_area),
      join_levels(d.levels), optional_text(d.basis_doc), optional_text(d.special_approval_doc),
      d.outline, hours, d.credits, d.class_count, d.seats_per_class, d.online_seats, d.enrol_online,
      d.enrol_online ? datetime_of(d.enrol_opens_on, d.enrol_opens_minute) : std::nullopt,
      d.enrol_online ? datetime_of(d.enrol_closes_on, d.enrol_closes_minute) : std::nullopt,
      d.auto_review, optional_text(d.subsidy), d.contact1.name, d.contact1.phone, d.contact1.email,
      optional_text(d.contact2.name), optional_text(d.contact2.phone), optional_text(d.contact2.email),
      first_date_of(d), last_date_of(d), flagged_restricted, course_id);
  write_sessions_and_tags(db, course_id, d);
}

bool transition(db::Connection& db, int64_t course_id, const std::string& from,
                const std::string& to, int64_t actor_id, const std::string& note,
                const std::vector<int>& reason_ids) {
  if (db.execute("UPDATE course SET state = ? WHERE id = ? AND state = ?", to, course_id, from) != 1) {
    return false;
  }
  db.execute("INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons)"
             " VALUES (?, ?, ?, ?, ?)",
             course_id, from, to, actor_id, optional_text(note));
  const int64_t history_id = static_cast<int64_t>(db.last_insert_id());
  for (int reason : reason_ids) {
    db.execute("INSERT INTO course_history_reason (history_id, reason_id) VALUES (?, ?)", history_id,
               reason);
  }
  return true;
}

void sync_search(db::Connection& db, int64_t course_id) {
  db.execute("DELETE FROM course_search WHERE course_id = ?", course_id);
  db.execute(
      "INSERT INTO course_search (course_id, title, body, unit_name, county_id, unit_id,"
      " category_id, levels, tags, first_date, last_date, enrol_opens_at, enrol_closes_at)"
      " SELECT c.id, c.title,"
      " CONCAT_WS(' ', c.title, c.outline, c.subject_area, u.name,"
      "   (SELECT GROUP_CONCAT(g.name SEPARATOR ' ') FROM course_tag ct JOIN tag g ON g.id = ct.tag_id"
      "     WHERE ct.course_id = c.id)),"
      " u.name, u.county_id, c.unit_id, c.category_id, CONCAT(',', c.levels, ','),"
      " CONCAT(' ', IFNULL((SELECT GROUP_CONCAT(ct.tag_id SEPARATOR ' ') FROM course_tag ct"
      "   WHERE ct.course_id = c.id), ''), ' '),"
      " c.first_date, c.last_date, IF(c.enrol_online, c.enrol_opens_at, NULL),"
      " IF(c.enrol_online, c.enrol_closes_at, NULL)"
      " FROM course c JOIN unit u ON u.id = c.unit_id"
      " WHERE c.id = ? AND c.state IN ('approved', 'roster_submitted', 'roster_returned', 'closed')",
      course_id);
  db.execute("UPDATE search_generation SET value = value + 1 WHERE id = 1");
}

std::vector<HistoryLine> history_of(db::Connection& db, int64_t course_id) {
  std::vector<HistoryLine> out;
  std::vector<int64_t> ids;
  for (const auto& r : db.query(
           "SELECT h.id, DATE_FORMAT(h.at, '%Y-%m-%d %H:%i'), h.from_state, h.to_state,"
           " COALESCE(a.display_name, '系統'), h.reasons"
           " FROM course_history h LEFT JOIN business_account a ON a.id = h.actor_id"
           " WHERE h.course_id = ? ORDER BY h.at, h.id",
           course_id)) {
    ids.push_back(r.i64(0));
    out.push_back({r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), {}});
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    for (const auto& r : db.query("SELECT rr.label FROM course_history_reason hr"
                                  " JOIN return_reason rr ON rr.id = hr.reason_id"
                                  " WHERE hr.history_id = ? ORDER BY rr.sort_order",
                                  ids[i])) {
      out[i].reasons.push_back(r.str(0));
    }
  }
  return out;
}

std::vector<CourseLine> unit_courses(db::Connection& db, int64_t unit_id, const ListFilters& f,
                                     int limit) {
  std::string sql =
      "SELECT c.code, c.title, c.first_date, c.last_date, c.state, a.display_name, c.organizer_id"
      " FROM course c JOIN business_account a ON a.id = c.organizer_id WHERE c.unit_id = ?";
  std::vector<db::Value> args{db::Value(static_cast<long long>(unit_id))};
  const std::string title_pattern = "%" + f.title + "%";
  if (!f.state.empty()) {
    sql += " AND c.state = ?";
    args.emplace_back(f.state);
  }
  if (f.unfinished) sql += " AND c.state NOT IN ('closed', 'deleted')";
  if (f.year) {
    sql += " AND c.first_date >= MAKEDATE(?, 1) AND c.first_date < MAKEDATE(?, 1)";
    args.emplace_back(f.year);
    args.emplace_back(f.year + 1);
  }
  // A unit's own list is small (hundreds a year): a substring match on it needs no index.
  if (!f.title.empty()) {
    sql += " AND c.title LIKE ?";
    args.emplace_back(title_pattern);
  }
  sql += " ORDER BY c.first_date DESC, c.id DESC LIMIT ?";
  args.emplace_back(limit);
  std::vector<CourseLine> out;
  for (const auto& r : db.query_values(sql, args)) {
    out.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.i64(6)});
  }
  return out;
}

std::vector<Choice> organizers_of_unit(db::Connection& db, int64_t unit_id) {
  std::vector<Choice> out;
  for (const auto& r : db.query(
           "SELECT id, CONCAT(display_name, '（', account_name, '）') FROM business_account"
           " WHERE unit_id = ? AND kind IN ('organizer', 'master') AND approved_at IS NOT NULL"
           " AND disabled_at IS NULL ORDER BY display_name",
           unit_id)) {
    out.push_back({r.i64(0), r.str(1)});
  }
  return out;
}

bool transfer_course(db::Connection& db, int64_t course_id, int64_t from_account,
                     int64_t to_account, int64_t by_account) {
  if (db.execute("UPDATE course SET organizer_id = ? WHERE id = ? AND organizer_id = ?"
                 " AND state NOT IN ('closed', 'deleted')",
                 to_account, course_id, from_account) != 1) {
    return false;
  }
  db.execute("INSERT INTO course_transfer (course_id, from_account_id, to_account_id, by_account_id)"
             " VALUES (?, ?, ?, ?)",
             course_id, from_account, to_account, by_account);
  // Shown in the course's history like a transition that keeps the state.
  db.execute("INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons)"
             " SELECT c.id, c.state, c.state, ?, CONCAT('課程移轉：', f.display_name, ' → ', t.display_name)"
             " FROM course c JOIN business_account f ON f.id = ? JOIN business_account t ON t.id = ?"
             " WHERE c.id = ?",
             by_account, from_account, to_account, course_id);
  return true;
}

void lock_unit(db::Connection& db, int64_t unit_id) {
  db.query_one("SELECT id FROM unit WHERE id = ? FOR UPDATE", unit_id);
}

std::vector<Reason> active_reasons(db::Connection& db) {
  std::vector<Reason> out;
  for (const auto& r : db.query("SELECT id, label, needs_text FROM return_reason WHERE active"
                                " ORDER BY sort_order, id")) {
    out.push_back({static_cast<int>(r.i64(0)), r.str(1), r.i64(2) == 1});
  }
  return out;
}

}  // namespace courses::sql
