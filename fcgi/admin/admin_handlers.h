// The administrator's pages: a home of what waits, return reasons, per-county registration figures,
// attribute tags (with the yearly hours they mandate) and course categories, units and review units.
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
core::Response create_tag(core::Context& cx);      // POST /admin/tags
core::Response rename_tag(core::Context& cx);      // POST /admin/tags/{id}/rename
core::Response toggle_tag(core::Context& cx);      // POST /admin/tags/{id}/toggle
core::Response categories(core::Context& cx);      // GET  /admin/categories
core::Response create_category(core::Context& cx); // POST /admin/categories
core::Response rename_category(core::Context& cx); // POST /admin/categories/{id}/rename
core::Response toggle_category(core::Context& cx); // POST /admin/categories/{id}/toggle

// 單位管理 (admin/units_handlers.cpp)
core::Response units(core::Context& cx);           // GET  /admin/units
core::Response new_unit(core::Context& cx);        // GET  /admin/units/new
core::Response create_unit(core::Context& cx);     // POST /admin/units
core::Response unit(core::Context& cx);            // GET  /admin/units/{id}
core::Response update_unit(core::Context& cx);     // POST /admin/units/{id}
core::Response route_unit(core::Context& cx);      // POST /admin/units/{id}/review

}  // namespace admin
