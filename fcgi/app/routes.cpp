// app/routes.cpp: every address the portal answers. Read this to know the site.
#include "app/routes.h"

#include <stdexcept>

#include "accounts/accounts_handlers.h"
#include "admin/admin_handlers.h"
#include "api/api_handlers.h"
#include "core/response.h"
#include "courses/courses_handlers.h"
#include "office/office_handlers.h"
#include "partners/partners_handlers.h"
#include "review/review_handlers.h"
#include "site/site_handlers.h"
#include "sso/sso_handlers.h"
#include "teacher/teacher_handlers.h"

namespace app {

using core::Who;

// clang-format off: the table is aligned by hand, to be read as one.
const std::vector<core::Route>& routes() {
  static const std::vector<core::Route> table = {
      // name                   method  pattern                             who              handler
      {"home",                  "GET",  "/",                                Who::kAnyone,    site::home},
      {"course.search",         "GET",  "/courses",                         Who::kAnyone,    site::search_courses},
      {"course.show",           "GET",  "/courses/{code}",                  Who::kAnyone,    site::show_course},
      {"healthz",               "GET",  "/healthz",                         Who::kAnyone,    site::health},
      {"login.form",            "GET",  "/login",                           Who::kAnyone,    accounts::login_form},
      {"login",                 "POST", "/login",                           Who::kAnyone,    accounts::log_in},
      {"logout.form",           "GET",  "/logout",                          Who::kAnyone,    accounts::logout_form},
      {"logout",                "POST", "/logout",                          Who::kAnyone,    accounts::log_out},
      {"teacher.home",          "GET",  "/teacher",                         Who::kTeacher,   teacher::home},
      {"office.home",           "GET",  "/office",                          Who::kBusiness,  office::home},
      {"courses.list",          "GET",  "/office/courses",                  Who::kOrganizer, courses::list_courses},
      {"courses.new",           "GET",  "/office/courses/new",              Who::kOrganizer, courses::new_course},
      {"courses.create",        "POST", "/office/courses",                  Who::kOrganizer, courses::create_course},
      {"courses.show",          "GET",  "/office/courses/{code}",           Who::kOrganizer, courses::show_course},
      {"courses.edit",          "GET",  "/office/courses/{code}/edit",      Who::kOrganizer, courses::edit_course},
      {"courses.update",        "POST", "/office/courses/{code}/edit",      Who::kOrganizer, courses::update_course},
      {"courses.delete",        "POST", "/office/courses/{code}/delete",    Who::kOrganizer, courses::delete_course},
      {"courses.transfer",      "POST", "/office/courses/{code}/transfer",  Who::kOrganizer, courses::transfer_course},
      {"review.queue",          "GET",  "/review",                          Who::kReviewer,  review::queue},
      {"review.approve_many",   "POST", "/review/approve",                  Who::kReviewer,  review::approve_courses},
      {"review.show",           "GET",  "/review/courses/{code}",           Who::kReviewer,  review::show_course},
      {"review.approve",        "POST", "/review/courses/{code}/approve",   Who::kReviewer,  review::approve_course},
      {"review.return",         "POST", "/review/courses/{code}/return",    Who::kReviewer,  review::return_course},
      {"admin.reasons",         "GET",  "/admin/reasons",                   Who::kAdmin,     admin::reasons},
      {"admin.reasons.create",  "POST", "/admin/reasons",                   Who::kAdmin,     admin::create_reason},
      {"admin.reasons.toggle",  "POST", "/admin/reasons/{id}/toggle",       Who::kAdmin,     admin::toggle_reason},
      {"admin.counties",        "GET",  "/admin/counties",                  Who::kAdmin,     admin::counties},
      {"admin.counties.update", "POST", "/admin/counties/{id}",             Who::kAdmin,     admin::update_county},
      {"oidc.discovery",        "GET",  "/.well-known/openid-configuration", Who::kAnyone,   sso::discovery},
      {"oidc.jwks",             "GET",  "/oidc/jwks",                       Who::kAnyone,    sso::jwks},
      {"oidc.authorize",        "GET",  "/oidc/authorize",                  Who::kAnyone,    sso::authorize},
      {"oidc.consent",          "POST", "/oidc/authorize",                  Who::kTeacher,   sso::decide_consent},
      {"oidc.token",            "POST", "/oidc/token",                      Who::kPartnerApi, sso::token},
      {"oidc.userinfo",         "GET",  "/oidc/userinfo",                   Who::kPartnerApi, sso::userinfo},
      {"oidc.userinfo.post",    "POST", "/oidc/userinfo",                   Who::kPartnerApi, sso::userinfo},
      {"teacher.partners",      "GET",  "/teacher/partners",                Who::kTeacher,   sso::partners},
      {"teacher.partners.revoke", "POST", "/teacher/partners/{client}/revoke", Who::kTeacher, sso::revoke_partner},
      {"partners.apply.form",   "GET",  "/partners/apply",                  Who::kAnyone,    partners::application_form},
      {"partners.apply",        "POST", "/partners/apply",                  Who::kAnyone,    partners::apply},
      {"admin.partners",        "GET",  "/admin/partners",                  Who::kAdmin,     partners::list},
      {"admin.partner",         "GET",  "/admin/partners/{id}",             Who::kAdmin,     partners::show},
      {"admin.partner.approve", "POST", "/admin/partners/{id}/approve",     Who::kAdmin,     partners::approve},
      {"admin.partner.status",  "POST", "/admin/partners/{id}/status",      Who::kAdmin,     partners::change_status},
      {"admin.partner.renew",   "POST", "/admin/partners/{id}/renew",       Who::kAdmin,     partners::renew},
      {"api.reports.push",      "POST", "/api/v1/reports",                  Who::kPartnerApi, api::push_report},
  };
  return table;
}
// clang-format on

std::string url_for(std::string_view name, std::initializer_list<std::string_view> args) {
  for (const core::Route& route : routes()) {
    if (name == route.name) return core::fill_pattern(route.pattern, args);
  }
  throw std::logic_error("no route named " + std::string(name));
}

}  // namespace app
