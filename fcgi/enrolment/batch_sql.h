// SQL of 校內批次報名 (SPEC §4): the unit's 在職 teachers an organizer may pick for a course, and
// the approvals it makes. The seats themselves go through enrolment::sql (lock_course first,
// take_seat), so the seat rule has one home.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"
#include "domain/enrolment_rules.h"

namespace enrolment::batch_sql {

// One teacher of the unit as the list shows it, with the teacher's enrolment in the course.
struct Candidate {
  int64_t id = 0;
  std::string name, national_id, title_name;
  std::optional<domain::EnrolmentStatus> status;  // none: has not applied
};

struct CandidatePage {
  std::vector<Candidate> rows;
  long total = 0;  // every candidate the filter matches
};

// The unit's 在職 teachers whose name holds `name_part` (any, when empty), ordered by name, not
// already approved for the course: `limit` of them from `offset`.
CandidatePage candidates(db::Connection& db, int64_t course_id, int64_t unit_id,
                         const std::string& name_part, long limit, long offset);

// The teachers among `teacher_ids` who are the unit's 在職 teachers, with their enrolment in the
// course as it is now (call it with the course locked). In no particular order.
std::vector<Candidate> unit_teachers(db::Connection& db, int64_t course_id, int64_t unit_id,
                                     const std::vector<int64_t>& teacher_ids);

// With the course locked and, unless the enrolment already held one, a seat taken: the
// enrolment becomes 審核通過 by the organizer (not 自動審核); a cancelled or refused one is
// taken up again.
void approve(db::Connection& db, int64_t course_id, int64_t teacher_id, int64_t organizer_id);
// With the course locked and a seat taken: a new enrolment, 審核通過 by the organizer.
void insert_approved(db::Connection& db, int64_t course_id, int64_t teacher_id,
                     int64_t organizer_id);

}  // namespace enrolment::batch_sql
