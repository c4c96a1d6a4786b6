// domain/review_routing.h: which concrete review unit plays a 第11條 part for a unit, among the
// review units read from the database (unit.review_role), for pages that route many units at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/jurisdiction.h"

namespace domain {

struct ReviewUnitRole {
  int64_t id = 0;
  std::string review_role;  // "national_centre", "county_bureau", "recognition_panel" or ""
  int64_t county_id = 0;
};

// The unit that plays `body`'s part for a unit of `county_id` governed by `authority_unit_id`:
// the authority itself, the county's bureau, the national centre or the recognition panel; the
// lowest id where several could, as courses::sql::unit_rules picks; 0 when none is configured.
int64_t review_unit_playing(ReviewBody body, int64_t county_id, int64_t authority_unit_id,
                            const std::vector<ReviewUnitRole>& review_units);

// A unit as routing reads it: its 第11條 facts (none when its level or ownership is unknown), where
// it is, and the administrator's override (unit.review_unit_id; 0 when not set).
struct RoutedUnitFacts {
  std::optional<UnitFacts> facts;
  int64_t county_id = 0, authority_unit_id = 0, override_unit_id = 0;
};

// The unit that reviews the unit's courses, as courses::sql::unit_rules routes a registration: the
// override first, otherwise review_unit_playing for 第11條's body; 0 when none.
int64_t review_unit_of(const RoutedUnitFacts& unit, const std::vector<ReviewUnitRole>& review_units);

}  // namespace domain
