// What the organizer's and the reviewer's roster pages share: the heading, the table of lines
// (templates/rosters/lines.tpl) and the words for a roster that takes no change.
#pragma once

#include <ctemplate/template.h>

#include <map>
#include <string>
#include <vector>

#include "rosters/roster_sql.h"
#include "shared/course_store.h"

namespace roster_view {

// CODE, TITLE, STATE, STATE_CODE, DATES, COURSE_UNITS.
void fill_heading(ctemplate::TemplateDictionary& dict, const course_store::Course& course);

// {{>LINES}}: one row per line with its attendance, units and why they differ from the course's;
// `warnings` (teacher id → the reviewer's warnings) beside each line; edit links when `editable`.
void fill_lines(ctemplate::TemplateDictionary& dict, const course_store::Course& course,
                const std::vector<rosters::sql::Line>& lines, bool editable,
                const std::map<int64_t, std::vector<std::string>>& warnings = {});

// Why the roster of a course in `state` takes no change now, in words that say what to do.
std::string closed_message(domain::CourseState state);

}  // namespace roster_view
