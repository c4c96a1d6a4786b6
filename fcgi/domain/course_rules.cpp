// domain/course_rules.cpp: submit-time course checks (SPEC §3, §4; 第8–12條) and the clock fields.
#include "domain/course_rules.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

#include "domain/lights.h"
#include "domain/validation.h"

namespace domain {
namespace {

constexpr int kMinutesPerDay = 24 * 60;

std::string num(long long n) { return std::to_string(n); }

bool blank(std::string_view s) { return trim(s).empty(); }

// Required, well-formed and short enough; adds at most one error and says whether it added one.
bool check_text(std::vector<FieldError>& errors, const std::string& field, const std::string& label,
                std::string_view value, std::size_t max_chars, bool required) {
  if (required && blank(value)) {
    errors.push_back({field, "請填寫" + label + "。"});
    return false;
  }
  if (!is_valid_utf8(value)) {
    errors.push_back({field, label + "含有無法辨識的字元，請重新輸入。"});
    return false;
  }
  const std::size_t chars = utf8_length(value);
  if (chars > max_chars) {
    errors.push_back({field, label + "不可超過 " + num(static_cast<long long>(max_chars)) +
                                 " 字（目前 " + num(static_cast<long long>(chars)) + " 字）。"});
    return false;
  }
  return true;
}

std::string session_name(std::size_t index) {
  return "第 " + num(static_cast<long long>(index) + 1) + " 場";
}

std::string join_roc_dates(const std::vector<Date>& days) {
  std::string out;
  for (const Date& d : days) {
    if (!out.empty()) out += "、";
    out += to_roc(d);
  }
  return out;
}

// The sessions' own errors: one per faulty session, then the count, overlap and span rules.
// Returns true when the sessions are sound enough to count hours from.
bool check_sessions(std::vector<FieldError>& errors, const std::vector<Session>& sessions) {
  if (sessions.empty()) {
    errors.push_back({"sessions", "研習日期時間：請至少填寫一場的日期、開始與結束時間。"});
    return false;
  }
  if (sessions.size() > static_cast<std::size_t>(kMaxSessions)) {
    errors.push_back({"sessions", "研習日期時間：最多 " + num(kMaxSessions) + " 場（目前 " +
                                      num(static_cast<long long>(sessions.size())) +
                                      " 場），請分成多門課程登錄。"});
    return false;
  }

  bool sound = true;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const Session& s = sessions[i];
    const std::string name = "研習日期時間：" + session_name(i);
    if (!is_valid_date(s.date)) {
      errors.push_back({"sessions", name + "的日期不正確，請重新選擇。"});
      sound = false;
      continue;
    }
    if (s.start_min < 0 || s.start_min >= kMinutesPerDay || s.end_min > kMinutesPerDay) {
      errors.push_back({"sessions", name + "的時間不正確，請以 HH:MM 填寫。"});
      sound = false;
      continue;
    }
    if (s.end_min <= s.start_min) {
      errors.push_back({"sessions", name + "的結束時間須晚於開始時間。"});
      sound = false;
      continue;
    }
    for (const Interval& b : s.breaks) {
      if (b.end_min <= b.start_min || b.start_min < s.start_min || b.end_min > s.end_min) {
        errors.push_back({"sessions", name + "的休息時間 " + format_clock(b.start_min) + "-" +
                                          format_clock(b.end_min) + " 須在上課時間 " +
                                          format_clock(s.start_min) + "-" +
                                          format_clock(s.end_min) + " 之內，且結束晚於開始。"});
        sound = false;
        break;
      }
    }
  }
  if (!sound) return false;

  for (std::size_t i = 0; i < sessions.size(); ++i) {
    for (std::size_t j = i + 1; j < sessions.size(); ++j) {
      const Session& a = sessions[i];
      const Session& b = sessions[j];
      if (a.date == b.date && a.start_min < b.end_min && b.start_min < a.end_min) {
        errors.push_back({"sessions", "研習日期時間：" + session_name(i) + "與" + session_name(j) +
                                          "的時間重疊，同一天的場次請勿重疊。"});
        return false;
      }
    }
  }

