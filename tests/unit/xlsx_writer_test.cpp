// tests/unit/xlsx_writer_test.cpp: the workbook of the exports, opened back as the zip it is
// (libzip) and its sheet and strings read: title row, bold frozen header with a filter, cells as
// text and neutralised, column widths, and no temporary file left behind.
#include "files/xlsx_writer.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <string>

namespace files {
namespace {

// Every member of the zip archive `bytes`, by name.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  std::map<std::string, std::string> members;
  if (!zip) {
    if (src) zip_source_free(src);
    ADD_FAILURE() << "not a zip archive: " << zip_error_strerror(&error);
    return members;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(zip, i, 0, &st);
    zip_file_t* f = zip_fopen_index(zip, i, 0);
    std::string content(st.size, '\0');
    zip_fread(f, content.data(), st.size);
    zip_fclose(f);
    members[st.name] = content;
  }
  zip_close(zip);
  return members;
}

class WriteXlsx : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "xlsx-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    const char* old = std::getenv("TMPDIR");
    old_tmpdir_ = old ? old : "";
    had_tmpdir_ = old != nullptr;
    setenv("TMPDIR", dir_.c_str(), 1);
  }
  void TearDown() override {
    if (had_tmpdir_) setenv("TMPDIR", old_tmpdir_.c_str(), 1); else unsetenv("TMPDIR");
    std::filesystem::remove_all(dir_);
  }
  std::string dir_, old_tmpdir_;
  bool had_tmpdir_ = false;
};

const Sheet kTable{{"服務學校", "姓名", "電話"},
                   {{"桃園市立內壢國民中學", "=HYPERLINK(\"http://x\")", "0912-345-678"},
                    {"內壢國小", "李美玲", "+886922345678"}}};

TEST_F(WriteXlsx, IsAWorkbookWithTitleHeaderAndRowsAsText) {
  const std::string bytes = write_xlsx(kTable, {"研習名單", "5600001 素養導向閱讀教學工作坊"});
  ASSERT_EQ(bytes.substr(0, 2), "PK");
  auto members = unzip(bytes);
  ASSERT_TRUE(members.count("xl/worksheets/sheet1.xml"));
  ASSERT_TRUE(members.count("xl/sharedStrings.xml"));
  EXPECT_NE(members["xl/workbook.xml"].find("name=\"研習名單\""), std::string::npos);
  EXPECT_NE(members["docProps/core.xml"].find("5600001 素養導向閱讀教學工作坊"), std::string::npos);
  const std::string& strings = members["xl/sharedStrings.xml"];
  for (const char* s : {"5600001 素養導向閱讀教學工作坊", "服務學校", "李美玲", "0912-345-678",
                        "桃園市立內壢國民中學"}) {
    EXPECT_NE(strings.find(s), std::string::npos) << s;
  }
  // Neutralised: the apostrophe kept as text, never a formula.
  EXPECT_NE(strings.find("<t>'=HYPERLINK(\"http://x\")</t>"), std::string::npos) << strings;
  EXPECT_NE(strings.find("'+886922345678"), std::string::npos);
  const std::string& sheet = members["xl/worksheets/sheet1.xml"];
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);
  // Rows 1 (title), 2 (header), 3 and 4; every cell a shared string.
  const std::regex row_tag("<row ");
  EXPECT_EQ(std::distance(std::sregex_iterator(sheet.begin(), sheet.end(), row_tag),
                          std::sregex_iterator()), 4);
  EXPECT_EQ(sheet.find("t=\"n\""), std::string::npos);
  // The header (row 2) frozen below it, with a filter over header and rows.
  EXPECT_NE(sheet.find("ySplit=\"2\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("topLeftCell=\"A3\""), std::string::npos);
  EXPECT_NE(sheet.find("<autoFilter ref=\"A2:C4\""), std::string::npos);
  // Column widths: the school's name (10 CJK characters = 20) is wider than 電話's 12.
  std::smatch m;
  const std::regex first_col("<col min=\"1\" max=\"1\" width=\"([0-9.]+)\"");
  const std::regex third_col("<col min=\"3\" max=\"3\" width=\"([0-9.]+)\"");
  ASSERT_TRUE(std::regex_search(sheet, m, first_col));
  EXPECT_GE(std::stod(m[1]), 20);
  ASSERT_TRUE(std::regex_search(sheet, m, third_col));
  EXPECT_LT(std::stod(m[1]), 20);
  // Bold header: a bold font in the styles, used by the header's cells.
  EXPECT_NE(members["xl/styles.xml"].find("<b/>"), std::string::npos);
}

TEST_F(WriteXlsx, WithoutTitleTheHeaderIsRowOne) {
  auto members = unzip(write_xlsx(kTable, {"名單", ""}));
  const std::string& sheet = members["xl/worksheets/sheet1.xml"];
  EXPECT_NE(sheet.find("ySplit=\"1\""), std::string::npos);
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:C3\""), std::string::npos);
}

TEST_F(WriteXlsx, LeavesNoTemporaryFileBehind) {
  write_xlsx(kTable, {"研習名單", "x"});
  EXPECT_TRUE(std::filesystem::is_empty(dir_));
}

TEST_F(WriteXlsx, ABadSheetNameThrowsAndLeavesNothing) {
  EXPECT_THROW(write_xlsx(kTable, {"a/b", ""}), std::runtime_error);
  EXPECT_TRUE(std::filesystem::is_empty(dir_));
}

}  // namespace
}  // namespace files
