// The queue's automatic flags, as pure functions.
#include "domain/review_flags.h"

#include <algorithm>

namespace domain {

namespace {
struct TagSubject {
  const char* tag;
  std::vector<const char*> words;  // any of them in the name or outline fits the tag
  const char* level;               // or this level among the course's levels
};

const std::vector<TagSubject>& tag_subjects() {
  static const std::vector<TagSubject> subjects = {
      {"幼兒園教保專業知能", {"幼兒", "幼教", "教保", "學前"}, "kindergarten"},
      {"基本救命術訓練", {"救命", "CPR", "AED", "心肺復甦", "急救"}, nullptr},
      {"安全教育", {"安全", "防災", "災害", "交通", "緊急應變"}, nullptr},
      {"特殊教育知能", {"特殊教育", "特教", "身心障礙", "融合教育", "特殊需求"}, "special"},
      {"家庭教育", {"家庭", "親職", "親子", "婚姻"}, nullptr},
  };
  return subjects;
}
}  // namespace

bool tag_looks_misused(std::string_view tag_name, std::string_view title, std::string_view outline,
                       const std::vector<std::string>& levels) {
  for (const TagSubject& subject : tag_subjects()) {
    if (tag_name != subject.tag) continue;
    for (const char* word : subject.words) {
      if (title.find(word) != std::string_view::npos || outline.find(word) != std::string_view::npos) {
        return false;
      }
    }
    if (subject.level && std::find(levels.begin(), levels.end(), subject.level) != levels.end()) {
      return false;
    }
    return true;
  }
  return false;
}

bool registered_late(const Date& registered_on, const Date& first_session, int min_days) {
  return days_from_civil(first_session) - days_from_civil(registered_on) < min_days;
}

}  // namespace domain
