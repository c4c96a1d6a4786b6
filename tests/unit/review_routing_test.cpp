#include "domain/review_routing.h"

#include <gtest/gtest.h>

namespace {

using domain::ReviewBody;

const std::vector<domain::ReviewUnitRole> kUnits = {
    {7, "county_bureau", 4}, {2, "county_bureau", 3}, {1, "national_centre", 6},
    {101, "", 4},  // 國教署: reached as an authority, plays no role of its own
    {9, "recognition_panel", 6}, {5, "county_bureau", 3},
};

TEST(ReviewRouting, TheGoverningAuthorityIsTheUnitsOwn) {
  EXPECT_EQ(domain::review_unit_playing(ReviewBody::kGoverningAuthority, 3, 101, kUnits), 101);
  EXPECT_EQ(domain::review_unit_playing(ReviewBody::kGoverningAuthority, 3, 0, kUnits), 0);
}

TEST(ReviewRouting, TheCountyBureauIsTheUnitsCountysLowestId) {
  EXPECT_EQ(domain::review_unit_playing(ReviewBody::kCountyBureau, 3, 101, kUnits), 2);
  EXPECT_EQ(domain::review_unit_playing(ReviewBody::kCountyBureau, 4, 101, kUnits), 7);
  EXPECT_EQ(domain::review_unit_playing(ReviewBody::kCountyBureau, 5, 101, kUnits), 0);
}

TEST(ReviewRouting, TheNationalCentreAndThePanelWhateverTheCounty) {
  EXPECT_EQ(domain::review_unit_playing(ReviewBody::kNationalCentre, 3, 0, kUnits), 1);
  EXPECT_EQ(domain::review_unit_playing(ReviewBody::kRecognitionPanel, 3, 0, kUnits), 9);
  EXPECT_EQ(domain::review_unit_playing(ReviewBody::kRecognitionPanel, 3, 0, {{1, "national_centre", 6}}), 0);
}

}  // namespace

TEST(ReviewUnitOf, TheAdministratorsOverrideComesFirst) {
  const domain::UnitFacts school{domain::UnitLevel::kJuniorHigh, domain::Ownership::kMunicipal};
  EXPECT_EQ(domain::review_unit_of({school, 3, 2, 9}, kUnits), 9);
  EXPECT_EQ(domain::review_unit_of({std::nullopt, 3, 2, 9}, kUnits), 9);
}

TEST(ReviewUnitOf, OtherwiseArticle11DecidesAmongTheReviewUnits) {
  const domain::UnitFacts school{domain::UnitLevel::kJuniorHigh, domain::Ownership::kMunicipal};
  const domain::UnitFacts national{domain::UnitLevel::kSeniorHigh, domain::Ownership::kNational};
  const domain::UnitFacts university{domain::UnitLevel::kUniversity, domain::Ownership::kNational};
  EXPECT_EQ(domain::review_unit_of({school, 3, 2, 0}, kUnits), 2);   // the county's bureau
  EXPECT_EQ(domain::review_unit_of({national, 3, 101, 0}, kUnits), 101);  // its authority
  EXPECT_EQ(domain::review_unit_of({university, 3, 0, 0}, kUnits), 1);    // the national centre
  EXPECT_EQ(domain::review_unit_of({school, 5, 0, 0}, kUnits), 0);   // no bureau configured
  EXPECT_EQ(domain::review_unit_of({std::nullopt, 3, 2, 0}, kUnits), 0);  // facts unknown
}
