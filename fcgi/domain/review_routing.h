// domain/review_routing.h: which concrete review unit plays a 第11條 part for a unit, among the
// review units read from the database (unit.review_role), for pages that route many units at once.
#pragma once

#include <cstdint>
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

}  // namespace domain
