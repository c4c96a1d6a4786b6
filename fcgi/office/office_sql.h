// SQL of the business-account homepage: the unit's recent courses (its light: courses/course_store.h).
#pragma once

#include <cstdint>
#include <vector>

#include "core/db.h"
#include "courses/course_store.h"

namespace office::sql {

std::vector<courses::store::CourseLine> recent_courses(db::Connection& db, int64_t unit_id, int limit);

}  // namespace office::sql
