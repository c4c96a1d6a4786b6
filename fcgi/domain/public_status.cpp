// domain/public_status.cpp: the public words for a course's enrolment.
#include "domain/public_status.h"

namespace domain {

std::optional<PublicStatus> public_status(const EnrolmentFacts& f) {
  if (!is_public(f.state)) return std::nullopt;
  if (f.today > f.last_day) return PublicStatus::kEnded;
  if (!f.enrol_online) return PublicStatus::kNotOnline;
  if (f.state != CourseState::kApproved) return PublicStatus::kClosed;
  if (f.now < f.enrol_opens) return PublicStatus::kNotYetOpen;
  if (f.now > f.enrol_closes) return PublicStatus::kClosed;
  if (f.seats_left <= 0) return PublicStatus::kFull;
  return PublicStatus::kOpen;
}

const char* public_status_label(PublicStatus status) {
  switch (status) {
    case PublicStatus::kOpen:
      return "開放報名";
    case PublicStatus::kFull:
      return "已額滿";
    case PublicStatus::kNotYetOpen:
      return "尚未開放報名";
    case PublicStatus::kClosed:
      return "報名截止";
    case PublicStatus::kNotOnline:
      return "不提供線上報名";
    case PublicStatus::kEnded:
      return "已結束";
  }
  return "";
}

const char* public_status_code(PublicStatus status) {
  switch (status) {
    case PublicStatus::kOpen:
      return "open";
    case PublicStatus::kFull:
      return "full";
    case PublicStatus::kNotYetOpen:
      return "not_yet_open";
    case PublicStatus::kClosed:
      return "closed";
    case PublicStatus::kNotOnline:
      return "not_online";
    case PublicStatus::kEnded:
      return "ended";
  }
  return "";
}

}  // namespace domain
