// 業務帳號申請 (issue 10, 第4條): anyone may apply; the account is made pending and cannot log in
// until the unit's 總負責人 (for a 承辦人) or the region's reviewer (for a 總負責人) approves it.
// The account name is refused when taken, so the form says so (names are unique and never change).
// Those who may approve it are mailed at once; when nobody can, the confirmation says whom to ask.
#include <string>
#include <vector>

#include "app/routes.h"
#include "business/business_handlers.h"
#include "business/business_sql.h"
#include "core/form.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/business_accounts.h"
#include "domain/validation.h"
#include "mail/mail.h"
#include "shared/access.h"
#include "shared/form_view.h"

namespace business {

namespace {

constexpr int kUnitsNamed = 10;  // in the message when what was typed matches several units
const char* kSubjectPrefix = "【全國教師在職進修資訊網】";

// The password fields are read raw and never shown again.
const core::FormSpec kApplyForm = {
    {"account_name", "帳號名稱", core::FieldKind::kText, true, 60},
    {"display_name", "姓名", core::FieldKind::kText, true, 50},
    {"unit", "服務單位", core::FieldKind::kText, true, 100},
    {"kind",
     "帳號類別",
     core::FieldKind::kChoice,
     true,
     0,
     0,
     {"organizer", "master"},
     {"承辦人", "總負責人"}},
    {"phone", "辦公室電話", core::FieldKind::kText, true, 30},
    {"email", "電子郵件", core::FieldKind::kText, true, 254},
    {"password", "密碼"},
    {"password_again", "再次輸入密碼"},
    {"agree", "帳號使用同意書", core::FieldKind::kFlag},
};

core::Response show_form(core::Context& cx, const core::Form& form, int status) {
  core::Page page(cx, "business/apply.tpl", "業務帳號申請");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("accounts.apply"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("UNITS_URL", app::url_for("units.accounts"));
  body.SetValue("SIGNUP_URL", app::url_for("signup.form"));
  shared::fill_form(body, form);
  shared::fill_options(body, "KIND_OPTION", {{"organizer", "承辦人"}, {"master", "總負責人"}},
                       {form.raw("kind")});
  if (form.flag("agree")) body.ShowSection("AGREED");
  return page.render(status);
}

// The unit typed, by code, name or short name; an error beside the field when it is none or
// several.
std::optional<sql::UnitName> read_unit(core::Context& cx, core::Form& form) {
  const std::string typed = form.text("unit");
  if (typed.empty()) return std::nullopt;
  const auto units = sql::find_units(cx.db(), typed, kUnitsNamed + 1);
  if (units.size() == 1 || (!units.empty() && units.front().code == typed)) return units.front();
  if (units.empty()) {
    form.errors().add("unit", "查無學校代碼或名稱為「" + typed +
                                  "」的單位，請輸入學校代碼（例如 034525）或完整校名。");
    return std::nullopt;
  }
  std::string named;
  for (size_t i = 0; i < units.size() && i < kUnitsNamed; ++i) {
    named += (i ? "、" : "") + units[i].code + " " + units[i].name;
  }
  form.errors().add("unit",
                    "「" + typed + "」符合 " +
                        (units.size() > kUnitsNamed ? "超過 10" : std::to_string(units.size())) +
                        " 個單位，請改輸入其中一個的學校代碼：" + named + "。");
  return std::nullopt;
}

void check(core::Context& cx, core::Form& form, std::optional<sql::UnitName>& unit) {
  auto& errors = form.errors();
  const std::string name = domain::normalize_account_name(form.raw("account_name"));
  form.set_raw("account_name", name);
  if (!errors.has("account_name")) {
    if (const std::string why = domain::account_name_problem(name); !why.empty()) {
      errors.add("account_name", why);
    } else if (sql::name_taken(cx.db(), name)) {
      errors.add(
          "account_name",
          "帳號名稱「" + name + "」已有人使用，請換一個（帳號名稱不可重複，申請後也不能變更）。");
    }
  }
  unit = read_unit(cx, form);
  const std::string email = form.text("email");
  if (!email.empty() && !domain::is_valid_email(email)) {
    errors.add("email", "電子郵件格式不正確（例如 name@school.edu.tw），請使用半形字。");
  }
  const std::string password = form.raw("password");
  if (password.empty()) {
    errors.add("password", "請輸入密碼。");
  } else if (const std::string why = domain::business_password_problem(password, name);
             !why.empty()) {
    errors.add("password", why);
  } else if (password != form.raw("password_again")) {
    errors.add("password_again", "兩次輸入的密碼不一致，請再輸入一次。");
  }
  form.set_raw("password", "");
  form.set_raw("password_again", "");
  if (!form.flag("agree")) errors.add("agree", "請詳閱並勾選同意帳號使用同意書。");
}

domain::Actor actor_of(const sql::Approver& p) {
  domain::Actor actor;
  actor.role = p.kind == "master"     ? domain::Actor::Role::kMaster
               : p.kind == "reviewer" ? domain::Actor::Role::kReviewer
                                      : domain::Actor::Role::kOther;
  actor.account_id = p.id;
  actor.unit_id = p.unit_id;
  return actor;
}

// To one who may decide the application: who applied, how to reach them, where to decide.
std::string approver_mail(const core::Context& cx, const sql::Approver& to, const sql::Account& a,
                          const char* kind_label) {
  const char* page = to.kind == "master" ? "office.accounts" : "review.accounts";
  return to.display_name + " 您好：\n\n" + a.unit_name + "（" + a.unit_code + "）的 " +
         a.display_name + " 申請" + kind_label + "業務帳號「" + a.account_name +
         "」，等待您審核。\n申請人辦公室電話：" + a.phone + "\n申請人電子郵件：" + a.email +
         "\n\n請確認申請人確為該單位人員後，登入以下頁面核准或不核准（不核准需填理由，兩者都會寄信"
         "通知申請人）：\n\n" +
         cx.config().base_url + app::url_for(page) +
         "\n\n業務帳號屬個人使用，不可交接或借給他人。本信由系統自動寄出，請勿直接回覆。\n";
}

}  // namespace

core::Response application_form(core::Context& cx) {
  return show_form(cx, core::Form(kApplyForm), 200);
}

core::Response apply(core::Context& cx) {
  core::Form form(kApplyForm, cx.req().form);
  const std::string password = form.raw("password");
  std::optional<sql::UnitName> unit;
  check(cx, form, unit);
  if (!form.ok()) {
    form.errors().add("form", "申請沒有送出，請修正標示的欄位。");
    return show_form(cx, form, 422);
  }
  const std::string kind = form.raw("kind");
  const sql::Application application{
      form.raw("account_name"), form.text("display_name"),     kind,    form.text("phone"),
      form.text("email"),       core::hash_password(password), unit->id};
  db::Transaction tx(cx.db());
  const int64_t id = sql::insert_application(cx.db(), application);
  if (id == 0) {  // taken between the check and the insert
    form.errors().add("account_name",
                      "帳號名稱「" + application.account_name + "」已有人使用，請換一個。");
    form.errors().add("form", "申請沒有送出，請修正標示的欄位。");
    return show_form(cx, form, 422);
  }
  const auto kind_label = domain::account_kind_label(*domain::parse_account_kind(kind));
  shared::access::audit_as(cx, "-", "account.apply", "b:" + std::to_string(id),
                           std::string("申請") + kind_label + "帳號（" + unit->name + "）");
  const bool organizer = kind == "organizer";
  // The approval pages' own rule picks who is told, so the mail goes to exactly those who will
  // find the application waiting on /office/accounts or /review/accounts.
  const auto applied = sql::find_account(cx.db(), id, false);
  const domain::Target target = target_of(*applied, sql::review_unit_roles(cx.db()));
  std::vector<sql::Approver> approvers;
  for (const auto& p : sql::possible_approvers(cx.db(), target.unit_id, target.review_unit_id)) {
    if (domain::may_decide_application(actor_of(p), target)) approvers.push_back(p);
  }
  std::string notified;
  for (const auto& p : approvers) {
    if (!domain::is_valid_email(p.email)) continue;  // they still find it on their page
    mail::enqueue(cx.db(), {p.email,
                            std::string(kSubjectPrefix) + "業務帳號申請待審核：" + unit->name +
                                " " + application.display_name + "（" + kind_label + "）",
                            approver_mail(cx, p, *applied, kind_label)});
    notified += (notified.empty() ? "" : "、") + p.display_name;
  }
  const std::string review_unit = organizer ? "" : sql::unit_name(cx.db(), target.review_unit_id);
  tx.commit();

  core::Page page(cx, "business/applied.tpl", "業務帳號申請已送出");
  auto& body = page.body();
  body.SetValue("ACCOUNT_NAME", application.account_name);
  body.SetValue("KIND", kind_label);
  body.SetValue("UNIT", unit->name);
  body.SetValue("EMAIL", application.email);
  body.SetValue("APPROVER", organizer ? "貴單位的總負責人"
                            : review_unit.empty() ? "貴單位所屬的審課單位（縣市教育局處或區管中心）"
                                                  : "審課單位「" + review_unit + "」的審課人員");
  if (!notified.empty()) body.SetValueAndShowSection("NOTIFIED", notified, "HAS_NOTIFIED");
  if (approvers.empty()) {
    if (organizer) {
      body.ShowSection("NO_MASTER");
    } else if (review_unit.empty()) {
      body.ShowSection("NO_REVIEW_UNIT");
    } else {
      body.SetValueAndShowSection("REVIEW_UNIT", review_unit, "NO_REVIEWER");
    }
  }
  body.SetValue("ORGANISATION_URL", app::url_for("organisation"));
  body.SetValue("LOGIN_URL", app::url_for("login.form"));
  return page.render(200);
}

}  // namespace business
