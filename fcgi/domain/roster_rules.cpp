#include "domain/roster_rules.h"

#include <algorithm>

namespace domain {

const char* attendance_code(Attendance attendance) {
  switch (attendance) {
    case Attendance::kFull: return "full";
    case Attendance::kExcusedLeave: return "excused";
    case Attendance::kUnexcused: return "unexcused";
  }
  return "full";
}

std::optional<Attendance> parse_attendance(std::string_view code) {
  for (Attendance a : {Attendance::kFull, Attendance::kExcusedLeave, Attendance::kUnexcused}) {
    if (code == attendance_code(a)) return a;
  }
  return std::nullopt;
}

const char* attendance_label(Attendance attendance) {
  switch (attendance) {
    case Attendance::kFull: return "全程";
    case Attendance::kExcusedLeave: return "請假";
    case Attendance::kUnexcused: return "曠課";
  }
  return "全程";
}

int earned_units(const CourseUnits& course, Attendance attendance, int hours_absent) {
  const int hours = issued_hours(course.hours_equivalent(), attendance, hours_absent);
  if (!course.in_credits()) return hours;
  return hours > 0 ? course.credits : 0;
}

GridLine line_from_sessions(const CourseUnits& course, const std::vector<Session>& sessions,
                            const std::vector<bool>& present, bool absence_excused) {
  int missed = 0;
  for (size_t i = 0; i < sessions.size(); ++i) {
    if (i >= present.size() || !present[i]) missed += session_hours(sessions[i]);
  }
  GridLine line;
  line.hours_absent = std::min(missed, course.hours_equivalent());
  line.attendance = line.hours_absent == 0 ? Attendance::kFull
                    : absence_excused      ? Attendance::kExcusedLeave
                                           : Attendance::kUnexcused;
  line.units = earned_units(course, line.attendance, line.hours_absent);
  return line;
}

bool may_submit_roster(const Date& last_date, const Date& today) { return today >= last_date; }

std::vector<Date> days_over_daily_limit(const std::vector<Session>& sessions) {
  return check_course_hours(sessions).days_over_limit;
}

}  // namespace domain
