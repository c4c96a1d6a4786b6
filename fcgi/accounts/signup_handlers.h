// 使用者帳號申請 (issue 10) and forgotten passwords: both answer the same whether or not an
// account exists, so neither form tells anyone who has one.
#pragma once

#include <optional>
#include <string>

#include "core/context.h"
#include "core/form.h"
#include "domain/roc_date.h"

namespace accounts {

core::Response signup_form(core::Context& cx);
core::Response sign_up(core::Context& cx);
core::Response confirm_email(core::Context& cx);

core::Response forgot_form(core::Context& cx);
core::Response forgot_password(core::Context& cx);
core::Response reset_form(core::Context& cx);
core::Response reset_password(core::Context& cx);

// The new password of a form's `password` and `password_again` fields, checked against the rules
// (domain/password_rules.h) with the ID (or account name) and birth date it must not contain; the
// errors go beside the fields and both fields are emptied for showing the form again.
void check_new_password(core::Form& form, const std::string& national_id, const std::optional<domain::Date>& birth);

}  // namespace accounts
