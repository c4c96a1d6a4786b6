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
