// domain/course_rules.h: the checks run when an organizer submits a course (SPEC §3 and §4;
// 管理規定 第8–12條), and the clock and break fields of the course form.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/restricted_activity.h"
#include "domain/roc_date.h"
#include "domain/study_hours.h"
#include "domain/validation.h"

namespace domain {

// Limits in characters (code points), as the course table stores them.
constexpr std::size_t kMaxTitleChars = 200;
constexpr std::size_t kMaxSubjectAreaChars = 60;
constexpr std::size_t kMaxBasisDocChars = 1000;
constexpr std::size_t kMaxSpecialApprovalDocChars = 200;
constexpr std::size_t kMaxOutlineChars = 4000;
constexpr std::size_t kMaxPlaceChars = 200;
constexpr std::size_t kMaxSubsidyChars = 200;
constexpr std::size_t kMaxContactNameChars = 50;
constexpr std::size_t kMaxContactPhoneChars = 30;
constexpr int kMaxSessions = 30;
constexpr int kMaxCourseSpanDays = 365;  // last session at most this many days after the first
constexpr int kMaxCredits = 255;
constexpr int kMaxSeatCount = 65535;  // class_count, seats_per_class and online_seats each

struct Contact {
  std::string name, phone, email;
};

// What the course form (步驟一 and 線上報名設定) submits, parsed into plain values.
struct CourseDraft {
  std::string title;
  std::string class_kind;     // "non_credit" | "credit" | "degree"
  bool cross_school = false;  // 跨校研習 (else 校內研習)
  int category_id = 0;        // must be > 0 (existence is checked by the caller)
  std::string subject_area;
  std::vector<std::string> levels;  // kindergarten elementary junior_high senior_high
                                    // vocational_high special university; at least one
  std::vector<int> tag_ids;
  std::string basis_doc;             // 依據文號
  std::string special_approval_doc;  // needed when a day > 6 h or a week > 35 h
  std::string outline;
  std::vector<Session> sessions;
  std::vector<std::string> places;  // one per session
  int declared_hours = 0;           // 非學分班
  int credits = 0;                  // 學分班/學位班; declared_hours is then ignored
  int class_count = 1, seats_per_class = 0, online_seats = 0;
  bool enrol_online = false;
  std::optional<Date> enrol_opens_on;
  int enrol_opens_minute = 0;  // minutes since midnight
  std::optional<Date> enrol_closes_on;
  int enrol_closes_minute = 0;
  bool auto_review = false;
  std::string subsidy;  // 補助單位及金額, optional
  Contact contact1, contact2;
};

// What the caller knows beyond the form: today, the county's 第12條 lead time and the unit's light.
struct RegistrationRules {
  Date today;
  int min_days_before_start = 7;
  bool unit_light_red = false;
  int unit_overdue_courses = 0;
  int red_light_threshold = 5;  // the county's; only shown in the red-light message
};

struct CourseCheck {
  std::vector<FieldError> errors;           // empty: the course may be registered
  HoursCheck hours;                         // 第10條 creditable hours of the sessions
  std::vector<RestrictedMatch> restricted;  // 第9條 suspicions: flag the course for the reviewer
  bool ok() const { return errors.empty(); }
  // The message of the first error on `field`; "" if none.
  std::string first_error_for(std::string_view field) const;
};

// Every submit-time rule, each failure one FieldError, in the order of the form:
//   form             the unit's light is red (SPEC §6);
//   title            required, ≤ 200; class_kind one of the three; category_id > 0;
//   levels           at least one, known codes; tag_ids > 0; subject_area ≤ 60;
//   basis_doc        required for 跨校研習 and when screen_restricted hits (第8、9條), ≤ 1000;
//   special_approval_doc  required when a day > 6 h or an ISO week > 35 h (第10條), ≤ 200;
//   outline          required, ≤ 4000;
//   sessions         1..30, each on a real day with end > start and its breaks inside, no two
//                    overlapping, all within a year; the first at least min_days_before_start
//                    days after today (第12條); ≥ 1 creditable hour for 非學分班 (第10條);
//   places           one per session, required, ≤ 200;
//   declared_hours   非學分班: 1..the 第10條 hours; credits 學分班/學位班: 1..255;
//   class_count, seats_per_class ≥ 1; online_seats 0..class_count × seats_per_class;
//   enrol_opens, enrol_closes  when enrol_online: both given, opening not before today, closing
//                    after opening and no later than the day before the first session (SPEC §4);
//   subsidy ≤ 200; contact1_* required and valid; contact2_* valid when any of them is given.
// Text must be well-formed UTF-8; "required" means something besides ASCII whitespace. Sessions
// with errors are not judged for hours. Duplicates and category existence are the caller's.
CourseCheck check_course(const CourseDraft& draft, const RegistrationRules& rules);

// "non_credit", "credit", "degree".
bool is_valid_class_kind(std::string_view class_kind);
// 學分班 and 學位班 are declared in credits (第10條).
bool is_credit_class(std::string_view class_kind);
// The 參加對象 codes, in the order forms and searches offer them.
inline constexpr const char* kLevelCodes[] = {"kindergarten", "elementary",     "junior_high",
                                              "senior_high",  "vocational_high", "special",
                                              "university"};
// One of kLevelCodes.
bool is_valid_level_code(std::string_view level);

// Hours the course is worth wherever hours are totalled: credits × 18 for 學分班/學位班 (第10條),
// otherwise the declared hours.
int creditable_hours(const CourseDraft& draft);

// "09:05" → 545. Exactly HH:MM, 00:00..23:59; anything else is nullopt.
std::optional<int> parse_clock(std::string_view text);
// 545 → "09:05"; 1440 → "24:00"; outside 0..1440 → "--:--".
std::string format_clock(int minutes);

// "12:00-13:00,15:00-15:10" → two intervals, as course_session.breaks stores them. Strict: each
// item HH:MM-HH:MM with end after start, separated by single commas, no spaces. "" → no breaks;
// anything malformed → nullopt.
std::optional<std::vector<Interval>> parse_breaks(std::string_view text);
// The inverse of parse_breaks, in the given order.
std::string format_breaks(const std::vector<Interval>& breaks);

}  // namespace domain
