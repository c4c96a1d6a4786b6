// Course registration and management by the unit's organizers (SPEC §3, 第8–12條).
#include "courses/courses_handlers.h"

#include <algorithm>

#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"
#include "shared/reference.h"
#include "app/routes.h"
#include "core/view.h"
#include "shared/course_store.h"
#include "shared/course_view.h"
#include "courses/courses_forms.h"
#include "courses/courses_sql.h"
#include "records/records_sql.h"
#include "enrolment/enrolment_handlers.h"
#include "domain/course_state.h"
#include "domain/lights.h"
#include "domain/roc_date.h"
#include "domain/validation.h"

namespace courses {

namespace {

using domain::CourseAction;
using domain::CourseState;

constexpr int kListLimit = 200;

// The active categories and tags, and the retired ones the form already holds.
FormChoices choices(core::Context& cx, const domain::CourseDraft& draft) {
  const auto lists = shared::reference::lists(cx.db());
  const std::vector<int64_t> held_tags(draft.tag_ids.begin(), draft.tag_ids.end());
  return {shared::reference::offered(lists->categories, {draft.category_id}),
          shared::reference::offered(lists->tags, held_tags)};
}

// A retired category or tag is refused unless the stored course already carries it.
bool may_choose(const shared::reference::Choice* choice, bool already_on_course) {
  return choice && (choice->active || already_on_course);
}

bool unit_light_red(const sql::UnitRules& unit) {
  return domain::blocks_registration(
      domain::unit_light(static_cast<int>(unit.light.overdue.size()), unit.light.red_threshold));
}

domain::RegistrationRules registration_rules(const sql::UnitRules& unit) {
  domain::RegistrationRules rules;
  rules.today = domain::parse_iso_date(unit.today).value_or(domain::Date{1970, 1, 1});
  rules.min_days_before_start = unit.min_days_before_start;
  rules.unit_overdue_courses = static_cast<int>(unit.light.overdue.size());
  rules.red_light_threshold = unit.light.red_threshold;
  rules.unit_light_red = unit_light_red(unit);
  return rules;
}

// Everything checked on submit but duplicates: the domain rules plus what needs the database.
// A red light blocks registering new courses only; a unit may still correct the ones it has.
domain::CourseCheck check(core::Context& cx, CourseForm& form, const sql::UnitRules& unit,
                          const domain::CourseDraft* stored) {
  const bool registering_new = stored == nullptr;
  domain::RegistrationRules rules = registration_rules(unit);
  if (!registering_new) rules.unit_light_red = false;
  domain::CourseCheck result = domain::check_course(form.draft, rules);
  core::FieldErrors& errors = form.fields.errors();
  errors.add_all(result.errors);
  const auto lists = shared::reference::lists(cx.db());
  const int category = form.draft.category_id;
  if (category > 0 && !may_choose(shared::reference::find(lists->categories, category),
                                  stored && stored->category_id == category)) {
    errors.add("category_id", "課程類別不存在或已停用，請重新選擇。");
  }
  for (int tag : form.draft.tag_ids) {
    const bool kept = stored && std::find(stored->tag_ids.begin(), stored->tag_ids.end(), tag) !=
                                    stored->tag_ids.end();
    if (!may_choose(shared::reference::find(lists->tags, tag), kept)) {
      errors.add("tags", "屬性標籤不存在或已停用，請重新選擇。");
      break;
    }
  }
  if (unit.review_unit_id == 0) errors.add("form", "本單位尚未設定審課單位，請洽系統管理者。");
  return result;
}

// Another live course of the unit with the same name and dates (earliest and latest session,
// however the rows were typed). Call with the unit locked, in the writing transaction.
std::optional<std::string> duplicate_of(core::Context& cx, const domain::CourseDraft& draft,
                                        int64_t except_course_id) {
  if (draft.sessions.empty()) return std::nullopt;
  domain::Date first = draft.sessions.front().date, last = first;
  for (const auto& s : draft.sessions) {
    if (s.date < first) first = s.date;
    if (last < s.date) last = s.date;
  }
  return sql::find_duplicate(cx.db(), cx.user().unit_id, draft.title, domain::to_iso(first),
                             domain::to_iso(last), except_course_id);
}

void add_duplicate_error(CourseForm& form, const std::string& code) {
  form.fields.errors().add("title", "本單位已登錄相同名稱與日期的研習（代碼 " + code + "），請勿重複登錄。");
}

// Where a course form goes and what it is called: registering a new course, or editing one.
struct FormPage {
  std::string action, heading;
  static FormPage for_new() { return {app::url_for("office.courses.create"), "研習課程登錄"}; }
  static FormPage for_edit(const std::string& code) {
    return {app::url_for("office.course.update", {code}), "修改研習課程（" + code + "）"};
  }
};

core::Response show_form(core::Context& cx, const FormPage& where, const CourseForm& form,
                         const domain::CourseCheck* result, const sql::UnitRules& unit, int status,
                         const std::string& duplicate_code = "") {
  core::Page page(cx, "courses/form.tpl", where.heading);
  auto& body = page.body();
  body.SetValue("HEADING", where.heading);
  body.SetValue("ACTION", where.action);
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("OFFICE_URL", app::url_for("office.home"));
  body.SetValue("ORGANISATION_URL", app::url_for("organisation"));
  body.SetIntValue("MIN_DAYS", unit.min_days_before_start);
  if (!duplicate_code.empty()) {
    body.SetValueAndShowSection("DUPLICATE_URL", app::url_for("office.course", {duplicate_code}),
                                "DUPLICATE");
    body.SetValue("DUPLICATE_CODE", duplicate_code);
  }
  fill_course_form(body, form, choices(cx, form.draft), result);
  if (registration_rules(unit).unit_light_red) {
    // Tell the unit exactly which courses to close (SPEC §6).
    for (const auto& c : unit.light.overdue) {
      auto* row = body.AddSectionDictionary("OVERDUE");
      row->SetValue("URL", app::url_for("office.course", {c.code}));
      row->SetValue("CODE", c.code);
      row->SetValue("TITLE", c.title);
      row->SetValue("LAST_DATE", shared::roc_date(c.last_date));
      row->SetValue("STATE", shared::course_state_label(c.state));
    }
    body.ShowSection("RED_LIGHT");
  }
  return page.render(status);
}

int declared_hours(const domain::CourseDraft& d) {
  return domain::is_credit_class(d.class_kind) ? 0 : d.declared_hours;
}

// The small forms of the course page, shown again with the input kept when refused.
const core::FormSpec kDeleteForm = {
    {"reason", "刪除理由", core::FieldKind::kText, true, 200},
};
const core::FormSpec kTransferForm = {
    {"to", "新的承辦人", core::FieldKind::kInteger, true, 4294967295LL, 1},
};

core::Response show_course_page(core::Context& cx, const course_store::Course& course,
                                const core::Form* delete_form, const core::Form* transfer_form,
                                int status) {
  core::Page page(cx, "courses/show.tpl", course.title);
  auto& body = page.body();
  body.SetValue("CODE", course.code);
  body.SetValue("TITLE", course.title);
  body.SetValue("STATE", shared::course_state_label(course.state));
  body.SetValue("STATE_CODE", domain::state_code(course.state));
  body.SetValue("ORGANIZER", course.organizer_name);
  body.SetValue("LIST_URL", app::url_for("office.courses"));
  body.SetValue("DATES", shared::roc_date(course.first_date) + "–" + shared::roc_date(course.last_date));
  body.SetValue("HOURS", shared::hours_label(course.hours, course.credits));
  body.SetValue("CLASS_KIND", shared::class_kind_label(course.class_kind));
  body.SetValue("SCOPE", course.cross_school ? "跨校研習" : "校內研習");
  body.SetValue("LEVELS", shared::levels_label(course.levels));
  body.SetValue("BASIS_DOC", course.basis_doc.empty() ? "（未填）" : course.basis_doc);
  body.SetValue("SEATS", std::to_string(course.class_count) + " 班 × " +
                             std::to_string(course.seats_per_class) + " 人，線上報名名額 " +
                             std::to_string(course.online_seats));
  for (const domain::Contact* ct : {&course.contact1, &course.contact2}) {
    if (ct->name.empty()) continue;
    auto* row = body.AddSectionDictionary("CONTACT");
    row->SetValue("NAME", ct->name);
    row->SetValue("PHONE", ct->phone);
    row->SetValue("EMAIL", ct->email);
  }
  body.SetValue("OUTLINE", course.outline);
  // 申請更正 from the teachers' no-show light (SPEC §11), until the roster answers them.
  if (const auto requests = records::sql::open_requests(cx.db(), course.id); !requests.empty()) {
    auto* box = body.AddSectionDictionary("CORRECTIONS");
    box->SetIntValue("COUNT", static_cast<long>(requests.size()));
    for (const auto& q : requests) {
      auto* row = box->AddSectionDictionary("REQUEST");
      row->SetValue("NAME", q.teacher_name);
      row->SetValue("AT", shared::roc_datetime(q.created_at));
      row->SetValue("REASON", q.reason);
    }
  }
  course_view::fill_sessions(body, course_store::sessions_of(cx.db(), course.id));
  if (domain::is_public(course.state)) {
    body.SetValueAndShowSection("PUBLIC_URL", app::url_for("course.show", {course.code}), "PUBLIC");
  }
  if (course.enrol_online && domain::is_public(course.state)) {
    body.SetValueAndShowSection("ENROLMENTS_URL", app::url_for("office.course.enrolments", {course.code}),
                                "ENROLMENTS");
  }
  if (domain::is_public(course.state)) {  // 研習名單匯出: approved and after, for the unit's organizers
    auto* exports = body.AddSectionDictionary("EXPORTS");
    exports->SetValue("XLSX_URL", app::url_for("office.course.roster_xlsx", {course.code}));
    exports->SetValue("CSV_URL", app::url_for("office.course.roster_csv", {course.code}));
    exports->SetValue("SIGN_IN_URL", app::url_for("office.course.sign_in", {course.code}));
  }
  if (course.state == CourseState::kApproved && shared::access::may_change(cx.user(), course)) {
    body.SetValueAndShowSection("SETTINGS_URL", app::url_for("office.course.settings", {course.code}), "SETTINGS");
  }
  if (domain::is_public(course.state)) {  // 編輯研習教師資料: the roster, from approval to 結案
    body.SetValueAndShowSection("ROSTER_URL", app::url_for("office.course.roster", {course.code}), "ROSTER");
  }
  if (course.state == CourseState::kClosed) {  // 研習紀錄更正: what answers a 申請更正
    body.SetValueAndShowSection("RECORDS_URL", app::url_for("office.course.records", {course.code}), "RECORDS");
  }
  if (course.enrol_online && course.state == CourseState::kApproved) {  // 校內批次報名
    body.SetValueAndShowSection("BATCH_URL", app::url_for("office.course.batch", {course.code}), "BATCH");
  }
  const auto history = course_store::history_of(cx.db(), course.id);
  course_view::fill_history(body, history);
  // The latest return's reasons, shown where the organizer will look first.
  const auto reasons = course_view::latest_return_reasons(course, history);
  if (!reasons.empty()) {
    auto* box = body.AddSectionDictionary("RETURNED");
    for (const auto& r : reasons) box->AddSectionDictionary("REASON")->SetValue("TEXT", r);
  }
  // 功能選擇: the actions this state allows, for those who may change the course.
  if (!shared::access::may_change(cx.user(), course)) return page.render(status);
  const std::string csrf = cx.csrf_token();
  if (domain::may_edit(course.state)) {
    auto* d = body.AddSectionDictionary("CAN_EDIT");
    d->SetValue("URL", app::url_for("office.course.edit", {course.code}));
    d->SetValue("LABEL", course.state == CourseState::kReturned ? "修改並重新送出審核" : "修改課程資料");
  }
  if (domain::next_state(course.state, CourseAction::kDelete)) {
    auto* d = body.AddSectionDictionary("CAN_DELETE");
    d->SetValue("URL", app::url_for("office.course.delete", {course.code}));
    d->SetValue("CSRF_TOKEN", csrf);
    const core::Form blank(kDeleteForm);
    shared::fill_form(*d, delete_form ? *delete_form : blank);
  }
  if (cx.user().role == core::Role::kMaster && domain::is_unfinished(course.state)) {
    auto* d = body.AddSectionDictionary("CAN_TRANSFER");
    d->SetValue("URL", app::url_for("office.course.transfer", {course.code}));
    d->SetValue("CSRF_TOKEN", csrf);
    const core::Form blank(kTransferForm);
    const core::Form& form = transfer_form ? *transfer_form : blank;
    shared::fill_form(*d, form);
    std::vector<shared::Option> organizers;
    for (const auto& o : sql::organizers_of_unit(cx.db(), course.unit_id)) {
      if (o.id != course.organizer_id) organizers.push_back({std::to_string(o.id), o.name});
    }
    shared::fill_options(*d, "ORGANIZER", organizers, {form.raw("to")});
  }
  return page.render(status);
}

core::Response not_editable(core::Context& cx, const course_store::Course& course) {
  return cx.conflict("課程目前為「" + shared::course_state_label(course.state) +
                     "」，不能修改。已通過審核的課程如有錯誤，請洽審課單位。");
}

}  // namespace

core::Response list_courses(core::Context& cx) {
  const auto& q = cx.req().query;
  sql::ListFilters filters;
  filters.state = domain::parse_state_code(q.get_or("state"));
  filters.unfinished = q.get_or("unfinished") == "1";
  if (const auto roc_year = domain::parse_integer(q.get_or("year"), 1, 999)) {
    filters.year = static_cast<int>(*roc_year) + 1911;
  }
  filters.title = domain::utf8_prefix(domain::trim(q.get_or("title")), 200);

  core::Page page(cx, "courses/list.tpl", "研習資料管理");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("office.courses"));
  body.SetValue("NEW_URL", app::url_for("office.courses.new"));
  body.SetValue("TITLE_FILTER", filters.title);
  body.SetValue("YEAR_FILTER", filters.year ? std::to_string(filters.year - 1911) : "");
  if (filters.unfinished) body.ShowSection("UNFINISHED_CHECKED");
  std::vector<shared::Option> states;
  for (CourseState s : domain::kAllCourseStates) states.push_back({domain::state_code(s), domain::state_label(s)});
  shared::fill_options(body, "STATE_OPTION", states,
                    {filters.state ? domain::state_code(*filters.state) : ""});
  const auto lines = sql::unit_courses(cx.db(), cx.user().unit_id, filters, kListLimit);
  for (const auto& c : lines) {
    auto* row = body.AddSectionDictionary("COURSE");
    // 功能選擇: what this state allows, for the course's organizer or the master.
    const bool mine = cx.user().role == core::Role::kMaster || c.organizer_id == cx.user().id;
    if (mine && domain::may_edit(c.state)) {
      auto* a = row->AddSectionDictionary("ACTION");
      a->SetValue("URL", app::url_for("office.course.edit", {c.code}));
      a->SetValue("LABEL", c.state == CourseState::kReturned ? "修改並重送" : "修改");
    }
    if (mine && domain::next_state(c.state, CourseAction::kDelete)) {
      auto* a = row->AddSectionDictionary("ACTION");
      a->SetValue("URL", app::url_for("office.course", {c.code}) + "#delete");
      a->SetValue("LABEL", "課程登錄錯誤");
    }
    row->SetValue("URL", app::url_for("office.course", {c.code}));
    row->SetValue("CODE", c.code);
    row->SetValue("TITLE", c.title);
    row->SetValue("DATES", shared::roc_date(c.first_date) + "–" + shared::roc_date(c.last_date));
    row->SetValue("STATE", shared::course_state_label(c.state));
    row->SetValue("ORGANIZER", c.organizer);
  }
  if (lines.empty()) body.ShowSection("NO_COURSES");
  body.SetIntValue("COUNT", static_cast<long>(lines.size()));
  return page.render();
}

