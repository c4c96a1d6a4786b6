// Login and logout for both account kinds.
#pragma once

#include "core/context.h"

namespace accounts {

core::Response login_form(core::Context& cx);
core::Response log_in(core::Context& cx);
core::Response logout_form(core::Context& cx);
core::Response log_out(core::Context& cx);

}  // namespace accounts
