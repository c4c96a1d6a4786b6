// Course registration and management by the unit's organizers (SPEC §3, 第8–12條).
#include "courses/courses_handlers.h"

#include "app/access.h"
#include "app/labels.h"
#include "app/routes.h"
#include "core/view.h"
#include "courses/courses_forms.h"
#include "courses/courses_sql.h"
#include "domain/course_state.h"
#include "domain/lights.h"
#include "domain/roc_date.h"
#include "domain/validation.h"
#include "office/office_sql.h"

namespace courses {

namespace {

constexpr int kListLimit = 200;

// The course if it belongs to the user's unit; otherwise nothing (the caller answers 404).
std::optional<sql::Course> load_unit_course(core::Context& cx) {
  if (!domain::is_course_code(cx.param("code"))) return std::nullopt;
  auto course = sql::find_course(cx.db(), cx.param("code"));
  if (!course || course->unit_id != cx.user().unit_id) return std::nullopt;
  return course;
}

// The course's own organizer, or the unit's 總負責人, may change it.
bool may_change(const core::User& user, const sql::Course& course) {
  return user.role == core::Role::kMaster || course.organizer_id == user.id;
}

std::string state_of(const std::string& code) { return app::course_state_label(code); }

FormChoices choices(core::Context& cx) { return {sql::categories(cx.db()), sql::tags(cx.db())}; }

domain::RegistrationRules registration_rules(const sql::UnitRules& unit) {
  domain::RegistrationRules rules;
  rules.today = domain::parse_iso_date(unit.today).value_or(domain::Date{1970, 1, 1});
  rules.min_days_before_start = unit.min_days_before_start;
  rules.unit_overdue_courses = unit.overdue_courses;
  rules.red_light_threshold = unit.red_threshold;
  rules.unit_light_red = domain::blocks_registration(
      domain::unit_light(unit.overdue_courses, unit.red_threshold));
  return rules;
}

// Everything checked on submit but duplicates: the domain rules plus what needs the database.
// A red light blocks registering new courses only; a unit may still correct the ones it has.
domain::CourseCheck check(core::Context& cx, const CourseForm& form, const sql::UnitRules& unit,
                          bool registering_new) {
  domain::RegistrationRules rules = registration_rules(unit);
  if (!registering_new) rules.unit_light_red = false;
  domain::CourseCheck result = domain::check_course(form.draft, rules);
  result.errors.insert(result.errors.begin(), form.errors.begin(), form.errors.end());
  if (form.draft.category_id > 0 && !sql::category_exists(cx.db(), form.draft.category_id)) {
    result.errors.push_back({"category_id", "課程類別不存在，請重新選擇。"});
  }
  if (!sql::tags_exist(cx.db(), form.draft.tag_ids)) {
    result.errors.push_back({"tags", "屬性標籤不存在，請重新選擇。"});
  }
  if (unit.review_unit_id == 0) {
    result.errors.push_back({"form", "本單位尚未設定審課單位，請洽系統管理者。"});
  }
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

domain::FieldError duplicate_error(const std::string& code) {
  return {"title", "本單位已登錄相同名稱與日期的研習（代碼 " + code + "），請勿重複登錄。"};
}

core::Response show_form(core::Context& cx, const CourseForm& form,
                         const std::vector<domain::FieldError>& errors,
                         const domain::CourseCheck* result, const sql::UnitRules& unit,
                         const std::string& action, const std::string& heading,
                         const std::string& duplicate_code, int status) {
  core::Page page(cx, "courses/form.tpl", heading);
  auto& body = page.body();
  body.SetValue("HEADING", heading);
  body.SetValue("ACTION", action);
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("OFFICE_URL", app::url_for("office.home"));
  body.SetIntValue("MIN_DAYS", unit.min_days_before_start);
  if (!duplicate_code.empty()) {
    body.SetValueAndShowSection("DUPLICATE_URL", app::url_for("office.course", {duplicate_code}),
                                "DUPLICATE");
    body.SetValue("DUPLICATE_CODE", duplicate_code);
  }
  fill_course_form(body, form, errors, choices(cx), result);
  if (registration_rules(unit).unit_light_red) {
    // Tell the unit exactly which courses to close (SPEC §6).
    for (const auto& c : office::sql::unit_light_facts(cx.db(), cx.user().unit_id).overdue) {
      auto* row = body.AddSectionDictionary("OVERDUE");
      row->SetValue("URL", app::url_for("office.course", {c.code}));
      row->SetValue("CODE", c.code);
      row->SetValue("TITLE", c.title);
      row->SetValue("LAST_DATE", app::roc_date(c.last_date));
      row->SetValue("STATE", state_of(c.state));
    }
    body.ShowSection("RED_LIGHT");
  }
  return page.render(status);
}

int declared_hours(const domain::CourseDraft& d) {
  return domain::is_credit_class(d.class_kind) ? 0 : d.declared_hours;
}

}  // namespace

core::Response list_courses(core::Context& cx) {
  const auto& q = cx.req().query;
  sql::ListFilters filters;
  const std::string state = q.get_or("state");
  if (domain::parse_state_code(state)) filters.state = state;
  filters.unfinished = q.get_or("unfinished") == "1";
  const std::string year = q.get_or("year");
  if (year.size() == 3 && std::all_of(year.begin(), year.end(), ::isdigit)) {
    filters.year = std::stoi(year) + 1911;  // ROC year
  }
  filters.title = domain::trim(q.get_or("title")).substr(0, 200);

  core::Page page(cx, "courses/list.tpl", "研習資料管理");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("office.courses"));
  body.SetValue("NEW_URL", app::url_for("office.courses.new"));
  body.SetValue("TITLE_FILTER", filters.title);
  body.SetValue("YEAR_FILTER", filters.year ? std::to_string(filters.year - 1911) : "");
  if (filters.unfinished) body.ShowSection("UNFINISHED_CHECKED");
  for (const char* code : {"unconfirmed", "returned", "approved", "roster_submitted",
                           "roster_returned", "closed", "deleted"}) {
    auto* d = body.AddSectionDictionary("STATE_OPTION");
    d->SetValue("CODE", code);
    d->SetValue("LABEL", state_of(code));
    if (filters.state == code) d->ShowSection("SELECTED");
  }
  const auto lines = sql::unit_courses(cx.db(), cx.user().unit_id, filters, kListLimit);
  for (const auto& c : lines) {
    auto* row = body.AddSectionDictionary("COURSE");
    // 功能選擇: what this state allows, for the course's organizer or the master.
    const auto state = domain::parse_state_code(c.state);
    const bool mine = cx.user().role == core::Role::kMaster || c.organizer_id == cx.user().id;
    if (mine && state &&
        (*state == domain::CourseState::kUnconfirmed || *state == domain::CourseState::kReturned)) {
      auto* a = row->AddSectionDictionary("ACTION");
      a->SetValue("URL", app::url_for("office.course.edit", {c.code}));
      a->SetValue("LABEL", *state == domain::CourseState::kReturned ? "修改並重送" : "修改");
    }
    if (mine && state && domain::next_state(*state, domain::CourseAction::kDelete)) {
      auto* a = row->AddSectionDictionary("ACTION");
      a->SetValue("URL", app::url_for("office.course", {c.code}) + "#delete");
      a->SetValue("LABEL", "課程登錄錯誤");
    }
    row->SetValue("URL", app::url_for("office.course", {c.code}));
    row->SetValue("CODE", c.code);
    row->SetValue("TITLE", c.title);
    row->SetValue("DATES", app::roc_date(c.first_date) + "–" + app::roc_date(c.last_date));
    row->SetValue("STATE", state_of(c.state));
    row->SetValue("ORGANIZER", c.organizer);
  }
  if (lines.empty()) body.ShowSection("NO_COURSES");
  body.SetIntValue("COUNT", static_cast<long>(lines.size()));
  return page.render();
}

core::Response new_course(core::Context& cx) {
  const sql::UnitRules unit = sql::unit_rules(cx.db(), cx.user().unit_id);
  const auto account = cx.db().query_one("SELECT phone, email FROM business_account WHERE id = ?",
                                         cx.user().id);
  CourseForm form = blank_form(cx.user().name, account ? account->str(0) : "",
                               account ? account->str(1) : "");
  std::vector<domain::FieldError> errors;
  const auto rules = registration_rules(unit);
  if (rules.unit_light_red) {
    errors.push_back({"form", "本單位逾期未結案課程 " + std::to_string(unit.overdue_courses) +
                                  " 堂（紅燈），暫停研習課程登錄。請先完成這些課程的時數核發與結案，少於 " +
                                  std::to_string(unit.red_threshold) + " 堂後即可登錄。"});
  }
  return show_form(cx, form, errors, nullptr, unit, app::url_for("office.courses.create"), "研習課程登錄",
                   "", rules.unit_light_red ? 409 : 200);
}

core::Response create_course(core::Context& cx) {
  CourseForm form = parse_course_form(cx.req().form);
  const sql::UnitRules unit = sql::unit_rules(cx.db(), cx.user().unit_id);
  if (form.action != "submit") {
    // Rows added or removed without JavaScript: show the hours so far, no errors yet.
    const domain::CourseCheck hours_only = domain::check_course(form.draft, registration_rules(unit));
    return show_form(cx, form, {}, &hours_only, unit, app::url_for("office.courses.create"), "研習課程登錄",
                     "", 200);
  }
  domain::CourseCheck result = check(cx, form, unit, true);
  if (!result.ok()) {
    const bool red = registration_rules(unit).unit_light_red;
    return show_form(cx, form, result.errors, &result, unit, app::url_for("office.courses.create"),
                     "研習課程登錄", "", red ? 409 : 422);
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
      result.errors.push_back(duplicate_error(*duplicate));
      return show_form(cx, form, result.errors, &result, unit, app::url_for("office.courses.create"),
                       "研習課程登錄", *duplicate, 422);
    }
    code = sql::insert_course(cx.db(), nc, form.draft);
    app::access::audit(cx, "course.create", code);
    tx.commit();
  }
  const auto course = sql::find_course(cx.db(), code);
  sql::sync_search(cx.db(), course->id);
  cx.flash("研習新增成功，研習課程代碼：" + code + "。課程已送出，等待審課單位確認。" +
           (nc.flagged_restricted ? "提醒：課程名稱或大綱疑似第9條不予採計的活動，已標示給審課人員留意。" : ""));
  return cx.see_other(app::url_for("office.course", {code}));
}

