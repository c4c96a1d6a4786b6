// The page frame's navigation, by role.
#pragma once

#include <ctemplate/template.h>

#include "core/context.h"

namespace app {

void fill_layout(core::Context& cx, ctemplate::TemplateDictionary& layout);

}  // namespace app
