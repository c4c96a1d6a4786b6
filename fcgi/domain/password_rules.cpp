// domain/password_rules.cpp: the new-password rule of issue 10.
#include "domain/password_rules.h"

#include <cstdio>

#include "domain/validation.h"

namespace domain {
namespace {

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool contains(std::string_view haystack, const std::string& needle) {
  return !needle.empty() && haystack.find(needle) != std::string_view::npos;
}

}  // namespace

std::string password_problem(std::string_view password, std::string_view national_id, const std::optional<Date>& birth) {
  if (utf8_length(password) < kMinPasswordLength) {
    return "密碼至少需 " + std::to_string(kMinPasswordLength) + " 個字元。";
  }
  if (contains(upper_ascii(password), upper_ascii(national_id))) {
    return "密碼不可包含身分證字號（或居留證號）。";
  }
  if (!birth) return "";
  char western[16], roc[16];
  std::snprintf(western, sizeof western, "%04d%02d%02d", birth->year, birth->month, birth->day);
  // 民國 73 年 is written 0730512 or 730512: the unpadded form is inside the padded one.
  std::snprintf(roc, sizeof roc, "%d%02d%02d", birth->year - 1911, birth->month, birth->day);
  if (contains(password, western) || (birth->year > 1911 && contains(password, roc))) {
    return "密碼不可包含出生日期（西元 YYYYMMDD 或民國 yyyMMdd）。";
  }
  return "";
}

}  // namespace domain