core::Response show_course(core::Context& cx) {
  const auto course = load_unit_course(cx);
  if (!course) return cx.not_found();
  core::Page page(cx, "courses/show.tpl", course->title);
  auto& body = page.body();
  body.SetValue("CODE", course->code);
  body.SetValue("TITLE", course->title);
  body.SetValue("STATE", state_of(course->state));
  body.SetValue("STATE_CODE", course->state);
  body.SetValue("ORGANIZER", course->organizer_name);
  body.SetValue("LIST_URL", app::url_for("office.courses"));
  body.SetValue("DATES", app::roc_date(course->first_date) + "–" + app::roc_date(course->last_date));
  body.SetValue("HOURS", course->credits ? std::to_string(course->credits) + " 學分"
                                         : std::to_string(course->hours) + " 小時");
  body.SetValue("SCOPE", course->cross_school ? "跨校研習" : "校內研習");
  body.SetValue("BASIS_DOC", course->basis_doc.empty() ? "（未填）" : course->basis_doc);
  body.SetValue("OUTLINE", course->outline);
  for (const auto& s : sql::sessions_of(cx.db(), course->id)) {
    auto* row = body.AddSectionDictionary("SESSION");
    row->SetValue("DATE", app::roc_date(s.date));
    row->SetValue("TIME", s.starts_at + "–" + s.ends_at);
    row->SetValue("BREAKS", s.breaks.empty() ? "無" : s.breaks);
    row->SetValue("PLACE", s.place);
  }
  const auto state = domain::parse_state_code(course->state);
  if (state && domain::is_public(*state)) {
    body.SetValueAndShowSection("PUBLIC_URL", app::url_for("course.show", {course->code}), "PUBLIC");
  }
  const auto history = sql::history_of(cx.db(), course->id);
  for (const auto& h : history) {
    auto* row = body.AddSectionDictionary("HISTORY");
    row->SetValue("AT", app::roc_datetime(h.at));
    row->SetValue("FROM", h.from_state.empty() ? "（登錄）" : state_of(h.from_state));
    row->SetValue("TO", state_of(h.to_state));
    row->SetValue("ACTOR", h.actor);
    std::string reasons;
    for (const auto& r : h.reasons) reasons += (reasons.empty() ? "" : "；") + r;
    if (!h.note.empty()) reasons += (reasons.empty() ? "" : "；") + h.note;
    row->SetValue("REASONS", reasons);
  }
  // The latest return's reasons, shown where the organizer will look first.
  if (course->state == "returned" || course->state == "roster_returned") {
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
      if (it->to_state != course->state) continue;
      auto* box = body.AddSectionDictionary("RETURNED");
      for (const auto& r : it->reasons) box->AddSectionDictionary("REASON")->SetValue("TEXT", r);
      if (!it->note.empty()) box->AddSectionDictionary("REASON")->SetValue("TEXT", it->note);
      break;
    }
  }
  // 功能選擇: the actions this state allows, for those who may change the course.
  if (may_change(cx.user(), *course) && state) {
    const std::string csrf = cx.csrf_token();
    if (*state == domain::CourseState::kUnconfirmed || *state == domain::CourseState::kReturned) {
      auto* d = body.AddSectionDictionary("CAN_EDIT");
      d->SetValue("URL", app::url_for("office.course.edit", {course->code}));
      d->SetValue("LABEL", *state == domain::CourseState::kReturned ? "修改並重新送出審核" : "修改課程資料");
    }
    if (domain::next_state(*state, domain::CourseAction::kDelete)) {
      auto* d = body.AddSectionDictionary("CAN_DELETE");
      d->SetValue("URL", app::url_for("office.course.delete", {course->code}));
      d->SetValue("CSRF_TOKEN", csrf);
    }
    if (cx.user().role == core::Role::kMaster && domain::is_unfinished(*state)) {
      auto* d = body.AddSectionDictionary("CAN_TRANSFER");
      d->SetValue("URL", app::url_for("office.course.transfer", {course->code}));
      d->SetValue("CSRF_TOKEN", csrf);
      for (const auto& o : sql::organizers_of_unit(cx.db(), course->unit_id)) {
        if (o.id == course->organizer_id) continue;
        auto* opt = d->AddSectionDictionary("ORGANIZER");
        opt->SetIntValue("ID", o.id);
        opt->SetValue("NAME", o.name);
      }
    }
  }
  return page.render();
}

