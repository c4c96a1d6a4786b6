// Sessions live in MariaDB (web_session): any worker on any host can serve any request.
#include "app/access.h"

#include "core/security.h"

namespace app::access {

namespace {
constexpr const char* kSessionCookie = "sid";
constexpr int kTouchEverySeconds = 60;

core::Role role_of_account(const std::string& kind) {
  if (kind == "organizer") return core::Role::kOrganizer;
  if (kind == "master") return core::Role::kMaster;
  if (kind == "reviewer") return core::Role::kReviewer;
  if (kind == "admin") return core::Role::kAdmin;
  return core::Role::kAnonymous;
}

void load_user(core::Context& cx, const std::string& token);

void start_session(core::Context& cx, const char* column, int64_t id) {
  if (auto old = cx.req().cookie(kSessionCookie)) {
    cx.db().execute("DELETE FROM web_session WHERE id_sha256 = ?", core::sha256_hex(*old));
  }
  const std::string token = core::random_token();
  const std::string sql = std::string("INSERT INTO web_session (id_sha256, ") + column +
                          ") VALUES (?, ?)";
  cx.db().execute(sql, core::sha256_hex(token), id);
  cx.set_cookie(kSessionCookie, token, cx.config().session_absolute_seconds);
  cx.clear_cookie("pre");
  load_user(cx, token);
}

void load_user(core::Context& cx, const std::string& token) {
  const std::string key = core::sha256_hex(token);
  // One query: the session, its expiry clocks and the user behind it.
  const auto row = cx.db().query_one(
      "SELECT s.teacher_id, s.account_id,"
      " TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW()), TIMESTAMPDIFF(SECOND, s.created_at, NOW()),"
      " COALESCE(t.name, a.display_name), COALESCE(t.unit_id, a.unit_id), u.name,"
      " a.kind, t.employment, a.approved_at IS NOT NULL AND a.disabled_at IS NULL"
      " FROM web_session s"
      " LEFT JOIN teacher t ON t.id = s.teacher_id"
      " LEFT JOIN business_account a ON a.id = s.account_id"
      " LEFT JOIN unit u ON u.id = COALESCE(t.unit_id, a.unit_id)"
      " WHERE s.id_sha256 = ?",
      key);
  const bool expired = row && (row->i64(2) > cx.config().session_idle_seconds ||
                               row->i64(3) > cx.config().session_absolute_seconds);
  const bool account_usable = row && (row->is_null(1) || row->i64(9) == 1);
  if (!row || expired || !account_usable) {
    if (row) cx.db().execute("DELETE FROM web_session WHERE id_sha256 = ?", key);
    cx.clear_cookie(kSessionCookie);
    return;
  }
  core::User user;
  user.name = row->str(4);
  user.unit_id = row->i64(5);
  user.unit_name = row->str(6);
  if (!row->is_null(0)) {
    user.role = core::Role::kTeacher;
    user.id = row->i64(0);
    // 第5條 as amended: not 在職, or no unit, means records only.
    user.records_only = row->str(8) != "active" || row->is_null(5);
  } else {
    user.role = role_of_account(row->str(7));
    user.id = row->i64(1);
  }
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
  start_session(cx, "teacher_id", teacher_id);
}

void start_account_session(core::Context& cx, int64_t account_id) {
  start_session(cx, "account_id", account_id);
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
  cx.db().execute(
      "INSERT INTO audit_log (actor, action, object, detail, address) VALUES (?, ?, ?, ?, ?)",
      actor_of(cx.user()), action, object, detail, cx.req().remote_addr);
}

}  // namespace app::access
