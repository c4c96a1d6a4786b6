#include "files/csv_writer.h"

#include "files/cells.h"

namespace files {

namespace {

void append_cell(std::string& out, const std::string& raw) {
  const std::string cell = neutralise_cell(raw);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    out += cell;
    return;
  }
  out += '"';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_line(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    append_cell(out, cells[i]);
  }
  out += "\r\n";
}

}  // namespace

std::string write_csv(const Sheet& table) {
  std::string out = "\xEF\xBB\xBF";
  append_line(out, table.header);
  for (const auto& row : table.rows) append_line(out, row);
  return out;
}

}  // namespace files
