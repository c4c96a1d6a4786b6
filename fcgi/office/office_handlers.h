// The business account's pages.
#pragma once

#include "core/context.h"

namespace office {

// GET /office: the unit light (業務帳號燈號訊息服務管理) and the unit's courses.
core::Response home(core::Context& cx);

}  // namespace office
