// 編輯研習教師資料: the organizer's 等待核發時數名單 (SPEC §5) — filled from approved enrolments, one
// teacher at a time or from a file, attendance per line or per session, then submitted for review.
#pragma once

#include "core/context.h"
#include "core/response.h"

namespace rosters {

core::Response roster(core::Context& cx);
core::Response convert(core::Context& cx);
core::Response add_line(core::Context& cx);
core::Response upload(core::Context& cx);
core::Response line_form(core::Context& cx);
core::Response update_line(core::Context& cx);
core::Response delete_line(core::Context& cx);
core::Response attendance(core::Context& cx);
core::Response save_attendance(core::Context& cx);
core::Response submit(core::Context& cx);

}  // namespace rosters
