// domain/roc_date.cpp: date parsing and formatting (ISO, ROC) and civil-day arithmetic.
#include "domain/roc_date.h"

#include <cstddef>

#include "domain/validation.h"

namespace domain {
namespace {

// 民國元年 is 1912, so ROC year = Gregorian year - 1911.
constexpr int kRocOffset = 1911;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads a run of 1..max_digits digits at s[pos]; advances pos past it. nullopt when the run is
// empty or longer than max_digits (so "0002025" is not a year).
std::optional<int> read_number(std::string_view s, std::size_t& pos, std::size_t max_digits,
                               std::size_t* digits_read = nullptr) {
  const std::size_t start = pos;
  int value = 0;
  while (pos < s.size() && is_digit(s[pos])) {
    if (pos - start == max_digits) return std::nullopt;
    value = value * 10 + (s[pos] - '0');
    ++pos;
  }
  if (pos == start) return std::nullopt;
  if (digits_read) *digits_read = pos - start;
  return value;
}

// "Y<sep>M<sep>D" with sep '/' or '-' (the same both times), month and day of 1 or 2 digits,
// year of up to 4 digits whose count is reported so callers can tell ROC from Gregorian.
struct LooseDate {
  int year;
  int month;
  int day;
  std::size_t year_digits;
};

std::optional<LooseDate> split_loose(std::string_view s) {
  std::size_t pos = 0;
  std::size_t year_digits = 0;
  const auto year = read_number(s, pos, 4, &year_digits);
  if (!year || pos >= s.size()) return std::nullopt;
  const char sep = s[pos];
  if (sep != '/' && sep != '-') return std::nullopt;
  ++pos;
  const auto month = read_number(s, pos, 2);
  if (!month || pos >= s.size() || s[pos] != sep) return std::nullopt;
  ++pos;
  const auto day = read_number(s, pos, 2);
  if (!day || pos != s.size()) return std::nullopt;
  return LooseDate{*year, *month, *day, year_digits};
}

std::optional<Date> checked(const Date& d) {
  if (!is_valid_date(d)) return std::nullopt;
  return d;
}

std::optional<Date> from_roc(int roc_year, int month, int day) {
  if (roc_year < 1 || roc_year > 999) return std::nullopt;
  return checked(Date{roc_year + kRocOffset, month, day});
}

// Zero-padded to `width` digits; negative years (never valid dates) just print their sign.
std::string padded(int n, std::size_t width) {
  std::string out = std::to_string(n);
  if (n >= 0 && out.size() < width) out.insert(0, width - out.size(), '0');
  return out;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_valid_date(const Date& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && !is_digit(s[i])) return std::nullopt;
  }
  auto number = [&](std::size_t from, std::size_t len) {
    int v = 0;
    for (std::size_t i = from; i < from + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  return checked(Date{number(0, 4), number(5, 2), number(8, 2)});
}

std::string to_iso(const Date& d) {
  return padded(d.year, 4) + "-" + padded(d.month, 2) + "-" + padded(d.day, 2);
}

std::string to_roc(const Date& d) {
  if (d.year <= kRocOffset) return to_iso(d);
  return std::to_string(d.year - kRocOffset) + "/" + padded(d.month, 2) + "/" + padded(d.day, 2);
}

std::optional<Date> parse_roc_date(std::string_view s) {
  const auto parts = split_loose(s);
  if (!parts || parts->year_digits > 3) return std::nullopt;
  return from_roc(parts->year, parts->month, parts->day);
}

std::optional<Date> parse_any_date(std::string_view s) {
  const auto parts = split_loose(trim(s));
  if (!parts) return std::nullopt;
  if (parts->year_digits == 4) return checked(Date{parts->year, parts->month, parts->day});
  return from_roc(parts->year, parts->month, parts->day);
}

// Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date, no tables.
long days_from_civil(const Date& d) {
  const long y = static_cast<long>(d.year) - (d.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long m = d.month;
  const long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long days) {
  const long z = days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long day = doy - (153 * mp + 2) / 5 + 1;
  const long month = mp < 10 ? mp + 3 : mp - 9;
  const long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return Date{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

Date add_days(const Date& d, long days) { return civil_from_days(days_from_civil(d) + days); }

int iso_weekday(const Date& d) {
  // 1970-01-01 was a Thursday (4).
  const long days = days_from_civil(d);
  return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;
}

IsoWeek iso_week(const Date& d) {
  const Date thursday = add_days(d, 4 - iso_weekday(d));
  const long jan1 = days_from_civil(Date{thursday.year, 1, 1});
  return IsoWeek{thursday.year, static_cast<int>((days_from_civil(thursday) - jan1) / 7 + 1)};
}

}  // namespace domain
