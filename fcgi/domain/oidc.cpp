// The OpenID Connect provider's pure rules.
#include "domain/oidc.h"

#include "domain/validation.h"

namespace domain {

namespace {
struct ScopeClaims {
  const char* scope;
  std::vector<const char*> claims;
};
const std::vector<ScopeClaims>& scope_table() {
  static const std::vector<ScopeClaims> table = {
      {"profile", {"name"}},
      {"school", {"school_code", "school_name"}},
      {"title", {"title_code", "title_name"}},
  };
  return table;
}

bool is_unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}
}  // namespace

const char* claim_label(std::string_view claim) {
  if (claim == "name") return "姓名";
  if (claim == "school_code") return "學校代碼";
  if (claim == "school_name") return "學校名稱";
  if (claim == "title_code") return "職稱代碼";
  if (claim == "title_name") return "職稱名稱";
  return "";
}

ScopeCheck check_scope(std::string_view scope, const std::set<std::string>& approved) {
  ScopeCheck result;
  size_t pos = 0;
  while (pos < scope.size()) {
    size_t space = scope.find(' ', pos);
    if (space == std::string_view::npos) space = scope.size();
    if (space > pos) result.scopes.emplace(scope.substr(pos, space - pos));
    pos = space + 1;
  }
  if (!result.scopes.count("openid")) {
    result.error = "invalid_scope";
    return result;
  }
  for (const auto& s : result.scopes) {
    if (s == "openid") continue;
    bool releases_something = false;
    for (const auto& row : scope_table()) {
      if (s != row.scope) continue;
      for (const char* claim : row.claims) releases_something |= approved.count(claim) > 0;
    }
    if (!releases_something) {
      result.error = "invalid_scope";
      return result;
    }
  }
  return result;
}

std::set<std::string> released_claims(const std::set<std::string>& scopes,
                                      const std::set<std::string>& approved) {
  std::set<std::string> out;
  for (const auto& row : scope_table()) {
    if (!scopes.count(row.scope)) continue;
    for (const char* claim : row.claims) {
      if (approved.count(claim)) out.insert(claim);
    }
  }
  return out;
}

std::vector<std::string> scopes_for(const std::set<std::string>& approved) {
  std::vector<std::string> out{"openid"};
  for (const auto& row : scope_table()) {
    for (const char* claim : row.claims) {
      if (approved.count(claim)) {
        out.emplace_back(row.scope);
        break;
      }
    }
  }
  return out;
}

bool is_code_verifier(std::string_view value) {
  if (value.size() < 43 || value.size() > 128) return false;
  for (char c : value) {
    if (!is_unreserved(c)) return false;
  }
  return true;
}

bool is_s256_challenge(std::string_view value) {
  if (value.size() != 43) return false;
  for (char c : value) {
    const bool b64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_';
    if (!b64url) return false;
  }
  return true;
}

std::string redirect_with(const std::string& redirect_uri,
                          const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out = redirect_uri;
  char sep = redirect_uri.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [name, value] : params) {
    out += sep;
    out += percent_encode(name) + "=" + percent_encode(value);
    sep = '&';
  }
  return out;
}

std::string origin_of(std::string_view uri) {
  size_t start = 0;
  if (uri.rfind("https://", 0) == 0) start = 8;
  else if (uri.rfind("http://", 0) == 0) start = 7;
  else return "";
  const size_t end = uri.find_first_of("/?#", start);
  const std::string_view authority = uri.substr(start, end == std::string_view::npos ? uri.size() - start : end - start);
  // No user info, spaces, quotes or semicolons: the origin goes into a header.
  if (authority.empty() || authority.find_first_of("@ ;'\",") != std::string_view::npos) return "";
  return std::string(uri.substr(0, start)) + std::string(authority);
}

}  // namespace domain
