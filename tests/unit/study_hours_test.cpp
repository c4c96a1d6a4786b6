// tests/unit/study_hours_test.cpp: 第10條 as SPEC §3 "第10條, exactly" reads it.
#include "domain/study_hours.h"

#include <gtest/gtest.h>

#include <ostream>
#include <utility>
#include <vector>

namespace domain {

// Readable failure messages; static so other test files may define their own.
static void PrintTo(const Date& d, std::ostream* os) { *os << to_iso(d); }
static void PrintTo(const IsoWeek& w, std::ostream* os) { *os << w.year << "-W" << w.week; }

namespace {

constexpr int at(int hour, int minute = 0) { return hour * 60 + minute; }

Session day_of(const Date& date, int start, int end, std::vector<Interval> breaks = {}) {
  return Session{date, start, end, std::move(breaks)};
}

// 09:00-16:00 with lunch 12:00-13:00: two blocks of 180 minutes, 6 hours.
Session full_day(const Date& date) { return day_of(date, at(9), at(16), {{at(12), at(13)}}); }

TEST(BlockHours, UnderFiftyMinutesCountNothing) {
  EXPECT_EQ(block_hours(0), 0);
  EXPECT_EQ(block_hours(45), 0);
  EXPECT_EQ(block_hours(49), 0);
  EXPECT_EQ(block_hours(-30), 0);
}

TEST(BlockHours, FiftyMinutesCountOneHour) {
  EXPECT_EQ(block_hours(50), 1);
  EXPECT_EQ(block_hours(51), 1);
  EXPECT_EQ(block_hours(89), 1);
}

TEST(BlockHours, NinetyContinuousMinutesCountTwoHours) {
  EXPECT_EQ(block_hours(90), 2);
  EXPECT_EQ(block_hours(91), 2);
  EXPECT_EQ(block_hours(119), 2);
}

TEST(BlockHours, FromTwoHoursOnWholeHoursCountPlusOneForFiftyMinutesLeft) {
  EXPECT_EQ(block_hours(120), 2);
  EXPECT_EQ(block_hours(150), 2);
  EXPECT_EQ(block_hours(169), 2);
  EXPECT_EQ(block_hours(170), 3);
  EXPECT_EQ(block_hours(180), 3);
  EXPECT_EQ(block_hours(229), 3);
  EXPECT_EQ(block_hours(230), 4);
  EXPECT_EQ(block_hours(240), 4);
}

TEST(TeachingBlocks, ABreakSplitsTheMorningInTwo) {
  const Session s = day_of(Date{2025, 2, 24}, at(9), at(12), {{at(10, 30), at(10, 40)}});
  EXPECT_EQ(teaching_blocks(s), (std::vector<int>{90, 80}));
  EXPECT_EQ(session_hours(s), 3);  // 2 + 1
}

TEST(TeachingBlocks, ASingleFiftyMinutePeriodIsOneHour) {
  const Session s = day_of(Date{2025, 2, 24}, at(14), at(14, 50));
  EXPECT_EQ(teaching_blocks(s), (std::vector<int>{50}));
  EXPECT_EQ(session_hours(s), 1);
}

TEST(TeachingBlocks, AFullDayWithLunchIsSixHours) {
  const Session s = full_day(Date{2025, 2, 24});
  EXPECT_EQ(teaching_blocks(s), (std::vector<int>{180, 180}));
  EXPECT_EQ(session_hours(s), 6);
}

TEST(TeachingBlocks, BreaksInAnyOrderAreCutInTimeOrder) {
  const Session s =
      day_of(Date{2025, 2, 24}, at(9), at(16), {{at(14), at(14, 10)}, {at(12), at(13)}});
  EXPECT_EQ(teaching_blocks(s), (std::vector<int>{180, 60, 110}));
  EXPECT_EQ(session_hours(s), 3 + 1 + 2);
}

TEST(TeachingBlocks, OverlappingBreaksCountOnce) {
  const Session s =
      day_of(Date{2025, 2, 24}, at(9), at(12),
             {{at(10), at(10, 30)}, {at(10, 15), at(10, 20)}, {at(10, 20), at(10, 40)}});
  EXPECT_EQ(teaching_blocks(s), (std::vector<int>{60, 80}));
}

TEST(TeachingBlocks, BreaksReachingOutsideTheSessionAreClamped) {
  // Sign-in from 08:30 to 09:10 and a break running past the end.
  const Session s =
      day_of(Date{2025, 2, 24}, at(9), at(12), {{at(8, 30), at(9, 10)}, {at(11, 30), at(13)}});
  EXPECT_EQ(teaching_blocks(s), (std::vector<int>{140}));
  EXPECT_EQ(session_hours(s), 2);
}

TEST(TeachingBlocks, BreaksWhollyOutsideOrEmptyAreIgnored) {
  const Session s = day_of(Date{2025, 2, 24}, at(9), at(12),
                           {{at(7), at(8)}, {at(13), at(14)}, {at(10), at(10)}, {at(11), at(10)}});
  EXPECT_EQ(teaching_blocks(s), (std::vector<int>{180}));
}

TEST(TeachingBlocks, AdjacentBreaksLeaveNoEmptyBlock) {
  const Session s =
      day_of(Date{2025, 2, 24}, at(9), at(12), {{at(10), at(10, 10)}, {at(10, 10), at(10, 20)}});
  EXPECT_EQ(teaching_blocks(s), (std::vector<int>{60, 100}));
}

TEST(TeachingBlocks, ABreakCoveringTheWholeSessionLeavesNothing) {
  const Session s = day_of(Date{2025, 2, 24}, at(9), at(12), {{at(8), at(13)}});
  EXPECT_TRUE(teaching_blocks(s).empty());
  EXPECT_EQ(session_hours(s), 0);
}

TEST(TeachingBlocks, ASessionEndingBeforeItStartsHasNoBlocks) {
  EXPECT_TRUE(teaching_blocks(day_of(Date{2025, 2, 24}, at(12), at(9))).empty());
  EXPECT_TRUE(teaching_blocks(day_of(Date{2025, 2, 24}, at(9), at(9))).empty());
}

TEST(TeachingBlocks, ShortBlocksBetweenBreaksCountNothingEach) {
  // Three 40-minute talks with breaks between them: 120 minutes taught, but no block reaches 50.
  const Session s = day_of(Date{2025, 2, 24}, at(9), at(11, 20),
                           {{at(9, 40), at(9, 50)}, {at(10, 30), at(10, 40)}});
  EXPECT_EQ(teaching_blocks(s), (std::vector<int>{40, 40, 40}));
  EXPECT_EQ(session_hours(s), 0);
}

TEST(CheckCourseHours, SixHoursADayIsNotOverTheLimit) {
  const HoursCheck check = check_course_hours({full_day(Date{2025, 2, 24})});
  EXPECT_EQ(check.total_hours, 6);
  EXPECT_TRUE(check.days_over_limit.empty());
  EXPECT_FALSE(check.needs_special_approval());
}

TEST(CheckCourseHours, SevenHoursInOneDayAreFlagged) {
  const HoursCheck check =
      check_course_hours({day_of(Date{2025, 2, 24}, at(8), at(16), {{at(12), at(13)}})});
  EXPECT_EQ(check.total_hours, 7);
  EXPECT_EQ(check.days_over_limit, (std::vector<Date>{{2025, 2, 24}}));
  EXPECT_TRUE(check.weeks_over_limit.empty());
  EXPECT_TRUE(check.needs_special_approval());
}

TEST(CheckCourseHours, SessionsOnTheSameDayAddUp) {
  const Date monday{2025, 2, 24};
  const Date tuesday{2025, 2, 25};
  const HoursCheck check =
      check_course_hours({day_of(monday, at(9), at(12)), day_of(tuesday, at(9), at(12)),
                          day_of(monday, at(13), at(17))});
  EXPECT_EQ(check.total_hours, 3 + 3 + 4);
  EXPECT_EQ(check.days_over_limit, (std::vector<Date>{monday}));
}

TEST(CheckCourseHours, ThirtySixHoursInOneIsoWeekAreFlagged) {
  std::vector<Session> sessions;
  for (int day = 24; day <= 28; ++day) sessions.push_back(full_day(Date{2025, 2, day}));
  sessions.push_back(full_day(Date{2025, 3, 1}));  // Saturday, same ISO week
  const HoursCheck check = check_course_hours(sessions);
  EXPECT_EQ(check.total_hours, 36);
  EXPECT_TRUE(check.days_over_limit.empty());
  EXPECT_EQ(check.weeks_over_limit, (std::vector<IsoWeek>{{2025, 9}}));
  EXPECT_TRUE(check.needs_special_approval());
}

TEST(CheckCourseHours, ThirtyFiveHoursInOneIsoWeekAreNotFlagged) {
  std::vector<Session> sessions;
  for (int day = 24; day <= 28; ++day) sessions.push_back(full_day(Date{2025, 2, day}));
  sessions.push_back(day_of(Date{2025, 3, 1}, at(9), at(14)));  // 300 minutes: 5 hours
  const HoursCheck check = check_course_hours(sessions);
  EXPECT_EQ(check.total_hours, 35);
  EXPECT_TRUE(check.weeks_over_limit.empty());
  EXPECT_FALSE(check.needs_special_approval());
}

TEST(CheckCourseHours, SixDaysOfSixAcrossTwoIsoWeeksAreNotFlagged) {
  std::vector<Session> sessions;
  for (int day = 27; day <= 28; ++day) sessions.push_back(full_day(Date{2025, 2, day}));
  for (int day = 1; day <= 4; ++day) sessions.push_back(full_day(Date{2025, 3, day}));
  const HoursCheck check = check_course_hours(sessions);
  EXPECT_EQ(check.total_hours, 36);
  EXPECT_TRUE(check.weeks_over_limit.empty());
}

TEST(CheckCourseHours, AWeekAcrossNewYearIsOneIsoWeek) {
  std::vector<Session> sessions;
  for (int day = 29; day <= 31; ++day) sessions.push_back(full_day(Date{2025, 12, day}));
  for (int day = 1; day <= 3; ++day) sessions.push_back(full_day(Date{2026, 1, day}));
  const HoursCheck check = check_course_hours(sessions);
  EXPECT_EQ(check.weeks_over_limit, (std::vector<IsoWeek>{{2026, 1}}));
}

TEST(CheckCourseHours, ListsOverLimitDaysInDateOrder) {
  const auto long_day = [](const Date& d) { return day_of(d, at(8), at(16), {{at(12), at(13)}}); };
  const HoursCheck check =
      check_course_hours({long_day(Date{2025, 3, 5}), long_day(Date{2025, 2, 24})});
  EXPECT_EQ(check.days_over_limit, (std::vector<Date>{{2025, 2, 24}, {2025, 3, 5}}));
}

TEST(CheckCourseHours, NoSessionsMeanNoHours) {
  const HoursCheck check = check_course_hours({});
  EXPECT_EQ(check.total_hours, 0);
  EXPECT_FALSE(check.needs_special_approval());
}

TEST(CreditsToHours, OneCreditIsEighteenHours) {
  EXPECT_EQ(kHoursPerCredit, 18);
  EXPECT_EQ(credits_to_hours(0), 0);
  EXPECT_EQ(credits_to_hours(1), 18);
  EXPECT_EQ(credits_to_hours(2), 36);
  EXPECT_EQ(credits_to_hours(3), 54);
}

TEST(IssuedHours, FullAttendanceEarnsTheCourseHours) {
  EXPECT_EQ(issued_hours(6, Attendance::kFull, 0), 6);
}

TEST(IssuedHours, UnexcusedAbsenceOfExactlyOneThirdStillEarnsTheHoursAttended) {
  EXPECT_EQ(issued_hours(6, Attendance::kUnexcused, 2), 4);
  EXPECT_EQ(issued_hours(18, Attendance::kUnexcused, 6), 12);
}

TEST(IssuedHours, UnexcusedAbsenceOverOneThirdEarnsNothing) {
  EXPECT_EQ(issued_hours(6, Attendance::kUnexcused, 3), 0);
  EXPECT_EQ(issued_hours(18, Attendance::kUnexcused, 7), 0);
}

TEST(IssuedHours, OneThirdIsComparedWithoutRounding) {
  // A third of 7 is 2.33: 2 hours absent is under it, 3 is over.
  EXPECT_EQ(issued_hours(7, Attendance::kUnexcused, 2), 5);
  EXPECT_EQ(issued_hours(7, Attendance::kUnexcused, 3), 0);
  // A third of 2 is 0.67: even one hour of 曠課 is over it.
  EXPECT_EQ(issued_hours(2, Attendance::kUnexcused, 1), 0);
}

TEST(IssuedHours, ExcusedLeaveEarnsTheHoursAttendedHoweverMuchIsMissed) {
  EXPECT_EQ(issued_hours(6, Attendance::kExcusedLeave, 2), 4);
  EXPECT_EQ(issued_hours(6, Attendance::kExcusedLeave, 5), 1);
  EXPECT_EQ(issued_hours(6, Attendance::kExcusedLeave, 6), 0);
}

TEST(IssuedHours, NeverExceedsTheCourseHoursNorGoesNegative) {
  EXPECT_EQ(issued_hours(6, Attendance::kExcusedLeave, -3), 6);
  EXPECT_EQ(issued_hours(6, Attendance::kExcusedLeave, 10), 0);
  EXPECT_EQ(issued_hours(6, Attendance::kUnexcused, -1), 6);
  EXPECT_EQ(issued_hours(6, Attendance::kFull, 4), 6);
  EXPECT_EQ(issued_hours(0, Attendance::kFull, 0), 0);
  EXPECT_EQ(issued_hours(-5, Attendance::kFull, 0), 0);
}

}  // namespace
}  // namespace domain
