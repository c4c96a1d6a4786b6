// Account roaming (帳號漫遊): the portal as OpenID Connect provider for partner sites (SPEC §7).
#pragma once

#include "core/context.h"

namespace sso {

core::Response discovery(core::Context& cx);       // GET  /.well-known/openid-configuration
core::Response jwks(core::Context& cx);            // GET  /oidc/jwks
core::Response authorize(core::Context& cx);       // GET  /oidc/authorize
core::Response decide_consent(core::Context& cx);  // POST /oidc/authorize (the consent page)
core::Response token(core::Context& cx);           // POST /oidc/token
core::Response userinfo(core::Context& cx);        // GET, POST /oidc/userinfo
core::Response partners(core::Context& cx);        // GET  /teacher/partners
core::Response revoke_partner(core::Context& cx);  // POST /teacher/partners/{client}/revoke

// When `next` is an authorization request of a known partner with a registered redirect_uri,
// that URI's origin (a login form's answer will end there); otherwise "".
std::string partner_origin_for_next(core::Context& cx, const std::string& next);

}  // namespace sso