core::Response edit_course(core::Context& cx) {
  const auto course = load_unit_course(cx);
  if (!course) return cx.not_found();
  if (!may_change(cx.user(), *course)) return cx.forbidden("只有課程承辦人或總負責人可以修改課程。");
  if (course->state != "unconfirmed" && course->state != "returned") {
    return cx.conflict("課程目前為「" + state_of(course->state) +
                       "」，不能修改。已通過審核的課程如有錯誤，請洽審課單位。");
  }
  const sql::UnitRules unit = sql::unit_rules(cx.db(), cx.user().unit_id);
  const domain::CourseDraft draft = sql::draft_of(cx.db(), *course);
  const CourseForm form = form_of_course(*course, draft, sql::sessions_of(cx.db(), course->id));
  const domain::CourseCheck result = domain::check_course(draft, registration_rules(unit));
  return show_form(cx, form, {}, &result, unit, app::url_for("office.course.update", {course->code}),
                   "修改研習課程（" + course->code + "）", "", 200);
}

core::Response update_course(core::Context& cx) {
  const auto course = load_unit_course(cx);
  if (!course) return cx.not_found();
  if (!may_change(cx.user(), *course)) return cx.forbidden("只有課程承辦人或總負責人可以修改課程。");
  if (course->state != "unconfirmed" && course->state != "returned") {
    return cx.conflict("課程目前為「" + state_of(course->state) + "」，不能修改。");
  }
  CourseForm form = parse_course_form(cx.req().form);
  const sql::UnitRules unit = sql::unit_rules(cx.db(), cx.user().unit_id);
  const std::string action = app::url_for("office.course.update", {course->code});
  const std::string heading = "修改研習課程（" + course->code + "）";
  if (form.action != "submit") {
    const domain::CourseCheck hours_only = domain::check_course(form.draft, registration_rules(unit));
    return show_form(cx, form, {}, &hours_only, unit, action, heading, "", 200);
  }
  domain::CourseCheck result = check(cx, form, unit, false);
  if (!result.ok()) return show_form(cx, form, result.errors, &result, unit, action, heading, "", 422);
  {
    db::Transaction tx(cx.db());
    sql::lock_unit(cx.db(), cx.user().unit_id);
    if (const auto duplicate = duplicate_of(cx, form.draft, course->id)) {
      result.errors.push_back(duplicate_error(*duplicate));
      return show_form(cx, form, result.errors, &result, unit, action, heading, *duplicate, 422);
    }
    // Only while still editable: a reviewer may have acted since the form was loaded.
    const auto current = cx.db().query_one("SELECT state FROM course WHERE id = ? FOR UPDATE", course->id);
    if (!current || current->str(0) != course->state) {
      return cx.conflict("課程狀態已變更（目前為「" + state_of(current ? current->str(0) : "") +
                         "」），您的修改沒有儲存。請重新開啟課程後再試。");
    }
    sql::update_course(cx.db(), course->id, form.draft, declared_hours(form.draft),
                       !result.restricted.empty());
    if (course->state == "returned") {
      sql::transition(cx.db(), course->id, "returned", "unconfirmed", cx.user().id, "修正後重新送出");
    }
    app::access::audit(cx, "course.update", course->code);
    tx.commit();
  }
  sql::sync_search(cx.db(), course->id);
  cx.flash(course->state == "returned" ? "課程已修正並重新送出，等待審課單位確認。" : "課程資料已更新。");
  return cx.see_other(app::url_for("office.course", {course->code}));
}

