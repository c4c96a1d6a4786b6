// files/table_reader.cpp: XLSX (libzip + libxml2's streaming reader), CSV (RFC 4180, UTF-8 or
// CP950 through iconv) and XML (libxml2) into a Table, each limit of table_reader.h enforced while
// reading so that no hostile file is held in memory whole.
#include "files/table_reader.h"

#include <iconv.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include "domain/validation.h"

namespace files {
namespace {

std::string with_commas(std::size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3)
    s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

const std::string kTooBig =
    "檔案超過 " + std::to_string(kMaxUploadBytes / 1024 / 1024) + " MB，請分成幾個檔案上傳。";
const std::string kTooManyRows = "檔案超過 " + with_commas(kMaxRows) + " 列，請分成幾個檔案上傳。";
const std::string kEmpty = "檔案裡沒有任何資料。";

// "A", …, "Z", "AA": a column as a spreadsheet names it.
std::string column_letter(std::size_t index) {
  std::string out;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

std::string cell_too_long(int line, std::size_t col) {
  return "第 " + std::to_string(line) + " 列 " + column_letter(col) + " 欄的內容超過 " +
         with_commas(kMaxCellBytes) + " 位元組，不像名單資料；請檢查這一格。";
}

std::string too_many_columns(int line) {
  return "第 " + std::to_string(line) + " 列超過 " + std::to_string(kMaxColumns) +
         " 欄；名單只需要身分證字號與時數。";
}

// Appends at most one byte past kMaxCellBytes, so that an oversized cell is known without being
// kept.
void append_capped(std::string& cell, const char* text, std::size_t size) {
  if (cell.size() > kMaxCellBytes) return;
  cell.append(text, std::min(size, kMaxCellBytes + 1 - cell.size()));
}

bool all_empty(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); });
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kZipMagic = "PK\x03\x04";

// ---------------------------------------------------------------------------------------------
// libxml2's streaming reader, configured once for every XML we read: no network, no DTD loaded,
// no entity substituted (no XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE), no error
// printed; a DOCTYPE ends the document as malformed.

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });  // not thread-safe on first use otherwise
}

void ignore_xml_error(void*, xmlErrorPtr) {}

