// domain/roster_rules.h: what a roster line earns and when a roster may go to review (SPEC §5,
// 第10條). A line's "units" are the course's own: hours for a course in hours, credits for 學分班.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/roc_date.h"
#include "domain/study_hours.h"

namespace domain {

// The codes stored in roster_entry.attendance, and back; nullopt for anything else.
const char* attendance_code(Attendance attendance);
std::optional<Attendance> parse_attendance(std::string_view code);
const char* attendance_label(Attendance attendance);  // 全程 / 請假 / 曠課

struct CourseUnits {
  int hours = 0;    // declared hours; 0 for 學分班
  int credits = 0;  // 學分班 only
  bool in_credits() const { return credits > 0; }
  int units() const { return in_credits() ? credits : hours; }
  // What absence is measured against: the hours, or the credits as hours (× 18).
  int hours_equivalent() const { return in_credits() ? credits_to_hours(credits) : hours; }
};

// Units one teacher earns, having missed `hours_absent` hours (issued_hours, 第10條). A 學分班
// is earned whole or not at all: its credits, unless unexcused absence above a third zeroes it.
int earned_units(const CourseUnits& course, Attendance attendance, int hours_absent);

// One line from the attendance grid of a course of several sessions: the sessions in course order
// and whether the teacher was present at each. Absence is the hours (第10條) of the sessions
// missed; `absence_excused` says whether it was 請假 or 曠課.
struct GridLine {
  Attendance attendance = Attendance::kFull;
  int hours_absent = 0;
  int units = 0;
};
GridLine line_from_sessions(const CourseUnits& course, const std::vector<Session>& sessions,
                            const std::vector<bool>& present, bool absence_excused);

// 研習時數核對無誤，送出名單確認要求 is possible from the course's last day on: before it, the
// hours are not known.
bool may_submit_roster(const Date& last_date, const Date& today);

// The calendar days on which a teacher's sessions across courses exceed 6 creditable hours
// (第10條), for the reviewer's warning: `sessions` are every session of every course the teacher
// is on a roster of, on the days that matter.
std::vector<Date> days_over_daily_limit(const std::vector<Session>& sessions);

}  // namespace domain
