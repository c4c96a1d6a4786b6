// /verify: anyone holding a 研習證明's code sees the record's course, hours and date, and nothing
// else about the teacher (個人資料保護法); a corrected record says so and shows the current value.
// Follows /notices (enrolment/notice_handlers.cpp): typed codes are read by parse_notice_code.
#include "app/routes.h"
#include "core/view.h"
#include "domain/admission_notice.h"
#include "records/records_handlers.h"
#include "records/records_sql.h"
#include "shared/code_lookup.h"
#include "shared/labels.h"

namespace records {

namespace {

const shared::code_lookup::Lookup kLookup = {"records/verify.tpl", "研習證明查驗", "verify.lookup",
                                             "verify.check", "研習證明"};

}  // namespace

core::Response verify_lookup(core::Context& cx) {
  return shared::code_lookup::answer(cx, kLookup);
}

core::Response verify_check(core::Context& cx) {
  const auto code = domain::parse_notice_code(cx.param("code"));
  const auto found = code ? sql::record_by_code(cx.db(), *code) : std::nullopt;
  core::Page page(cx, "records/verify.tpl", "研習證明查驗");
  auto& body = page.body();
  if (!found) {
    body.SetValueAndShowSection("TYPED", cx.param("code"), "UNKNOWN");
    shared::code_lookup::fill_form(body, kLookup);
    return page.render(404);
  }
  auto* result = body.AddSectionDictionary("FOUND");
  result->SetValue("VERDICT", found->superseded ? "corrected" : "valid");
  result->SetValue("CODE", domain::group_notice_code(*code));
  result->SetValue("COURSE_TITLE", found->title);
  result->SetValue("COURSE_CODE",
                   found->course_code.empty() ? "（非本網課程）" : found->course_code);
  result->SetValue("HOURS", shared::hours_label(found->hours, found->credits));
  result->SetValue("COMPLETED_ON", shared::roc_date(found->completed_on));
  if (found->superseded) {
    auto* later = result->AddSectionDictionary("SUPERSEDED");
    later->SetValue("CURRENT_HOURS",
                    shared::hours_label(found->current_hours, found->current_credits));
    later->SetValue("CURRENT_CODE", domain::group_notice_code(found->current_code));
  } else {
    result->ShowSection("VALID");
  }
  shared::code_lookup::fill_form(body, kLookup);
  return page.render();
}

}  // namespace records
