// domain/course_state.h: a course's 處理狀態 and the review transitions between them (SPEC §3).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace domain {

enum class CourseState {
  kUnconfirmed,      // 課程未確認
  kReturned,         // 課程確認未通過
  kApproved,         // 課程確認通過
  kRosterSubmitted,  // 資料上傳結束
  kRosterReturned,   // 名單確認未通過
  kClosed,           // 名單確認通過 (結案)
  kDeleted,          // 課程登錄錯誤
};

enum class CourseAction {
  kApprove,         // reviewer: 課程確認通過
  kReturn,          // reviewer: 課程確認未通過, with reasons
  kResubmit,        // organizer, after editing a returned course
  kSubmitRoster,    // organizer: 研習時數核對無誤，送出名單確認要求
  kApproveRoster,   // reviewer: 名單確認通過
  kReturnRoster,    // reviewer: 名單確認未通過, with reasons
  kResubmitRoster,  // organizer, after fixing a returned roster
  kDelete,          // 課程登錄錯誤, with a reason
};

// Every state, in the order of the workflow.
constexpr CourseState kAllCourseStates[] = {
    CourseState::kUnconfirmed,     CourseState::kReturned,       CourseState::kApproved,
    CourseState::kRosterSubmitted, CourseState::kRosterReturned, CourseState::kClosed,
    CourseState::kDeleted,
};

// The Chinese label shown to people.
const char* state_label(CourseState state);
// The stable ASCII code stored in the database; never change one once data uses it.
const char* state_code(CourseState state);
// nullopt for anything that is not exactly one of the codes.
std::optional<CourseState> parse_state_code(std::string_view code);

// The state after `action`, or nullopt when the action is not allowed from `from`.
std::optional<CourseState> next_state(CourseState from, CourseAction action);

// The organizer may still change the course's data (課程未確認, or returned for correction);
// editing a returned course resubmits it (kResubmit).
bool may_edit(CourseState state);

// 尚未結案: neither 名單確認通過 nor 課程登錄錯誤.
bool is_unfinished(CourseState state);
// Shown on public pages (search, course page): approved and everything after it except deletion.
bool is_public(CourseState state);

// The codes of the states for which `rule` holds as an SQL list, "('approved','closed')": the one
// place SQL learns which states are public or unfinished.
std::string sql_list_of_states(bool (*rule)(CourseState));

}  // namespace domain
