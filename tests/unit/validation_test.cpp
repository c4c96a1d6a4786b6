// tests/unit/validation_test.cpp: UTF-8 well-formedness, e-mail shape, trimming, lines and sets at their edges.
#include "domain/validation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace domain {
namespace {

TEST(IsValidUtf8, AcceptsAsciiAndChinese) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("inservice"));
  EXPECT_TRUE(is_valid_utf8("全國教師在職進修資訊網"));
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x93\x9A"));  // U+1F4DA, four bytes
}

TEST(IsValidUtf8, AcceptsTheEdgesOfEachLength) {
  EXPECT_TRUE(is_valid_utf8(std::string("\x00", 1)));  // U+0000
  EXPECT_TRUE(is_valid_utf8("\x7F"));                  // U+007F
  EXPECT_TRUE(is_valid_utf8("\xC2\x80"));              // U+0080
  EXPECT_TRUE(is_valid_utf8("\xDF\xBF"));              // U+07FF
  EXPECT_TRUE(is_valid_utf8("\xE0\xA0\x80"));          // U+0800
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));          // U+D7FF, just below the surrogates
  EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));          // U+E000, just above them
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBF"));          // U+FFFF
  EXPECT_TRUE(is_valid_utf8("\xF0\x90\x80\x80"));      // U+10000
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
}

TEST(IsValidUtf8, RefusesOverlongForms) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // '/' in two bytes
  EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));          // U+007F in two bytes
  EXPECT_FALSE(is_valid_utf8("\xE0\x9F\xBF"));      // U+07FF in three bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in four bytes
}

TEST(IsValidUtf8, RefusesSurrogates) {
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // U+D800
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));  // U+DFFF
}

TEST(IsValidUtf8, RefusesCodePointsAboveTheUnicodeRange) {
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xFE"));
}

TEST(IsValidUtf8, RefusesTruncatedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xC2"));
  EXPECT_FALSE(is_valid_utf8("\xE4\xB8"));  // 中 without its last byte
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x93"));
  EXPECT_FALSE(is_valid_utf8("abc\xE4\xB8"));
  EXPECT_FALSE(
      is_valid_utf8("\xE4\xB8"
                    "a"));  // cut short by an ASCII byte
}

TEST(IsValidUtf8, RefusesStrayContinuationBytes) {
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(
      is_valid_utf8("a\xBF"
                    "b"));
  EXPECT_FALSE(is_valid_utf8("\xE4\xB8\xAD\xAD"));  // 中 plus one continuation too many
}

TEST(IsValidUtf8, RefusesBig5Text) {
  EXPECT_FALSE(is_valid_utf8("\xB1\xD0\xAE\x76"));  // 教師 in Big5, as old Excel files hold it
}

TEST(IsValidEmail, AcceptsOrdinaryAddresses) {
  EXPECT_TRUE(is_valid_email("teacher@mail.edu.tw"));
  EXPECT_TRUE(is_valid_email("a@b.tw"));
  EXPECT_TRUE(is_valid_email("first.last+inservice@school-1.tp.edu.tw"));
  EXPECT_TRUE(is_valid_email("o'brien@example.com"));
}

TEST(IsValidEmail, NeedsExactlyOneAt) {
  EXPECT_FALSE(is_valid_email("teacher.mail.edu.tw"));
  EXPECT_FALSE(is_valid_email("a@b@mail.edu.tw"));
  EXPECT_FALSE(is_valid_email("@mail.edu.tw"));
  EXPECT_FALSE(is_valid_email("teacher@"));
}

TEST(IsValidEmail, NeedsADotBetweenNonEmptyDomainLabels) {
  EXPECT_FALSE(is_valid_email("teacher@localhost"));
  EXPECT_FALSE(is_valid_email("teacher@.edu.tw"));
  EXPECT_FALSE(is_valid_email("teacher@mail.edu.tw."));
  EXPECT_FALSE(is_valid_email("teacher@mail..tw"));
  EXPECT_FALSE(is_valid_email("teacher@-mail.tw"));
  EXPECT_FALSE(is_valid_email("teacher@mail-.tw"));
  EXPECT_FALSE(is_valid_email("teacher@mail_1.tw"));
}

TEST(IsValidEmail, RefusesSpacesAndControlCharacters) {
  EXPECT_FALSE(is_valid_email("tea cher@mail.edu.tw"));
  EXPECT_FALSE(is_valid_email(" teacher@mail.edu.tw"));
  EXPECT_FALSE(is_valid_email("teacher@mail.edu.tw "));
  EXPECT_FALSE(is_valid_email("teacher@mail.edu.tw\r\nBcc: x@y.tw"));
  EXPECT_FALSE(is_valid_email("tea\tcher@mail.edu.tw"));
  EXPECT_FALSE(is_valid_email(std::string("teacher\0@mail.edu.tw", 20)));
  EXPECT_FALSE(is_valid_email("teacher@mail.edu.tw\x7F"));
}

TEST(IsValidEmail, RefusesNonAsciiAndHeaderPunctuation) {
  EXPECT_FALSE(is_valid_email("老師@mail.edu.tw"));
  EXPECT_FALSE(is_valid_email("teacher＠mail.edu.tw"));  // full-width ＠
  EXPECT_FALSE(is_valid_email("Teacher <teacher@mail.edu.tw>"));
  EXPECT_FALSE(is_valid_email("a,b@mail.edu.tw"));
  EXPECT_FALSE(is_valid_email("\"a b\"@mail.edu.tw"));
}

TEST(IsValidEmail, AllowsAtMost254Characters) {
  // 64 + 1 + 63 + 1 + 63 + 1 + 61 = 254
  const std::string local(64, 'a');
  const std::string domain =
      std::string(63, 'b') + "." + std::string(63, 'c') + "." + std::string(61, 'd');
  EXPECT_TRUE(is_valid_email(local + "@" + domain));
  EXPECT_FALSE(is_valid_email(local + "@" + domain + "d"));
}