core::Response new_course(core::Context& cx) {
  const sql::UnitRules unit = sql::unit_rules(cx.db(), cx.user().unit_id, cx.today());
  const auto contact = sql::account_contact(cx.db(), cx.user().id);
  CourseForm form = blank_form(cx.user().name, contact.phone, contact.email);
  const domain::RegistrationRules rules = registration_rules(unit);
  if (rules.unit_light_red) {
    form.fields.errors().add("form", domain::red_light_refusal(rules.unit_overdue_courses,
                                                               rules.red_light_threshold));
  }
  return show_form(cx, FormPage::for_new(), form, nullptr, unit, rules.unit_light_red ? 409 : 200);
}

core::Response create_course(core::Context& cx) {
  CourseForm form = parse_course_form(cx.req().form);
  const sql::UnitRules unit = sql::unit_rules(cx.db(), cx.user().unit_id, cx.today());
  const FormPage where = FormPage::for_new();
  if (form.action != "submit") {
    // Rows added or removed without JavaScript: show the hours so far, no errors yet.
    const domain::CourseCheck hours_only = domain::check_course(form.draft, registration_rules(unit));
    form.fields.errors() = {};
    return show_form(cx, where, form, &hours_only, unit, 200);
  }
  domain::CourseCheck result = check(cx, form, unit, nullptr);
  if (!form.fields.ok()) {
    return show_form(cx, where, form, &result, unit, unit_light_red(unit) ? 409 : 422);
  }
  sql::NewCourse nc;
  nc.unit_id = cx.user().unit_id;
  nc.organizer_id = cx.user().id;
  nc.review_unit_id = unit.review_unit_id;
  nc.hours = declared_hours(form.draft);
  nc.flagged_restricted = !result.restricted.empty();
  std::string code;
  {
    db::Transaction tx(cx.db());
    sql::lock_unit(cx.db(), cx.user().unit_id);
    if (const auto duplicate = duplicate_of(cx, form.draft, 0)) {
      add_duplicate_error(form, *duplicate);
      return show_form(cx, where, form, &result, unit, 422, *duplicate);
    }
    code = sql::insert_course(cx.db(), nc, form.draft);
    shared::access::audit(cx, "course.create", code);
    tx.commit();
  }
  cx.flash("研習新增成功，研習課程代碼：" + code + "。課程已送出，等待審課單位確認。" +
           (nc.flagged_restricted ? "提醒：課程名稱或大綱疑似第9條不予採計的活動，已標示給審課人員留意。" : ""));
  return cx.see_other(app::url_for("office.course", {code}));
}

