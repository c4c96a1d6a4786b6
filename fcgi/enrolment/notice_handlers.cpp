// The 錄取通知, its calendar file and its public check. Only the teacher's own approved enrolment
// has a notice (anything else is a 404, revealing nothing); the check shows the course and a
// masked name, never more (個人資料保護法).
#include "enrolment/notice_handlers.h"

#include <optional>
#include <string>
#include <vector>

#include "app/routes.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/admission_notice.h"
#include "domain/course_rules.h"
#include "domain/ics.h"
#include "domain/validation.h"
#include "enrolment/notice_sql.h"
#include "enrolment/notice_text.h"
#include "shared/code_lookup.h"
#include "shared/course_store.h"
#include "shared/labels.h"

namespace enrolment {

namespace {

const shared::code_lookup::Lookup kLookup = {"enrolment/notice_check.tpl", "錄取通知查驗", "notice.lookup",
                                             "notice.check", "錄取通知"};

using domain::EnrolmentStatus;

struct Admitted {
  sql::Admission who;
  course_store::Course course;
  std::vector<course_store::Session> sessions;
};

// The signed-in teacher's own enrolment of {id}, approved; nothing otherwise (the caller's 404).
std::optional<Admitted> own_approved(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 9'000'000'000'000'000'000LL);
  auto who = id ? sql::admission_of(cx.db(), *id, cx.user().id) : std::nullopt;
  if (!who || who->status != EnrolmentStatus::kApproved) return std::nullopt;
  auto course = course_store::find(cx.db(), who->course_code);
  if (!course) return std::nullopt;
  auto sessions = course_store::sessions_of(cx.db(), course->id);
  return Admitted{std::move(*who), std::move(*course), std::move(sessions)};
}

// The notice's verification code: an HMAC with the server's secret of what the notice is about,
// kept at its first showing so that the public check can find it.
std::string notice_code_of(core::Context& cx, const sql::Admission& a) {
  if (!a.notice_code.empty()) return a.notice_code;
  const std::string code = domain::notice_code_from_mac(core::hmac_sha256_b64(
      cx.config().secret, "notice:" + std::to_string(a.enrolment_id) + ":" + a.course_code + ":" +
                              std::to_string(a.teacher_id)));
  sql::keep_notice_code(cx.db(), a.enrolment_id, code);
  return code;
}

std::string dates_of(const std::string& first, const std::string& last) {
  return shared::roc_date(first) + (last != first ? "–" + shared::roc_date(last) : "");
}

}  // namespace

core::Response notice(core::Context& cx) {
  const auto a = own_approved(cx);
  if (!a) return cx.not_found();
  const course_store::Course& c = a->course;
  const std::string code = domain::group_notice_code(notice_code_of(cx, a->who));
  core::Page page(cx, "enrolment/notice.tpl", "研習錄取通知");
  auto& body = page.body();
  body.SetValue("TEACHER_NAME", a->who.teacher_name);
  body.SetValue("TEACHER_UNIT",
                a->who.teacher_unit.empty() ? "（無服務單位）" : a->who.teacher_unit);
  if (!a->who.title_name.empty())
    body.SetValueAndShowSection("TITLE_NAME", a->who.title_name, "HAS_TITLE");
  body.SetValue("CODE", c.code);
  body.SetValue("COURSE_TITLE", c.title);
  body.SetValue("UNIT", c.unit_name);
  body.SetValue("DATES", dates_of(c.first_date, c.last_date));
  body.SetValue("HOURS", shared::hours_label(c.hours, c.credits));
  body.SetValue("BASIS_DOC", basis_doc_of(c));
  body.SetValue("APPROVED_ON", shared::roc_date(a->who.approved_on));
  body.SetValue("CONTACT", contact_of(c));
  for (const auto& s : a->sessions) {
    auto* row = body.AddSectionDictionary("SESSION");
    row->SetValue("DATE", session_date(s.date));
    row->SetValue("TIME", s.starts_at + "–" + s.ends_at);
    row->SetValue("PLACE", s.place);
  }
  body.SetIntValue("SESSION_COUNT", static_cast<long>(a->sessions.size()));
  const std::string check_path = app::url_for("notice.check", {code});
  body.SetValue("NOTICE_CODE", code);
  body.SetValue("CHECK_PATH", check_path);
  body.SetValue("CHECK_URL", cx.config().base_url + check_path);
  body.SetValue("LOOKUP_URL", cx.config().base_url + app::url_for("notice.lookup"));
  body.SetValue("CALENDAR_URL",
                app::url_for("enrolment.calendar", {std::to_string(a->who.enrolment_id)}));
  body.SetValue("COURSE_URL", app::url_for("course.show", {c.code}));
  body.SetValue("TEACHER_URL", app::url_for("teacher.home"));
  return page.render();
}

core::Response calendar(core::Context& cx) {
  const auto a = own_approved(cx);
  if (!a) return cx.not_found();
  const course_store::Course& c = a->course;
  domain::IcsCalendar cal;
  cal.product_id = "-//全國教師在職進修資訊網//研習行事曆//ZH-TW";
  cal.name = c.title;
  cal.stamp = sql::utc_stamp(cx.db());
  cal.events = calendar_events(c, a->sessions, cx.config().base_url, true);
  core::Response r = core::Response::file("text/calendar; charset=utf-8",
                                          "course-" + c.code + ".ics", domain::render_ics(cal));
  r.header("Cache-Control", "no-store");  // the teacher's own admission
  return r;
}

core::Response notice_lookup(core::Context& cx) {
  return shared::code_lookup::answer(cx, kLookup);
}

core::Response check_notice(core::Context& cx) {
  const auto code = domain::parse_notice_code(cx.param("code"));
  const auto found = code ? sql::notice_by_code(cx.db(), *code) : std::nullopt;
  core::Page page(cx, "enrolment/notice_check.tpl", "錄取通知查驗");
  auto& body = page.body();
  if (!found) {
    body.SetValueAndShowSection("TYPED", cx.param("code"), "UNKNOWN");
    shared::code_lookup::fill_form(body, kLookup);
    return page.render(404);
  }
  const bool valid = found->status == EnrolmentStatus::kApproved;
  auto* result = body.AddSectionDictionary("FOUND");
  result->SetValue("VERDICT", valid ? "valid" : "void");
  result->ShowSection(valid ? "VALID" : "VOID");
  result->SetValue("NOTICE_CODE", domain::group_notice_code(*code));
  result->SetValue("STATUS", domain::enrolment_status_label(found->status));
  result->SetValue("COURSE_CODE", found->course_code);
  result->SetValue("COURSE_TITLE", found->course_title);
  result->SetValue("UNIT", found->unit_name);
  result->SetValue("DATES", dates_of(found->first_date, found->last_date));
  result->SetValue("MASKED_NAME", domain::mask_name(found->teacher_name));
  shared::code_lookup::fill_form(body, kLookup);
  return page.render();
}

}  // namespace enrolment
