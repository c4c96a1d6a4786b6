// tests/unit/csv_writer_test.cpp: BOM, CRLF, RFC 4180 quoting and neutralised cells.
#include "files/csv_writer.h"

#include <gtest/gtest.h>

using files::csv_document;

TEST(CsvDocument, StartsWithTheBomAndEndsEveryRecordWithCrlf) {
  EXPECT_EQ(csv_document({"年度", "時數"}, {{"114", "3"}}), "\xEF\xBB\xBF年度,時數\r\n114,3\r\n");
}

TEST(CsvDocument, QuotesCellsWithCommasQuotesAndLineBreaks) {
  EXPECT_EQ(csv_document({"a"}, {{"x,y"}, {"say \"hi\""}, {"two\nlines"}}),
            "\xEF\xBB\xBF"
            "a\r\n\"x,y\"\r\n\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n");
}

TEST(CsvDocument, NeutralisesFormulaCellsInHeaderAndRows) {
  EXPECT_EQ(csv_document({"=H"}, {{"=1+1", "@SUM(A1)", "-3", "ok"}}),
            "\xEF\xBB\xBF'=H\r\n'=1+1,'@SUM(A1),'-3,ok\r\n");
}

TEST(CsvDocument, AnEmptyTableIsTheHeaderAlone) {
  EXPECT_EQ(csv_document({"a", "b"}, {}),
            "\xEF\xBB\xBF"
            "a,b\r\n");
}
