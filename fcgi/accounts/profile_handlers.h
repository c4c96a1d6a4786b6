// 修改個人基本資料 (issue 10): a teacher's contact data at /teacher/profile. The 身分證字號 and
// name as registered are shown, never edited here. A phone is saved at once, normalised
// (domain/phone.h); a new e-mail address takes effect only when the single-use link mailed to it
// is followed within 24 hours: until then the old address stays, and it is told of the change.
#pragma once

#include "core/context.h"

namespace accounts {

core::Response profile(core::Context& cx);         // GET  /teacher/profile
core::Response update_profile(core::Context& cx);  // POST /teacher/profile

// The mailed link: GET shows what it would do and a button, POST (with the CSRF token of whoever
// opened it, signed in or not) sets the address. A used, expired or unknown link is a 410 that
// changes nothing.
core::Response email_change_form(core::Context& cx);     // GET  /email/confirm/{token}
core::Response confirm_email_change(core::Context& cx);  // POST /email/confirm/{token}

}  // namespace accounts
