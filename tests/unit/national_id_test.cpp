// tests/unit/national_id_test.cpp: 身分證/居留證 check digits, normalizing and masking (SPEC §1).
#include "domain/national_id.h"

#include <gtest/gtest.h>

#include <string>

namespace domain {
namespace {

TEST(NationalId, DemoTeacherIdsAreValid) {
  EXPECT_TRUE(is_valid_national_id("A123456789"));
  EXPECT_TRUE(is_valid_national_id("B223456782"));
  EXPECT_TRUE(is_valid_national_id("F123456784"));
}

TEST(NationalId, EveryOtherLastDigitOfADemoIdIsRefused) {
  for (char last = '0'; last <= '9'; ++last) {
    if (last == '9') continue;
    EXPECT_FALSE(is_valid_national_id(std::string("A12345678") + last)) << last;
  }
}

TEST(NationalId, UsesTheOfficialCodesOfTheOutOfOrderLetters) {
  // I=34, O=35, W=32, Z=33 are not alphabetical; worked by hand from the checksum rule.
  EXPECT_TRUE(is_valid_national_id("I123456781"));
  EXPECT_TRUE(is_valid_national_id("O123456782"));
  EXPECT_TRUE(is_valid_national_id("W123456789"));
  EXPECT_TRUE(is_valid_national_id("Z123456780"));
  EXPECT_FALSE(is_valid_national_id("I123456789"));
}

TEST(NationalId, AcceptsAnOldResidentCertificateWithALetterSecond) {
  // C has code 12, so it weighs in as 2.
  EXPECT_TRUE(is_valid_national_id("AC01234567"));
  EXPECT_FALSE(is_valid_national_id("AC01234568"));
}

TEST(NationalId, AcceptsTheNewResidentCertificateFormat) {
  EXPECT_TRUE(is_valid_national_id("A800000014"));
  EXPECT_FALSE(is_valid_national_id("A800000015"));
}

TEST(NationalId, RefusesASecondCharacterOutsideTheKnownClasses) {
  for (const char* second : {"0", "3", "7", "E", "Z"}) {
    const std::string first9 = std::string("A") + second + "2345678";
    for (char last = '0'; last <= '9'; ++last) {
      EXPECT_FALSE(is_valid_national_id(first9 + last)) << first9 + last;
    }
  }
}

TEST(NationalId, RefusesLowercaseFullWidthAndSpaces) {
  EXPECT_FALSE(is_valid_national_id("a123456789"));
  EXPECT_FALSE(
      is_valid_national_id("\xEF\xBC\xA1"
                           "123456789"));                       // full-width Ａ
  EXPECT_FALSE(is_valid_national_id("A12345678\xEF\xBC\x99"));  // full-width ９
  EXPECT_FALSE(is_valid_national_id(" A123456789"));
  EXPECT_FALSE(is_valid_national_id("A123456789 "));
  EXPECT_FALSE(is_valid_national_id("A1234 6789"));
}

TEST(NationalId, RefusesWrongLengthsAndOtherCharacters) {
  EXPECT_FALSE(is_valid_national_id(""));
  EXPECT_FALSE(is_valid_national_id("A12345678"));
  EXPECT_FALSE(is_valid_national_id("A1234567890"));
  EXPECT_FALSE(is_valid_national_id("1123456789"));
  EXPECT_FALSE(is_valid_national_id("A12345678X"));
  EXPECT_FALSE(is_valid_national_id("A1234-6789"));
  EXPECT_FALSE(is_valid_national_id(std::string("A12345678\0", 10)));
}

TEST(CheckDigit, CompletesTheDemoIds) {
  EXPECT_EQ(national_id_check_digit("A12345678"), '9');
  EXPECT_EQ(national_id_check_digit("B22345678"), '2');
  EXPECT_EQ(national_id_check_digit("F12345678"), '4');
}

TEST(CheckDigit, MakesAValidIdForEveryLetterAndClass) {
  for (char letter = 'A'; letter <= 'Z'; ++letter) {
    for (char second : {'1', '2', '8', '9', 'A', 'B', 'C', 'D'}) {
      const std::string first9 = std::string(1, letter) + second + "0918273";
      const char digit = national_id_check_digit(first9);
      ASSERT_NE(digit, '\0') << first9;
      EXPECT_TRUE(is_valid_national_id(first9 + digit)) << first9 + digit;
    }
  }
}

TEST(CheckDigit, IsNulForAMalformedPrefix) {
  EXPECT_EQ(national_id_check_digit("A1234567"), '\0');
  EXPECT_EQ(national_id_check_digit("A123456789"), '\0');
  EXPECT_EQ(national_id_check_digit("a12345678"), '\0');
  EXPECT_EQ(national_id_check_digit("A32345678"), '\0');
  EXPECT_EQ(national_id_check_digit("A1234567X"), '\0');
}

TEST(NormalizeNationalId, TrimsAndUppercasesAsciiOnly) {
  EXPECT_EQ(normalize_national_id("  a123456789\t\r\n"), "A123456789");
  EXPECT_EQ(normalize_national_id("ac01234567"), "AC01234567");
}

TEST(NormalizeNationalId, LeavesFullWidthAndInnerSpacesForValidationToRefuse) {
  const std::string full_width_a =
      "\xEF\xBC\xA1"
      "123456789";
  EXPECT_EQ(normalize_national_id(full_width_a), full_width_a);
  EXPECT_FALSE(is_valid_national_id(normalize_national_id(full_width_a)));
  EXPECT_EQ(normalize_national_id("A1234 6789"), "A1234 6789");
}

TEST(MaskNationalId, KeepsThreeCharactersAtEachEnd) {
  EXPECT_EQ(mask_national_id("A123456789"), "A12****789");
}

TEST(MaskNationalId, HidesEverythingWhenNotTenCharacters) {
  EXPECT_EQ(mask_national_id(""), "****");
  EXPECT_EQ(mask_national_id("A12345678"), "****");
  EXPECT_EQ(mask_national_id("A1234567890"), "****");
}

TEST(MaskNationalId, HidesEverythingRatherThanCutAMultibyteCharacter) {
  EXPECT_EQ(mask_national_id("1\xEF\xBC\xA1"
                             "234567"),
            "****");
}

}  // namespace
}  // namespace domain
