// records/records_handlers.h: the teacher's 研習紀錄 (page, CSV, print), 研習證明, the public
// /verify check, and 申請更正 on the no-show light (issue 9, SPEC §6, §11).
#pragma once

#include "core/context.h"
#include "core/response.h"

namespace records {

core::Response records_page(core::Context& cx);   // GET /teacher/records
core::Response records_csv(core::Context& cx);    // GET /teacher/records.csv
core::Response certificate(core::Context& cx);    // GET /teacher/records/{id}/certificate.pdf
core::Response verify_lookup(core::Context& cx);  // GET /verify
core::Response verify_check(core::Context& cx);   // GET /verify/{code}
core::Response correction_request_form(
    core::Context& cx);  // GET /teacher/enrolments/{id}/correction-request
core::Response request_correction(core::Context& cx);  // POST the same

}  // namespace records
