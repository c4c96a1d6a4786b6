// The reminder e-mail before a course (SPEC §11): a job of the scheduler (scheduler/jobs.cpp),
// never of a request.
#pragma once

#include "core/config.h"
#include "core/db.h"

namespace enrolment {

// Queues one reminder for each approved enrolment whose course (審核通過) has its first session
// within the next `reminder_hours_before` hours and that has had none. Each reminder is claimed,
// written to mail_outbox and committed in one transaction with enrolment.reminded_at, so a
// restart never sends one twice and a scheduler on another host running at the same moment sends
// none of the same; a teacher without a usable address is marked reminded without a mail.
// Returns how many enrolments it marked.
int send_reminders(db::Connection& db, const core::Config& config);

}  // namespace enrolment
