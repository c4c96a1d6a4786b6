// 線上報名設定 of an approved course (seeds 002, step 三): the window, the online seats, how seats
// are given (先到先得 or 抽籤 with its draw time, issue 8), 自動審核 and its scope, who may apply,
// and the extra information asked. It may change while enrolment runs, never to fewer seats than
// are held and never in how seats are given once enrolment has opened; more seats go at once to
// the waiting list.
#include "enrolment/settings_handlers.h"

#include "app/routes.h"
#include "core/form.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/course_rules.h"
#include "domain/enrolment_rules.h"
#include "domain/roc_date.h"
#include "enrolment/enrolment_handlers.h"
#include "enrolment/enrolment_sql.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"
#include "shared/reference.h"

namespace enrolment {

namespace {

using core::FieldKind;

// ask_<code>: one per question, no / optional / required.
const char* ask_field(const domain::Question& q) {
  static const std::map<std::string, std::string> kNames = [] {
    std::map<std::string, std::string> names;
    for (const auto& each : domain::questions()) names[each.code] = std::string("ask_") + each.code;
    return names;
  }();
  return kNames.at(q.code).c_str();
}

core::FormSpec settings_spec(core::Context& cx) {
  std::vector<std::string> levels(std::begin(domain::kLevelCodes), std::end(domain::kLevelCodes));
  std::vector<std::string> counties;
  for (const auto& c : shared::reference::lists(cx.db())->counties) counties.push_back(std::to_string(c.id));
  core::FormSpec spec = {
      {"enrol_online", "提供線上報名", FieldKind::kFlag},
      {"enrol_opens", "開放報名時間", FieldKind::kDateTime},
      {"enrol_closes", "報名截止時間", FieldKind::kDateTime},
      {"online_seats", "可線上報名人數", FieldKind::kInteger, true, 9999, 0},
      // Left out (as on the page once enrolment has opened): the course's own way and draw time.
      {"seat_mode", "名額分配方式", FieldKind::kChoice, false, 0, 0, {"first_come", "lottery"}, {"先到先得", "抽籤"}},
      {"draw_at", "抽籤時間", FieldKind::kDateTime},
      {"auto_review", "自動審核", FieldKind::kFlag},
      {"auto_review_scope", "自動審核的對象", FieldKind::kChoice, true, 0, 0,
       {"anyone", "own_unit", "own_county"}, {"所有報名者", "本校教師", "本縣市教師"}},
      {"eligible_levels", "可報名的學校層級", FieldKind::kChoices, false, 0, 0, levels},
      {"eligible_counties", "可報名的縣市", FieldKind::kChoices, false, 0, 0, counties},
      {"eligible_units", "可報名的學校", FieldKind::kText, false, 1000},
      {"eligible_positions", "可報名的職位類別", FieldKind::kChoices, false, 0, 0,
       {std::begin(domain::kPositionCodes), std::end(domain::kPositionCodes)}},
  };
  for (const auto& q : domain::questions()) {
    spec.push_back({ask_field(q), q.label, FieldKind::kChoice, true, 0, 0, {"no", "optional", "required"},
                    {"不詢問", "選填", "必填"}});
  }
  return spec;
}

std::string datetime_local(const std::string& iso) {  // "2025-03-01 09:00" → "2025-03-01T09:00"
  return iso.size() >= 16 ? iso.substr(0, 10) + "T" + iso.substr(11, 5) : "";
}

const char* mode_of(const sql::Seats& seats) { return seats.draw.lottery ? "lottery" : "first_come"; }

// Once enrolment has opened (by the database's clock) the way seats are given is promised.
bool draw_fixed(const sql::Seats& seats) {
  return seats.window.opens > 0 && seats.window.now >= seats.window.opens;
}

core::Form form_of(const core::FormSpec& spec, const course_store::Course& c, const sql::Seats& seats) {
  core::Form f(spec);
  f.set_raw("seat_mode", mode_of(seats));
  f.set_raw("draw_at", datetime_local(seats.draw_at));
  f.set_raw("enrol_online", c.enrol_online ? "1" : "");
  f.set_raw("enrol_opens", datetime_local(c.enrol_opens_at));
  f.set_raw("enrol_closes", datetime_local(c.enrol_closes_at));
  f.set_raw("online_seats", std::to_string(c.online_seats));
  f.set_raw("auto_review", c.auto_review ? "1" : "");
  f.set_raw("auto_review_scope", c.auto_review_scope.empty() ? "anyone" : c.auto_review_scope);
  const auto levels = domain::split_set(c.eligible_levels);
  f.set_raw_all("eligible_levels", {levels.begin(), levels.end()});
  f.set_raw("eligible_units", c.eligible_units);
  const auto positions = domain::split_set(c.eligible_positions);
  f.set_raw_all("eligible_positions", {positions.begin(), positions.end()});
  const auto counties = domain::split_set(c.eligible_counties);
  f.set_raw_all("eligible_counties", {counties.begin(), counties.end()});
  const auto asked = domain::parse_asked(c.ask_fields);
  for (const auto& q : domain::questions()) {
    auto it = asked.find(q.code);
    f.set_raw(ask_field(q), it == asked.end()                       ? "no"
                            : it->second == domain::Asked::kRequired ? "required"
                                                                     : "optional");
  }
  return f;
}

core::Response show(core::Context& cx, const course_store::Course& c, const sql::Seats& seats,
                    const core::Form& form, int status) {
  core::Page page(cx, "enrolment/settings.tpl", "線上報名設定：" + c.title);
  auto& body = page.body();
  body.SetValue("CODE", c.code);
  body.SetValue("TITLE", c.title);
  body.SetValue("COURSE_URL", app::url_for("office.course", {c.code}));
  body.SetValue("ACTION", app::url_for("office.course.save_settings", {c.code}));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("FIRST_DATE", shared::roc_date(c.first_date));
  body.SetIntValue("TOTAL_SEATS", c.class_count * c.seats_per_class);
  body.SetIntValue("SEATS_HELD", c.seats_taken);
  shared::fill_form(body, form);
  if (form.flag("enrol_online")) body.ShowSection("ENROL_ONLINE_CHECKED");
  if (form.flag("auto_review")) body.ShowSection("AUTO_REVIEW_CHECKED");
  if (draw_fixed(seats)) {
    auto* fixed = body.AddSectionDictionary("MODE_FIXED");
    fixed->SetValue("MODE", seats.draw.lottery ? "抽籤" : "先到先得");
    if (seats.draw.lottery) fixed->SetValueAndShowSection("DRAW_AT", shared::roc_datetime(seats.draw_at), "LOTTERY");
  } else {
    auto* open = body.AddSectionDictionary("MODE_OPEN");
    std::vector<shared::Option> modes = {{"first_come", "先到先得"}, {"lottery", "抽籤"}};
    shared::fill_options(*open, "MODE_OPTION", modes, {form.raw("seat_mode")});
  }
  std::vector<shared::Option> scopes = {{"anyone", "所有報名者"}, {"own_unit", "本校教師"}, {"own_county", "本縣市教師"}};
  shared::fill_options(body, "SCOPE_OPTION", scopes, {form.raw("auto_review_scope")});
  std::vector<shared::Option> levels, counties;
  for (const char* code : domain::kLevelCodes) levels.push_back({code, shared::level_label(code)});
  shared::fill_options(body, "LEVEL_OPTION", levels, form.raw_all("eligible_levels"));
  for (const auto& county : shared::reference::lists(cx.db())->counties) {
    counties.push_back({std::to_string(county.id), county.name});
  }
  shared::fill_options(body, "COUNTY_OPTION", counties, form.raw_all("eligible_counties"));
  std::vector<shared::Option> positions;
  for (const char* code : domain::kPositionCodes) positions.push_back({code, domain::position_label(code)});
  shared::fill_options(body, "POSITION_OPTION", positions, form.raw_all("eligible_positions"));
  for (const auto& q : domain::questions()) {
    auto* row = body.AddSectionDictionary("QUESTION");
    row->SetValue("NAME", ask_field(q));
    row->SetValue("LABEL", q.label);
    row->SetValue("KIND", q.options.empty() ? "自填" : "選單");
    std::vector<shared::Option> how = {{"no", "不詢問"}, {"optional", "選填"}, {"required", "必填"}};
    shared::fill_options(*row, "HOW", how, {form.raw(ask_field(q))});
  }
  return page.render(status);
}

std::optional<course_store::Course> settable_course(core::Context& cx) {
  auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course || !shared::access::may_change(cx.user(), *course)) return std::nullopt;
  return course;
}

std::string sql_datetime(const std::optional<std::pair<domain::Date, int>>& t) {
  if (!t) return "";
  const int h = t->second / 60, m = t->second % 60;
  return domain::to_iso(t->first) + " " + (h < 10 ? "0" : "") + std::to_string(h) + ":" + (m < 10 ? "0" : "") +
         std::to_string(m) + ":00";
}

// "2025-03-01 09:00" as the course has it → the date and minute the rules compare.
std::optional<std::pair<domain::Date, int>> stored_time(const std::string& iso) {
  const auto day = iso.size() >= 16 ? domain::parse_iso_date(iso.substr(0, 10)) : std::nullopt;
  const auto hour = iso.size() >= 16 ? domain::parse_integer(iso.substr(11, 2), 0, 23) : std::nullopt;
  const auto minute = iso.size() >= 16 ? domain::parse_integer(iso.substr(14, 2), 0, 59) : std::nullopt;
  if (!day || !hour || !minute) return std::nullopt;
  return std::make_pair(*day, static_cast<int>(*hour * 60 + *minute));
}

}  // namespace

