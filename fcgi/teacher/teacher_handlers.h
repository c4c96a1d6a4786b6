// The teacher's own pages.
#pragma once

#include "core/context.h"

namespace teacher {

// GET /teacher: 教師帳號個人化專屬首頁.
core::Response home(core::Context& cx);

}  // namespace teacher
