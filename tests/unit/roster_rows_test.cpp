// tests/unit/roster_rows_test.cpp: columns, hours and the per-row verdicts of an uploaded roster,
// and the partner API's rule from the same check (SPEC §5, §7).
#include "domain/roster_rows.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace domain {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// 王小明 and 李美玲 在職, 陳志強 離職 (the demo cast).
const std::map<std::string, KnownTeacher> kKnown = {
    {"A123456789", {true}}, {"B223456782", {true}}, {"F123456784", {false}}};

std::vector<std::pair<int, std::string>> verdicts(const std::vector<RowReport>& reports) {
  std::vector<std::pair<int, std::string>> out;
  for (const auto& r : reports) out.emplace_back(r.line, r.problem_code);
  return out;
}

TEST(ParseHours, WholeNumbersWithSpacesOrAZeroFractionAreHours) {
  EXPECT_EQ(parse_hours("3"), 3);
  EXPECT_EQ(parse_hours(" 3 "), 3);
  EXPECT_EQ(parse_hours("3.0"), 3);
  EXPECT_EQ(parse_hours("3.00"), 3);
  EXPECT_EQ(parse_hours("0"), 0);
  EXPECT_EQ(parse_hours("18"), 18);
}

TEST(ParseHours, FractionsSignsWordsAndBlanksAreNot) {
  for (const char* text :
       {"3.5", "-1", "+3", "三", "３", "", " ", "3.", ".0", "3 小時", "1e3", "3,0", "9999999"}) {
    EXPECT_EQ(parse_hours(text), std::nullopt) << text;
  }
}

TEST(CheckHours, RosterAllowsZeroAndNamesTooManyApart) {
  const HoursRule rule = roster_hours_rule(3);
  EXPECT_EQ(check_hours(0, rule), std::nullopt);
  EXPECT_EQ(check_hours(3, rule), std::nullopt);
  EXPECT_EQ(check_hours(4, rule)->code, kHoursAboveCourse);
  EXPECT_EQ(check_hours(-1, rule)->code, kInvalidHours);
  EXPECT_EQ(check_hours(std::nullopt, rule)->code, kInvalidHours);
}

TEST(CheckHours, PartnerReportsKeepOneToCourseHoursAllAsInvalidHours) {
  const HoursRule rule = report_hours_rule(6);
  EXPECT_EQ(check_hours(1, rule), std::nullopt);
  EXPECT_EQ(check_hours(6, rule), std::nullopt);
  for (const std::optional<int> hours :
       {std::optional<int>(0), std::optional<int>(7), std::optional<int>()}) {
    const auto problem = check_hours(hours, rule);
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->code, kInvalidHours);
    EXPECT_EQ(problem->message, "時數須為 1 到研習時數之間的整數");
  }
}

TEST(CheckNationalId, TakesTheIdAsGiven) {
  EXPECT_EQ(check_national_id("A123456789"), std::nullopt);
  EXPECT_EQ(check_national_id("A123456788")->code, kInvalidNationalId);
  EXPECT_EQ(check_national_id("a123456789")->code, kInvalidNationalId);
  EXPECT_FALSE(check_national_id("")->message.empty());
}

TEST(CheckRosterRows, WithoutHeaderTheColumnsAreIdHoursAndName) {
  const auto reports =
      check_roster_rows({{"A123456789", "3", "王小明"}, {"B223456782", "2"}}, {}, 3, kKnown);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_TRUE(reports[0].accepted());
  EXPECT_EQ(reports[0].line, 1);
  EXPECT_EQ(reports[0].national_id, "A123456789");
  EXPECT_EQ(reports[0].hours, 3);
  EXPECT_EQ(reports[0].message, "");
  EXPECT_TRUE(reports[1].accepted());
  EXPECT_EQ(reports[1].hours, 2);
}

TEST(CheckRosterRows, AHeaderFindsTheColumnsWhereverTheyAre) {
  // The 研習名單匯出 layout with a 研習時數 column added, the header spelt 身份 as the old site
  // does.
  const Rows rows = {{"服務學校", "職位類別", "教師姓名", "性別", "身份證字號", "出生日期", "電話",
                      "電子郵件", "研習 時數"},
                     {"內壢國中", "合格專任教師", "王小明", "男", "A123456789", "1980-01-01",
                      "03-1234567", "a@b.tw", "3"}};
  const auto reports = check_roster_rows(rows, {}, 3, kKnown);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].accepted()) << reports[0].message;
  EXPECT_EQ(reports[0].line, 2);
  EXPECT_EQ(national_ids_in(rows), std::vector<std::string>{"A123456789"});
}

TEST(CheckRosterRows, EveryHeaderSpellingIsRecognised) {
  for (const char* id : {"身分證字號", "身分證統一編號", "統一證號", "National_ID"}) {
    for (const char* hours : {"時數", "研習時數", "核發時數", "研習時數 / 學分數", "hours"}) {
      const auto reports = check_roster_rows({{hours, id}, {"2", "A123456789"}}, {}, 3, kKnown);
      ASSERT_EQ(reports.size(), 1u) << id << hours;
      EXPECT_TRUE(reports[0].accepted()) << id << " " << hours << " " << reports[0].message;
    }
  }
}

