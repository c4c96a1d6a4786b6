// The route table and links built from route names.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/context.h"
#include "core/router.h"

namespace app {

const std::vector<core::Route>& routes();

// url_for("course.show", {code}): links never typed by hand. Throws on an unknown name.
std::string url_for(std::string_view name, std::initializer_list<std::string_view> args = {});

// Where a signed-in user lands (after login, and from the layout's own-homepage link): a teacher
// on 我的專屬首頁, an organizer or 總負責人 on the office home, a reviewer on the review queue,
// the administrator on the administration home.
struct Home {
  std::string url;
  const char* label;
};
Home home_of(const core::User& user);

}  // namespace app
