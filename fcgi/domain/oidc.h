// domain/oidc.h: the OpenID Connect provider's pure rules: scopes, which claims they release,
// PKCE values, and building the redirect back to a partner (SPEC §7; RFC 9700).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

// The attributes a partner may be approved for (seeds 003 appendix 1), in display order.
inline constexpr const char* kRoamingClaims[] = {"name", "school_code", "school_name", "title_code",
                                                 "title_name"};
const char* claim_label(std::string_view claim);  // "name" → "姓名"; unknown → ""

// Scopes: openid (sub only), profile (name), school (school_code, school_name),
// title (title_code, title_name).
struct ScopeCheck {
  std::set<std::string> scopes;
  std::string error;  // "" or "invalid_scope"
};
// Parses a space-separated scope and checks it against what the partner is approved for: openid
// is required, and each other scope must release at least one approved claim.
ScopeCheck check_scope(std::string_view scope, const std::set<std::string>& approved_claims);
// The approved claims the scopes ask for: never more than approved (claim minimisation, P1).
std::set<std::string> released_claims(const std::set<std::string>& scopes,
                                      const std::set<std::string>& approved_claims);
// Every scope the partner may ask for (for discovery and the error message).
std::vector<std::string> scopes_for(const std::set<std::string>& approved_claims);

// RFC 7636 §4.1: 43–128 characters of [A-Za-z0-9-._~]. A S256 challenge is exactly 43 base64url.
bool is_code_verifier(std::string_view value);
bool is_s256_challenge(std::string_view value);

// redirect_uri with the parameters appended (after '?' or '&'), each URL-encoded.
std::string redirect_with(const std::string& redirect_uri,
                          const std::vector<std::pair<std::string, std::string>>& params);

// "https://p.example:8443/cb?x=1" → "https://p.example:8443"; "" for anything not http(s).
std::string origin_of(std::string_view uri);

}  // namespace domain
