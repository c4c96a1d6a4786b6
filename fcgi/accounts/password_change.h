// 變更登入密碼 (issue 10) for teachers (/teacher/password) and business accounts
// (/account/password): one flow. The current password is asked again and a wrong one counts as a
// failed login; the new one follows the sign-up rules; on success every other session of the
// user ends, this one continues under a new session id, and the account's e-mail is told.
#pragma once

#include "core/context.h"

namespace accounts {

core::Response password_form(core::Context& cx);    // GET
core::Response change_password(core::Context& cx);  // POST

}  // namespace accounts
