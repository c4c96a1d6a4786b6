// The second factor of business accounts (雙因素驗證, TOTP with recovery codes): passing it at
// login, setting it up (at login when the role requires it, or on the account's own page), and
// turning it off or renewing the recovery codes.
#pragma once

#include <cstdint>
#include <string>

#include "core/context.h"

namespace accounts {

// After a right password of an account that has, or must have, a second factor: no session
// yet, a challenge (cookie "mfa") and a redirect to the factor's page. False when the account
// needs none (the caller starts the session at once).
bool second_factor_due(core::Context& cx, int64_t account_id);
core::Response challenge(core::Context& cx, int64_t account_id, const std::string& next);

// GET/POST /login/second-factor; GET /login/second-factor/qr.svg while setting one up.
core::Response second_factor_form(core::Context& cx);
core::Response pass_second_factor(core::Context& cx);
core::Response login_setup_qr(core::Context& cx);

// /account/second-factor: the signed-in business account's own page.
core::Response second_factor_page(core::Context& cx);
core::Response account_setup_qr(core::Context& cx);
core::Response enable_second_factor(core::Context& cx);
core::Response renew_recovery_codes(core::Context& cx);
core::Response disable_second_factor(core::Context& cx);

}  // namespace accounts
