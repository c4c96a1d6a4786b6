// files/csv_writer.h: a table as CSV that Excel on Windows opens with the Chinese intact.
#pragma once

#include <string>

#include "files/sheet.h"

namespace files {

// UTF-8 with a byte order mark (without it Excel reads the bytes as the ANSI code page), the
// header then the rows, each line ended by CRLF, a cell quoted (RFC 4180) when it holds a comma,
// a double quote, CR or LF, with its quotes doubled. Every cell passes neutralise_cell first.
std::string write_csv(const Sheet& table);

}  // namespace files
