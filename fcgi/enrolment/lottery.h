// 抽籤 (issue 8, SPEC §11): the draw of a course whose seats are given by lot, a job of the
// scheduler (scheduler/jobs.cpp), never of a request; and what the course page publishes about it.
#pragma once

#include <cstdint>

#include <ctemplate/template.h>

#include "core/config.h"
#include "core/db.h"

namespace enrolment {

// Draws every course in 抽籤 whose draw time has come by the database's clock and that has not
// been drawn. Each draw is one transaction: the course row locked, claimed by the conditional
// write of drawn_at (still NULL), the applicants (待抽籤) ordered by domain::draw_order, the free
// online seats taken one by one with the same conditional write as an application (approved),
// the rest made the waiting list in draw order, the order published in draw_entry and every
// applicant's result queued as mail. A restart or a second scheduler finds the course drawn and
// does nothing. Returns how many courses it drew.
int run_draws(db::Connection& db, const core::Config& config);

// The course page's 抽籤 block ({{>LOTTERY}}), nothing for 先到先得: before the draw its time, the
// seed's SHA-256 and how many applied; after it the seed and the applicants in draw order as
// (抽籤編號, no-show flag, result), with how to recompute it. Nothing personal.
void fill_lottery(db::Connection& db, int64_t course_id, ctemplate::TemplateDictionary& dict);

}  // namespace enrolment
