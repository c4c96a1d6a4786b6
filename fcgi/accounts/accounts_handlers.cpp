// Login (teachers by 身分證字號, business accounts by name) and logout, with throttling.
#include "accounts/accounts_handlers.h"

#include "accounts/accounts_sql.h"
#include "app/access.h"
#include "app/routes.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/national_id.h"
#include "sso/sso_handlers.h"

namespace accounts {

namespace {
constexpr int kMaxFailuresPerAccount = 10;   // in 15 minutes (SECURITY-CATALOGUE B11)
constexpr int kMaxFailuresPerAddress = 100;  // in 15 minutes; nginx also limits the rate

// Verified against when the account does not exist, so both cases take the same time.
const std::string& dummy_hash() {
  static const std::string hash = core::hash_password("no such account");
  return hash;
}

bool is_ascii(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// A 身分證字號 or 居留證號 is one letter then digits (the second may be a letter); an account typed
// that way, even a digit short or with a space, is an attempt at one and gets the ID message.
// Business account names are words, never a letter followed by seven or more digits.
bool looks_like_national_id(const std::string& s) {
  if (s.size() < 8 || s.size() > 12 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  int digits = 0;
  for (size_t i = 1; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c)) {
      ++digits;
    } else if (!(c == ' ' || (i == 1 && std::isalpha(c)))) {
      return false;
    }
  }
  return digits >= 7;
}

// Only local paths: never another host (open redirect, SECURITY-CATALOGUE B15).
std::string safe_next(const std::string& next) {
  // Long enough for an authorization request with a long state (nginx bounds the whole line).
  if (next.size() < 1 || next.size() > 6000 || next[0] != '/') return "";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "";
  for (char c : next) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return "";
  }
  return next;
}

struct LoginForm {
  std::string account;
  std::string next;
  std::string account_error;
  std::string password_error;
  std::string form_error;
};

core::Response show_login(core::Context& cx, const LoginForm& form, int status) {
  core::Page page(cx, "accounts/login.tpl", "登入");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("login"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("ACCOUNT", form.account);
  body.SetValue("NEXT", form.next);
  if (!form.account_error.empty()) body.SetValueAndShowSection("MESSAGE", form.account_error, "ACCOUNT_ERROR");
  if (!form.password_error.empty()) body.SetValueAndShowSection("MESSAGE", form.password_error, "PASSWORD_ERROR");
  if (!form.form_error.empty()) body.SetValueAndShowSection("MESSAGE", form.form_error, "FORM_ERROR");
  core::Response r = page.render(status);
  // Logging in on the way to a partner: the answer ends with a redirect to its site.
  if (const std::string origin = sso::partner_origin_for_next(cx, form.next); !origin.empty()) {
    r.header("Content-Security-Policy", core::content_security_policy(origin));
  }
  return r;
}

std::string home_of(const core::User& user) {
  return user.is_teacher() ? app::url_for("teacher.home") : app::url_for("office.home");
}
}  // namespace

core::Response login_form(core::Context& cx) {
  LoginForm form;
  form.next = safe_next(cx.req().query.get_or("next"));
  return show_login(cx, form, 200);
}

core::Response log_in(core::Context& cx) {
  LoginForm form;
  form.account = domain::normalize_national_id(cx.req().form.get_or("account"));
  form.next = safe_next(cx.req().form.get_or("next"));
  const std::string password = cx.req().form.get_or("password");

  if (form.account.empty()) form.account_error = "請輸入帳號（教師請輸入身分證字號）。";
  if (password.empty()) form.password_error = "請輸入密碼。";
  if (!form.account.empty() && !is_ascii(form.account)) {
    form.account_error = "帳號請使用半形英文字母與數字（請勿使用全形字）。";
  }
  const bool teacher = looks_like_national_id(form.account);
  if (form.account_error.empty() && teacher && !domain::is_valid_national_id(form.account)) {
    form.account_error = "身分證字號（或居留證號）格式不正確：請確認第一碼英文字母與最後一碼檢查碼。";
  }
  if (form.account.size() > 40) form.account_error = "帳號過長。";
  if (!form.account_error.empty() || !form.password_error.empty()) {
    if (form.account.size() > 40) form.account.resize(0);
    return show_login(cx, form, 422);
  }

  const std::string account_key = core::sha256_hex(form.account);
  const auto failures = sql::count_recent_failures(cx.db(), account_key, cx.req().remote_addr);
  if (failures.for_account >= kMaxFailuresPerAccount ||
      failures.from_address >= kMaxFailuresPerAddress) {
    form.form_error = "登入失敗次數過多，為保護帳號安全，請 15 分鐘後再試。";
    core::Response r = show_login(cx, form, 429);
    r.header("Retry-After", "900");
    return r;
  }

  const auto credentials = teacher ? sql::find_teacher_by_national_id(cx.db(), form.account)
                                   : sql::find_account_by_name(cx.db(), form.account);
  const bool password_ok =
      core::verify_password(credentials ? credentials->password_hash : dummy_hash(), password) &&
      credentials;
  if (!password_ok) {
    sql::record_failure(cx.db(), account_key, cx.req().remote_addr);
    form.form_error = "帳號或密碼錯誤，請再試一次。";
    return show_login(cx, form, 422);
  }
  if (!credentials->usable) {
    form.form_error = "此業務帳號尚未啟用或已停用，請洽貴單位總負責人（總負責人帳號請洽審課單位）。";
    return show_login(cx, form, 403);
  }

  if (teacher) {
    app::access::start_teacher_session(cx, credentials->id);
  } else {
    app::access::start_account_session(cx, credentials->id);
  }
  app::access::audit(cx, "login", "");
  return cx.see_other(form.next.empty() ? home_of(cx.user()) : form.next);
}

core::Response logout_form(core::Context& cx) {
  if (!cx.user().signed_in()) return cx.see_other(app::url_for("home"));
  core::Page page(cx, "accounts/logout.tpl", "登出");
  page.body().SetValue("ACTION", app::url_for("logout"));
  page.body().SetValue("CSRF_TOKEN", cx.csrf_token());
  return page.render();
}

core::Response log_out(core::Context& cx) {
  if (cx.user().signed_in()) {
    app::access::audit(cx, "logout", "");
    app::access::end_session(cx);
  }
  cx.flash("您已登出。");
  return cx.see_other(app::url_for("home"));
}

}  // namespace accounts
