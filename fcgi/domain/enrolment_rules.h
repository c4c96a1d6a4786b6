// domain/enrolment_rules.h: who may enrol in a course, when, and what a seat is (SPEC §4, 第5條).
// A seat is held by an application waiting for the organizer (待審核) and by an approved one
// (審核通過); the course's seats_taken counts exactly those. A full course offers 候補.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/course_state.h"

namespace domain {

enum class EnrolmentStatus {
  kPending,    // 待審核: the organizer decides; the seat is held
  kApproved,   // 審核通過
  kRefused,    // 審核不通過 (stored as "rejected")
  kCancelled,  // 已取消 by the teacher, or with the course
  kWaiting,    // 候補中: no seat yet, in order of application
};

const char* enrolment_status_code(EnrolmentStatus status);  // pending approved rejected cancelled waiting
std::optional<EnrolmentStatus> parse_enrolment_status(std::string_view code);
const char* enrolment_status_label(EnrolmentStatus status);
bool holds_seat(EnrolmentStatus status);

// Why an application is refused, as scripts and monitoring read it (data-reason, SPEC §10).
enum class EnrolRefusal {
  kFull,         // no seat left (the answer offers 候補)
  kClosed,       // enrolment is over, or the course is not taking applications
  kNotOpen,      // enrolment opens later
  kIneligible,   // the course does not take this teacher
  kRecordsOnly,  // 第5條: not 在職, or no unit — records only
  kDuplicate,    // already applied
  kBusy,         // the portal could not take it now; try again
};
const char* refusal_code(EnrolRefusal refusal);  // full closed not_open ineligible records_only duplicate busy

// The facts of the window, all on the database's clock (seconds since the epoch).
struct EnrolWindow {
  CourseState state = CourseState::kApproved;
  bool enrol_online = false;
  int64_t opens = 0, closes = 0;  // both seconds are inside the window
  int64_t first_session_start = 0;
  int64_t now = 0;
};
// Whether the window takes an application now: nullopt, or kNotOpen / kClosed. Only an
// approved course with online enrolment takes them, from the opening second to the closing one
// and never once its first session has started.
std::optional<EnrolRefusal> window_refusal(const EnrolWindow& w);

// A teacher may cancel until the first session starts (SPEC §4); a cancellation after the start
// would count as 報名但未參與 (SPEC §6), so it is not offered.
bool may_cancel(EnrolmentStatus status, int64_t now, int64_t first_session_start);

// A freed seat goes to the first waiting teacher only while the window is still open and the
// course has not begun (a seat offered after the deadline could not be taken up in time).
bool may_promote(const EnrolWindow& w);

}  // namespace domain
