// 使用者帳號申請 (issue 10) and forgotten passwords: both answer the same whether or not an
// account exists, so neither form tells anyone who has one.
#pragma once

#include "core/context.h"

namespace accounts {

core::Response signup_form(core::Context& cx);
core::Response sign_up(core::Context& cx);
core::Response confirm_email(core::Context& cx);

core::Response forgot_form(core::Context& cx);
core::Response forgot_password(core::Context& cx);
core::Response reset_form(core::Context& cx);
core::Response reset_password(core::Context& cx);

}  // namespace accounts
