// Chinese labels for the codes stored in the database, and dates shown in the ROC calendar.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/course_state.h"

namespace shared {

// The label beside `code` in a form's parallel lists of codes and labels; the code itself when
// it is not among them.
std::string label_of(const std::vector<std::string>& codes, const std::vector<std::string>& labels,
                     std::string_view code);
std::string roc_date(std::string_view iso_date);          // "2025-02-24" → "114/02/24"; "" stays ""
std::string roc_datetime(std::string_view iso_datetime);  // "2025-02-24 09:00" → "114/02/24 09:00"
std::string course_state_label(domain::CourseState state);
// 研習時數 as shown everywhere: "3 小時", or for 學分班 "2 學分（36 小時）" (第10條: 1 學分 = 18 小時).
std::string hours_label(int hours, int credits);
std::string class_kind_label(std::string_view code);
std::string levels_label(std::string_view set);           // "elementary,junior_high" → "國小、國中"
std::string level_label(std::string_view code);
std::string employment_label(std::string_view code);
std::string enrolment_status_label(std::string_view code);

}  // namespace shared
