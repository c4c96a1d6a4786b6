// SQL of the business-account homepage: the unit light's overdue courses and recent courses.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/db.h"

namespace office::sql {

struct CourseLine {
  std::string code, title, first_date, last_date, state, organizer;
};
struct UnitLightFacts {
  int red_threshold = 5;
  int grace_days = 7;
  std::vector<CourseLine> overdue;
};
// SPEC §6: this year's courses whose last session ended more than the county's grace days ago
// and that are still 尚未結案.
UnitLightFacts unit_light_facts(db::Connection& db, int64_t unit_id);
std::vector<CourseLine> recent_courses(db::Connection& db, int64_t unit_id, int limit);

}  // namespace office::sql
