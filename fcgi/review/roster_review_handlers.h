// The reviewer's roster pages (名單確認): one roster with its warnings, approve, return, and
// approving several from the queue.
#pragma once

#include "core/context.h"

namespace review {

core::Response show_roster(core::Context& cx);      // GET  /review/courses/{code}/roster
core::Response approve_roster(core::Context& cx);   // POST /review/courses/{code}/roster/approve
core::Response return_roster(core::Context& cx);    // POST /review/courses/{code}/roster/return
core::Response approve_rosters(core::Context& cx);  // POST /review/rosters/approve (several at once)

}  // namespace review
