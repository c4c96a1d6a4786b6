// tests/unit/kindergarten_feed_test.cpp: the 全國教保資訊網 file's parser (header, encoding,
// columns, each kind of bad row, 異動待審 skipped) and what a checked row does to a teacher (issue
// 10).
#include "domain/kindergarten_feed.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace domain {
namespace {

const Date kToday{2025, 9, 1};
const std::string kHeader = "身分證字號,姓名,園所代碼,在職狀態,異動日期,審核狀態\n";

FeedFile parse(const std::string& body) { return parse_feed(kHeader + body, kToday); }

TEST(FeedFile, GoodRowsAreReadWithTheirLineAndCodes) {
  const FeedFile f = parse(
      "A123456789,王小明,034980,在職,2025-08-01,已審核\n"
      "b223456782 ,李美玲,034980,離職,114/08/31,已審核\n");
  ASSERT_TRUE(f.ok) << f.error;
  ASSERT_EQ(f.rows.size(), 2u);
  EXPECT_EQ(f.rows[0].line, 2);
  EXPECT_EQ(f.rows[0].kind, FeedRowKind::kApply);
  EXPECT_EQ(f.rows[0].national_id, "A123456789");
  EXPECT_EQ(f.rows[0].name, "王小明");
  EXPECT_EQ(f.rows[0].unit_code, "034980");
  EXPECT_EQ(f.rows[0].employment, "active");
  EXPECT_EQ(f.rows[0].date, "2025-08-01");
  EXPECT_EQ(f.rows[1].line, 3);
  EXPECT_EQ(f.rows[1].national_id, "B223456782");  // trimmed and uppercased
  EXPECT_EQ(f.rows[1].employment, "left");
  EXPECT_EQ(f.rows[1].date, "2025-08-31");  // 民國 114/08/31
}

TEST(FeedFile, EveryStatusHasItsEmploymentCode) {
  const FeedFile f = parse(
      "A123456789,甲,034980,轉校,2025-08-01,已審核\n"
      "B223456782,乙,034980,退休,2025-08-01,已審核\n"
      "F123456784,丙,034980,未續聘,2025-08-01,已審核\n"
      "H223456788,丁,034980,停職,2025-08-01,已審核\n");
  ASSERT_TRUE(f.ok);
  EXPECT_EQ(f.rows[0].employment, "transferred");
  EXPECT_EQ(f.rows[1].employment, "retired");
  EXPECT_EQ(f.rows[2].employment, "not_renewed");
  EXPECT_EQ(f.rows[3].employment, "suspended");
}

TEST(FeedFile, PendingRowsAreSkippedWithoutFurtherChecks) {
  const FeedFile f = parse("A123456780,王小明,034980,在職,明天,異動待審\n");
  ASSERT_TRUE(f.ok);
  ASSERT_EQ(f.rows.size(), 1u);
  EXPECT_EQ(f.rows[0].kind, FeedRowKind::kPending);
  EXPECT_EQ(f.rows[0].reason, "");
}

TEST(FeedFile, EachKindOfBadRowIsRefusedWithItsReason) {
  const FeedFile f = parse(
      "A123456780,壞檢查碼,034980,在職,2025-08-01,已審核\n"
      "A12345678,太短,034980,在職,2025-08-01,已審核\n"
      "B223456782,,034980,在職,2025-08-01,已審核\n"
      "F123456784,丙,034980,請假,2025-08-01,已審核\n"
      "H223456788,丁,034980,在職,2025-02-30,已審核\n"
      "E123456783,戊,034980,在職,2025-09-02,已審核\n"
      "A123456789,己,034980,在職,2025-08-01,審核中\n");
  ASSERT_TRUE(f.ok) << f.error;
  const char* reasons[] = {"invalid_national_id", "invalid_national_id", "missing_field",
                           "unknown_status",      "invalid_date",        "future_date",
                           "unknown_review_state"};
  ASSERT_EQ(f.rows.size(), std::size(reasons));
  for (size_t i = 0; i < f.rows.size(); ++i) {
    EXPECT_EQ(f.rows[i].kind, FeedRowKind::kRefused) << i;
    EXPECT_EQ(f.rows[i].reason, reasons[i]) << i;
    EXPECT_EQ(f.rows[i].line, static_cast<int>(i) + 2);
    EXPECT_NE(feed_reason_label(f.rows[i].reason), f.rows[i].reason);  // each has its sentence
  }
}

TEST(FeedFile, TodayIsNotInTheFuture) {
  const FeedFile f = parse("A123456789,王小明,034980,離職,2025-09-01,已審核\n");
  EXPECT_EQ(f.rows[0].kind, FeedRowKind::kApply);
}

TEST(FeedFile, ASecondRowOfOneIdIsRefusedAndTheFirstKept) {
  const FeedFile f = parse(
      "A123456789,王小明,034980,在職,2025-08-01,已審核\n"
      "A123456789,王小明,034981,在職,2025-08-01,異動待審\n"
      "a123456789,王小明,034981,在職,2025-08-02,已審核\n");
  ASSERT_TRUE(f.ok);
  EXPECT_EQ(f.rows[0].kind, FeedRowKind::kApply);
  EXPECT_EQ(f.rows[1].kind, FeedRowKind::kPending);  // a pending change is no duplicate
  EXPECT_EQ(f.rows[2].kind, FeedRowKind::kRefused);
  EXPECT_EQ(f.rows[2].reason, "duplicate_row");
}

TEST(FeedFile, ABomCrlfQuotesAndBlankLinesAreTolerated) {
  const FeedFile f = parse_feed(
      "\xEF\xBB\xBF身分證字號,姓名,園所代碼,在職狀態,異動日期,審核狀態\r\n"
      "A123456789,\"王,小明\",034980,在職,2025-08-01,已審核\r\n"
      "\r\n"
      "B223456782,\"李\"\"美玲\"\"\",034980,在職,2025-08-01,已審核",
      kToday);
  ASSERT_TRUE(f.ok) << f.error;
  ASSERT_EQ(f.rows.size(), 2u);
  EXPECT_EQ(f.rows[0].name, "王,小明");
  EXPECT_EQ(f.rows[1].name, "李\"美玲\"");
  EXPECT_EQ(f.rows[1].line, 4);
  EXPECT_EQ(f.rows[1].kind, FeedRowKind::kApply);
}

TEST(FeedFile, AHeaderOnlyFileHasNoRows) {
  const FeedFile f = parse("");
  EXPECT_TRUE(f.ok);
  EXPECT_TRUE(f.rows.empty());
}

TEST(FeedFile, AnyOtherHeaderRefusesTheWholeFile) {
  for (const std::string& header : std::vector<std::string>{
           "身分證字號,姓名,園所代碼,在職狀態,異動日期\n",
           "姓名,身分證字號,園所代碼,在職狀態,異動日期,審核狀態\n",
           "A123456789,王小明,034980,在職,2025-08-01,已審核\n", std::string()}) {
    const FeedFile f =
        parse_feed(header + "A123456789,王小明,034980,在職,2025-08-01,已審核\n", kToday);
    EXPECT_FALSE(f.ok) << header;
    EXPECT_NE(f.error.find("第一行必須是欄位名稱"), std::string::npos);
    EXPECT_TRUE(f.rows.empty());
  }
  EXPECT_FALSE(parse_feed("", kToday).ok);
}

TEST(FeedFile, AWrongColumnCountAnywhereRefusesTheWholeFile) {
  const FeedFile f = parse(
      "A123456789,王小明,034980,在職,2025-08-01,已審核\n"
      "B223456782,李美玲,034980,在職,2025-08-01,已審核,多一欄\n");
  EXPECT_FALSE(f.ok);
  EXPECT_EQ(f.error, "第 3 行有 7 欄，應為 6 欄。");
  EXPECT_TRUE(f.rows.empty());
  EXPECT_FALSE(parse("B223456782,李美玲,034980\n").ok);
}

TEST(FeedFile, AnotherEncodingRefusesTheWholeFile) {
  // 王小明 in Big5, as Excel in Taiwan saves a CSV by default.
  const FeedFile f = parse("A123456789,\xA4\xFD\xA4\x70\xA9\xFA,034980,在職,2025-08-01,已審核\n");
  EXPECT_FALSE(f.ok);
  EXPECT_NE(f.error.find("UTF-8"), std::string::npos);
}

TEST(FeedFile, AQuoteLeftOpenRefusesTheWholeFile) {
  const FeedFile f = parse("A123456789,\"王小明,034980,在職,2025-08-01,已審核\n");
  EXPECT_FALSE(f.ok);
  EXPECT_EQ(f.error, "第 2 行的引號沒有結束。");
  EXPECT_FALSE(parse("A123456789,\"王\"小明,034980,在職,2025-08-01,已審核\n").ok);
}

// --- What a row does.

FeedTeacher at(long long unit, const char* employment, bool kindergarten = true, bool staff = true,
               const char* on = "") {
  return FeedTeacher{unit, kindergarten, employment, on, staff};
}

TEST(FeedAction, ActiveAtItsKindergartenAlreadyChangesNothing) {
  EXPECT_EQ(feed_action(at(7, "active"), 7, "active", "2025-08-01"), FeedAction::kUnchanged);
}

TEST(FeedAction, ActiveAttachesATeacherWithoutUnitOrFromAnotherKindergarten) {
  EXPECT_EQ(feed_action(at(0, "left", false, false), 7, "active", "2025-08-01"),
            FeedAction::kAttach);
  EXPECT_EQ(feed_action(at(8, "active"), 7, "active", "2025-08-01"), FeedAction::kAttach);
  EXPECT_EQ(feed_action(at(7, "left"), 7, "active", "2025-08-01"), FeedAction::kAttach);  // back
  // Signed up at the kindergarten without the kindergarten staff mark: the feed sets it.
  EXPECT_EQ(feed_action(at(7, "active", true, false), 7, "active", "2025-08-01"),
            FeedAction::kAttach);
}

TEST(FeedAction, ATeacherOfAnotherKindOfSchoolComesOnlyOnceThatSchoolLetItGo) {
  EXPECT_EQ(feed_action(at(4, "active", false, false), 7, "active", "2025-08-01"),
            FeedAction::kServingElsewhere);
  EXPECT_EQ(feed_action(at(4, "retired", false, false), 7, "active", "2025-08-01"),
            FeedAction::kServingElsewhere);
  EXPECT_EQ(feed_action(at(4, "transferred", false, false), 7, "active", "2025-08-01"),
            FeedAction::kAttach);
  EXPECT_EQ(feed_action(at(4, "left", false, false), 7, "active", "2025-08-01"),
            FeedAction::kAttach);
}

TEST(FeedAction, ADepartureIsRecordedOnceAtTheTeachersOwnKindergarten) {
  EXPECT_EQ(feed_action(at(7, "active"), 7, "left", "2025-08-01"), FeedAction::kDepart);
  EXPECT_EQ(feed_action(at(7, "left", true, true, "2025-08-01"), 7, "left", "2025-08-01"),
            FeedAction::kUnchanged);
  EXPECT_EQ(feed_action(at(7, "left", true, true, "2025-08-01"), 7, "left", "2025-08-02"),
            FeedAction::kDepart);  // the date corrected there
  EXPECT_EQ(feed_action(at(7, "left", true, true, "2025-08-01"), 7, "retired", "2025-08-01"),
            FeedAction::kDepart);
  EXPECT_EQ(feed_action(at(8, "active"), 7, "left", "2025-08-01"), FeedAction::kNotAtUnit);
  EXPECT_EQ(feed_action(at(0, "left", false, false), 7, "left", "2025-08-01"),
            FeedAction::kNotAtUnit);
}

}  // namespace
}  // namespace domain
