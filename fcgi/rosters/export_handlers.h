// 研習名單匯出 (SPEC §5, issue 9): a course's approved applicants for its own unit's organizers,
// as XLSX, as CSV, and as the printable 簽到表. Every export and view is audited.
#pragma once

#include "core/context.h"

namespace rosters {

core::Response roster_xlsx(core::Context& cx);    // GET /office/courses/{code}/applicants.xlsx
core::Response roster_csv(core::Context& cx);     // GET /office/courses/{code}/applicants.csv
core::Response sign_in_sheet(core::Context& cx);  // GET /office/courses/{code}/sign-in-sheet

}  // namespace rosters
