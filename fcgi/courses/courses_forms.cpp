// Reading and re-showing the course form. Every field keeps what the user typed.
#include "courses/courses_forms.h"

#include <algorithm>

#include "shared/form_view.h"
#include "shared/labels.h"
#include "domain/course_rules.h"
#include "domain/roc_date.h"
#include "domain/validation.h"

namespace courses {

namespace {

using core::FieldKind;

// The single fields of the form; the domain's check_course says what each requires, so the
// table only reads them (numbers, times) and keeps them as typed.
const core::FormSpec kCourseFields = {
    {"title", "研習名稱"},
    {"class_kind", "班別性質"},
    {"scope", "研習型態"},
    {"category_id", "課程類別", FieldKind::kInteger, false, 1000000},
    {"subject_area", "學習領域／科目"},
    {"basis_doc", "依據文號"},
    {"special_approval_doc", "專案核准文號"},
    {"outline", "課程內容大綱"},
    {"declared_hours", "研習時數", FieldKind::kInteger, false, 1000000},
    {"credits", "學分數", FieldKind::kInteger, false, 1000000},
    {"class_count", "班級數", FieldKind::kInteger, false, 1000000},
    {"seats_per_class", "每班次人數", FieldKind::kInteger, false, 1000000},
    {"online_seats", "線上報名名額", FieldKind::kInteger, false, 1000000},
    {"enrol_online", "開放線上報名", FieldKind::kFlag},
    {"enrol_opens", "開放報名時間", FieldKind::kDateTime},
    {"enrol_closes", "報名截止時間", FieldKind::kDateTime},
    {"auto_review", "自動審核", FieldKind::kFlag},
    {"subsidy", "補助單位及金額"},
    {"contact1_name", "聯絡人一 姓名"},
    {"contact1_phone", "聯絡人一 電話"},
    {"contact1_email", "聯絡人一 E-mail"},
    {"contact2_name", "聯絡人二 姓名"},
    {"contact2_phone", "聯絡人二 電話"},
    {"contact2_email", "聯絡人二 E-mail"},
};

constexpr size_t kMaxSessionRows = 60;

int number(const core::Form& f, const char* name) {
  return static_cast<int>(f.integer(name).value_or(0));
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
  const size_t rows = std::min(dates.size(), kMaxSessionRows);
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
    auto& errors = f.fields.errors();
    if (!date) errors.add("sessions", row + "的日期無法辨識，請用 2025-03-01 或 114/03/01。");
    if (!start || !end) errors.add("sessions", row + "的時間請用 09:00 的格式。");
    if (!parsed_breaks) errors.add("sessions", row + "的休息時段請用 12:00-13:00，多段以逗號分隔。");
    if (date && start && end && parsed_breaks) {
      f.draft.sessions.push_back({*date, *start, *end, *parsed_breaks});
      f.draft.places.push_back(in.place);
    }
  }
}

}  // namespace

CourseForm::CourseForm() : fields(kCourseFields) {}

CourseForm parse_course_form(const core::Params& p) {
  CourseForm f;
  f.fields = core::Form(kCourseFields, p);
  const std::string action = p.get_or("action", "submit");
  if (action == "add_session") {
    f.action = action;
  } else if (action.rfind("remove_session_", 0) == 0) {
    f.action = "remove_session";
    f.remove_index = static_cast<int>(
        domain::parse_integer(action.substr(std::string("remove_session_").size()), 0, kMaxSessionRows)
            .value_or(-1));
  }

  const core::Form& in = f.fields;
  auto& d = f.draft;
  d.title = in.text("title");
  d.class_kind = in.text("class_kind").empty() ? "non_credit" : in.text("class_kind");
  d.cross_school = in.text("scope") == "cross";
  d.category_id = number(in, "category_id");
  d.subject_area = in.text("subject_area");
  d.levels = p.all("levels");
  for (const auto& tag : p.all("tags")) {
    if (const auto id = domain::parse_integer(tag, 1, 1000000)) {
      d.tag_ids.push_back(static_cast<int>(*id));
    } else {
      f.fields.errors().add("tags", "屬性標籤選項不正確，請重新選擇。");
    }
  }
  d.basis_doc = in.text("basis_doc");
  d.special_approval_doc = in.text("special_approval_doc");
  d.outline = in.text("outline");
  read_session_rows(f, p);
  if (f.action == "add_session") f.sessions.push_back({});
  if (f.action == "remove_session" && f.remove_index >= 0 &&
      f.remove_index < static_cast<int>(f.sessions.size())) {
    f.sessions.erase(f.sessions.begin() + f.remove_index);
  }
  read_sessions(f);
  if (domain::is_credit_class(d.class_kind)) {
    d.credits = number(in, "credits");
  } else {
    d.declared_hours = number(in, "declared_hours");
  }
  d.class_count = number(in, "class_count");
  d.seats_per_class = number(in, "seats_per_class");
  d.online_seats = number(in, "online_seats");
  d.enrol_online = in.flag("enrol_online");
  if (d.enrol_online) {
    if (const auto opens = in.date_time("enrol_opens")) {
      d.enrol_opens_on = opens->first;
      d.enrol_opens_minute = opens->second;
    }
    if (const auto closes = in.date_time("enrol_closes")) {
      d.enrol_closes_on = closes->first;
      d.enrol_closes_minute = closes->second;
    }
  }
  d.auto_review = in.flag("auto_review");
  d.subsidy = in.text("subsidy");
  d.contact1 = {in.text("contact1_name"), in.text("contact1_phone"), in.text("contact1_email")};
  d.contact2 = {in.text("contact2_name"), in.text("contact2_phone"), in.text("contact2_email")};
  return f;
}

