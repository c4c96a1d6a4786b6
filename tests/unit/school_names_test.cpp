// tests/unit/school_names_test.cpp: school short names and full names found by each other, not
// inside other words, and never more than a handful of variants.
#include "domain/school_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace domain {
namespace {

using Variants = std::vector<std::string>;

TEST(SearchSchoolNames, AShortNameAtTheEndFindsTheFullName) {
  EXPECT_EQ(school_name_variants("內壢國中"), (Variants{"內壢國中", "內壢國民中學"}));
  EXPECT_EQ(school_name_variants("文雅國小"), (Variants{"文雅國小", "文雅國民小學"}));
  EXPECT_EQ(school_name_variants("中壢高中"),
            (Variants{"中壢高中", "中壢高級中學", "中壢高級中等學校"}));
  EXPECT_EQ(school_name_variants("內壢高職"), (Variants{"內壢高職", "內壢高級職業學校"}));
  EXPECT_EQ(school_name_variants("特教學校"), (Variants{"特教學校", "特殊教育學校"}));
}

TEST(SearchSchoolNames, AFullNameFindsTheShortName) {
  EXPECT_EQ(school_name_variants("內壢國民中學"), (Variants{"內壢國民中學", "內壢國中"}));
  EXPECT_EQ(school_name_variants("文雅國民小學"), (Variants{"文雅國民小學", "文雅國小"}));
  EXPECT_EQ(school_name_variants("內壢高級中等學校"),
            (Variants{"內壢高級中等學校", "內壢高中", "內壢高級中學"}));
  EXPECT_EQ(school_name_variants("特殊教育知能"), (Variants{"特殊教育知能", "特教知能"}));
}

TEST(SearchSchoolNames, TheVocationalSchoolsGoByTheirOwnShortNames) {
  EXPECT_EQ(school_name_variants("中壢高商"), (Variants{"中壢高商", "中壢高級商業職業學校"}));
  EXPECT_EQ(school_name_variants("沙鹿高工"), (Variants{"沙鹿高工", "沙鹿高級工業職業學校"}));
  EXPECT_EQ(school_name_variants("桃園農工"), (Variants{"桃園農工", "桃園高級農工職業學校"}));
  EXPECT_EQ(school_name_variants("松山家商"), (Variants{"松山家商", "松山高級家事商業職業學校"}));
  EXPECT_EQ(school_name_variants("蘇澳高級海事水產職業學校"),
            (Variants{"蘇澳高級海事水產職業學校", "蘇澳海事", "蘇澳高級海事職業學校"}));
}

TEST(SearchSchoolNames, AShortNameInTheMiddleIsSwappedInPlace) {
  EXPECT_EQ(school_name_variants("內壢國中附設"), (Variants{"內壢國中附設", "內壢國民中學附設"}));
  EXPECT_EQ(school_name_variants("桃園市立內壢國中教師"),
            (Variants{"桃園市立內壢國中教師", "桃園市立內壢國民中學教師"}));
}

TEST(SearchSchoolNames, ATermThatIsOnlyALevelNameSearchesTheWholeLevel) {
  EXPECT_EQ(school_name_variants("國中"), (Variants{"國中", "國民中學", "國民中小學"}));
  EXPECT_EQ(school_name_variants("國小"), (Variants{"國小", "國民小學", "國民中小學"}));
  EXPECT_EQ(school_name_variants("高中"), (Variants{"高中", "高級中學", "高級中等學校"}));
  EXPECT_EQ(school_name_variants("高職"), (Variants{"高職", "高級職業學校", "職業學校"}));
  EXPECT_EQ(school_name_variants("特教"), (Variants{"特教", "特殊教育"}));
  EXPECT_EQ(school_name_variants("國中小"),
            (Variants{"國中小", "國民中小學", "國中", "國小", "國民中學", "國民小學"}));
  EXPECT_EQ(school_name_variants("高中職"),
            (Variants{"高中職", "高中", "高職", "高級中學", "高級中等學校", "職業學校"}));
}

TEST(SearchSchoolNames, TheLevelsWiderSpellingsAreOnlyForATermThatIsTheLevelAlone) {
  EXPECT_EQ(school_name_variants("內壢國中"), (Variants{"內壢國中", "內壢國民中學"}));
  EXPECT_EQ(school_name_variants("國中部"), (Variants{"國中部", "國民中學部"}));
  EXPECT_EQ(school_name_variants("國民中學"), (Variants{"國民中學", "國中"}));
}

TEST(SearchSchoolNames, AShortFormInsideAnotherWordIsLeftAlone) {
  for (const char* term :
       {"全國中小學", "全國中學生", "提高中文能力", "最高中心", "韓國小說", "外國小說選讀",
        "高中低年級", "提高職能", "高職位", "提高工作效率", "高工資", "獨特教學", "奇特教具",
        "大家商量", "國家商標", "店家商品", "農工業"}) {
    EXPECT_EQ(school_name_variants(term), (Variants{term})) << term;
  }
}

TEST(SearchSchoolNames, AGuardedFormDoesNotHideALaterOne) {
  EXPECT_EQ(school_name_variants("全國中小學內壢國中"),
            (Variants{"全國中小學內壢國中", "全國中小學內壢國民中學"}));
}

TEST(SearchSchoolNames, TermsWithoutSchoolNamesAreKeptAsTheyAre) {
  for (const char* term : {"閱讀", "SEL", "micro:bit", "中學", "國民", "高級", "", "x"}) {
    EXPECT_EQ(school_name_variants(term), (Variants{term})) << term;
  }
}

TEST(SearchSchoolNames, TwoFormsInOneTermCombine) {
  EXPECT_EQ(school_name_variants("國中國小"),
            (Variants{"國中國小", "國中國民小學", "國民中學國小", "國民中學國民小學"}));
}

TEST(SearchSchoolNames, TheNumberOfVariantsIsBounded) {
  const auto variants = school_name_variants("高中高中高中高中");  // 3^4 combinations
  ASSERT_EQ(variants.size(), kMaxSchoolNameVariants);
  EXPECT_EQ(variants[0], "高中高中高中高中");
  EXPECT_EQ(variants[1], "高中高中高中高級中學");
  std::string long_term;
  for (int i = 0; i < 30; ++i) long_term += "國中國小";
  EXPECT_EQ(school_name_variants(long_term).size(), kMaxSchoolNameVariants);
}

TEST(SearchSchoolNames, MalformedUtf8IsCopiedNotCut) {
  const std::string term =
      "\xE5\x85\xA7\x80國中\xE5";  // 內, a stray continuation byte, 國中, a lead byte alone
  const auto variants = school_name_variants(term);
  ASSERT_EQ(variants.size(), 2u);
  EXPECT_EQ(variants[1], "\xE5\x85\xA7\x80國民中學\xE5");
}

}  // namespace
}  // namespace domain
