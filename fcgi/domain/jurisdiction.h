// domain/jurisdiction.h: units' levels and ownership, and who reviews their courses (第11條, SPEC
// §2).
#pragma once

#include <optional>
#include <string_view>

namespace domain {

// unit.level in the database; the code of each is in the comment.
enum class UnitLevel {
  kUniversity,         // university: 大學校院
  kTeacherUniversity,  // teacher_university: 師資培育之大學
  kSeniorHigh,         // senior_high: 高中
  kVocationalHigh,     // vocational_high: 高職
  kJuniorHigh,         // junior_high: 國中
  kElementary,         // elementary: 國小
  kKindergarten,       // kindergarten: 幼兒園
  kSpecialSchool,      // special_school: 特殊教育學校
  kStudyCentre,        // study_centre: 中央及地方教師研習中心
  kSocialInstitution,  // social_institution: 社會教育機構、法人、民間團體
  kLocalGovernment,    // local_government: 地方政府機關 (衛生局、社會局…)
  kReviewBody,         // review_body: 教育局處、國教署、全國推廣中心、區管中心
};

// unit.ownership in the database.
enum class Ownership {
  kNational,   // national: 國立
  kMunicipal,  // municipal: 直轄市立、市立
  kCounty,     // county: 縣立
  kPrivate,    // private: 私立
  kOther,      // other: neither (a 法人, a government office)
};

// Who reviews a unit's courses and rosters.
enum class ReviewBody {
  kNationalCentre,      // 全國教師在職進修資訊網及全國推廣中心
  kGoverningAuthority,  // the unit's own 教育行政主管機關 (國教署 for national schools, …)
  kCountyBureau,        // the 教育局處 of the unit's county or city
  kRecognitionPanel,  // 社會教育機構或法人辦理…教師進修認可審查小組
};

// Exact codes only ("university", …, "review_body"); anything else is nullopt.
std::optional<UnitLevel> parse_unit_level(std::string_view code);
const char* unit_level_code(UnitLevel level);
// "大學校院", "高中", …: for pages.
const char* unit_level_label(UnitLevel level);

// Exact codes only ("national", "municipal", "county", "private", "other").
std::optional<Ownership> parse_ownership(std::string_view code);
const char* ownership_code(Ownership ownership);

// What 第11條 needs to know of a unit besides its level and ownership.
struct UnitFacts {
  UnitLevel level;
  Ownership ownership;
  // 認可辦法第3條: recognised by law to run any teacher course (social institutions only).
  bool recognised_by_article3 = false;
  // false for a 民間團體 that is not a 法人 (social institutions only).
  bool has_legal_person = true;
  // 社區大學, whatever body runs it.
  bool community_college = false;
};

// 第11條 as the seed states it:
//   一 universities and teacher-education universities → national centre;
//   二 national and private senior high, vocational and special schools → their authority;
//   三 central and local teacher study centres → their authority;
//   四 county/city senior high (and vocational and special) schools, and every junior high,
//      elementary school and kindergarten → their authority, which is the county bureau, except
//      for a national one, whose authority is not a county's;
//   五 social institutions recognised by 第3條 and groups without a legal person → national
//      centre; other 法人 → recognition panel;
//   七 local government offices and community colleges → county bureau.
// Review bodies themselves are not in the article: a county's bureau reviews its own courses, a
// national one (國教署, 區管中心) goes to the national centre. Which concrete unit a
// kGoverningAuthority is comes from the unit's authority (unit.authority_unit_id).
ReviewBody review_body_for(const UnitFacts& unit);

// For pages: "全國教師在職進修資訊網及全國推廣中心", "所屬教育行政主管機關", "縣市教育局處",
// "社會教育機構或法人辦理教師進修認可審查小組".
const char* review_body_label(ReviewBody body);

}  // namespace domain
