// Public pages: home, course search, one course, health.
#pragma once

#include "core/context.h"

namespace site {

core::Response home(core::Context& cx);
core::Response search_courses(core::Context& cx);
core::Response show_course(core::Context& cx);
core::Response health(core::Context& cx);

}  // namespace site
