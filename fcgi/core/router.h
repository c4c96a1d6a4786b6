// Route rows and matching of method + path against them (STYLE §3).
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace core {

class Context;
struct Response;

// Who may use a route; checked before the handler runs.
enum class Who {
  kAnyone,
  kTeacher,     // any teacher, records-only ones included
  kBusiness,    // any business account
  kOrganizer,   // 承辦人 or 總負責人 of a unit
  kReviewer,    // 審課人員 of a review unit
  kAdmin,       // 系統管理
  kPartnerApi,  // partner token, no cookie, no CSRF
};

using Handler = Response (*)(Context&);

struct Route {
  const char* name;
  const char* method;
  const char* pattern;  // "/courses/{code}"
  Who who;
  Handler handler;
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed;  // when the path exists under other methods only (405)
};

// HEAD is matched as GET.
RouteMatch match_route(const std::vector<Route>& routes, std::string_view method,
                       std::string_view path);

// Fills a pattern's {params} in order, URL-encoding each.
std::string fill_pattern(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace core
