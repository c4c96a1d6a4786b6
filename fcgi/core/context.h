// What a handler gets: the request, the signed-in user, the database, and response helpers.
#pragma once

#include <json/value.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/config.h"
#include "core/db.h"
#include "core/request.h"
#include "core/response.h"
#include "core/router.h"

namespace core {

enum class Role { kAnonymous, kTeacher, kOrganizer, kMaster, kReviewer, kAdmin };

struct User {
  Role role = Role::kAnonymous;
  int64_t id = 0;  // teacher.id or business_account.id
  std::string name;
  int64_t unit_id = 0;
  std::string unit_name;
  bool records_only = false;  // a teacher not 在職 or without a unit (第5條)
  uint64_t home_version = 0;  // teachers: changes whenever their homepage's data changes
  std::string db_today;       // the database's date when the session was read (Context::today)
  long signed_in_epoch = 0;   // when this session began: the last authentication (OIDC auth_time)
  bool signed_in() const { return role != Role::kAnonymous; }
  bool is_teacher() const { return role == Role::kTeacher; }
  bool is_business() const { return signed_in() && !is_teacher(); }
};

bool user_may(const User& user, Who who);

// How long a reading of the database's date stays true, given the whole seconds the database
// had left until its midnight (TIMESTAMPDIFF of NOW(), whose fraction is dropped, so the true
// remainder may be up to a second less): one second less than that, and at most a minute, so a
// step of the database's clock shows within a minute.
std::chrono::seconds date_kept_for(int64_t seconds_to_midnight);

class Context {
 public:
  Context(Request& request, db::Connection& db, const Config& config)
      : request_(request), db_(db), config_(config) {}

  const Request& req() const { return request_; }
  db::Connection& db() { return db_; }
  const Config& config() const { return config_; }
  const Route* route() const { return route_; }
  void set_route(const Route* route, std::map<std::string, std::string> params);
  // For answers without a route of their own (405): the format of the path's other routes.
  void answer_as(Format format) { format_ = format; }
  std::string param(const std::string& name) const;

  // The database's date ("2026-12-02"): the one clock of every rule that depends on the day, so
  // that application hosts whose clocks differ still agree. Read with the session when there is
  // one; otherwise this worker's last reading, carried forward (date_kept_for), so a page drawn
  // for a visitor costs no statement for its 列印日期.
  const std::string& today();

  // Forgets what a first attempt at the request set (user, cookies, flash, today) before the
  // pipeline runs it again on a fresh database connection.
  void reset_attempt();

  const User& user() const { return user_; }
  void set_user(User user, std::string session_cookie);
  const std::string& session_cookie() const { return session_cookie_; }

  // The token every POST form carries: an HMAC of the session (or pre-session) cookie, so it
  // changes when the session id rotates at login.
  std::string csrf_token();
  bool csrf_ok() const;

  // Cookies to send with whatever response goes out.
  void set_cookie(const std::string& name, const std::string& value, int max_age_seconds);
  void clear_cookie(const std::string& name) { set_cookie(name, "", 0); }
  const std::vector<std::string>& outgoing_cookies() const { return cookies_; }

  // A one-time message shown on the next page (after a redirect).
  void flash(const std::string& message);
  std::string take_flash();

  Response see_other(const std::string& location) const { return Response::see_other(location); }
  Response json(const Json::Value& value, int status = 200) const { return Response::json(status, value); }
  bool wants_json() const;

  // Error answers from one place (STYLE §5): an HTML page, or the API's JSON shape.
  Response error(int status, const std::string& title, const std::string& message,
                 const std::string& api_code = "");
  Response not_found();
  Response forbidden(const std::string& message = "");
  Response conflict(const std::string& message);

 private:
  Request& request_;
  db::Connection& db_;
  const Config& config_;
  const Route* route_ = nullptr;
  std::optional<Format> format_;
  std::map<std::string, std::string> params_;
  User user_;
  std::string session_cookie_;
  std::string today_;
  std::string pre_session_;  // anonymous visitors' cookie that keys their CSRF token
  std::vector<std::string> cookies_;
  bool flash_taken_ = false;
};

}  // namespace core
