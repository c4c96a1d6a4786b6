// tests/unit/mime_test.cpp: the text of an e-mail (domain/mime): headers, encodings, line ends.
#include "domain/mime.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

namespace domain {
namespace {

std::string base64_decode(const std::string& in) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (char c : in) {
    if (c == '=') break;
    const std::size_t v = alphabet.find(c);
    if (v == std::string::npos) continue;  // line breaks
    bits = bits << 6 | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>(bits >> count & 0xFF);
    }
  }
  return out;
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = s.find(sep, start)) != std::string::npos; start = at + sep.size()) {
    parts.push_back(s.substr(start, at - start));
  }
  parts.push_back(s.substr(start));
  return parts;
}

// Decodes a folded run of "=?UTF-8?B?...?=" words the way a mail reader does; each word must be
// whole UTF-8 on its own.
std::string decode_words(const std::string& folded, std::vector<std::string>* words = nullptr) {
  std::string out;
  for (const std::string& word : split(folded, "\r\n ")) {
    EXPECT_EQ(word.rfind("=?UTF-8?B?", 0), 0u) << word;
    EXPECT_EQ(word.substr(word.size() - 2), "?=") << word;
    if (words) words->push_back(word);
    out += base64_decode(word.substr(10, word.size() - 12));
  }
  return out;
}

// The message as (header lines, body lines), split at the first blank line.
struct Parts {
  std::vector<std::string> headers;
  std::vector<std::string> body;
};

Parts parts_of(const std::string& text) {
  const std::size_t blank = text.find("\r\n\r\n");
  EXPECT_NE(blank, std::string::npos);
  Parts p{split(text.substr(0, blank), "\r\n"), split(text.substr(blank + 4), "\r\n")};
  EXPECT_EQ(p.body.back(), "");  // the last line ends with CRLF too
  p.body.pop_back();
  return p;
}

// The value of header `name`, folded lines included; "" when there is none.
std::string header(const std::string& text, const std::string& name) {
  const std::string head = "\r\n" + text.substr(0, text.find("\r\n\r\n") + 2);
  const std::size_t at = head.find("\r\n" + name + ": ");
  if (at == std::string::npos) return "";
  const std::size_t start = at + 2 + name.size() + 2;
  std::size_t end = head.find("\r\n", start);
  while (end != std::string::npos && head.compare(end + 2, 1, " ") == 0) {
    end = head.find("\r\n", end + 2);
  }
  return head.substr(start, end - start);
}

MimeMail sample() {
  return MimeMail{"no-reply@inservice.example.edu.tw", "contact@school.example.edu.tw",
                  "研習課程退回通知：請補正依據文號", "您好：\n退回原因：\nA. 請移除屬性標籤\n",
                  "outbox-42.1740447000@inservice.example.edu.tw"};
}

// 2025-02-25 01:30:00 UTC is 09:30 in Taiwan.
constexpr std::time_t kTuesdayMorning = 1740447000;

TEST(Base64, EncodesTheRfc4648TestVectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64, EncodesBytesAboveAscii) {
  EXPECT_EQ(base64_encode(std::string("\xff\xfe\x00", 3)), "//4A");
  EXPECT_EQ(base64_decode(base64_encode("研習")), "研習");
}

TEST(Rfc2047, IsEmptyForAnEmptyText) { EXPECT_EQ(rfc2047_encode(""), ""); }

TEST(Rfc2047, EncodesAShortChineseSubjectAsOneWord) {
  std::vector<std::string> words;
  EXPECT_EQ(decode_words(rfc2047_encode("研習退回通知"), &words), "研習退回通知");
  EXPECT_EQ(words.size(), 1u);
  EXPECT_EQ(rfc2047_encode("研習"), "=?UTF-8?B?56CU57+S?=");
}

TEST(Rfc2047, SplitsALongSubjectIntoWordsOfAtMost75CharactersRoundTrip) {
  std::string subject;
  for (int i = 0; i < 40; ++i) subject += "教師在職進修";
  subject += " (mixed ASCII 123)";
  std::vector<std::string> words;
  EXPECT_EQ(decode_words(rfc2047_encode(subject), &words), subject);
  EXPECT_GT(words.size(), 10u);
  for (const std::string& w : words) EXPECT_LE(w.size(), 75u);
}

TEST(Rfc2047, NeverCutsAUtf8CharacterBetweenWords) {
  // 1-, 2-, 3- and 4-byte characters in turn, so the word ends land at every offset.
  std::string subject;
  for (int i = 0; i < 30; ++i) subject += "a\xc3\xa9研\xf0\x9f\x93\x9a";
  std::vector<std::string> words;
  EXPECT_EQ(decode_words(rfc2047_encode(subject), &words), subject);
  for (const std::string& w : words) {
    const std::string bytes = base64_decode(w.substr(10, w.size() - 12));
    EXPECT_NE(static_cast<unsigned char>(bytes.front()) & 0xC0, 0x80u) << w;
    EXPECT_LE(bytes.size(), 45u);  // the most that fits a 75-character word
  }
}

