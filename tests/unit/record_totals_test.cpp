// tests/unit/record_totals_test.cpp: filters, totals by year and tagged progress of 研習紀錄.
#include "domain/record_totals.h"

#include <gtest/gtest.h>

using namespace domain;

namespace {
RecordLine line(int year, const std::string& source, const std::string& title, int hours,
                int credits = 0, std::vector<int64_t> tags = {}) {
  return {year, source, title, hours, credits, std::move(tags)};
}
std::vector<const RecordLine*> all_of(const std::vector<RecordLine>& v) {
  std::vector<const RecordLine*> out;
  for (const auto& r : v) out.push_back(&r);
  return out;
}
}  // namespace

TEST(RecordFilter, AnEmptyFilterKeepsEverything) {
  EXPECT_TRUE(matches(line(2025, "portal", "閱讀教學", 3), {}));
}

TEST(RecordFilter, YearSourceAndTagMustAllMatch) {
  const RecordLine r = line(2025, "partner", "跨域共備", 6, 0, {4, 5});
  EXPECT_TRUE(matches(r, {2025, "partner", 5, ""}));
  EXPECT_FALSE(matches(r, {2024, "", std::nullopt, ""}));
  EXPECT_FALSE(matches(r, {std::nullopt, "portal", std::nullopt, ""}));
  EXPECT_FALSE(matches(r, {std::nullopt, "", 3, ""}));
}

TEST(RecordFilter, KeywordIsAPartOfTheTitleAsciiInEitherCase) {
  const RecordLine r = line(2025, "portal", "基本救命術訓練（CPR＋AED）", 3);
  EXPECT_TRUE(matches(r, {std::nullopt, "", std::nullopt, "救命"}));
  EXPECT_TRUE(matches(r, {std::nullopt, "", std::nullopt, "cpr"}));
  EXPECT_FALSE(matches(r, {std::nullopt, "", std::nullopt, "閱讀"}));
}

TEST(TotalsByYear, NewestYearFirstWithCreditsAlsoAsHours) {
  const std::vector<RecordLine> v = {line(2024, "portal", "a", 3), line(2025, "portal", "b", 6),
                                     line(2024, "county", "c", 0, 2),
                                     line(2025, "partner", "d", 1)};
  const auto years = totals_by_year(all_of(v));
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].year, 2025);
  EXPECT_EQ(years[0].records, 2);
  EXPECT_EQ(years[0].hours, 7);
  EXPECT_EQ(years[1].year, 2024);
  EXPECT_EQ(years[1].credits, 2);
  EXPECT_EQ(years[1].all_hours(), 3 + 36);
  const YearTotal all = overall(years);
  EXPECT_EQ(all.records, 4);
  EXPECT_EQ(all.hours, 10);
  EXPECT_EQ(all.all_hours(), 46);
}

TEST(TotalsByYear, NoRecordsNoYears) { EXPECT_TRUE(totals_by_year({}).empty()); }

TEST(YearlyProgress, CountsOnlyThatYearsRecordsCarryingTheTag) {
  const std::vector<RecordLine> v = {line(2025, "portal", "a", 2, 0, {4}),
                                     line(2025, "portal", "b", 3, 0, {3}),
                                     line(2024, "portal", "c", 3, 0, {4})};
  const auto p = yearly_progress(v, {{4, "特殊教育知能", 3, false}}, 2025, false);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].done, 2);
  EXPECT_FALSE(p[0].met());
}

TEST(YearlyProgress, MetAtExactlyTheRequiredHoursWithCreditsAsHours) {
  const std::vector<RecordLine> exact = {line(2025, "portal", "a", 4, 0, {5})};
  EXPECT_TRUE(yearly_progress(exact, {{5, "家庭教育", 4, false}}, 2025, false)[0].met());
  const std::vector<RecordLine> more = {line(2025, "portal", "a", 1, 1, {5})};
  const auto p = yearly_progress(more, {{5, "家庭教育", 4, false}}, 2025, false);
  EXPECT_EQ(p[0].done, 19);
  EXPECT_TRUE(p[0].met());
  const std::vector<RecordLine> less = {line(2025, "portal", "a", 3, 0, {5})};
  EXPECT_FALSE(yearly_progress(less, {{5, "家庭教育", 4, false}}, 2025, false)[0].met());
}

TEST(YearlyProgress, KindergartenRequirementsOnlyForKindergartenStaff) {
  const std::vector<Requirement> q = {{1, "幼兒園教保專業知能", 18, true},
                                      {4, "特殊教育知能", 3, false}};
  EXPECT_EQ(yearly_progress({}, q, 2025, false).size(), 1u);
  const auto staff = yearly_progress({}, q, 2025, true);
  ASSERT_EQ(staff.size(), 2u);
  EXPECT_EQ(staff[0].name, "幼兒園教保專業知能");
  EXPECT_EQ(staff[0].done, 0);
}

TEST(YearlyProgress, ZeroHoursMandateNothing) {
  EXPECT_TRUE(yearly_progress({}, {{4, "特殊教育知能", 0, false}}, 2025, true).empty());
}
