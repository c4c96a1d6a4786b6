// tests/unit/text_html_test.cpp: administrator text as HTML (paragraphs, line breaks, links, and
// nothing else), its summaries, and the Atom writer every feed shares.
#include "domain/text_html.h"

#include <gtest/gtest.h>

#include "domain/atom.h"
#include "domain/validation.h"

namespace domain {
namespace {

TEST(ParagraphsHtml, BlankLinesSeparateParagraphsAndLineBreaksStay) {
  EXPECT_EQ(paragraphs_html("第一段\r\n第二行\r\n\r\n\r\n 第二段 "), "<p>第一段<br>\n第二行</p>\n<p>第二段</p>\n");
  EXPECT_EQ(paragraphs_html(""), "");
  EXPECT_EQ(paragraphs_html("\n \n\t\n"), "");
}

TEST(ParagraphsHtml, MarkupIsText) {
  EXPECT_EQ(paragraphs_html("<script>alert('x')</script> & \"q\""),
            "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>\n");
  EXPECT_EQ(paragraphs_html("a\x01" "b"), "<p>ab</p>\n");  // control characters are dropped
}

TEST(ParagraphsHtml, AddressesBecomeLinksWithoutTheSentencesPunctuation) {
  EXPECT_EQ(paragraphs_html("請見 https://example.tw/faq?q=1&c=2。"),
            "<p>請見 <a href=\"https://example.tw/faq?q=1&amp;c=2\">https://example.tw/faq?q=1&amp;c=2</a>。</p>\n");
  EXPECT_EQ(paragraphs_html("(http://a.tw/x)."), "<p>(<a href=\"http://a.tw/x\">http://a.tw/x</a>).</p>\n");
  EXPECT_EQ(paragraphs_html("網址https://a.tw說明"), "<p>網址<a href=\"https://a.tw\">https://a.tw</a>說明</p>\n");
}

TEST(ParagraphsHtml, AnAddressCannotBreakOutOfItsAttribute) {
  EXPECT_EQ(paragraphs_html("https://a.tw/\"><svg onload=x()>"),
            "<p><a href=\"https://a.tw/\">https://a.tw/</a>&quot;&gt;&lt;svg onload=x()&gt;</p>\n");
  EXPECT_EQ(paragraphs_html("javascript:alert(1) https:// http://"), "<p>javascript:alert(1) https:// http://</p>\n");
}

TEST(FirstParagraph, JoinsItsLinesAndCutsAtCodePoints) {
  EXPECT_EQ(first_paragraph("一\n二\n\n三", 10), "一 二");
  EXPECT_EQ(first_paragraph("研習資源請妥善運用", 5), "研習資源…");
  EXPECT_EQ(utf8_length(first_paragraph("研習資源請妥善運用", 5)), 5u);
  EXPECT_EQ(first_paragraph("短", 5), "短");
  EXPECT_EQ(first_paragraph("  \n", 5), "");
}

TEST(RenderAtom, EscapesEveryTextAndWritesUtcTimes) {
  AtomFeed feed;
  feed.title = "公佈欄 <&>";
  feed.self_url = "https://x.tw/bulletin.atom?a=1&b=2";
  feed.alternate_url = "https://x.tw/bulletin";
  feed.updated = 1764547200;  // 2025-12-01 00:00:00 UTC
  feed.entries.push_back({"https://x.tw/bulletin/1", "標題\"", 1764550800, "摘要 <b>"});
  const std::string xml = render_atom(feed);
  EXPECT_NE(xml.find("<title>公佈欄 &lt;&amp;&gt;</title>"), std::string::npos);
  EXPECT_NE(xml.find("<id>https://x.tw/bulletin.atom?a=1&amp;b=2</id>"), std::string::npos);
  EXPECT_NE(xml.find("<updated>2025-12-01T00:00:00Z</updated>"), std::string::npos);
  EXPECT_NE(xml.find("<updated>2025-12-01T01:00:00Z</updated>"), std::string::npos);
  EXPECT_NE(xml.find("<title>標題&quot;</title>"), std::string::npos);
  EXPECT_NE(xml.find("<summary>摘要 &lt;b&gt;</summary>"), std::string::npos);
}

TEST(LikeContains, TakesItsOwnWildcardsLiterally) {
  EXPECT_EQ(like_contains("國中"), "%國中%");
  EXPECT_EQ(like_contains("10%_!"), "%10!%!_!!%");
  EXPECT_EQ(like_contains(""), "%%");
}

}  // namespace
}  // namespace domain
