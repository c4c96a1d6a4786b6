// The reviewer's pages under /review (審課): the queue, one course, approve and return.
#pragma once

#include "core/context.h"

namespace review {

core::Response queue(core::Context& cx);            // GET  /review
core::Response show_course(core::Context& cx);      // GET  /review/courses/{code}
core::Response approve_course(core::Context& cx);   // POST /review/courses/{code}/approve
core::Response return_course(core::Context& cx);    // POST /review/courses/{code}/return
core::Response approve_courses(core::Context& cx);  // POST /review/approve (several at once)

}  // namespace review
