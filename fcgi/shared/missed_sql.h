// SPEC §6's 報名但未參與, as SQL: the one definition the teacher's light and the organizer's view of
// an applicant both count from.
#pragma once

#include <string>

namespace shared::missed_sql {

// The conditions, over enrolment e JOIN course c LEFT JOIN study_record r (r on e's teacher and
// course), that make e a missed course this calendar year: approved once, not cancelled before
// the first session started, the course closed, no record from it. Binds one parameter: the
// closed state's code (domain::state_code(kClosed)).
const std::string& condition();

}  // namespace shared::missed_sql
