// SQL of enrolment. Every change to a course's seats starts by locking its row (lock_course), so
// seats_taken always equals the enrolments holding a seat (待審核 and 審核通過); the CHECK
// seats_taken <= online_seats of 0001_init.sql is the backstop.
#include "enrolment/enrolment_sql.h"

#include "domain/course_state.h"
#include "domain/validation.h"
#include "shared/course_store.h"
#include "shared/missed_sql.h"

namespace enrolment::sql {

namespace {
using domain::EnrolmentStatus;

// Seats from course c, with the first session's start and the database's clock.
constexpr const char* kSeatColumns =
    "SELECT c.id, c.code, c.title, c.state, c.enrol_online, c.auto_review, c.online_seats,"
    " c.unit_id, (SELECT u.county_id FROM unit u WHERE u.id = c.unit_id) AS county_id,"
    " c.ask_fields, c.eligible_levels, c.eligible_counties, c.eligible_units, c.eligible_positions,"
    " c.auto_review_scope,"
    " c.seats_taken, IFNULL(UNIX_TIMESTAMP(c.enrol_opens_at), 0) AS opens,"
    " IFNULL(UNIX_TIMESTAMP(c.enrol_closes_at), 0) AS closes,"
    " DATE_FORMAT(c.enrol_closes_at, '%Y-%m-%d %H:%i') AS enrol_closes_at,"
    " IFNULL((SELECT UNIX_TIMESTAMP(MIN(TIMESTAMP(s.session_date, s.starts_at)))"
    "   FROM course_session s WHERE s.course_id = c.id), 0) AS first_start,"
    " c.seat_mode, IFNULL(UNIX_TIMESTAMP(c.draw_at), 0) AS draw_epoch, c.drawn_at IS NOT NULL AS drawn,"
    " IFNULL(DATE_FORMAT(c.draw_at, '%Y-%m-%d %H:%i'), '') AS draw_at,"
    " UNIX_TIMESTAMP() AS db_now";
constexpr const char* kFromCourse = " FROM course c";

Seats seats_from(const db::Row& r) {
  Seats s;
  s.course_id = r.i64("id");
  s.code = r.str("code");
  s.title = r.str("title");
  s.window.state = domain::parse_state_code(r.str("state")).value_or(domain::CourseState::kDeleted);
  s.window.enrol_online = r.flag("enrol_online");
  s.window.opens = r.i64("opens");
  s.window.closes = r.i64("closes");
  s.window.first_session_start = r.i64("first_start");
  s.window.now = r.i64("db_now");
  s.auto_review = r.flag("auto_review");
  s.online_seats = r.i32("online_seats");
  s.seats_taken = r.i32("seats_taken");
  s.enrol_closes_at = r.str("enrol_closes_at");
  s.unit_id = r.i64("unit_id");
  s.county_id = r.str("county_id");
  s.asked = domain::parse_asked(r.str("ask_fields"));
  s.eligibility.levels = domain::split_set(r.str("eligible_levels"));
  s.eligibility.counties = domain::split_set(r.str("eligible_counties"));
  s.eligibility.units = domain::split_set(r.str("eligible_units"));
  s.eligibility.positions = domain::split_set(r.str("eligible_positions"));
  const std::string scope = r.str("auto_review_scope");
  s.auto_scope = scope == "own_unit"     ? domain::AutoScope::kOwnUnit
                 : scope == "own_county" ? domain::AutoScope::kOwnCounty
                                         : domain::AutoScope::kAnyone;
  s.draw = {r.str("seat_mode") == "lottery", r.i64("draw_epoch"), r.flag("drawn"), s.window.now};
  s.draw_at = r.str("draw_at");
  return s;
}

EnrolmentStatus status_of(const db::Row& r) {
  return domain::parse_enrolment_status(r.str("status")).value_or(EnrolmentStatus::kCancelled);
}

const char* code(EnrolmentStatus s) { return domain::enrolment_status_code(s); }
}  // namespace

std::optional<Seats> lock_course(db::Connection& db, int64_t course_id) {
  const auto r = db.query_one(std::string(kSeatColumns) + kFromCourse + " WHERE c.id = ? FOR UPDATE", course_id);
  if (!r) return std::nullopt;
  return seats_from(*r);
}

std::optional<Seats> seats_of(db::Connection& db, const std::string& course_code) {
  const auto r = db.query_one(std::string(kSeatColumns) + kFromCourse + " WHERE c.code = ?", course_code);
  if (!r) return std::nullopt;
  return seats_from(*r);
}

std::optional<ApplicationFacts> application_facts(db::Connection& db, const std::string& course_code,
                                                  int64_t teacher_id) {
  const auto r = db.query_one(
      std::string(kSeatColumns) +
          ", IFNULL(tu.level, '') AS teacher_level, IFNULL(tu.county_id, 0) AS teacher_county_id,"
          " IFNULL(t.unit_id, 0) AS teacher_unit_id, IFNULL(tu.code, '') AS teacher_unit_code,"
          " IFNULL(t.position_category, '') AS teacher_position, e.id IS NOT NULL AS applied" +
          kFromCourse +
          " LEFT JOIN teacher t ON t.id = ? LEFT JOIN unit tu ON tu.id = t.unit_id"
          " LEFT JOIN enrolment e ON e.course_id = c.id AND e.teacher_id = t.id WHERE c.code = ?",
      teacher_id, course_code);
  if (!r) return std::nullopt;
  return ApplicationFacts{seats_from(*r),
                          {r->str("teacher_level"), r->str("teacher_county_id"), r->i64("teacher_unit_id"),
                           r->str("teacher_unit_code"), r->str("teacher_position")},
                          r->flag("applied")};
}

std::optional<Mine> mine(db::Connection& db, int64_t course_id, int64_t teacher_id) {
  const auto r = db.query_one(
      "SELECT e.id, e.status, e.request_key,"
      " IF(e.status = 'waiting', (SELECT COUNT(*) FROM enrolment w WHERE w.course_id = e.course_id"
      "   AND w.status = 'waiting' AND (w.waiting_since, w.id) <= (e.waiting_since, e.id)), 0)"
      "   AS waiting_position"
      " FROM enrolment e WHERE e.course_id = ? AND e.teacher_id = ?",
      course_id, teacher_id);
  if (!r) return std::nullopt;
  return Mine{r->i64("id"), status_of(*r), r->str("request_key"), r->i32("waiting_position")};
}

bool take_seat(db::Connection& db, int64_t course_id) {
  return db.execute("UPDATE course SET seats_taken = seats_taken + 1"
                    " WHERE id = ? AND seats_taken < online_seats",
                    course_id) == 1;
}

void free_seat(db::Connection& db, int64_t course_id) {
  db.execute("UPDATE course SET seats_taken = seats_taken - 1 WHERE id = ? AND seats_taken > 0",
             course_id);
}

void save_application(db::Connection& db, int64_t course_id, int64_t teacher_id, EnrolmentStatus status,
                      const std::string& request_key, bool auto_decided, const std::string& answers) {
  const bool approved = status == EnrolmentStatus::kApproved;
  // A cancelled row is the only one the caller lets through to be applied again: it starts afresh.
  db.execute("INSERT INTO enrolment (course_id, teacher_id, status, request_key, answers, decided_at,"
             " approved_at, auto_decided, waiting_since)"
             " VALUES (?, ?, ?, ?, ?, IF(?, NOW(), NULL), IF(?, NOW(), NULL), ?, IF(?, NOW(3), NULL))"
             " ON DUPLICATE KEY UPDATE status = VALUES(status), request_key = VALUES(request_key),"
             " answers = VALUES(answers), created_at = NOW(3), decided_at = VALUES(decided_at),"
             " approved_at = VALUES(approved_at), auto_decided = VALUES(auto_decided),"
             " waiting_since = VALUES(waiting_since), cancelled_at = NULL, decided_by = NULL,"
             " refusal_reason = NULL, promoted_at = NULL, reminded_at = NULL",
             course_id, teacher_id, code(status), request_key,
             answers.empty() ? std::optional<std::string>() : std::optional<std::string>(answers),
             approved, approved, auto_decided && approved, status == EnrolmentStatus::kWaiting);
}

std::vector<domain::HeldCourse> held_on_the_days_of(db::Connection& db, int64_t teacher_id, int64_t course_id) {
  std::vector<domain::HeldCourse> out;
  int64_t current = 0;
  for (const auto& r : db.query(
           "SELECT c.id, c.title, s.session_date, TIME_FORMAT(s.starts_at, '%H:%i') AS starts_at,"
           " TIME_FORMAT(s.ends_at, '%H:%i') AS ends_at, s.breaks"
           " FROM enrolment e JOIN course c ON c.id = e.course_id JOIN course_session s ON s.course_id = c.id"
           " WHERE e.teacher_id = ? AND e.status IN ('pending', 'approved') AND c.id <> ?"
           " AND s.session_date IN (SELECT session_date FROM course_session WHERE course_id = ?)"
           " ORDER BY c.id, s.session_date, s.starts_at",
           teacher_id, course_id, course_id)) {
    if (out.empty() || r.i64("id") != current) {
      current = r.i64("id");
      out.push_back({r.str("title"), {}});
    }
    const auto sessions = course_store::rule_sessions(
        {{0, current, r.str("session_date"), r.str("starts_at"), r.str("ends_at"), r.str("breaks"), ""}});
    out.back().sessions.push_back(sessions.front());
  }
  return out;
}

std::vector<std::string> unknown_unit_codes(db::Connection& db, const std::set<std::string>& codes) {
  std::vector<std::string> out;
  for (const auto& code : codes) {
    if (!db.query_one("SELECT id FROM unit WHERE code = ?", code)) out.push_back(code);
  }
  return out;
}

bool save_settings(db::Connection& db, int64_t course_id, const Settings& s) {
  // Read under the row's lock and then written, because an UPDATE that changes nothing (the
  // settings saved again as they are) reports no row: the online seats never below those held,
  // and the way and the draw time (to the minute) as they are once enrolment has opened, the
  // fairness promise checked again at the moment of writing.
  const auto allowed = db.query_one(
      "SELECT seats_taken <= ? AND (enrol_opens_at IS NULL OR NOW() < enrol_opens_at"
      " OR (seat_mode = ? AND DATE_FORMAT(draw_at, '%Y-%m-%d %H:%i:00') <=> NULLIF(?, ''))) AS ok"
      " FROM course WHERE id = ? FOR UPDATE",
      s.online_seats, s.seat_mode, s.draw_at, course_id);
  if (!allowed || !allowed->flag("ok")) return false;
  // The seed is kept while 抽籤 stays and the draw time as stored while its minute stays
  // (assignments read the row as it was, left to right).
  db.execute(
      "UPDATE course SET draw_seed = IF(? = 'lottery', IFNULL(IF(seat_mode = 'lottery', draw_seed, NULL), ?), NULL),"
      " draw_at = IF(DATE_FORMAT(draw_at, '%Y-%m-%d %H:%i:00') <=> NULLIF(?, ''), draw_at, NULLIF(?, '')),"
      " seat_mode = ?, enrol_online = ?, enrol_opens_at = NULLIF(?, ''), enrol_closes_at = NULLIF(?, ''),"
      " online_seats = ?, auto_review = ?, auto_review_scope = ?, ask_fields = ?,"
      " eligible_levels = ?, eligible_counties = ?, eligible_units = ?, eligible_positions = ? WHERE id = ?",
      s.seat_mode, s.new_seed, s.draw_at, s.draw_at, s.seat_mode, s.enrol_online, s.opens, s.closes,
      s.online_seats, s.auto_review, s.auto_scope, s.ask_fields, s.eligible_levels, s.eligible_counties,
      s.eligible_units, s.eligible_positions, course_id);
  return true;
}

std::optional<Held> find_own(db::Connection& db, int64_t enrolment_id, int64_t teacher_id, bool lock) {
  const auto r = db.query_one(
      std::string("SELECT e.id, e.course_id, e.status, c.code, c.title,"
                  " IFNULL((SELECT UNIX_TIMESTAMP(MIN(TIMESTAMP(s.session_date, s.starts_at)))"
                  "   FROM course_session s WHERE s.course_id = c.id), 0) AS first_start,"
                  " UNIX_TIMESTAMP() AS db_now"
                  " FROM enrolment e JOIN course c ON c.id = e.course_id"
                  " WHERE e.id = ? AND e.teacher_id = ?") + (lock ? " FOR UPDATE" : ""),
      enrolment_id, teacher_id);
  if (!r) return std::nullopt;
  return Held{r->i64("id"),   r->i64("course_id"),   status_of(*r), r->str("code"),
              r->str("title"), r->i64("first_start"), r->i64("db_now")};
}

void set_status(db::Connection& db, int64_t enrolment_id, EnrolmentStatus status,
                std::optional<int64_t> decided_by, const std::string& refusal_reason) {
  const bool approved = status == EnrolmentStatus::kApproved;
  const bool cancelled = status == EnrolmentStatus::kCancelled;
  const bool decided = approved || status == EnrolmentStatus::kRefused;
  db.execute("UPDATE enrolment SET status = ?,"
             " decided_at = IF(?, NOW(), decided_at), decided_by = IF(?, ?, decided_by),"
             " auto_decided = IF(?, FALSE, auto_decided),"
             " approved_at = IF(? AND approved_at IS NULL, NOW(), approved_at),"
             " cancelled_at = IF(?, NOW(), cancelled_at),"
             " refusal_reason = IF(? = '', refusal_reason, ?) WHERE id = ?",
             code(status), decided, decided, decided_by, decided, approved, cancelled,
             refusal_reason, refusal_reason, enrolment_id);
}

std::optional<Person> promote_next(db::Connection& db, const Seats& seats) {
  if (!domain::may_promote(seats.window)) return std::nullopt;
  const auto r = db.query_one(
      "SELECT e.id, e.teacher_id, t.name, t.email FROM enrolment e JOIN teacher t ON t.id = e.teacher_id"
      " WHERE e.course_id = ? AND e.status = 'waiting' ORDER BY e.waiting_since, e.id LIMIT 1 FOR UPDATE",
      seats.course_id);
  if (!r || !take_seat(db, seats.course_id)) return std::nullopt;
  const EnrolmentStatus next = seats.auto_review ? EnrolmentStatus::kApproved : EnrolmentStatus::kPending;
  const bool approved = next == EnrolmentStatus::kApproved;
  db.execute("UPDATE enrolment SET status = ?, promoted_at = NOW(), auto_decided = ?,"
             " decided_at = IF(?, NOW(), NULL), approved_at = IF(?, NOW(), approved_at) WHERE id = ?",
             code(next), approved, approved, approved, r->i64("id"));
  return Person{r->i64("id"), r->i64("teacher_id"), r->str("name"), r->str("email")};
}

std::vector<Applicant> applicants(db::Connection& db, int64_t course_id) {
  static const std::string sql =
      "SELECT a.id, a.teacher_id, a.status, t.name, u.name AS unit_name, t.title_name, t.email,"
      " IFNULL(t.position_category, '') AS position,"
      " t.phone, DATE_FORMAT(a.created_at, '%Y-%m-%d %H:%i') AS applied_at,"
      " DATE_FORMAT(a.decided_at, '%Y-%m-%d %H:%i') AS decided_at, a.refusal_reason, a.auto_decided,"
      " a.answers, IFNULL(d.position, 0) AS draw_position, IFNULL(d.won AND a.decided_at = c.drawn_at, FALSE) AS seat_from_draw"
      " FROM enrolment a JOIN course c ON c.id = a.course_id JOIN teacher t ON t.id = a.teacher_id"
      " LEFT JOIN unit u ON u.id = t.unit_id LEFT JOIN draw_entry d ON d.enrolment_id = a.id"
      " WHERE a.course_id = ?"
      " ORDER BY FIELD(a.status, 'pending', 'in_draw', 'waiting', 'approved', 'rejected', 'cancelled'),"
      " a.waiting_since, a.created_at, a.id";
  std::vector<Applicant> out;
  // The courses behind each applicant's light, for all applicants in one query.
  static const std::string missed_sql =
      "SELECT e.teacher_id, c.code, c.title FROM enrolment a JOIN enrolment e ON e.teacher_id = a.teacher_id"
      " JOIN course c ON c.id = e.course_id"
      " LEFT JOIN study_record r ON r.teacher_id = e.teacher_id AND r.course_id = e.course_id"
      " WHERE a.course_id = ? AND" + shared::missed_sql::condition() + " ORDER BY c.last_date, c.id";
  std::map<int64_t, std::vector<std::string>> missed;
  for (const auto& r : db.query(missed_sql, course_id, domain::state_code(domain::CourseState::kClosed))) {
    missed[r.i64("teacher_id")].push_back(r.str("title") + "（" + r.str("code") + "）");
  }
  for (const auto& r : db.query(sql, course_id)) {
    Applicant a;
    a.id = r.i64("id");
    a.teacher_id = r.i64("teacher_id");
    a.status = status_of(r);
    a.name = r.str("name");
    a.unit_name = r.str("unit_name");
    a.title_name = r.str("title_name");
    a.position = domain::position_label(r.str("position"));
    a.email = r.str("email");
    a.phone = r.str("phone");
    a.applied_at = r.str("applied_at");
    a.decided_at = r.str("decided_at");
    a.refusal_reason = r.str("refusal_reason");
    a.auto_decided = r.flag("auto_decided");
    a.missed_courses = missed[a.teacher_id];
    a.answers = r.str("answers");
    a.draw_position = r.i32("draw_position");
    a.seat_from_draw = r.flag("seat_from_draw");
    out.push_back(std::move(a));
  }
  return out;
}

std::optional<Person> person_of(db::Connection& db, int64_t enrolment_id, int64_t course_id) {
  const auto r = db.query_one(
      "SELECT e.id, e.teacher_id, t.name, t.email FROM enrolment e JOIN teacher t ON t.id = e.teacher_id"
      " WHERE e.id = ? AND e.course_id = ? FOR UPDATE",
      enrolment_id, course_id);
  if (!r) return std::nullopt;
  return Person{r->i64("id"), r->i64("teacher_id"), r->str("name"), r->str("email")};
}

std::vector<Person> active_enrolments(db::Connection& db, int64_t course_id) {
  std::vector<Person> out;
  for (const auto& r : db.query(
           "SELECT e.id, e.teacher_id, t.name, t.email FROM enrolment e JOIN teacher t ON t.id = e.teacher_id"
           " WHERE e.course_id = ? AND e.status IN ('pending', 'approved', 'waiting', 'in_draw') FOR UPDATE",
           course_id)) {
    out.push_back({r.i64("id"), r.i64("teacher_id"), r.str("name"), r.str("email")});
  }
  return out;
}

void cancel_all(db::Connection& db, int64_t course_id) {
  db.execute("UPDATE enrolment SET status = 'cancelled', cancelled_at = NOW()"
             " WHERE course_id = ? AND status IN ('pending', 'approved', 'waiting', 'in_draw')",
             course_id);
  db.execute("UPDATE course SET seats_taken = 0 WHERE id = ?", course_id);
}

}  // namespace enrolment::sql
