// The organizer's course pages under /office/courses (研習課程登錄, 研習資料管理, 課程移轉).
#pragma once

#include "core/context.h"

namespace courses {

core::Response list_courses(core::Context& cx);     // GET  /office/courses
core::Response new_course(core::Context& cx);       // GET  /office/courses/new
core::Response create_course(core::Context& cx);    // POST /office/courses
core::Response show_course(core::Context& cx);      // GET  /office/courses/{code}
core::Response edit_course(core::Context& cx);      // GET  /office/courses/{code}/edit
core::Response update_course(core::Context& cx);    // POST /office/courses/{code}/edit
core::Response delete_course(core::Context& cx);    // POST /office/courses/{code}/delete
core::Response transfer_course(core::Context& cx);  // POST /office/courses/{code}/transfer

}  // namespace courses
