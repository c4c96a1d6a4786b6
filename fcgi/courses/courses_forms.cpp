// Reading and re-showing the course form. Every field keeps what the user typed.
#include "courses/courses_forms.h"

#include <algorithm>
#include <set>

#include "app/labels.h"
#include "domain/roc_date.h"
#include "domain/validation.h"

namespace courses {

namespace {

constexpr const char* kSingleFields[] = {
    "title", "class_kind", "scope", "category_id", "subject_area", "basis_doc",
    "special_approval_doc", "outline", "declared_hours", "credits", "class_count",
    "seats_per_class", "online_seats", "enrol_online", "enrol_opens", "enrol_closes",
    "auto_review", "subsidy", "contact1_name", "contact1_phone", "contact1_email",
    "contact2_name", "contact2_phone", "contact2_email"};

// A whole number within [0, 1,000,000]; nullopt for anything else.
std::optional<int> parse_count(const std::string& text) {
  const std::string t = domain::trim(text);
  if (t.empty() || t.size() > 7) return std::nullopt;
  for (char c : t) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::stoi(t);
}

// Empty stays 0: the rules say what a required number needs, so it is said once.
void read_count(CourseForm& f, const char* field, const char* label, int& target) {
  const std::string& text = f.raw[field];
  if (domain::trim(text).empty()) return;
  if (const auto n = parse_count(text)) {
    target = *n;
  } else {
    f.errors.push_back({field, std::string(label) + "請填寫整數。"});
  }
}

// "2025-03-01T09:00" (datetime-local) or "114/03/01 09:00".
bool read_datetime(const std::string& text, std::optional<domain::Date>& date, int& minute) {
  std::string t = domain::trim(text);
  const size_t sep = t.find_first_of("T ");
  if (sep == std::string::npos) return false;
  const auto d = domain::parse_any_date(t.substr(0, sep));
  const auto m = domain::parse_clock(domain::trim(t.substr(sep + 1)).substr(0, 5));
  if (!d || !m) return false;
  date = d;
  minute = *m;
  return true;
}

std::string datetime_local(const std::string& iso_datetime) {
  if (iso_datetime.size() < 16) return "";
  return iso_datetime.substr(0, 10) + "T" + iso_datetime.substr(11, 5);
}

void read_session_rows(CourseForm& f, const core::Params& p) {
  const auto dates = p.all("session_date");
  const auto starts = p.all("session_start");
  const auto ends = p.all("session_end");
  const auto breaks = p.all("session_breaks");
  const auto places = p.all("session_place");
  const size_t rows = std::min<size_t>(dates.size(), 60);
  auto at = [](const std::vector<std::string>& v, size_t i) { return i < v.size() ? v[i] : ""; };
  for (size_t i = 0; i < rows; ++i) {
    f.sessions.push_back({domain::trim(at(dates, i)), domain::trim(at(starts, i)), domain::trim(at(ends, i)),
                          domain::trim(at(breaks, i)), domain::trim(at(places, i))});
  }
}

// The rows as they stand after any row was added or removed, into the draft.
void read_sessions(CourseForm& f) {
  for (size_t i = 0; i < f.sessions.size(); ++i) {
    const SessionInput& in = f.sessions[i];
    const bool blank = in.date.empty() && in.start.empty() && in.end.empty() &&
                       in.breaks.empty() && in.place.empty();
    if (blank) continue;  // the spare row the form always offers
    const std::string row = "第 " + std::to_string(i + 1) + " 場次";
    const auto date = domain::parse_any_date(in.date);
    const auto start = domain::parse_clock(in.start);
    const auto end = domain::parse_clock(in.end);
    // Breaks may be typed with spaces or full-width punctuation; the stored form is strict.
    std::string breaks_text;
    for (char c : in.breaks) {
      if (c != ' ') breaks_text += c;
    }
    const auto parsed_breaks = domain::parse_breaks(breaks_text);
    if (!date) f.errors.push_back({"sessions", row + "的日期無法辨識，請用 2025-03-01 或 114/03/01。"});
    if (!start || !end) f.errors.push_back({"sessions", row + "的時間請用 09:00 的格式。"});
    if (!parsed_breaks) {
      f.errors.push_back({"sessions", row + "的休息時段請用 12:00-13:00，多段以逗號分隔。"});
    }
    if (date && start && end && parsed_breaks) {
      f.draft.sessions.push_back({*date, *start, *end, *parsed_breaks});
      f.draft.places.push_back(in.place);
    }
  }
}

void fill_field_error(ctemplate::TemplateDictionary& dict, const std::vector<domain::FieldError>& errors,
                      const std::string& field) {
  std::string message;
  for (const auto& e : errors) {
    if (e.field == field) message += (message.empty() ? "" : " ") + e.message;
  }
  if (message.empty()) return;
  std::string upper = field;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto* d = dict.AddSectionDictionary(upper + "_ERROR");
  d->SetValue("MESSAGE", message);
  dict.ShowSection(upper + "_INVALID");
}

}  // namespace

CourseForm parse_course_form(const core::Params& p) {
  CourseForm f;
  for (const char* field : kSingleFields) f.raw[field] = p.get_or(field);
  const std::string action = p.get_or("action", "submit");
  if (action == "add_session") {
    f.action = action;
  } else if (action.rfind("remove_session_", 0) == 0) {
    f.action = "remove_session";
    f.remove_index = std::atoi(action.c_str() + std::string("remove_session_").size());
  }

  auto& d = f.draft;
  d.title = domain::trim(f.raw["title"]);
  d.class_kind = f.raw["class_kind"].empty() ? "non_credit" : f.raw["class_kind"];
  d.cross_school = f.raw["scope"] == "cross";
  if (!f.raw["category_id"].empty()) read_count(f, "category_id", "課程類別", d.category_id);
  d.subject_area = domain::trim(f.raw["subject_area"]);
  d.levels = p.all("levels");
  for (const auto& tag : p.all("tags")) {
    if (const auto id = parse_count(tag)) {
      d.tag_ids.push_back(*id);
    } else {
      f.errors.push_back({"tags", "屬性標籤選項不正確，請重新選擇。"});
    }
  }
  d.basis_doc = domain::trim(f.raw["basis_doc"]);
  d.special_approval_doc = domain::trim(f.raw["special_approval_doc"]);
  d.outline = domain::trim(f.raw["outline"]);
  read_session_rows(f, p);
  if (f.action == "add_session") f.sessions.push_back({});
  if (f.action == "remove_session" && f.remove_index >= 0 &&
      f.remove_index < static_cast<int>(f.sessions.size())) {
    f.sessions.erase(f.sessions.begin() + f.remove_index);
  }
  read_sessions(f);
  if (domain::is_credit_class(d.class_kind)) {
    read_count(f, "credits", "學分數", d.credits);
  } else {
    read_count(f, "declared_hours", "研習時數", d.declared_hours);
  }
  read_count(f, "class_count", "班級數", d.class_count);
  read_count(f, "seats_per_class", "每班次人數", d.seats_per_class);
  read_count(f, "online_seats", "線上報名名額", d.online_seats);
  d.enrol_online = f.raw["enrol_online"] == "1";
  if (d.enrol_online) {
    if (!f.raw["enrol_opens"].empty() &&
        !read_datetime(f.raw["enrol_opens"], d.enrol_opens_on, d.enrol_opens_minute)) {
      f.errors.push_back({"enrol_opens", "開放報名時間無法辨識，請選擇日期與時間。"});
    }
    if (!f.raw["enrol_closes"].empty() &&
        !read_datetime(f.raw["enrol_closes"], d.enrol_closes_on, d.enrol_closes_minute)) {
      f.errors.push_back({"enrol_closes", "報名截止時間無法辨識，請選擇日期與時間。"});
    }
  }
  d.auto_review = f.raw["auto_review"] == "1";
  d.subsidy = domain::trim(f.raw["subsidy"]);
  d.contact1 = {domain::trim(f.raw["contact1_name"]), domain::trim(f.raw["contact1_phone"]),
                domain::trim(f.raw["contact1_email"])};
  d.contact2 = {domain::trim(f.raw["contact2_name"]), domain::trim(f.raw["contact2_phone"]),
                domain::trim(f.raw["contact2_email"])};
  return f;
}

CourseForm form_of_course(const sql::Course& c, const domain::CourseDraft& draft,
                          const std::vector<sql::SessionRow>& sessions) {
  CourseForm f;
  f.draft = draft;
  f.raw["title"] = c.title;
  f.raw["class_kind"] = c.class_kind;
  f.raw["scope"] = c.cross_school ? "cross" : "school";
  f.raw["category_id"] = std::to_string(c.category_id);
  f.raw["subject_area"] = c.subject_area;
  f.raw["basis_doc"] = c.basis_doc;
  f.raw["special_approval_doc"] = c.special_approval_doc;
  f.raw["outline"] = c.outline;
  f.raw["declared_hours"] = std::to_string(c.hours);
  f.raw["credits"] = c.credits ? std::to_string(c.credits) : "";
  f.raw["class_count"] = std::to_string(c.class_count);
  f.raw["seats_per_class"] = std::to_string(c.seats_per_class);
  f.raw["online_seats"] = std::to_string(c.online_seats);
  f.raw["enrol_online"] = c.enrol_online ? "1" : "";
  f.raw["enrol_opens"] = datetime_local(c.enrol_opens_at);
  f.raw["enrol_closes"] = datetime_local(c.enrol_closes_at);
  f.raw["auto_review"] = c.auto_review ? "1" : "";
  f.raw["subsidy"] = c.subsidy;
  f.raw["contact1_name"] = c.contact1.name;
  f.raw["contact1_phone"] = c.contact1.phone;
  f.raw["contact1_email"] = c.contact1.email;
  f.raw["contact2_name"] = c.contact2.name;
  f.raw["contact2_phone"] = c.contact2.phone;
  f.raw["contact2_email"] = c.contact2.email;
  for (const auto& s : sessions) f.sessions.push_back({s.date, s.starts_at, s.ends_at, s.breaks, s.place});
  f.sessions.push_back({});
  return f;
}

CourseForm blank_form(const std::string& name, const std::string& phone, const std::string& email) {
  CourseForm f;
  f.raw["class_kind"] = "non_credit";
  f.raw["scope"] = "school";
  f.raw["class_count"] = "1";
  f.raw["contact1_name"] = name;
  f.raw["contact1_phone"] = phone;
  f.raw["contact1_email"] = email;
  f.sessions.push_back({});
  return f;
}

void fill_course_form(ctemplate::TemplateDictionary& dict, const CourseForm& f,
                      const std::vector<domain::FieldError>& errors, const FormChoices& choices,
                      const domain::CourseCheck* check) {
  auto raw = [&f](const char* field) {
    auto it = f.raw.find(field);
    return it == f.raw.end() ? std::string() : it->second;
  };
  for (const auto& [field, value] : f.raw) {
    std::string upper = field;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    dict.SetValue(upper, value);
  }
  struct Option { const char* code; const char* label; };
  for (const Option& o : {Option{"non_credit", "非學分班"}, Option{"credit", "學分班"}, Option{"degree", "學位班"}}) {
    auto* d = dict.AddSectionDictionary("CLASS_KIND_OPTION");
    d->SetValue("CODE", o.code);
    d->SetValue("LABEL", o.label);
    if (raw("class_kind") == o.code) d->ShowSection("CHECKED");
  }
  if (raw("scope") == "cross") dict.ShowSection("SCOPE_CROSS"); else dict.ShowSection("SCOPE_SCHOOL");
  if (raw("enrol_online") == "1") dict.ShowSection("ENROL_ONLINE_CHECKED");
  if (raw("auto_review") == "1") dict.ShowSection("AUTO_REVIEW_CHECKED");
  for (const auto& c : choices.categories) {
    auto* d = dict.AddSectionDictionary("CATEGORY");
    d->SetIntValue("ID", c.id);
    d->SetValue("NAME", c.name);
    if (raw("category_id") == std::to_string(c.id)) d->ShowSection("SELECTED");
  }
  for (const char* code : app::kLevelCodes) {
    auto* d = dict.AddSectionDictionary("LEVEL");
    d->SetValue("CODE", code);
    d->SetValue("NAME", app::level_label(code));
    if (std::find(f.draft.levels.begin(), f.draft.levels.end(), code) != f.draft.levels.end()) {
      d->ShowSection("CHECKED");
    }
  }
  for (const auto& t : choices.tags) {
    auto* d = dict.AddSectionDictionary("TAG");
    d->SetIntValue("ID", t.id);
    d->SetValue("NAME", t.name);
    if (std::find(f.draft.tag_ids.begin(), f.draft.tag_ids.end(), t.id) != f.draft.tag_ids.end()) {
      d->ShowSection("CHECKED");
    }
  }
  for (size_t i = 0; i < f.sessions.size(); ++i) {
    const auto& s = f.sessions[i];
    auto* d = dict.AddSectionDictionary("SESSION");
    d->SetIntValue("N", static_cast<long>(i + 1));
    d->SetIntValue("INDEX", static_cast<long>(i));
    d->SetValue("DATE", s.date);
    d->SetValue("START", s.start);
    d->SetValue("END", s.end);
    d->SetValue("BREAKS", s.breaks);
    d->SetValue("PLACE", s.place);
  }
  for (const char* field : {"form", "title", "class_kind", "category_id", "subject_area", "levels",
                            "tags", "tag_ids", "basis_doc", "special_approval_doc", "outline", "sessions",
                            "places", "declared_hours", "credits", "class_count", "seats_per_class",
                            "online_seats", "enrol_opens", "enrol_closes", "subsidy",
                            "contact1_name", "contact1_phone", "contact1_email", "contact2_name",
                            "contact2_phone", "contact2_email"}) {
    fill_field_error(dict, errors, field);
  }
  if (!errors.empty()) {
    std::set<std::string> fields;
    for (const auto& e : errors) fields.insert(e.field);
    dict.SetIntValue("ERROR_COUNT", static_cast<long>(fields.size()));
    dict.ShowSection("HAS_ERRORS");
  }
  if (check) {
    auto* h = dict.AddSectionDictionary("HOURS_COMPUTED");
    h->SetIntValue("HOURS", check->hours.total_hours);
    if (!check->restricted.empty()) {
      std::string words;
      for (const auto& m : check->restricted) words += (words.empty() ? "" : "、") + m.category + "（" + m.word + "）";
      dict.SetValueAndShowSection("WORDS", words, "RESTRICTED_WARNING");
    }
  }
}

}  // namespace courses
