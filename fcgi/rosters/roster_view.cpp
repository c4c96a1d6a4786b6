#include "rosters/roster_view.h"

#include "app/routes.h"
#include "domain/roster_rules.h"
#include "shared/labels.h"

namespace roster_view {

namespace {

const char* source_label(const std::string& source) {
  if (source == "enrolment") return "線上報名";
  if (source == "upload") return "檔案上傳";
  return "單筆輸入";
}

std::string units_text(const course_store::Course& c, int units) {
  return std::to_string(units) + (c.credits > 0 ? " 學分" : " 小時");
}

}  // namespace

void fill_heading(ctemplate::TemplateDictionary& dict, const course_store::Course& course) {
  dict.SetValue("CODE", course.code);
  dict.SetValue("TITLE", course.title);
  dict.SetValue("STATE", shared::course_state_label(course.state));
  dict.SetValue("STATE_CODE", domain::state_code(course.state));
  dict.SetValue("DATES", shared::roc_date(course.first_date) + "–" + shared::roc_date(course.last_date));
  dict.SetValue("COURSE_UNITS", shared::hours_label(course.hours, course.credits));
}

void fill_lines(ctemplate::TemplateDictionary& dict, const course_store::Course& course,
                const std::vector<rosters::sql::Line>& lines, bool editable,
                const std::map<int64_t, std::vector<std::string>>& warnings) {
  auto* table = dict.AddIncludeDictionary("LINES");
  table->SetFilename("rosters/lines.tpl");
  if (lines.empty()) table->ShowSection("EMPTY");
  if (editable) table->ShowSection("EDITABLE_HEAD");
  int index = 0;
  for (const auto& l : lines) {
    auto* row = table->AddSectionDictionary("LINE");
    row->SetIntValue("INDEX", ++index);
    row->SetIntValue("ID", l.id);
    row->SetValue("NAME", l.name);
    row->SetValue("UNIT", l.unit_name);
    row->SetValue("TITLE_NAME", l.title_name);
    row->SetValue("NATIONAL_ID", l.national_id);  // the unit's organizer and the course's reviewer only
    row->SetValue("ATTENDANCE", domain::attendance_label(l.attendance));
    row->SetValue("ATTENDANCE_CODE", domain::attendance_code(l.attendance));
    if (l.hours_absent > 0) row->SetValueAndShowSection("ABSENT", std::to_string(l.hours_absent), "HAS_ABSENT");
    row->SetValue("UNITS", units_text(course, l.units));
    row->SetIntValue("UNITS_VALUE", l.units);
    row->SetValue("SOURCE", source_label(l.source));
    if (l.units_typed) row->SetValueAndShowSection("TYPED_REASON", l.typed_reason, "TYPED");
    if (!l.present_sessions.empty()) row->ShowSection("PER_SESSION");
    if (const auto w = warnings.find(l.teacher_id); w != warnings.end()) {
      for (const auto& text : w->second) row->AddSectionDictionary("WARNING")->SetValue("TEXT", text);
    }
    if (editable) {
      row->SetValueAndShowSection(
          "EDIT_URL", app::url_for("office.course.roster_line", {course.code, std::to_string(l.id)}),
          "EDITABLE");
    }
  }
}

std::string closed_message(domain::CourseState state) {
  using S = domain::CourseState;
  switch (state) {
    case S::kRosterSubmitted:
      return "名單已送出（資料上傳結束），等待審課單位確認，不能再修改。若需修改，請聯絡審課單位退回。";
    case S::kClosed:
      return "名單已確認通過（結案），研習時數已核發，不能再修改。";
    case S::kDeleted:
      return "此課程已刪除（課程登錄錯誤），沒有研習名單。";
    default:
      return "課程目前為「" + shared::course_state_label(state) + "」：確認通過後才有研習名單。";
  }
}

}  // namespace roster_view
