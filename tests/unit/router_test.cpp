// Route matching: paths, parameters, 404 and 405 (core/router).
#include "core/router.h"

#include <gtest/gtest.h>

#include "core/response.h"

namespace core {
namespace {

Response nothing(Context&) { return {}; }

const std::vector<Route> kRoutes = {
    {"home", "GET", "/", Who::kAnyone, Format::kHtml, Body::kForm, nothing},
    {"course.search", "GET", "/courses", Who::kAnyone, Format::kHtml, Body::kForm, nothing},
    {"course.show", "GET", "/courses/{code}", Who::kAnyone, Format::kHtml, Body::kForm, nothing},
    {"enrol", "POST", "/courses/{code}/enrolments", Who::kTeacher, Format::kHtml, Body::kForm, nothing},
    {"login.form", "GET", "/login", Who::kAnyone, Format::kHtml, Body::kForm, nothing},
    {"login", "POST", "/login", Who::kAnyone, Format::kHtml, Body::kForm, nothing},
    {"api", "POST", "/api/v1/reports", Who::kPartnerApi, Format::kJson, Body::kOwn, nothing},
};

TEST(MatchRoute, FindsTheRootOnlyForTheRoot) {
  EXPECT_STREQ(match_route(kRoutes, "GET", "/").route->name, "home");
  EXPECT_EQ(match_route(kRoutes, "GET", "//").route, nullptr);
}

TEST(MatchRoute, CapturesAPathParameter) {
  const RouteMatch m = match_route(kRoutes, "GET", "/courses/5600001");
  ASSERT_NE(m.route, nullptr);
  EXPECT_STREQ(m.route->name, "course.show");
  EXPECT_EQ(m.params.at("code"), "5600001");
}

TEST(MatchRoute, TellsTheMethodFromThePath) {
  EXPECT_STREQ(match_route(kRoutes, "POST", "/login").route->name, "login");
  EXPECT_STREQ(match_route(kRoutes, "GET", "/login").route->name, "login.form");
}

// nginx decoded the path once; a second decoding would turn "/log%2569n" (nginx: "/log%69n")
// into "/login" behind the back of nginx's per-address limit on /login.
TEST(MatchRoute, MatchesAnEncodedPathAsItIsWithoutDecodingItAgain) {
  EXPECT_EQ(match_route(kRoutes, "POST", "/log%69n").route, nullptr);
  EXPECT_TRUE(match_route(kRoutes, "POST", "/log%69n").allowed.empty());
  const RouteMatch m = match_route(kRoutes, "GET", "/courses/56%30001");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("code"), "56%30001");  // and the handler's code check refuses it
}

TEST(MatchRoute, NamesARouteOfThePathForAWrongMethodSoTheAnswerKeepsItsFormat) {
  const RouteMatch m = match_route(kRoutes, "GET", "/api/v1/reports");
  EXPECT_EQ(m.route, nullptr);
  ASSERT_NE(m.same_path, nullptr);
  EXPECT_EQ(m.same_path->format, Format::kJson);
}

TEST(MatchRoute, AnswersHeadAsGet) {
  EXPECT_STREQ(match_route(kRoutes, "HEAD", "/courses").route->name, "course.search");
}

TEST(MatchRoute, ListsTheAllowedMethodsWhenOnlyTheMethodIsWrong) {
  const RouteMatch m = match_route(kRoutes, "DELETE", "/courses/5600001");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, std::vector<std::string>{"GET"});
}

TEST(MatchRoute, FindsNothingForAnUnknownPath) {
  const RouteMatch m = match_route(kRoutes, "GET", "/courses/5600001/nothing");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.allowed.empty());
}

TEST(MatchRoute, RefusesEmptySegmentsAndTrailingSlashes) {
  EXPECT_EQ(match_route(kRoutes, "GET", "/courses/").route, nullptr);
  EXPECT_EQ(match_route(kRoutes, "GET", "/courses//enrolments").route, nullptr);
  EXPECT_EQ(match_route(kRoutes, "GET", "courses").route, nullptr);
}

TEST(FillPattern, EncodesEachArgument) {
  EXPECT_EQ(fill_pattern("/courses/{code}", {"5600001"}), "/courses/5600001");
  EXPECT_EQ(fill_pattern("/courses/{code}", {"a/b"}), "/courses/a%2Fb");
}

TEST(FillPattern, ThrowsOnAMissingArgument) {
  EXPECT_THROW(fill_pattern("/courses/{code}", {}), std::logic_error);
}

}  // namespace
}  // namespace core
