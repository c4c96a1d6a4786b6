// files/csv_writer.h: CSV exports that Excel opens as UTF-8 and that cannot carry a formula.
#pragma once

#include <string>
#include <vector>

namespace files {

// A whole document: a UTF-8 byte-order mark (so Excel reads the Chinese right), the header and
// the rows, CRLF after every record, and RFC 4180 quoting (a cell with a comma, quote, CR or LF
// is quoted, its quotes doubled). Every cell goes through neutralise_cell first.
std::string csv_document(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows);

}  // namespace files
