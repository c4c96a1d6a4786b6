// tests/unit/search_terms_test.cpp: keyword splitting (no term can carry a Groonga operator, a
// quote or a backslash) and the spellings each term is searched by.
#include "domain/search_terms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace domain {
namespace {

using Terms = std::vector<std::string>;

TEST(SearchTerms, SplitsOnSpacesTabsAndNewlines) {
  EXPECT_EQ(search_terms("閱讀 策略"), (Terms{"閱讀", "策略"}));
  EXPECT_EQ(search_terms("  閱讀\t策略\r\n素養  "), (Terms{"閱讀", "策略", "素養"}));
}

TEST(SearchTerms, TheIdeographicSpaceSeparatesToo) {
  EXPECT_EQ(search_terms("閱讀　工作坊"), (Terms{"閱讀", "工作坊"}));
  EXPECT_EQ(search_terms("　　"), Terms{});
}

TEST(SearchTerms, AnEmptyOrBlankKeywordHasNoTerms) {
  EXPECT_EQ(search_terms(""), Terms{});
  EXPECT_EQ(search_terms(" \t\r\n"), Terms{});
}

TEST(SearchTerms, GroongaOperatorsQuotesAndBackslashesOnlySeparate) {
  EXPECT_EQ(search_terms("\"閱讀\""), (Terms{"閱讀"}));
  EXPECT_EQ(search_terms("閱讀\\\" || body @ \"x"), (Terms{"閱讀", "||", "body", "x"}));
  EXPECT_EQ(search_terms("+閱讀 -救命 (策略) ~a <b> @2 c*"),
            (Terms{"閱讀", "救命", "策略", "a", "b", "2", "c"}));
  EXPECT_EQ(search_terms("\"+-*()<>~@\\"), Terms{});
  for (const std::string& term : search_terms("a\"b\\c*d+e-f(g)h<i>j~k@l")) {
    EXPECT_EQ(term.find_first_of("\"\\*+-()<>~@"), std::string::npos) << term;
  }
}

TEST(SearchTerms, ControlCharactersNulIncludedOnlySeparate) {
  EXPECT_EQ(search_terms(std::string("a\0b", 3)), (Terms{"a", "b"}));
  EXPECT_EQ(search_terms("\x01閱讀\x1f\x7f"), (Terms{"閱讀"}));
}

TEST(SearchTerms, OtherPunctuationIsPartOfTheTerm) {
  EXPECT_EQ(search_terms("micro:bit 1' OR '1'='1 %_"),
            (Terms{"micro:bit", "1'", "OR", "'1'='1", "%_"}));
}

TEST(SearchTerms, KeepsAtMostEightTerms) {
  EXPECT_EQ(search_terms("a b c d e f g h i j").size(), kMaxSearchTerms);
  EXPECT_EQ(search_terms("a b c d e f g h i j").back(), "h");
}

TEST(SearchTermSpellings, EachTermComesFirstWithItsVariantsAfterIt) {
  const auto spellings = spellings_of({"內壢國中", "閱讀"});
  ASSERT_EQ(spellings.size(), 2u);
  EXPECT_EQ(spellings[0], (Terms{"內壢國中", "內壢國民中學"}));
  EXPECT_EQ(spellings[1], (Terms{"閱讀"}));
  EXPECT_TRUE(spellings_of({}).empty());
}

TEST(SearchTermSpellings, AtMostSixteenVariantsAreAddedOverAllTerms) {
  const Terms terms(kMaxSearchTerms, "國中小");  // 5 variants each
  const auto spellings = spellings_of(terms);
  ASSERT_EQ(spellings.size(), kMaxSearchTerms);
  size_t extra = 0;
  for (const auto& s : spellings) {
    ASSERT_FALSE(s.empty());
    EXPECT_EQ(s[0], "國中小");  // every typed term is kept
    extra += s.size() - 1;
  }
  EXPECT_EQ(extra, kMaxExtraSpellings);
  EXPECT_EQ(spellings[0].size(), 6u);  // given out in order: the first terms get theirs
  EXPECT_EQ(spellings[3].size(), 2u);
  EXPECT_EQ(spellings[4].size(), 1u);
}

}  // namespace
}  // namespace domain
