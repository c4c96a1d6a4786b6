// Fills layout.tpl: site links, the user's own homepage, login or logout, the print header's date.
#include "app/layout.h"

#include "shared/labels.h"
#include "app/routes.h"
#include "core/db.h"

namespace app {

namespace {

// 列印日期 in the print-only header: the database's date, in the ROC calendar. Some pages are drawn
// while the database may be gone (the 503 of an outage, the login form, which needs no database):
// they are printed without a date rather than fail.
void fill_print_date(core::Context& cx, ctemplate::TemplateDictionary& layout) {
  try {
    layout.SetValueAndShowSection("PRINT_DATE", shared::roc_date(cx.today()), "HAS_PRINT_DATE");
  } catch (const db::Unavailable&) {
    // no date: the page itself still answers
  }
}

}  // namespace

void fill_layout(core::Context& cx, ctemplate::TemplateDictionary& layout) {
  fill_print_date(cx, layout);
  layout.SetValue("HOME_URL", url_for("home"));
  layout.SetValue("PARTNER_APPLY_URL", url_for("partners.apply.form"));
  layout.SetValue("SITEMAP_URL", url_for("sitemap"));
  layout.SetValue("UNIT_ACCOUNTS_URL", url_for("units.accounts"));
  layout.SetValue("ORGANISATION_URL", url_for("organisation"));
  layout.SetValue("SEARCH_URL", url_for("course.search"));
  layout.SetValue("BULLETIN_URL", url_for("bulletin"));
  layout.SetValue("FAQ_URL", url_for("faq"));
  layout.SetValue("DOWNLOADS_URL", url_for("downloads"));
  const core::User& user = cx.user();
  if (!user.signed_in()) {
    auto* anonymous = layout.AddSectionDictionary("ANONYMOUS");
    anonymous->SetValue("LOGIN_URL", url_for("login.form"));
    anonymous->SetValue("SIGNUP_URL", url_for("signup.form"));
    return;
  }
  ctemplate::TemplateDictionary* me = layout.AddSectionDictionary("SIGNED_IN");
  me->SetValue("USER_NAME", user.name);
  const Home home = home_of(user);
  me->SetValue("MY_HOME_URL", home.url);
  me->SetValue("MY_HOME_LABEL", home.label);
  auto link = [me](const std::string& url, const char* label) {
    auto* d = me->AddSectionDictionary("ROLE_LINK");
    d->SetValue("URL", url);
    d->SetValue("LABEL", label);
  };
  switch (user.role) {
    case core::Role::kOrganizer:
    case core::Role::kMaster:
      link(url_for("office.courses"), "研習資料管理");
      link(url_for("office.courses.new"), "研習課程登錄");
      if (user.role == core::Role::kMaster) {
        link(url_for("office.teachers"), "本單位教師");
        link(url_for("office.accounts"), "帳號管理");
        link(url_for("office.specialties"), "專長審核");
      }
      break;
    case core::Role::kAdmin:
      link(url_for("admin.reasons"), "退回理由");
      link(url_for("admin.counties"), "縣市設定");
      link(url_for("admin.units"), "單位管理");
      link(url_for("admin.tags"), "屬性標籤");
      link(url_for("admin.categories"), "課程類別");
      link(url_for("admin.partners"), "合作網站");
      link(url_for("admin.feedback"), "意見收件匣");
      break;
    case core::Role::kTeacher:
      link(url_for("teacher.records"), "研習紀錄");
      link(url_for("teacher.subscriptions"), "研習資訊訂閱");
      link(url_for("teacher.specialties"), "專長登錄");
      break;
    case core::Role::kReviewer:
      link(url_for("review.accounts"), "總負責人帳號審核");
      break;
    default:
      break;
  }
  me->SetValue("FEEDBACK_URL", url_for("feedback"));
  me->SetValue("PASSWORD_URL", url_for(user.is_teacher() ? "teacher.password" : "account.password"));
  if (user.is_business()) {
    me->SetValueAndShowSection("SECOND_FACTOR_URL", url_for("account.second_factor"), "BUSINESS");
  }
  if (user.is_teacher())
    me->SetValueAndShowSection("PROFILE_URL", url_for("teacher.profile"), "PROFILE");
  me->SetValue("LOGOUT_URL", url_for("logout"));
  me->SetValue("CSRF_TOKEN", cx.csrf_token());
}

}  // namespace app
