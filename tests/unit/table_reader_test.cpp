// tests/unit/table_reader_test.cpp: uploaded XLSX, CSV and XML read into rows, and hostile files
// (XXE, billion laughs, zip bombs, wrong types, huge cells, too big, too many rows) refused with a
// message.
#include "files/table_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "domain/roster_rows.h"

namespace files {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(UNIT_FIXTURES) + "/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  EXPECT_FALSE(out.str().empty()) << name;
  return out.str();
}

// A zip archive in memory, written by libzip (deflated unless `store`).
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries,
                     bool store = false) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &err);
  EXPECT_NE(zip, nullptr);
  zip_source_keep(buffer);  // read it back after zip_close
  for (const auto& [name, data] : entries) {
    zip_source_t* s = zip_source_buffer(zip, data.data(), data.size(), 0);
    const zip_int64_t index = zip_file_add(zip, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(index, 0);
    if (store) zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  EXPECT_EQ(zip_close(zip), 0);
  zip_stat_t st;
  zip_source_stat(buffer, &st);
  std::string out(st.size, '\0');
  zip_source_open(buffer);
  zip_source_read(buffer, out.data(), out.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&err);
  return out;
}

const std::string kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>)"
    "</Relationships>";
// The second sheet comes first in the file's order of parts but second in the workbook.
const std::string kWorkbook =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="名單" sheetId="1" r:id="rId1"/><sheet name="備註" sheetId="2" r:id="rId2"/></sheets></workbook>)";

std::string sheet_xml(const std::string& rows) {
  return R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

// A workbook as Excel writes it, shared strings and all.
std::string workbook(const std::string& shared_strings, const std::string& sheet_rows) {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", "<Types/>"},
      {"xl/workbook.xml", kWorkbook},
      {"xl/_rels/workbook.xml.rels", kRels},
      {"xl/worksheets/sheet2.xml", sheet_xml(R"(<row r="1"><c r="A1"><v>99</v></c></row>)")},
      {"xl/worksheets/sheet1.xml", sheet_xml(sheet_rows)},
  };
  if (!shared_strings.empty()) parts.emplace_back("xl/sharedStrings.xml", shared_strings);
  return make_zip(parts);
}

std::string sst(const std::string& items) {
  return R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" + items +
         "</sst>";
}

Table read_ok(std::string_view bytes, TableKind kind) {
  const ReadResult r = read_table(bytes, kind);
  EXPECT_TRUE(r.table) << r.error;
  EXPECT_EQ(r.error, "");
  return r.table.value_or(Table{});
}