class Xml {
 public:
  explicit Xml(std::string_view bytes) {
    // Refused before libxml2 reads the DTD at all; the node check in next() catches what this
    // misses (a DOCTYPE in UTF-16).
    if (bytes.find("<!DOCTYPE") != std::string_view::npos) {
      doctype_ = failed_ = true;
      return;
    }
    init_libxml();
    reader_ = xmlReaderForMemory(
        bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    if (reader_) xmlTextReaderSetStructuredErrorHandler(reader_, ignore_xml_error, nullptr);
  }
  ~Xml() {
    if (reader_) xmlFreeTextReader(reader_);
  }
  Xml(const Xml&) = delete;
  Xml& operator=(const Xml&) = delete;

  // Moves to the next node: true on one, false at the end, on malformed XML, or on a DOCTYPE or
  // an entity reference (then doctype() or !ok() says which).
  bool next() {
    if (!reader_ || failed_) return false;
    const int got = xmlTextReaderRead(reader_);
    if (got < 0) failed_ = true;
    if (got != 1) return false;
    const int t = type();
    if (t == XML_READER_TYPE_DOCUMENT_TYPE || t == XML_READER_TYPE_ENTITY_REFERENCE) {
      doctype_ = failed_ = true;
      return false;
    }
    return true;
  }
  bool ok() const { return reader_ && !failed_; }
  bool doctype() const { return doctype_; }
  int type() const { return xmlTextReaderNodeType(reader_); }
  int depth() const { return xmlTextReaderDepth(reader_); }
  bool empty_element() const { return xmlTextReaderIsEmptyElement(reader_) == 1; }
  bool is_start(std::string_view local) const {
    return type() == XML_READER_TYPE_ELEMENT && name() == local;
  }
  bool is_text() const {
    const int t = type();
    return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
           t == XML_READER_TYPE_WHITESPACE || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
  }
  std::string_view name() const { return text_of(xmlTextReaderConstLocalName(reader_)); }
  std::string_view ns() const { return text_of(xmlTextReaderConstNamespaceUri(reader_)); }
  std::string_view value() const { return text_of(xmlTextReaderConstValue(reader_)); }
  // The line of the current node (the parser itself may have read ahead).
  int line() const { return static_cast<int>(xmlGetLineNo(xmlTextReaderCurrentNode(reader_))); }
  // The attribute of that local name, in any namespace (OOXML's r:id is namespaced, and strict
  // OOXML uses another namespace than transitional): "" when absent.
  std::string attribute(std::string_view local, bool namespaced = false) {
    std::string out;
    if (xmlTextReaderMoveToFirstAttribute(reader_) != 1) return out;
    do {
      if (name() == local && (!namespaced || !ns().empty())) {
        out = std::string(value());
        break;
      }
    } while (xmlTextReaderMoveToNextAttribute(reader_) == 1);
    xmlTextReaderMoveToElement(reader_);
    return out;
  }

 private:
  static std::string_view text_of(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
  }
  xmlTextReaderPtr reader_ = nullptr;
  bool failed_ = false;
  bool doctype_ = false;
};

const std::string kDoctype =
    "XML 檔不能含有 DOCTYPE 或實體宣告（為了安全不予處理），請刪去後再上傳。";

// ---------------------------------------------------------------------------------------------
// XLSX

using ZipPtr = std::unique_ptr<zip_t, decltype(&zip_discard)>;

const std::string kNotWorkbook =
    "這個檔案不是可讀的 Excel 活頁簿（.xlsx），請在 Excel 另存為 .xlsx 後再上傳。";
const std::string kZipBomb = "這個活頁簿解壓縮後過大（超過 50 MB）或壓縮比異常，為了安全不予處理。";

// Reads one part, inflating no more than `budget` bytes whatever its header declares (a zip bomb
// can declare a small size). nullopt with `error` set when absent (error left empty), unreadable,
// encrypted or too big.
std::optional<std::string> read_part(zip_t* zip, const std::string& name, std::size_t& budget,
                                     std::string& error) {
  const zip_int64_t index = zip_name_locate(zip, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)) {
    error = kNotWorkbook;
    return std::nullopt;
  }
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(
      zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0), &zip_fclose);
  if (!file) {
    error = kNotWorkbook;
    return std::nullopt;
  }
  std::string out;
  char chunk[64 * 1024];
  for (;;) {
    const zip_int64_t got = zip_fread(file.get(), chunk, sizeof chunk);
    if (got < 0) {
      error = kNotWorkbook;  // corrupt data, or a CRC that does not match
      return std::nullopt;
    }
    if (got == 0) break;
    if (static_cast<std::size_t>(got) > budget) {
      error = kZipBomb;
      return std::nullopt;
    }
    budget -= static_cast<std::size_t>(got);
    out.append(chunk, static_cast<std::size_t>(got));
  }
  return out;
}

// Declared sizes first: cheap, and refuses the honest bombs before any inflating.
bool declared_sizes_are_sane(zip_t* zip) {
  const zip_int64_t entries = zip_get_num_entries(zip, 0);
  std::size_t total = 0;
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) != 0) return false;
    if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) return false;
    if (st.size > kMaxUnpackedBytes) return false;
    total += static_cast<std::size_t>(st.size);
    if (total > kMaxUnpackedBytes) return false;
    if (st.size > 1024 * 1024 &&
        (st.comp_size == 0 || st.size / st.comp_size > kMaxCompressionRatio))
      return false;
  }
  return true;
}

// "xl/worksheets/sheet1.xml" from a relationship target relative to xl/ or absolute; "" for a
// target outside the package.
std::string part_of_target(std::string_view target) {
  std::string path =
      starts_with(target, "/") ? std::string(target.substr(1)) : "xl/" + std::string(target);
  while (path.find("/./") != std::string::npos) path.replace(path.find("/./"), 3, "/");
  if (path.find("..") != std::string::npos || path.find("://") != std::string::npos)
    return std::string();
  return path;
}

struct WorkbookParts {
  std::string sheet, shared_strings;
};