core::Response show_course(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  return show_course_page(cx, *course, nullptr, nullptr, 200);
}

core::Response edit_course(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (!shared::access::may_change(cx.user(), *course)) {
    return cx.forbidden("只有課程承辦人或總負責人可以修改課程。");
  }
  if (!domain::may_edit(course->state)) return not_editable(cx, *course);
  const sql::UnitRules unit = sql::unit_rules(cx.db(), cx.user().unit_id, cx.today());
  const domain::CourseDraft draft = course_store::draft_of(cx.db(), *course);
  const CourseForm form = form_of_course(*course, draft, course_store::sessions_of(cx.db(), course->id));
  const domain::CourseCheck result = domain::check_course(draft, registration_rules(unit));
  return show_form(cx, FormPage::for_edit(course->code), form, &result, unit, 200);
}

core::Response update_course(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (!shared::access::may_change(cx.user(), *course)) {
    return cx.forbidden("只有課程承辦人或總負責人可以修改課程。");
  }
  if (!domain::may_edit(course->state)) return not_editable(cx, *course);
  CourseForm form = parse_course_form(cx.req().form);
  const sql::UnitRules unit = sql::unit_rules(cx.db(), cx.user().unit_id, cx.today());
  const FormPage where = FormPage::for_edit(course->code);
  if (form.action != "submit") {
    const domain::CourseCheck hours_only = domain::check_course(form.draft, registration_rules(unit));
    form.fields.errors() = {};
    return show_form(cx, where, form, &hours_only, unit, 200);
  }
  const domain::CourseDraft stored = course_store::draft_of(cx.db(), *course);
  domain::CourseCheck result = check(cx, form, unit, &stored);
  if (!form.fields.ok()) return show_form(cx, where, form, &result, unit, 422);
  const bool resubmitting = course->state == CourseState::kReturned;
  {
    db::Transaction tx(cx.db());
    sql::lock_unit(cx.db(), cx.user().unit_id);
    if (const auto duplicate = duplicate_of(cx, form.draft, course->id)) {
      add_duplicate_error(form, *duplicate);
      return show_form(cx, where, form, &result, unit, 422, *duplicate);
    }
    // Only while still editable: a reviewer may have acted since the form was loaded.
    const auto current = sql::state_for_update(cx.db(), course->id);
    if (current != course->state) {
      return cx.conflict("課程狀態已變更（目前為「" + shared::course_state_label(current) +
                         "」），您的修改沒有儲存。請重新開啟課程後再試。");
    }
    sql::update_course(cx.db(), course->id, form.draft, declared_hours(form.draft),
                       !result.restricted.empty());
    if (resubmitting) {
      course_store::transition(tx, *course, CourseAction::kResubmit, cx.user().id, "修正後重新送出");
    }
    shared::access::audit(cx, "course.update", course->code);
    tx.commit();
  }
  cx.flash(resubmitting ? "課程已修正並重新送出，等待審課單位確認。" : "課程資料已更新。");
  return cx.see_other(app::url_for("office.course", {course->code}));
}

