// Feeds of the public courses (issue 11): an Atom feed and an iCalendar file of any search, with
// the search page's own parameters, and the iCalendar file of one course — so that nobody has to
// scrape the search to hear of new courses. Public courses only; no contact e-mail.
#pragma once

#include <string>

#include "core/context.h"

namespace site {

core::Response search_atom(core::Context& cx);      // GET /courses.atom?<search>
core::Response search_calendar(core::Context& cx);  // GET /courses.ics?<search>
core::Response course_calendar(core::Context& cx);  // GET /courses/{code}/calendar.ics

// An Atom document as every feed of the portal answers it: cacheable for five minutes, readable
// from any origin.
core::Response atom_answer(std::string body);

}  // namespace site