std::string refusal(std::string_view bytes, TableKind kind) {
  const ReadResult r = read_table(bytes, kind);
  EXPECT_FALSE(r.table);
  EXPECT_FALSE(r.error.empty());
  return r.error;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// --- kind_of_upload ---------------------------------------------------------------------------

TEST(KindOfUpload, NameAndFirstBytesMustAgree) {
  const std::string xlsx = fixture("roster.xlsx");
  EXPECT_EQ(kind_of_upload("名單.xlsx", xlsx), TableKind::kXlsx);
  EXPECT_EQ(kind_of_upload("名單.XLSX", xlsx), TableKind::kXlsx);
  EXPECT_EQ(kind_of_upload("名單.csv", "身分證字號,時數\r\n"), TableKind::kCsv);
  EXPECT_EQ(kind_of_upload("名單.xml", "\xEF\xBB\xBF \r\n<?xml version=\"1.0\"?><roster/>"),
            TableKind::kXml);

  EXPECT_EQ(kind_of_upload("名單.csv", xlsx), std::nullopt);  // a workbook renamed .csv
  EXPECT_EQ(kind_of_upload("名單.xml", xlsx), std::nullopt);
  EXPECT_EQ(kind_of_upload("名單.xlsx", "身分證字號,時數\r\n"), std::nullopt);
  EXPECT_EQ(kind_of_upload("名單", xlsx),
            std::nullopt);  // no extension: the name alone is not trusted either way
  EXPECT_EQ(kind_of_upload("名單.zip", xlsx), std::nullopt);
  EXPECT_EQ(kind_of_upload("名單.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)),
            std::nullopt);
  EXPECT_EQ(kind_of_upload("名單.csv", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)),
            std::nullopt);
}

TEST(KindOfUpload, APngRenamedIsNoTable) {
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  EXPECT_EQ(kind_of_upload("名單.xlsx", png), std::nullopt);
  EXPECT_EQ(kind_of_upload("名單.csv", png), std::nullopt);
  EXPECT_EQ(kind_of_upload("名單.xml", png), std::nullopt);
  EXPECT_EQ(kind_of_upload("名單.csv", "%PDF-1.4\n"), std::nullopt);
  EXPECT_EQ(kind_of_upload("名單.csv", ""), std::nullopt);
  EXPECT_EQ(kind_of_upload("名單.csv", std::string("A\0B\0", 4)), std::nullopt);  // UTF-16
  // And read as a workbook anyway, it is refused, not crashed on.
  EXPECT_TRUE(contains(refusal(png, TableKind::kXlsx), "Excel"));
}

// --- XLSX ---------------------------------------------------------------------------------------

TEST(ReadXlsx, AWorkbookSavedByOpenpyxlGivesItsFirstSheet) {
  const Table t = read_ok(fixture("roster.xlsx"), TableKind::kXlsx);
  EXPECT_EQ(t.rows, (Rows{{"身分證字號", "姓名", "時數"},
                          {"A123456789", "王小明", "3"},
                          {"B223456782", "李美玲", "3"},
                          {"H223456788", "", "2"},
                          {"F123456784", "TRUE", "3"}}));
  EXPECT_EQ(t.lines, (std::vector<int>{1, 2, 3, 5, 6}));
}

TEST(ReadXlsx, TheRowCheckReadsTheWorkbookAsTheOrganizerSeesIt) {
  const Table t = read_ok(fixture("roster.xlsx"), TableKind::kXlsx);
  const std::map<std::string, domain::KnownTeacher> known = {{"A123456789", {true}},
                                                             {"B223456782", {true}},
                                                             {"H223456788", {true}},
                                                             {"F123456784", {false}}};
  const auto reports = domain::check_roster_rows(t.rows, t.lines, 3, known);
  ASSERT_EQ(reports.size(), 4u);
  EXPECT_EQ(reports[2].line, 5);
  EXPECT_TRUE(reports[2].accepted()) << reports[2].message;
  EXPECT_EQ(reports[2].hours, 2);
  EXPECT_EQ(reports[3].line, 6);
  EXPECT_EQ(reports[3].problem_code, domain::kNotActive);
}

TEST(ReadXlsx, SharedStringsRichTextInlineStringsNumbersAndBooleans) {
  const std::
      string
          strings =
              sst("<si><t>身分證字號</t></si>"
                  "<si><r><rPr><b/></rPr><t>研習</t></r><r><t xml:space=\"preserve\">時數 "
                  "</t></r></si>"  // rich text runs
                  "<si><t>A123456789</t><rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>"  // phonetic
                                                                                            // guide
                                                                                            // left
                                                                                            // out
                  "<si><t/></si>");
  const std::string rows =
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>)"
      R"(<row r="2"><c r="A2" t="s"><v>2</v></c><c r="C2"><v>3.0</v></c></row>)"
      R"(<row r="3"><c r="A3" t="inlineStr"><is><r><t>B2234</t></r><r><t>56782</t></r></is></c><c r="C3" t="n"><v>3.5</v></c></row>)"
      R"(<row r="4"><c r="A4" t="str"><f>"X"&amp;"Y"</f><v>XY</v></c><c r="B4" t="b"><v>0</v></c><c r="C4"><f>1+1</f><v>2</v></c></row>)"
      R"(<row r="5"><c r="A5" t="e"><v>#N/A</v></c><c r="B5"><v>1E3</v></c><c r="D5" t="s"><v>3</v></c></row>)"
      R"(<row r="6" spans="1:3"><c r="A6" s="1"/><c r="B6" t="s"><v>3</v></c></row>)";  // formatting
                                                                                        // only: no
                                                                                        // row
  const Table t = read_ok(workbook(strings, rows), TableKind::kXlsx);
  EXPECT_EQ(t.rows, (Rows{{"身分證字號", "", "研習時數 "},
                          {"A123456789", "", "3"},
                          {"B223456782", "", "3.5"},
                          {"XY", "FALSE", "2"},
                          {"#N/A", "1000"}}));
  EXPECT_EQ(t.lines, (std::vector<int>{1, 2, 3, 4, 5}));
}