core::Response settings_form(core::Context& cx) {
  const auto course = settable_course(cx);
  if (!course) return cx.not_found();
  if (course->state != domain::CourseState::kApproved) {
    return cx.conflict("課程確認通過後才能設定線上報名；目前為「" + shared::course_state_label(course->state) + "」。");
  }
  const auto seats = sql::seats_of(cx.db(), course->code);
  if (!seats) return cx.not_found();
  const core::FormSpec spec = settings_spec(cx);
  return show(cx, *course, *seats, form_of(spec, *course, *seats), 200);
}

core::Response save_settings(core::Context& cx) {
  const auto course = settable_course(cx);
  if (!course) return cx.not_found();
  if (course->state != domain::CourseState::kApproved) {
    return cx.conflict("課程確認通過後才能設定線上報名；目前為「" + shared::course_state_label(course->state) + "」。");
  }
  const auto seats = sql::seats_of(cx.db(), course->code);
  if (!seats) return cx.not_found();
  const core::FormSpec spec = settings_spec(cx);
  core::Form form(spec, cx.req().form);
  const bool online = form.flag("enrol_online");
  // The way seats are given and the draw time: as sent, or the course's own when left out.
  const std::string stored_mode = mode_of(*seats);
  std::string mode = form.text("seat_mode").empty() ? stored_mode : form.text("seat_mode");
  auto draw = cx.req().form.all("draw_at").empty() ? stored_time(seats->draw_at) : form.date_time("draw_at");
  if (!online) {  // kept as they were, like the window
    mode = stored_mode;
    draw = stored_time(seats->draw_at);
  }
  if (mode != "lottery") draw.reset();
  if (online && form.ok()) {
    domain::WindowSettings w;
    w.opens = form.date_time("enrol_opens");
    w.closes = form.date_time("enrol_closes");
    w.opens_unchanged = datetime_local(course->enrol_opens_at) == form.text("enrol_opens");
    w.first_day = domain::parse_iso_date(course->first_date).value_or(domain::Date{1970, 1, 1});
    w.today = domain::parse_iso_date(cx.today()).value_or(domain::Date{1970, 1, 1});
    w.online_seats = static_cast<int>(form.integer("online_seats").value_or(0));
    w.total_seats = course->class_count * course->seats_per_class;
    w.seats_held = course->seats_taken;
    w.lottery = mode == "lottery";
    w.draw = draw;
    w.draw_fixed = draw_fixed(*seats);
    w.draw_changed = mode != stored_mode || sql_datetime(draw) != sql_datetime(stored_time(seats->draw_at));
    form.errors().add_all(domain::check_settings(w));
  }
  // Each 學校代碼 typed must be a unit's.
  const std::set<std::string> unit_codes = domain::split_typed_codes(form.text("eligible_units"));
  if (const auto unknown = sql::unknown_unit_codes(cx.db(), unit_codes); !unknown.empty()) {
    std::string listed;
    for (const auto& code : unknown) listed += (listed.empty() ? "" : "、") + code;
    form.errors().add("eligible_units", "查無這些學校代碼：" + listed + "。請確認後再儲存。");
  }
  if (!form.ok()) {
    form.errors().add("form", "線上報名設定沒有儲存。");
    return show(cx, *course, *seats, form, 422);
  }
  sql::Settings s;
  s.enrol_online = online;
  s.opens = online ? sql_datetime(form.date_time("enrol_opens")) : sql_datetime(std::nullopt);
  s.closes = online ? sql_datetime(form.date_time("enrol_closes")) : sql_datetime(std::nullopt);
  if (!online) {  // kept as they were: turning online enrolment off forgets nothing
    s.opens = course->enrol_opens_at.empty() ? "" : course->enrol_opens_at + ":00";
    s.closes = course->enrol_closes_at.empty() ? "" : course->enrol_closes_at + ":00";
  }
  s.online_seats = static_cast<int>(form.integer("online_seats").value_or(course->online_seats));
  s.seat_mode = mode;
  s.draw_at = sql_datetime(draw);
  s.new_seed = core::random_token();  // used only when 抽籤 is chosen now (enrolment_sql.h)
  s.auto_review = form.flag("auto_review");
  s.auto_scope = form.text("auto_review_scope");
  std::map<std::string, domain::Asked> asked;
  for (const auto& q : domain::questions()) {
    const std::string how = form.text(ask_field(q));
    asked[q.code] = how == "required" ? domain::Asked::kRequired : how == "optional" ? domain::Asked::kOptional
                                                                                    : domain::Asked::kNo;
  }
  s.ask_fields = domain::format_asked(asked);
  const auto levels = form.values("eligible_levels");
  s.eligible_levels = domain::join_set({levels.begin(), levels.end()});
  const auto counties = form.values("eligible_counties");
  s.eligible_counties = domain::join_set({counties.begin(), counties.end()});
  s.eligible_units = domain::join_set(unit_codes);
  const auto positions = form.values("eligible_positions");
  s.eligible_positions = domain::join_set({positions.begin(), positions.end()});
  int promoted = 0;
  {
    db::Transaction tx(cx.db());
    sql::lock_course(cx.db(), course->id);  // the course first, like every change to its seats
    if (!sql::save_settings(cx.db(), course->id, s)) {
      return cx.conflict("報名狀況已有變動：可線上報名人數不可少於目前已占用的名額，開放報名後也不能變更名額分配方式與抽籤時間；設定沒有儲存，請重新開啟後再試。");
    }
    // More seats go at once to the waiting list, in its order (SPEC §11).
    const auto seats = *sql::lock_course(cx.db(), course->id);
    while (const auto p = sql::promote_next(cx.db(), seats)) {
      notify_promoted(cx, *p, seats);
      ++promoted;
    }
    shared::access::audit(cx, "enrolment.settings", course->code);
    tx.commit();
  }
  cx.flash("線上報名設定已儲存。" + (promoted ? "候補遞補 " + std::to_string(promoted) + " 位，已通知。" : std::string()));
  return cx.see_other(app::url_for("office.course", {course->code}));
}

}  // namespace enrolment
