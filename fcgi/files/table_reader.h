// files/table_reader.h: an uploaded table (XLSX, CSV or XML) read into rows of UTF-8 text, with
// limits that refuse hostile files (zip bombs, XXE, billion laughs, huge cells) with a message
// instead of a crash. No database and no roster rules: domain/roster_rows.h checks the rows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace files {

// A file larger than this is refused before anything parses it.
inline constexpr std::size_t kMaxUploadBytes = 5 * 1024 * 1024;
// Non-blank rows of a table, a header included.
inline constexpr std::size_t kMaxRows = 5000;
// Columns a row may reach (a roster needs three; the 研習名單匯出 has nine).
inline constexpr std::size_t kMaxColumns = 100;
// Bytes of one cell's UTF-8 text.
inline constexpr std::size_t kMaxCellBytes = 1000;
// XLSX: the declared uncompressed sizes of all the archive's entries together, and the bytes
// actually inflated from the parts read (whatever the archive declares).
inline constexpr std::size_t kMaxUnpackedBytes = 50 * 1024 * 1024;
// XLSX: an entry inflating more than this many times its compressed size, once above 1 MiB, is a
// zip bomb (spreadsheets compress about 10:1; deflate's ceiling is about 1000:1).
inline constexpr std::size_t kMaxCompressionRatio = 200;

// The first sheet of a workbook, or the records of a CSV or XML file.
struct Table {
  std::vector<std::vector<std::string>> rows;  // non-blank rows only, cells as UTF-8 text
  // lines[i]: where rows[i] is in the file as the organizer sees it: the sheet's row number
  // (XLSX), the record's number (CSV), the line of the record's element (XML). The header an
  // XML file implies has line 0.
  std::vector<int> lines;
};

enum class TableKind { kXlsx, kCsv, kXml };

// The kind of an upload, when its name's extension (.xlsx, .csv, .xml, any case) and its first
// bytes agree: XLSX starts with a zip header (PK\3\4), XML with '<' after an optional BOM and
// white space, and a CSV is neither and has no NUL byte. nullopt otherwise (a PNG renamed .xlsx,
// an old .xls, a zip renamed .csv): answer kWrongKindMessage.
std::optional<TableKind> kind_of_upload(std::string_view filename, std::string_view first_bytes);
inline constexpr char kWrongKindMessage[] =
    "只接受 Excel 活頁簿（.xlsx）、CSV（.csv）或 XML（.xml）檔，且副檔名須與內容相符；舊版 .xls "
    "請在 Excel 另存為 .xlsx。";

struct ReadResult {
  std::optional<Table> table;
  std::string error;  // a Chinese sentence for the organizer when table is empty
};

// Reads the whole upload. XLSX: the first sheet of xl/workbook.xml (shared strings, rich text runs,
// inline strings, numbers with integral values written without ".0", booleans as TRUE/FALSE;
// cells placed by their reference, so skipped blanks keep the columns). CSV: RFC 4180 (quotes,
// doubled quotes, CRLF or LF), UTF-8 with or without BOM, else CP950 (Big5, what Excel in Taiwan
// saves). XML: <roster><teacher><national_id>…</national_id><hours>…</hours></teacher>…</roster>,
// or any root whose children are records and grandchildren fields (an Access export): the first
// row is a header of the field names in the order first met, then one row per record. Any
// DOCTYPE is refused; entities are never expanded and nothing is fetched.
ReadResult read_table(std::string_view bytes, TableKind kind);

}  // namespace files
