// The organizer's roster. Every write locks the course row and checks that the roster is still
// open (課程確認通過, or 名單確認未通過 being fixed), so nothing is written to a roster that has been
// submitted meanwhile; a line's units come from 第10條 (domain/roster_rules.h) unless typed by
// hand with a reason the reviewer sees.
#include "rosters/roster_handlers.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/routes.h"
#include "core/form.h"
#include "core/view.h"
#include "domain/national_id.h"
#include "domain/roster_rows.h"
#include "domain/roster_rules.h"
#include "files/table_reader.h"
#include "domain/validation.h"
#include "rosters/roster_sql.h"
#include "rosters/roster_view.h"
#include "shared/access.h"
#include "shared/course_store.h"
#include "shared/course_view.h"
#include "shared/form_view.h"
#include "shared/labels.h"

namespace rosters {

namespace {

namespace store = course_store;
using domain::Attendance;
using domain::CourseAction;
using domain::CourseState;

constexpr size_t kMaxPicked = 2000;  // enrolment ids in one 轉換

const std::vector<std::string> kAttendanceCodes = {"full", "excused", "unexcused"};
const std::vector<std::string> kAttendanceLabels = {"全程", "請假", "曠課"};

const core::FormSpec kLineSpec = {
    {"attendance", "出席情形", core::FieldKind::kChoice, true, 0, 0, kAttendanceCodes, kAttendanceLabels},
    {"hours_absent", "缺席時數", core::FieldKind::kInteger, false, 10000, 0},
    {"typed", "核發時數（自行填寫）", core::FieldKind::kInteger, false, 10000, 0},
    {"reason", "自行填寫的理由", core::FieldKind::kText, false, 200},
};

core::FormSpec add_spec() {
  core::FormSpec spec = {{"national_id", "身分證字號", core::FieldKind::kText, true, 10}};
  spec.insert(spec.end(), kLineSpec.begin(), kLineSpec.end());
  return spec;
}
const core::FormSpec kAddSpec = add_spec();

domain::CourseUnits units_of(const store::Course& c) { return {c.hours, c.credits}; }

std::string units_text(const store::Course& c, int units) {
  return std::to_string(units) + (c.credits > 0 ? " 學分" : " 小時");
}

bool roster_open(CourseState s) {
  return s == CourseState::kApproved || s == CourseState::kRosterReturned;
}

// Why this user may not write to the roster now, as the answer to give; nullopt when they may.
std::optional<core::Response> refusal(core::Context& cx, const store::Course& course) {
  if (!shared::access::may_change(cx.user(), course)) {
    return cx.forbidden("只有課程承辦人或總負責人可以編輯研習教師資料。");
  }
  if (!roster_open(course.state)) {
    return cx.conflict(roster_view::closed_message(course.state));
  }
  return std::nullopt;
}

// Inside a write's transaction: locks the course row, so that a submission waits for the write
// or the write for it; the answer to give when the roster has been closed meanwhile.
std::optional<core::Response> lock_open_roster(core::Context& cx, const store::Course& course) {
  const CourseState now = sql::lock_state(cx.db(), course.id);
  if (roster_open(now)) return std::nullopt;
  return cx.conflict(roster_view::closed_message(now));
}

// The line as the form says it, or nullopt with the errors added to the form.
std::optional<sql::NewLine> read_line(core::Form& form, const store::Course& course) {
  const domain::CourseUnits units = units_of(course);
  sql::NewLine line;
  const auto attendance = domain::parse_attendance(form.text("attendance"));
  if (!attendance) return std::nullopt;  // the form already says the choice is missing
  line.attendance = *attendance;
  const int most = units.hours_equivalent();
  if (line.attendance != Attendance::kFull) {
    const auto absent = form.integer("hours_absent");
    if (!absent || *absent < 1 || *absent > most) {
      form.errors().add("hours_absent", "請假或曠課時，請填寫缺席時數（1 到 " + std::to_string(most) + " 小時）。");
      return std::nullopt;
    }
    line.hours_absent = static_cast<int>(*absent);
  }
  line.units = domain::earned_units(units, line.attendance, line.hours_absent);
  if (const auto typed = form.integer("typed"); typed && *typed != line.units) {
    if (*typed > units.units()) {
      form.errors().add("typed", "核發" + std::string(course.credits > 0 ? "學分" : "時數") +
                                     "不能超過課程的 " + units_text(course, units.units()) + "。");
      return std::nullopt;
    }
    if (form.text("reason").empty()) {
      form.errors().add("reason", "自行填寫核發" + std::string(course.credits > 0 ? "學分" : "時數") +
                                      "時，請寫明理由（審課人員會看到）。");
      return std::nullopt;
    }
    line.units = static_cast<int>(*typed);
    line.units_typed = true;
    line.typed_reason = form.text("reason");
  }
  return line;
}

// {{>ATTENDANCE_FIELDS}} of the add and edit forms: attendance, absence, typed units and reason.
void fill_attendance_fields(ctemplate::TemplateDictionary& parent, const store::Course& course,
                            const core::Form& form) {
  auto& d = *parent.AddIncludeDictionary("ATTENDANCE_FIELDS");
  d.SetFilename("rosters/attendance_fields.tpl");
  shared::fill_form(d, form);
  d.SetValue("UNIT_WORD", course.credits > 0 ? "學分" : "時數");
  if (!form.raw("typed").empty() || form.errors().has("typed") || form.errors().has("reason")) {
    d.ShowSection("TYPED_OPEN");
  }
  std::vector<shared::Option> options;
  for (size_t i = 0; i < kAttendanceCodes.size(); ++i) options.push_back({kAttendanceCodes[i], kAttendanceLabels[i]});
  const std::string chosen = form.raw("attendance").empty() ? "full" : form.raw("attendance");
  shared::fill_options(d, "ATTENDANCE_OPTION", options, {chosen});
}

// What an upload came to, shown above the roster: every row's verdict with its line.
struct UploadReport {
  std::string file_name;
  bool all_or_nothing = false;
  bool applied = false;  // the accepted rows were added
  int added = 0;
  std::vector<domain::RowReport> rows;
};

struct PageState {
  const core::Form* add_form = nullptr;
  core::FieldErrors errors;
  const UploadReport* upload = nullptr;
};

void fill_upload_report(ctemplate::TemplateDictionary& body, const UploadReport& u) {
  auto* r = body.AddSectionDictionary("UPLOAD_REPORT");
  r->SetValue("FILE_NAME", u.file_name);
  int refused = 0;
  for (const auto& row : u.rows) refused += row.accepted() ? 0 : 1;
  r->SetIntValue("ROWS", static_cast<long>(u.rows.size()));
  r->SetIntValue("REFUSED", refused);
  r->SetIntValue("ADDED", u.added);
  if (u.applied) {
    r->ShowSection("APPLIED");
  } else {
    r->SetValueAndShowSection("WHY_NOT", u.all_or_nothing && refused > 0
                                             ? "您選擇「全部正確才匯入」，有 " + std::to_string(refused) +
                                                   " 列未通過檢查，因此沒有匯入任何一列。請修正檔案後重新上傳。"
                                             : "檔案中沒有可以匯入的列。",
                                "NOT_APPLIED");
  }
  for (const auto& row : u.rows) {
    auto* line = r->AddSectionDictionary("ROW");
    line->SetIntValue("LINE", row.line);
    line->SetValue("NATIONAL_ID", row.national_id);
    if (row.hours) line->SetIntValue("HOURS", *row.hours);
    line->SetValue("VERDICT", row.accepted() ? (u.applied ? "已匯入" : "可匯入") : "未匯入");
    line->SetValue("CODE", row.accepted() ? "accepted" : row.problem_code);
    line->SetValue("MESSAGE", row.message);
  }
}

core::Response show_roster(core::Context& cx, const store::Course& course, PageState& st, int status) {
  const auto lines = sql::lines(cx.db(), course.id);
  const auto totals = sql::totals(cx.db(), course.id);
  const auto sessions = store::sessions_of(cx.db(), course.id);
  core::Page page(cx, "rosters/roster.tpl", "編輯研習教師資料：" + course.title);
  auto& body = page.body();
  roster_view::fill_heading(body, course);
  body.SetValue("COURSE_URL", app::url_for("office.course", {course.code}));
  body.SetIntValue("LINE_COUNT", totals.lines);
  body.SetValue("UNIT_TOTAL", units_text(course, totals.units));
  shared::fill_errors(body, st.errors);
  if (st.upload) fill_upload_report(body, *st.upload);
  const auto reasons = course_view::latest_return_reasons(course, store::history_of(cx.db(), course.id));
  if (!reasons.empty()) {
    auto* box = body.AddSectionDictionary("RETURNED");
    for (const auto& r : reasons) box->AddSectionDictionary("REASON")->SetValue("TEXT", r);
  }
  const bool open = roster_open(course.state) && shared::access::may_change(cx.user(), course);
  roster_view::fill_lines(body, course, lines, open);
  if (course.state == CourseState::kRosterSubmitted) body.ShowSection("SUBMITTED");
  if (course.state == CourseState::kClosed) {
    body.SetValueAndShowSection("RECORDS_URL", app::url_for("office.course.records", {course.code}), "CLOSED");
  }
  if (!open) {
    if (course.state == CourseState::kApproved || course.state == CourseState::kRosterReturned) {
      body.ShowSection("READ_ONLY");
    }
    shared::access::audit(cx, "roster.view", course.code, "rows=" + std::to_string(lines.size()));
    return page.render(status);
  }
  const std::string csrf = cx.csrf_token();
  auto* edit = body.AddSectionDictionary("OPEN");
  edit->SetValue("CSRF_TOKEN", csrf);
  edit->SetValue("UNIT_WORD", course.credits > 0 ? "學分" : "時數");
  edit->SetValue("COURSE_UNITS", units_text(course, units_of(course).units()));
  const auto candidates = sql::unconverted(cx.db(), course.id);
  edit->SetIntValue("CANDIDATE_COUNT", static_cast<long>(candidates.size()));
  if (!candidates.empty()) {
    auto* c = edit->AddSectionDictionary("CANDIDATES");
    c->SetValue("CONVERT_URL", app::url_for("office.course.roster_convert", {course.code}));
    c->SetValue("CSRF_TOKEN", csrf);
    for (const auto& cand : candidates) {
      auto* row = c->AddSectionDictionary("CANDIDATE");
      row->SetIntValue("ID", cand.enrolment_id);
      row->SetValue("NAME", cand.name);
      row->SetValue("UNIT", cand.unit_name);
      row->SetValue("TITLE_NAME", cand.title_name);
      row->SetValue("MASKED_ID", domain::mask_national_id(cand.national_id));
    }
  } else {
    edit->ShowSection("NO_CANDIDATES");
  }
  auto* add = edit->AddSectionDictionary("ADD");
  add->SetValue("ADD_URL", app::url_for("office.course.roster_add", {course.code}));
  add->SetValue("CSRF_TOKEN", csrf);
  const core::Form blank(kAddSpec);
  const core::Form& add_form = st.add_form ? *st.add_form : blank;
  shared::fill_form(*add, add_form);
  fill_attendance_fields(*add, course, add_form);
  auto* upload = edit->AddSectionDictionary("UPLOAD");
  upload->SetValue("UPLOAD_URL", app::url_for("office.course.roster_upload", {course.code}));
  upload->SetValue("CSRF_TOKEN", csrf);
  upload->SetValue("UNIT_WORD", course.credits > 0 ? "學分" : "時數");
  if (sessions.size() > 1) {
    edit->SetValueAndShowSection("GRID_URL", app::url_for("office.course.attendance", {course.code}), "GRID");
  }
  const auto last = domain::parse_iso_date(course.last_date);
  const auto today = domain::parse_iso_date(cx.today());
  auto* submit = edit->AddSectionDictionary("SUBMIT");
  if (last && today && domain::may_submit_roster(*last, *today)) {
    submit->SetValue("SUBMIT_URL", app::url_for("office.course.roster_submit", {course.code}));
    submit->SetValue("CSRF_TOKEN", csrf);
    submit->ShowSection("MAY_SUBMIT");
  } else {
    submit->SetValueAndShowSection("LAST_DATE", shared::roc_date(course.last_date), "NOT_YET");
  }
  shared::access::audit(cx, "roster.view", course.code, "rows=" + std::to_string(lines.size()));
  return page.render(status);
}

// The page's answer to a refused write: the roster again with the message on top.
core::Response refuse_on_page(core::Context& cx, const store::Course& course, const std::string& message) {
  PageState st;
  st.errors.add("form", message);
  return show_roster(cx, course, st, 422);
}

}  // namespace

core::Response roster(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (!domain::is_public(course->state)) return cx.conflict(roster_view::closed_message(course->state));
  PageState st;
  return show_roster(cx, *course, st, 200);
}

core::Response convert(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (auto refused = refusal(cx, *course)) return std::move(*refused);
  const bool all = cx.req().form.get_or("action") == "all";
  std::vector<int64_t> picked;
  for (const auto& id : cx.req().form.all("enrolment")) {
    const auto n = domain::parse_integer(id, 1, 9223372036854775807LL);
    if (!n) return refuse_on_page(cx, *course, "勾選的報名資料不正確，沒有轉換任何人。請重新勾選。");
    picked.push_back(*n);
  }
  if (!all && picked.empty()) return refuse_on_page(cx, *course, "請勾選要轉換的教師，或按「全部轉換」。沒有轉換任何人。");
  if (picked.size() > kMaxPicked) return refuse_on_page(cx, *course, "一次最多轉換 2000 位，沒有轉換任何人。");
  int added = 0;
  {
    db::Transaction tx(cx.db());
    if (auto closed = lock_open_roster(cx, *course)) return std::move(*closed);
    added = sql::convert(cx.db(), course->id, units_of(*course).units(), all ? std::vector<int64_t>{} : picked);
    shared::access::audit(cx, "roster.convert", course->code, "rows=" + std::to_string(added));
    tx.commit();
  }
  cx.flash(added > 0 ? "已將 " + std::to_string(added) + " 位審核通過的報名教師轉入等待核發時數名單（全程出席，" +
                           units_text(*course, units_of(*course).units()) + "），請核對出席情形。"
                     : "勾選的教師都已在名單上，沒有新增。");
  return cx.see_other(app::url_for("office.course.roster", {course->code}));
}

core::Response add_line(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (auto refused = refusal(cx, *course)) return std::move(*refused);
  core::Form form(kAddSpec, cx.req().form);
  const std::string national_id = domain::normalize_national_id(form.text("national_id"));
  if (!national_id.empty() && !domain::is_valid_national_id(national_id)) {
    form.errors().add("national_id", "身分證字號或居留證號的格式或檢查碼不正確。");
  }
  auto line = form.ok() ? read_line(form, *course) : std::nullopt;
  std::optional<sql::Teacher> teacher;
  if (line) {
    const auto found = sql::teachers_by_national_id(cx.db(), {national_id});
    if (found.empty()) {
      form.errors().add("national_id", "查無身分證字號為此號碼的教師。請確認號碼，或請教師先申請帳號。");
    } else if (!found.begin()->second.active) {
      form.errors().add("national_id", found.begin()->second.name + "目前不是在職教師，不能核發研習時數。");
    } else {
      teacher = found.begin()->second;
    }
  }
  if (!form.ok() || !line || !teacher) {
    form.errors().add("form", "沒有新增，請修正後再送出。");
    PageState st;
    st.add_form = &form;
    return show_roster(cx, *course, st, 422);
  }
  line->teacher_id = teacher->id;
  {
    db::Transaction tx(cx.db());
    if (auto closed = lock_open_roster(cx, *course)) return std::move(*closed);
    if (!sql::add_line(cx.db(), course->id, "single", *line)) {
      form.errors().add("national_id", teacher->name + "已在名單上；要修改請按該行的「修改」。");
      form.errors().add("form", "沒有新增。");
      PageState st;
      st.add_form = &form;
      return show_roster(cx, *course, st, 409);
    }
    shared::access::audit(cx, "roster.add", course->code, "teacher=" + std::to_string(teacher->id));
    tx.commit();
  }
  cx.flash("已將 " + teacher->name + " 加入名單（" + units_text(*course, line->units) + "）。");
  return cx.see_other(app::url_for("office.course.roster", {course->code}));
}

core::Response upload(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (auto refused = refusal(cx, *course)) return std::move(*refused);
  const core::UploadedFile* file = nullptr;
  for (const auto& f : cx.req().files) {
    if (f.field == "file" && !f.content.empty()) file = &f;
  }
  const std::string mode = cx.req().form.get_or("mode");
  if (!file) return refuse_on_page(cx, *course, "請選擇要上傳的名單檔案（.xlsx、.csv 或 .xml）。沒有匯入任何一列。");
  if (mode != "good_rows" && mode != "all_or_nothing") {
    return refuse_on_page(cx, *course, "請選擇匯入方式：「只匯入正確的列」或「全部正確才匯入」。沒有匯入任何一列。");
  }
  if (file->content.size() > files::kMaxUploadBytes) {
    return refuse_on_page(cx, *course, "檔案超過 5 MB，沒有匯入。請分成幾個檔案上傳。");
  }
  const auto kind = files::kind_of_upload(file->filename, file->content);
  if (!kind) return refuse_on_page(cx, *course, std::string(files::kWrongKindMessage) + "沒有匯入任何一列。");
  const files::ReadResult read = files::read_table(file->content, *kind);
  if (!read.table) return refuse_on_page(cx, *course, read.error + "沒有匯入任何一列。");

  const auto ids = domain::national_ids_in(read.table->rows);
  const auto teachers = sql::teachers_by_national_id(cx.db(), ids);
  std::map<std::string, domain::KnownTeacher> known;
  for (const auto& [nid, t] : teachers) known[nid] = {t.active};
  UploadReport report;
  report.file_name = file->filename;
  report.all_or_nothing = mode == "all_or_nothing";
  const domain::CourseUnits units = units_of(*course);
  report.rows = domain::check_roster_rows(read.table->rows, read.table->lines, units.units(), known);
  {
    db::Transaction tx(cx.db());
    if (auto closed = lock_open_roster(cx, *course)) return std::move(*closed);
    // Teachers already listed keep their line: the file adds, it does not overwrite.
    const auto listed = sql::teachers_on_roster(cx.db(), course->id);
    const std::set<int64_t> on_roster(listed.begin(), listed.end());
    int refused = 0;
    for (auto& row : report.rows) {
      if (row.accepted() && on_roster.count(teachers.at(row.national_id).id)) {
        row.problem_code = "on_roster";
        row.message = teachers.at(row.national_id).name + "已在名單上，這一列沒有變更；要修改請按該行的「修改」。";
      }
      refused += row.accepted() ? 0 : 1;
    }
    report.applied = !(report.all_or_nothing && refused > 0) &&
                     static_cast<size_t>(refused) < report.rows.size();
    if (report.applied) {
      for (const auto& row : report.rows) {
        if (!row.accepted()) continue;
        sql::NewLine line;
        line.teacher_id = teachers.at(row.national_id).id;
        line.units = *row.hours;
        line.units_typed = line.units != units.units();
        if (line.units_typed) line.typed_reason = "依上傳檔案「" + domain::utf8_prefix(file->filename, 100) + "」";
        report.added += sql::add_line(cx.db(), course->id, "upload", line) ? 1 : 0;
      }
    }
    shared::access::audit(cx, "roster.upload", course->code,
                          "rows=" + std::to_string(report.rows.size()) + " added=" + std::to_string(report.added) +
                              " refused=" + std::to_string(refused));
    tx.commit();
  }
  PageState st;
  st.upload = &report;
  return show_roster(cx, *course, st, report.applied ? 200 : 422);
}

namespace {

core::Response show_line(core::Context& cx, const store::Course& course, const sql::Line& line,
                         const core::Form& form, int status) {
  core::Page page(cx, "rosters/line.tpl", "修改名單：" + line.name);
  auto& body = page.body();
  roster_view::fill_heading(body, course);
  body.SetValue("ROSTER_URL", app::url_for("office.course.roster", {course.code}));
  body.SetValue("NAME", line.name);
  body.SetValue("UNIT", line.unit_name);
  body.SetValue("NATIONAL_ID", line.national_id);
  body.SetValue("COURSE_UNITS", units_text(course, units_of(course).units()));
  body.SetValue("UNIT_WORD", course.credits > 0 ? "學分" : "時數");
  body.SetValue("UPDATE_URL", app::url_for("office.course.roster_update", {course.code, std::to_string(line.id)}));
  body.SetValue("DELETE_URL", app::url_for("office.course.roster_delete", {course.code, std::to_string(line.id)}));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  if (!line.present_sessions.empty()) body.ShowSection("FROM_GRID");
  shared::fill_form(body, form);
  fill_attendance_fields(body, course, form);
  return page.render(status);
}

std::optional<int64_t> line_id_of(core::Context& cx) {
  return domain::parse_integer(cx.param("id"), 1, 9223372036854775807LL);
}

}  // namespace

core::Response line_form(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  const auto id = line_id_of(cx);
  if (!course || !id) return cx.not_found();
  if (auto refused = refusal(cx, *course)) return std::move(*refused);
  const auto line = sql::line(cx.db(), course->id, *id);
  if (!line) return cx.not_found();
  core::Form form(kLineSpec);
  form.set_raw("attendance", domain::attendance_code(line->attendance));
  if (line->hours_absent > 0) form.set_raw("hours_absent", std::to_string(line->hours_absent));
  if (line->units_typed) {
    form.set_raw("typed", std::to_string(line->units));
    form.set_raw("reason", line->typed_reason);
  }
  return show_line(cx, *course, *line, form, 200);
}

core::Response update_line(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  const auto id = line_id_of(cx);
  if (!course || !id) return cx.not_found();
  if (auto refused = refusal(cx, *course)) return std::move(*refused);
  const auto current = sql::line(cx.db(), course->id, *id);
  if (!current) return cx.not_found();
  core::Form form(kLineSpec, cx.req().form);
  const auto line = form.ok() ? read_line(form, *course) : std::nullopt;
  if (!form.ok() || !line) {
    form.errors().add("form", "沒有儲存，請修正後再送出。");
    return show_line(cx, *course, *current, form, 422);
  }
  {
    db::Transaction tx(cx.db());
    if (auto closed = lock_open_roster(cx, *course)) return std::move(*closed);
    if (!sql::update_line(cx.db(), course->id, *id, *line, false)) return cx.not_found();
    shared::access::audit(cx, "roster.update", course->code, "line=" + std::to_string(*id));
    tx.commit();
  }
  cx.flash("已更新 " + current->name + "：" + domain::attendance_label(line->attendance) + "，核發 " +
           units_text(*course, line->units) + "。");
  return cx.see_other(app::url_for("office.course.roster", {course->code}));
}

core::Response delete_line(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  const auto id = line_id_of(cx);
  if (!course || !id) return cx.not_found();
  if (auto refused = refusal(cx, *course)) return std::move(*refused);
  const auto current = sql::line(cx.db(), course->id, *id);
  if (!current) return cx.not_found();
  {
    db::Transaction tx(cx.db());
    if (auto closed = lock_open_roster(cx, *course)) return std::move(*closed);
    if (!sql::delete_line(cx.db(), course->id, *id)) return cx.not_found();
    shared::access::audit(cx, "roster.delete", course->code, "line=" + std::to_string(*id));
    tx.commit();
  }
  cx.flash("已將 " + current->name + " 從名單刪除。");
  return cx.see_other(app::url_for("office.course.roster", {course->code}));
}

namespace {

// The grid as the organizer sees it: saved presence, or everyone present at every session for
// lines of full attendance never marked per session; `tick_session` ticks one column (全選).
core::Response show_grid(core::Context& cx, const store::Course& course,
                         const core::FieldErrors& errors, int64_t tick_session, int status) {
  const auto lines = sql::lines(cx.db(), course.id);
  const auto sessions = store::sessions_of(cx.db(), course.id);
  const auto rule = store::rule_sessions(sessions);
  core::Page page(cx, "rosters/attendance.tpl", "逐場出席：" + course.title);
  auto& body = page.body();
  roster_view::fill_heading(body, course);
  body.SetValue("ROSTER_URL", app::url_for("office.course.roster", {course.code}));
  body.SetValue("ACTION", app::url_for("office.course.save_attendance", {course.code}));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  shared::fill_errors(body, errors);
  const std::string grid_url = app::url_for("office.course.attendance", {course.code});
  for (size_t i = 0; i < sessions.size(); ++i) {
    auto* s = body.AddSectionDictionary("SESSION");
    s->SetValue("DATE", shared::roc_date(sessions[i].date));
    s->SetValue("TIME", sessions[i].starts_at + "–" + sessions[i].ends_at);
    s->SetIntValue("HOURS", domain::session_hours(rule[i]));
    s->SetValue("ALL_URL", grid_url + "?all=" + std::to_string(sessions[i].id));
  }
  if (lines.empty()) body.ShowSection("EMPTY");
  for (const auto& l : lines) {
    auto* row = body.AddSectionDictionary("LINE");
    row->SetIntValue("ID", l.id);
    row->SetValue("NAME", l.name);
    row->SetValue("UNIT", l.unit_name);
    row->SetValue("UNITS", units_text(course, l.units));
    if (l.attendance == Attendance::kExcusedLeave) row->ShowSection("EXCUSED");
    const std::set<int64_t> present(l.present_sessions.begin(), l.present_sessions.end());
    const bool never_marked = present.empty() && l.attendance == Attendance::kFull;
    for (const auto& s : sessions) {
      auto* cell = row->AddSectionDictionary("CELL");
      cell->SetValue("VALUE", std::to_string(l.id) + "-" + std::to_string(s.id));
      cell->SetValue("LABEL", l.name + " " + shared::roc_date(s.date) + " " + s.starts_at);
      if (never_marked || present.count(s.id) || s.id == tick_session) cell->ShowSection("CHECKED");
    }
  }
  return page.render(status);
}

}  // namespace

core::Response attendance(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (auto refused = refusal(cx, *course)) return std::move(*refused);
  const int64_t tick = domain::parse_integer(cx.req().query.get_or("all"), 1, 9223372036854775807LL).value_or(0);
  return show_grid(cx, *course, {}, tick, 200);
}

core::Response save_attendance(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (auto refused = refusal(cx, *course)) return std::move(*refused);
  const auto sessions = store::sessions_of(cx.db(), course->id);
  const auto rule = store::rule_sessions(sessions);
  std::map<int64_t, size_t> session_index;
  for (size_t i = 0; i < sessions.size(); ++i) session_index[sessions[i].id] = i;
  std::map<int64_t, std::vector<bool>> present;
  for (const auto& l : sql::lines(cx.db(), course->id)) present[l.id] = std::vector<bool>(sessions.size(), false);
  std::set<int64_t> excused;
  bool bad = false;
  for (const auto& v : cx.req().form.all("p")) {
    const auto dash = v.find('-');
    const auto line = domain::parse_integer(v.substr(0, dash), 1, 9223372036854775807LL);
    const auto session = dash == std::string::npos ? std::nullopt
                                                   : domain::parse_integer(v.substr(dash + 1), 1, 9223372036854775807LL);
    if (!line || !session || !present.count(*line) || !session_index.count(*session)) {
      bad = true;
      continue;
    }
    present[*line][session_index[*session]] = true;
  }
  for (const auto& v : cx.req().form.all("excused")) {
    const auto line = domain::parse_integer(v, 1, 9223372036854775807LL);
    if (!line || !present.count(*line)) bad = true;
    else excused.insert(*line);
  }
  if (bad) {
    core::FieldErrors errors;
    errors.add("form", "出席表的內容與目前名單不符（可能有人剛修改了名單），沒有儲存。請重新勾選。");
    return show_grid(cx, *course, errors, 0, 409);
  }
  {
    db::Transaction tx(cx.db());
    if (auto closed = lock_open_roster(cx, *course)) return std::move(*closed);
    for (const auto& [line_id, marks] : present) {
      const auto g = domain::line_from_sessions(units_of(*course), rule, marks, excused.count(line_id) > 0);
      sql::NewLine line;
      line.attendance = g.attendance;
      line.hours_absent = g.hours_absent;
      line.units = g.units;
      sql::update_line(cx.db(), course->id, line_id, line, true);
      std::vector<int64_t> ids;
      for (size_t i = 0; i < marks.size(); ++i) {
        if (marks[i]) ids.push_back(sessions[i].id);
      }
      sql::save_presence(cx.db(), line_id, ids);
    }
    shared::access::audit(cx, "roster.attendance", course->code, "rows=" + std::to_string(present.size()));
    tx.commit();
  }
  cx.flash("已依逐場出席計算 " + std::to_string(present.size()) + " 位教師的核發" +
           (course->credits > 0 ? "學分" : "時數") + "（第10條）。");
  return cx.see_other(app::url_for("office.course.roster", {course->code}));
}

core::Response submit(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (auto refused = refusal(cx, *course)) return std::move(*refused);
  const auto last = domain::parse_iso_date(course->last_date);
  const auto today = domain::parse_iso_date(cx.today());
  if (!last || !today || !domain::may_submit_roster(*last, *today)) {
    return refuse_on_page(cx, *course, "研習尚未結束（最後一場在 " + shared::roc_date(course->last_date) +
                                           "），結束後才能送出名單確認要求。");
  }
  const auto action = course->state == CourseState::kApproved ? CourseAction::kSubmitRoster
                                                              : CourseAction::kResubmitRoster;
  {
    db::Transaction tx(cx.db());
    if (auto closed = lock_open_roster(cx, *course)) return std::move(*closed);
    const auto totals = sql::totals(cx.db(), course->id);
    if (totals.lines == 0) {
      return refuse_on_page(cx, *course, "名單上沒有任何教師，不能送出。請先轉換線上報名資料、單筆輸入或上傳檔案；"
                                         "若研習沒有開班，請改以「課程登錄錯誤」刪除課程。");
    }
    if (!store::transition(tx, *course, action, cx.user().id,
                           "名單 " + std::to_string(totals.lines) + " 人，核發 " + units_text(*course, totals.units))) {
      return cx.conflict("課程狀態已被他人變更，名單沒有送出。請重新開啟課程確認。");
    }
    shared::access::audit(cx, "roster.submit", course->code, "rows=" + std::to_string(totals.lines));
    tx.commit();
  }
  cx.flash("名單已送出，等待審課單位確認（資料上傳結束）。送出後名單不能再修改，除非審課單位退回。");
  return cx.see_other(app::url_for("office.course.roster", {course->code}));
}

}  // namespace rosters
