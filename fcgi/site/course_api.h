// The read API (issue 11, SPEC §11 "a public read API and feeds"): the public courses as JSON,
// with the search's own filters, so that nobody has to scrape the search pages. Public courses
// only, no contact e-mails; ETag (If-None-Match → 304), Cache-Control and CORS for GET; nginx
// limits it per address (429 with Retry-After). Described in static/api/openapi.json.
#pragma once

#include "core/context.h"

namespace site {

core::Response api_courses(core::Context& cx);  // GET /api/v1/courses?q=&county=&…&page=&per_page=
core::Response api_course(core::Context& cx);   // GET /api/v1/courses/{code}

}  // namespace site
