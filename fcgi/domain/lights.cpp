// domain/lights.cpp: the 燈號 thresholds and their words (SPEC §6).
#include "domain/lights.h"

#include <algorithm>

namespace domain {

Light teacher_light(int missed_courses) {
  if (missed_courses <= 0) return Light::kGreen;
  if (missed_courses <= 2) return Light::kYellow;
  return Light::kRed;
}

Light unit_light(int overdue_courses, int red_threshold) {
  if (overdue_courses <= 0) return Light::kGreen;
  if (overdue_courses < std::max(red_threshold, 1)) return Light::kYellow;
  return Light::kRed;
}

bool blocks_registration(Light light) { return light == Light::kRed; }

const char* light_code(Light light) {
  switch (light) {
    case Light::kGreen:
      return "green";
    case Light::kYellow:
      return "yellow";
    case Light::kRed:
      return "red";
  }
  return "red";
}

const char* light_words(Light light) {
  switch (light) {
    case Light::kGreen:
      return "綠燈";
    case Light::kYellow:
      return "黃燈";
    case Light::kRed:
      return "紅燈";
  }
  return "紅燈";
}

std::string red_light_refusal(int overdue_courses, int red_threshold) {
  return "本單位燈號為紅燈：有 " + std::to_string(overdue_courses) +
         " 門研習已結束逾期仍未結案，須辦理結案到少於 " + std::to_string(std::max(red_threshold, 1)) +
         " 門後，才能登錄新課程。";
}

bool is_overdue(const Date& last_session, const Date& today, int grace_days) {
  // A course of last year stops counting on 1 January, even if it is still open (SPEC §6).
  if (last_session.year != today.year) return false;
  return days_from_civil(today) - days_from_civil(last_session) > grace_days;
}

}  // namespace domain
