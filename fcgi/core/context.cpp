// Context: role checks, CSRF tokens, cookies, flash messages and error answers.
#include "core/context.h"

#include "core/security.h"
#include "core/view.h"

#include <algorithm>
#include <mutex>

namespace core {

namespace {
constexpr const char* kPreSessionCookie = "pre";
constexpr const char* kFlashCookie = "flash";
constexpr size_t kTokenLength = 43;  // base64url of 32 bytes
}  // namespace

bool user_may(const User& user, Who who) {
  switch (who) {
    case Who::kAnyone: return true;
    case Who::kSignedIn: return user.signed_in();
    case Who::kTeacher: return user.role == Role::kTeacher;
    case Who::kBusiness: return user.is_business();
    case Who::kOrganizer: return user.role == Role::kOrganizer || user.role == Role::kMaster;
    case Who::kMaster: return user.role == Role::kMaster;
    case Who::kReviewer: return user.role == Role::kReviewer;
    case Who::kAdmin: return user.role == Role::kAdmin;
    case Who::kPartnerApi: return false;  // authenticated by token in the API area
  }
  return false;
}

void Context::set_route(const Route* route, std::map<std::string, std::string> params) {
  route_ = route;
  params_ = std::move(params);
}

std::string Context::param(const std::string& name) const {
  auto it = params_.find(name);
  return it == params_.end() ? std::string() : it->second;
}

std::chrono::seconds date_kept_for(int64_t seconds_to_midnight) {
  return std::chrono::seconds(std::clamp<int64_t>(seconds_to_midnight - 1, 0, 60));
}

const std::string& Context::today() {
  if (!today_.empty()) return today_;
  if (!user_.db_today.empty()) return today_ = user_.db_today;
  struct Reading {
    std::string date;
    std::chrono::steady_clock::time_point good_until;
  };
  static std::mutex mutex;
  static Reading kept;
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (now < kept.good_until) return today_ = kept.date;
  }
  const auto r = db_.query_one("SELECT CURDATE(), TIMESTAMPDIFF(SECOND, NOW(), CURDATE() + INTERVAL 1 DAY)");
  today_ = r->str(0);
  std::lock_guard<std::mutex> lock(mutex);
  kept = Reading{today_, now + date_kept_for(r->i64(1))};
  return today_;
}

void Context::reset_attempt() {
  user_ = User();
  session_cookie_.clear();
  pre_session_.clear();
  today_.clear();
  cookies_.clear();
  flash_taken_ = false;
}

void Context::set_user(User user, std::string session_cookie) {
  user_ = std::move(user);
  session_cookie_ = std::move(session_cookie);
}

std::string Context::csrf_token() {
  if (!session_cookie_.empty()) return hmac_sha256_b64(config_.secret, "csrf:" + session_cookie_);
  if (pre_session_.empty()) {
    auto existing = request_.cookie(kPreSessionCookie);
    if (existing && existing->size() == kTokenLength) {
      pre_session_ = *existing;
    } else {
      pre_session_ = random_token();
      set_cookie(kPreSessionCookie, pre_session_, 12 * 3600);
    }
  }
  return hmac_sha256_b64(config_.secret, "csrf:" + pre_session_);
}

bool Context::csrf_ok() const {
  const auto sent = request_.form.get("csrf");
  if (!sent) return false;
  std::string key = session_cookie_;
  if (key.empty()) {
    auto pre = request_.cookie(kPreSessionCookie);
    if (!pre || pre->size() != kTokenLength) return false;
    key = *pre;
  }
  return constant_time_equal(*sent, hmac_sha256_b64(config_.secret, "csrf:" + key));
}

void Context::set_cookie(const std::string& name, const std::string& value, int max_age_seconds) {
  std::string c = name + "=" + value + "; Path=/; Max-Age=" + std::to_string(max_age_seconds) +
                  "; HttpOnly; SameSite=Lax";
  if (request_.https) c += "; Secure";
  cookies_.push_back(std::move(c));
}

void Context::flash(const std::string& message) {
  set_cookie(kFlashCookie, url_encode(message), 60);
}

std::string Context::take_flash() {
  if (flash_taken_) return "";
  flash_taken_ = true;
  auto raw = request_.cookie(kFlashCookie);
  if (!raw || raw->empty()) return "";
  clear_cookie(kFlashCookie);
  return url_decode(*raw, false);
}

bool Context::wants_json() const {
  if (route_) return route_->format == Format::kJson;
  if (format_) return *format_ == Format::kJson;
  // No route: an unknown address. A program that asked for JSON gets JSON.
  return request_.accept.find("application/json") != std::string::npos &&
         request_.accept.find("text/html") == std::string::npos;
}

Response Context::error(int status, const std::string& title, const std::string& message,
                        const std::string& api_code) {
  if (wants_json()) {
    Json::Value body;
    body["error"]["code"] = api_code.empty() ? std::string(status_text(status)) : api_code;
    body["error"]["message"] = message;
    body["error"]["request_id"] = request_.request_id;
    return Response::json(status, body);
  }
  return render_error_page(*this, status, title, message);
}

Response Context::not_found() {
  return error(404, "找不到頁面", "您要找的頁面或資料不存在，或您沒有權限查看。", "not_found");
}

Response Context::forbidden(const std::string& message) {
  return error(403, "沒有權限",
               message.empty() ? "您的帳號沒有使用這個功能的權限。" : message, "forbidden");
}

Response Context::conflict(const std::string& message) {
  return error(409, "目前無法執行", message, "conflict");
}

}  // namespace core
