// tests/unit/response_test.cpp: attachments named in UTF-8 (RFC 6266 / RFC 5987).
#include "core/response.h"

#include <gtest/gtest.h>

namespace core {
namespace {

TEST(Rfc5987, KeepsAttrCharsAndEncodesEveryOtherByte) {
  EXPECT_EQ(rfc5987_value("5600001-研習名單.xlsx"),
            "UTF-8''5600001-%E7%A0%94%E7%BF%92%E5%90%8D%E5%96%AE.xlsx");
  EXPECT_EQ(rfc5987_value("a b\"c;d'e%f"), "UTF-8''a%20b%22c%3Bd%27e%25f");
  EXPECT_EQ(rfc5987_value("!#$&+-.^_`|~Az09"), "UTF-8''!#$&+-.^_`|~Az09");
}

TEST(ResponseFile, NamesTheAttachmentTwice) {
  const Response r = Response::file("text/csv; charset=utf-8", "5600001-applicants.csv",
                                    "5600001-研習名單.csv", "x");
  std::string disposition;
  for (const auto& [n, v] : r.headers) {
    if (n == "Content-Disposition") disposition = v;
  }
  EXPECT_EQ(disposition,
            "attachment; filename=\"5600001-applicants.csv\"; "
            "filename*=UTF-8''5600001-%E7%A0%94%E7%BF%92%E5%90%8D%E5%96%AE.csv");
  EXPECT_EQ(r.body, "x");
}

}  // namespace
}  // namespace core