TEST(IsValidEmail, AllowsALocalPartOfAtMost64Characters) {
  EXPECT_TRUE(is_valid_email(std::string(64, 'a') + "@mail.edu.tw"));
  EXPECT_FALSE(is_valid_email(std::string(65, 'a') + "@mail.edu.tw"));
}

TEST(IsValidEmail, AllowsADomainLabelOfAtMost63Characters) {
  EXPECT_TRUE(is_valid_email("a@" + std::string(63, 'b') + ".tw"));
  EXPECT_FALSE(is_valid_email("a@" + std::string(64, 'b') + ".tw"));
}

TEST(Trim, DropsAsciiWhitespaceAtBothEnds) {
  EXPECT_EQ(trim("  王小明 \t\r\n"), "王小明");
  EXPECT_EQ(trim("\v\fx\v\f"), "x");
}

TEST(Trim, KeepsInnerWhitespace) { EXPECT_EQ(trim("  a  b  "), "a  b"); }

TEST(Trim, ReturnsEmptyForBlankInput) {
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \t\n "), "");
}

TEST(Trim, LeavesIdeographicSpaceAlone) {
  EXPECT_EQ(trim("\xE3\x80\x80王\xE3\x80\x80"), "\xE3\x80\x80王\xE3\x80\x80");
}

TEST(Utf8Length, CountsChineseCharactersOnceEach) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("研習"), 2u);
  EXPECT_EQ(utf8_length("CPR＋AED"), 7u);
  EXPECT_EQ(utf8_length("\xF0\x9F\x93\x9A"), 1u);  // four bytes, one character
}

TEST(NonBlankLines, TrimsEachLineAndDropsBlankOnes) {
  using Lines = std::vector<std::string>;
  EXPECT_EQ(non_blank_lines("https://a.example/cb\r\n\n  https://b.example/cb \n"),
            (Lines{"https://a.example/cb", "https://b.example/cb"}));
  EXPECT_EQ(non_blank_lines("one"), (Lines{"one"}));
  EXPECT_TRUE(non_blank_lines("").empty());
  EXPECT_TRUE(non_blank_lines("\r\n \n").empty());
}

TEST(SplitTypedCodes, CommasFullWidthCommasEnumerationCommasAndSpacesAllSeparate) {
  EXPECT_EQ(join_set(split_typed_codes("034614，999999 88888x、 034525,\t034525\n")),
            "034525,034614,88888x,999999");
  EXPECT_TRUE(split_typed_codes(" ， 、 ").empty());
}

TEST(SplitSet, RoundTripsThroughJoinAndSkipsEmptyMembers) {
  EXPECT_EQ(join_set(split_set("school_name,name")), "name,school_name");
  EXPECT_TRUE(split_set("").empty());
  EXPECT_EQ(join_set(split_set(",elementary,junior_high,")), "elementary,junior_high");
}

}  // namespace
}  // namespace domain

TEST(IsCourseCode, IsExactlySevenAsciiDigits) {
  EXPECT_TRUE(domain::is_course_code("5600001"));
  EXPECT_FALSE(domain::is_course_code("560000"));
  EXPECT_FALSE(domain::is_course_code("56000011"));
  EXPECT_FALSE(domain::is_course_code("560000a"));
  EXPECT_FALSE(domain::is_course_code("中"));
}

namespace domain {
namespace {

TEST(Utf8Prefix, CutsAtCodePointsNeverInsideOne) {
  EXPECT_EQ(utf8_prefix("閱讀教學", 2), "閱讀");
  EXPECT_EQ(utf8_prefix("ab", 5), "ab");
  EXPECT_EQ(utf8_prefix("a閱b", 2), "a閱");
  EXPECT_EQ(utf8_prefix("閱", 0), "");
}

TEST(ParseInteger, ReadsDigitsWithinTheBounds) {
  EXPECT_EQ(parse_integer("12", 0, 99), 12);
  EXPECT_EQ(parse_integer(" 7 ", 0, 99), 7);
  EXPECT_EQ(parse_integer("0", 0, 99), 0);
  EXPECT_EQ(parse_integer("99", 0, 99), 99);
  EXPECT_EQ(parse_integer("100", 0, 99), std::nullopt);
  EXPECT_EQ(parse_integer("0", 1, 99), std::nullopt);
}

TEST(ParseInteger, RefusesFullWidthDigits) {
  EXPECT_EQ(parse_integer("\xEF\xBC\x97", 0, 99), std::nullopt);  // ７
}

TEST(ParseInteger, RefusesAnythingButAWholeNumber) {
  for (const char* bad : {"", " ", "3.5", "1e3", "+3", "0x10", "3 4", "三", "12a", "--1"}) {
    EXPECT_EQ(parse_integer(bad, -100, 100), std::nullopt) << bad;
  }
  EXPECT_EQ(parse_integer("-3", 0, 100), std::nullopt);  // no sign where none is allowed
  EXPECT_EQ(parse_integer("-3", -10, 100), -3);
  EXPECT_EQ(parse_integer("9999999999999999999999", 0, 1000000), std::nullopt);
}

}  // namespace
}  // namespace domain

TEST(SplitIds, AGroupConcatInOrderWithoutTheJunk) {
  EXPECT_EQ(domain::split_ids("3,17,42"), (std::vector<int64_t>{3, 17, 42}));
  EXPECT_EQ(domain::split_ids(""), std::vector<int64_t>{});
  EXPECT_EQ(domain::split_ids("5,,x,7"), (std::vector<int64_t>{5, 7}));
}