// The first sheet of xl/workbook.xml through xl/_rels/workbook.xml.rels.
std::optional<WorkbookParts> locate_parts(const std::string& workbook, const std::string& rels,
                                          std::string& error) {
  std::string sheet_id;
  {
    Xml xml(workbook);
    while (xml.next()) {
      if (xml.is_start("sheet")) {
        sheet_id = xml.attribute("id", true);
        break;
      }
    }
    if (xml.doctype()) error = kDoctype;
  }
  WorkbookParts parts;
  Xml xml(rels);
  while (xml.next()) {
    if (!xml.is_start("Relationship")) continue;
    const std::string id = xml.attribute("Id"), type = xml.attribute("Type"),
                      target = xml.attribute("Target");
    if (!sheet_id.empty() && id == sheet_id) parts.sheet = part_of_target(target);
    if (type.size() >= 14 && type.compare(type.size() - 14, 14, "/sharedStrings") == 0) {
      parts.shared_strings = part_of_target(target);
    }
  }
  if (xml.doctype()) error = kDoctype;
  if (!error.empty()) return std::nullopt;
  if (parts.sheet.empty()) {
    error = kNotWorkbook;
    return std::nullopt;
  }
  if (parts.shared_strings.empty()) parts.shared_strings = "xl/sharedStrings.xml";
  return parts;
}

// The shared strings, each the text of its <t> elements (rich text runs <r><t> joined) without
// the phonetic guides (<rPh>). A string longer than kMaxCellBytes is kept cut one byte past it, so
// that a cell using it is refused and one not using it costs nothing.
constexpr std::size_t kMaxSharedStrings = 500000;

std::optional<std::vector<std::string>> read_shared_strings(const std::string& part,
                                                            std::string& error) {
  std::vector<std::string> strings;
  Xml xml(part);
  bool in_t = false;
  int phonetic_depth = 0;
  while (xml.next()) {
    const int t = xml.type();
    if (t == XML_READER_TYPE_ELEMENT) {
      const std::string_view name = xml.name();
      if (name == "si") {
        if (strings.size() == kMaxSharedStrings) {
          error = kZipBomb;
          return std::nullopt;
        }
        strings.emplace_back();
      } else if (name == "rPh" && !xml.empty_element()) {
        ++phonetic_depth;
      } else if (name == "t" && !xml.empty_element()) {
        in_t = true;
      }
    } else if (t == XML_READER_TYPE_END_ELEMENT) {
      if (xml.name() == "rPh") --phonetic_depth;
      if (xml.name() == "t") in_t = false;
    } else if (in_t && phonetic_depth == 0 && xml.is_text() && !strings.empty()) {
      const std::string_view v = xml.value();
      append_capped(strings.back(), v.data(), v.size());
    }
  }
  if (!xml.ok()) {
    error = xml.doctype() ? kDoctype : kNotWorkbook;
    return std::nullopt;
  }
  return strings;
}

// "C5" → column 2, row 5; false when it is not a cell reference within Excel's bounds.
bool parse_cell_ref(std::string_view ref, std::size_t& col, int& row) {
  std::size_t i = 0, c = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
    c = c * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
  if (i == 0 || c > 16384 || i == ref.size()) return false;
  long r = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9' || r > 1048576) return false;
    r = r * 10 + (ref[i] - '0');
  }
  if (r < 1 || r > 1048576) return false;
  col = c - 1;
  row = static_cast<int>(r);
  return true;
}

// A number cell as a person typed it: 3 stays "3" (Excel may store "3" or "3.0", or 1E3 for 1000);
// anything with a fraction keeps its stored text, so that "3.5" hours is refused for what it is.
std::string number_text(const std::string& stored) {
  char* end = nullptr;
  const double v = std::strtod(stored.c_str(), &end);
  if (stored.empty() || *end != '\0' || !std::isfinite(v) || std::fabs(v) >= 1e15 ||
      v != std::floor(v))
    return stored;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v == 0 ? 0.0 : v);
  return buf;
}

