// 教師帳號個人化專屬首頁: the no-show light (SPEC §6), enrolments, records by year.
#include "teacher/teacher_handlers.h"

#include "shared/caches.h"
#include "shared/labels.h"
#include "shared/light_view.h"
#include "app/routes.h"
#include "core/fragment_cache.h"
#include "core/view.h"
#include "domain/enrolment_rules.h"
#include "domain/lights.h"
#include "teacher/teacher_sql.h"

namespace teacher {

namespace {
const char* source_label(const std::string& source) {
  if (source == "portal") return "本網";
  if (source == "partner") return "合作網站";
  if (source == "county") return "縣市系統";
  if (source == "civil_service") return "公務人員終身學習入口網";
  return "其他";
}

void fill_course_line(ctemplate::TemplateDictionary& row, const sql::CourseLine& c) {
  row.SetValue("URL", app::url_for("course.show", {c.code}));
  row.SetValue("CODE", c.code);
  row.SetValue("TITLE", c.title);
  row.SetValue("UNIT", c.unit_name);
  row.SetValue("DATES", shared::roc_date(c.first_date) +
                            (c.last_date != c.first_date ? "–" + shared::roc_date(c.last_date) : ""));
  row.SetValue("STATUS", shared::enrolment_status_label(c.status));
}


// The page body of one teacher, from the database.
std::optional<std::string> render_home(core::Context& cx) {
  const auto profile = sql::find_profile(cx.db(), cx.user().id);
  if (!profile) return std::nullopt;
  ctemplate::TemplateDictionary body("teacher_home");
  body.SetValue("NAME", profile->name);
  body.SetValue("UNIT", profile->has_unit ? profile->unit_name : "（無服務單位）");
  body.SetValue("EMPLOYMENT", shared::employment_label(profile->employment));
  body.SetValue("TITLE_NAME", profile->title_name);
  body.SetValue("PARTNERS_URL", app::url_for("teacher.partners"));
  body.SetValue("RECORDS_URL", app::url_for("teacher.records"));

  if (cx.user().records_only) {
    // 第5條 as amended: not 在職 (or no unit) means reading one's records only.
    auto* locked = body.AddSectionDictionary("RECORDS_ONLY");
    locked->SetValue("EMPLOYMENT", shared::employment_label(profile->employment));
    locked->SetValue("REASON", profile->employment_note.empty()
                                   ? (profile->has_unit ? "" : "目前沒有服務單位。")
                                   : profile->employment_note);
    if (const auto master = sql::unit_master(cx.db(), cx.user().id)) {
      auto* who = locked->AddSectionDictionary("MASTER");
      who->SetValue("MASTER_NAME", master->name);
      who->SetValue("MASTER_PHONE", master->phone);
      who->SetValue("MASTER_UNIT", master->unit_name);
    } else {
      locked->SetValueAndShowSection("UNIT_ACCOUNTS_URL", app::url_for("units.accounts"), "NO_MASTER");
    }
  } else {
    auto* active = body.AddSectionDictionary("ACTIVE");
    const auto missed = sql::missed_courses(cx.db(), cx.user().id);
    const domain::Light light = domain::teacher_light(static_cast<int>(missed.size()));
    shared::fill_light(*active, light,
                    "今年報名但未參與研習 " + std::to_string(missed.size()) + " 堂");
    for (const auto& m : missed) {
      auto* row = active->AddSectionDictionary("MISSED");
      fill_course_line(*row, m);
      // SPEC §11: forgiving, each course can be put to its organizer; a link, as for 取消報名.
      if (m.correction_requested) {
        row->ShowSection("REQUESTED");
      } else {
        row->SetValueAndShowSection(
            "REQUEST_URL",
            app::url_for("enrolment.correction_request_form", {std::to_string(m.enrolment_id)}),
            "CAN_REQUEST");
      }
    }
    if (missed.empty()) active->ShowSection("NO_MISSED");
    const auto enrolled = sql::enrolments(cx.db(), cx.user().id, 20);
    for (const auto& e : enrolled) {
      auto* row = active->AddSectionDictionary("ENROLMENT");
      fill_course_line(*row, e);
      const auto status = domain::parse_enrolment_status(e.status);
      if (status && *status == domain::EnrolmentStatus::kWaiting) {
        row->SetIntValue("POSITION", e.waiting_position);
        row->ShowSection("WAITING");
      }
      if (status && *status == domain::EnrolmentStatus::kApproved) {
        auto* admitted = row->AddSectionDictionary("APPROVED");
        admitted->SetValue("NOTICE_URL", app::url_for("enrolment.notice", {std::to_string(e.id)}));
        admitted->SetValue("CALENDAR_URL",
                           app::url_for("enrolment.calendar", {std::to_string(e.id)}));
      }
      // A link, not a form: this body is cached per teacher, a form's token is per session.
      if (status && domain::may_cancel(*status, e.now, e.first_session_start)) {
        row->SetValueAndShowSection("CANCEL_URL",
                                    app::url_for("enrolment.cancel_form", {std::to_string(e.id)}),
                                    "CAN_CANCEL");
      }
    }
    if (enrolled.empty()) active->ShowSection("NO_ENROLMENTS");
    active->SetValue("SEARCH_URL", app::url_for("course.search"));
  }

  const auto records = sql::record_summary(cx.db(), cx.user().id, 10);
  for (const auto& t : records.years) {
    auto* row = body.AddSectionDictionary("YEAR");
    row->SetIntValue("ROC_YEAR", t.year - 1911);
    row->SetIntValue("RECORDS", t.records);
    row->SetIntValue("HOURS", t.hours);
    row->SetIntValue("CREDITS", t.credits);
  }
  if (records.years.empty()) body.ShowSection("NO_RECORDS");
  for (const auto& r : records.recent) {
    auto* row = body.AddSectionDictionary("RECORD");
    row->SetValue("TITLE", r.title);
    row->SetValue("DATE", shared::roc_date(r.completed_on));
    row->SetValue("SOURCE", source_label(r.source));
    row->SetValue("HOURS", shared::hours_label(r.hours, r.credits));
  }
  return core::render_template("teacher/home.tpl", body);
}

}  // namespace

core::Response home(core::Context& cx) {
  const std::string key = std::to_string(cx.user().id);
  // Triggers bump home_version on every write behind this page; the date and a minute's age
  // cover the rest, such as a renamed unit (shared/caches.h).
  const std::string validator =
      std::to_string(cx.user().home_version) + "|" + cx.user().db_today +
      (cx.user().records_only ? "|r" : "");
  const bool no_message = !cx.req().cookie("flash");
  const std::string page_key = key + "|" + cx.session_cookie();
  if (no_message) {
    if (const auto hit = shared::caches::teacher_pages().get(page_key, validator)) {
      core::Response r = core::Response::html(200, hit->html);
      r.header("Cache-Control", "no-store");
      return r;
    }
  }
  auto body = shared::caches::teacher_bodies().get(key, validator);
  if (!body) {
    auto html = render_home(cx);
    if (!html) return cx.not_found();
    body = core::FragmentCache::Entry{"", std::move(*html)};
    shared::caches::teacher_bodies().put(key, validator, *body);
  }
  core::Page page(cx, "partials/raw.tpl", "教師個人化專屬首頁");
  page.use_rendered_body(body->html);
  core::Response response = page.render();
  if (no_message) shared::caches::teacher_pages().put(page_key, validator, {"", response.body});
  return response;
}

}  // namespace teacher
