// Enrolment (報名, SPEC §4): a teacher applies, joins the waiting list (候補) or cancels; the
// organizer decides (報名資格審核). Every answer to an application carries data-enrolment-status
// and, for a refusal, data-reason (SPEC §10).
#pragma once

#include <ctemplate/template.h>

#include "core/context.h"
#include "enrolment/enrolment_sql.h"

namespace enrolment {

core::Response enrol(core::Context& cx);           // POST /courses/{code}/enrolments
core::Response cancel_form(core::Context& cx);     // GET  /teacher/enrolments/{id}/cancel
core::Response cancel(core::Context& cx);          // POST /teacher/enrolments/{id}/cancel
core::Response applicants(core::Context& cx);      // GET  /office/courses/{code}/enrolments
core::Response decide(core::Context& cx);          // POST /office/courses/{code}/enrolments

// The course page's enrolment box for whoever is looking ({{>ENROLMENT}}): the form, the
// teacher's own application, or why there is none. Never cached: it is personal.
void fill_box(core::Context& cx, const std::string& course_code, ctemplate::TemplateDictionary& box);

// With the course being deleted (課程登錄錯誤): every application is cancelled and its teacher
// told by e-mail, in the caller's transaction.
// The mail to a teacher who took a freed seat from the waiting list, in the caller's transaction.
void notify_promoted(core::Context& cx, const sql::Person& person, const sql::Seats& seats);

void cancel_with_course(core::Context& cx, int64_t course_id, const std::string& code,
                        const std::string& title);

}  // namespace enrolment
