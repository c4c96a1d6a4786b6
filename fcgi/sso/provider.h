// What the two halves of the OpenID provider share: its issuer, its signing keys, and how long
// codes and tokens live.
#pragma once

#include <string>

#include "core/context.h"
#include "core/jwt.h"

namespace sso {

constexpr int kCodeSeconds = 60;    // an authorization code, single use
constexpr int kTokenSeconds = 600;  // an access token

// The RS256 key ring of var/secrets/oidc, reloaded when its files change (shared/caches.h).
core::jwt::KeyRingCache& keys(const core::Config& config);

inline std::string issuer(const core::Context& cx) { return cx.config().base_url; }

}  // namespace sso