TEST(CheckRosterRows, AHeaderWithoutHoursOrWithTwoIdColumnsIsOneProblemOnItsLine) {
  auto reports =
      check_roster_rows({{}, {"身分證字號", "姓名"}, {"A123456789", "王小明"}}, {}, 3, kKnown);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].line, 2);
  EXPECT_EQ(reports[0].problem_code, kMalformedRow);
  EXPECT_NE(reports[0].message.find("時數"), std::string::npos);

  reports = check_roster_rows(
      {{"身分證字號", "統一證號", "時數"}, {"A123456789", "B223456782", "3"}}, {}, 3, kKnown);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].problem_code, kMalformedRow);
  EXPECT_TRUE(
      national_ids_in({{"身分證字號", "統一證號", "時數"}, {"A123456789", "B223456782", "3"}})
          .empty());
}

TEST(CheckRosterRows, EachProblemHasItsCodeAndAChineseMessage) {
  const Rows rows = {
      {"身分證字號", "時數", "姓名"},
      {"A123456789", "3", "王小明"},    // 2 accepted
      {"A123456788", "3"},              // 3 check digit
      {"C123456781", "3"},              // 4 valid but nobody
      {"F123456784", "3"},              // 5 離職
      {"B223456782", "4"},              // 6 above the course's 3
      {"B223456782", "2"},              // 7 李美玲 again
      {"H223456788", "3.5"},            // 8 not whole
      {"", "3", "無名氏"},              // 9 no ID
      {"A223456781", ""},               // 10 no hours
      {"A123456789", "3", "", "備註"},  // 11 a cell in a column without a name
      {" ", "", ""},                    // 12 blank: skipped
      {"a123456789 ", " 0 "},           // 13 lowercase and spaces forgiven, but 王小明 again
  };
  const auto reports = check_roster_rows(rows, {}, 3, kKnown);
  const std::vector<std::pair<int, std::string>> expected = {{2, ""},
                                                             {3, kInvalidNationalId},
                                                             {4, kUnknownTeacher},
                                                             {5, kNotActive},
                                                             {6, kHoursAboveCourse},
                                                             {7, kDuplicateRow},
                                                             {8, kInvalidHours},
                                                             {9, kMalformedRow},
                                                             {10, kMalformedRow},
                                                             {11, kMalformedRow},
                                                             {13, kDuplicateRow}};
  EXPECT_EQ(verdicts(reports), expected);
  for (const auto& r : reports) {
    if (!r.accepted()) {
      EXPECT_FALSE(r.message.empty()) << r.line;
    }
  }
  EXPECT_NE(reports[5].message.find("第 6 列"), std::string::npos) << reports[5].message;
  EXPECT_EQ(reports[10].national_id, "A123456789");
  EXPECT_NE(reports[10].message.find("第 2 列"), std::string::npos) << reports[10].message;
  EXPECT_EQ(national_ids_in(rows),
            (std::vector<std::string>{"A123456789", "A223456781", "B223456782", "C123456781",
                                      "F123456784", "H223456788"}));
}

TEST(CheckRosterRows, ZeroHoursIsAcceptedForAListedTeacher) {
  const auto reports = check_roster_rows({{"A123456789", "0"}}, {}, 3, kKnown);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_TRUE(reports[0].accepted());
  EXPECT_EQ(reports[0].hours, 0);
}

TEST(CheckRosterRows, ExtraCellsWithoutAHeaderAreMalformed) {
  const auto reports =
      check_roster_rows({{"A123456789", "3", "王小明", "內壢國中"}}, {}, 3, kKnown);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].problem_code, kMalformedRow);
  EXPECT_NE(reports[0].message.find("D 欄"), std::string::npos) << reports[0].message;
}

TEST(CheckRosterRows, LinesComeFromTheFileWhenGiven) {
  // An XLSX with rows 1, 2 and 7 filled, or an XML file with its implied header at line 0.
  const auto reports = check_roster_rows(
      {{"身分證字號", "時數"}, {"A123456789", "3"}, {"B223456782", "3"}}, {1, 2, 7}, 3, kKnown);
  EXPECT_EQ(verdicts(reports), (std::vector<std::pair<int, std::string>>{{2, ""}, {7, ""}}));
}

TEST(CheckRosterRows, NothingToCheckGivesNoReports) {
  EXPECT_TRUE(check_roster_rows({}, {}, 3, kKnown).empty());
  EXPECT_TRUE(check_roster_rows({{"身分證字號", "時數"}}, {}, 3, kKnown).empty());
  EXPECT_TRUE(national_ids_in({}).empty());
}

TEST(CheckRosterRows, AHugeIdCellIsReportedShort) {
  const auto reports = check_roster_rows({{std::string(1000, 'X'), "3"}}, {}, 3, kKnown);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].problem_code, kInvalidNationalId);
  EXPECT_EQ(reports[0].national_id.size(), 20u);
}

}  // namespace
}  // namespace domain
