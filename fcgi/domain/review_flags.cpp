// The queue's automatic flags, as pure functions.
#include "domain/review_flags.h"

#include <algorithm>

#include "domain/course_rules.h"
#include "domain/restricted_activity.h"

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

std::vector<std::string> review_flags(const FlagFacts& f) {
  std::vector<std::string> flags;
  const auto restricted = screen_restricted(f.title, f.outline);
  for (const auto& m : restricted) flags.push_back("疑似第9條不予採計：" + m.category + "（" + m.word + "）");
  const HoursCheck hours = check_course_hours(f.sessions);
  if (!is_credit_class(f.class_kind) && f.declared_hours > hours.total_hours) {
    flags.push_back("申報 " + std::to_string(f.declared_hours) + " 小時，依第10條計算僅 " +
                    std::to_string(hours.total_hours) + " 小時");
  }
  if (hours.needs_special_approval()) flags.push_back("單日逾 6 小時或單週逾 35 小時（需專案核准文號）");
  if (f.basis_doc.empty() && (f.cross_school || !restricted.empty())) flags.push_back("缺依據文號");
  if (f.same_title_courses > 0) {
    flags.push_back("疑似重複登錄：本單位另有 " + std::to_string(f.same_title_courses) + " 門同名課程");
  }
  const auto registered = parse_iso_date(f.registered_on);
  const auto first = parse_iso_date(f.first_date);
  if (registered && first && registered_late(*registered, *first, f.min_days_before_start)) {
    flags.push_back("逾期登錄：研習前不足 " + std::to_string(f.min_days_before_start) + " 天");
  }
  for (const auto& tag : f.tags) {
    if (tag_looks_misused(tag, f.title, f.outline, f.levels)) {
      flags.push_back("屬性標籤「" + tag + "」與課程內容不符");
    }
  }
  return flags;
}

}  // namespace domain
