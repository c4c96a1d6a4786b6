// files/cells.h: what every exported table does to a cell before writing it.
#pragma once

#include <string>
#include <string_view>

namespace files {

// A cell that a spreadsheet would read as a formula (beginning with =, +, -, @, tab or CR) is
// prefixed with an apostrophe, so that a name like "=HYPERLINK(…)" typed into a profile stays text
// in the organizer's Excel (OWASP CSV injection). Anything else is returned as it is.
std::string neutralise_cell(std::string_view cell);

}  // namespace files
