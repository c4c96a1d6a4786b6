// tests/unit/lights_test.cpp: 燈號 thresholds, words and the overdue rule (SPEC §6).
#include "domain/lights.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace domain {

// Readable failure messages; static so other test files may define their own.
static void PrintTo(Light light, std::ostream* os) { *os << light_code(light); }

namespace {

TEST(TeacherLight, GreenWhenNothingMissed) { EXPECT_EQ(teacher_light(0), Light::kGreen); }
TEST(TeacherLight, YellowFromOne) { EXPECT_EQ(teacher_light(1), Light::kYellow); }
TEST(TeacherLight, YellowUpToTwo) { EXPECT_EQ(teacher_light(2), Light::kYellow); }
TEST(TeacherLight, RedFromThree) { EXPECT_EQ(teacher_light(3), Light::kRed); }
TEST(TeacherLight, RedBeyondThree) { EXPECT_EQ(teacher_light(40), Light::kRed); }
TEST(TeacherLight, GreenForANegativeCount) { EXPECT_EQ(teacher_light(-1), Light::kGreen); }

TEST(UnitLight, GreenWhenNothingOverdue) { EXPECT_EQ(unit_light(0), Light::kGreen); }
TEST(UnitLight, YellowFromOneOverdue) { EXPECT_EQ(unit_light(1), Light::kYellow); }
TEST(UnitLight, YellowUpToFourOverdue) { EXPECT_EQ(unit_light(4), Light::kYellow); }
TEST(UnitLight, RedFromFiveOverdue) { EXPECT_EQ(unit_light(5), Light::kRed); }

TEST(UnitLight, FollowsACountysOwnThreshold) {
  EXPECT_EQ(unit_light(2, 3), Light::kYellow);
  EXPECT_EQ(unit_light(3, 3), Light::kRed);
  EXPECT_EQ(unit_light(9, 10), Light::kYellow);
  EXPECT_EQ(unit_light(10, 10), Light::kRed);
}

TEST(UnitLight, AThresholdOfOneSkipsYellow) {
  EXPECT_EQ(unit_light(0, 1), Light::kGreen);
  EXPECT_EQ(unit_light(1, 1), Light::kRed);
  EXPECT_EQ(unit_light(1, 0), Light::kRed);
}

TEST(BlocksRegistration, OnlyRedBlocks) {
  EXPECT_FALSE(blocks_registration(Light::kGreen));
  EXPECT_FALSE(blocks_registration(Light::kYellow));
  EXPECT_TRUE(blocks_registration(Light::kRed));
}

TEST(BlocksRegistration, ReopensWhenTheCountDropsBelowFive) {
  EXPECT_TRUE(blocks_registration(unit_light(5)));
  EXPECT_FALSE(blocks_registration(unit_light(4)));
}

TEST(LightCode, MatchesTheDataLightAttributeValues) {
  EXPECT_EQ(std::string(light_code(Light::kGreen)), "green");
  EXPECT_EQ(std::string(light_code(Light::kYellow)), "yellow");
  EXPECT_EQ(std::string(light_code(Light::kRed)), "red");
}

TEST(LightWords, NamesTheColourInChinese) {
  EXPECT_EQ(std::string(light_words(Light::kGreen)), "綠燈");
  EXPECT_EQ(std::string(light_words(Light::kYellow)), "黃燈");
  EXPECT_EQ(std::string(light_words(Light::kRed)), "紅燈");
}

TEST(IsOverdue, NotWithinTheSevenDaysOfGrace) {
  EXPECT_FALSE(is_overdue(Date{2025, 3, 1}, Date{2025, 3, 1}));
  EXPECT_FALSE(is_overdue(Date{2025, 3, 1}, Date{2025, 3, 8}));
}

TEST(IsOverdue, FromTheEighthDayAfterTheLastSession) {
  EXPECT_TRUE(is_overdue(Date{2025, 3, 1}, Date{2025, 3, 9}));
}

TEST(IsOverdue, CountsGraceAcrossMonthEnds) {
  EXPECT_FALSE(is_overdue(Date{2024, 2, 25}, Date{2024, 3, 3}));
  EXPECT_TRUE(is_overdue(Date{2024, 2, 25}, Date{2024, 3, 4}));
}

TEST(IsOverdue, FollowsAConfiguredGrace) {
  EXPECT_FALSE(is_overdue(Date{2025, 3, 1}, Date{2025, 3, 15}, 14));
  EXPECT_TRUE(is_overdue(Date{2025, 3, 1}, Date{2025, 3, 16}, 14));
  EXPECT_TRUE(is_overdue(Date{2025, 3, 1}, Date{2025, 3, 2}, 0));
}

TEST(IsOverdue, IgnoresCoursesOfEarlierYears) {
  EXPECT_FALSE(is_overdue(Date{2024, 12, 1}, Date{2025, 1, 10}));
  EXPECT_FALSE(is_overdue(Date{2023, 6, 1}, Date{2025, 6, 1}));
}

TEST(IsOverdue, IgnoresSessionsNotYetHeld) {
  EXPECT_FALSE(is_overdue(Date{2025, 9, 1}, Date{2025, 3, 1}));
}

}  // namespace
}  // namespace domain