TEST(Rfc5322Date, IsTaiwanTimeWithItsOffset) {
  EXPECT_EQ(rfc5322_date(kTuesdayMorning), "Tue, 25 Feb 2025 09:30:00 +0800");
  EXPECT_EQ(rfc5322_date(0), "Thu, 1 Jan 1970 08:00:00 +0800");
  // 16:00 UTC on New Year's Eve is already the new year in Taiwan.
  EXPECT_EQ(rfc5322_date(1735660800), "Wed, 1 Jan 2025 00:00:00 +0800");
}

TEST(BuildMime, HasEveryHeaderAMailReaderNeeds) {
  const std::string text = build_mime(sample(), kTuesdayMorning);
  EXPECT_EQ(header(text, "Date"), "Tue, 25 Feb 2025 09:30:00 +0800");
  EXPECT_EQ(header(text, "From"), "no-reply@inservice.example.edu.tw");
  EXPECT_EQ(header(text, "To"), "contact@school.example.edu.tw");
  EXPECT_EQ(header(text, "Message-ID"), "<outbox-42.1740447000@inservice.example.edu.tw>");
  EXPECT_EQ(header(text, "MIME-Version"), "1.0");
  EXPECT_EQ(header(text, "Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(header(text, "Content-Transfer-Encoding"), "base64");
  EXPECT_EQ(decode_words(header(text, "Subject")), "研習課程退回通知：請補正依據文號");
}

TEST(BuildMime, EndsEveryLineWithCrlfAndHasNoBareLf) {
  const std::string text = build_mime(sample(), kTuesdayMorning);
  ASSERT_GE(text.size(), 2u);
  EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      EXPECT_TRUE(i > 0 && text[i - 1] == '\r') << "bare LF at " << i;
    }
    if (text[i] == '\r') {
      EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "bare CR at " << i;
    }
  }
}

TEST(BuildMime, KeepsEveryHeaderLineWithin76Characters) {
  MimeMail mail = sample();
  for (int i = 0; i < 10; ++i) mail.subject += "研習課程退回通知";
  for (const std::string& line : parts_of(build_mime(mail, kTuesdayMorning)).headers) {
    EXPECT_LE(line.size(), 76u) << line;
  }
}

TEST(BuildMime, WritesTheBodyInBase64LinesOfAtMost76WithCrlfLineEnds) {
  MimeMail mail = sample();
  for (int i = 0; i < 50; ++i) mail.body += "第" + std::to_string(i) + "行：課程內容大綱不完整\n";
  const Parts p = parts_of(build_mime(mail, kTuesdayMorning));
  ASSERT_GT(p.body.size(), 10u);
  std::string joined;
  for (std::size_t i = 0; i < p.body.size(); ++i) {
    EXPECT_LE(p.body[i].size(), 76u);
    if (i + 1 < p.body.size()) {
      EXPECT_EQ(p.body[i].size(), 76u);
    }
    joined += p.body[i];
  }
  std::string expected;
  for (char c : mail.body) expected += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(base64_decode(joined), expected);
}

TEST(BuildMime, MakesEveryKindOfLineEndCrlfInTheBody) {
  MimeMail mail = sample();
  mail.body = "a\nb\r\nc\rd";
  const Parts p = parts_of(build_mime(mail, kTuesdayMorning));
  EXPECT_EQ(base64_decode(p.body.at(0)), "a\r\nb\r\nc\r\nd");
}

TEST(BuildMime, DropsLineBreaksSmuggledIntoAddresses) {
  MimeMail mail = sample();
  mail.to = "victim@example.edu.tw\r\nBcc: everyone@example.com";
  const std::string text = build_mime(mail, kTuesdayMorning);
  EXPECT_EQ(text.find("\r\nBcc:"), std::string::npos);
  EXPECT_EQ(header(text, "To"), "victim@example.edu.twBcc: everyone@example.com");
}

TEST(BuildMime, EncodesASubjectThatTriesHeaderInjection) {
  MimeMail mail = sample();
  mail.subject = "hi\r\nBcc: everyone@example.com";
  const std::string text = build_mime(mail, kTuesdayMorning);
  EXPECT_EQ(text.find("Bcc:"), std::string::npos);
  EXPECT_EQ(decode_words(header(text, "Subject")), mail.subject);
}

TEST(BuildMime, HasAnEmptyBodyWhenThereIsNoText) {
  MimeMail mail = sample();
  mail.body = "";
  const std::string text = build_mime(mail, kTuesdayMorning);
  EXPECT_EQ(text.substr(text.size() - 4), "\r\n\r\n");
}

}  // namespace
}  // namespace domain
