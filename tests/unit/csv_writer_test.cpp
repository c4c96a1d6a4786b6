// tests/unit/csv_writer_test.cpp: the CSV of the exports: BOM, CRLF, RFC 4180 quoting, and
// cells that a spreadsheet would run as formulas neutralised.
#include "files/csv_writer.h"

#include <gtest/gtest.h>

namespace files {
namespace {

const std::string kBom = "\xEF\xBB\xBF";

TEST(WriteCsv, BomHeaderAndRowsEachEndedByCrlf) {
  const Sheet t{{"姓名", "電話"}, {{"王小明", "0912-345-678"}, {"李美玲", ""}}};
  EXPECT_EQ(write_csv(t), kBom + "姓名,電話\r\n王小明,0912-345-678\r\n李美玲,\r\n");
}

TEST(WriteCsv, NoRowsIsTheHeaderAlone) {
  EXPECT_EQ(write_csv(Sheet{{"a", "b"}, {}}), kBom + "a,b\r\n");
}

TEST(WriteCsv, QuotesCellsWithCommasQuotesAndLineBreaks) {
  const Sheet t{{"x"}, {{"桃園市, 中壢區"}, {"他說\"好\""}, {"兩\n行"}, {"a\rb"}, {"plain"}}};
  EXPECT_EQ(write_csv(t), kBom + "x\r\n\"桃園市, 中壢區\"\r\n\"他說\"\"好\"\"\"\r\n\"兩\n行\"\r\n\"a\rb\"\r\nplain\r\n");
}

TEST(WriteCsv, NeutralisesFormulaStartsBeforeQuoting) {
  const Sheet t{{"=header"}, {{"=HYPERLINK(\"http://x\",\"y\")", "+886912345678", "-1", "@SUM(A1)", "\tx", "\rx"}}};
  EXPECT_EQ(write_csv(t), kBom + "'=header\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+886912345678,'-1,"
                                 "'@SUM(A1),'\tx,\"'\rx\"\r\n");
}

}  // namespace
}  // namespace files