  const auto [first, last] =
      std::minmax_element(sessions.begin(), sessions.end(),
                          [](const Session& a, const Session& b) { return a.date < b.date; });
  if (days_from_civil(last->date) - days_from_civil(first->date) > kMaxCourseSpanDays) {
    errors.push_back({"sessions", "研習日期時間：第一場（" + to_roc(first->date) +
                                      "）到最後一場（" + to_roc(last->date) +
                                      "）不可超過一年，請分成多門課程登錄。"});
    return false;
  }
  return true;
}

// The Monday-to-Sunday span of an ISO week that holds one of the sessions, in ROC dates.
std::string week_span(const IsoWeek& week, const std::vector<Session>& sessions) {
  for (const Session& s : sessions) {
    if (iso_week(s.date) != week) continue;
    const Date monday = add_days(s.date, 1 - iso_weekday(s.date));
    return to_roc(monday) + "–" + to_roc(add_days(monday, 6));
  }
  return num(week.year) + " 年第 " + num(week.week) + " 週";
}

// declared_hours or credits; the 第10條 ceiling only when the sessions could be counted.
void check_hours(std::vector<FieldError>& errors, const CourseDraft& draft, const HoursCheck& hours,
                 bool sessions_ok) {
  if (is_credit_class(draft.class_kind)) {
    if (draft.credits < 1) {
      errors.push_back(
          {"credits", "學分數：學分班、學位班請填寫學分數，至少 1 學分（1 學分採計 18 小時）。"});
    } else if (draft.credits > kMaxCredits) {
      errors.push_back({"credits", "學分數不可超過 " + num(kMaxCredits) + " 學分。"});
    }
    return;
  }
  if (!is_valid_class_kind(draft.class_kind))
    return;  // already reported; which rule applies is unknown

  if (draft.declared_hours < 1) {
    errors.push_back({"declared_hours", "研習時數：請填寫 1 小時以上的整數。"});
  } else if (sessions_ok && hours.total_hours >= 1 && draft.declared_hours > hours.total_hours) {
    errors.push_back({"declared_hours", "研習時數：依第10條計算可採計 " + num(hours.total_hours) +
                                            " 小時，申報時數不可超過 " + num(hours.total_hours) +
                                            " 小時（目前填寫 " + num(draft.declared_hours) +
                                            " 小時）。"});
  }
}

void check_contact(std::vector<FieldError>& errors, const Contact& c, const std::string& prefix,
                   const std::string& who) {
  check_text(errors, prefix + "_name", who + "姓名", c.name, kMaxContactNameChars, true);

  const std::string phone_field = prefix + "_phone";
  if (check_text(errors, phone_field, who + "電話", c.phone, kMaxContactPhoneChars, true)) {
    int digits = 0;
    bool control = false;
    for (char ch : c.phone) {
      const auto u = static_cast<unsigned char>(ch);
      digits += (ch >= '0' && ch <= '9');
      control = control || u < 0x20 || u == 0x7F;
    }
    // Taiwan's shortest numbers (area code + 6 digits) have 8 digits; 7 leaves room for typos
    // in the grouping but not for a missing area code and more.
    if (digits < 7 || control) {
      errors.push_back(
          {phone_field, who + "電話格式不正確，請填寫含區碼的電話或手機號碼（可加分機）。"});
    }
  }

  const std::string email_field = prefix + "_email";
  const std::string email = trim(c.email);
  if (email.empty()) {
    errors.push_back({email_field, "請填寫" + who + "電子郵件。"});
  } else if (!is_valid_email(email)) {
    errors.push_back({email_field, who + "電子郵件格式不正確，例如 name@school.edu.tw。"});
  }
}

bool valid_minute(int minute) { return minute >= 0 && minute < kMinutesPerDay; }

void check_enrolment_window(std::vector<FieldError>& errors, const CourseDraft& draft,
                            const RegistrationRules& rules, const std::optional<Date>& first_day) {
  bool opens_ok = true;
  bool closes_ok = true;
  if (!draft.enrol_opens_on) {
    errors.push_back({"enrol_opens", "報名開始時間：開放線上報名時請填寫開始日期與時間。"});
    opens_ok = false;
  } else if (!is_valid_date(*draft.enrol_opens_on) || !valid_minute(draft.enrol_opens_minute)) {
    errors.push_back({"enrol_opens", "報名開始時間不正確，請重新填寫日期與時間。"});
    opens_ok = false;
  } else if (*draft.enrol_opens_on < rules.today) {
    errors.push_back({"enrol_opens", "報名開始時間不可早於今天（" + to_roc(rules.today) + "）。"});
  }

  if (!draft.enrol_closes_on) {
    errors.push_back({"enrol_closes", "報名截止時間：開放線上報名時請填寫截止日期與時間。"});
    closes_ok = false;
  } else if (!is_valid_date(*draft.enrol_closes_on) || !valid_minute(draft.enrol_closes_minute)) {
    errors.push_back({"enrol_closes", "報名截止時間不正確，請重新填寫日期與時間。"});
    closes_ok = false;
  }
  if (!opens_ok || !closes_ok) return;

  const auto opens = std::make_pair(*draft.enrol_opens_on, draft.enrol_opens_minute);
  const auto closes = std::make_pair(*draft.enrol_closes_on, draft.enrol_closes_minute);
  if (!(opens < closes)) {
    errors.push_back({"enrol_closes", "報名截止時間須晚於報名開始時間（" +
                                          to_roc(*draft.enrol_opens_on) + " " +
                                          format_clock(draft.enrol_opens_minute) + "）。"});
    return;
  }
  if (first_day) {
    const Date last_allowed = add_days(*first_day, -1);
    if (*draft.enrol_closes_on > last_allowed) {
      errors.push_back({"enrol_closes",
                        "報名截止時間最晚為第一場研習的前一天（" + to_roc(last_allowed) + "）。"});
    }
  }
}

}  // namespace

