// 校內批次報名 (SPEC §4): the organizer picks 在職 teachers of the own unit for a course of the
// unit; they are approved at once and take online seats, a pending applicant picked is approved.
#pragma once

#include "core/context.h"

namespace enrolment {

core::Response batch(core::Context& cx);        // GET  /office/courses/{code}/batch
core::Response enrol_batch(core::Context& cx);  // POST /office/courses/{code}/batch

}  // namespace enrolment
