// Public pages: home, course search, one course, health, and the directory (directory_handlers.cpp).
#pragma once

#include "core/context.h"

namespace site {

core::Response home(core::Context& cx);
core::Response search_courses(core::Context& cx);
core::Response show_course(core::Context& cx);
core::Response health(core::Context& cx);
core::Response unit_accounts(core::Context& cx);
core::Response organisation(core::Context& cx);

}  // namespace site