CourseForm form_of_course(const course_store::Course& c, const domain::CourseDraft& draft,
                          const std::vector<course_store::Session>& sessions) {
  CourseForm f;
  f.draft = draft;
  core::Form& in = f.fields;
  in.set_raw("title", c.title);
  in.set_raw("class_kind", c.class_kind);
  in.set_raw("scope", c.cross_school ? "cross" : "school");
  in.set_raw("category_id", std::to_string(c.category_id));
  in.set_raw("subject_area", c.subject_area);
  in.set_raw("basis_doc", c.basis_doc);
  in.set_raw("special_approval_doc", c.special_approval_doc);
  in.set_raw("outline", c.outline);
  in.set_raw("declared_hours", std::to_string(c.hours));
  in.set_raw("credits", c.credits ? std::to_string(c.credits) : "");
  in.set_raw("class_count", std::to_string(c.class_count));
  in.set_raw("seats_per_class", std::to_string(c.seats_per_class));
  in.set_raw("online_seats", std::to_string(c.online_seats));
  in.set_raw("enrol_online", c.enrol_online ? "1" : "");
  in.set_raw("enrol_opens", datetime_local(c.enrol_opens_at));
  in.set_raw("enrol_closes", datetime_local(c.enrol_closes_at));
  in.set_raw("auto_review", c.auto_review ? "1" : "");
  in.set_raw("subsidy", c.subsidy);
  in.set_raw("contact1_name", c.contact1.name);
  in.set_raw("contact1_phone", c.contact1.phone);
  in.set_raw("contact1_email", c.contact1.email);
  in.set_raw("contact2_name", c.contact2.name);
  in.set_raw("contact2_phone", c.contact2.phone);
  in.set_raw("contact2_email", c.contact2.email);
  for (const auto& s : sessions) f.sessions.push_back({s.date, s.starts_at, s.ends_at, s.breaks, s.place});
  f.sessions.push_back({});
  return f;
}

CourseForm blank_form(const std::string& name, const std::string& phone, const std::string& email) {
  CourseForm f;
  f.fields.set_raw("class_kind", "non_credit");
  f.fields.set_raw("scope", "school");
  f.fields.set_raw("class_count", "1");
  f.fields.set_raw("contact1_name", name);
  f.fields.set_raw("contact1_phone", phone);
  f.fields.set_raw("contact1_email", email);
  f.sessions.push_back({});
  return f;
}

void fill_course_form(ctemplate::TemplateDictionary& dict, const CourseForm& f,
                      const FormChoices& choices, const domain::CourseCheck* check) {
  const core::Form& in = f.fields;
  shared::fill_form(dict, in);
  std::vector<shared::Option> kinds;
  for (const char* code : {"non_credit", "credit", "degree"}) kinds.push_back({code, shared::class_kind_label(code)});
  shared::fill_options(dict, "CLASS_KIND_OPTION", kinds, {in.raw("class_kind")});
  if (in.raw("scope") == "cross") dict.ShowSection("SCOPE_CROSS"); else dict.ShowSection("SCOPE_SCHOOL");
  if (in.flag("enrol_online")) dict.ShowSection("ENROL_ONLINE_CHECKED");
  if (in.flag("auto_review")) dict.ShowSection("AUTO_REVIEW_CHECKED");
  std::vector<shared::Option> categories, tags, levels;
  for (const auto& c : choices.categories) categories.push_back({std::to_string(c.id), c.name});
  shared::fill_options(dict, "CATEGORY", categories, {in.raw("category_id")});
  for (const char* code : domain::kLevelCodes) levels.push_back({code, shared::level_label(code)});
  shared::fill_options(dict, "LEVEL", levels, f.draft.levels);
  std::vector<std::string> chosen_tags;
  for (int id : f.draft.tag_ids) chosen_tags.push_back(std::to_string(id));
  for (const auto& t : choices.tags) tags.push_back({std::to_string(t.id), t.name});
  shared::fill_options(dict, "TAG", tags, chosen_tags);
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