core::Response delete_course(core::Context& cx) {
  const auto course = load_unit_course(cx);
  if (!course) return cx.not_found();
  if (!may_change(cx.user(), *course)) return cx.forbidden("只有課程承辦人或總負責人可以刪除課程。");
  const auto state = domain::parse_state_code(course->state);
  if (!state || !domain::next_state(*state, domain::CourseAction::kDelete)) {
    return cx.conflict("課程目前為「" + state_of(course->state) + "」，不能刪除。");
  }
  const std::string reason = domain::trim(cx.req().form.get_or("reason"));
  if (reason.empty() || reason.size() > 600) {
    return cx.error(422, "需要刪除理由",
                    reason.empty() ? "請填寫刪除理由（課程登錄錯誤），課程沒有刪除。"
                                   : "刪除理由請在 200 字以內，課程沒有刪除。");
  }
  {
    db::Transaction tx(cx.db());
    if (!sql::transition(cx.db(), course->id, course->state, "deleted", cx.user().id,
                         "課程登錄錯誤：" + reason)) {
      return cx.conflict("課程狀態已被他人變更，沒有刪除。請重新開啟課程確認。");
    }
    app::access::audit(cx, "course.delete", course->code);
    tx.commit();
  }
  sql::sync_search(cx.db(), course->id);
  cx.flash("課程 " + course->code + " 已刪除（課程登錄錯誤）。課程資料與歷程仍保留備查。");
  return cx.see_other(app::url_for("office.course", {course->code}));
}

core::Response transfer_course(core::Context& cx) {
  const auto course = load_unit_course(cx);
  if (!course) return cx.not_found();
  const std::string target = cx.req().form.get_or("to");
  int64_t to = 0;
  for (const auto& o : sql::organizers_of_unit(cx.db(), course->unit_id)) {
    if (std::to_string(o.id) == target && o.id != course->organizer_id) to = o.id;
  }
  if (to == 0) return cx.error(422, "請選擇承辦人", "請選擇本單位另一位承辦人，課程沒有移轉。");
  {
    db::Transaction tx(cx.db());
    if (!sql::transfer_course(cx.db(), course->id, course->organizer_id, to, cx.user().id)) {
      return cx.conflict("課程已結案、已刪除或已被移轉，沒有變更。");
    }
    app::access::audit(cx, "course.transfer", course->code, std::to_string(to));
    tx.commit();
  }
  cx.flash("課程已移轉給新的承辦人。");
  return cx.see_other(app::url_for("office.course", {course->code}));
}

}  // namespace courses
