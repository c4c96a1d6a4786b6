// files/sheet.h: a table as the exports write it: a header row and rows of text cells.
#pragma once

#include <string>
#include <vector>

namespace files {

struct Sheet {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as long as the header, or shorter
};

}  // namespace files