core::Response delete_course(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (!shared::access::may_change(cx.user(), *course)) {
    return cx.forbidden("只有課程承辦人或總負責人可以刪除課程。");
  }
  if (!domain::next_state(course->state, CourseAction::kDelete)) {
    return cx.conflict("課程目前為「" + shared::course_state_label(course->state) + "」，不能刪除。");
  }
  core::Form form(kDeleteForm, cx.req().form);
  if (!form.ok()) {
    form.errors().add("form", "課程沒有刪除。");
    return show_course_page(cx, *course, &form, nullptr, 422);
  }
  {
    db::Transaction tx(cx.db());
    if (!course_store::transition(tx, *course, CourseAction::kDelete, cx.user().id,
                           "課程登錄錯誤：" + form.text("reason"))) {
      return cx.conflict("課程狀態已被他人變更，沒有刪除。請重新開啟課程確認。");
    }
    // The teachers who applied are told, in the same transaction (SPEC §4).
    enrolment::cancel_with_course(cx, course->id, course->code, course->title);
    shared::access::audit(cx, "course.delete", course->code);
    tx.commit();
  }
  cx.flash("課程 " + course->code + " 已刪除（課程登錄錯誤）。課程資料與歷程仍保留備查。");
  return cx.see_other(app::url_for("office.course", {course->code}));
}

core::Response transfer_course(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  core::Form form(kTransferForm, cx.req().form);
  int64_t to = 0;
  if (const auto wanted = form.integer("to")) {
    for (const auto& o : sql::organizers_of_unit(cx.db(), course->unit_id)) {
      if (o.id == *wanted && o.id != course->organizer_id) to = o.id;
    }
  }
  if (to == 0) {
    if (form.ok()) form.errors().add("to", "請選擇本單位另一位承辦人。");
    form.errors().add("form", "課程沒有移轉。");
    return show_course_page(cx, *course, nullptr, &form, 422);
  }
  {
    db::Transaction tx(cx.db());
    if (!sql::transfer_course(cx.db(), course->id, course->organizer_id, to, cx.user().id)) {
      return cx.conflict("課程已結案、已刪除或已被移轉，沒有變更。");
    }
    shared::access::audit(cx, "course.transfer", course->code, std::to_string(to));
    tx.commit();
  }
  cx.flash("課程已移轉給新的承辦人。");
  return cx.see_other(app::url_for("office.course", {course->code}));
}

}  // namespace courses
