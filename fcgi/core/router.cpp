// Matching paths segment by segment; {name} captures one non-empty segment.
#include "core/router.h"

#include <stdexcept>

#include "core/request.h"

namespace core {

namespace {
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t pos = 1;  // paths start with '/'
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    parts.push_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return parts;
}

bool match_pattern(std::string_view pattern, std::string_view path,
                   std::map<std::string, std::string>& params) {
  if (pattern == "/" || path == "/") return pattern == path;
  const auto want = split_path(pattern);
  const auto got = split_path(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> captured;
  for (size_t i = 0; i < want.size(); ++i) {
    const std::string_view w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (got[i].empty()) return false;
      captured.emplace(std::string(w.substr(1, w.size() - 2)), std::string(got[i]));
    } else if (w != got[i]) {
      return false;
    }
  }
  params = std::move(captured);
  return true;
}
}  // namespace

RouteMatch match_route(const std::vector<Route>& routes, std::string_view method,
                       std::string_view path) {
  const std::string_view effective = method == "HEAD" ? "GET" : method;
  RouteMatch result;
  if (path.empty() || path.front() != '/') return result;
  for (const Route& route : routes) {
    std::map<std::string, std::string> params;
    if (!match_pattern(route.pattern, path, params)) continue;
    if (effective == route.method) {
      result.route = &route;
      result.params = std::move(params);
      result.allowed.clear();
      return result;
    }
    result.allowed.emplace_back(route.method);
    if (!result.same_path) result.same_path = &route;
  }
  return result;
}

std::string fill_pattern(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  auto arg = args.begin();
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    const size_t close = pattern.find('}', i);
    if (arg == args.end()) throw std::logic_error("missing argument for " + std::string(pattern));
    out += url_encode(*arg++);
    i = close;
  }
  if (arg != args.end()) throw std::logic_error("extra argument for " + std::string(pattern));
  return out;
}

}  // namespace core
