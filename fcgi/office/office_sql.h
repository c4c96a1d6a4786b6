// SQL of the business-account homepage: the unit's recent courses (its light: shared/course_store.h).
#pragma once

#include <cstdint>
#include <vector>

#include "core/db.h"
#include "shared/course_store.h"

namespace office::sql {

std::vector<course_store::CourseLine> recent_courses(db::Connection& db, int64_t unit_id, int limit);

}  // namespace office::sql
