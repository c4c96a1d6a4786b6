// Business-account homepage: the unit light and the overdue courses behind it (SPEC §6).
#include "office/office_handlers.h"

#include "shared/labels.h"
#include "shared/light_view.h"
#include "app/routes.h"
#include "core/view.h"
#include "domain/course_state.h"
#include "domain/lights.h"
#include "office/office_sql.h"

namespace office {

namespace {
const char* role_label(core::Role role) {
  switch (role) {
    case core::Role::kOrganizer: return "承辦人";
    case core::Role::kMaster: return "總負責人";
    case core::Role::kReviewer: return "審課人員";
    case core::Role::kAdmin: return "系統管理";
    default: return "";
  }
}

void fill_courses(ctemplate::TemplateDictionary& dict, const char* section,
                  const std::vector<course_store::CourseLine>& courses, bool link_public) {
  for (const auto& c : courses) {
    auto* row = dict.AddSectionDictionary(section);
    row->SetValue("CODE", c.code);
    row->SetValue("TITLE", c.title);
    row->SetValue("DATES", shared::roc_date(c.first_date) + "–" + shared::roc_date(c.last_date));
    row->SetValue("STATE", shared::course_state_label(c.state));
    row->SetValue("ORGANIZER", c.organizer);
    if (link_public && domain::is_public(c.state)) {
      row->SetValueAndShowSection("URL", app::url_for("course.show", {c.code}), "LINK");
    } else {
      row->ShowSection("NO_LINK");
    }
  }
}
}  // namespace

core::Response home(core::Context& cx) {
  const core::User& user = cx.user();
  // Reviewers and the administrator have homes of their own; their unit holds no courses.
  if (user.role == core::Role::kReviewer || user.role == core::Role::kAdmin) {
    return cx.see_other(app::home_of(user).url);
  }
  const course_store::UnitLight facts = course_store::unit_light(cx.db(), user.unit_id, cx.today());
  const int overdue = static_cast<int>(facts.overdue.size());
  const domain::Light light = domain::unit_light(overdue, facts.red_threshold);

  core::Page page(cx, "office/home.tpl", "業務帳號首頁");
  auto& body = page.body();
  body.SetValue("NAME", user.name);
  body.SetValue("ROLE", role_label(user.role));
  body.SetValue("UNIT", user.unit_name);
  if (user.role == core::Role::kMaster) {
    body.SetValueAndShowSection("TEACHERS_URL", app::url_for("office.teachers"), "MASTER");
    body.SetValue("SPECIALTIES_URL", app::url_for("office.specialties"));
    body.SetValue("ACCOUNTS_URL", app::url_for("office.accounts"));
  }
  shared::fill_light(body, light,
                  "本單位今年逾期未結案課程 " + std::to_string(overdue) + " 堂（研習結束超過 " +
                      std::to_string(facts.grace_days) + " 天仍未完成時數核發）");
  body.SetIntValue("GRACE_DAYS", facts.grace_days);
  body.SetIntValue("RED_THRESHOLD", facts.red_threshold);
  body.SetIntValue("YELLOW_MAX", facts.red_threshold - 1);
  if (domain::blocks_registration(light)) {
    body.SetValueAndShowSection("BELOW", std::to_string(facts.red_threshold), "REGISTRATION_CLOSED");
  }
  fill_courses(body, "OVERDUE", facts.overdue, true);
  if (facts.overdue.empty()) body.ShowSection("NO_OVERDUE");
  const auto recent = sql::recent_courses(cx.db(), user.unit_id, 20);
  fill_courses(body, "RECENT", recent, true);
  if (recent.empty()) body.ShowSection("NO_RECENT");
  return page.render();
}

}  // namespace office
