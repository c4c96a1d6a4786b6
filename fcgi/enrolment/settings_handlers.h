// 線上報名設定 (seeds 002, step 三): an approved course's online enrolment, set by its organizer.
#pragma once

#include "core/context.h"

namespace enrolment {

core::Response settings_form(core::Context& cx);  // GET  /office/courses/{code}/enrolment-settings
core::Response save_settings(core::Context& cx);  // POST /office/courses/{code}/enrolment-settings

}  // namespace enrolment
