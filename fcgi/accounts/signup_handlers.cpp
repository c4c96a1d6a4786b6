// 使用者帳號申請, its e-mail confirmation, and the forgotten-password link (issue 10). A teacher's
// account works as soon as it is made (第4條); the e-mail link only confirms the address. Whether
// an ID has an account is never shown: sign-up and the forgotten-password form give the same page,
// status and (the Argon2 hash run either way) time, and what differs goes only to the account's
// own mailbox.
#include "accounts/signup_handlers.h"

#include "accounts/accounts_sql.h"
#include "app/routes.h"
#include "core/form.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/enrolment_rules.h"
#include "domain/national_id.h"
#include "domain/password_rules.h"
#include "mail/mail.h"
#include "shared/access.h"
#include "shared/form_view.h"

namespace accounts {

namespace {
constexpr int kConfirmMinutes = 7 * 24 * 60;  // a week to find the mail
constexpr int kResetMinutes = 30;
const char* kSubjectPrefix = "【全國教師在職進修資訊網】";

const std::vector<std::string> kPositions = {"qualified", "substitute", "intern", "other"};

std::vector<std::string> position_labels() {
  std::vector<std::string> labels;
  for (const auto& code : kPositions) labels.push_back(domain::position_label(code));
  return labels;
}

// The password fields are read raw and never shown again.
const core::FormSpec kSignupForm = {
    {"national_id", "身分證字號（或居留證號）", core::FieldKind::kText, true, 20},
    {"name", "姓名", core::FieldKind::kText, true, 50},
    {"gender", "性別", core::FieldKind::kChoice, true, 0, 0, {"F", "M", "X"}, {"女", "男", "其他"}},
    {"birth_date", "出生日期", core::FieldKind::kDate, true},
    {"email", "電子郵件", core::FieldKind::kText, true, 254},
    {"phone", "聯絡電話", core::FieldKind::kText, true, 30},
    {"school_code", "服務單位學校代碼", core::FieldKind::kText, true, 10},
    {"position_category", "職位類別", core::FieldKind::kChoice, true, 0, 0, kPositions, position_labels()},
    {"title_name", "職稱", core::FieldKind::kText, false, 30},
    {"password", "密碼"},
    {"password_again", "再次輸入密碼"},
    {"agree", "帳號使用同意書", core::FieldKind::kFlag},
};

const core::FormSpec kForgotForm = {
    {"national_id", "身分證字號（或居留證號）", core::FieldKind::kText, true, 20},
    {"email", "電子郵件", core::FieldKind::kText, true, 254},
};

const core::FormSpec kResetForm = {
    {"password", "新密碼"},
    {"password_again", "再次輸入新密碼"},
};

std::string link(const core::Context& cx, const char* route, const std::string& token) {
  return cx.config().base_url + app::url_for(route, {token});
}

core::Response show_signup(core::Context& cx, const core::Form& form, int status) {
  core::Page page(cx, "accounts/signup.tpl", "使用者帳號申請");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("signup"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("FORGOT_URL", app::url_for("password.forgot.form"));
  shared::fill_form(body, form);
  for (const char* gender : {"F", "M", "X"}) {
    if (form.raw("gender") == gender) body.ShowSection(std::string("GENDER_") + gender);
  }
  const auto labels = position_labels();
  for (size_t i = 0; i < kPositions.size(); ++i) {
    auto* d = body.AddSectionDictionary("POSITION");
    d->SetValue("CODE", kPositions[i]);
    d->SetValue("LABEL", labels[i]);
    if (form.raw("position_category") == kPositions[i]) d->ShowSection("CHECKED");
  }
  if (form.flag("agree")) body.ShowSection("AGREED");
  return page.render(status);
}

// The one answer to every well-formed sign-up and forgotten-password request.
core::Response show_received(core::Context& cx, const std::string& title, const std::string& message) {
  core::Page page(cx, "accounts/received.tpl", title);
  page.body().SetValue("TITLE", title);
  page.body().SetValue("MESSAGE", message);
  page.body().SetValue("LOGIN_URL", app::url_for("login.form"));
  page.body().SetValue("FORGOT_URL", app::url_for("password.forgot.form"));
  return page.render(200);
}

std::string confirm_mail(const std::string& name, const std::string& url) {
  return name + " 您好：\n\n您已於全國教師在職進修資訊網申請教師個人帳號，帳號已可登入使用。\n"
                "請開啟下列連結確認您的電子郵件信箱（7 日內有效，僅能使用一次）：\n\n" +
         url + "\n\n如非您本人申請，請忽略本信，並洽服務單位或本網客服。\n";
}

std::string already_mail(const std::string& name, const std::string& forgot_url) {
  return name + " 您好：\n\n有人以您的身分證字號在全國教師在職進修資訊網申請帳號。此身分證字號已申請帳號，"
                "帳號不會重複建立，也未變更任何資料。\n"
                "如忘記密碼，請至「忘記密碼」頁面輸入身分證字號與本信箱，重設密碼：\n\n" +
         forgot_url + "\n\n如非您本人操作，請忽略本信。\n";
}

std::string reset_mail(const std::string& name, const std::string& url) {
  return name + " 您好：\n\n請開啟下列連結設定新的登入密碼（30 分鐘內有效，僅能使用一次）：\n\n" + url +
         "\n\n設定新密碼後，所有已登入的裝置都會登出。如非您本人申請，請忽略本信，原密碼仍可使用。\n";
}

// What the sign-up form checks without the database, and the unit by its code.
void check_signup(core::Context& cx, core::Form& form, std::optional<sql::Unit>& unit) {
  auto& errors = form.errors();
  const std::string id = domain::normalize_national_id(form.text("national_id"));
  form.set_raw("national_id", id);
  if (!id.empty() && !domain::is_valid_national_id(id)) {
    errors.add("national_id", "身分證字號（或居留證號）格式不正確：請確認第一碼英文字母與最後一碼檢查碼，並使用半形字。");
  }
  const auto birth = form.date("birth_date");
  if (birth && (birth->year < 1900 || domain::to_iso(*birth) >= cx.today())) {
    errors.add("birth_date", "出生日期不正確，請再確認。");
  }
  const std::string email = form.text("email");
  if (!email.empty() && !domain::is_valid_email(email)) {
    errors.add("email", "電子郵件格式不正確（例如 name@school.edu.tw），請使用半形字。");
  }
  const std::string code = form.text("school_code");
  if (!code.empty()) {
    unit = sql::find_serving_unit(cx.db(), code);
    if (!unit) errors.add("school_code", "查無此學校代碼，請確認服務單位的學校代碼（6 碼）。");
  }
  check_new_password(form, id, birth);
  if (!form.flag("agree")) errors.add("agree", "請詳閱並勾選同意帳號使用同意書。");
}
}  // namespace

void check_new_password(core::Form& form, const std::string& national_id,
                        const std::optional<domain::Date>& birth) {
  const std::string password = form.raw("password");
  auto& errors = form.errors();
  if (password.empty()) {
    errors.add("password", "請輸入密碼。");
  } else if (const std::string why = domain::password_problem(password, national_id, birth); !why.empty()) {
    errors.add("password", why);
  } else if (password != form.raw("password_again")) {
    errors.add("password_again", "兩次輸入的密碼不一致，請再輸入一次。");
  }
  form.set_raw("password", "");
  form.set_raw("password_again", "");
}

core::Response signup_form(core::Context& cx) { return show_signup(cx, core::Form(kSignupForm), 200); }

core::Response sign_up(core::Context& cx) {
  core::Form form(kSignupForm, cx.req().form);
  const std::string password = form.raw("password");
  std::optional<sql::Unit> unit;
  check_signup(cx, form, unit);
  if (!form.ok()) return show_signup(cx, form, 422);

  const std::string id = form.raw("national_id");
  // Hashed whether or not the ID is new: the answer must take as long either way.
  const std::string hash = core::hash_password(password);
  db::Transaction tx(cx.db());
  int64_t created = 0;
  const auto existing = sql::find_teacher_contact(cx.db(), id);
  if (!existing) {
    created = sql::insert_teacher(
        cx.db(), {id, form.text("name"), form.raw("gender"), domain::to_iso(*form.date("birth_date")),
                  form.text("email"), form.text("phone"), form.raw("position_category"),
                  form.text("title_name"), hash, unit->id});
  }
  if (created) {
    const std::string token = core::random_token();
    sql::insert_token(cx.db(), sql::kConfirmEmail, created, core::sha256_hex(token), form.text("email"),
                      kConfirmMinutes);
    mail::enqueue(cx.db(), {form.text("email"), std::string(kSubjectPrefix) + "教師個人帳號申請：請確認電子郵件信箱",
                            confirm_mail(form.text("name"), link(cx, "signup.confirm", token))});
    shared::access::audit_as(cx, "t:" + std::to_string(created), "signup", std::to_string(created));
  } else {
    // Only the account's own mailbox learns that the ID is taken (a racing sign-up included).
    const auto owner = existing ? existing : sql::find_teacher_contact(cx.db(), id);
    if (owner && domain::is_valid_email(owner->email)) {
      mail::enqueue(cx.db(), {owner->email, std::string(kSubjectPrefix) + "此身分證字號已申請帳號",
                              already_mail(owner->name, cx.config().base_url + app::url_for("password.forgot.form"))});
    }
    shared::access::audit_as(cx, "-", "signup.existing", owner ? std::to_string(owner->id) : "");
  }
  tx.commit();
  return show_received(cx, "申請已受理",
                       "申請已受理，請至電子郵件信箱完成確認。帳號已可使用身分證字號與密碼登入；"
                       "若此身分證字號已申請帳號，將不會重複建立，改寄通知至該帳號登記的電子郵件信箱。");
}

core::Response confirm_email(core::Context& cx) {
  const std::string key = core::sha256_hex(cx.param("token"));
  db::Transaction tx(cx.db());
  const auto owner = sql::live_token(cx.db(), sql::kConfirmEmail, key, true);
  if (!owner) {
    return cx.error(410, "確認連結無效",
                    "此確認連結已使用過、已過期或不正確。帳號仍可登入；如需重新確認電子郵件信箱，請洽本網客服。");
  }
  sql::use_token(cx.db(), key);
  sql::confirm_email(cx.db(), owner->teacher_id, owner->email);
  shared::access::audit_as(cx, "t:" + std::to_string(owner->teacher_id), "signup.confirm_email",
                           std::to_string(owner->teacher_id));
  tx.commit();
  return show_received(cx, "電子郵件信箱已確認", "您的電子郵件信箱已確認，請以身分證字號與密碼登入。");
}

core::Response forgot_form(core::Context& cx) {
  core::Page page(cx, "accounts/forgot.tpl", "忘記密碼");
  page.body().SetValue("ACTION", app::url_for("password.forgot"));
  page.body().SetValue("CSRF_TOKEN", cx.csrf_token());
  return page.render();
}

core::Response forgot_password(core::Context& cx) {
  core::Form form(kForgotForm, cx.req().form);
  const std::string id = domain::normalize_national_id(form.text("national_id"));
  form.set_raw("national_id", id);
  if (!id.empty() && !domain::is_valid_national_id(id)) {
    form.errors().add("national_id", "身分證字號（或居留證號）格式不正確：請確認第一碼英文字母與最後一碼檢查碼。");
  }
  const std::string email = form.text("email");
  if (!email.empty() && !domain::is_valid_email(email)) {
    form.errors().add("email", "電子郵件格式不正確（例如 name@school.edu.tw）。");
  }
  if (!form.ok()) {
    core::Page page(cx, "accounts/forgot.tpl", "忘記密碼");
    page.body().SetValue("ACTION", app::url_for("password.forgot"));
    page.body().SetValue("CSRF_TOKEN", cx.csrf_token());
    shared::fill_form(page.body(), form);
    return page.render(422);
  }
  const auto teacher = sql::find_teacher_contact(cx.db(), id);
  // Addresses are compared as people type them: the domain part is case-insensitive in practice.
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  if (teacher && !teacher->email.empty() && lower(teacher->email) == lower(email)) {
    const std::string token = core::random_token();
    db::Transaction tx(cx.db());
    sql::insert_token(cx.db(), sql::kResetPassword, teacher->id, core::sha256_hex(token), teacher->email,
                      kResetMinutes);
    mail::enqueue(cx.db(), {teacher->email, std::string(kSubjectPrefix) + "重設登入密碼",
                            reset_mail(teacher->name, link(cx, "password.reset", token))});
    shared::access::audit_as(cx, "-", "password.forgot", std::to_string(teacher->id));
    tx.commit();
  }
  return show_received(cx, "已受理重設密碼申請",
                       "若身分證字號與電子郵件相符，重設密碼的連結已寄至該電子郵件信箱，30 分鐘內有效，僅能使用一次。");
}

namespace {
core::Response show_reset(core::Context& cx, const core::Form& form, int status) {
  core::Page page(cx, "accounts/reset.tpl", "重設登入密碼");
  page.body().SetValue("ACTION", app::url_for("password.reset", {cx.param("token")}));
  page.body().SetValue("CSRF_TOKEN", cx.csrf_token());
  shared::fill_form(page.body(), form);
  return page.render(status);
}

core::Response dead_reset_link(core::Context& cx) {
  return cx.error(410, "重設密碼連結無效",
                  "此連結已使用過、已超過 30 分鐘或不正確。請至「忘記密碼」頁面重新申請。");
}
}  // namespace

core::Response reset_form(core::Context& cx) {
  if (!sql::live_token(cx.db(), sql::kResetPassword, core::sha256_hex(cx.param("token")), false)) {
    return dead_reset_link(cx);
  }
  return show_reset(cx, core::Form(kResetForm), 200);
}

core::Response reset_password(core::Context& cx) {
  const std::string key = core::sha256_hex(cx.param("token"));
  const auto owner = sql::live_token(cx.db(), sql::kResetPassword, key, false);
  if (!owner) return dead_reset_link(cx);
  const auto teacher = sql::find_teacher_by_id(cx.db(), owner->teacher_id);
  if (!teacher) return dead_reset_link(cx);
  core::Form form(kResetForm, cx.req().form);
  const std::string password = form.raw("password");
  check_new_password(form, teacher->national_id, domain::parse_iso_date(teacher->birth_date));
  if (!form.ok()) return show_reset(cx, form, 422);
  const std::string hash = core::hash_password(password);
  db::Transaction tx(cx.db());
  // Taken again under a lock: of two submissions of one link, only the first sets a password.
  if (!sql::live_token(cx.db(), sql::kResetPassword, key, true)) return dead_reset_link(cx);
  sql::set_teacher_password(cx.db(), teacher->id, hash);
  sql::use_all_tokens(cx.db(), sql::kResetPassword, teacher->id);
  shared::access::audit_as(cx, "t:" + std::to_string(teacher->id), "password.reset", std::to_string(teacher->id));
  tx.commit();
  // This browser's session, if any, went with the others; its cookie goes too.
  shared::access::end_session(cx);
  cx.flash("密碼已重設，所有裝置皆已登出，請以新密碼登入。");
  return cx.see_other(app::url_for("login.form"));
}

}  // namespace accounts
