// domain/lights.h: 燈號 (SPEC §6). Counts come from SQL; the colour is decided here.
#pragma once

#include <string>

#include "domain/roc_date.h"

namespace domain {

enum class Light { kGreen, kYellow, kRed };

// Courses a teacher enrolled in this year but did not attend: 0 green, 1-2 yellow, 3+ red.
Light teacher_light(int missed_courses);

// A unit's overdue courses (see is_overdue): 0 green, 1..red_threshold-1 yellow, red_threshold+
// red. The threshold is 5 nationally and configurable per county; a threshold below 1 counts as 1.
Light unit_light(int overdue_courses, int red_threshold = 5);

// A unit on red may not register new courses until its count drops below the threshold (SPEC §6).
bool blocks_registration(Light light);

// "green" / "yellow" / "red": the value of the data-light attribute (SPEC §10).
const char* light_code(Light light);
// "綠燈" / "黃燈" / "紅燈": shown beside the colour, never the colour alone (SPEC §6, WCAG).
const char* light_words(Light light);

// Why a red-lit unit may not register a new course, and how to get out of it (SPEC §6).
std::string red_light_refusal(int overdue_courses, int red_threshold);

// A course counts toward the unit light when its last session ended more than grace_days before
// today and in today's calendar year (SPEC §6: "courses of the current year"). Whether it is still
// 尚未結案 is the caller's question (is_unfinished).
bool is_overdue(const Date& last_session, const Date& today, int grace_days = 7);

}  // namespace domain
