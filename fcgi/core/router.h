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
  kSignedIn,    // anyone signed in: a teacher or a business account
  kTeacher,     // any teacher, records-only ones included
  kBusiness,    // any business account
  kOrganizer,   // 承辦人 or 總負責人 of a unit
  kMaster,      // 總負責人 of a unit only
  kReviewer,    // 審課人員 of a review unit (which courses and units: shared/access.h)
  kAdmin,       // 系統管理
  kPartnerApi,  // partner token, no cookie, no CSRF
};

// How a route answers, its errors included: pages for people, JSON for partners' programs.
enum class Format { kHtml, kJson };

// What the route does with a request body: kForm, the pipeline parses urlencoded and multipart
// forms and refuses unreadable ones before the handler; kOwn, the handler reads Request::body
// and answers bad bodies in its own terms (the API's 413/415/422).
enum class Body { kForm, kOwn };

using Handler = Response (*)(Context&);

struct Route {
  const char* name;
  const char* method;
  const char* pattern;  // "/courses/{code}"
  Who who;
  Format format;
  Body body;
  Handler handler;
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed;  // when the path exists under other methods only (405)
  const Route* same_path = nullptr;  // a route of this path under another method: its format
};

// HEAD is matched as GET. `path` is matched as it is: nginx has decoded it once already, and
// decoding again would let "/log%2569n" reach "/login" past nginx's location for it.
RouteMatch match_route(const std::vector<Route>& routes, std::string_view method,
                       std::string_view path);

// Fills a pattern's {params} in order, URL-encoding each.
std::string fill_pattern(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace core
