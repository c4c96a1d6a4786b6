// The partner JSON API under /api/v1 (資訊傳報, SPEC §7).
#pragma once

#include "core/context.h"

namespace api {

// POST /api/v1/reports: a course with its attendees' hours; idempotent by the partner's reference.
core::Response push_report(core::Context& cx);

}  // namespace api
