// domain/roster_rows.h: the one check of "teacher + hours" rows, shared by the roster upload
// (檔案上傳, SPEC §5) and the partner API's reports (資訊傳報, SPEC §7): which columns hold what,
// and what is wrong with a row, as a stable code and a Chinese sentence.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

// Problem codes: stable, the API's JSON answers carry them too.
inline constexpr char kInvalidNationalId[] = "invalid_national_id";  // format or check digit
inline constexpr char kInvalidHours[] = "invalid_hours";             // not a whole number in range
inline constexpr char kHoursAboveCourse[] = "hours_above_course";    // more than the course's hours
inline constexpr char kDuplicateRow[] = "duplicate_row";             // the same teacher earlier on
inline constexpr char kUnknownTeacher[] = "unknown_teacher";
inline constexpr char kNotActive[] = "not_active";        // 教師非在職
inline constexpr char kMalformedRow[] = "malformed_row";  // missing or extra cells

struct RowProblem {
  std::string code;     // one of the codes above
  std::string message;  // Traditional Chinese, for the organizer or the partner
};

// nullopt when `id` is a valid 身分證字號 or 居留證號 as given (normalize it first if the caller
// forgives spaces and lowercase: a roster file does, the API does not).
std::optional<RowProblem> check_national_id(std::string_view id);

// Which hours a row may carry.
struct HoursRule {
  int min_hours = 0;     // 0 on a roster: a listed teacher who earned nothing (曠課 over a third)
  int course_hours = 0;  // never above the course's hours
  // Too many hours: kHoursAboveCourse when true, else kInvalidHours like any other bad value.
  bool above_course_apart = true;
};
inline HoursRule roster_hours_rule(int course_hours) { return {0, course_hours, true}; }
// The partner API has always answered 1..course hours, and too many as invalid_hours.
inline HoursRule report_hours_rule(int course_hours) { return {1, course_hours, false}; }

// nullopt when `hours` (nullopt: not a whole number) is allowed by `rule`.
std::optional<RowProblem> check_hours(std::optional<int> hours, const HoursRule& rule);

// Hours as typed in a cell: ASCII digits with spaces around them, and a ".0…" tail because
// spreadsheets store 3 as 3.0 ("3", " 3 ", "3.0" → 3). nullopt for "3.5", "-1", "三", "" and
// anything above 100000.
std::optional<int> parse_hours(std::string_view text);

// What the caller knows of a teacher (looked up by 身分證字號 before the check).
struct KnownTeacher {
  bool active = false;  // 在職: employment 'active'
};

// One row's verdict.
struct RowReport {
  int line = 0;  // the line the organizer sees it at (lines[i], or i + 1)
  // Normalized as read (at most 20 characters), "" when the cell was empty.
  std::string national_id;
  std::optional<int> hours;
  std::string problem_code;  // "" when accepted
  std::string message;       // Chinese: why refused; "" when accepted
  bool accepted() const { return problem_code.empty(); }
};

// The header row, when the first non-blank row names its columns, recognises (spaces ignored):
//   身分證字號 身份證字號 身分證統一編號 統一證號 national_id   → the teacher
//   時數 研習時數 核發時數 研習時數/學分數 hours              → the hours
//   姓名 教師姓名 name                                        → the name (read, not checked)
// Other named columns (服務學校, 電子郵件 of the 研習名單匯出) are allowed and ignored. Without a
// header the columns are 身分證字號, 時數 and optionally 姓名, in that order.

// The normalized valid 身分證字號 of the data rows, each once, sorted: what the caller looks up in
// one query to build `known`.
std::vector<std::string> national_ids_in(const std::vector<std::vector<std::string>>& rows);

// One report per non-blank data row, in file order (blank rows are skipped silently; a header is
// not reported). `lines[i]` is the line of rows[i] as the organizer sees it; an empty `lines`
// means rows[i] is line i + 1. A header that lacks the 身分證字號 or 時數 column, or names one
// twice, gives a single malformed_row report for the header's line and nothing else.
// Checks in order: malformed_row, invalid_national_id, duplicate_row (the first row of a
// teacher is judged on its own; every later one is refused), invalid_hours, hours_above_course,
// unknown_teacher, not_active. Hours may be 0 (roster_hours_rule).
std::vector<RowReport> check_roster_rows(const std::vector<std::vector<std::string>>& rows,
                                         const std::vector<int>& lines, int course_hours,
                                         const std::map<std::string, KnownTeacher>& known);

}  // namespace domain
