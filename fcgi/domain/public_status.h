// domain/public_status.h: what the public pages (home, search, the course page) say about a
// course's enrolment. A course's review state (處理狀態) is for organizers and reviewers; the
// public sees only these words.
#pragma once

#include <cstdint>
#include <optional>

#include "domain/course_state.h"

namespace domain {

enum class PublicStatus {
  kOpen,        // 開放報名: online enrolment is open and seats are left
  kFull,        // 已額滿: open, but no online seat is left
  kNotYetOpen,  // 尚未開放報名: enrolment opens later
  kClosed,      // 報名截止: enrolment is over, the course has not ended
  kNotOnline,   // 不提供線上報名 (seeds 002, 線上報名設定), until the course ends
  kEnded,       // 已結束: its last day is past
};

// The facts the status follows from, as the database has them: times in seconds on one clock
// (UNIX_TIMESTAMP), days as yyyymmdd (domain::day_number). `now` and `today` are the
// database's NOW() and CURDATE(), never this process's clock.
struct EnrolmentFacts {
  CourseState state = CourseState::kApproved;
  bool enrol_online = false;
  int64_t enrol_opens = 0;   // the first second enrolment is open
  int64_t enrol_closes = 0;  // the last second it is open
  uint32_t last_day = 0;
  int seats_left = 0;  // online seats not yet taken
  int64_t now = 0;
  uint32_t today = 0;
};

// SPEC §3–§4, in this order: nullopt when the course is not public at all (課程未確認, 課程確認
// 未通過, 課程登錄錯誤); 已結束 once today is past its last day; 不提供線上報名 without online
// enrolment; 報名截止 once the course has left 課程確認通過 (its roster is on its way) or after
// the closing second; 尚未開放報名 before the opening second; 已額滿 with no seat left; else
// 開放報名. Both ends of the window are open seconds, as in the search's 只顯示目前開放報名 (NOW()
// BETWEEN).
std::optional<PublicStatus> public_status(const EnrolmentFacts& facts);

// 開放報名, 已額滿, 尚未開放報名, 報名截止, 不提供線上報名, 已結束.
const char* public_status_label(PublicStatus status);
// open, full, not_yet_open, closed, not_online, ended: for data-public-status attributes.
const char* public_status_code(PublicStatus status);

}  // namespace domain
