#include "domain/roster_rules.h"

#include <gtest/gtest.h>

namespace {

using domain::Attendance;
using domain::CourseUnits;

domain::Session session(int day, int start_h, int end_h) {
  return {{2026, 3, day}, start_h * 60, end_h * 60, {}};
}

TEST(EarnedUnits, OneThirdExactlyEarnsTheRestOneHourMoreEarnsNothing) {
  const CourseUnits nine{9, 0};
  EXPECT_EQ(domain::earned_units(nine, Attendance::kUnexcused, 3), 6);
  EXPECT_EQ(domain::earned_units(nine, Attendance::kUnexcused, 4), 0);
  EXPECT_EQ(domain::earned_units(nine, Attendance::kExcusedLeave, 4), 5);
  EXPECT_EQ(domain::earned_units(nine, Attendance::kFull, 0), 9);
  EXPECT_EQ(domain::earned_units(nine, Attendance::kExcusedLeave, 12), 0);  // never below 0
}

TEST(EarnedUnits, CreditClassIsEarnedWholeUnlessUnexcusedAboveAThird) {
  const CourseUnits two_credits{0, 2};  // 36 hours
  EXPECT_EQ(two_credits.hours_equivalent(), 36);
  EXPECT_EQ(domain::earned_units(two_credits, Attendance::kFull, 0), 2);
  EXPECT_EQ(domain::earned_units(two_credits, Attendance::kExcusedLeave, 20), 2);
  EXPECT_EQ(domain::earned_units(two_credits, Attendance::kUnexcused, 12), 2);
  EXPECT_EQ(domain::earned_units(two_credits, Attendance::kUnexcused, 13), 0);
}

TEST(LineFromSessions, AbsenceIsTheMissedSessionsHours) {
  const CourseUnits nine{9, 0};
  const std::vector<domain::Session> sessions = {session(1, 9, 12), session(2, 9, 12),
                                                 session(3, 9, 12)};
  auto all = domain::line_from_sessions(nine, sessions, {true, true, true}, false);
  EXPECT_EQ(all.attendance, Attendance::kFull);
  EXPECT_EQ(all.units, 9);
  auto one_excused = domain::line_from_sessions(nine, sessions, {true, false, true}, true);
  EXPECT_EQ(one_excused.attendance, Attendance::kExcusedLeave);
  EXPECT_EQ(one_excused.hours_absent, 3);
  EXPECT_EQ(one_excused.units, 6);
  // Exactly a third unexcused still earns the hours attended; two thirds earn nothing.
  EXPECT_EQ(domain::line_from_sessions(nine, sessions, {false, true, true}, false).units, 6);
  EXPECT_EQ(domain::line_from_sessions(nine, sessions, {false, false, true}, false).units, 0);
  // A grid shorter than the sessions counts the rest as missed.
  EXPECT_EQ(domain::line_from_sessions(nine, sessions, {true}, true).units, 3);
}

TEST(MaySubmitRoster, FromTheLastDayOn) {
  EXPECT_FALSE(domain::may_submit_roster({2026, 3, 5}, {2026, 3, 4}));
  EXPECT_TRUE(domain::may_submit_roster({2026, 3, 5}, {2026, 3, 5}));
  EXPECT_TRUE(domain::may_submit_roster({2026, 3, 5}, {2027, 1, 1}));
}

TEST(DaysOverDailyLimit, SessionsOfDifferentCoursesOnOneDayAddUp) {
  const auto days = domain::days_over_daily_limit(
      {session(1, 8, 12), session(1, 13, 17), session(2, 9, 12), session(2, 13, 16)});
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0], (domain::Date{2026, 3, 1}));
}

TEST(Attendance, CodesRoundTrip) {
  for (Attendance a : {Attendance::kFull, Attendance::kExcusedLeave, Attendance::kUnexcused}) {
    EXPECT_EQ(domain::parse_attendance(domain::attendance_code(a)), a);
  }
  EXPECT_FALSE(domain::parse_attendance("FULL"));
  EXPECT_FALSE(domain::parse_attendance(""));
}

}  // namespace
