// The route table and links built from route names.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/router.h"

namespace app {

const std::vector<core::Route>& routes();

// url_for("course.show", {code}): links never typed by hand. Throws on an unknown name.
std::string url_for(std::string_view name, std::initializer_list<std::string_view> args = {});

}  // namespace app
