// tests/unit/jurisdiction_test.cpp: unit codes and every 第11條 route (SPEC §2).
#include "domain/jurisdiction.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

namespace domain {

// Readable failure messages; static so other test files may define their own.
static void PrintTo(ReviewBody body, std::ostream* os) { *os << review_body_label(body); }

namespace {

constexpr UnitLevel kAllLevels[] = {
    UnitLevel::kUniversity,        UnitLevel::kTeacherUniversity, UnitLevel::kSeniorHigh,
    UnitLevel::kVocationalHigh,    UnitLevel::kJuniorHigh,        UnitLevel::kElementary,
    UnitLevel::kKindergarten,      UnitLevel::kSpecialSchool,     UnitLevel::kStudyCentre,
    UnitLevel::kSocialInstitution, UnitLevel::kLocalGovernment,   UnitLevel::kReviewBody};

constexpr Ownership kAllOwnerships[] = {Ownership::kNational, Ownership::kMunicipal,
                                        Ownership::kCounty, Ownership::kPrivate, Ownership::kOther};

ReviewBody route(UnitLevel level, Ownership ownership) {
  return review_body_for(UnitFacts{level, ownership});
}

TEST(ParseUnitLevel, ReadsEveryDatabaseCode) {
  EXPECT_EQ(parse_unit_level("university"), UnitLevel::kUniversity);
  EXPECT_EQ(parse_unit_level("teacher_university"), UnitLevel::kTeacherUniversity);
  EXPECT_EQ(parse_unit_level("senior_high"), UnitLevel::kSeniorHigh);
  EXPECT_EQ(parse_unit_level("vocational_high"), UnitLevel::kVocationalHigh);
  EXPECT_EQ(parse_unit_level("junior_high"), UnitLevel::kJuniorHigh);
  EXPECT_EQ(parse_unit_level("elementary"), UnitLevel::kElementary);
  EXPECT_EQ(parse_unit_level("kindergarten"), UnitLevel::kKindergarten);
  EXPECT_EQ(parse_unit_level("special_school"), UnitLevel::kSpecialSchool);
  EXPECT_EQ(parse_unit_level("study_centre"), UnitLevel::kStudyCentre);
  EXPECT_EQ(parse_unit_level("social_institution"), UnitLevel::kSocialInstitution);
  EXPECT_EQ(parse_unit_level("local_government"), UnitLevel::kLocalGovernment);
  EXPECT_EQ(parse_unit_level("review_body"), UnitLevel::kReviewBody);
}

TEST(ParseUnitLevel, RefusesAnythingButAnExactCode) {
  EXPECT_EQ(parse_unit_level(""), std::nullopt);
  EXPECT_EQ(parse_unit_level("University"), std::nullopt);
  EXPECT_EQ(parse_unit_level("university "), std::nullopt);
  EXPECT_EQ(parse_unit_level("special"), std::nullopt);  // a 參加對象 code, not a unit level
  EXPECT_EQ(parse_unit_level("國小"), std::nullopt);
}

TEST(UnitLevelCode, RoundTripsEveryLevelAndHasALabel) {
  for (UnitLevel level : kAllLevels) {
    EXPECT_EQ(parse_unit_level(unit_level_code(level)), level) << unit_level_code(level);
    EXPECT_STRNE(unit_level_label(level), "");
  }
}

TEST(ParseOwnership, ReadsEveryDatabaseCodeAndRoundTrips) {
  EXPECT_EQ(parse_ownership("national"), Ownership::kNational);
  EXPECT_EQ(parse_ownership("municipal"), Ownership::kMunicipal);
  EXPECT_EQ(parse_ownership("county"), Ownership::kCounty);
  EXPECT_EQ(parse_ownership("private"), Ownership::kPrivate);
  EXPECT_EQ(parse_ownership("other"), Ownership::kOther);
  for (Ownership o : kAllOwnerships) EXPECT_EQ(parse_ownership(ownership_code(o)), o);
}

TEST(ParseOwnership, RefusesAnythingButAnExactCode) {
  EXPECT_EQ(parse_ownership(""), std::nullopt);
  EXPECT_EQ(parse_ownership("public"), std::nullopt);
  EXPECT_EQ(parse_ownership("Private"), std::nullopt);
}

// 一
TEST(ReviewBodyFor, UniversitiesOfAnyOwnerGoToTheNationalCentre) {
  for (Ownership o : kAllOwnerships) {
    EXPECT_EQ(route(UnitLevel::kUniversity, o), ReviewBody::kNationalCentre);
    EXPECT_EQ(route(UnitLevel::kTeacherUniversity, o), ReviewBody::kNationalCentre);
  }
}

// 二
TEST(ReviewBodyFor, NationalAndPrivateSeniorVocationalAndSpecialSchoolsGoToTheirAuthority) {
  for (UnitLevel level :
       {UnitLevel::kSeniorHigh, UnitLevel::kVocationalHigh, UnitLevel::kSpecialSchool}) {
    EXPECT_EQ(route(level, Ownership::kNational), ReviewBody::kGoverningAuthority);
    EXPECT_EQ(route(level, Ownership::kPrivate), ReviewBody::kGoverningAuthority);
    EXPECT_EQ(route(level, Ownership::kOther), ReviewBody::kGoverningAuthority);
  }
}

// 四, first half
TEST(ReviewBodyFor, CountyAndCitySeniorVocationalAndSpecialSchoolsGoToTheCountyBureau) {
  for (UnitLevel level :
       {UnitLevel::kSeniorHigh, UnitLevel::kVocationalHigh, UnitLevel::kSpecialSchool}) {
    EXPECT_EQ(route(level, Ownership::kMunicipal), ReviewBody::kCountyBureau);
    EXPECT_EQ(route(level, Ownership::kCounty), ReviewBody::kCountyBureau);
  }
}

// 三
TEST(ReviewBodyFor, TeacherStudyCentresGoToTheirAuthorityWhoeverRunsThem) {
  for (Ownership o : kAllOwnerships) {
    EXPECT_EQ(route(UnitLevel::kStudyCentre, o), ReviewBody::kGoverningAuthority);
  }
}

// 四, second half: 公私立國中至幼兒園
TEST(ReviewBodyFor, PublicAndPrivateJuniorHighElementaryAndKindergartenGoToTheCountyBureau) {
  for (UnitLevel level :
       {UnitLevel::kJuniorHigh, UnitLevel::kElementary, UnitLevel::kKindergarten}) {
    EXPECT_EQ(route(level, Ownership::kMunicipal), ReviewBody::kCountyBureau);
    EXPECT_EQ(route(level, Ownership::kCounty), ReviewBody::kCountyBureau);
    EXPECT_EQ(route(level, Ownership::kPrivate), ReviewBody::kCountyBureau);
    EXPECT_EQ(route(level, Ownership::kOther), ReviewBody::kCountyBureau);  // e.g. 非營利幼兒園
  }
}

TEST(ReviewBodyFor, ANationalJuniorHighElementaryOrKindergartenGoesToItsOwnAuthority) {
  // 第11條四 says 其所屬教育行政主管機關; for a 國立 附設實驗國小 that is not a county bureau.
  for (UnitLevel level :
       {UnitLevel::kJuniorHigh, UnitLevel::kElementary, UnitLevel::kKindergarten}) {
    EXPECT_EQ(route(level, Ownership::kNational), ReviewBody::kGoverningAuthority);
  }
}

// 五
TEST(ReviewBodyFor, AnInstitutionRecognisedByArticle3GoesToTheNationalCentre) {
  UnitFacts unit{UnitLevel::kSocialInstitution, Ownership::kOther};
  unit.recognised_by_article3 = true;
  EXPECT_EQ(review_body_for(unit), ReviewBody::kNationalCentre);
}

TEST(ReviewBodyFor, AGroupWithoutALegalPersonGoesToTheNationalCentre) {
  UnitFacts unit{UnitLevel::kSocialInstitution, Ownership::kPrivate};
  unit.has_legal_person = false;
  EXPECT_EQ(review_body_for(unit), ReviewBody::kNationalCentre);
}

TEST(ReviewBodyFor, AnyOtherLegalPersonGoesToTheRecognitionPanel) {
  for (Ownership o : kAllOwnerships) {
    EXPECT_EQ(route(UnitLevel::kSocialInstitution, o), ReviewBody::kRecognitionPanel);
  }
}

// 七
TEST(ReviewBodyFor, LocalGovernmentOfficesGoToTheCountyBureau) {
  for (Ownership o : kAllOwnerships) {
    EXPECT_EQ(route(UnitLevel::kLocalGovernment, o), ReviewBody::kCountyBureau);
  }
}

TEST(ReviewBodyFor, ACommunityCollegeGoesToTheCountyBureauWhoeverRunsIt) {
  for (UnitLevel level : kAllLevels) {
    UnitFacts unit{level, Ownership::kPrivate};
    unit.community_college = true;
    unit.recognised_by_article3 = true;
    EXPECT_EQ(review_body_for(unit), ReviewBody::kCountyBureau) << unit_level_code(level);
  }
}

TEST(ReviewBodyFor, ReviewBodiesOfACountyReviewThemselvesAndNationalOnesGoToTheCentre) {
  EXPECT_EQ(route(UnitLevel::kReviewBody, Ownership::kMunicipal), ReviewBody::kCountyBureau);
  EXPECT_EQ(route(UnitLevel::kReviewBody, Ownership::kCounty), ReviewBody::kCountyBureau);
  EXPECT_EQ(route(UnitLevel::kReviewBody, Ownership::kNational), ReviewBody::kNationalCentre);
  EXPECT_EQ(route(UnitLevel::kReviewBody, Ownership::kOther), ReviewBody::kNationalCentre);
}

TEST(ReviewBodyFor, TheSocialInstitutionFlagsChangeNothingForSchools) {
  for (UnitLevel level : kAllLevels) {
    if (level == UnitLevel::kSocialInstitution) continue;
    for (Ownership o : kAllOwnerships) {
      UnitFacts flagged{level, o};
      flagged.recognised_by_article3 = true;
      flagged.has_legal_person = false;
      EXPECT_EQ(review_body_for(flagged), route(level, o))
          << unit_level_code(level) << "/" << ownership_code(o);
    }
  }
}

TEST(ReviewBodyLabel, NamesEachBodyInChinese) {
  EXPECT_STREQ(review_body_label(ReviewBody::kNationalCentre),
               "全國教師在職進修資訊網及全國推廣中心");
  EXPECT_STREQ(review_body_label(ReviewBody::kGoverningAuthority), "所屬教育行政主管機關");
  EXPECT_STREQ(review_body_label(ReviewBody::kCountyBureau), "縣市教育局處");
  EXPECT_STREQ(review_body_label(ReviewBody::kRecognitionPanel),
               "社會教育機構或法人辦理教師進修認可審查小組");
}

}  // namespace
}  // namespace domain
