// tests/unit/ics_test.cpp: iCalendar text escaping, folding at 75 octets and the file of a
// course's sessions (RFC 5545, SPEC §11).
#include "domain/ics.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace domain {
namespace {

std::vector<std::string> lines_of(const std::string& text) {  // split on CRLF
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find("\r\n", start)) != std::string::npos; start = at + 2) {
    out.push_back(text.substr(start, at - start));
  }
  out.push_back(text.substr(start));
  return out;
}

std::string unfold(std::string text) {  // RFC 5545 §3.1: a CRLF followed by a space goes
  for (std::size_t at; (at = text.find("\r\n ")) != std::string::npos;) text.erase(at, 3);
  return text;
}

bool valid_utf8_start(const std::string& line) {
  return line.empty() || (static_cast<unsigned char>(line[0]) & 0xC0) != 0x80;
}

TEST(IcsEscape, EscapesBackslashSemicolonAndComma) {
  EXPECT_EQ(ics_escape_text("a\\b;c,d"), "a\\\\b\\;c\\,d");
}

TEST(IcsEscape, WritesEveryKindOfLineBreakAsBackslashN) {
  EXPECT_EQ(ics_escape_text("一\n二\r\n三\r四"), "一\\n二\\n三\\n四");
}

TEST(IcsEscape, LeavesOutOtherControlCharactersAndKeepsChinese) {
  EXPECT_EQ(ics_escape_text("桃園\t市\x01立"), "桃園市立");
  EXPECT_EQ(ics_escape_text("：；，"), "：；，");  // full-width punctuation needs no escape
}

TEST(IcsFold, LeavesALineOf75OctetsAlone) {
  const std::string line(75, 'x');
  EXPECT_EQ(ics_fold_line(line), line);
}

TEST(IcsFold, FoldsThe76thOctetOntoAContinuationStartingWithASpace) {
  const std::string line(76, 'x');
  EXPECT_EQ(ics_fold_line(line), std::string(75, 'x') + "\r\n x");
}

TEST(IcsFold, GivesEachContinuation74OctetsAfterItsSpace) {
  const std::string folded = ics_fold_line(std::string(75 + 74 + 74 + 3, 'x'));
  const auto lines = lines_of(folded);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].size(), 75u);
  EXPECT_EQ(lines[1].size(), 75u);
  EXPECT_EQ(lines[2].size(), 75u);
  EXPECT_EQ(lines[3], " xxx");
}

TEST(IcsFold, NeverCutsAChineseCharacterInTwo) {
  std::string line = "SUMMARY:";
  for (int i = 0; i < 60; ++i) line += "研";  // 3 octets each
  const std::string folded = ics_fold_line(line);
  for (const auto& l : lines_of(folded)) {
    EXPECT_LE(l.size(), 75u);
    EXPECT_TRUE(valid_utf8_start(l.empty() || l[0] != ' ' ? l : l.substr(1))) << l;
  }
  EXPECT_EQ(unfold(folded), line);
}

TEST(IcsFold, UnfoldsBackToTheSameLine) {
  std::string line = "DESCRIPTION:";
  for (int i = 0; i < 40; ++i) line += "a研\\,";
  EXPECT_EQ(unfold(ics_fold_line(line)), line);
}

TEST(IcsTime, WritesALocalDateTimeWithoutZone) {
  EXPECT_EQ(ics_local_time({2026, 3, 1}, 9 * 60), "20260301T090000");
  EXPECT_EQ(ics_local_time({2026, 12, 31}, 23 * 60 + 59), "20261231T235900");
}

IcsCalendar two_sessions() {
  IcsCalendar c;
  c.product_id = "-//全國教師在職進修資訊網//錄取研習//ZH-TW";
  c.name = "素養導向閱讀教學工作坊";
  c.stamp = "20260301T010203Z";
  c.events.push_back({"5600001-1@example.edu.tw",
                      {2026, 3, 1},
                      9 * 60,
                      12 * 60,
                      "素養導向閱讀教學工作坊",
                      "本校視聽教室, 3樓; 東側",
                      "研習課程代碼：5600001\n時數：9 小時",
                      "http://127.0.0.1:8080/courses/5600001"});
  c.events.push_back({"5600001-2@example.edu.tw",
                      {2026, 3, 2},
                      13 * 60 + 30,
                      16 * 60 + 30,
                      "素養導向閱讀教學工作坊",
                      "",
                      "",
                      ""});
  return c;
}

TEST(IcsCalendar, EndsEveryLineWithCrlfAndNoLineIsLongerThan75Octets) {
  const std::string text = render_ics(two_sessions());
  ASSERT_GE(text.size(), 2u);
  EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
  auto lines = lines_of(text);
  lines.pop_back();  // after the last CRLF
  for (const auto& l : lines) {
    EXPECT_LE(l.size(), 75u) << l;
    EXPECT_EQ(l.find('\n'), std::string::npos) << l;
    EXPECT_EQ(l.find('\r'), std::string::npos) << l;
  }
}

TEST(IcsCalendar, HasOneEventPerSessionInsideOneCalendarWithItsZone) {
  const std::string text = unfold(render_ics(two_sessions()));
  EXPECT_EQ(text.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0), 0u);
  EXPECT_NE(text.find("BEGIN:VTIMEZONE\r\nTZID:Asia/Taipei\r\n"), std::string::npos);
  EXPECT_NE(text.find("TZOFFSETTO:+0800\r\n"), std::string::npos);
  std::size_t events = 0;
  for (std::size_t at = 0; (at = text.find("BEGIN:VEVENT\r\n", at)) != std::string::npos; ++at)
    ++events;
  EXPECT_EQ(events, 2u);
  EXPECT_NE(
      text.find(
          "UID:5600001-1@example.edu.tw\r\nDTSTAMP:20260301T010203Z\r\n"
          "DTSTART;TZID=Asia/Taipei:20260301T090000\r\nDTEND;TZID=Asia/Taipei:20260301T120000\r\n"),
      std::string::npos);
  EXPECT_NE(
      text.find(
          "DTSTART;TZID=Asia/Taipei:20260302T133000\r\nDTEND;TZID=Asia/Taipei:20260302T163000\r\n"),
      std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 15), "END:VCALENDAR\r\n");
}

TEST(IcsCalendar, EscapesTheTextOfEachEvent) {
  const std::string text = unfold(render_ics(two_sessions()));
  EXPECT_NE(text.find("LOCATION:本校視聽教室\\, 3樓\\; 東側\r\n"), std::string::npos);
  EXPECT_NE(text.find("DESCRIPTION:研習課程代碼：5600001\\n時數：9 小時\r\n"), std::string::npos);
  EXPECT_NE(text.find("URL:http://127.0.0.1:8080/courses/5600001\r\n"), std::string::npos);
}

TEST(IcsCalendar, LeavesOutEmptyLocationAndDescription) {
  const std::string text = unfold(render_ics(two_sessions()));
  const std::string second = text.substr(text.find("UID:5600001-2@"));
  EXPECT_EQ(second.find("LOCATION:"), std::string::npos);
  EXPECT_EQ(second.find("DESCRIPTION:"), std::string::npos);
}

}  // namespace
}  // namespace domain
