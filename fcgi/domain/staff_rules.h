// 本單位教師帳號管理 (SPEC §1, issue 10): what a 總負責人 may record about the unit's teachers.
#pragma once

#include <string>
#include <string_view>

namespace domain {

// The employment changes a 總負責人 records (teacher.employment), in the order offered:
// not_renewed, suspended, left, transferred, retired. Any of them makes the account records-only.
inline constexpr const char* kDepartureCodes[] = {"left", "transferred", "retired", "not_renewed",
                                                  "suspended"};
bool is_departure(std::string_view code);

// What the teacher's own page says about it, e.g. 「已自內壢國中離職（總負責人登錄，115/12/01）」;
// `recorded_by` who said so (總負責人登錄, 全國教保資訊網), `roc_date` as shown ("115/12/01"). ""
// for a code that is not a departure.
inline constexpr char kByMaster[] = "總負責人登錄";
std::string departure_note(std::string_view code, std::string_view school, std::string_view roc_date,
                           std::string_view recorded_by = kByMaster);

// 教師資料登錄 of an existing account by its 身分證字號.
enum class Attach {
  kAttach,           // no serving unit: joins the registering unit, 在職
  kAlreadyHere,      // already 在職 at the registering unit: nothing to do
  kServingElsewhere  // still belongs to another school: that school must record 轉校 or 離職 first
};
// `unit_id` 0 when the account has no unit. An account of the registering unit itself that is not
// 在職 (退休, 停職, …) is taken back; one of another school only once it has left it (轉校, 離職).
Attach attach_decision(long long unit_id, std::string_view employment, long long registering_unit);

}  // namespace domain
