// domain/roc_date.h: calendar dates, ISO and ROC (民國) forms, day arithmetic and ISO weeks.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace domain {

// A day of the proleptic Gregorian calendar. Stored and exchanged as ISO, shown as ROC (SPEC
// intro).
struct Date {
  int year;
  int month;
  int day;
};

constexpr bool operator==(const Date& a, const Date& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}
constexpr bool operator!=(const Date& a, const Date& b) { return !(a == b); }
constexpr bool operator<(const Date& a, const Date& b) {
  if (a.year != b.year) return a.year < b.year;
  if (a.month != b.month) return a.month < b.month;
  return a.day < b.day;
}
constexpr bool operator>(const Date& a, const Date& b) { return b < a; }
constexpr bool operator<=(const Date& a, const Date& b) { return !(b < a); }
constexpr bool operator>=(const Date& a, const Date& b) { return !(a < b); }

bool is_leap_year(int year);
// 0 when month is outside 1..12.
int days_in_month(int year, int month);
// Year 1..9999, month 1..12, day within the month.
bool is_valid_date(const Date& d);

// Exactly "YYYY-MM-DD" with a real calendar day; anything else (spaces, "2025-2-24") is nullopt.
std::optional<Date> parse_iso_date(std::string_view s);
// "2025-02-24".
std::string to_iso(const Date& d);
// "114/02/24". Dates before 民國元年 (1912) have no ROC year and fall back to ISO.
std::string to_roc(const Date& d);
// "114/02/24", "114/2/24" or "114-02-24" (one separator kind throughout); ROC year 1..999.
std::optional<Date> parse_roc_date(std::string_view s);
// What a person types in a date field: ISO, ROC, or "2025/2/24". A 4-digit year is Gregorian,
// 1 to 3 digits are ROC, so the forms never clash. Surrounding ASCII whitespace is ignored.
std::optional<Date> parse_any_date(std::string_view s);

// Days since 1970-01-01 (negative before it).
long days_from_civil(const Date& d);
Date civil_from_days(long days);
Date add_days(const Date& d, long days);
// 1 = Monday .. 7 = Sunday.
int iso_weekday(const Date& d);

// An ISO 8601 week: weeks run Monday to Sunday and belong to the year holding their Thursday,
// so 2024-12-30 is in week 1 of 2025.
struct IsoWeek {
  int year;
  int week;
};

constexpr bool operator==(const IsoWeek& a, const IsoWeek& b) {
  return a.year == b.year && a.week == b.week;
}
constexpr bool operator!=(const IsoWeek& a, const IsoWeek& b) { return !(a == b); }
constexpr bool operator<(const IsoWeek& a, const IsoWeek& b) {
  return a.year != b.year ? a.year < b.year : a.week < b.week;
}

IsoWeek iso_week(const Date& d);

}  // namespace domain
