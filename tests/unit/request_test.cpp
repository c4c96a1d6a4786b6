// Form, query and cookie parsing within limits (core/request).
#include "core/request.h"

#include <gtest/gtest.h>

namespace core {
namespace {

TEST(ParseUrlencoded, DecodesPlusAndPercent) {
  Params p;
  ASSERT_EQ(parse_urlencoded("q=%E9%96%B1%E8%AE%80+%E6%95%99%E5%AD%B8&page=2", Limits{}, p),
            ParseError::kNone);
  EXPECT_EQ(p.get_or("q"), "閱讀 教學");
  EXPECT_EQ(p.get_or("page"), "2");
}

TEST(ParseUrlencoded, FirstOfDuplicateNamesWins) {
  Params p;
  ASSERT_EQ(parse_urlencoded("a=1&a=2", Limits{}, p), ParseError::kNone);
  EXPECT_EQ(p.get_or("a"), "1");
  EXPECT_EQ(p.all("a").size(), 2u);
}

TEST(ParseUrlencoded, KeepsAStrayPercentAsText) {
  Params p;
  ASSERT_EQ(parse_urlencoded("a=100%&b=%zz", Limits{}, p), ParseError::kNone);
  EXPECT_EQ(p.get_or("a"), "100%");
  EXPECT_EQ(p.get_or("b"), "%zz");
}

TEST(ParseUrlencoded, RefusesInvalidUtf8) {
  Params p;
  EXPECT_EQ(parse_urlencoded("name=%C3%28", Limits{}, p), ParseError::kBadEncoding);
  EXPECT_EQ(parse_urlencoded("name=%ED%A0%80", Limits{}, p), ParseError::kBadEncoding);
}

TEST(ParseUrlencoded, RefusesABodyOverTheLimit) {
  Limits limits;
  limits.max_body = 10;
  Params p;
  EXPECT_EQ(parse_urlencoded("a=12345678901", limits, p), ParseError::kTooLarge);
}

TEST(ParseUrlencoded, RefusesAValueOverTheLimit) {
  Limits limits;
  limits.max_value = 4;
  Params p;
  EXPECT_EQ(parse_urlencoded("a=1234", limits, p), ParseError::kNone);
  EXPECT_EQ(parse_urlencoded("b=12345", limits, p), ParseError::kTooLarge);
}

TEST(ParseUrlencoded, RefusesTooManyFields) {
  Limits limits;
  limits.max_fields = 3;
  Params p;
  EXPECT_EQ(parse_urlencoded("a=1&b=2&c=3&d=4", limits, p), ParseError::kTooManyFields);
}

TEST(ParseUrlencoded, SkipsEmptyPairs) {
  Params p;
  ASSERT_EQ(parse_urlencoded("&&a=1&", Limits{}, p), ParseError::kNone);
  EXPECT_EQ(p.size(), 1u);
}

TEST(ParseCookies, SplitsOnSemicolonsAndKeepsTheFirstOfAName) {
  std::map<std::string, std::string> c;
  parse_cookies("sid=abc; pre=def;sid=zzz", c);
  EXPECT_EQ(c["sid"], "abc");
  EXPECT_EQ(c["pre"], "def");
}

TEST(ParseMultipart, ReadsFieldsAndFiles) {
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n研習\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"roster\"; filename=\"a.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\nA123456789,3\r\n\r\n--XyZ--\r\n";
  Params fields;
  std::vector<UploadedFile> files;
  ASSERT_EQ(parse_multipart(body, "multipart/form-data; boundary=XyZ", Limits{}, fields, files),
            ParseError::kNone);
  EXPECT_EQ(fields.get_or("title"), "研習");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].filename, "a.csv");
  EXPECT_EQ(files[0].content, "A123456789,3\r\n");
}

TEST(ParseMultipart, RefusesAMissingBoundary) {
  Params fields;
  std::vector<UploadedFile> files;
  EXPECT_EQ(parse_multipart("x", "multipart/form-data", Limits{}, fields, files),
            ParseError::kMalformed);
}

TEST(ParseMultipart, RefusesAnUnterminatedPart) {
  Params fields;
  std::vector<UploadedFile> files;
  EXPECT_EQ(parse_multipart("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue",
                            "multipart/form-data; boundary=b", Limits{}, fields, files),
            ParseError::kMalformed);
}

TEST(ParseMultipart, RefusesInvalidUtf8InAField) {
  Params fields;
  std::vector<UploadedFile> files;
  EXPECT_EQ(parse_multipart("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\r\n--b--",
                            "multipart/form-data; boundary=b", Limits{}, fields, files),
            ParseError::kBadEncoding);
}

TEST(UrlEncode, EscapesEverythingButUnreservedCharacters) {
  EXPECT_EQ(url_encode("a b/閱"), "a%20b%2F%E9%96%B1");
  EXPECT_EQ(url_decode(url_encode("/teacher?x=1&y=2"), false), "/teacher?x=1&y=2");
}

}  // namespace
}  // namespace core
