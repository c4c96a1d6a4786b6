// 修改個人基本資料 and the e-mail change link it mails (issue 10).
#include "accounts/profile_handlers.h"

#include "accounts/accounts_sql.h"
#include "app/routes.h"
#include "core/form.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/phone.h"
#include "domain/validation.h"
#include "mail/mail.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"

namespace accounts {

namespace {
constexpr int kChangeEmailMinutes = 24 * 60;
const char* kSubjectPrefix = "【全國教師在職進修資訊網】";

const core::FormSpec kProfileForm = {
    {"phone", "聯絡電話", core::FieldKind::kText, false, 40},
    {"email", "電子郵件", core::FieldKind::kText, true, 254},
    {"current_password", "目前的密碼", core::FieldKind::kText, false, 200},
};

core::Response show(core::Context& cx, const sql::TeacherProfile& me, const core::Form& form,
                    int status) {
  core::Page page(cx, "accounts/profile.tpl", "修改個人基本資料");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("teacher.profile.update"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("HOME_URL", app::url_for("teacher.home"));
  body.SetValue("NATIONAL_ID", me.national_id);  // the teacher's own, so not masked (SPEC §1)
  body.SetValue("NAME", me.name);
  body.SetValue("UNIT", me.unit_name.empty() ? "（無服務單位）" : me.unit_name);
  body.SetValue("TITLE_NAME", me.title_name.empty() ? "（未登錄）" : me.title_name);
  body.SetValue("CURRENT_EMAIL", me.email.empty() ? "（未登錄）" : me.email);
  body.ShowSection(me.email_confirmed ? "EMAIL_CONFIRMED" : "EMAIL_UNCONFIRMED");
  if (!me.pending_email.empty()) {
    auto* pending = body.AddSectionDictionary("PENDING");
    pending->SetValue("PENDING_EMAIL", me.pending_email);
    pending->SetValue("PENDING_UNTIL", shared::roc_datetime(me.pending_until));
  }
  shared::fill_form(body, form);
  return page.render(status);
}

std::string link(const core::Context& cx, const std::string& token) {
  return cx.config().base_url + app::url_for("email.confirm", {token});
}

std::string new_address_mail(const std::string& name, const std::string& url) {
  return name +
         " 您好：\n\n您在全國教師在職進修資訊網申請將教師個人帳號的電子郵件信箱變更為本信箱。"
         "請開啟下列連結並按「確認變更」（24 小時內有效，僅能使用一次）：\n\n" +
         url +
         "\n\n按下確認之前，帳號仍使用原來的信箱。如非您本人申請，請忽略本信，信箱不會變更。\n"
         "本信由系統自動寄出，請勿直接回覆。\n";
}

// To the address being replaced: no link, and not the new address either (it is not yet proven).
std::string old_address_mail(const std::string& name) {
  return name +
         " 您好：\n\n您的教師個人帳號剛剛申請變更電子郵件信箱，確認信已寄到新的信箱。"
         "新信箱在 24 小時內按下確認連結才會生效；在那之前，帳號仍使用本信箱。\n\n"
         "若不是您本人申請，請不要理會新信箱的確認（信箱就不會變更），並立即變更登入密碼、"
         "洽服務單位的總負責人。\n\n本信由系統自動寄出，請勿直接回覆。\n";
}

core::Response dead_link(core::Context& cx) {
  return cx.error(410, "確認連結無效",
                  "此連結已使用過、已超過 24 小時或不正確，電子郵件信箱沒有變更。"
                  "如仍要變更，請登入後到「修改個人基本資料」重新申請。");
}
}  // namespace

core::Response profile(core::Context& cx) {
  const auto me = sql::teacher_profile(cx.db(), cx.user().id);
  if (!me) return cx.not_found();
  core::Form form(kProfileForm);
  form.set_raw("phone", me->phone);
  form.set_raw("email", me->email);
  return show(cx, *me, form, 200);
}

core::Response update_profile(core::Context& cx) {
  const auto me = sql::teacher_profile(cx.db(), cx.user().id);
  if (!me) return cx.not_found();
  core::Form form(kProfileForm, cx.req().form);
  std::string phone = form.text("phone");
  if (!phone.empty()) {
    const domain::PhoneCheck checked = domain::check_phone(phone);
    if (!checked.problem.empty()) {
      form.errors().add("phone", checked.problem);
    } else {
      phone = checked.normalized;
      form.set_raw("phone", phone);
    }
  }
  const std::string email = form.text("email");
  if (!email.empty() && !domain::is_valid_email(email)) {
    form.errors().add("email", "電子郵件格式不正確（例如 name@school.edu.tw），請使用半形字。");
  }
  const bool phone_changed = phone != me->phone;
  const bool email_changed = email != me->email;
  // The address receives the password-reset links: moving it asks for the password again, so a
  // session left open is not enough to take the account.
  const std::string password = form.raw("current_password");
  form.set_raw("current_password", "");
  if (form.ok() && email_changed) {
    const auto owner = sql::teacher_password_owner(cx.db(), cx.user().id);
    const std::string account_key = sql::failure_key(owner->login_name);
    const auto failures = sql::count_recent_failures(cx.db(), account_key, cx.req().remote_addr);
    if (failures.for_account >= sql::kMaxFailuresPerAccount ||
        failures.from_address >= sql::kMaxFailuresPerAddress) {
      form.errors().add("current_password", "密碼輸入錯誤次數過多，為保護帳號安全，請 15 分鐘後再試。");
    } else if (password.empty()) {
      form.errors().add("current_password", "變更電子郵件信箱須輸入目前的登入密碼。");
    } else if (!core::verify_password(owner->password_hash, password)) {
      sql::record_failure(cx.db(), account_key, cx.req().remote_addr);
      form.errors().add("current_password", "目前的密碼不正確。");
    }
  }
  if (!form.ok()) {
    form.errors().add("form", "基本資料沒有變更，請修正標示的欄位。");
    return show(cx, *me, form, 422);
  }
  if (!phone_changed && !email_changed) {
    cx.flash("基本資料與原本相同，沒有變更。");
    return cx.see_other(app::url_for("teacher.profile"));
  }

  const int64_t id = cx.user().id;
  db::Transaction tx(cx.db());
  std::string said;
  if (phone_changed) {
    sql::set_teacher_phone(cx.db(), id, phone);
    shared::access::audit(cx, "profile.phone", std::to_string(id));
    said = phone.empty() ? "聯絡電話已刪除。" : "聯絡電話已更新為 " + phone + "。";
  }
  if (email_changed) {
    // Only the newest link may change the address: the ones asked for before it die.
    sql::use_all_tokens(cx.db(), sql::kChangeEmail, id);
    const std::string token = core::random_token();
    sql::insert_token(cx.db(), sql::kChangeEmail, id, core::sha256_hex(token), email,
                      kChangeEmailMinutes);
    mail::enqueue(cx.db(), {email, std::string(kSubjectPrefix) + "請確認新的電子郵件信箱",
                            new_address_mail(me->name, link(cx, token))});
    if (domain::is_valid_email(me->email)) {
      mail::enqueue(cx.db(),
                    {me->email, std::string(kSubjectPrefix) + "您的帳號正在變更電子郵件信箱",
                     old_address_mail(me->name)});
    }
    shared::access::audit(cx, "profile.email_change", std::to_string(id));
    said += "確認信已寄到 " + email +
            "，請在 24 小時內開啟信中的連結；確認之前，仍使用原來的電子郵件信箱。";
  }
  tx.commit();
  cx.flash(said);
  return cx.see_other(app::url_for("teacher.profile"));
}

core::Response email_change_form(core::Context& cx) {
  const auto owner =
      sql::live_token(cx.db(), sql::kChangeEmail, core::sha256_hex(cx.param("token")), false);
  if (!owner) return dead_link(cx);
  const auto teacher = sql::find_teacher_by_id(cx.db(), owner->teacher_id);
  if (!teacher) return dead_link(cx);
  core::Page page(cx, "accounts/email_change.tpl", "確認變更電子郵件信箱");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("email.confirm", {cx.param("token")}));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("NAME", teacher->name);
  body.SetValue("NEW_EMAIL", owner->email);
  return page.render(200);
}

core::Response confirm_email_change(core::Context& cx) {
  const std::string key = core::sha256_hex(cx.param("token"));
  db::Transaction tx(cx.db());
  // Under a lock: of two submissions of one link, only the first changes the address.
  const auto owner = sql::live_token(cx.db(), sql::kChangeEmail, key, true);
  if (!owner) return dead_link(cx);
  sql::set_teacher_email(cx.db(), owner->teacher_id, owner->email);
  sql::use_all_tokens(cx.db(), sql::kChangeEmail, owner->teacher_id);
  // Links mailed to the old address no longer reset the password or confirm it.
  sql::use_all_tokens(cx.db(), sql::kResetPassword, owner->teacher_id);
  sql::use_all_tokens(cx.db(), sql::kConfirmEmail, owner->teacher_id);
  shared::access::audit_as(cx, "t:" + std::to_string(owner->teacher_id), "profile.email_confirm",
                           std::to_string(owner->teacher_id));
  tx.commit();
  core::Page page(cx, "accounts/received.tpl", "電子郵件信箱已變更");
  page.body().SetValue("TITLE", "電子郵件信箱已變更");
  page.body().SetValue("MESSAGE", "教師個人帳號的電子郵件信箱已變更為 " + owner->email +
                                      "，之後的通知與重設密碼連結都會寄到這個信箱。");
  page.body().SetValue("LOGIN_URL", app::url_for("login.form"));
  page.body().SetValue("FORGOT_URL", app::url_for("password.forgot.form"));
  return page.render(200);
}

}  // namespace accounts
