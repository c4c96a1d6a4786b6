// The OpenID Connect provider's pure rules (domain/oidc).
#include "domain/oidc.h"

#include <gtest/gtest.h>

namespace domain {
namespace {

const std::set<std::string> kDreamN = {"name", "school_code", "school_name"};

TEST(CheckScope, RequiresOpenid) {
  EXPECT_EQ(check_scope("profile school", kDreamN).error, "invalid_scope");
}

TEST(CheckScope, AcceptsScopesThatReleaseAnApprovedClaim) {
  const ScopeCheck c = check_scope("openid profile school", kDreamN);
  EXPECT_EQ(c.error, "");
  EXPECT_EQ(c.scopes.size(), 3u);
}

TEST(CheckScope, RefusesAScopeWhoseClaimsWereNotApproved) {
  EXPECT_EQ(check_scope("openid title", kDreamN).error, "invalid_scope");
}

TEST(CheckScope, RefusesAnUnknownScope) {
  EXPECT_EQ(check_scope("openid email", kDreamN).error, "invalid_scope");
}

TEST(CheckScope, IgnoresRepeatedSpacesAndOrder) {
  EXPECT_EQ(check_scope("school  openid", kDreamN).error, "");
}

TEST(ReleasedClaims, GivesOnlyWhatIsApprovedAndAskedFor) {
  EXPECT_EQ(released_claims({"openid", "school"}, kDreamN),
            (std::set<std::string>{"school_code", "school_name"}));
  EXPECT_EQ(released_claims({"openid", "profile", "school"}, {"name"}), (std::set<std::string>{"name"}));
  EXPECT_TRUE(released_claims({"openid"}, kDreamN).empty());
}

TEST(ScopesFor, ListsOpenidAndEveryScopeWithAnApprovedClaim) {
  EXPECT_EQ(scopes_for(kDreamN), (std::vector<std::string>{"openid", "profile", "school"}));
}

TEST(CodeVerifier, NeedsFortyThreeToOneHundredTwentyEightUnreservedCharacters) {
  EXPECT_FALSE(is_code_verifier(std::string(42, 'a')));
  EXPECT_TRUE(is_code_verifier(std::string(43, 'a')));
  EXPECT_TRUE(is_code_verifier(std::string(128, '~')));
  EXPECT_FALSE(is_code_verifier(std::string(129, 'a')));
  EXPECT_FALSE(is_code_verifier(std::string(42, 'a') + "+"));
}

TEST(S256Challenge, IsFortyThreeBase64UrlCharacters) {
  EXPECT_TRUE(is_s256_challenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
  EXPECT_FALSE(is_s256_challenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c"));
  EXPECT_FALSE(is_s256_challenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c="));
}

TEST(RedirectWith, AppendsEncodedParameters) {
  EXPECT_EQ(redirect_with("http://127.0.0.1:8091/callback", {{"code", "a b"}, {"state", "x&y"}}),
            "http://127.0.0.1:8091/callback?code=a%20b&state=x%26y");
  EXPECT_EQ(redirect_with("https://p.example/cb?tenant=1", {{"error", "access_denied"}}),
            "https://p.example/cb?tenant=1&error=access_denied");
}

TEST(OriginOf, KeepsSchemeHostAndPort) {
  EXPECT_EQ(origin_of("http://127.0.0.1:8091/callback"), "http://127.0.0.1:8091");
  EXPECT_EQ(origin_of("https://p.example/cb?x=1"), "https://p.example");
  EXPECT_EQ(origin_of("https://p.example"), "https://p.example");
}

TEST(OriginOf, RefusesOtherSchemesAndHeaderBreakers) {
  EXPECT_EQ(origin_of("javascript:alert(1)"), "");
  EXPECT_EQ(origin_of("https://a;b/"), "");
  EXPECT_EQ(origin_of("https://user@p.example/"), "");
}

}  // namespace
}  // namespace domain
