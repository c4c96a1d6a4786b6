// One request from match to response: route, session, role, CSRF, handler, errors, log line.
#pragma once

#include "core/context.h"

namespace app {

// Registers the layout filler and other start-up hooks; call once before serving.
void init();
core::Response dispatch(core::Context& cx);

}  // namespace app
