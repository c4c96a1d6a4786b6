// files/xlsx_writer.h: a table as an Excel workbook (libxlsxwriter), for people to sort and file.
#pragma once

#include <string>

#include "files/sheet.h"

namespace files {

struct XlsxSheet {
  std::string name;   // the sheet's tab: at most 31 characters, none of []:*?/\ .
  std::string title;  // a bold first row above the header (what the list is), also the
                      // document's title in its properties; "" for neither
};

// The workbook's bytes: one sheet with the title row (if any), the header in bold, frozen so it
// stays in sight while scrolling, with a filter on it, then the rows; every cell text (never a
// number or formula, so 身分證字號 and telephone numbers keep their leading letters and zeros)
// after neutralise_cell. Columns are as wide as their widest cell, CJK characters counting two.
// libxlsxwriter 1.1.4 (Debian 12) can only write a file: it writes to a mkstemp file in the
// temporary directory (TMPDIR), reads it back and removes it. Throws std::runtime_error when
// libxlsxwriter fails.
std::string write_xlsx(const Sheet& table, const XlsxSheet& sheet);

}  // namespace files
