// The 錄取通知 (admission notice for 公假, SPEC §11): a printable page for the teacher's own
// approved enrolment with a verification code anyone can check, and the sessions as an .ics file.
#pragma once

#include "core/context.h"

namespace enrolment {

core::Response notice(core::Context& cx);    // GET /teacher/enrolments/{id}/notice
core::Response calendar(core::Context& cx);  // GET /teacher/enrolments/{id}/calendar.ics
core::Response notice_lookup(
    core::Context& cx);  // GET /notices (?code=…, the form on paper's behalf)
core::Response check_notice(core::Context& cx);  // GET /notices/{code}

}  // namespace enrolment
