// tests/unit/roc_date_test.cpp: ISO and ROC date parsing/formatting, day arithmetic, ISO weeks.
#include "domain/roc_date.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

namespace domain {

// Readable failure messages; static so other test files may define their own.
static void PrintTo(const Date& d, std::ostream* os) { *os << to_iso(d); }
static void PrintTo(const IsoWeek& w, std::ostream* os) { *os << w.year << "-W" << w.week; }

namespace {

// Dates read back as ISO text so a failure prints something a person can read.
std::string iso_or_none(const std::optional<Date>& d) { return d ? to_iso(*d) : "none"; }

TEST(ParseIsoDate, ReadsAPlainIsoDate) {
  EXPECT_EQ(iso_or_none(parse_iso_date("2025-02-24")), "2025-02-24");
}

TEST(ParseIsoDate, AcceptsTheLeapDayOfALeapYear) {
  EXPECT_EQ(iso_or_none(parse_iso_date("2024-02-29")), "2024-02-29");
  EXPECT_EQ(iso_or_none(parse_iso_date("2000-02-29")), "2000-02-29");
}

TEST(ParseIsoDate, RefusesTheLeapDayOfACommonYear) {
  EXPECT_EQ(parse_iso_date("2025-02-29"), std::nullopt);
  EXPECT_EQ(parse_iso_date("1900-02-29"), std::nullopt);
}

TEST(ParseIsoDate, RefusesDaysPastTheEndOfTheMonth) {
  EXPECT_EQ(parse_iso_date("2025-04-31"), std::nullopt);
  EXPECT_EQ(parse_iso_date("2025-01-32"), std::nullopt);
  EXPECT_EQ(iso_or_none(parse_iso_date("2025-01-31")), "2025-01-31");
}

TEST(ParseIsoDate, RefusesMonthAndDayZeroOrMonthThirteen) {
  EXPECT_EQ(parse_iso_date("2025-00-10"), std::nullopt);
  EXPECT_EQ(parse_iso_date("2025-13-10"), std::nullopt);
  EXPECT_EQ(parse_iso_date("2025-12-00"), std::nullopt);
  EXPECT_EQ(parse_iso_date("0000-01-01"), std::nullopt);
}

TEST(ParseIsoDate, RefusesAnythingButTheStrictForm) {
  EXPECT_EQ(parse_iso_date(""), std::nullopt);
  EXPECT_EQ(parse_iso_date("2025-2-24"), std::nullopt);
  EXPECT_EQ(parse_iso_date("2025/02/24"), std::nullopt);
  EXPECT_EQ(parse_iso_date(" 2025-02-24"), std::nullopt);
  EXPECT_EQ(parse_iso_date("2025-02-24 "), std::nullopt);
  EXPECT_EQ(parse_iso_date("2025-02-2a"), std::nullopt);
  EXPECT_EQ(parse_iso_date("+025-02-24"), std::nullopt);
  EXPECT_EQ(parse_iso_date("114/02/24"), std::nullopt);
}

TEST(ToIso, PadsMonthDayAndYear) {
  EXPECT_EQ(to_iso(Date{2025, 2, 4}), "2025-02-04");
  EXPECT_EQ(to_iso(Date{999, 12, 31}), "0999-12-31");
}

TEST(ToRoc, SubtractsNineteenElevenFromTheYear) {
  EXPECT_EQ(to_roc(Date{2025, 2, 24}), "114/02/24");
  EXPECT_EQ(to_roc(Date{1912, 1, 1}), "1/01/01");
  EXPECT_EQ(to_roc(Date{1961, 10, 5}), "50/10/05");
}

TEST(ToRoc, FallsBackToIsoBeforeTheRepublic) {
  EXPECT_EQ(to_roc(Date{1911, 12, 31}), "1911-12-31");
}

TEST(ParseRocDate, ReadsSlashDashAndUnpaddedForms) {
  EXPECT_EQ(iso_or_none(parse_roc_date("114/02/24")), "2025-02-24");
  EXPECT_EQ(iso_or_none(parse_roc_date("114/2/24")), "2025-02-24");
  EXPECT_EQ(iso_or_none(parse_roc_date("114-02-24")), "2025-02-24");
  EXPECT_EQ(iso_or_none(parse_roc_date("50/1/5")), "1961-01-05");
  EXPECT_EQ(iso_or_none(parse_roc_date("050/01/05")), "1961-01-05");
}

TEST(ParseRocDate, RoundTripsWithToRoc) {
  const Date d{2025, 2, 24};
  EXPECT_EQ(iso_or_none(parse_roc_date(to_roc(d))), "2025-02-24");
}

TEST(ParseRocDate, AcceptsYearsOneToNineHundredNinetyNine) {
  EXPECT_EQ(iso_or_none(parse_roc_date("1/01/01")), "1912-01-01");
  EXPECT_EQ(iso_or_none(parse_roc_date("999/12/31")), "2910-12-31");
  EXPECT_EQ(parse_roc_date("0/01/01"), std::nullopt);
  EXPECT_EQ(parse_roc_date("1000/01/01"), std::nullopt);
}

TEST(ParseRocDate, ChecksTheLeapDayOnTheGregorianYear) {
  EXPECT_EQ(iso_or_none(parse_roc_date("113/02/29")), "2024-02-29");
  EXPECT_EQ(parse_roc_date("114/02/29"), std::nullopt);
}

TEST(ParseRocDate, RefusesMixedSeparatorsAndJunk) {
  EXPECT_EQ(parse_roc_date("114/02-24"), std::nullopt);
  EXPECT_EQ(parse_roc_date("114.02.24"), std::nullopt);
  EXPECT_EQ(parse_roc_date("114/002/24"), std::nullopt);
  EXPECT_EQ(parse_roc_date("114/02/24/"), std::nullopt);
  EXPECT_EQ(parse_roc_date("/02/24"), std::nullopt);
  EXPECT_EQ(parse_roc_date("114/13/01"), std::nullopt);
  EXPECT_EQ(parse_roc_date("2025/02/24"), std::nullopt);
  EXPECT_EQ(parse_roc_date(""), std::nullopt);
}

TEST(ParseAnyDate, ReadsIsoAndRoc) {
  EXPECT_EQ(iso_or_none(parse_any_date("2025-02-24")), "2025-02-24");
  EXPECT_EQ(iso_or_none(parse_any_date("114/02/24")), "2025-02-24");
  EXPECT_EQ(iso_or_none(parse_any_date("114-2-24")), "2025-02-24");
}

TEST(ParseAnyDate, ReadsAGregorianYearWithSlashes) {
  EXPECT_EQ(iso_or_none(parse_any_date("2025/2/24")), "2025-02-24");
}

TEST(ParseAnyDate, IgnoresSurroundingWhitespace) {
  EXPECT_EQ(iso_or_none(parse_any_date("  114/02/24\t")), "2025-02-24");
}

TEST(ParseAnyDate, RefusesImpossibleDatesAndText) {
  EXPECT_EQ(parse_any_date("2025-02-30"), std::nullopt);
  EXPECT_EQ(parse_any_date("114/02/30"), std::nullopt);
  EXPECT_EQ(parse_any_date("tomorrow"), std::nullopt);
  EXPECT_EQ(parse_any_date("114 02 24"), std::nullopt);
  EXPECT_EQ(parse_any_date(""), std::nullopt);
}

TEST(DaysFromCivil, CountsFromTheUnixEpoch) {
  EXPECT_EQ(days_from_civil(Date{1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil(Date{1970, 1, 2}), 1);
  EXPECT_EQ(days_from_civil(Date{1969, 12, 31}), -1);
  EXPECT_EQ(days_from_civil(Date{2000, 3, 1}), 11017);
  EXPECT_EQ(days_from_civil(Date{2025, 2, 24}), 20143);
}

TEST(CivilFromDays, InvertsDaysFromCivilAcrossCenturies) {
  for (long day = days_from_civil(Date{1899, 12, 1}); day <= days_from_civil(Date{2101, 3, 1});
       ++day) {
    const Date d = civil_from_days(day);
    ASSERT_TRUE(is_valid_date(d)) << day;
    ASSERT_EQ(days_from_civil(d), day) << to_iso(d);
  }
}

TEST(AddDays, CrossesMonthAndYearEnds) {
  EXPECT_EQ(to_iso(add_days(Date{2024, 2, 28}, 1)), "2024-02-29");
  EXPECT_EQ(to_iso(add_days(Date{2025, 2, 28}, 1)), "2025-03-01");
  EXPECT_EQ(to_iso(add_days(Date{2024, 12, 31}, 1)), "2025-01-01");
  EXPECT_EQ(to_iso(add_days(Date{2025, 1, 1}, -1)), "2024-12-31");
}

TEST(DateOrder, ComparesYearThenMonthThenDay) {
  EXPECT_TRUE((Date{2024, 12, 31} < Date{2025, 1, 1}));
  EXPECT_TRUE((Date{2025, 1, 31} < Date{2025, 2, 1}));
  EXPECT_TRUE((Date{2025, 2, 1} < Date{2025, 2, 2}));
  EXPECT_FALSE((Date{2025, 2, 2} < Date{2025, 2, 2}));
  EXPECT_TRUE((Date{2025, 2, 2} <= Date{2025, 2, 2}));
  EXPECT_TRUE((Date{2025, 2, 3} > Date{2025, 2, 2}));
  EXPECT_TRUE((Date{2025, 2, 2} == Date{2025, 2, 2}));
  EXPECT_TRUE((Date{2025, 2, 2} != Date{2025, 2, 3}));
}

TEST(IsoWeekday, NumbersMondayOneToSundaySeven) {
  EXPECT_EQ(iso_weekday(Date{1970, 1, 1}), 4);    // Thursday
  EXPECT_EQ(iso_weekday(Date{2025, 2, 24}), 1);   // Monday
  EXPECT_EQ(iso_weekday(Date{2025, 3, 2}), 7);    // Sunday
  EXPECT_EQ(iso_weekday(Date{1969, 12, 31}), 3);  // Wednesday, before the epoch
}

TEST(IsoWeek, PutsLateDecemberIntoWeekOneOfTheNextYear) {
  EXPECT_EQ(iso_week(Date{2024, 12, 30}), (IsoWeek{2025, 1}));
  EXPECT_EQ(iso_week(Date{2025, 1, 1}), (IsoWeek{2025, 1}));
}

TEST(IsoWeek, PutsEarlyJanuaryIntoTheLastWeekOfThePreviousYear) {
  EXPECT_EQ(iso_week(Date{2021, 1, 3}), (IsoWeek{2020, 53}));
  EXPECT_EQ(iso_week(Date{2023, 1, 1}), (IsoWeek{2022, 52}));
}

TEST(IsoWeek, RunsMondayToSunday) {
  EXPECT_EQ(iso_week(Date{2025, 2, 24}), (IsoWeek{2025, 9}));
  EXPECT_EQ(iso_week(Date{2025, 3, 2}), (IsoWeek{2025, 9}));
  EXPECT_EQ(iso_week(Date{2025, 3, 3}), (IsoWeek{2025, 10}));
}

TEST(IsValidDate, KnowsTheLengthOfEveryMonth) {
  EXPECT_EQ(days_in_month(2025, 1), 31);
  EXPECT_EQ(days_in_month(2025, 2), 28);
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2025, 4), 30);
  EXPECT_EQ(days_in_month(2025, 13), 0);
  EXPECT_FALSE(is_valid_date(Date{2025, 6, 31}));
  EXPECT_TRUE(is_valid_date(Date{2025, 6, 30}));
}

}  // namespace
}  // namespace domain
