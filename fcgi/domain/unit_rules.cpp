// domain/unit_rules.cpp: unit codes, single review roles and audit wording.
#include "domain/unit_rules.h"

namespace domain {

namespace {
bool is_school(UnitLevel level) {
  switch (level) {
    case UnitLevel::kSeniorHigh:
    case UnitLevel::kVocationalHigh:
    case UnitLevel::kJuniorHigh:
    case UnitLevel::kElementary:
    case UnitLevel::kKindergarten:
    case UnitLevel::kSpecialSchool:
      return true;
    default:
      return false;
  }
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
}  // namespace

std::string normalize_unit_code(std::string_view typed) {
  const char* space = " \t\n\v\f\r";
  const size_t first = typed.find_first_not_of(space);
  if (first == std::string_view::npos) return "";
  std::string code(typed.substr(first, typed.find_last_not_of(space) - first + 1));
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return code;
}

std::string unit_code_problem(std::string_view code, UnitLevel level) {
  if (code.empty()) return "請填寫單位代碼。";
  if (is_school(level)) {
    bool six_digits = code.size() == 6;
    for (char c : code) six_digits &= is_digit(c);
    if (!six_digits) return "學校的單位代碼是教育部的 6 位數字學校代碼（例如 034525）。";
    return "";
  }
  bool plain = code.size() >= 2 && code.size() <= 10;
  for (char c : code) plain &= is_digit(c) || is_upper(c);
  if (!plain) return "單位代碼為 2 到 10 個英文字母或數字（例如 0015、NC0001）。";
  return "";
}

int64_t role_taken_by(std::string_view role, int64_t county_id, int64_t self,
                      const std::vector<ReviewUnitRole>& review_units) {
  if (role.empty()) return 0;
  int64_t found = 0;
  for (const auto& u : review_units) {
    if (u.id == self || u.review_role != role) continue;
    if (role == "county_bureau" && u.county_id != county_id) continue;
    if (found == 0 || u.id < found) found = u.id;
  }
  return found;
}

std::string describe_changes(const std::vector<Change>& changes) {
  std::string out;
  for (const auto& c : changes) {
    if (c.before == c.after) continue;
    if (!out.empty()) out += "；";
    out += c.label + "：" + c.before + " → " + c.after;
  }
  return out;
}

}  // namespace domain
