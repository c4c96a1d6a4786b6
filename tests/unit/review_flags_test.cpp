// The reviewer queue's automatic flags (domain/review_flags).
#include "domain/review_flags.h"

#include <gtest/gtest.h>

namespace domain {
namespace {

TEST(TagLooksMisused, FlagsACprTagOnAReadingCourse) {
  EXPECT_TRUE(tag_looks_misused("基本救命術訓練", "素養導向閱讀教學", "閱讀理解提問設計", {"junior_high"}));
}

TEST(TagLooksMisused, AcceptsACprTagOnACprCourse) {
  EXPECT_FALSE(tag_looks_misused("基本救命術訓練", "基本救命術（CPR＋AED）", "", {}));
}

TEST(TagLooksMisused, AcceptsTheKindergartenTagOnAKindergartenLevelCourse) {
  EXPECT_FALSE(tag_looks_misused("幼兒園教保專業知能", "繪本共讀", "共讀策略", {"kindergarten"}));
  EXPECT_TRUE(tag_looks_misused("幼兒園教保專業知能", "繪本共讀", "共讀策略", {"elementary"}));
}

TEST(TagLooksMisused, NeverFlagsATagItDoesNotKnow) {
  EXPECT_FALSE(tag_looks_misused("新的標籤", "任何課程", "", {}));
}

TEST(RegisteredLate, SevenDaysAheadIsInTime) {
  EXPECT_FALSE(registered_late({2025, 3, 1}, {2025, 3, 8}, 7));
}

TEST(RegisteredLate, SixDaysAheadIsLate) {
  EXPECT_TRUE(registered_late({2025, 3, 2}, {2025, 3, 8}, 7));
}

}  // namespace
}  // namespace domain

namespace domain {
namespace {

FlagFacts plain_course() {
  FlagFacts f;
  f.title = "素養導向閱讀教學工作坊";
  f.outline = "文本分析與提問設計。";
  f.basis_doc = "桃教資字第1140014389號";
  f.class_kind = "non_credit";
  f.registered_on = "2025-02-01";
  f.first_date = "2025-03-01";
  f.declared_hours = 3;
  f.sessions = {{Date{2025, 3, 1}, 9 * 60, 12 * 60, {{10 * 60 + 30, 10 * 60 + 40}}}};
  f.levels = {"junior_high"};
  return f;
}

TEST(ReviewFlags, NoneForACourseThatKeepsEveryRule) { EXPECT_TRUE(review_flags(plain_course()).empty()); }

TEST(ReviewFlags, NamesDeclaredHoursAboveTheComputedOnes) {
  FlagFacts f = plain_course();
  f.declared_hours = 4;
  const auto flags = review_flags(f);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0], "申報 4 小時，依第10條計算僅 3 小時");
}

TEST(ReviewFlags, AskForTheBasisDocOfACrossSchoolCourse) {
  FlagFacts f = plain_course();
  f.basis_doc.clear();
  EXPECT_TRUE(review_flags(f).empty());  // a course of the school itself needs none
  f.cross_school = true;
  EXPECT_EQ(review_flags(f), std::vector<std::string>{"缺依據文號"});
}

TEST(ReviewFlags, PointOutLikelyDuplicatesAndLateRegistration) {
  FlagFacts f = plain_course();
  f.same_title_courses = 2;
  f.registered_on = "2025-02-25";  // 4 days before, 7 required
  const auto flags = review_flags(f);
  ASSERT_EQ(flags.size(), 2u);
  EXPECT_EQ(flags[0], "疑似重複登錄：本單位另有 2 門同名課程");
  EXPECT_EQ(flags[1], "逾期登錄：研習前不足 7 天");
}

}  // namespace
}  // namespace domain
