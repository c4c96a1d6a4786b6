// tests/unit/restricted_activity_test.cpp: 第9條 screening: the article's examples hit, near misses
// do not.
#include "domain/restricted_activity.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace domain {
namespace {

// The single category a text falls under, as "category/word"; "" when none, "many" when several.
std::string only_hit(const std::string& title, const std::string& outline = "") {
  const std::vector<RestrictedMatch> hits = screen_restricted(title, outline);
  if (hits.empty()) return "";
  if (hits.size() > 1) return "many";
  return hits[0].category + "/" + hits[0].word;
}

TEST(ScreenRestricted, PassesAnOrdinaryTeachingCourse) {
  EXPECT_TRUE(
      screen_restricted("素養導向閱讀教學工作坊", "以文本分析與提問設計提升閱讀理解教學").empty());
  EXPECT_TRUE(screen_restricted("", "").empty());
}

TEST(ScreenRestricted, FlagsRoutineSchoolBusiness) {
  EXPECT_EQ(only_hit("三年級學年會議"), "學校例行性業務/學年會議");
  EXPECT_EQ(only_hit("114學年度教科書選購會議"), "學校例行性業務/教科書選購");
  EXPECT_EQ(only_hit("學校願景計畫編寫"), "學校例行性業務/學校願景");
  EXPECT_EQ(only_hit("五十週年校慶籌備會"), "學校例行性業務/校慶籌備");
}

TEST(ScreenRestricted, FlagsAdministrativeMeetings) {
  EXPECT_EQ(only_hit("新課綱說明會議"), "學校各項行政會議/說明會議");
  EXPECT_EQ(only_hit("課程討論會議"), "學校各項行政會議/討論會議");
  EXPECT_EQ(only_hit("數學領域小組會議"), "學校各項行政會議/小組會議");
  EXPECT_EQ(only_hit("擴大行政會議"), "學校各項行政會議/行政會議");
  EXPECT_EQ(only_hit("期初校務會議"), "學校各項行政會議/校務會議");
  EXPECT_EQ(only_hit("期末校務會議"), "學校各項行政會議/校務會議");
}

TEST(ScreenRestricted, FlagsStudentActivitiesAsTheArticleListsThem) {
  EXPECT_EQ(only_hit("週會演講：品德教育"), "參加對象為學生之活動/週會演講");
  EXPECT_EQ(only_hit("六年級童軍露營"), "參加對象為學生之活動/童軍露營");
  EXPECT_EQ(only_hit("四年級戶外教學"), "參加對象為學生之活動/戶外教學");
  EXPECT_EQ(only_hit("師生座談"), "參加對象為學生之活動/師生座談");
  EXPECT_EQ(only_hit("期末社團成果展"), "參加對象為學生之活動/社團成果展");
}

TEST(ScreenRestricted, FlagsPersonalLeisure) {
  for (const char* word : {"國際標準舞", "元極舞", "法輪功", "理財", "瑜珈", "瑜伽", "減肥",
                           "雞尾酒", "插花", "養生"}) {
    EXPECT_EQ(only_hit(std::string("教師") + word + "研習"),
              std::string("屬個人休閒性質與教學無關之研習/") + word);
  }
}

TEST(ScreenRestricted, FlagsReligion) {
  EXPECT_EQ(only_hit("佛經閱讀班"), "屬個人宗教信仰與教學無關之研習/佛經");
  EXPECT_EQ(only_hit("居家風水入門"), "屬個人宗教信仰與教學無關之研習/風水");
  EXPECT_EQ(only_hit("紫微命理"), "屬個人宗教信仰與教學無關之研習/命理");
}

TEST(ScreenRestricted, FlagsPureVisitsAndOutings) {
  EXPECT_EQ(only_hit("教職員自強活動"), "純粹參觀性質無實際授課之研習活動/自強活動");
  EXPECT_EQ(only_hit("花東三日旅遊"), "純粹參觀性質無實際授課之研習活動/旅遊");
  EXPECT_EQ(only_hit("新北市校外參訪"), "純粹參觀性質無實際授課之研習活動/校外參訪");
  EXPECT_EQ(only_hit("博物館參觀活動"), "純粹參觀性質無實際授課之研習活動/參觀活動");
}

TEST(ScreenRestricted, FlagsWorkUnrelatedToTeaching) {
  EXPECT_EQ(only_hit("選務工作說明會"), "其他與教學無關之研習/選務");
  EXPECT_EQ(only_hit("投開票所工作人員講習"), "其他與教學無關之研習/投開票");
}

TEST(ScreenRestricted, DoesNotFlagASymposium) {
  EXPECT_EQ(only_hit("全國教師在職進修資訊網研討會"), "");
  EXPECT_EQ(only_hit("數學教學研討會議"), "");
}

TEST(ScreenRestricted, DoesNotFlagACourseHeldInAMeetingRoom) {
  EXPECT_EQ(only_hit("差異化教學工作坊", "地點：本校二樓會議室"), "");
  EXPECT_EQ(only_hit("差異化教學工作坊", "於行政大樓第一會議室舉行"), "");
}

TEST(ScreenRestricted, DoesNotFlagNearMisses) {
  EXPECT_EQ(only_hit("113學年度新進教師研習"), "");   // 學年 but not 學年會議
  EXPECT_EQ(only_hit("新課綱說明會"), "");            // 說明會 but not 說明會議
  EXPECT_EQ(only_hit("標竿學校參訪暨專題講座"), "");  // a visit with teaching
  EXPECT_EQ(only_hit("戶外教育課程設計"), "");        // 戶外教育, not 戶外教學
  EXPECT_EQ(only_hit("校慶運動會安全維護"), "");      // 校慶 but not 校慶籌備
  EXPECT_EQ(only_hit("輔導小組運作"), "");            // 小組 but not 小組會議
}

TEST(ScreenRestricted, SearchesTheOutlineToo) {
  EXPECT_EQ(only_hit("教師增能研習", "內容：期初校務會議及各處室報告"),
            "學校各項行政會議/校務會議");
}

TEST(ScreenRestricted, ReportsEachCategoryOnceWithTheFirstWordInReadingOrder) {
  const auto hits = screen_restricted("瑜珈與養生", "另有插花及理財");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].category, "屬個人休閒性質與教學無關之研習");
  EXPECT_EQ(hits[0].word, "瑜珈");

  const auto from_outline = screen_restricted("教師研習", "插花，然後理財");
  ASSERT_EQ(from_outline.size(), 1u);
  EXPECT_EQ(from_outline[0].word, "插花");

  const auto title_first = screen_restricted("理財講座", "插花");
  ASSERT_EQ(title_first.size(), 1u);
  EXPECT_EQ(title_first[0].word, "理財");
}

TEST(ScreenRestricted, ListsSeveralCategoriesInTheArticlesOrder) {
  const auto hits = screen_restricted("命理與自強活動", "會後召開行政會議");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].category, "學校各項行政會議");
  EXPECT_EQ(hits[1].category, "屬個人宗教信仰與教學無關之研習");
  EXPECT_EQ(hits[2].category, "純粹參觀性質無實際授課之研習活動");
}

TEST(ScreenRestricted, OverlappingPhrasesGiveThePhraseThatStartsFirst) {
  // 校外參訪 and 參訪活動 both hit; 校外參訪 starts two characters earlier.
  const auto hits = screen_restricted("校外參訪活動", "");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].word, "校外參訪");
}

}  // namespace
}  // namespace domain
