// domain/jurisdiction.cpp: unit level and ownership codes, and the 第11條 review routing.
#include "domain/jurisdiction.h"

#include <array>
#include <utility>

namespace domain {
namespace {

struct LevelRow {
  UnitLevel level;
  const char* code;
  const char* label;
};

constexpr std::array<LevelRow, 12> kLevels = {{
    {UnitLevel::kUniversity, "university", "大學校院"},
    {UnitLevel::kTeacherUniversity, "teacher_university", "師資培育之大學"},
    {UnitLevel::kSeniorHigh, "senior_high", "高中"},
    {UnitLevel::kVocationalHigh, "vocational_high", "高職"},
    {UnitLevel::kJuniorHigh, "junior_high", "國中"},
    {UnitLevel::kElementary, "elementary", "國小"},
    {UnitLevel::kKindergarten, "kindergarten", "幼兒園"},
    {UnitLevel::kSpecialSchool, "special_school", "特殊教育學校"},
    {UnitLevel::kStudyCentre, "study_centre", "教師研習中心"},
    {UnitLevel::kSocialInstitution, "social_institution", "社教機構/法人"},
    {UnitLevel::kLocalGovernment, "local_government", "地方政府機關"},
    {UnitLevel::kReviewBody, "review_body", "審核單位"},
}};

constexpr std::array<std::pair<Ownership, const char*>, 5> kOwnerships = {{
    {Ownership::kNational, "national"},
    {Ownership::kMunicipal, "municipal"},
    {Ownership::kCounty, "county"},
    {Ownership::kPrivate, "private"},
    {Ownership::kOther, "other"},
}};

const LevelRow& row_of(UnitLevel level) {
  for (const LevelRow& row : kLevels) {
    if (row.level == level) return row;
  }
  return kLevels.front();  // unreachable: every enumerator has a row
}

bool run_by_county_or_city(Ownership ownership) {
  return ownership == Ownership::kMunicipal || ownership == Ownership::kCounty;
}

}  // namespace

std::optional<UnitLevel> parse_unit_level(std::string_view code) {
  for (const LevelRow& row : kLevels) {
    if (code == row.code) return row.level;
  }
  return std::nullopt;
}

const char* unit_level_code(UnitLevel level) { return row_of(level).code; }
const char* unit_level_label(UnitLevel level) { return row_of(level).label; }

std::optional<Ownership> parse_ownership(std::string_view code) {
  for (const auto& [ownership, text] : kOwnerships) {
    if (code == text) return ownership;
  }
  return std::nullopt;
}

const char* ownership_code(Ownership ownership) {
  for (const auto& [o, text] : kOwnerships) {
    if (o == ownership) return text;
  }
  return "other";
}

ReviewBody review_body_for(const UnitFacts& unit) {
  // 第11條七 names community colleges by what they are, whoever runs them (often a 法人).
  if (unit.community_college) return ReviewBody::kCountyBureau;

  switch (unit.level) {
    case UnitLevel::kUniversity:
    case UnitLevel::kTeacherUniversity:
      return ReviewBody::kNationalCentre;  // 一

    case UnitLevel::kSeniorHigh:
    case UnitLevel::kVocationalHigh:
    case UnitLevel::kSpecialSchool:
      // 四 for county/city schools; 二 for national and private ones (and any other owner).
      return run_by_county_or_city(unit.ownership) ? ReviewBody::kCountyBureau
                                                   : ReviewBody::kGoverningAuthority;

    case UnitLevel::kJuniorHigh:
    case UnitLevel::kElementary:
    case UnitLevel::kKindergarten:
      // 四 公私立國中至幼兒園: their authority, a county's bureau unless the school is national
      // (e.g. a national university's 附設實驗國小, under 國教署).
      return unit.ownership == Ownership::kNational ? ReviewBody::kGoverningAuthority
                                                    : ReviewBody::kCountyBureau;

    case UnitLevel::kStudyCentre:
      return ReviewBody::kGoverningAuthority;  // 三

    case UnitLevel::kSocialInstitution:
      // 五
      if (unit.recognised_by_article3 || !unit.has_legal_person) {
        return ReviewBody::kNationalCentre;
      }
      return ReviewBody::kRecognitionPanel;

    case UnitLevel::kLocalGovernment:
      return ReviewBody::kCountyBureau;  // 七

    case UnitLevel::kReviewBody:
      // Not in 第11條: a county's own bureau reviews itself; national review units go to the
      // national centre, which runs the site.
      return run_by_county_or_city(unit.ownership) ? ReviewBody::kCountyBureau
                                                   : ReviewBody::kNationalCentre;
  }
  return ReviewBody::kNationalCentre;
}

const char* review_body_label(ReviewBody body) {
  switch (body) {
    case ReviewBody::kNationalCentre:
      return "全國教師在職進修資訊網及全國推廣中心";
    case ReviewBody::kGoverningAuthority:
      return "所屬教育行政主管機關";
    case ReviewBody::kCountyBureau:
      return "縣市教育局處";
    case ReviewBody::kRecognitionPanel:
      return "社會教育機構或法人辦理教師進修認可審查小組";
  }
  return "";
}

}  // namespace domain
