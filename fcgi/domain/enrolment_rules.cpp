// domain/enrolment_rules.cpp: statuses, refusals and the window of an enrolment.
#include "domain/enrolment_rules.h"

namespace domain {

namespace {
constexpr EnrolmentStatus kAllStatuses[] = {EnrolmentStatus::kPending, EnrolmentStatus::kApproved,
                                            EnrolmentStatus::kRefused, EnrolmentStatus::kCancelled,
                                            EnrolmentStatus::kWaiting, EnrolmentStatus::kInDraw};
}  // namespace

const char* enrolment_status_code(EnrolmentStatus status) {
  switch (status) {
    case EnrolmentStatus::kPending: return "pending";
    case EnrolmentStatus::kApproved: return "approved";
    case EnrolmentStatus::kRefused: return "rejected";
    case EnrolmentStatus::kCancelled: return "cancelled";
    case EnrolmentStatus::kWaiting: return "waiting";
    case EnrolmentStatus::kInDraw: return "in_draw";
  }
  return "";
}

const char* enrolment_answer_code(EnrolmentStatus status) {
  return status == EnrolmentStatus::kInDraw ? "pending" : enrolment_status_code(status);
}

std::optional<EnrolmentStatus> parse_enrolment_status(std::string_view code) {
  for (EnrolmentStatus s : kAllStatuses) {
    if (code == enrolment_status_code(s)) return s;
  }
  return std::nullopt;
}

const char* enrolment_status_label(EnrolmentStatus status) {
  switch (status) {
    case EnrolmentStatus::kPending: return "待審核";
    case EnrolmentStatus::kApproved: return "審核通過";
    case EnrolmentStatus::kRefused: return "審核不通過";
    case EnrolmentStatus::kCancelled: return "已取消";
    case EnrolmentStatus::kWaiting: return "候補中";
    case EnrolmentStatus::kInDraw: return "待抽籤";
  }
  return "";
}

bool holds_seat(EnrolmentStatus status) {
  return status == EnrolmentStatus::kPending || status == EnrolmentStatus::kApproved;
}

const char* refusal_code(EnrolRefusal refusal) {
  switch (refusal) {
    case EnrolRefusal::kFull: return "full";
    case EnrolRefusal::kClosed: return "closed";
    case EnrolRefusal::kNotOpen: return "not_open";
    case EnrolRefusal::kIneligible: return "ineligible";
    case EnrolRefusal::kRecordsOnly: return "records_only";
    case EnrolRefusal::kDuplicate: return "duplicate";
    case EnrolRefusal::kBusy: return "busy";
  }
  return "";
}

std::optional<EnrolRefusal> window_refusal(const EnrolWindow& w) {
  if (w.state != CourseState::kApproved || !w.enrol_online) return EnrolRefusal::kClosed;
  if (w.first_session_start > 0 && w.now >= w.first_session_start) return EnrolRefusal::kClosed;
  if (w.now < w.opens) return EnrolRefusal::kNotOpen;
  if (w.now > w.closes) return EnrolRefusal::kClosed;
  return std::nullopt;
}

bool may_cancel(EnrolmentStatus status, int64_t now, int64_t first_session_start) {
  const bool active =
      holds_seat(status) || status == EnrolmentStatus::kWaiting || status == EnrolmentStatus::kInDraw;
  return active && now < first_session_start;
}

bool may_promote(const EnrolWindow& w) { return !window_refusal(w).has_value(); }

std::vector<FieldError> check_settings(const WindowSettings& s) {
  std::vector<FieldError> errors;
  const auto when = [](const std::pair<Date, int>& t) {
    return to_roc(t.first) + " " + (t.second < 600 ? "0" : "") + std::to_string(t.second / 60) + ":" +
           (t.second % 60 < 10 ? "0" : "") + std::to_string(t.second % 60);
  };
  if (!s.opens) errors.push_back({"enrol_opens", "請填寫開放報名的日期與時間。"});
  if (!s.closes) errors.push_back({"enrol_closes", "請填寫報名截止的日期與時間。"});
  if (s.opens && !s.opens_unchanged && s.opens->first < s.today) {
    errors.push_back({"enrol_opens", "開放報名時間不可早於今天（" + to_roc(s.today) + "）。"});
  }
  if (s.opens && s.closes && !(*s.opens < *s.closes)) {
    errors.push_back({"enrol_closes", "報名截止時間須晚於開放報名時間（" + when(*s.opens) + "）。"});
  }
  if (s.closes && !(s.closes->first < s.first_day)) {
    errors.push_back({"enrol_closes", "線上報名最晚須於開課前一天截止（第一場次 " + to_roc(s.first_day) + "）。"});
  }
  if (s.online_seats > s.total_seats) {
    errors.push_back({"online_seats", "可線上報名人數不可超過開班總人數 " + std::to_string(s.total_seats) + " 人。"});
  }
  if (s.online_seats < s.seats_held) {
    errors.push_back({"online_seats", "可線上報名人數不可少於已報名占用的 " + std::to_string(s.seats_held) +
                                          " 名（待審核與審核通過）。"});
  }
  if (s.draw_fixed && s.draw_changed) {
    errors.push_back({"seat_mode", "已開放報名，名額分配方式與抽籤時間不能再變更（對已報名者的公平承諾）。"});
  } else if (s.lottery && !s.draw) {
    errors.push_back({"draw_at", "抽籤制請填寫抽籤時間（日期與時間）。"});
  } else if (s.lottery && s.opens && !(*s.opens < *s.draw)) {
    errors.push_back({"draw_at", "抽籤時間須晚於開放報名時間（" + when(*s.opens) + "）。"});
  }
  if (s.lottery && s.draw && s.closes && *s.closes < *s.draw) {
    if (s.draw_fixed) {
      errors.push_back({"enrol_closes", "報名截止時間不可早於已公布的抽籤時間（" + when(*s.draw) + "）。"});
    } else {
      errors.push_back({"draw_at", "抽籤時間最晚為報名截止時間（" + when(*s.closes) + "）。"});
    }
  }
  return errors;
}

const std::vector<Question>& questions() {
  static const std::vector<Question> kQuestions = {
      {"title_name", "職稱", {}, 30},
      {"mobile", "手機號碼", {}, 20},
      {"subject", "任教科目", {}, 50},
      {"school_type", "學校所屬類別", {"幼兒園", "國民小學", "國民中學", "高級中等學校", "特殊教育學校", "大專校院", "其他"}},
      {"meal", "用餐類別", {"葷食", "素食", "不用餐"}},
      {"lodging", "住宿情況", {"需要住宿", "不需住宿"}},
      {"transport", "交通狀況", {"自行前往", "搭乘大眾運輸", "需要接駁"}},
      {"parking", "停車證需求", {"需要停車證", "不需要"}},
      {"emergency_contact", "緊急聯絡人姓名及電話", {}, 60},
  };
  return kQuestions;
}

std::map<std::string, Asked> parse_asked(std::string_view setting) {
  std::map<std::string, Asked> out;
  size_t pos = 0;
  while (pos < setting.size()) {
    size_t comma = setting.find(',', pos);
    if (comma == std::string_view::npos) comma = setting.size();
    const std::string_view item = setting.substr(pos, comma - pos);
    const size_t eq = item.find('=');
    if (eq != std::string_view::npos) {
      const std::string code(item.substr(0, eq));
      const std::string_view how = item.substr(eq + 1);
      bool known = false;
      for (const auto& q : questions()) known = known || code == q.code;
      if (known && (how == "required" || how == "optional")) {
        out[code] = how == "required" ? Asked::kRequired : Asked::kOptional;
      }
    }
    pos = comma + 1;
  }
  return out;
}

std::string format_asked(const std::map<std::string, Asked>& asked) {
  std::string out;
  for (const auto& q : questions()) {  // in the questions' order, whatever the map's
    auto it = asked.find(q.code);
    if (it == asked.end() || it->second == Asked::kNo) continue;
    out += (out.empty() ? "" : ",") + std::string(q.code) + "=" +
           (it->second == Asked::kRequired ? "required" : "optional");
  }
  return out;
}

const char* position_label(std::string_view code) {
  if (code == "qualified") return "合格專任教師";
  if (code == "substitute") return "代理代課教師";
  if (code == "intern") return "實習教師";
  if (code == "other") return "其他";
  return "";
}

bool eligible(const Eligibility& rule, const Applicant& teacher) {
  if (!rule.levels.empty() && !rule.levels.count(teacher.unit_level)) return false;
  if (!rule.counties.empty() && !rule.counties.count(teacher.county_id)) return false;
  if (!rule.units.empty() && !rule.units.count(teacher.unit_code)) return false;
  if (!rule.positions.empty() && !rule.positions.count(teacher.position)) return false;
  return true;
}

bool auto_approves(AutoScope scope, const Applicant& teacher, int64_t course_unit_id,
                   const std::string& course_county_id) {
  switch (scope) {
    case AutoScope::kAnyone: return true;
    case AutoScope::kOwnUnit: return teacher.unit_id == course_unit_id;
    case AutoScope::kOwnCounty: return teacher.county_id == course_county_id;
  }
  return false;
}

std::vector<ClashWarning> clash_warnings(const std::vector<Session>& applying,
                                         const std::vector<HeldCourse>& held) {
  std::map<long, std::vector<ClashWarning>> by_day;  // days since the epoch -> warnings
  std::map<long, int> own_hours, other_hours;
  for (const Session& a : applying) own_hours[days_from_civil(a.date)] += session_hours(a);
  for (const HeldCourse& c : held) {
    std::set<long> overlapped;
    for (const Session& b : c.sessions) {
      const long day = days_from_civil(b.date);
      if (!own_hours.count(day)) continue;
      other_hours[day] += session_hours(b);
      for (const Session& a : applying) {
        if (a.date == b.date && a.start_min < b.end_min && b.start_min < a.end_min &&
            overlapped.insert(day).second) {
          by_day[day].push_back({ClashWarning::kOverlap, a.date, c.title, 0});
        }
      }
    }
  }
  for (const auto& [day, hours] : other_hours) {
    const int total = own_hours[day] + hours;
    if (total > kMaxHoursPerDay) by_day[day].push_back({ClashWarning::kDayHours, civil_from_days(day), "", total});
  }
  std::vector<ClashWarning> out;
  for (auto& [day, warnings] : by_day) out.insert(out.end(), warnings.begin(), warnings.end());
  return out;
}

}  // namespace domain
