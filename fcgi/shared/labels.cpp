// Code → label tables; unknown codes show as themselves rather than failing a page.
#include "shared/labels.h"

#include "domain/course_state.h"
#include "domain/roc_date.h"
#include "domain/study_hours.h"

namespace shared {

std::string label_of(const std::vector<std::string>& codes, const std::vector<std::string>& labels,
                     std::string_view code) {
  for (size_t i = 0; i < codes.size() && i < labels.size(); ++i) {
    if (codes[i] == code) return labels[i];
  }
  return std::string(code);
}

namespace {
struct Label {
  const char* code;
  const char* text;
};

template <size_t N>
std::string lookup(const Label (&table)[N], std::string_view code) {
  for (const Label& l : table) {
    if (code == l.code) return l.text;
  }
  return std::string(code);
}

constexpr Label kClassKinds[] = {{"non_credit", "非學分班"}, {"credit", "學分班"}, {"degree", "學位班"}};
constexpr Label kLevels[] = {{"kindergarten", "幼兒園"}, {"elementary", "國小"},
                             {"junior_high", "國中"},    {"senior_high", "高中"},
                             {"vocational_high", "高職"}, {"special", "特殊教育"},
                             {"university", "大專院校"}};
constexpr Label kEmployment[] = {{"active", "在職"},      {"not_renewed", "未續聘"},
                                 {"suspended", "停職"},   {"left", "離職"},
                                 {"transferred", "轉校"}, {"retired", "退休"}};
constexpr Label kEnrolment[] = {{"pending", "待審核"},   {"approved", "審核通過"},
                                {"rejected", "審核不通過"}, {"cancelled", "已取消"},
                                {"waiting", "候補中"},     {"in_draw", "待抽籤"}};
}  // namespace

std::string roc_date(std::string_view iso_date) {
  const auto d = domain::parse_iso_date(iso_date.substr(0, 10));
  return d ? domain::to_roc(*d) : std::string(iso_date);
}

std::string roc_datetime(std::string_view iso_datetime) {
  if (iso_datetime.size() < 10) return std::string(iso_datetime);
  return roc_date(iso_datetime.substr(0, 10)) + std::string(iso_datetime.substr(10));
}

std::string course_state_label(domain::CourseState state) { return domain::state_label(state); }

std::string hours_label(int hours, int credits) {
  if (credits > 0) {
    return std::to_string(credits) + " 學分（" + std::to_string(domain::credits_to_hours(credits)) +
           " 小時）";
  }
  return std::to_string(hours) + " 小時";
}

std::string class_kind_label(std::string_view code) { return lookup(kClassKinds, code); }
std::string level_label(std::string_view code) { return lookup(kLevels, code); }
std::string employment_label(std::string_view code) { return lookup(kEmployment, code); }
std::string enrolment_status_label(std::string_view code) { return lookup(kEnrolment, code); }

std::string levels_label(std::string_view set) {
  std::string out;
  size_t pos = 0;
  while (pos < set.size()) {
    size_t comma = set.find(',', pos);
    if (comma == std::string_view::npos) comma = set.size();
    if (comma > pos) out += (out.empty() ? "" : "、") + level_label(set.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

}  // namespace shared
