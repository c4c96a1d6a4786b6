// Sessions live in MariaDB (web_session): any worker on any host can serve any request.
#include "shared/access.h"

#include "shared/access_sql.h"

#include "core/security.h"
#include "domain/session_policy.h"
#include "domain/validation.h"

namespace shared::access {

namespace {
constexpr const char* kSessionCookie = "sid";
constexpr int kTouchEverySeconds = 60;

core::Role role_of(const std::string& code) {
  if (code == "teacher") return core::Role::kTeacher;
  if (code == "organizer") return core::Role::kOrganizer;
  if (code == "master") return core::Role::kMaster;
  if (code == "reviewer") return core::Role::kReviewer;
  if (code == "admin") return core::Role::kAdmin;
  return core::Role::kAnonymous;
}

void load_user(core::Context& cx, const std::string& token) {
  const std::string key = core::sha256_hex(token);
  const auto row = sql::find_session(cx.db(), key);
  // Idle and age come from the database clock (find_session), the same for every worker.
  const bool expired = row && domain::session_expired(cx.config().session, row->teacher_id != 0,
                                                      row->idle_seconds, row->age_seconds);
  if (!row || expired) {
    if (row) sql::delete_session(cx.db(), key);
    cx.clear_cookie(kSessionCookie);
    return;
  }
  core::User user;
  user.role = role_of(row->role);
  user.id = row->teacher_id != 0 ? row->teacher_id : row->account_id;
  user.name = row->display_name;
  user.unit_id = row->unit_id;
  user.unit_name = row->unit_name;
  user.records_only = row->records_only;
  user.home_version = row->home_version;
  user.db_today = row->today;
  user.signed_in_epoch = row->created_epoch;
  // Touched at most once a minute: last_seen_at lags the last request by up to 59 s, so the idle
  // limit counts from the last touch and may end a session up to 59 s early, never late.
  if (row->idle_seconds >= kTouchEverySeconds) sql::touch_session(cx.db(), key);
  cx.set_user(std::move(user), token);
}

// A new session (a new id each login: no fixation), replacing the one the browser had.
void start_session(core::Context& cx,
                   void (*insert)(db::Connection&, const std::string&, int64_t), int64_t id) {
  if (auto old = cx.req().cookie(kSessionCookie)) sql::delete_session(cx.db(), core::sha256_hex(*old));
  const std::string token = core::random_token();
  insert(cx.db(), core::sha256_hex(token), id);
  cx.set_cookie(kSessionCookie, token, static_cast<int>(cx.config().session.absolute_seconds));
  cx.clear_cookie("pre");
  load_user(cx, token);
}
}  // namespace

void load_session(core::Context& cx) {
  if (const auto token = cx.req().cookie(kSessionCookie)) load_user(cx, *token);
}

void start_teacher_session(core::Context& cx, int64_t teacher_id) {
  start_session(cx, sql::insert_teacher_session, teacher_id);
}

void start_account_session(core::Context& cx, int64_t account_id) {
  start_session(cx, sql::insert_account_session, account_id);
}

void end_session(core::Context& cx) {
  if (!cx.session_cookie().empty()) sql::delete_session(cx.db(), core::sha256_hex(cx.session_cookie()));
  cx.clear_cookie(kSessionCookie);
}

std::optional<course_store::Course> unit_course(core::Context& cx, const std::string& code) {
  if (!domain::is_course_code(code)) return std::nullopt;
  auto course = course_store::find(cx.db(), code);
  if (!course || course->unit_id != cx.user().unit_id) return std::nullopt;
  return course;
}

std::optional<course_store::Course> reviewable_course(core::Context& cx, const std::string& code) {
  if (!domain::is_course_code(code)) return std::nullopt;
  auto course = course_store::find(cx.db(), code);
  if (!course || course->review_unit_id != cx.user().unit_id) return std::nullopt;
  return course;
}

bool may_change(const core::User& user, const course_store::Course& course) {
  return user.role == core::Role::kMaster || course.organizer_id == user.id;
}

std::string actor_of(const core::User& user) {
  if (!user.signed_in()) return "-";
  return (user.is_teacher() ? "t:" : "b:") + std::to_string(user.id);
}

void audit(core::Context& cx, const std::string& action, const std::string& object,
           const std::string& detail) {
  audit_as(cx, actor_of(cx.user()), action, object, detail);
}

void audit_as(core::Context& cx, const std::string& actor, const std::string& action,
              const std::string& object, const std::string& detail) {
  sql::insert_audit(cx.db(), actor, action, object, detail, cx.req().remote_addr);
}

}  // namespace shared::access