TEST(ReadXlsx, CellsWithoutReferencesFollowEachOther) {
  const Table t = read_ok(
      workbook("", R"(<row><c t="inlineStr"><is><t>A123456789</t></is></c><c><v>3</v></c></row>)"
                   R"(<row><c r="B2"><v>2</v></c></row>)"),
      TableKind::kXlsx);
  EXPECT_EQ(t.rows, (Rows{{"A123456789", "3"}, {"", "2"}}));
  EXPECT_EQ(t.lines, (std::vector<int>{1, 2}));
}

TEST(ReadXlsx, MissingSharedStringsAreFineUntilACellNeedsOne) {
  EXPECT_EQ(
      read_ok(workbook("", R"(<row r="1"><c r="A1"><v>7</v></c></row>)"), TableKind::kXlsx).rows,
      (Rows{{"7"}}));
  const std::string error =
      refusal(workbook("", R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"), TableKind::kXlsx);
  EXPECT_TRUE(contains(error, "第 1 列 A 欄")) << error;
  // An index past the end of the table is the same.
  refusal(workbook(sst("<si><t>x</t></si>"), R"(<row r="1"><c r="A1" t="s"><v>1</v></c></row>)"),
          TableKind::kXlsx);
}

TEST(ReadXlsx, AZipThatIsNotAWorkbookIsRefused) {
  EXPECT_TRUE(contains(refusal(make_zip({{"word/document.xml", "<document/>"}}), TableKind::kXlsx),
                       ".xlsx"));
  // workbook.xml without its relationships.
  refusal(make_zip({{"xl/workbook.xml", kWorkbook}, {"xl/worksheets/sheet1.xml", sheet_xml("")}}),
          TableKind::kXlsx);
  // A sheet that is not XML.
  refusal(make_zip({{"xl/workbook.xml", kWorkbook},
                    {"xl/_rels/workbook.xml.rels", kRels},
                    {"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>"}}),
          TableKind::kXlsx);
  // Cut short.
  const std::string whole = fixture("roster.xlsx");
  refusal(whole.substr(0, whole.size() / 2), TableKind::kXlsx);
}

TEST(ReadXlsx, ADoctypeInAPartIsRefused) {
  const std::string rows = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>)";
  const std::string sheet =
      R"(<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)" +
      sheet_xml(rows);
  const std::string error = refusal(make_zip({{"xl/workbook.xml", kWorkbook},
                                              {"xl/_rels/workbook.xml.rels", kRels},
                                              {"xl/worksheets/sheet1.xml", sheet}}),
                                    TableKind::kXlsx);
  EXPECT_TRUE(contains(error, "DOCTYPE")) << error;
}

TEST(ReadXlsx, OneCellOfFiveMegabytesIsRefusedWithItsPlace) {
  // Letters that do not repeat, so that the archive is not refused as a zip bomb first.
  std::string letters(5 * 1000 * 1000, 'a');
  uint32_t seed = 9;
  for (char& c : letters) c = static_cast<char>('a' + (seed = seed * 1103515245 + 12345) % 26);
  const std::string strings = sst("<si><t>" + letters + "</t></si>");
  const std::string error = refusal(
      workbook(strings, R"(<row r="3"><c r="B3" t="s"><v>0</v></c></row>)"), TableKind::kXlsx);
  EXPECT_TRUE(contains(error, "第 3 列 B 欄")) << error;
  EXPECT_TRUE(contains(error, "1,000")) << error;
  // Unused, the same string costs nothing.
  read_ok(workbook(strings, R"(<row r="1"><c r="A1"><v>1</v></c></row>)"), TableKind::kXlsx);
}

TEST(ReadXlsx, FiveThousandRowsAreReadAndOneMoreIsRefused) {
  std::string rows;
  for (int r = 1; r <= 5000; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"B" + std::to_string(r) +
            "\"><v>3</v></c></row>";
  EXPECT_EQ(read_ok(workbook("", rows), TableKind::kXlsx).rows.size(), 5000u);
  rows += R"(<row r="5001"><c r="A5001"><v>3</v></c></row>)";
  EXPECT_TRUE(contains(refusal(workbook("", rows), TableKind::kXlsx), "5,000"));
}

TEST(ReadXlsx, ACellFarToTheRightIsRefusedButAnEmptyOneIsNot) {
  EXPECT_EQ(read_ok(workbook("", R"(<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="2"/></row>)"),
                    TableKind::kXlsx)
                .rows,
            (Rows{{"1"}}));
  refusal(workbook("", R"(<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>)"),
          TableKind::kXlsx);
  refusal(workbook("", R"(<row r="1"><c r="A0"><v>1</v></c></row>)"), TableKind::kXlsx);
}

// Sets the uncompressed size of every entry to `declared` in the local headers and the central
// directory, as a forged archive would.
void forge_declared_sizes(std::string& zip, uint32_t declared) {
  const auto patch = [&](const std::string& signature, std::size_t offset) {
    for (auto at = zip.find(signature); at != std::string::npos; at = zip.find(signature, at + 4)) {
      for (int i = 0; i < 4; ++i)
        zip[at + offset + i] = static_cast<char>((declared >> (8 * i)) & 0xFF);
    }
  };
  patch(std::string("PK\x03\x04", 4), 22);
  patch(std::string("PK\x01\x02", 4), 24);
}

TEST(ReadXlsx, ZipBombsAreRefusedWithoutInflatingThem) {
  const std::string huge_sheet = sheet_xml("") + std::string(60 * 1024 * 1024, ' ');
  const std::string bomb = make_zip({{"xl/workbook.xml", kWorkbook},
                                     {"xl/_rels/workbook.xml.rels", kRels},
                                     {"xl/worksheets/sheet1.xml", huge_sheet}});
  ASSERT_LT(bomb.size(), kMaxUploadBytes);
  // Declaring 60 MiB: refused from the directory alone.
  EXPECT_TRUE(contains(refusal(bomb, TableKind::kXlsx), "50 MB"));

  // Declaring 1 KB but inflating 60 MiB: refused at the cap, whatever it declares.
  std::string liar = bomb;
  forge_declared_sizes(liar, 1000);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(contains(refusal(liar, TableKind::kXlsx), "50 MB"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));

  // 2 MiB that compress a thousandfold: refused for the ratio although it is small once inflated.
  const std::string dense =
      make_zip({{"xl/workbook.xml", kWorkbook},
                {"xl/_rels/workbook.xml.rels", kRels},
                {"xl/worksheets/sheet1.xml", sheet_xml("") + std::string(2 * 1024 * 1024, ' ')}});
  EXPECT_TRUE(contains(refusal(dense, TableKind::kXlsx), "壓縮比"));
  // Stored, the same sheet is fine.
  const std::string stored = make_zip(
      {{"xl/workbook.xml", kWorkbook},
       {"xl/_rels/workbook.xml.rels", kRels},
       {"xl/worksheets/sheet1.xml", sheet_xml(R"(<row r="1"><c r="A1"><v>1</v></c></row>)") +
                                        std::string(2 * 1024 * 1024, ' ')}},
      true);
  EXPECT_EQ(read_ok(stored, TableKind::kXlsx).rows, (Rows{{"1"}}));
}

// --- CSV
// ------------------------------------------------------------------------------------------

TEST(ReadCsv, Rfc4180QuotesDoubledQuotesAndLineEnds) {
  const std::string csv =
      "身分證字號,時數,姓名\r\n"
      "A123456789,3,\"王,小明\"\r\n"
      "\r\n"
      "B223456782,\"2\",\"李\"\"美玲\"\"\"\n"
      "H223456788,1,\"周\r\n怡君\"\n"
      ",,\n"
      "F123456784,0,陳\"志強";
  const Table t = read_ok(csv, TableKind::kCsv);
  EXPECT_EQ(t.rows, (Rows{{"身分證字號", "時數", "姓名"},
                          {"A123456789", "3", "王,小明"},
                          {"B223456782", "2", "李\"美玲\""},
                          {"H223456788", "1", "周\r\n怡君"},
                          {"F123456784", "0", "陳\"志強"}}));
  EXPECT_EQ(t.lines, (std::vector<int>{1, 2, 4, 5, 7}));  // records, as Excel numbers them
}

TEST(ReadCsv, Utf8WithOrWithoutBomReadsTheSame) {
  const Table plain = read_ok("身分證字號,時數\nA123456789,3\n", TableKind::kCsv);
  const Table bom = read_ok("\xEF\xBB\xBF身分證字號,時數\nA123456789,3\n", TableKind::kCsv);
  EXPECT_EQ(plain.rows, bom.rows);
  EXPECT_EQ(bom.rows[0][0], "身分證字號");
}

TEST(ReadCsv, Big5AsExcelInTaiwanSavesItIsConverted) {
  const Table t = read_ok(fixture("roster_big5.csv"), TableKind::kCsv);
  EXPECT_EQ(t.rows, (Rows{{"身分證字號", "姓名", "時數"},
                          {"A123456789", "王小明", "3"},
                          {"B223456782", "李美玲, 內壢國小", "2"}}));
}

TEST(ReadCsv, NeitherUtf8NorBig5IsRefusedAskingForUtf8) {
  EXPECT_TRUE(contains(refusal("A123456789,3,\xA4\n", TableKind::kCsv), "UTF-8"));
  EXPECT_TRUE(contains(refusal(std::string("\xFF\xFE"
                                           "A\0,\0"
                                           "3\0",
                                           8),
                               TableKind::kCsv),
                       "UTF-8"));
}

TEST(ReadCsv, AnUnendedQuoteIsRefusedWithItsLine) {
  EXPECT_TRUE(contains(refusal("A123456789,3\nB223456782,\"2\n", TableKind::kCsv), "第 2 列"));
}

TEST(ReadCsv, OneCellOfFiveMegabytesIsRefused) {
  const std::string csv = "身分證字號,時數\nA123456789," + std::string(5 * 1000 * 1000, '3') + "\n";
  ASSERT_LE(csv.size(), kMaxUploadBytes);
  const std::string error = refusal(csv, TableKind::kCsv);
  EXPECT_TRUE(contains(error, "第 2 列 B 欄")) << error;
}

TEST(ReadCsv, FiveThousandRowsAreReadAndOneMoreIsRefused) {
  std::string csv;
  for (int i = 0; i < 5000; ++i) csv += "A123456789,3\r\n";
  EXPECT_EQ(read_ok(csv, TableKind::kCsv).rows.size(), 5000u);
  csv += "A123456789,3\r\n";
  EXPECT_TRUE(contains(refusal(csv, TableKind::kCsv), "5,000"));
}

TEST(ReadCsv, MoreThanAHundredColumnsIsRefused) {
  refusal("A123456789,3" + std::string(100, ',') + "\n", TableKind::kCsv);
  EXPECT_EQ(read_ok("A123456789,3" + std::string(98, ',') + "\n", TableKind::kCsv).rows[0].size(),
            100u);
}

TEST(ReadTable, AFileAboveFiveMebibytesIsRefusedBeforeParsing) {
  const std::string six(6 * 1024 * 1024, 'x');
  for (const TableKind kind : {TableKind::kXlsx, TableKind::kCsv, TableKind::kXml}) {
    EXPECT_TRUE(contains(refusal(six, kind), "5 MB"));
  }
  const std::string just(kMaxUploadBytes, 'x');  // exactly the limit is read (and is one long cell)
  EXPECT_TRUE(contains(refusal(just, TableKind::kCsv), "1,000"));
}

TEST(ReadTable, AFileWithNothingInItIsRefused) {
  EXPECT_EQ(refusal("\r\n,,\r\n", TableKind::kCsv), "檔案裡沒有任何資料。");
  EXPECT_EQ(refusal("<roster></roster>", TableKind::kXml), "檔案裡沒有任何資料。");
  EXPECT_EQ(refusal(workbook("", ""), TableKind::kXlsx), "檔案裡沒有任何資料。");
}

// --- XML
// ------------------------------------------------------------------------------------------

TEST(ReadXml, TheDocumentedFormatGivesAHeaderAndOneRowPerTeacher) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<roster>\n"
      "  <teacher><national_id>A123456789</national_id><hours>3</hours></teacher>\n"
      "  <teacher>\n"
      "    <hours>2</hours>\n"
      "    <national_id>B223456782</national_id>\n"
      "    <name>李&amp;美玲</name>\n"
      "  </teacher>\n"
      "  <teacher/>\n"
      "  <teacher><national_id><![CDATA[H223456788]]></national_id><hours/></teacher>\n"
      "</roster>\n";
  const Table t = read_ok(xml, TableKind::kXml);
  EXPECT_EQ(t.rows, (Rows{{"national_id", "hours", "name"},
                          {"A123456789", "3", ""},
                          {"B223456782", "2", "李&美玲"},
                          {"H223456788", "", ""}}));
  EXPECT_EQ(t.lines, (std::vector<int>{0, 3, 4, 10}));
  const auto reports = domain::check_roster_rows(t.rows, t.lines, 3,
                                                 {{"A123456789", {true}}, {"B223456782", {true}}});
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_TRUE(reports[0].accepted());
  EXPECT_TRUE(reports[1].accepted());
  EXPECT_EQ(reports[2].line, 10);
  EXPECT_EQ(reports[2].problem_code, domain::kMalformedRow);
}

TEST(ReadXml, AnAccessExportWithItsSchemaInlineIsRead) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<root xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
      "xmlns:od=\"urn:schemas-microsoft-com:officedata\">\n"
      "<xsd:schema><xsd:element name=\"名單\"><xsd:complexType/></xsd:element></xsd:schema>\n"
      "<dataroot>\n"
      "</dataroot>\n"
      "<名單><身分證字號>A123456789</身分證字號><研習時數>3</研習時數></名單>\n"
      "</root>\n";
  const Table t = read_ok(xml, TableKind::kXml);
  EXPECT_EQ(t.rows, (Rows{{"身分證字號", "研習時數"}, {"A123456789", "3"}}));
}

