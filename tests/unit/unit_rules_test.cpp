#include "domain/unit_rules.h"

#include <gtest/gtest.h>

namespace {

using domain::UnitLevel;

TEST(UnitCode, IsTrimmedAndUpperCased) {
  EXPECT_EQ(domain::normalize_unit_code("  nc0001\t"), "NC0001");
  EXPECT_EQ(domain::normalize_unit_code("   "), "");
}

TEST(UnitCode, ASchoolHasSixDigits) {
  EXPECT_EQ(domain::unit_code_problem("034525", UnitLevel::kJuniorHigh), "");
  EXPECT_EQ(domain::unit_code_problem("030305", UnitLevel::kSeniorHigh), "");
  EXPECT_NE(domain::unit_code_problem("03452", UnitLevel::kElementary), "");
  EXPECT_NE(domain::unit_code_problem("0345256", UnitLevel::kKindergarten), "");
  EXPECT_NE(domain::unit_code_problem("03452A", UnitLevel::kSpecialSchool), "");
  EXPECT_NE(domain::unit_code_problem("０３４５２５", UnitLevel::kJuniorHigh), "");  // full-width digits
}

TEST(UnitCode, OtherUnitsHaveTwoToTenLettersOrDigits) {
  EXPECT_EQ(domain::unit_code_problem("0015", UnitLevel::kUniversity), "");
  EXPECT_EQ(domain::unit_code_problem("NC0001", UnitLevel::kReviewBody), "");
  EXPECT_EQ(domain::unit_code_problem("AB", UnitLevel::kStudyCentre), "");
  EXPECT_EQ(domain::unit_code_problem("ABCDE12345", UnitLevel::kSocialInstitution), "");
  EXPECT_NE(domain::unit_code_problem("A", UnitLevel::kStudyCentre), "");
  EXPECT_NE(domain::unit_code_problem("ABCDE123456", UnitLevel::kSocialInstitution), "");
  EXPECT_NE(domain::unit_code_problem("NC-001", UnitLevel::kReviewBody), "");
  EXPECT_NE(domain::unit_code_problem("nc0001", UnitLevel::kReviewBody), "");  // normalise first
  EXPECT_NE(domain::unit_code_problem("", UnitLevel::kReviewBody), "");
}

const std::vector<domain::ReviewUnitRole> kUnits = {
    {1, "national_centre", 6}, {2, "county_bureau", 3}, {3, "county_bureau", 4}, {101, "", 4},
};

TEST(ReviewRole, ACountyHasOneBureau) {
  EXPECT_EQ(domain::role_taken_by("county_bureau", 3, 50, kUnits), 2);
  EXPECT_EQ(domain::role_taken_by("county_bureau", 5, 50, kUnits), 0);
  EXPECT_EQ(domain::role_taken_by("county_bureau", 3, 2, kUnits), 0);  // the bureau itself, kept
}

TEST(ReviewRole, TheNationalCentreAndThePanelAreOneEachWhateverTheCounty) {
  EXPECT_EQ(domain::role_taken_by("national_centre", 3, 50, kUnits), 1);
  EXPECT_EQ(domain::role_taken_by("national_centre", 3, 1, kUnits), 0);
  EXPECT_EQ(domain::role_taken_by("recognition_panel", 3, 50, kUnits), 0);
}

TEST(ReviewRole, NoRoleIsNeverTaken) { EXPECT_EQ(domain::role_taken_by("", 4, 50, kUnits), 0); }

TEST(DescribeChanges, ListsOnlyWhatChangedInOrder) {
  EXPECT_EQ(domain::describe_changes({{"名稱", "甲", "乙"}, {"縣市", "桃園市", "桃園市"}, {"層級", "國中", "國小"}}),
            "名稱：甲 → 乙；層級：國中 → 國小");
  EXPECT_EQ(domain::describe_changes({{"名稱", "甲", "甲"}}), "");
}

}  // namespace
