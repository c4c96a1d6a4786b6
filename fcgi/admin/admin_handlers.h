// The administrator's pages: a home of what waits, return reasons, per-county registration figures.
#pragma once

#include "core/context.h"

namespace admin {

core::Response home(core::Context& cx);            // GET  /admin
core::Response reasons(core::Context& cx);         // GET  /admin/reasons
core::Response create_reason(core::Context& cx);   // POST /admin/reasons
core::Response toggle_reason(core::Context& cx);   // POST /admin/reasons/{id}/toggle
core::Response counties(core::Context& cx);        // GET  /admin/counties
core::Response update_county(core::Context& cx);   // POST /admin/counties/{id}

}  // namespace admin
