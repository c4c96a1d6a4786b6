// Pieces of every page that shows a course: its sessions table and its history table.
#pragma once

#include <ctemplate/template.h>

#include <vector>

#include "shared/course_store.h"

namespace course_view {

// {{>SESSIONS}}: templates/partials/sessions.tpl.
void fill_sessions(ctemplate::TemplateDictionary& dict, const std::vector<course_store::Session>& sessions);
// {{>HISTORY}}: templates/partials/history.tpl, reasons and note joined by "；".
void fill_history(ctemplate::TemplateDictionary& dict, const std::vector<course_store::HistoryLine>& history);
// The latest return's reasons and note, for the box the organizer reads first (none: not returned).
std::vector<std::string> latest_return_reasons(const course_store::Course& course,
                                               const std::vector<course_store::HistoryLine>& history);

}  // namespace course_view
