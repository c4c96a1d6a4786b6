// files/csv_writer.cpp: RFC 4180 with a BOM, every cell neutralised.
#include "files/csv_writer.h"

#include "files/cells.h"

namespace files {

namespace {
void append_record(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    const std::string cell = neutralise_cell(cells[i]);
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      out += cell;
      continue;
    }
    out += '"';
    for (char c : cell) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}
}  // namespace

std::string csv_document(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  append_record(out, header);
  for (const auto& row : rows) append_record(out, row);
  return out;
}

}  // namespace files
