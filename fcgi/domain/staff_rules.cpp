#include "domain/staff_rules.h"

#include <algorithm>
#include <iterator>

namespace domain {

bool is_departure(std::string_view code) {
  return std::find(std::begin(kDepartureCodes), std::end(kDepartureCodes), code) !=
         std::end(kDepartureCodes);
}

std::string departure_note(std::string_view code, std::string_view school, std::string_view roc_date,
                           std::string_view recorded_by) {
  const std::string s(school);
  std::string what;
  if (code == "left") what = "已自" + s + "離職";
  else if (code == "transferred") what = "已自" + s + "轉校";
  else if (code == "retired") what = "已自" + s + "退休";
  else if (code == "not_renewed") what = s + "未續聘";
  else if (code == "suspended") what = "於" + s + "停職";
  else return "";
  return what + "（" + std::string(recorded_by) + "，" + std::string(roc_date) + "）";
}

Attach attach_decision(long long unit_id, std::string_view employment, long long registering_unit) {
  if (unit_id == 0) return Attach::kAttach;
  if (unit_id == registering_unit) {
    return employment == "active" ? Attach::kAlreadyHere : Attach::kAttach;
  }
  return employment == "transferred" || employment == "left" ? Attach::kAttach
                                                             : Attach::kServingElsewhere;
}

}  // namespace domain
