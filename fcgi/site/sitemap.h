// 網頁導覽 (issue 11): the site map, drawn from the route table — every public page without a
// parameter, under the words people know it by, and the addresses for programs and feeds.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/context.h"

namespace site {

core::Response sitemap(core::Context& cx);  // GET /sitemap

// What 網頁導覽 calls a public route, by its name in the route table; nullopt for a route that is
// not a page to visit (a protocol endpoint, a form's other half). A test holds every public GET
// route of the table to one or the other, so a new page is never left off the map.
struct SitemapEntry {
  const char* label;
  bool for_programs;  // a feed or an API rather than a page
};
std::optional<SitemapEntry> sitemap_entry(std::string_view route_name);

}  // namespace site
