// tests/unit/download_kind_test.cpp: 下載專區's kinds by content, and the name that must agree.
#include "files/download_kind.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace files {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(UNIT_FIXTURES) + "/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kPdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "\0\0\0\rIHDR";

TEST(DownloadKind, EachKindIsFoundFromItsContent) {
  EXPECT_EQ(download_kind("手冊.pdf", kPdf), DownloadKind::kPdf);
  EXPECT_EQ(download_kind("海報.png", kPng), DownloadKind::kPng);
  EXPECT_EQ(download_kind("名單.xlsx", fixture("roster.xlsx")), DownloadKind::kXlsx);
  EXPECT_EQ(download_kind("報名表.docx", fixture("sample.docx")), DownloadKind::kDocx);
  EXPECT_EQ(download_kind("公文.odt", fixture("sample.odt")), DownloadKind::kOdt);
}

TEST(DownloadKind, TheExtensionMayBeInAnyCase) {
  EXPECT_EQ(download_kind("MANUAL.PDF", kPdf), DownloadKind::kPdf);
  EXPECT_EQ(download_kind("a.b.Png", kPng), DownloadKind::kPng);
}

TEST(DownloadKind, ANameThatSaysAnotherKindIsRefused) {
  EXPECT_FALSE(download_kind("手冊.pdf", kPng));
  EXPECT_FALSE(download_kind("報名表.docx", fixture("roster.xlsx")));
  EXPECT_FALSE(download_kind("名單.xlsx", fixture("sample.docx")));
  EXPECT_FALSE(download_kind("公文.docx", fixture("sample.odt")));
  EXPECT_FALSE(download_kind("手冊", kPdf));
  EXPECT_FALSE(download_kind("手冊.pdf.", kPdf));
}

TEST(DownloadKind, OtherContentIsRefusedWhateverItsName) {
  EXPECT_FALSE(download_kind("a.pdf", ""));
  EXPECT_FALSE(download_kind("a.pdf", "<html><script>x()</script>"));
  EXPECT_FALSE(download_kind("a.exe", "MZ\x90"));
  EXPECT_FALSE(download_kind("a.xlsx", std::string("PK\x03\x04", 4) + "not a zip at all"));
  EXPECT_FALSE(download_kind("a.pdf", " %PDF-1.4"));  // the signature must come first
  EXPECT_FALSE(download_kind("a.csv", "a,b\n1,2\n"));
}

TEST(DownloadKind, NamesAndTypesGoTogether) {
  EXPECT_STREQ(extension_of(DownloadKind::kDocx), "docx");
  EXPECT_STREQ(content_type_of(DownloadKind::kPng), "image/png");
  EXPECT_EQ(parse_download_kind("odt"), DownloadKind::kOdt);
  EXPECT_FALSE(parse_download_kind("exe"));
}

}  // namespace
}  // namespace files
