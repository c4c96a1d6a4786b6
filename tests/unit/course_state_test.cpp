// tests/unit/course_state_test.cpp: 處理狀態 labels, codes and every (state, action) pair (SPEC
// §3).
#include "domain/course_state.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <utility>

namespace domain {

// Readable failure messages; static so other test files may define their own.
static void PrintTo(CourseState s, std::ostream* os) { *os << state_code(s); }

namespace {

using S = CourseState;
using A = CourseAction;

constexpr S kStates[] = {S::kUnconfirmed,    S::kReturned, S::kApproved, S::kRosterSubmitted,
                         S::kRosterReturned, S::kClosed,   S::kDeleted};
constexpr A kActions[] = {A::kApprove,       A::kReturn,       A::kResubmit,       A::kSubmitRoster,
                          A::kApproveRoster, A::kReturnRoster, A::kResubmitRoster, A::kDelete};

int action_index(A a) { return static_cast<int>(a); }

// The SPEC §3 diagram, and nothing else.
const std::map<std::pair<S, A>, S>& allowed() {
  static const std::map<std::pair<S, A>, S> table = {
      {{S::kUnconfirmed, A::kApprove}, S::kApproved},
      {{S::kUnconfirmed, A::kReturn}, S::kReturned},
      {{S::kReturned, A::kResubmit}, S::kUnconfirmed},
      {{S::kApproved, A::kSubmitRoster}, S::kRosterSubmitted},
      {{S::kRosterSubmitted, A::kApproveRoster}, S::kClosed},
      {{S::kRosterSubmitted, A::kReturnRoster}, S::kRosterReturned},
      {{S::kRosterReturned, A::kResubmitRoster}, S::kRosterSubmitted},
      {{S::kUnconfirmed, A::kDelete}, S::kDeleted},
      {{S::kReturned, A::kDelete}, S::kDeleted},
      {{S::kApproved, A::kDelete}, S::kDeleted},
      {{S::kRosterSubmitted, A::kDelete}, S::kDeleted},
      {{S::kRosterReturned, A::kDelete}, S::kDeleted},
  };
  return table;
}

TEST(NextState, FollowsTheDiagramForAllFiftySixPairs) {
  int allowed_count = 0;
  for (S from : kStates) {
    for (A action : kActions) {
      const auto it = allowed().find({from, action});
      const std::optional<S> expected =
          it == allowed().end() ? std::nullopt : std::optional<S>(it->second);
      if (expected) ++allowed_count;
      EXPECT_EQ(next_state(from, action), expected)
          << state_code(from) << " + action #" << action_index(action);
    }
  }
  EXPECT_EQ(allowed_count, 12);
}

TEST(NextState, ApprovingAnUnconfirmedCourseOpensIt) {
  EXPECT_EQ(next_state(S::kUnconfirmed, A::kApprove), S::kApproved);
}

TEST(NextState, AReturnedCourseGoesBackForReviewWhenResubmitted) {
  EXPECT_EQ(next_state(S::kUnconfirmed, A::kReturn), S::kReturned);
  EXPECT_EQ(next_state(S::kReturned, A::kResubmit), S::kUnconfirmed);
}

TEST(NextState, AReturnedCourseCannotBeApprovedWithoutResubmission) {
  EXPECT_EQ(next_state(S::kReturned, A::kApprove), std::nullopt);
}

TEST(NextState, ApprovingTheRosterClosesTheCourse) {
  EXPECT_EQ(next_state(S::kApproved, A::kSubmitRoster), S::kRosterSubmitted);
  EXPECT_EQ(next_state(S::kRosterSubmitted, A::kApproveRoster), S::kClosed);
}

TEST(NextState, AReturnedRosterIsResubmittedNotApprovedDirectly) {
  EXPECT_EQ(next_state(S::kRosterSubmitted, A::kReturnRoster), S::kRosterReturned);
  EXPECT_EQ(next_state(S::kRosterReturned, A::kApproveRoster), std::nullopt);
  EXPECT_EQ(next_state(S::kRosterReturned, A::kResubmitRoster), S::kRosterSubmitted);
}

TEST(NextState, AClosedCourseCanNoLongerBeDeleted) {
  EXPECT_EQ(next_state(S::kClosed, A::kDelete), std::nullopt);
}

TEST(NextState, ADeletedCourseStaysDeleted) {
  for (A action : kActions) EXPECT_EQ(next_state(S::kDeleted, action), std::nullopt);
}

TEST(StateLabel, UsesTheSiteWords) {
  EXPECT_EQ(std::string(state_label(S::kUnconfirmed)), "課程未確認");
  EXPECT_EQ(std::string(state_label(S::kReturned)), "課程確認未通過");
  EXPECT_EQ(std::string(state_label(S::kApproved)), "課程確認通過");
  EXPECT_EQ(std::string(state_label(S::kRosterSubmitted)), "資料上傳結束");
  EXPECT_EQ(std::string(state_label(S::kRosterReturned)), "名單確認未通過");
  EXPECT_EQ(std::string(state_label(S::kClosed)), "名單確認通過");
  EXPECT_EQ(std::string(state_label(S::kDeleted)), "課程登錄錯誤");
}

TEST(StateCode, IsTheStableDatabaseValue) {
  EXPECT_EQ(std::string(state_code(S::kUnconfirmed)), "unconfirmed");
  EXPECT_EQ(std::string(state_code(S::kReturned)), "returned");
  EXPECT_EQ(std::string(state_code(S::kApproved)), "approved");
  EXPECT_EQ(std::string(state_code(S::kRosterSubmitted)), "roster_submitted");
  EXPECT_EQ(std::string(state_code(S::kRosterReturned)), "roster_returned");
  EXPECT_EQ(std::string(state_code(S::kClosed)), "closed");
  EXPECT_EQ(std::string(state_code(S::kDeleted)), "deleted");
}

TEST(ParseStateCode, ReadsBackEveryCode) {
  for (S state : kStates) EXPECT_EQ(parse_state_code(state_code(state)), state);
}

TEST(ParseStateCode, RefusesUnknownOrSloppyCodes) {
  EXPECT_EQ(parse_state_code(""), std::nullopt);
  EXPECT_EQ(parse_state_code("Approved"), std::nullopt);
  EXPECT_EQ(parse_state_code("approved "), std::nullopt);
  EXPECT_EQ(parse_state_code("roster"), std::nullopt);
  EXPECT_EQ(parse_state_code("課程確認通過"), std::nullopt);
}

TEST(IsUnfinished, EverythingButClosedAndDeleted) {
  EXPECT_TRUE(is_unfinished(S::kUnconfirmed));
  EXPECT_TRUE(is_unfinished(S::kReturned));
  EXPECT_TRUE(is_unfinished(S::kApproved));
  EXPECT_TRUE(is_unfinished(S::kRosterSubmitted));
  EXPECT_TRUE(is_unfinished(S::kRosterReturned));
  EXPECT_FALSE(is_unfinished(S::kClosed));
  EXPECT_FALSE(is_unfinished(S::kDeleted));
}

TEST(IsPublic, FromApprovalOnwardsExceptDeleted) {
  EXPECT_FALSE(is_public(S::kUnconfirmed));
  EXPECT_FALSE(is_public(S::kReturned));
  EXPECT_TRUE(is_public(S::kApproved));
  EXPECT_TRUE(is_public(S::kRosterSubmitted));
  EXPECT_TRUE(is_public(S::kRosterReturned));
  EXPECT_TRUE(is_public(S::kClosed));
  EXPECT_FALSE(is_public(S::kDeleted));
}

}  // namespace
}  // namespace domain

namespace domain {
namespace {

TEST(MayEdit, OnlyBeforeApprovalOrWhenReturnedForCorrection) {
  for (CourseState s : kAllCourseStates) {
    const bool expected = s == CourseState::kUnconfirmed || s == CourseState::kReturned;
    EXPECT_EQ(may_edit(s), expected) << state_code(s);
  }
}

TEST(AllCourseStates, EachCodeReadsBackAsItsState) {
  for (CourseState s : kAllCourseStates) EXPECT_EQ(parse_state_code(state_code(s)), s);
}

}  // namespace
}  // namespace domain
