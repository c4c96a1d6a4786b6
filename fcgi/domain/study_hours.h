// domain/study_hours.h: creditable study hours of a course and of a teacher (第10條, SPEC §3).
#pragma once

#include <vector>

#include "domain/roc_date.h"

namespace domain {

// Minutes since midnight; a valid interval has end_min > start_min.
struct Interval {
  int start_min;
  int end_min;
};

// One session of a course on one day. Breaks (lunch, tea, travel, sign-in) are not teaching time.
struct Session {
  Date date;
  int start_min;
  int end_min;
  std::vector<Interval> breaks;
};

// 第10條: hours credited for one continuous teaching block of `minutes`.
// <50 → 0; 50..89 → 1; 90..119 → 2; otherwise minutes/60, plus 1 when the remainder is ≥ 50.
int block_hours(int minutes);

// Minutes of each continuous teaching block once the breaks are cut out, in time order. Breaks may
// overlap each other or reach outside the session; they are clamped. Empty when end <= start.
std::vector<int> teaching_blocks(const Session& session);

// Sum of block_hours over the session's blocks.
int session_hours(const Session& session);

// 第10條 daily and weekly ceilings, beyond which a special-approval 文號 is required.
constexpr int kMaxHoursPerDay = 6;
constexpr int kMaxHoursPerWeek = 35;

struct HoursCheck {
  int total_hours = 0;                    // creditable hours of the whole course
  std::vector<Date> days_over_limit;      // calendar days with more than 6 hours, in order
  std::vector<IsoWeek> weeks_over_limit;  // ISO weeks with more than 35 hours, in order
  bool needs_special_approval() const;
};

// Sessions on the same day add up toward that day (and their ISO week), whatever their order.
HoursCheck check_course_hours(const std::vector<Session>& sessions);

// 第10條: 學分班/學位班 are declared in credits, 1 credit = 18 hours wherever hours are totalled.
constexpr int kHoursPerCredit = 18;
int credits_to_hours(int credits);

enum class Attendance { kFull, kExcusedLeave, kUnexcused };

// 第10條 / SPEC §5: hours issued to one teacher for a course of `course_hours`, having missed
// `hours_absent` of them. Full attendance earns the course hours; excused leave (請假) earns the
// hours attended; unexcused absence (曠課) earns the hours attended unless it exceeds one third of
// the course hours, then 0 (exactly one third still earns). Always within 0..course_hours.
int issued_hours(int course_hours, Attendance attendance, int hours_absent);

}  // namespace domain
