// SQL of course registration and management.
#include "courses/courses_sql.h"

#include <cstdio>

#include "domain/jurisdiction.h"
#include "domain/roc_date.h"
#include "domain/validation.h"

namespace courses::sql {

namespace {
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

Contact account_contact(db::Connection& db, int64_t account_id) {
  const auto r = db.query_one("SELECT phone, email FROM business_account WHERE id = ?", account_id);
  if (!r) return {};
  return {r->str("phone"), r->str("email")};
}

domain::CourseState state_for_update(db::Connection& db, int64_t course_id) {
  const auto r = db.query_one("SELECT state FROM course WHERE id = ? FOR UPDATE", course_id);
  return *domain::parse_state_code(r->str("state"));
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

UnitRules unit_rules(db::Connection& db, int64_t unit_id, const std::string& today) {
  UnitRules rules;
  rules.today = today;
  const auto facts = db.query_one(
      "SELECT u.level, u.ownership, u.recognised_by_article3, u.has_legal_person,"
      " u.community_college, u.county_id, COALESCE(u.authority_unit_id, 0) AS authority_unit_id,"
      " COALESCE(u.review_unit_id, 0) AS review_unit_id, k.min_days_before_start"
      " FROM unit u JOIN county k ON k.id = u.county_id WHERE u.id = ?",
      unit_id);
  if (facts) {
    rules.min_days_before_start = facts->i32("min_days_before_start");
    // The administrator's override first; otherwise 第11條 decides.
    rules.review_unit_id = facts->i64("review_unit_id");
    const auto level = domain::parse_unit_level(facts->str("level"));
    const auto ownership = domain::parse_ownership(facts->str("ownership"));
    if (rules.review_unit_id == 0 && level && ownership) {
      domain::UnitFacts unit{*level, *ownership, facts->flag("recognised_by_article3"),
                             facts->flag("has_legal_person"), facts->flag("community_college")};
      rules.review_unit_id = review_unit_for(db, domain::review_body_for(unit),
                                             facts->i64("county_id"), facts->i64("authority_unit_id"));
    }
  }
  rules.light = course_store::unit_light(db, unit_id, today);
  return rules;
}

std::optional<std::string> find_duplicate(db::Connection& db, int64_t unit_id, const std::string& title,
                                          const std::string& first_date, const std::string& last_date,
                                          int64_t except_course_id) {
  const auto r = db.query_one(
      "SELECT code FROM course WHERE unit_id = ? AND title = ? AND first_date = ? AND last_date = ?"
      " AND state <> ? AND id <> ? LIMIT 1",
      unit_id, title, first_date, last_date, domain::state_code(domain::CourseState::kDeleted),
      except_course_id);
  if (!r) return std::nullopt;
  return r->str(0);
}

std::string insert_course(db::Connection& db, const NewCourse& nc, const domain::CourseDraft& d) {
  const char* kRegistered = domain::state_code(domain::CourseState::kUnconfirmed);
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
      " ?, ?, ?, ?)",
      std::string(code), nc.unit_id, nc.organizer_id, nc.review_unit_id, d.title, d.class_kind,
      d.cross_school, d.category_id, optional_text(d.subject_area), join_levels(d.levels),
      optional_text(d.basis_doc), optional_text(d.special_approval_doc), d.outline, nc.hours,
      d.credits, d.class_count, d.seats_per_class, d.online_seats, d.enrol_online,
      d.enrol_online ? datetime_of(d.enrol_opens_on, d.enrol_opens_minute) : std::nullopt,
      d.enrol_online ? datetime_of(d.enrol_closes_on, d.enrol_closes_minute) : std::nullopt,
      d.auto_review, optional_text(d.subsidy), d.contact1.name, d.contact1.phone, d.contact1.email,
      optional_text(d.contact2.name), optional_text(d.contact2.phone), optional_text(d.contact2.email),
      kRegistered, first_date_of(d), last_date_of(d), nc.flagged_restricted);
  const int64_t id = static_cast<int64_t>(db.last_insert_id());
  write_sessions_and_tags(db, id, d);
  db.execute("INSERT INTO course_history (course_id, from_state, to_state, actor_id, reasons)"
             " VALUES (?, NULL, ?, ?, NULL)",
             id, kRegistered, nc.organizer_id);
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

std::vector<course_store::CourseLine> unit_courses(db::Connection& db, int64_t unit_id,
                                            const ListFilters& f, int limit) {
  std::string sql =
      "SELECT c.code, c.title, c.first_date, c.last_date, c.state, a.display_name AS organizer,"
      " c.organizer_id FROM course c JOIN business_account a ON a.id = c.organizer_id"
      " WHERE c.unit_id = ?";
  std::vector<db::Value> args{db::Value(static_cast<long long>(unit_id))};
  const std::string title_pattern = domain::like_contains(f.title);
  if (f.state) {
    sql += " AND c.state = ?";
    args.emplace_back(domain::state_code(*f.state));
  }
  if (f.unfinished) sql += " AND c.state IN " + course_store::unfinished_states_sql();
  if (f.year) {
    sql += " AND c.first_date >= MAKEDATE(?, 1) AND c.first_date < MAKEDATE(?, 1)";
    args.emplace_back(f.year);
    args.emplace_back(f.year + 1);
  }
  // A unit's own list is small (hundreds a year): a substring match on it needs no index.
  if (!f.title.empty()) {
    sql += " AND c.title LIKE ? ESCAPE '!'";
    args.emplace_back(title_pattern);
  }
  sql += " ORDER BY c.first_date DESC, c.id DESC LIMIT ?";
  args.emplace_back(limit);
  std::vector<course_store::CourseLine> out;
  for (const auto& r : db.query_values(sql, args)) {
    out.push_back({r.str("code"), r.str("title"), r.str("first_date"), r.str("last_date"),
                   r.str("organizer"), *domain::parse_state_code(r.str("state")),
                   r.i64("organizer_id")});
  }
  return out;
}

std::vector<Organizer> organizers_of_unit(db::Connection& db, int64_t unit_id) {
  std::vector<Organizer> out;
  for (const auto& r : db.query(
           "SELECT id, CONCAT(display_name, '（', account_name, '）') AS name FROM business_account"
           " WHERE unit_id = ? AND kind IN ('organizer', 'master') AND approved_at IS NOT NULL"
           " AND disabled_at IS NULL ORDER BY display_name",
           unit_id)) {
    out.push_back({r.i64("id"), r.str("name")});
  }
  return out;
}

bool transfer_course(db::Connection& db, int64_t course_id, int64_t from_account,
                     int64_t to_account, int64_t by_account) {
  if (db.execute("UPDATE course SET organizer_id = ? WHERE id = ? AND organizer_id = ?"
                 " AND state IN " + course_store::unfinished_states_sql(),
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

}  // namespace courses::sql
