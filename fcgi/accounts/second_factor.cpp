// 雙因素驗證: TOTP codes from an authenticator app (core/totp.h), one-time recovery codes, and
// the login challenge between a right password and the factor (ASVS V2.8, RFC 6238).
#include "accounts/second_factor.h"

#include <vector>

#include "accounts/accounts_sql.h"
#include "accounts/second_factor_sql.h"
#include "app/routes.h"
#include "core/form.h"
#include "core/security.h"
#include "core/totp.h"
#include "core/view.h"
#include "domain/second_factor.h"
#include "domain/validation.h"
#include "files/qr_svg.h"
#include "mail/mail.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"

namespace accounts {

namespace {
using core::FieldKind;

constexpr const char* kChallengeCookie = "mfa";
constexpr const char* kIssuer = "全國教師在職進修資訊網";

const core::FormSpec kCodeForm = {{"code", "驗證碼", FieldKind::kText, true, 40}};
const core::FormSpec kRenewForm = {{"renew_code", "驗證碼", FieldKind::kText, true, 40}};
const core::FormSpec kDisableForm = {{"disable_code", "驗證碼", FieldKind::kText, true, 40}};

enum class Check { kTotp, kRecovery, kReplayed, kWrong };

// Checks a typed code against the account's factor (read FOR UPDATE) and, when it is right,
// uses it up: the time step is accepted once, a recovery code is marked used.
Check check_code(db::Connection& db, const sql::Factor& f, const std::string& typed, bool recovery_allowed) {
  if (f.secret.empty()) return Check::kWrong;
  if (const auto code = domain::typed_totp_code(typed)) {
    const auto step = core::totp::matching_step(f.secret, f.now_unix, *code);
    if (!step) return Check::kWrong;
    if (!domain::step_is_fresh(*step, f.last_step) || !sql::accept_step(db, f.account_id, *step)) {
      return Check::kReplayed;
    }
    return Check::kTotp;
  }
  if (!recovery_allowed) return Check::kWrong;
  const auto code = domain::typed_recovery_code(typed);
  if (code && sql::use_recovery_code(db, f.account_id, core::sha256_hex(*code))) return Check::kRecovery;
  return Check::kWrong;
}

std::string refusal_of(Check check, bool setting_up) {
  if (check == Check::kReplayed) {
    return "這組驗證碼已經使用過：請等驗證器 App 顯示下一組驗證碼（每 30 秒更換一次）再輸入。";
  }
  if (setting_up) {
    return "驗證碼不正確：請以驗證器 App 掃描上方的 QR Code（或輸入金鑰）後，輸入它目前顯示的 6 位數字。";
  }
  return "驗證碼不正確：請輸入驗證器 App 目前顯示的 6 位數字，或一組尚未用過的備用復原碼。";
}

bool locked_out(core::Context& cx, const std::string& account_name) {
  const auto failures = sql::count_recent_failures(cx.db(), sql::failure_key(account_name), cx.req().remote_addr);
  return failures.for_account >= sql::kMaxFailuresPerAccount || failures.from_address >= sql::kMaxFailuresPerAddress;
}
constexpr const char* kLockedOut = "驗證失敗次數過多，為保護帳號安全，請 15 分鐘後再試。";

void record_wrong_code(core::Context& cx, const sql::Factor& f) {
  sql::record_failure(cx.db(), sql::failure_key(f.account_name), cx.req().remote_addr);
}

void tell_owner(core::Context& cx, const sql::Factor& f, const std::string& subject, const std::string& what) {
  if (!domain::is_valid_email(f.email)) return;
  mail::enqueue(cx.db(), {f.email, "【全國教師在職進修資訊網】" + subject,
                          f.display_name + " 您好：\n\n您的業務帳號（" + f.account_name + "）" + what +
                              "\n\n若不是您本人操作，請立即變更密碼，並聯絡貴單位總負責人或系統管理者。\n\n全國教師在職進修資訊網\n"});
}

std::vector<std::string> new_recovery_codes(db::Connection& db, int64_t account_id) {
  std::vector<std::string> codes, hashes;
  for (int i = 0; i < domain::kRecoveryCodes; ++i) {
    codes.push_back(domain::recovery_code_from_bytes(core::random_bytes(domain::kRecoveryCodeLength)));
    hashes.push_back(core::sha256_hex(codes.back()));
  }
  sql::replace_recovery_codes(db, account_id, hashes);
  return codes;
}

// Shown once, right after they are made: only their hashes are kept.
core::Response show_recovery_codes(core::Context& cx, const std::vector<std::string>& codes,
                                   const std::string& intro, const std::string& continue_url) {
  core::Page page(cx, "accounts/recovery_codes.tpl", "備用復原碼");
  auto& body = page.body();
  body.SetValue("INTRO", intro);
  body.SetValue("CONTINUE_URL", continue_url);
  for (const auto& code : codes) body.AddSectionDictionary("CODE")->SetValue("VALUE", domain::display_recovery_code(code));
  core::Response r = page.render();
  r.header("Cache-Control", "no-store");
  return r;
}

// The factor with a secret to set up: the one being set up, or a new one.
sql::Factor with_pending_secret(db::Connection& db, int64_t account_id) {
  auto f = sql::factor_of(db, account_id, false);
  if (f->secret.empty()) {
    sql::set_pending_secret(db, account_id, core::totp::new_secret());
    f = sql::factor_of(db, account_id, false);
  }
  return *f;
}

std::string grouped(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back(' ');
    out.push_back(text[i]);
  }
  return out;
}

core::Response qr_of(const sql::Factor& f) {
  core::Response r;
  r.body = files::qr_svg(core::totp::provisioning_uri(kIssuer, f.account_name, f.secret));
  r.header("Content-Type", "image/svg+xml");
  r.header("Cache-Control", "no-store");
  return r;
}

// The setup page, at login (the role requires a factor) or from the account's own page.
core::Response show_setup(core::Context& cx, const sql::Factor& f, core::Form& form, bool at_login, int status) {
  form.set_raw("code", "");
  core::Page page(cx, "accounts/second_factor_setup.tpl", "設定雙因素驗證");
  auto& body = page.body();
  body.SetValue("QR_URL", app::url_for(at_login ? "login.second_factor.qr" : "account.second_factor.qr"));
  body.SetValue("SECRET", grouped(core::totp::base32(f.secret)));
  body.SetValue("ACCOUNT_NAME", f.account_name);
  body.SetValue("ACTION", app::url_for(at_login ? "login.second_factor" : "account.second_factor.enable"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  const bool required = domain::second_factor_required(f.kind);
  if (at_login) {
    body.SetValueAndShowSection("CANCEL_URL", app::url_for("login.form"), "AT_LOGIN");
  } else {
    body.SetValueAndShowSection("HOME_URL", app::home_of(cx.user()).url, "SIGNED_IN");
  }
  body.ShowSection(required ? "REQUIRED" : "OPTIONAL");
  shared::fill_form(body, form);
  core::Response r = page.render(status);
  r.header("Cache-Control", "no-store");
  return r;
}

core::Response show_code_form(core::Context& cx, core::Form& form, int status) {
  form.set_raw("code", "");
  core::Page page(cx, "accounts/second_factor_login.tpl", "雙因素驗證");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("login.second_factor"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("CANCEL_URL", app::url_for("login.form"));
  shared::fill_form(body, form);
  return page.render(status);
}

struct OpenChallenge {
  std::string key;
  sql::Challenge challenge;
};
std::optional<OpenChallenge> open_challenge(core::Context& cx, bool lock) {
  const auto cookie = cx.req().cookie(kChallengeCookie);
  if (!cookie) return std::nullopt;
  const std::string key = core::sha256_hex(*cookie);
  auto challenge = sql::live_challenge(cx.db(), key, lock);
  if (!challenge) return std::nullopt;
  return OpenChallenge{key, *challenge};
}

core::Response start_over(core::Context& cx, const std::string& why) {
  cx.clear_cookie(kChallengeCookie);
  cx.flash(why);
  return cx.see_other(app::url_for("login.form"));
}
constexpr const char* kChallengeGone = "登入驗證已逾時（5 分鐘）或無效，請重新輸入帳號與密碼。";

// The factor is passed: the challenge ends and the session begins under a new id.
void finish_login(core::Context& cx, const OpenChallenge& open) {
  sql::delete_challenge(cx.db(), open.key);
  cx.clear_cookie(kChallengeCookie);
  shared::access::start_account_session(cx, open.challenge.account_id);
}

std::string landing_of(core::Context& cx, const OpenChallenge& open) {
  return open.challenge.next_path.empty() ? app::home_of(cx.user()).url : open.challenge.next_path;
}

core::Response show_enabled(core::Context& cx, const sql::Factor& f, core::Form& renew, core::Form& disable,
                            int status) {
  renew.set_raw("renew_code", "");
  disable.set_raw("disable_code", "");
  core::Page page(cx, "accounts/second_factor.tpl", "雙因素驗證");
  auto& body = page.body();
  body.SetValue("HOME_URL", app::home_of(cx.user()).url);
  body.SetValue("ENABLED_AT", shared::roc_datetime(f.enabled_at));
  body.SetIntValue("UNUSED_CODES", sql::unused_recovery_codes(cx.db(), f.account_id));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("RENEW_ACTION", app::url_for("account.second_factor.renew"));
  body.SetValue("DISABLE_ACTION", app::url_for("account.second_factor.disable"));
  body.ShowSection(domain::second_factor_required(f.kind) ? "REQUIRED" : "OPTIONAL");
  shared::fill_form(body, renew);
  shared::fill_form(body, disable);
  return page.render(status);
}

core::Response show_own_page(core::Context& cx, int status = 200) {
  core::Form renew(kRenewForm), disable(kDisableForm), code(kCodeForm);
  const auto f = sql::factor_of(cx.db(), cx.user().id, false);
  if (!f) return cx.not_found();
  if (f->enabled) return show_enabled(cx, *f, renew, disable, status);
  return show_setup(cx, with_pending_secret(cx.db(), cx.user().id), code, false, status);
}
}  // namespace

bool second_factor_due(core::Context& cx, int64_t account_id) {
  const auto f = sql::factor_of(cx.db(), account_id, false);
  return f && (f->enabled || domain::second_factor_required(f->kind));
}

core::Response challenge(core::Context& cx, int64_t account_id, const std::string& next) {
  const std::string token = core::random_token();
  sql::insert_challenge(cx.db(), core::sha256_hex(token), account_id, next);
  cx.set_cookie(kChallengeCookie, token, sql::kChallengeMinutes * 60);
  shared::access::audit_as(cx, "b:" + std::to_string(account_id), "login.password", "");
  return cx.see_other(app::url_for("login.second_factor.form"));
}

core::Response second_factor_form(core::Context& cx) {
  const auto open = open_challenge(cx, false);
  if (!open) return start_over(cx, kChallengeGone);
  core::Form form(kCodeForm);
  const auto f = sql::factor_of(cx.db(), open->challenge.account_id, false);
  if (!f) return start_over(cx, kChallengeGone);
  if (f->enabled) return show_code_form(cx, form, 200);
  return show_setup(cx, with_pending_secret(cx.db(), f->account_id), form, true, 200);
}

core::Response login_setup_qr(core::Context& cx) {
  const auto open = open_challenge(cx, false);
  if (!open) return cx.not_found();
  const auto f = sql::factor_of(cx.db(), open->challenge.account_id, false);
  // Only a secret still being set up is ever drawn: an enabled one never leaves the server again.
  if (!f || f->enabled || f->secret.empty()) return cx.not_found();
  return qr_of(*f);
}

core::Response pass_second_factor(core::Context& cx) {
  core::Form form(kCodeForm, cx.req().form);
  db::Transaction tx(cx.db());
  const auto open = open_challenge(cx, true);
  if (!open) return start_over(cx, kChallengeGone);
  const auto f = sql::factor_of(cx.db(), open->challenge.account_id, true);
  if (!f) return start_over(cx, kChallengeGone);
  auto show_again = [&](int status) {
    return f->enabled ? show_code_form(cx, form, status) : show_setup(cx, *f, form, true, status);
  };
  if (locked_out(cx, f->account_name)) {
    form.errors().add("form", kLockedOut);
    core::Response r = show_again(429);
    r.header("Retry-After", "900");
    return r;
  }
  if (!form.ok()) return show_again(422);

  const Check check = check_code(cx.db(), *f, form.raw("code"), f->enabled);
  if (check == Check::kReplayed || check == Check::kWrong) {
    record_wrong_code(cx, *f);
    if (open->challenge.wrong_codes + 1 >= sql::kMaxWrongCodes) {
      sql::delete_challenge(cx.db(), open->key);
      tx.commit();
      return start_over(cx, "驗證碼錯誤次數過多，請重新輸入帳號與密碼。");
    }
    sql::count_wrong_code(cx.db(), open->key);
    tx.commit();
    form.errors().add("code", refusal_of(check, !f->enabled));
    return show_again(422);
  }

  if (!f->enabled) {  // set up at login, as the role requires: confirmed by this first code
    sql::enable_factor(cx.db(), f->account_id);
    const auto codes = new_recovery_codes(cx.db(), f->account_id);
    finish_login(cx, *open);
    shared::access::audit(cx, "second_factor.enable", "b:" + std::to_string(f->account_id));
    shared::access::audit(cx, "login", "");
    tell_owner(cx, *f, "已啟用雙因素驗證", "剛剛設定了驗證器 App（雙因素驗證），今後登入時需輸入它顯示的驗證碼。");
    tx.commit();
    return show_recovery_codes(cx, codes, "雙因素驗證已啟用，您已登入。", landing_of(cx, *open));
  }

  finish_login(cx, *open);
  shared::access::audit(cx, "login", "", check == Check::kRecovery ? "recovery code" : "totp");
  if (check == Check::kRecovery) {
    const int64_t left = sql::unused_recovery_codes(cx.db(), f->account_id);
    tell_owner(cx, *f, "以備用復原碼登入",
               "剛剛以一組備用復原碼登入，尚餘 " + std::to_string(left) + " 組未使用。");
    cx.flash("您以備用復原碼登入，尚餘 " + std::to_string(left) +
             " 組；請到「雙因素驗證」頁產生新的備用復原碼，或重新設定驗證器。");
  }
  tx.commit();
  return cx.see_other(landing_of(cx, *open));
}

core::Response second_factor_page(core::Context& cx) { return show_own_page(cx); }

core::Response account_setup_qr(core::Context& cx) {
  const auto f = sql::factor_of(cx.db(), cx.user().id, false);
  if (!f || f->enabled || f->secret.empty()) return cx.not_found();
  return qr_of(*f);
}

core::Response enable_second_factor(core::Context& cx) {
  core::Form form(kCodeForm, cx.req().form);
  db::Transaction tx(cx.db());
  const auto f = sql::factor_of(cx.db(), cx.user().id, true);
  if (!f) return cx.not_found();
  if (f->enabled) {
    cx.flash("雙因素驗證已經啟用。");
    return cx.see_other(app::url_for("account.second_factor"));
  }
  if (f->secret.empty()) return show_setup(cx, with_pending_secret(cx.db(), cx.user().id), form, false, 409);
  if (!form.ok()) return show_setup(cx, *f, form, false, 422);
  const Check check = check_code(cx.db(), *f, form.raw("code"), false);
  if (check != Check::kTotp) {
    form.errors().add("code", refusal_of(check, true));
    return show_setup(cx, *f, form, false, 422);
  }
  sql::enable_factor(cx.db(), f->account_id);
  const auto codes = new_recovery_codes(cx.db(), f->account_id);
  // A privilege change: every session of the account ends (trigger) and this one goes on anew.
  shared::access::start_account_session(cx, f->account_id);
  shared::access::audit(cx, "second_factor.enable", "b:" + std::to_string(f->account_id));
  tell_owner(cx, *f, "已啟用雙因素驗證", "剛剛設定了驗證器 App（雙因素驗證），今後登入時需輸入它顯示的驗證碼。");
  tx.commit();
  return show_recovery_codes(cx, codes, "雙因素驗證已啟用，其他裝置上的登入已全部登出。",
                             app::url_for("account.second_factor"));
}

core::Response renew_recovery_codes(core::Context& cx) {
  core::Form renew(kRenewForm, cx.req().form), disable(kDisableForm);
  db::Transaction tx(cx.db());
  const auto f = sql::factor_of(cx.db(), cx.user().id, true);
  if (!f) return cx.not_found();
  if (!f->enabled) return show_own_page(cx, 409);
  if (locked_out(cx, f->account_name)) {
    renew.errors().add("form", kLockedOut);
    return show_enabled(cx, *f, renew, disable, 429);
  }
  if (!renew.ok()) return show_enabled(cx, *f, renew, disable, 422);
  const Check check = check_code(cx.db(), *f, renew.raw("renew_code"), true);
  if (check == Check::kReplayed || check == Check::kWrong) {
    record_wrong_code(cx, *f);
    tx.commit();
    renew.errors().add("renew_code", refusal_of(check, false));
    return show_enabled(cx, *f, renew, disable, 422);
  }
  const auto codes = new_recovery_codes(cx.db(), f->account_id);
  shared::access::audit(cx, "second_factor.recovery_codes", "b:" + std::to_string(f->account_id));
  tell_owner(cx, *f, "已產生新的備用復原碼", "剛剛產生了一組新的備用復原碼，舊的備用復原碼已全部失效。");
  tx.commit();
  return show_recovery_codes(cx, codes, "新的備用復原碼已產生，舊的已全部失效。",
                             app::url_for("account.second_factor"));
}

core::Response disable_second_factor(core::Context& cx) {
  core::Form renew(kRenewForm), disable(kDisableForm, cx.req().form);
  db::Transaction tx(cx.db());
  const auto f = sql::factor_of(cx.db(), cx.user().id, true);
  if (!f) return cx.not_found();
  if (!f->enabled) return show_own_page(cx, 409);
  if (locked_out(cx, f->account_name)) {
    disable.errors().add("form", kLockedOut);
    return show_enabled(cx, *f, renew, disable, 429);
  }
  if (!disable.ok()) return show_enabled(cx, *f, renew, disable, 422);
  const Check check = check_code(cx.db(), *f, disable.raw("disable_code"), true);
  if (check == Check::kReplayed || check == Check::kWrong) {
    record_wrong_code(cx, *f);
    tx.commit();
    disable.errors().add("disable_code", refusal_of(check, false));
    return show_enabled(cx, *f, renew, disable, 422);
  }
  const bool required = domain::second_factor_required(f->kind);
  sql::disable_factor(cx.db(), f->account_id);
  // Every session of the account ends (trigger); this browser goes on under a new id.
  shared::access::start_account_session(cx, f->account_id);
  shared::access::audit(cx, "second_factor.disable", "b:" + std::to_string(f->account_id));
  tell_owner(cx, *f, required ? "驗證器設定已清除" : "已關閉雙因素驗證",
             required ? "剛剛清除了驗證器 App 的設定；下次登入前須設定新的驗證器。"
                      : "剛剛關閉了雙因素驗證，登入時不再需要驗證碼。");
  tx.commit();
  cx.flash(required ? "原有的驗證器設定已清除：請立即以新的驗證器 App 完成設定（下次登入時也會要求設定）。"
                    : "雙因素驗證已關閉，其他裝置上的登入已全部登出。");
  return cx.see_other(app::url_for("account.second_factor"));
}

}  // namespace accounts
