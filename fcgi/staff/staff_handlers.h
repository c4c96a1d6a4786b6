// 本單位教師帳號管理 (issue 10): the unit's 總負責人 lists the unit's teachers, edits 職位類別,
// 職稱 and 任教科目, records 離職 / 轉校 / 退休 / 未續聘 / 停職, and registers a teacher (教師資料登錄).
#pragma once

#include "core/context.h"

namespace staff {

// GET /office/teachers: the unit's teachers, name filter (q), page size (size) and paging (page).
core::Response teachers(core::Context& cx);
// GET /office/teachers/{id}: one teacher of the unit, its two forms and its changes; 404 otherwise.
core::Response teacher(core::Context& cx);
// POST /office/teachers/{id}: 職位類別, 職稱, 任教科目.
core::Response update_teacher(core::Context& cx);
// POST /office/teachers/{id}/employment: a departure with its date; the account is records-only
// from the teacher's next request (the sessions end).
core::Response record_departure(core::Context& cx);
// GET and POST /office/teachers/new: 教師資料登錄 by 身分證字號: attaches an account without a
// serving unit, refuses one still of another school, else creates the account and mails the teacher.
core::Response new_teacher(core::Context& cx);
core::Response register_teacher(core::Context& cx);

}  // namespace staff
