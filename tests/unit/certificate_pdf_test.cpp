// tests/unit/certificate_pdf_test.cpp: the 研習證明 is a PDF with its font embedded, or nothing.
#include "files/certificate_pdf.h"

#include <gtest/gtest.h>

namespace {
const char* kFont = "/usr/share/fonts/truetype/arphic/uming.ttc";

files::Certificate sample() {
  files::Certificate c;
  c.teacher_name = "王小明";
  c.masked_id = "A12****789";
  c.course_title = "英語教學新趨勢：溝通式教學實作，一個長到必須換行的研習名稱也要完整印在證明上";
  c.course_code = "5600009";
  c.unit = "桃園市立內壢國民中學";
  c.dates = "115/10/13";
  c.hours = "3 小時";
  c.verify_code = "DEM0-REC0-0001";
  c.verify_url = "http://127.0.0.1:8080/verify/DEM0-REC0-0001";
  c.issued_on = "115 年 12 月 2 日";
  return c;
}
}  // namespace

TEST(CertificatePdf, IsAOnePagePdfWithTheFontEmbedded) {
  const auto pdf = files::certificate_pdf(sample(), kFont, 2);
  ASSERT_TRUE(pdf.has_value());
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf->find("/FontFile2"), std::string::npos);  // the TrueType program itself
  EXPECT_NE(pdf->find("/Count 1"), std::string::npos);
  EXPECT_LT(pdf->size(), 2'000'000u);  // only the glyphs used, not the 21 MB collection
}

TEST(CertificatePdf, NothingWhenTheFontIsMissing) {
  EXPECT_FALSE(files::certificate_pdf(sample(), "/nonexistent/uming.ttc", 0).has_value());
}