ReadResult read_sheet(const std::string& part, const std::vector<std::string>* shared) {
  // Sheet row number → cells; rows may come in any order.
  std::map<int, std::vector<std::string>> rows;
  Xml xml(part);
  int row = 0;               // the current <row>'s number
  std::size_t next_col = 0;  // where a cell without a reference goes
  // The current cell.
  bool in_cell = false, in_value = false, in_inline_t = false;
  int phonetic_depth = 0;
  std::string type, value;
  std::size_t col = 0;
  int cell_row = 0;

  const auto finish_cell = [&]() -> std::string {
    std::string text;
    if (type == "s") {
      char* end = nullptr;
      const unsigned long index = std::strtoul(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || !shared || index >= shared->size()) {
        return "活頁簿第 " + std::to_string(cell_row) + " 列 " + column_letter(col) +
               " 欄引用了不存在的文字，檔案可能已損壞；請在 Excel 另存新檔後再上傳。";
      }
      text = (*shared)[index];
    } else if (type == "b") {
      text = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
    } else if (type == "n" || type.empty()) {
      text = number_text(value);
    } else {
      text = value;  // str (a formula's text), inlineStr, e (an error such as #N/A), d (ISO date)
    }
    if (text.empty()) return std::string();
    if (text.size() > kMaxCellBytes) return cell_too_long(cell_row, col);
    if (col >= kMaxColumns) return too_many_columns(cell_row);
    auto& cells = rows[cell_row];
    if (rows.size() > kMaxRows) return kTooManyRows;
    if (cells.size() <= col) cells.resize(col + 1);
    cells[col] = std::move(text);
    return std::string();
  };

  while (xml.next()) {
    const int t = xml.type();
    if (t == XML_READER_TYPE_ELEMENT) {
      const std::string_view name = xml.name();
      if (name == "row") {
        const std::string r = xml.attribute("r");
        char* end = nullptr;
        const long n = r.empty() ? row + 1 : std::strtol(r.c_str(), &end, 10);
        if (n < 1 || n > 1048576 || (!r.empty() && *end != '\0'))
          return {std::nullopt, kNotWorkbook};
        row = static_cast<int>(n);
        next_col = 0;
      } else if (name == "c") {
        const std::string ref = xml.attribute("r");
        cell_row = row;
        col = next_col;
        if (!ref.empty() && !parse_cell_ref(ref, col, cell_row))
          return {std::nullopt, kNotWorkbook};
        if (cell_row == 0) return {std::nullopt, kNotWorkbook};
        next_col = col + 1;
        type = xml.attribute("t");
        value.clear();
        in_cell = !xml.empty_element();
      } else if (in_cell && name == "v" && !xml.empty_element()) {
        in_value = true;
      } else if (in_cell && name == "rPh" && !xml.empty_element()) {
        ++phonetic_depth;
      } else if (in_cell && name == "t" && !xml.empty_element()) {
        in_inline_t = true;  // <is><t> or <is><r><t>
      }
    } else if (t == XML_READER_TYPE_END_ELEMENT) {
      const std::string_view name = xml.name();
      if (name == "c" && in_cell) {
        in_cell = false;
        if (const std::string error = finish_cell(); !error.empty()) return {std::nullopt, error};
      } else if (name == "v") {
        in_value = false;
      } else if (name == "rPh") {
        --phonetic_depth;
      } else if (name == "t") {
        in_inline_t = false;
      }
    } else if (xml.is_text() && (in_value || (in_inline_t && phonetic_depth == 0))) {
      const std::string_view v = xml.value();
      append_capped(value, v.data(), v.size());
    }
  }
  if (!xml.ok()) return {std::nullopt, xml.doctype() ? kDoctype : kNotWorkbook};
  Table table;
  for (auto& [number, cells] : rows) {
    if (all_empty(cells)) continue;
    table.lines.push_back(number);
    table.rows.push_back(std::move(cells));
  }
  if (table.rows.empty()) return {std::nullopt, kEmpty};
  return {std::move(table), std::string()};
}

ReadResult read_xlsx(std::string_view bytes) {
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!source) return {std::nullopt, kNotWorkbook};
  ZipPtr zip(zip_open_from_source(source, ZIP_RDONLY, &zerr), &zip_discard);
  zip_error_fini(&zerr);
  if (!zip) {
    zip_source_free(source);  // still ours when the open failed
    return {std::nullopt, kNotWorkbook};
  }
  if (!declared_sizes_are_sane(zip.get())) return {std::nullopt, kZipBomb};

  std::size_t budget = kMaxUnpackedBytes;
  std::string error;
  const auto workbook = read_part(zip.get(), "xl/workbook.xml", budget, error);
  if (!workbook) return {std::nullopt, error.empty() ? kNotWorkbook : error};
  const auto rels = read_part(zip.get(), "xl/_rels/workbook.xml.rels", budget, error);
  if (!rels) return {std::nullopt, error.empty() ? kNotWorkbook : error};
  const auto parts = locate_parts(*workbook, *rels, error);
  if (!parts) return {std::nullopt, error};

  std::optional<std::vector<std::string>> shared;
  if (const auto part = read_part(zip.get(), parts->shared_strings, budget, error)) {
    shared = read_shared_strings(*part, error);
    if (!shared) return {std::nullopt, error};
  } else if (!error.empty()) {
    return {std::nullopt, error};
  }
  const auto sheet = read_part(zip.get(), parts->sheet, budget, error);
  if (!sheet) return {std::nullopt, error.empty() ? kNotWorkbook : error};
  return read_sheet(*sheet, shared ? &*shared : nullptr);
}

