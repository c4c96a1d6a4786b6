#include "rosters/record_corrections.h"

#include "app/routes.h"
#include "core/form.h"
#include "core/view.h"
#include "domain/national_id.h"
#include "domain/validation.h"
#include "records/record_writer.h"
#include "records/records_sql.h"
#include "rosters/roster_sql.h"
#include "rosters/roster_view.h"
#include "shared/access.h"
#include "shared/course_store.h"
#include "shared/form_view.h"

namespace rosters {

namespace {

namespace store = course_store;
using domain::CourseState;

int course_units(const store::Course& c) { return c.credits > 0 ? c.credits : c.hours; }
const char* unit_word(const store::Course& c) { return c.credits > 0 ? "學分" : "小時"; }

core::FormSpec fix_spec(const store::Course& c) {
  return {{"units", c.credits > 0 ? "更正後學分" : "更正後時數", core::FieldKind::kInteger, true, course_units(c), 0},
          {"reason", "更正理由", core::FieldKind::kText, true, 300}};
}

core::FormSpec late_spec(const store::Course& c) {
  return {{"enrolment", "教師", core::FieldKind::kInteger, true, 9223372036854775807LL, 1},
          {"units", c.credits > 0 ? "核發學分" : "核發時數", core::FieldKind::kInteger, true, course_units(c), 1},
          {"reason", "補登理由", core::FieldKind::kText, true, 300}};
}

// The page; `refused` is the form sent back (with `refused_id` the record it was about, 0 for 補登).
core::Response show_page(core::Context& cx, const store::Course& course, const core::Form* refused,
                         int64_t refused_id, int status) {
  core::Page page(cx, "rosters/records.tpl", "研習紀錄更正：" + course.title);
  auto& body = page.body();
  roster_view::fill_heading(body, course);
  body.SetValue("ROSTER_URL", app::url_for("office.course.roster", {course.code}));
  body.SetValue("UNIT_WORD", unit_word(course));
  body.SetIntValue("MOST", course_units(course));
  const std::string csrf = cx.csrf_token();
  if (refused) shared::fill_errors(body, refused->errors());
  const core::FormSpec fix = fix_spec(course);
  for (const auto& r : sql::issued_records(cx.db(), course.id)) {
    auto* row = body.AddSectionDictionary("RECORD");
    row->SetIntValue("ID", r.id);
    row->SetValue("NAME", r.name);
    row->SetValue("UNIT", r.unit_name);
    row->SetValue("NATIONAL_ID", r.national_id);
    row->SetIntValue("RECORD_UNITS", course.credits > 0 ? r.credits : r.hours);
    if (!r.reason.empty()) {
      auto* note = row->AddSectionDictionary("NOTE");
      note->SetValue("REASON", r.reason);
      note->SetValue("BY", r.made_by);
      note->SetValue("KIND", r.correction_no > 0 ? "第 " + std::to_string(r.correction_no) + " 次更正" : "補登");
    }
    row->SetValue("ACTION", app::url_for("office.course.correct_record", {course.code, std::to_string(r.id)}));
    row->SetValue("CSRF_TOKEN", csrf);
    const core::Form blank(fix);
    shared::fill_form(*row, refused && refused_id == r.id ? *refused : blank);
  }
  const auto missed = sql::missed(cx.db(), course.id);
  if (!missed.empty()) {
    auto* late = body.AddSectionDictionary("LATE");
    late->SetValue("ACTION", app::url_for("office.course.add_record", {course.code}));
    late->SetValue("CSRF_TOKEN", csrf);
    const core::FormSpec spec = late_spec(course);
    const core::Form blank(spec);
    const core::Form& form = refused && refused_id == 0 ? *refused : blank;
    shared::fill_form(*late, form);
    std::vector<shared::Option> options;
    for (const auto& m : missed) {
      options.push_back({std::to_string(m.enrolment_id),
                         m.name + "（" + m.unit_name + "，" + domain::mask_national_id(m.national_id) + "）"});
    }
    shared::fill_options(*late, "TEACHER", options, {form.raw("enrolment")});
  }
  shared::access::audit(cx, "records.view", course.code);
  return page.render(status);
}

std::optional<core::Response> refusal(core::Context& cx, const store::Course& course) {
  if (!shared::access::may_change(cx.user(), course)) {
    return cx.forbidden("只有課程承辦人或總負責人可以更正研習紀錄。");
  }
  if (course.state != CourseState::kClosed) {
    return cx.conflict("研習紀錄在名單確認通過（結案）後才會核發；結案前請在「編輯研習教師資料」修改名單。");
  }
  return std::nullopt;
}

}  // namespace

core::Response course_records(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (auto refused = refusal(cx, *course)) return std::move(*refused);
  return show_page(cx, *course, nullptr, 0, 200);
}

core::Response correct_record(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  const auto id = domain::parse_integer(cx.param("id"), 1, 9223372036854775807LL);
  if (!course || !id) return cx.not_found();
  if (auto refused = refusal(cx, *course)) return std::move(*refused);
  const auto record = sql::issued_record(cx.db(), course->id, *id);
  if (!record) return cx.not_found();
  const core::FormSpec spec = fix_spec(*course);
  core::Form form(spec, cx.req().form);
  const int current = course->credits > 0 ? record->credits : record->hours;
  if (form.ok() && form.integer("units") == current) {
    form.errors().add("units", "更正後的" + std::string(course->credits > 0 ? "學分" : "時數") + "與目前相同，沒有更正。");
  }
  if (!form.ok()) {
    form.errors().add("form", "沒有更正，請修正後再送出。");
    return show_page(cx, *course, &form, *id, 422);
  }
  const int units = static_cast<int>(*form.integer("units"));
  {
    db::Transaction tx(cx.db());
    records::Correction c;
    c.corrects_id = record->id;
    c.hours = course->credits > 0 ? 0 : units;
    c.credits = course->credits > 0 ? units : 0;
    c.reason = form.text("reason");
    c.made_by = cx.user().id;
    if (!records::correct(cx.db(), c)) {
      return cx.conflict("這筆紀錄剛被更正過，您的更正沒有寫入。請重新開啟頁面，更正最新的一筆。");
    }
    records::sql::resolve_requests(cx.db(), course->id, record->teacher_id);  // the 申請更正 it answers
    shared::access::audit(cx, "records.correct", course->code, "record=" + std::to_string(record->id));
    tx.commit();
  }
  cx.flash("已更正 " + record->name + " 的研習紀錄：" + std::to_string(current) + " → " + std::to_string(units) + " " +
           unit_word(*course) + "。原紀錄保留，教師的研習紀錄顯示更正理由。");
  return cx.see_other(app::url_for("office.course.records", {course->code}));
}

core::Response add_late_record(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (auto refused = refusal(cx, *course)) return std::move(*refused);
  const core::FormSpec spec = late_spec(*course);
  core::Form form(spec, cx.req().form);
  std::optional<sql::Missed> who;
  if (form.ok()) {
    for (const auto& m : sql::missed(cx.db(), course->id)) {
      if (m.enrolment_id == *form.integer("enrolment")) who = m;
    }
    if (!who) form.errors().add("enrolment", "這位教師不是本課程審核通過、尚無研習紀錄的報名者。");
  }
  if (!form.ok()) {
    form.errors().add("form", "沒有補登，請修正後再送出。");
    return show_page(cx, *course, &form, 0, 422);
  }
  const int units = static_cast<int>(*form.integer("units"));
  {
    db::Transaction tx(cx.db());
    records::NewRecord r;
    r.teacher_id = who->teacher_id;
    r.course_id = course->id;
    r.source = "portal";
    r.title = course->title;
    r.hours = course->credits > 0 ? 0 : units;
    r.credits = course->credits > 0 ? units : 0;
    r.completed_on = course->last_date;
    r.issued_by = cx.user().id;
    r.note = "補登：" + form.text("reason");
    if (!records::issue(cx.db(), r)) return cx.conflict("這位教師剛取得這門研習的紀錄，沒有重複補登。");
    records::sql::resolve_requests(cx.db(), course->id, who->teacher_id);
    shared::access::audit(cx, "records.add_late", course->code, "teacher=" + std::to_string(who->teacher_id));
    tx.commit();
  }
  cx.flash("已為 " + who->name + " 補登 " + std::to_string(units) + " " + unit_word(*course) +
           "，教師的「報名但未參與」燈號隨即更新。");
  return cx.see_other(app::url_for("office.course.records", {course->code}));
}

}  // namespace rosters
