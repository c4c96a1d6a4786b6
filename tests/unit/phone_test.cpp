// tests/unit/phone_test.cpp: Taiwan telephone numbers as typed, normalised or refused at their
// edges.
#include "domain/phone.h"

#include <gtest/gtest.h>

#include <string>

namespace domain {
namespace {

std::string normalized(const std::string& typed) {
  const PhoneCheck c = check_phone(typed);
  EXPECT_EQ(c.problem.empty(), !c.normalized.empty()) << typed;
  return c.normalized;
}

std::string problem(const std::string& typed) {
  const PhoneCheck c = check_phone(typed);
  EXPECT_TRUE(c.normalized.empty()) << typed << " was accepted as " << c.normalized;
  return c.problem;
}

TEST(CheckPhone, WritesAMobileNumberInFourThreeThree) {
  EXPECT_EQ(normalized("0912345678"), "0912-345-678");
  EXPECT_EQ(normalized("0912-345-678"), "0912-345-678");
  EXPECT_EQ(normalized(" 0912 345 678 "), "0912-345-678");
  EXPECT_EQ(normalized("0912.345.678"), "0912-345-678");
}

TEST(CheckPhone, RefusesAMobileNumberOfNineOrElevenDigits) {
  EXPECT_NE(problem("091234567").find("10 碼"), std::string::npos);
  EXPECT_NE(problem("09123456789").find("10 碼"), std::string::npos);
}

TEST(CheckPhone, RefusesAnExtensionOnAMobileNumber) {
  EXPECT_NE(problem("0912-345-678#12").find("手機號碼不能加分機"), std::string::npos);
}

TEST(CheckPhone, WritesALandlineAsAreaCodeDashNumber) {
  EXPECT_EQ(normalized("034512345"), "03-4512345");
  EXPECT_EQ(normalized("(03)451-2345"), "03-4512345");
  EXPECT_EQ(normalized("02 2345 6789"), "02-23456789");
  EXPECT_EQ(normalized("04-22345678"), "04-22345678");  // 臺中, eight digits
  EXPECT_EQ(normalized("04-7234567"), "04-7234567");    // 彰化, seven
  EXPECT_EQ(normalized("07-2345678"), "07-2345678");
}

TEST(CheckPhone, ReadsTheLongestAreaCode) {
  EXPECT_EQ(normalized("037-332000"), "037-332000");  // 苗栗, not 03 + 7332000
  EXPECT_NE(problem("0372345678").find("區碼 037 之後應為 6 碼"), std::string::npos);
  EXPECT_EQ(normalized("049-2345678"), "049-2345678");  // 南投
  EXPECT_EQ(normalized("089-312345"), "089-312345");    // 臺東
  EXPECT_EQ(normalized("082-312345"), "082-312345");    // 金門
  EXPECT_EQ(normalized("0826-88123"), "0826-88123");    // 烏坵
  EXPECT_EQ(normalized("0836-22123"), "0836-22123");    // 馬祖
}

TEST(CheckPhone, RefusesASubscriberNumberOfTheWrongLengthNamingTheRightOne) {
  EXPECT_EQ(problem("02-2345678"), "區碼 02 之後應為 8 碼（例如 02-23456789），請再確認。");
  EXPECT_EQ(problem("03-45123456"), "區碼 03 之後應為 7 碼（例如 03-2345678），請再確認。");
  EXPECT_EQ(problem("04-223456789"), "區碼 04 之後應為 7 或 8 碼（例如 04-23456789），請再確認。");
  EXPECT_NE(problem("0836-2212").find("5 碼"), std::string::npos);
}

TEST(CheckPhone, RefusesASubscriberNumberStartingWithZeroOrOne) {
  EXPECT_NE(problem("02-12345678").find("不會以 0 或 1 開頭"), std::string::npos);
  EXPECT_NE(problem("03-0512345").find("不會以 0 或 1 開頭"), std::string::npos);
}

TEST(CheckPhone, AsksForTheAreaCodeOfALocalNumber) {
  EXPECT_NE(problem("4512345").find("請加上區碼"), std::string::npos);
  EXPECT_NE(problem("23456789").find("請加上區碼"), std::string::npos);
}

TEST(CheckPhone, RefusesAnUnknownAreaCode) {
  EXPECT_NE(problem("01-2345678").find("區碼不正確"), std::string::npos);
  EXPECT_NE(problem("0012345678").find("區碼不正確"), std::string::npos);
}

TEST(CheckPhone, ReadsTheExtensionAfterAnyOfItsMarks) {
  EXPECT_EQ(normalized("03-4512345#123"), "03-4512345#123");
  EXPECT_EQ(normalized("03-4512345 ext. 123"), "03-4512345#123");
  EXPECT_EQ(normalized("03-4512345 EXT 123"), "03-4512345#123");
  EXPECT_EQ(normalized("03-4512345x123"), "03-4512345#123");
  EXPECT_EQ(normalized("03-4512345 分機 123"), "03-4512345#123");
  EXPECT_EQ(normalized("03-4512345轉123"), "03-4512345#123");
  EXPECT_EQ(normalized("03-4512345#123456"), "03-4512345#123456");
}

TEST(CheckPhone, RefusesABadExtension) {
  EXPECT_NE(problem("03-4512345#").find("之後請填分機號碼"), std::string::npos);
  EXPECT_NE(problem("03-4512345#1234567").find("最多 6 碼"), std::string::npos);
  EXPECT_NE(problem("03-4512345#12#3").find("只能有一組"), std::string::npos);
  EXPECT_NE(problem("03-4512345#12a").find("只能是數字"), std::string::npos);
}

TEST(CheckPhone, ReadsTheCountryCodeOfTaiwan) {
  EXPECT_EQ(normalized("+886912345678"), "0912-345-678");
  EXPECT_EQ(normalized("+886-3-4512345"), "03-4512345");
  EXPECT_EQ(normalized("+886 (0)3 4512345"), "03-4512345");
  EXPECT_EQ(normalized("886912345678"), "0912-345-678");
  EXPECT_NE(problem("+81312345678").find("+886"), std::string::npos);
}

TEST(CheckPhone, ReadsFullWidthDigitsAndSignsAsAnInputMethodTypesThem) {
  EXPECT_EQ(normalized("０９１２－３４５－６７８"), "0912-345-678");
  EXPECT_EQ(normalized("（０３）４５１２３４５＃１２"), "03-4512345#12");
  EXPECT_EQ(normalized("03\u30004512345"), "03-4512345");  // an ideographic space
}

TEST(CheckPhone, RefusesLettersOtherCharactersAndBlankInput) {
  EXPECT_NE(problem("03-451234a").find("只能包含數字"), std::string::npos);
  EXPECT_NE(problem("電話 03-4512345").find("只能包含數字"), std::string::npos);
  EXPECT_NE(problem("03/4512345").find("只能包含數字"), std::string::npos);
  EXPECT_NE(problem("03-4512345\xEF\xBD\x9F").find("只能包含數字"), std::string::npos);  // U+FF5F
  EXPECT_NE(problem("").find("請輸入電話號碼"), std::string::npos);
  EXPECT_NE(problem(" - ").find("請輸入電話號碼"), std::string::npos);
  EXPECT_NE(problem("+").find("請輸入電話號碼"), std::string::npos);
}

}  // namespace
}  // namespace domain