TEST(ReadXml, Big5DeclaredIsConverted) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"Big5\"?><roster><teacher><name>";
  xml += "\xA4\xFD\xA4\x70\xA9\xFA";  // 王小明 in Big5
  xml += "</name></teacher></roster>";
  EXPECT_EQ(read_ok(xml, TableKind::kXml).rows, (Rows{{"name"}, {"王小明"}}));
}

TEST(ReadXml, AnExternalEntityIsNeverFetched) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE roster [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      "<roster><teacher><national_id>&xxe;</national_id><hours>3</hours></teacher></roster>";
  const ReadResult r = read_table(xml, TableKind::kXml);
  EXPECT_FALSE(r.table);
  EXPECT_TRUE(contains(r.error, "DOCTYPE")) << r.error;
  EXPECT_FALSE(contains(r.error, "root:"));
  // An external DTD alone is refused too.
  refusal(
      "<!DOCTYPE roster SYSTEM "
      "\"http://127.0.0.1:1/x.dtd\"><roster><teacher><hours>3</hours></teacher></roster>",
      TableKind::kXml);
}

TEST(ReadXml, ADoctypeInUtf16IsRefusedToo) {
  const std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE r [<!ENTITY e "
      "\"x\">]><r><t><h>&e;</h></t></r>";
  std::string utf16 = "\xFF\xFE";
  for (const char c : text) utf16 += std::string{c, '\0'};
  EXPECT_TRUE(contains(refusal(utf16, TableKind::kXml), "DOCTYPE"));
}

TEST(ReadXml, BillionLaughsAreRefusedAtOnce) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    xml += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j)
      xml += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    xml += "\">\n";
  }
  xml += "]>\n<roster><teacher><name>&lol9;</name></teacher></roster>";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(contains(refusal(xml, TableKind::kXml), "DOCTYPE"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST(ReadXml, MalformedOrOddlyShapedXmlIsRefusedWithALine) {
  EXPECT_TRUE(
      contains(refusal("<roster><teacher><hours>3</hours></roster>", TableKind::kXml), "格式"));
  EXPECT_TRUE(contains(
      refusal("<roster>\n<teacher><hours><b>3</b></hours></teacher></roster>", TableKind::kXml),
      "第 2 行"));
  EXPECT_TRUE(contains(refusal("<roster>\n<teacher>A123456789</teacher></roster>", TableKind::kXml),
                       "第 2 行"));
  EXPECT_TRUE(
      contains(refusal("<roster><teacher><hours>3</hours>\n<hours>2</hours></teacher></roster>",
                       TableKind::kXml),
               "兩個 <hours>"));
  refusal("<roster><teacher><hours>&undefined;</hours></teacher></roster>", TableKind::kXml);
}

TEST(ReadXml, OneCellOfFiveMegabytesIsRefused) {
  const std::string xml = "<roster><teacher><hours>" + std::string(5 * 1000 * 1000, '3') +
                          "</hours></teacher></roster>";
  EXPECT_TRUE(contains(refusal(xml, TableKind::kXml), "<hours>"));
}

TEST(ReadXml, FiveThousandRowsWithTheHeaderAreReadAndOneMoreIsRefused) {
  std::string records;
  for (int i = 0; i < 4999; ++i)
    records += "<teacher><national_id>A123456789</national_id><hours>3</hours></teacher>\n";
  EXPECT_EQ(read_ok("<roster>" + records + "</roster>", TableKind::kXml).rows.size(), 5000u);
  records += "<teacher><hours>3</hours></teacher>";
  EXPECT_TRUE(contains(refusal("<roster>" + records + "</roster>", TableKind::kXml), "5,000"));
}

}  // namespace
}  // namespace files
