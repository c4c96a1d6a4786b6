// tests/unit/password_rules_test.cpp: the new-password rule (length, no ID, no birth date).
#include "domain/password_rules.h"

#include <gtest/gtest.h>

namespace domain {
namespace {

const Date kBirth{1984, 5, 12};

TEST(PasswordRules, AcceptsTenCharactersWithoutIdOrBirthDate) {
  EXPECT_EQ(password_problem("correct-horse", "A123456789", kBirth), "");
  EXPECT_EQ(password_problem("abcdefghij", "A123456789", kBirth), "");
}

TEST(PasswordRules, RefusesFewerThanTenCharactersCountedAsAPersonCounts) {
  EXPECT_NE(password_problem("abcdefghi", "A123456789", kBirth), "");
  // Nine Chinese characters are 27 bytes but still nine characters.
  EXPECT_NE(password_problem("一二三四五六七八九", "A123456789", kBirth), "");
  EXPECT_EQ(password_problem("一二三四五六七八九十", "A123456789", kBirth), "");
}

TEST(PasswordRules, RefusesTheIdInAnyLetterCase) {
  EXPECT_NE(password_problem("xA123456789", "A123456789", kBirth), "");
  EXPECT_NE(password_problem("a123456789!", "A123456789", kBirth), "");
  EXPECT_NE(password_problem("pw-ac01234567", "AC01234567", kBirth), "");
  // Most of the ID is not the ID.
  EXPECT_EQ(password_problem("A12345678x", "A123456789", kBirth), "");
}

TEST(PasswordRules, RefusesTheBirthDateWesternAndRoc) {
  EXPECT_NE(password_problem("me19840512!", "A123456789", kBirth), "");
  EXPECT_NE(password_problem("me0730512!!", "A123456789", kBirth), "");
  EXPECT_NE(password_problem("me730512!!!", "A123456789", kBirth), "");
  EXPECT_NE(password_problem("x1010203xyz", "A123456789", Date{2012, 2, 3}), "");
  // Another day is fine, and so are the same digits in another order.
  EXPECT_EQ(password_problem("me19840513!", "A123456789", kBirth), "");
  EXPECT_EQ(password_problem("me12051984!", "A123456789", kBirth), "");
}

TEST(PasswordRules, WithoutABirthDateOnlyLengthAndIdCount) {
  EXPECT_EQ(password_problem("pw00000000", "A123456789", std::nullopt), "");
  EXPECT_NE(password_problem("pwA123456789", "A123456789", std::nullopt), "");
}

TEST(PasswordRules, SaysWhyInChinese) {
  EXPECT_EQ(password_problem("short", "A123456789", kBirth), "密碼至少需 10 個字元。");
  EXPECT_EQ(password_problem("A123456789z", "A123456789", kBirth), "密碼不可包含身分證字號（或居留證號）。");
  EXPECT_EQ(password_problem("pw19840512", "A123456789", kBirth),
            "密碼不可包含出生日期（西元 YYYYMMDD 或民國 yyyMMdd）。");
}

}  // namespace
}  // namespace domain
