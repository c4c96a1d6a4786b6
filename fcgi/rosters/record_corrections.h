// 研習紀錄更正 of a closed course (SPEC §5): its records as they stand, a correction of one (a new
// record linked to the old, with its reason and who made it) and a late record (補登) for an
// approved applicant who has none — what answers a teacher's 申請更正.
#pragma once

#include "core/context.h"

namespace rosters {

core::Response course_records(core::Context& cx);  // GET  /office/courses/{code}/records
core::Response correct_record(core::Context& cx);  // POST /office/courses/{code}/records/{id}/correct
core::Response add_late_record(core::Context& cx); // POST /office/courses/{code}/records

}  // namespace rosters
