// The course table and what hangs off it, read by column name; state changes through transition().
#include "shared/course_store.h"

#include <stdexcept>

#include "domain/course_index.h"
#include "domain/lights.h"
#include "domain/roc_date.h"
#include "domain/validation.h"

namespace course_store {

namespace {

domain::CourseState state_of(const std::string& code) {
  const auto state = domain::parse_state_code(code);
  if (!state) throw std::runtime_error("unknown course state in the database: " + code);
  return *state;
}

std::optional<std::string> optional_text(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

std::optional<Course> find(db::Connection& db, const std::string& code) {
  static const std::string sql =
      "SELECT c.id, c.code, c.state, c.unit_id, c.organizer_id, c.review_unit_id, u.county_id,"
      " u.name AS unit_name, u.code AS unit_code, k.name AS county_name, g.name AS category_name,"
      " a.display_name AS organizer_name, c.title, c.class_kind, c.subject_area, c.levels,"
      " c.basis_doc, c.special_approval_doc, c.outline, c.subsidy, c.first_date, c.last_date,"
      " DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i') AS created_at,"
      " DATE_FORMAT(c.enrol_opens_at, '%Y-%m-%d %H:%i') AS enrol_opens_at,"
      " DATE_FORMAT(c.enrol_closes_at, '%Y-%m-%d %H:%i') AS enrol_closes_at,"
      " c.cross_school, c.enrol_online, c.auto_review, c.flagged_restricted,"
      " IFNULL(UNIX_TIMESTAMP(c.enrol_opens_at), 0) AS enrol_opens_epoch,"
      " IFNULL(UNIX_TIMESTAMP(c.enrol_closes_at), 0) AS enrol_closes_epoch,"
      " UNIX_TIMESTAMP() AS db_now, CURDATE() + 0 AS db_today, c.category_id, c.hours, c.credits, c.class_count, c.seats_per_class, c.online_seats,"
      " c.seats_taken, c.contact1_name, c.contact1_phone, c.contact1_email, c.contact2_name,"
      " c.contact2_phone, c.contact2_email, c.ask_fields, c.eligible_levels, c.eligible_counties, c.eligible_units, c.eligible_positions,"
      " c.auto_review_scope, c.seat_mode = 'lottery' AS lottery, c.drawn_at IS NOT NULL AS drawn,"
      " IFNULL(DATE_FORMAT(c.draw_at, '%Y-%m-%d %H:%i'), '') AS draw_at"
      " FROM course c JOIN unit u ON u.id = c.unit_id JOIN county k ON k.id = u.county_id"
      " LEFT JOIN category g ON g.id = c.category_id"
      " JOIN business_account a ON a.id = c.organizer_id WHERE c.code = ?";
  const auto r = db.query_one(sql, code);
  if (!r) return std::nullopt;
  Course c;
  c.id = r->i64("id");
  c.code = r->str("code");
  c.state = state_of(r->str("state"));
  c.unit_id = r->i64("unit_id");
  c.organizer_id = r->i64("organizer_id");
  c.review_unit_id = r->i64("review_unit_id");
  c.county_id = r->i64("county_id");
  c.unit_name = r->str("unit_name");
  c.unit_code = r->str("unit_code");
  c.county_name = r->str("county_name");
  c.category_name = r->str("category_name");
  c.organizer_name = r->str("organizer_name");
  c.title = r->str("title");
  c.class_kind = r->str("class_kind");
  c.subject_area = r->str("subject_area");
  c.levels = r->str("levels");
  c.basis_doc = r->str("basis_doc");
  c.special_approval_doc = r->str("special_approval_doc");
  c.outline = r->str("outline");
  c.subsidy = r->str("subsidy");
  c.first_date = r->str("first_date");
  c.last_date = r->str("last_date");
  c.created_at = r->str("created_at");
  c.enrol_opens_at = r->str("enrol_opens_at");
  c.enrol_closes_at = r->str("enrol_closes_at");
  c.cross_school = r->flag("cross_school");
  c.enrol_online = r->flag("enrol_online");
  c.auto_review = r->flag("auto_review");
  c.flagged_restricted = r->flag("flagged_restricted");
  c.category_id = r->i32("category_id");
  c.hours = r->i32("hours");
  c.credits = r->i32("credits");
  c.class_count = r->i32("class_count");
  c.seats_per_class = r->i32("seats_per_class");
  c.online_seats = r->i32("online_seats");
  c.seats_taken = r->i32("seats_taken");
  c.contact1 = {r->str("contact1_name"), r->str("contact1_phone"), r->str("contact1_email")};
  c.contact2 = {r->str("contact2_name"), r->str("contact2_phone"), r->str("contact2_email")};
  c.ask_fields = r->str("ask_fields");
  c.eligible_levels = r->str("eligible_levels");
  c.eligible_counties = r->str("eligible_counties");
  c.eligible_units = r->str("eligible_units");
  c.eligible_positions = r->str("eligible_positions");
  c.lottery = r->flag("lottery");
  c.drawn = r->flag("drawn");
  c.draw_at = r->str("draw_at");
  c.auto_review_scope = r->str("auto_review_scope");
  domain::EnrolmentFacts& e = c.enrolment;
  e.state = c.state;
  e.enrol_online = c.enrol_online;
  e.enrol_opens = r->i64("enrol_opens_epoch");
  e.enrol_closes = r->i64("enrol_closes_epoch");
  e.last_day = domain::day_number(c.last_date);
  e.seats_left = c.online_seats - c.seats_taken;
  e.now = r->i64("db_now");
  e.today = static_cast<uint32_t>(r->i64("db_today"));
  return c;
}

namespace {
constexpr const char* kSessionColumns =
    "SELECT id, course_id, session_date, TIME_FORMAT(starts_at, '%H:%i') AS starts_at,"
    " TIME_FORMAT(ends_at, '%H:%i') AS ends_at, breaks, place FROM course_session";

Session session_of(const db::Row& r) {
  return {r.i64("id"), r.i64("course_id"), r.str("session_date"), r.str("starts_at"), r.str("ends_at"),
          r.str("breaks"), r.str("place")};
}
}  // namespace

std::vector<Session> sessions_of(db::Connection& db, int64_t course_id) {
  std::vector<Session> out;
  for (const auto& r : db.query(std::string(kSessionColumns) +
                                    " WHERE course_id = ? ORDER BY session_date, starts_at, id",
                                course_id)) {
    out.push_back(session_of(r));
  }
  return out;
}

std::vector<Session> sessions_of(db::Connection& db, const std::vector<int64_t>& course_ids) {
  std::vector<Session> out;
  if (course_ids.empty()) return out;
  std::string placeholders;
  std::vector<db::Value> ids;
  for (int64_t id : course_ids) {
    placeholders += placeholders.empty() ? "?" : ",?";
    ids.emplace_back(static_cast<long long>(id));
  }
  for (const auto& r : db.query_values(std::string(kSessionColumns) + " WHERE course_id IN (" +
                                           placeholders + ") ORDER BY course_id, session_date, starts_at, id",
                                       ids)) {
    out.push_back(session_of(r));
  }
  return out;
}

std::vector<domain::Session> rule_sessions(const std::vector<Session>& sessions) {
  std::vector<domain::Session> out;
  for (const auto& s : sessions) {
    out.push_back({domain::parse_iso_date(s.date).value_or(domain::Date{1970, 1, 1}),
                   domain::parse_clock(s.starts_at).value_or(0),
                   domain::parse_clock(s.ends_at).value_or(0),
                   domain::parse_breaks(s.breaks).value_or(std::vector<domain::Interval>{})});
  }
  return out;
}

std::vector<Tag> tags_of(db::Connection& db, int64_t course_id) {
  std::vector<Tag> out;
  for (const auto& r : db.query("SELECT t.id, t.name FROM course_tag ct JOIN tag t ON t.id = ct.tag_id"
                                " WHERE ct.course_id = ? ORDER BY t.id",
                                course_id)) {
    out.push_back({r.i64("id"), r.str("name")});
  }
  return out;
}

domain::CourseDraft draft_of(db::Connection& db, const Course& c) {
  domain::CourseDraft d;
  d.title = c.title;
  d.class_kind = c.class_kind;
  d.cross_school = c.cross_school;
  d.category_id = c.category_id;
  d.subject_area = c.subject_area;
  for (const auto& level : domain::split_set(c.levels)) d.levels.push_back(level);
  for (const auto& t : tags_of(db, c.id)) d.tag_ids.push_back(static_cast<int>(t.id));
  d.basis_doc = c.basis_doc;
  d.special_approval_doc = c.special_approval_doc;
  d.outline = c.outline;
  const auto sessions = sessions_of(db, c.id);
  d.sessions = rule_sessions(sessions);
  for (const auto& s : sessions) d.places.push_back(s.place);
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

std::vector<HistoryLine> history_of(db::Connection& db, int64_t course_id) {
  std::vector<HistoryLine> out;
  // The reasons of each line in the same query, joined by the ASCII unit separator (labels are
  // single lines of text).
  for (const auto& r : db.query(
           "SELECT DATE_FORMAT(h.at, '%Y-%m-%d %H:%i') AS at, h.from_state, h.to_state,"
           " COALESCE(a.display_name, '系統') AS actor, h.reasons AS note,"
           " (SELECT GROUP_CONCAT(rr.label ORDER BY rr.sort_order, rr.id SEPARATOR '\\x1f')"
           "    FROM course_history_reason hr JOIN return_reason rr ON rr.id = hr.reason_id"
           "   WHERE hr.history_id = h.id) AS reason_labels"
           " FROM course_history h LEFT JOIN business_account a ON a.id = h.actor_id"
           " WHERE h.course_id = ? ORDER BY h.at, h.id",
           course_id)) {
    HistoryLine line;
    line.at = r.str("at");
    if (!r.is_null("from_state")) line.from = state_of(r.str("from_state"));
    line.to = state_of(r.str("to_state"));
    line.actor = r.str("actor");
    line.note = r.str("note");
    const std::string labels = r.str("reason_labels");
    for (size_t pos = 0; pos < labels.size();) {
      size_t end = labels.find('\x1f', pos);
      if (end == std::string::npos) end = labels.size();
      line.reasons.push_back(labels.substr(pos, end - pos));
      pos = end + 1;
    }
    out.push_back(std::move(line));
  }
  return out;
}

std::optional<domain::CourseState> transition(db::Transaction& tx, const Course& course,
                                              domain::CourseAction action, int64_t actor_id,
                                              const std::string& note,
                                              const std::vector<int>& reason_ids) {
  const auto next = domain::next_state(course.state, action);
  if (!next) return std::nullopt;
  db::Connection& db = tx.db();
  const char* from = domain::state_code(course.state);
  const char* to = domain::state_code(*next);
  if (db.execute("UPDATE course SET state = ? WHERE id = ? AND state = ?", to, course.id, from) != 1) {
    return std::nullopt;
  }
  db.execute("INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons)"
             " VALUES (?, ?, ?, ?, ?)",
             course.id, from, to, actor_id, optional_text(note));
  const int64_t history_id = static_cast<int64_t>(db.last_insert_id());
  for (int reason : reason_ids) {
    db.execute("INSERT INTO course_history_reason (history_id, reason_id) VALUES (?, ?)",
               history_id, reason);
  }
  if (domain::is_public(course.state) != domain::is_public(*next)) {
    const int64_t id = course.id;
    tx.after_commit([&db, id] { sync_search(db, id); });
  }
  return next;
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
      " WHERE c.id = ? AND c.state IN " + public_states_sql(),
      course_id);
  db.execute("UPDATE search_generation SET value = value + 1 WHERE id = 1");
}

const std::string& public_states_sql() {
  static const std::string list = domain::sql_list_of_states(domain::is_public);
  return list;
}

const std::string& unfinished_states_sql() {
  static const std::string list = domain::sql_list_of_states(domain::is_unfinished);
  return list;
}

UnitLight unit_light(db::Connection& db, int64_t unit_id, const std::string& today) {
  UnitLight light;
  const auto county = db.query_one(
      "SELECT k.red_light_threshold, k.overdue_grace_days FROM unit u"
      " JOIN county k ON k.id = u.county_id WHERE u.id = ?",
      unit_id);
  const auto now = domain::parse_iso_date(today);
  if (!county || !now) return light;
  light.red_threshold = static_cast<int>(county->i64(0));
  light.grace_days = static_cast<int>(county->i64(1));
  // The candidates in SQL (尚未結案, ended before today); which of them count, in the domain.
  static const std::string sql =
      "SELECT c.code, c.title, c.first_date, c.last_date, c.state, a.display_name AS organizer,"
      " c.organizer_id FROM course c JOIN business_account a ON a.id = c.organizer_id"
      " WHERE c.unit_id = ? AND c.state IN " + unfinished_states_sql() +
      " AND c.last_date < ? ORDER BY c.last_date, c.id";
  for (const auto& r : db.query(sql, unit_id, today)) {
    const auto last = domain::parse_iso_date(r.str("last_date"));
    if (!last || !domain::is_overdue(*last, *now, light.grace_days)) continue;
    light.overdue.push_back({r.str("code"), r.str("title"), r.str("first_date"), r.str("last_date"),
                             r.str("organizer"), state_of(r.str("state")), r.i64("organizer_id")});
  }
  return light;
}

}  // namespace course_store
