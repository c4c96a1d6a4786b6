// The administrator's pages: a home of what waits, return reasons, per-county registration figures,
// the yearly hours attribute tags mandate.
#pragma once

#include "core/context.h"

namespace admin {

core::Response home(core::Context& cx);            // GET  /admin
core::Response reasons(core::Context& cx);         // GET  /admin/reasons
core::Response create_reason(core::Context& cx);   // POST /admin/reasons
core::Response toggle_reason(core::Context& cx);   // POST /admin/reasons/{id}/toggle
core::Response counties(core::Context& cx);        // GET  /admin/counties
core::Response update_county(core::Context& cx);   // POST /admin/counties/{id}
core::Response tags(core::Context& cx);            // GET  /admin/tags
core::Response update_tag(core::Context& cx);      // POST /admin/tags/{id}

}  // namespace admin
