// Sessions live in MariaDB (web_session): any worker on any host can serve any request.
#include "app/access.h"

#include "core/security.h"

namespace app::access {

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

void load_user(core::Context& cx, const std::string& token);

// Stores a new session with a copy of who the user is; `who` selects the principal's row as
// (role, display name, unit id, unit name, records only).
void start_session(core::Context& cx, const char* column, int64_t id, const std::string& who) {
  if (auto old = cx.req().cookie(kSessionCookie)) {
    cx.db().execute("DELETE FROM web_session WHERE id_sha256 = ?", core::sha256_hex(*old));
  }
  const std::string token = core::random_token();
  const std::string sql = std::string("INSERT INTO web_session (id_sha256, ") + column +
                          ", role, display_name, unit_id, unit_name, records_only) SELECT ?, ?, " +
                          who;
  cx.db().execute(sql, core::sha256_hex(token), id, id);
  cx.set_cookie(kSessionCookie, token, cx.config().session_absolute_seconds);
  cx.clear_cookie("pre");
  load_user(cx, token);
}

void load_user(core::Context& cx, const std::string& token) {
  const std::string key = core::sha256_hex(token);
  // One primary-key read (and the teacher's row by primary key): the cost of every signed-in page.
  const auto row = cx.db().query_one(
      "SELECT s.teacher_id, s.account_id,"
      " TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW()), TIMESTAMPDIFF(SECOND, s.created_at, NOW()),"
      " s.role, s.display_name, s.unit_id, s.unit_name, s.records_only, t.home_version, CURDATE(),"
      " UNIX_TIMESTAMP(s.created_at)"
      " FROM web_session s LEFT JOIN teacher t ON t.id = s.teacher_id WHERE s.id_sha256 = ?",
      key);
  const bool expired = row && (row->i64(2) > cx.config().session_idle_seconds ||
                               row->i64(3) > cx.config().session_absolute_seconds);
  if (!row || expired) {
    if (row) cx.db().execute("DELETE FROM web_session WHERE id_sha256 = ?", key);
    cx.clear_cookie(kSessionCookie);
    return;
  }
  core::User user;
  user.role = role_of(row->str(4));
  user.id = row->is_null(0) ? row->i64(1) : row->i64(0);
  user.name = row->str(5);
  user.unit_id = row->i64(6);
  user.unit_name = row->str(7);
  user.records_only = row->i64(8) == 1;
  user.home_version = static_cast<uint64_t>(row->i64(9));
  user.db_today = row->str(10);
  user.signed_in_epoch = static_cast<long>(row->i64(11));
  if (row->i64(2) >= kTouchEverySeconds) {
    cx.db().execute("UPDATE web_session SET last_seen_at = NOW() WHERE id_sha256 = ?", key);
  }
  cx.set_user(std::move(user), token);
}
}  // namespace

void load_session(core::Context& cx) {
  if (const auto token = cx.req().cookie(kSessionCookie)) load_user(cx, *token);
}

void start_teacher_session(core::Context& cx, int64_t teacher_id) {
  // 第5條 as amended: not 在職, or no unit, means records only.
  start_session(cx, "teacher_id", teacher_id,
                "'teacher', t.name, t.unit_id, u.name, t.employment <> 'active' OR t.unit_id IS NULL"
                " FROM teacher t LEFT JOIN unit u ON u.id = t.unit_id WHERE t.id = ?");
}

void start_account_session(core::Context& cx, int64_t account_id) {
  start_session(cx, "account_id", account_id,
                "a.kind, a.display_name, a.unit_id, u.name, FALSE"
                " FROM business_account a JOIN unit u ON u.id = a.unit_id WHERE a.id = ?");
}

void end_session(core::Context& cx) {
  if (!cx.session_cookie().empty()) {
    cx.db().execute("DELETE FROM web_session WHERE id_sha256 = ?",
                    core::sha256_hex(cx.session_cookie()));
  }
  cx.clear_cookie(kSessionCookie);
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
  cx.db().execute(
      "INSERT INTO audit_log (actor, action, object, detail, address) VALUES (?, ?, ?, ?, ?)",
      actor, action, object, detail, cx.req().remote_addr);
}

}  // namespace app::access
