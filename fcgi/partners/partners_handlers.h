// Partner sites (合作網站): the roaming application of seeds 003 appendix 1, and the
// administrator's approval, suspension, revocation and yearly renewal.
#pragma once

#include "core/context.h"

namespace partners {

core::Response application_form(core::Context& cx);  // GET  /partners/apply
core::Response apply(core::Context& cx);             // POST /partners/apply
core::Response list_partners(core::Context& cx);          // GET  /admin/partners
core::Response show_partner(core::Context& cx);           // GET  /admin/partners/{id}
core::Response approve_partner(core::Context& cx);        // POST /admin/partners/{id}/approve
core::Response change_partner_status(core::Context& cx);  // POST /admin/partners/{id}/status
core::Response renew_partner(core::Context& cx);          // POST /admin/partners/{id}/renew

}  // namespace partners
