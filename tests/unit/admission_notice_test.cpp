// tests/unit/admission_notice_test.cpp: the 錄取通知's verification code and the masked name of
// its public check (SPEC §11).
#include "domain/admission_notice.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace domain {
namespace {

const std::string kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

TEST(NoticeCode, IsTwelveCharactersOfCrockfordsAlphabet) {
  const std::string code = notice_code_from_mac("q0Zk-3_xYbT7aLmPq0Zk-3_xYbT7aLmPq0Zk-3_xYbU");
  ASSERT_EQ(code.size(), kNoticeCodeLength);
  for (char c : code) EXPECT_NE(kAlphabet.find(c), std::string::npos) << c;
}

TEST(NoticeCode, HalvesEachBase64urlCharacterIntoOneOfCrockfords) {
  // A=0 → 0, B=1 → 0, C=2 → 1, Z=25 → C (12), a=26 → D (13), 0=52 → T (26), -=62 → Z, _=63 → Z.
  EXPECT_EQ(notice_code_from_mac("ABCZa0-_AAAA"), "001CDTZZ0000");
}

TEST(NoticeCode, NeverHoldsTheLettersCrockfordLeavesOut) {
  std::string every;
  for (char c = 'A'; c <= 'Z'; ++c) every += c;
  for (char c = 'a'; c <= 'z'; ++c) every += c;
  for (char c = '0'; c <= '9'; ++c) every += c;
  every += "-_AAAAAAAA";  // the 64 characters, made 72: six whole codes
  std::set<char> seen;
  for (std::size_t i = 0; i + 12 <= every.size(); i += 12) {
    for (char c : notice_code_from_mac(every.substr(i, 12))) seen.insert(c);
  }
  for (char c : std::string("ILOU")) EXPECT_EQ(seen.count(c), 0u) << c;
  EXPECT_EQ(seen.size(), 32u);  // and uses all 32 others
}

TEST(NoticeCode, IsEmptyForAShortOrForeignMac) {
  EXPECT_EQ(notice_code_from_mac("ABCDEFGHIJK"), "");
  EXPECT_EQ(notice_code_from_mac("ABCDEFGHIJK+"), "");  // standard base64, not base64url
  EXPECT_EQ(notice_code_from_mac("ABCDEF=HIJKL"), "");
}

TEST(NoticeCode, IsPrintedInThreeGroupsOfFour) {
  EXPECT_EQ(group_notice_code("K7QM3XD2P9TA"), "K7QM-3XD2-P9TA");
  EXPECT_EQ(group_notice_code("K7QM"), "K7QM");  // not a code: as it is
}

TEST(NoticeCode, ReadsBackWhatWasPrinted) {
  EXPECT_EQ(parse_notice_code("K7QM-3XD2-P9TA"), "K7QM3XD2P9TA");
  EXPECT_EQ(parse_notice_code("K7QM3XD2P9TA"), "K7QM3XD2P9TA");
}

TEST(NoticeCode, IgnoresCaseSpacesAndHyphensWhenTypedBack) {
  EXPECT_EQ(parse_notice_code(" k7qm 3xd2-p9ta "), "K7QM3XD2P9TA");
  EXPECT_EQ(parse_notice_code("k7qm-\t3xd2--p9ta"), "K7QM3XD2P9TA");
}

TEST(NoticeCode, ReadsTheLettersThatLookLikeDigitsAsThoseDigits) {
  EXPECT_EQ(parse_notice_code("IL0O-0000-0000"), "110000000000");
  EXPECT_EQ(parse_notice_code("il0o00000000"), "110000000000");
}

TEST(NoticeCode, RefusesWhatCannotBeACode) {
  EXPECT_EQ(parse_notice_code(""), std::nullopt);
  EXPECT_EQ(parse_notice_code("K7QM-3XD2-P9T"), std::nullopt);    // 11
  EXPECT_EQ(parse_notice_code("K7QM-3XD2-P9TAA"), std::nullopt);  // 13
  EXPECT_EQ(parse_notice_code("K7QM-3XD2-P9TU"), std::nullopt);   // U is not in the alphabet
  EXPECT_EQ(parse_notice_code("K7QM/3XD2/P9TA"), std::nullopt);
  EXPECT_EQ(parse_notice_code("K7QM-3XD2-P9T\xEF\xBC\xA1"), std::nullopt);  // a full-width Ａ
  EXPECT_EQ(parse_notice_code("../../etc/pass"), std::nullopt);
}

TEST(NoticeCode, ReadsBackEveryCodeItMakes) {
  const std::string code = notice_code_from_mac("zzzzzzzzzzzz");
  EXPECT_EQ(parse_notice_code(group_notice_code(code)), code);
}

TEST(MaskName, KeepsTheFirstAndLastCharacterOfAThreeCharacterName) {
  EXPECT_EQ(mask_name("王小明"), "王○明");
}

TEST(MaskName, KeepsOnlyTheFirstOfATwoCharacterName) { EXPECT_EQ(mask_name("李美"), "李○"); }

TEST(MaskName, MasksEveryMiddleCharacterOfALongerName) {
  EXPECT_EQ(mask_name("歐陽小明"), "歐○○明");
  EXPECT_EQ(mask_name("Mary"), "M○○y");
}

TEST(MaskName, LeavesNothingOfASingleCharacter) {
  EXPECT_EQ(mask_name("明"), "○");
  EXPECT_EQ(mask_name(""), "");
}

}  // namespace
}  // namespace domain
