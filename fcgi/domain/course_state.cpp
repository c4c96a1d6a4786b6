// domain/course_state.cpp: labels, codes and the transition table of 處理狀態 (SPEC §3).
#include "domain/course_state.h"

namespace domain {

const char* state_label(CourseState state) {
  switch (state) {
    case CourseState::kUnconfirmed:
      return "課程未確認";
    case CourseState::kReturned:
      return "課程確認未通過";
    case CourseState::kApproved:
      return "課程確認通過";
    case CourseState::kRosterSubmitted:
      return "資料上傳結束";
    case CourseState::kRosterReturned:
      return "名單確認未通過";
    case CourseState::kClosed:
      return "名單確認通過";
    case CourseState::kDeleted:
      return "課程登錄錯誤";
  }
  return "";
}

const char* state_code(CourseState state) {
  switch (state) {
    case CourseState::kUnconfirmed:
      return "unconfirmed";
    case CourseState::kReturned:
      return "returned";
    case CourseState::kApproved:
      return "approved";
    case CourseState::kRosterSubmitted:
      return "roster_submitted";
    case CourseState::kRosterReturned:
      return "roster_returned";
    case CourseState::kClosed:
      return "closed";
    case CourseState::kDeleted:
      return "deleted";
  }
  return "";
}

std::optional<CourseState> parse_state_code(std::string_view code) {
  for (CourseState state : kAllCourseStates) {
    if (code == state_code(state)) return state;
  }
  return std::nullopt;
}

std::optional<CourseState> next_state(CourseState from, CourseAction action) {
  using S = CourseState;
  using A = CourseAction;
  // Closed courses have become study records and deleted ones are kept for audit: both are final.
  if (action == A::kDelete) {
    if (from == S::kClosed || from == S::kDeleted) return std::nullopt;
    return S::kDeleted;
  }
  switch (from) {
    case S::kUnconfirmed:
      if (action == A::kApprove) return S::kApproved;
      if (action == A::kReturn) return S::kReturned;
      break;
    case S::kReturned:
      if (action == A::kResubmit) return S::kUnconfirmed;
      break;
    case S::kApproved:
      if (action == A::kSubmitRoster) return S::kRosterSubmitted;
      break;
    case S::kRosterSubmitted:
      if (action == A::kApproveRoster) return S::kClosed;
      if (action == A::kReturnRoster) return S::kRosterReturned;
      break;
    case S::kRosterReturned:
      if (action == A::kResubmitRoster) return S::kRosterSubmitted;
      break;
    case S::kClosed:
    case S::kDeleted:
      break;
  }
  return std::nullopt;
}

bool may_edit(CourseState state) {
  return state == CourseState::kUnconfirmed || state == CourseState::kReturned;
}

bool is_unfinished(CourseState state) {
  return state != CourseState::kClosed && state != CourseState::kDeleted;
}

bool is_public(CourseState state) {
  switch (state) {
    case CourseState::kApproved:
    case CourseState::kRosterSubmitted:
    case CourseState::kRosterReturned:
    case CourseState::kClosed:
      return true;
    case CourseState::kUnconfirmed:
    case CourseState::kReturned:
    case CourseState::kDeleted:
      return false;
  }
  return false;
}

std::string sql_list_of_states(bool (*rule)(CourseState)) {
  std::string out;
  for (CourseState s : kAllCourseStates) {
    if (rule(s)) out += std::string(out.empty() ? "(" : ",") + "'" + state_code(s) + "'";
  }
  return out + ")";
}

}  // namespace domain
