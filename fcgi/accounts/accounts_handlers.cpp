// Login (teachers by 身分證字號, business accounts by name) and logout, with throttling.
#include "accounts/accounts_handlers.h"

#include "accounts/accounts_sql.h"
#include "accounts/second_factor.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "app/routes.h"
#include "core/form.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/national_id.h"
#include "sso/sso_handlers.h"

namespace accounts {

namespace {

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

// Only local paths: never another host (no open redirect).
std::string safe_next(const std::string& next) {
  // Long enough for an authorization request with a long state (nginx bounds the whole line).
  if (next.size() < 1 || next.size() > 6000 || next[0] != '/') return "";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "";
  for (char c : next) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return "";
  }
  return next;
}

// Why a business account with the right password cannot log in (第4條: only once approved), or
// nullptr when it may.
const char* refusal_of(domain::AccountState state) {
  switch (state) {
    case domain::AccountState::kActive:
      return nullptr;
    case domain::AccountState::kPending:
      return "此業務帳號尚未啟用：申請正在審核中（承辦人由貴單位總負責人核准，總負責人由審課單位核准），"
             "核准後會寄信通知您。";
    case domain::AccountState::kRefused:
      return "此業務帳號的申請未獲核准，無法登入；理由已寄至申請時填寫的電子郵件信箱。";
    case domain::AccountState::kDisabled:
      return "此業務帳號已停用，請洽貴單位總負責人（總負責人帳號請洽審課單位）。";
    case domain::AccountState::kDeleted:
      return "此業務帳號已刪除，無法登入；如需使用請重新申請新的業務帳號。";
  }
  return nullptr;
}

// The password is read through the table like the rest but never shown again.
const core::FormSpec kLoginForm = {
    {"account", "帳號"},
    {"password", "密碼"},
    {"next", "登入後前往"},
};

core::Response show_login(core::Context& cx, const core::Form& form, const std::string& next,
                          int status) {
  core::Page page(cx, "accounts/login.tpl", "登入");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("login"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  shared::fill_form(body, form);
  body.SetValue("NEXT", next);
  body.SetValue("FORGOT_URL", app::url_for("password.forgot.form"));
  body.SetValue("SIGNUP_URL", app::url_for("signup.form"));
  body.SetValue("APPLY_URL", app::url_for("accounts.apply.form"));
  // Wrong credentials are not one field's fault: said once, above the form.
  const std::string refusal = form.errors().message("form");
  if (!refusal.empty()) body.SetValueAndShowSection("MESSAGE", refusal, "FORM_ERROR");
  core::Response r = page.render(status);
  // Logging in on the way to a partner: the answer ends with a redirect to its site.
  if (const std::string origin = sso::partner_origin_for_next(cx, next); !origin.empty()) {
    r.header("Content-Security-Policy", core::content_security_policy(origin));
  }
  return r;
}
}  // namespace

core::Response login_form(core::Context& cx) {
  return show_login(cx, core::Form(kLoginForm), safe_next(cx.req().query.get_or("next")), 200);
}

core::Response log_in(core::Context& cx) {
  core::Form form(kLoginForm, cx.req().form);
  const std::string typed = form.text("account");
  const std::string next = safe_next(form.raw("next"));
  const std::string password = form.raw("password");
  const bool teacher = looks_like_national_id(domain::normalize_national_id(typed));
  // An ID is shown back as it is checked (upper-case); an account name as it was typed.
  const std::string account = teacher ? domain::normalize_national_id(typed) : typed;
  form.set_raw("account", account);
  form.set_raw("password", "");
  auto& errors = form.errors();
  if (account.empty()) errors.add("account", "請輸入帳號（教師請輸入身分證字號）。");
  if (password.empty()) errors.add("password", "請輸入密碼。");
  if (account.size() > 40) {
    errors.add("account", "帳號過長。");
    form.set_raw("account", "");
  } else if (!account.empty() && !is_ascii(account)) {
    errors.add("account", "帳號請使用半形英文字母與數字（請勿使用全形字）。");
  } else if (teacher && !domain::is_valid_national_id(account)) {
    errors.add("account", "身分證字號（或居留證號）格式不正確：請確認第一碼英文字母與最後一碼檢查碼。");
  }
  if (!form.ok()) return show_login(cx, form, next, 422);

  const std::string account_key = sql::failure_key(account);
  const auto failures = sql::count_recent_failures(cx.db(), account_key, cx.req().remote_addr);
  if (failures.for_account >= sql::kMaxFailuresPerAccount ||
      failures.from_address >= sql::kMaxFailuresPerAddress) {
    errors.add("form", "登入失敗次數過多，為保護帳號安全，請 15 分鐘後再試。");
    core::Response r = show_login(cx, form, next, 429);
    r.header("Retry-After", "900");
    return r;
  }

  const auto credentials = teacher ? sql::find_teacher_by_national_id(cx.db(), account)
                                   : sql::find_account_by_name(cx.db(), account);
  const bool password_ok =
      core::verify_password(credentials ? credentials->password_hash : dummy_hash(), password) &&
      credentials;
  if (!password_ok) {
    sql::record_failure(cx.db(), account_key, cx.req().remote_addr);
    errors.add("form", "帳號或密碼錯誤，請再試一次。");
    return show_login(cx, form, next, 422);
  }
  if (const char* why = refusal_of(credentials->state)) {
    errors.add("form", why);
    return show_login(cx, form, next, 403);
  }

  if (teacher) {
    shared::access::start_teacher_session(cx, credentials->id);
  } else if (second_factor_due(cx, credentials->id)) {
    return challenge(cx, credentials->id, next);  // the session begins once the factor is passed
  } else {
    shared::access::start_account_session(cx, credentials->id);
  }
  shared::access::audit(cx, "login", "");
  return cx.see_other(next.empty() ? app::home_of(cx.user()).url : next);
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
    shared::access::audit(cx, "logout", "");
    shared::access::end_session(cx);
  }
  cx.flash("您已登出。");
  return cx.see_other(app::url_for("home"));
}

}  // namespace accounts
