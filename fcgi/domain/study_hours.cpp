// domain/study_hours.cpp: 第10條 hour counting per block, session, day, week, course and teacher.
#include "domain/study_hours.h"

#include <algorithm>
#include <map>

namespace domain {

int block_hours(int minutes) {
  if (minutes < 50) return 0;
  if (minutes < 90) return 1;
  // 第10條: 90 continuous minutes are two 50-minute periods with the break between them skipped.
  if (minutes < 120) return 2;
  return minutes / 60 + (minutes % 60 >= 50 ? 1 : 0);
}

std::vector<int> teaching_blocks(const Session& session) {
  std::vector<Interval> cuts;
  for (const Interval& b : session.breaks) {
    const int start = std::max(b.start_min, session.start_min);
    const int end = std::min(b.end_min, session.end_min);
    if (end > start) cuts.push_back(Interval{start, end});
  }
  std::sort(cuts.begin(), cuts.end(),
            [](const Interval& a, const Interval& b) { return a.start_min < b.start_min; });

  std::vector<int> blocks;
  int cursor = session.start_min;
  for (const Interval& cut : cuts) {
    if (cut.start_min > cursor) blocks.push_back(cut.start_min - cursor);
    // Overlapping breaks: the later one may end before the earlier one does.
    cursor = std::max(cursor, cut.end_min);
  }
  if (session.end_min > cursor) blocks.push_back(session.end_min - cursor);
  return blocks;
}

int session_hours(const Session& session) {
  int hours = 0;
  for (int minutes : teaching_blocks(session)) hours += block_hours(minutes);
  return hours;
}

bool HoursCheck::needs_special_approval() const {
  return !days_over_limit.empty() || !weeks_over_limit.empty();
}

HoursCheck check_course_hours(const std::vector<Session>& sessions) {
  std::map<long, int> per_day;  // keyed by days_from_civil so the map iterates in date order
  for (const Session& s : sessions) per_day[days_from_civil(s.date)] += session_hours(s);

  HoursCheck check;
  std::map<IsoWeek, int> per_week;
  for (const auto& [day, hours] : per_day) {
    const Date date = civil_from_days(day);
    check.total_hours += hours;
    per_week[iso_week(date)] += hours;
    if (hours > kMaxHoursPerDay) check.days_over_limit.push_back(date);
  }
  for (const auto& [week, hours] : per_week) {
    if (hours > kMaxHoursPerWeek) check.weeks_over_limit.push_back(week);
  }
  return check;
}

int credits_to_hours(int credits) { return credits * kHoursPerCredit; }

int issued_hours(int course_hours, Attendance attendance, int hours_absent) {
  if (course_hours <= 0) return 0;
  const int absent = std::clamp(hours_absent, 0, course_hours);
  switch (attendance) {
    case Attendance::kFull:
      return course_hours;
    case Attendance::kExcusedLeave:
      return course_hours - absent;
    case Attendance::kUnexcused:
      // Compared in whole numbers: 3 × absent > hours is "more than a third" without rounding.
      return 3 * absent > course_hours ? 0 : course_hours - absent;
  }
  return 0;
}

}  // namespace domain
