#include "files/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

#include "files/cells.h"

namespace files {

namespace {

// A file of our own (mode 0600, a name nobody else can take), removed however we leave.
class TempFile {
 public:
  TempFile() {
    dir_ = std::filesystem::temp_directory_path().string();
    std::string pattern = dir_ + "/portal-export-XXXXXX";
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file in " + dir_);
    close(fd);
    path_ = pattern;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }
  std::string& dir() { return dir_; }
  std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

 private:
  std::string dir_, path_;
};

// Columns Excel draws a text in, roughly: a character of the wide scripts (CJK, full-width
// forms) takes two, any other one. UTF-8 continuation bytes take none.
double display_width(const std::string& s) {
  double width = 0;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    unsigned cp = len == 1 ? b : b & (0xFF >> (len + 1));
    for (size_t k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    width += cp >= 0x1100 ? 2 : 1;
    i += len;
  }
  return width;
}

}  // namespace

std::string write_xlsx(const Sheet& table, const XlsxSheet& sheet) {
  TempFile file;
  lxw_workbook_options options = {};
  options.tmpdir = file.dir().data();  // libxlsxwriter's own scratch files go beside ours
  lxw_workbook* book = workbook_new_opt(file.path().c_str(), &options);
  if (!book) throw std::runtime_error("libxlsxwriter cannot open " + file.path());

  // Every call below is made, each error kept, so that workbook_close always frees the book.
  lxw_error first_error = LXW_NO_ERROR;
  const auto keep = [&first_error](lxw_error e) {
    if (first_error == LXW_NO_ERROR) first_error = e;
  };
  std::string title = neutralise_cell(sheet.title);
  std::string author = "全國教師在職進修資訊網";
  if (!title.empty()) {
    lxw_doc_properties properties = {};
    properties.title = title.data();
    properties.author = author.data();
    keep(workbook_set_properties(book, &properties));
  }
  lxw_worksheet* ws = workbook_add_worksheet(book, sheet.name.empty() ? nullptr : sheet.name.c_str());
  if (!ws) {
    workbook_close(book);
    throw std::runtime_error("libxlsxwriter refused the sheet name " + sheet.name);
  }
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_format* heading = workbook_add_format(book);
  format_set_bold(heading);
  format_set_font_size(heading, 13);

  lxw_row_t row = 0;
  if (!title.empty()) keep(worksheet_write_string(ws, row++, 0, title.c_str(), heading));
  const lxw_row_t header_row = row;
  std::vector<double> widths(table.header.size(), 0);
  const auto write_row = [&](const std::vector<std::string>& cells, lxw_format* format) {
    for (size_t c = 0; c < cells.size(); ++c) {
      const std::string cell = neutralise_cell(cells[c]);
      if (c < widths.size()) widths[c] = std::max(widths[c], display_width(cell));
      if (!cell.empty()) {
        keep(worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), cell.c_str(), format));
      }
    }
    ++row;
  };
  write_row(table.header, bold);
  for (const auto& cells : table.rows) write_row(cells, nullptr);

  for (size_t c = 0; c < widths.size(); ++c) {
    // A little room beside the widest cell and the filter's button; no column past a screen.
    keep(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                              std::clamp(widths[c] + 3, 8.0, 60.0), nullptr));
  }
  if (!table.header.empty()) {
    worksheet_freeze_panes(ws, header_row + 1, 0);
    keep(worksheet_autofilter(ws, header_row, 0, row - 1,
                              static_cast<lxw_col_t>(table.header.size() - 1)));
  }
  keep(workbook_close(book));
  if (first_error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("libxlsxwriter: ") + lxw_strerror(first_error));
  }
  return file.read();
}

}  // namespace files
