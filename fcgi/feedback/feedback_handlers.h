// 意見交流 (issue 11): anyone signed in writes to the administrator (a category, the text, an
// optional contact); the message lands in the administrator's inbox, whose answer is mailed to
// the writer and kept with the thread; the writer reads the thread and may write again.
#pragma once

#include "core/context.h"

namespace feedback {

core::Response mine(core::Context& cx);        // GET /feedback
core::Response create(core::Context& cx);      // POST /feedback
core::Response thread(core::Context& cx);      // GET /feedback/{id}
core::Response follow_up(core::Context& cx);   // POST /feedback/{id}

core::Response inbox(core::Context& cx);         // GET /admin/feedback?state=
core::Response admin_thread(core::Context& cx);  // GET /admin/feedback/{id}
core::Response reply(core::Context& cx);         // POST /admin/feedback/{id}/reply

}  // namespace feedback