// ---------------------------------------------------------------------------------------------
// CSV

const std::string kNotText =
    "這個 CSV 檔不是文字檔（或是 UTF-16），請在 Excel 另存為「CSV UTF-8（逗號分隔）」後再上傳。";
const std::string kUnknownEncoding =
    "這個 CSV 檔既不是 UTF-8 也不是 Big5 編碼，無法讀出文字；請在 Excel 另存為「CSV "
    "UTF-8（逗號分隔）」後再上傳。";

// CP950 (Big5 as Windows in Taiwan writes it) to UTF-8 with glibc's iconv; nullopt on any byte
// that is not CP950.
std::optional<std::string> cp950_to_utf8(std::string_view in) {
  iconv_t cd = iconv_open("UTF-8", "CP950");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(in.size() * 2 + 16, '\0');  // a CP950 character of 2 bytes is 3 in UTF-8
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  const std::size_t done = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (done == static_cast<std::size_t>(-1) || src_left != 0) return std::nullopt;
  out.resize(out.size() - dst_left);
  return out;
}

ReadResult read_csv(std::string_view bytes) {
  if (starts_with(bytes, kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  if (bytes.find('\0') != std::string_view::npos) return {std::nullopt, kNotText};
  std::string converted;
  if (!domain::is_valid_utf8(bytes)) {
    auto utf8 = cp950_to_utf8(bytes);
    if (!utf8) return {std::nullopt, kUnknownEncoding};
    converted = std::move(*utf8);
    bytes = converted;
  }
  Table table;
  std::vector<std::string> cells(1);
  int record = 1;
  bool quoted = false;
  bool was_quoted = false;  // the current field began with a quote
  const auto end_record = [&]() -> std::string {
    if (!all_empty(cells)) {
      if (table.rows.size() == kMaxRows) return kTooManyRows;
      table.rows.push_back(std::move(cells));
      table.lines.push_back(record);
    }
    cells.assign(1, std::string());
    ++record;
    return std::string();
  };
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    std::string& cell = cells.back();
    if (quoted) {
      if (c != '"') {
        cell += c;
      } else if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
        cell += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"' && cell.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      if (cells.size() == kMaxColumns) return {std::nullopt, too_many_columns(record)};
      cells.emplace_back();
      was_quoted = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
      was_quoted = false;
      if (const std::string error = end_record(); !error.empty()) return {std::nullopt, error};
    } else {
      cell += c;  // a quote inside an unquoted field, or text after a closing quote, is kept
    }
    if (cells.back().size() > kMaxCellBytes)
      return {std::nullopt, cell_too_long(record, cells.size() - 1)};
  }
  if (quoted) {
    return {std::nullopt,
            "第 " + std::to_string(record) + " 列有一個沒有結束的引號（\"），請檢查這一列。"};
  }
  if (const std::string error = end_record(); !error.empty()) return {std::nullopt, error};
  if (table.rows.empty()) return {std::nullopt, kEmpty};
  return {std::move(table), std::string()};
}

// ---------------------------------------------------------------------------------------------
// XML

const std::string kBadXml =
    "XML 檔格式有誤，無法讀取；請檢查標籤是否成對、特殊字元（& <）是否已轉寫。";

ReadResult read_xml(std::string_view bytes) {
  Xml xml(bytes);
  Table table;
  std::vector<std::string> header;
  std::vector<std::string> record;
  int record_line = 0;
  int field = -1;         // the column of the field being read, -1 outside one
  int schema_depth = -1;  // inside an inline XML Schema (Access can put one first): its depth
  const auto at = [&](int line) { return "XML 第 " + std::to_string(line) + " 行"; };
  while (xml.next()) {
    const int t = xml.type();
    const int depth = xml.depth();
    if (schema_depth >= 0) {
      if (t == XML_READER_TYPE_END_ELEMENT && depth == schema_depth) schema_depth = -1;
      continue;
    }
    if (t == XML_READER_TYPE_ELEMENT) {
      if (depth >= 1 && xml.ns() == "http://www.w3.org/2001/XMLSchema") {
        if (!xml.empty_element()) schema_depth = depth;
        continue;
      }
      if (depth == 1) {
        record.assign(header.size(), std::string());
        record_line = xml.line();
        if (xml.empty_element()) continue;
      } else if (depth == 2) {
        const std::string name(xml.name());
        auto it = std::find(header.begin(), header.end(), name);
        if (it == header.end()) {
          if (header.size() == kMaxColumns)
            return {std::nullopt,
                    at(xml.line()) + "：欄位超過 " + std::to_string(kMaxColumns) + " 種。"};
          header.push_back(name);
          it = header.end() - 1;
        }
        field = static_cast<int>(it - header.begin());
        if (record.size() < header.size()) record.resize(header.size());
        if (!record[static_cast<std::size_t>(field)].empty()) {
          return {std::nullopt, at(xml.line()) + "：同一筆資料有兩個 <" + name + ">。"};
        }
        if (xml.empty_element()) field = -1;
      } else if (depth > 2) {
        return {std::nullopt, at(xml.line()) + "：<" + std::string(xml.name()) +
                                  "> 放在欄位裡面；每個欄位只能是文字。"};
      }
    } else if (t == XML_READER_TYPE_END_ELEMENT) {
      if (depth == 2) {
        field = -1;
      } else if (depth == 1) {
        if (!all_empty(record)) {
          if (table.rows.size() == kMaxRows - 1)
            return {std::nullopt, kTooManyRows};  // the header is a row
          table.rows.push_back(std::move(record));
          table.lines.push_back(record_line);
        }
        record.clear();
      }
    } else if (xml.is_text()) {
      const std::string_view v = xml.value();
      if (field >= 0) {
        std::string& cell = record[static_cast<std::size_t>(field)];
        append_capped(cell, v.data(), v.size());
        if (cell.size() > kMaxCellBytes) {
          return {std::nullopt, at(xml.line()) + "：<" + header[static_cast<std::size_t>(field)] +
                                    "> 的內容超過 " + with_commas(kMaxCellBytes) +
                                    " 位元組，不像名單資料。"};
        }
      } else if (!domain::trim(v).empty()) {
        return {std::nullopt, at(xml.line()) + "：文字必須放在欄位元素裡，例如 <hours>3</hours>。"};
      }
    }
  }
  if (!xml.ok()) return {std::nullopt, xml.doctype() ? kDoctype : kBadXml};
  if (table.rows.empty()) return {std::nullopt, kEmpty};
  for (auto& row : table.rows) row.resize(header.size());
  table.rows.insert(table.rows.begin(), header);
  table.lines.insert(table.lines.begin(), 0);
  return {std::move(table), std::string()};
}

}  // namespace

