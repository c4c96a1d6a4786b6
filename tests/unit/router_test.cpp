// Route matching: paths, parameters, 404 and 405 (core/router).
#include "core/router.h"

#include <gtest/gtest.h>

#include "core/response.h"

namespace core {
namespace {

Response nothing(Context&) { return {}; }

const std::vector<Route> kRoutes = {
    {"home", "GET", "/", Who::kAnyone, nothing},
    {"course.search", "GET", "/courses", Who::kAnyone, nothing},
    {"course.show", "GET", "/courses/{code}", Who::kAnyone, nothing},
    {"enrol", "POST", "/courses/{code}/enrolments", Who::kTeacher, nothing},
    {"login.form", "GET", "/login", Who::kAnyone, nothing},
    {"login", "POST", "/login", Who::kAnyone, nothing},
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
