#include "files/cells.h"

namespace files {

std::string neutralise_cell(std::string_view cell) {
  if (cell.empty()) return std::string();
  switch (cell.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r':
      return "'" + std::string(cell);
    default:
      return std::string(cell);
  }
}

}  // namespace files
