#include "accounts/password_change.h"

#include "accounts/accounts_sql.h"
#include "accounts/signup_handlers.h"
#include "app/routes.h"
#include "core/form.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/roc_date.h"
#include "domain/validation.h"
#include "mail/mail.h"
#include "shared/access.h"
#include "shared/form_view.h"

namespace accounts {

namespace {
using core::FieldKind;

const core::FormSpec kPasswordForm = {
    {"current", "目前的密碼", FieldKind::kText, true, 200},
    {"password", "新密碼", FieldKind::kText, true, 200},
    {"password_again", "再輸入一次新密碼", FieldKind::kText, true, 200},
};

const char* route_of(const core::User& user) { return user.is_teacher() ? "teacher.password.change" : "account.password.change"; }

core::Response show(core::Context& cx, core::Form& form, int status) {
  for (const char* f : {"current", "password", "password_again"}) form.set_raw(f, "");  // never shown back
  core::Page page(cx, "accounts/password.tpl", "變更登入密碼");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for(route_of(cx.user())));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("HOME_URL", app::home_of(cx.user()).url);
  shared::fill_form(body, form);
  return page.render(status);
}

std::optional<sql::PasswordOwner> owner_of(core::Context& cx) {
  return cx.user().is_teacher() ? sql::teacher_password_owner(cx.db(), cx.user().id)
                                : sql::account_password_owner(cx.db(), cx.user().id);
}

}  // namespace

core::Response password_form(core::Context& cx) {
  core::Form form(kPasswordForm);
  return show(cx, form, 200);
}

core::Response change_password(core::Context& cx) {
  core::Form form(kPasswordForm, cx.req().form);
  const auto owner = owner_of(cx);
  if (!owner) return cx.not_found();
  const std::string current = form.raw("current");
  const std::string password = form.raw("password");
  if (!form.ok()) {
    form.errors().add("form", "密碼沒有變更。");
    return show(cx, form, 422);
  }
  const std::string account_key = sql::failure_key(owner->login_name);
  const auto failures = sql::count_recent_failures(cx.db(), account_key, cx.req().remote_addr);
  if (failures.for_account >= sql::kMaxFailuresPerAccount || failures.from_address >= sql::kMaxFailuresPerAddress) {
    form.errors().add("form", "密碼輸入錯誤次數過多，為保護帳號安全，請 15 分鐘後再試。");
    core::Response r = show(cx, form, 429);
    r.header("Retry-After", "900");
    return r;
  }
  if (!core::verify_password(owner->password_hash, current)) {
    sql::record_failure(cx.db(), account_key, cx.req().remote_addr);
    form.errors().add("current", "目前的密碼不正確。");
    form.errors().add("form", "密碼沒有變更。");
    return show(cx, form, 422);
  }
  check_new_password(form, owner->login_name, domain::parse_iso_date(owner->birth_date));
  if (form.ok() && password == current) form.errors().add("password", "新密碼不可與目前的密碼相同。");
  if (!form.ok()) {
    form.errors().add("form", "密碼沒有變更。");
    return show(cx, form, 422);
  }
  const std::string hash = core::hash_password(password);
  db::Transaction tx(cx.db());
  // Every session ends with the old password, this one too; the browser that changed it goes on
  // under a new session id.
  if (cx.user().is_teacher()) {
    sql::set_teacher_password(cx.db(), cx.user().id, hash);
    shared::access::start_teacher_session(cx, cx.user().id);
  } else {
    sql::set_account_password(cx.db(), cx.user().id, hash);
    shared::access::start_account_session(cx, cx.user().id);
  }
  if (domain::is_valid_email(owner->email)) {
    mail::enqueue(cx.db(), {owner->email, "【全國教師在職進修資訊網】登入密碼已變更",
                            owner->name + " 您好：\n\n您的帳號（" + owner->login_name.substr(0, 3) +
                                "…）剛剛變更了登入密碼，其他裝置上的登入已全部登出。\n\n若不是您本人變更，請立即以「忘記密碼」重設密碼，"
                                "並聯絡服務單位的總負責人或系統管理者。\n\n全國教師在職進修資訊網\n"});
  }
  shared::access::audit(cx, "password.change", "");
  tx.commit();
  cx.flash("密碼已變更，其他裝置上的登入已全部登出。");
  return cx.see_other(app::home_of(cx.user()).url);
}

}  // namespace accounts