std::string CourseCheck::first_error_for(std::string_view field) const {
  for (const FieldError& e : errors) {
    if (e.field == field) return e.message;
  }
  return "";
}

bool is_valid_class_kind(std::string_view class_kind) {
  return class_kind == "non_credit" || is_credit_class(class_kind);
}

bool is_credit_class(std::string_view class_kind) {
  return class_kind == "credit" || class_kind == "degree";
}

bool is_valid_level_code(std::string_view level) {
  return std::find(std::begin(kLevelCodes), std::end(kLevelCodes), level) != std::end(kLevelCodes);
}

int creditable_hours(const CourseDraft& draft) {
  return is_credit_class(draft.class_kind) ? credits_to_hours(draft.credits) : draft.declared_hours;
}

CourseCheck check_course(const CourseDraft& draft, const RegistrationRules& rules) {
  CourseCheck check;
  std::vector<FieldError>& errors = check.errors;
  check.restricted = screen_restricted(draft.title, draft.outline);

  if (rules.unit_light_red) {
    errors.push_back({"form", red_light_refusal(rules.unit_overdue_courses, rules.red_light_threshold)});
  }

  check_text(errors, "title", "研習名稱", draft.title, kMaxTitleChars, true);
  if (!is_valid_class_kind(draft.class_kind)) {
    errors.push_back({"class_kind", "請選擇班別性質（非學分班、學分班或學位班）。"});
  }
  if (draft.category_id <= 0) errors.push_back({"category_id", "請選擇課程類別。"});
  check_text(errors, "subject_area", "科目領域", draft.subject_area, kMaxSubjectAreaChars, false);

  if (draft.levels.empty()) {
    errors.push_back({"levels", "參加對象：請至少選擇一個適用層級。"});
  } else if (!std::all_of(draft.levels.begin(), draft.levels.end(),
                          [](const std::string& l) { return is_valid_level_code(l); })) {
    errors.push_back({"levels", "參加對象含有無法辨識的選項，請重新選擇。"});
  }
  if (std::any_of(draft.tag_ids.begin(), draft.tag_ids.end(), [](int id) { return id <= 0; })) {
    errors.push_back({"tag_ids", "屬性標籤含有無法辨識的選項，請重新選擇。"});
  }

  // Sessions first, on the side: the hour rules below need to know whether they are sound, but
  // their messages belong after the outline, where the form shows the sessions.
  std::vector<FieldError> session_errors;
  const bool sessions_ok = check_sessions(session_errors, draft.sessions);
  check.hours = check_course_hours(draft.sessions);

  // 第8條二: the 文號 by which the authority approved the hours; 第9條: the authority's consent to
  // a restricted activity comes as such a 文號 too.
  if (blank(draft.basis_doc) && !check.restricted.empty()) {
    std::string hits;
    for (const RestrictedMatch& m : check.restricted) {
      if (!hits.empty()) hits += "；";
      hits += m.category + "「" + m.word + "」";
    }
    errors.push_back(
        {"basis_doc",
         "依據文號：研習名稱或大綱看來屬第9條須經教育行政主管機關同意始得採計時數的活動（" + hits +
             "），請填寫主管機關同意的公文文號。"});
  } else if (blank(draft.basis_doc) && draft.cross_school) {
    errors.push_back(
        {"basis_doc", "依據文號：跨校研習請填寫教育部或教育行政主管機關核定研習時數的公文文號。"});
  } else {
    check_text(errors, "basis_doc", "依據文號", draft.basis_doc, kMaxBasisDocChars, false);
  }

  if (check_text(errors, "special_approval_doc", "專案核准文號", draft.special_approval_doc,
                 kMaxSpecialApprovalDocChars, false) &&
      sessions_ok && check.hours.needs_special_approval() && blank(draft.special_approval_doc)) {
    std::string what;
    if (!check.hours.days_over_limit.empty()) {
      what += "單日超過 " + num(kMaxHoursPerDay) + " 小時（" +
              join_roc_dates(check.hours.days_over_limit) + "）";
    }
    for (const IsoWeek& w : check.hours.weeks_over_limit) {
      if (!what.empty()) what += "、";
      what += "單週超過 " + num(kMaxHoursPerWeek) + " 小時（" + week_span(w, draft.sessions) + "）";
    }
    errors.push_back(
        {"special_approval_doc", "專案核准文號：本課程採計時數" + what +
                                     "，依第10條須由主管機關專案核准，請填寫核准文號。"});
  }

  check_text(errors, "outline", "課程內容大綱", draft.outline, kMaxOutlineChars, true);

  errors.insert(errors.end(), session_errors.begin(), session_errors.end());
  std::optional<Date> first_day;
  if (sessions_ok) {
    first_day = std::min_element(draft.sessions.begin(), draft.sessions.end(),
                                 [](const Session& a, const Session& b) { return a.date < b.date; })
                    ->date;
    // 第12條二: registered at least a week (the county's setting) before the course is held.
    const int lead = std::max(rules.min_days_before_start, 0);
    const Date earliest = add_days(rules.today, lead);
    if (*first_day < earliest) {
      errors.push_back({"sessions", "研習日期時間：依第12條須於研習辦理 " + num(lead) +
                                        " 天前登錄，第一場（" + to_roc(*first_day) +
                                        "）最早只能排在 " + to_roc(earliest) + "。"});
    }
    if (!is_credit_class(draft.class_kind) && check.hours.total_hours < 1) {
      errors.push_back({"sessions",
                        "研習日期時間：依第10條計算可採計 0 小時（連續上課未滿 50 "
                        "分鐘不採計），未滿 1 小時的研習無法登錄。"});
    }
  }

  if (draft.places.size() != draft.sessions.size()) {
    errors.push_back({"places", "上課地點：每一場都須填寫上課地點。"});
  } else {
    for (std::size_t i = 0; i < draft.places.size(); ++i) {
      if (!check_text(errors, "places", session_name(i) + "的上課地點", draft.places[i],
                      kMaxPlaceChars, true)) {
        break;
      }
    }
  }

  check_hours(errors, draft, check.hours, sessions_ok);

  const bool classes_ok = draft.class_count >= 1 && draft.class_count <= kMaxSeatCount;
  const bool seats_ok = draft.seats_per_class >= 1 && draft.seats_per_class <= kMaxSeatCount;
  if (!classes_ok) {
    errors.push_back({"class_count", "班級數須為 1 到 " + num(kMaxSeatCount) + " 的整數。"});
  }
  if (!seats_ok) {
    errors.push_back(
        {"seats_per_class", "每班次人數須為 1 到 " + num(kMaxSeatCount) + " 的整數。"});
  }
  if (draft.online_seats < 0 || draft.online_seats > kMaxSeatCount) {
    errors.push_back({"online_seats", "線上報名人數須為 0 到 " + num(kMaxSeatCount) + " 的整數。"});
  } else if (classes_ok && seats_ok) {
    const long long total = static_cast<long long>(draft.class_count) * draft.seats_per_class;
    if (draft.online_seats > total) {
      errors.push_back({"online_seats", "線上報名人數不可超過總名額 " + num(total) +
                                            " 人（班級數 × 每班次人數）。"});
    }
  }

  if (draft.enrol_online) check_enrolment_window(errors, draft, rules, first_day);

  check_text(errors, "subsidy", "補助單位及金額", draft.subsidy, kMaxSubsidyChars, false);

  check_contact(errors, draft.contact1, "contact1", "聯絡人一");
  if (!blank(draft.contact2.name) || !blank(draft.contact2.phone) || !blank(draft.contact2.email)) {
    check_contact(errors, draft.contact2, "contact2", "聯絡人二");
  }
  return check;
}

std::optional<int> parse_clock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!digit(text[0]) || !digit(text[1]) || !digit(text[3]) || !digit(text[4])) {
    return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

std::string format_clock(int minutes) {
  if (minutes < 0 || minutes > kMinutesPerDay) return "--:--";
  const int h = minutes / 60;
  const int m = minutes % 60;
  return std::string{static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
                     static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10)};
}

std::optional<std::vector<Interval>> parse_breaks(std::string_view text) {
  std::vector<Interval> breaks;
  if (text.empty()) return breaks;
  while (true) {
    const std::size_t comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    if (item.size() != 11 || item[5] != '-') return std::nullopt;
    const auto start = parse_clock(item.substr(0, 5));
    const auto end = parse_clock(item.substr(6, 5));
    if (!start || !end || *end <= *start) return std::nullopt;
    breaks.push_back(Interval{*start, *end});
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return breaks;
}

std::string format_breaks(const std::vector<Interval>& breaks) {
  std::string out;
  for (const Interval& b : breaks) {
    if (!out.empty()) out += ',';
    out += format_clock(b.start_min) + "-" + format_clock(b.end_min);
  }
  return out;
}

}  // namespace domain
