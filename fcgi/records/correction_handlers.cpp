// 申請更正 (SPEC §6 forgiving light, §11): beside a course behind the no-show light, the teacher
// asks the course's contacts to check the roster. One open request per enrolment; anything but
// the teacher's own missed course is a 404.
#include "app/routes.h"
#include "core/form.h"
#include "core/view.h"
#include "domain/validation.h"
#include "mail/mail.h"
#include "records/records_handlers.h"
#include "records/records_sql.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"

namespace records {

namespace {

const core::FormSpec kRequestForm = {
    {"reason", "更正說明", core::FieldKind::kText, true, 300},
};

std::optional<sql::MissedEnrolment> own_missed(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 9'000'000'000'000'000'000LL);
  return id ? sql::missed_enrolment(cx.db(), *id, cx.user().id) : std::nullopt;
}

std::string dates_of(const sql::MissedEnrolment& m) {
  return shared::roc_date(m.first_date) +
         (m.last_date != m.first_date ? "–" + shared::roc_date(m.last_date) : "");
}

core::Response show_form(core::Context& cx, const sql::MissedEnrolment& m, const core::Form& form,
                         int status) {
  core::Page page(cx, "records/correction_request.tpl", "申請更正");
  auto& body = page.body();
  body.SetValue("COURSE_TITLE", m.course_title);
  body.SetValue("COURSE_CODE", m.course_code);
  body.SetValue("UNIT", m.unit_name);
  body.SetValue("DATES", dates_of(m));
  body.SetValue("TEACHER_URL", app::url_for("teacher.home"));
  if (m.open_request) {
    body.ShowSection("ALREADY");
  } else {
    auto* f = body.AddSectionDictionary("FORM");
    f->SetValue("ACTION",
                app::url_for("enrolment.correction_request", {std::to_string(m.enrolment_id)}));
    f->SetValue("CSRF_TOKEN", cx.csrf_token());
    shared::fill_form(*f, form);
  }
  return page.render(status);
}

std::string request_mail(const sql::MissedEnrolment& m, const std::string& reason,
                         const std::string& base_url) {
  return "承辦人您好：\n\n" + m.teacher_name + " 老師報名並經錄取的研習「" + m.course_title +
         "」（" + m.course_code + "，" + dates_of(m) +
         "）已結案，但沒有核發研習時數，因此列入「報名但未參與研習」燈號。老師提出更正申請，請查核"
         "研習名單：\n\n" +
         reason + "\n\n如老師確有參與，請依規定補發時數；更正申請可在課程頁查看：\n" + base_url +
         app::url_for("office.course", {m.course_code}) +
         "\n\n全國教師在職進修資訊網（本信由系統自動寄出，請勿直接回覆）\n";
}

}  // namespace

core::Response correction_request_form(core::Context& cx) {
  const auto m = own_missed(cx);
  if (!m) return cx.not_found();
  return show_form(cx, *m, core::Form(kRequestForm), 200);
}

core::Response request_correction(core::Context& cx) {
  const auto m = own_missed(cx);
  if (!m) return cx.not_found();
  if (m->open_request) return show_form(cx, *m, core::Form(kRequestForm), 409);
  core::Form form(kRequestForm, cx.req().form);
  if (!form.ok()) return show_form(cx, *m, form, 422);

  db::Transaction tx(cx.db());
  if (!sql::add_correction_request(cx.db(), m->enrolment_id, form.text("reason"))) {
    auto again = *m;
    again.open_request = true;  // a second submission raced the first
    return show_form(cx, again, form, 409);
  }
  for (const std::string& to : m->contact_emails) {
    if (!domain::is_valid_email(to)) continue;
    mail::enqueue(cx.db(), {to,
                            "【全國教師在職進修資訊網】研習時數更正申請：" + m->course_title +
                                "（" + m->course_code + "）",
                            request_mail(*m, form.text("reason"), cx.config().base_url)});
  }
  shared::access::audit(cx, "enrolment.correction_request", m->course_code,
                        std::to_string(m->enrolment_id));
  tx.commit();
  cx.flash("已送出更正申請，開課單位將查核研習名單。");
  return cx.see_other(app::url_for("teacher.home"));
}

}  // namespace records
