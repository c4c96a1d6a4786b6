// Fills layout.tpl: site links, the user's own homepage, login or logout, the print header's date.
#include "app/layout.h"

#include "app/labels.h"
#include "app/routes.h"
#include "core/db.h"

namespace app {

namespace {

// 列印日期 in the print-only header: the database's date, in the ROC calendar. Some pages are drawn
// while the database may be gone (the 503 of an outage, the login form, which needs no database):
// they are printed without a date rather than fail.
void fill_print_date(core::Context& cx, ctemplate::TemplateDictionary& layout) {
  try {
    layout.SetValueAndShowSection("PRINT_DATE", roc_date(cx.today()), "HAS_PRINT_DATE");
  } catch (const db::Unavailable&) {
    // no date: the page itself still answers
  }
}

}  // namespace

void fill_layout(core::Context& cx, ctemplate::TemplateDictionary& layout) {
  fill_print_date(cx, layout);
  layout.SetValue("HOME_URL", url_for("home"));
  layout.SetValue("SEARCH_URL", url_for("course.search"));
  const core::User& user = cx.user();
  if (!user.signed_in()) {
    layout.SetValueAndShowSection("LOGIN_URL", url_for("login.form"), "ANONYMOUS");
    return;
  }
  ctemplate::TemplateDictionary* me = layout.AddSectionDictionary("SIGNED_IN");
  me->SetValue("USER_NAME", user.name);
  me->SetValue("MY_HOME_URL", user.is_teacher() ? url_for("teacher.home") : url_for("office.home"));
  me->SetValue("MY_HOME_LABEL", user.is_teacher() ? "我的專屬首頁" : "業務帳號首頁");
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
      break;
    case core::Role::kReviewer:
      link(url_for("review.queue"), "待審課程");
      break;
    case core::Role::kAdmin:
      link(url_for("admin.reasons"), "退回理由");
      link(url_for("admin.counties"), "縣市設定");
      link(url_for("admin.partners"), "合作網站");
      break;
    default:
      break;
  }
  me->SetValue("LOGOUT_URL", url_for("logout"));
  me->SetValue("CSRF_TOKEN", cx.csrf_token());
}

}  // namespace app