std::optional<TableKind> kind_of_upload(std::string_view filename, std::string_view first_bytes) {
  const auto dot = filename.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string ext = lower_ascii(filename.substr(dot + 1));
  const std::string_view head = first_bytes.substr(0, 512);
  std::string_view text = head;
  if (starts_with(text, kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  const bool looks_xml = [&] {
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '<';
  }();
  if (ext == "xlsx") {
    if (starts_with(head, kZipMagic)) return TableKind::kXlsx;
    return std::nullopt;
  }
  if (ext == "xml") {
    if (looks_xml) return TableKind::kXml;
    return std::nullopt;
  }
  if (ext == "csv") {
    static constexpr std::string_view kBinary[] = {kZipMagic, "\x89PNG",      "%PDF",
                                                   "GIF8",    "\xFF\xD8\xFF", "\xD0\xCF\x11\xE0"};
    for (const auto magic : kBinary) {
      if (starts_with(head, magic)) return std::nullopt;
    }
    if (looks_xml || head.find('\0') != std::string_view::npos || head.empty()) return std::nullopt;
    return TableKind::kCsv;
  }
  return std::nullopt;
}

ReadResult read_table(std::string_view bytes, TableKind kind) {
  if (bytes.size() > kMaxUploadBytes) return {std::nullopt, kTooBig};
  switch (kind) {
    case TableKind::kXlsx:
      return read_xlsx(bytes);
    case TableKind::kCsv:
      return read_csv(bytes);
    case TableKind::kXml:
      return read_xml(bytes);
  }
  return {std::nullopt, kNotWorkbook};
}

}  // namespace files
