// domain/enrolment_rules.cpp: statuses, refusals and the window of an enrolment.
#include "domain/enrolment_rules.h"

namespace domain {

namespace {
constexpr EnrolmentStatus kAllStatuses[] = {EnrolmentStatus::kPending, EnrolmentStatus::kApproved,
                                            EnrolmentStatus::kRefused, EnrolmentStatus::kCancelled,
                                            EnrolmentStatus::kWaiting};
}  // namespace

const char* enrolment_status_code(EnrolmentStatus status) {
  switch (status) {
    case EnrolmentStatus::kPending: return "pending";
    case EnrolmentStatus::kApproved: return "approved";
    case EnrolmentStatus::kRefused: return "rejected";
    case EnrolmentStatus::kCancelled: return "cancelled";
    case EnrolmentStatus::kWaiting: return "waiting";
  }
  return "";
}

std::optional<EnrolmentStatus> parse_enrolment_status(std::string_view code) {
  for (EnrolmentStatus s : kAllStatuses) {
    if (code == enrolment_status_code(s)) return s;
  }
  return std::nullopt;
}

const char* enrolment_status_label(EnrolmentStatus status) {
  switch (status) {
    case EnrolmentStatus::kPending: return "待審核";
    case EnrolmentStatus::kApproved: return "審核通過";
    case EnrolmentStatus::kRefused: return "審核不通過";
    case EnrolmentStatus::kCancelled: return "已取消";
    case EnrolmentStatus::kWaiting: return "候補中";
  }
  return "";
}

bool holds_seat(EnrolmentStatus status) {
  return status == EnrolmentStatus::kPending || status == EnrolmentStatus::kApproved;
}

const char* refusal_code(EnrolRefusal refusal) {
  switch (refusal) {
    case EnrolRefusal::kFull: return "full";
    case EnrolRefusal::kClosed: return "closed";
    case EnrolRefusal::kNotOpen: return "not_open";
    case EnrolRefusal::kIneligible: return "ineligible";
    case EnrolRefusal::kRecordsOnly: return "records_only";
    case EnrolRefusal::kDuplicate: return "duplicate";
    case EnrolRefusal::kBusy: return "busy";
  }
  return "";
}

std::optional<EnrolRefusal> window_refusal(const EnrolWindow& w) {
  if (w.state != CourseState::kApproved || !w.enrol_online) return EnrolRefusal::kClosed;
  if (w.first_session_start > 0 && w.now >= w.first_session_start) return EnrolRefusal::kClosed;
  if (w.now < w.opens) return EnrolRefusal::kNotOpen;
  if (w.now > w.closes) return EnrolRefusal::kClosed;
  return std::nullopt;
}

bool may_cancel(EnrolmentStatus status, int64_t now, int64_t first_session_start) {
  const bool active = holds_seat(status) || status == EnrolmentStatus::kWaiting;
  return active && now < first_session_start;
}

bool may_promote(const EnrolWindow& w) { return !window_refusal(w).has_value(); }

}  // namespace domain
