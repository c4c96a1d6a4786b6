// app/routes.cpp: every address the portal answers. Read this to know the site.
#include "app/routes.h"

#include <stdexcept>

#include "accounts/accounts_handlers.h"
#include "core/response.h"
#include "office/office_handlers.h"
#include "site/site_handlers.h"
#include "teacher/teacher_handlers.h"

namespace app {

using core::Who;

// clang-format off: the table is aligned by hand, to be read as one.
const std::vector<core::Route>& routes() {
  static const std::vector<core::Route> table = {
      // name             method  pattern            who              handler
      {"home",            "GET",  "/",               Who::kAnyone,    site::home},
      {"course.search",   "GET",  "/courses",        Who::kAnyone,    site::search_courses},
      {"course.show",     "GET",  "/courses/{code}", Who::kAnyone,    site::show_course},
      {"healthz",         "GET",  "/healthz",        Who::kAnyone,    site::health},
      {"login.form",      "GET",  "/login",          Who::kAnyone,    accounts::login_form},
      {"login",           "POST", "/login",          Who::kAnyone,    accounts::log_in},
      {"logout.form",     "GET",  "/logout",         Who::kAnyone,    accounts::logout_form},
      {"logout",          "POST", "/logout",         Who::kAnyone,    accounts::log_out},
      {"teacher.home",    "GET",  "/teacher",        Who::kTeacher,   teacher::home},
      {"office.home",     "GET",  "/office",         Who::kBusiness,  office::home},
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
