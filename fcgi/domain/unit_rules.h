// domain/unit_rules.h: what the administrator may set on a unit (SPEC §2, 第11條): its code, the
// review roles only one unit may play, and the before → after wording of the audit trail.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/jurisdiction.h"
#include "domain/review_routing.h"

namespace domain {

// 學校代碼 as typed: white space at both ends dropped, ASCII letters upper-cased.
std::string normalize_unit_code(std::string_view typed);

// Why `code` cannot be the code of a unit of `level`, or "" when it can. Schools (高中, 高職, 國中,
// 國小, 幼兒園, 特殊教育學校) carry the MOE's 6-digit code; every other unit 2 to 10 characters of
// A–Z and 0–9 (universities' 4-digit codes, NC0001, K12001 …).
std::string unit_code_problem(std::string_view code, UnitLevel level);

// The unit other than `self` that already plays `role` where only one may: the county bureau of
// `county_id` (routing would take the lowest id and silently ignore the other), the national
// centre, the recognition panel. 0 when none does, or when `role` is "" (no role).
int64_t role_taken_by(std::string_view role, int64_t county_id, int64_t self,
                      const std::vector<ReviewUnitRole>& review_units);

// One field of an audited change.
struct Change {
  std::string label, before, after;
};
// "名稱：甲 → 乙；縣市：桃園市 → 臺中市": the fields that changed, in order; "" when none did.
std::string describe_changes(const std::vector<Change>& changes);

}  // namespace domain
