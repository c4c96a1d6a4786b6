// domain/enrolment_rules.h: who may enrol in a course, when, and what a seat is (SPEC §4, 第5條).
// A seat is held by an application waiting for the organizer (待審核) and by an approved one
// (審核通過); the course's seats_taken counts exactly those. A full course offers 候補. An
// application waiting for a draw (待抽籤, domain/lottery.h) holds none until the draw.
#pragma once

#include <cstdint>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/course_state.h"
#include "domain/roc_date.h"
#include "domain/study_hours.h"
#include "domain/validation.h"

namespace domain {

enum class EnrolmentStatus {
  kPending,    // 待審核: the organizer decides; the seat is held
  kApproved,   // 審核通過
  kRefused,    // 審核不通過 (stored as "rejected")
  kCancelled,  // 已取消 by the teacher, or with the course
  kWaiting,    // 候補中: no seat yet, in order of application
  kInDraw,     // 待抽籤 (stored as "in_draw"): applied to a 抽籤 course before its draw; no seat
};

// pending approved rejected cancelled waiting in_draw
const char* enrolment_status_code(EnrolmentStatus status);
// The fixed point scripts read (data-enrolment-status, SPEC §10): the stored code, except that an
// application waiting for the draw is "pending" like any other not yet decided.
const char* enrolment_answer_code(EnrolmentStatus status);
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

// 線上報名設定's window and seats (seeds 002: 線上報名期限最晚必須於開課前一天截止): both times given,
// the opening before the deadline and not before today (unless it is the one already set: a
// window may be changed while it runs), the deadline at the latest the day before the first
// session; online seats within the course's total and never below the seats already held.
// With 抽籤 (issue 8): a draw time after the opening and at the latest the deadline; once
// enrolment has opened, neither the way seats are given nor the draw time may change (the
// promise made to those who applied), and the deadline never moves before the draw.
struct WindowSettings {
  std::optional<std::pair<Date, int>> opens, closes;  // date and minute of the day
  bool opens_unchanged = false;
  Date first_day, today;
  int online_seats = 0, total_seats = 0, seats_held = 0;
  bool lottery = false;
  std::optional<std::pair<Date, int>> draw;
  bool draw_fixed = false;    // enrolment has opened
  bool draw_changed = false;  // the form asks for another way or draw time than the course has
};
std::vector<FieldError> check_settings(const WindowSettings& s);

// 報名所需額外資訊 (seeds 002, 線上報名設定): the nine things an organizer may ask of applicants.
struct Question {
  const char* code;
  const char* label;
  std::vector<const char*> options;  // empty: free text (自填); otherwise a choice (選單)
  std::size_t max_chars = 100;
};
const std::vector<Question>& questions();

enum class Asked { kNo, kOptional, kRequired };
// The course's setting "title_name=required,meal=optional": what is asked, question by question.
std::map<std::string, Asked> parse_asked(std::string_view setting);
std::string format_asked(const std::map<std::string, Asked>& asked);

// Who may apply (線上報名設定): empty sets mean anyone.
// 職位類別 as stored (teacher.position_category, course.eligible_positions), in the order shown.
inline constexpr const char* kPositionCodes[] = {"qualified", "substitute", "intern", "other"};
// 合格專任教師, 代理代課教師, 實習教師, 其他; "" for anything else (a category not given).
const char* position_label(std::string_view code);

struct Eligibility {
  std::set<std::string> levels;     // the teacher's unit's level must be one of them
  std::set<std::string> counties;   // county ids, as text
  std::set<std::string> units;      // school codes
  std::set<std::string> positions;  // 職位類別 codes; a teacher without one meets none
};
struct Applicant {
  std::string unit_level;  // junior_high, elementary, …
  std::string county_id;
  int64_t unit_id = 0;
  std::string unit_code;
  std::string position;    // 職位類別 code, "" when not given
};
bool eligible(const Eligibility& rule, const Applicant& teacher);

enum class AutoScope { kAnyone, kOwnUnit, kOwnCounty };
// 自動審核 approves only applicants within its scope; the others wait for the organizer.
bool auto_approves(AutoScope scope, const Applicant& teacher, int64_t course_unit_id,
                   const std::string& course_county_id);

// Warnings shown before a teacher applies, never a refusal (SPEC §11): a session of the course
// overlaps one of a course the teacher already holds a seat in, or a day would add up to more
// than 第10條's 6 creditable hours across courses.
struct HeldCourse {
  std::string title;
  std::vector<Session> sessions;
};
struct ClashWarning {
  enum Kind { kOverlap, kDayHours } kind;
  Date date;
  std::string other_title;  // kOverlap: the course it overlaps
  int day_hours = 0;        // kDayHours: the day's creditable hours with this course
};
// In date order; one overlap per day and other course, one hours warning per day.
std::vector<ClashWarning> clash_warnings(const std::vector<Session>& applying,
                                         const std::vector<HeldCourse>& held);

}  // namespace domain
