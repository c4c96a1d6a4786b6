// domain/kindergarten_feed.h: the nightly file of 全國教保資訊網 (SPEC §1, issue 10): its format,
// each row's check, and what a checked row does to a teacher. The file is CSV in UTF-8 (a BOM and
// CRLF tolerated) with this header, in this order:
//   身分證字號,姓名,園所代碼,在職狀態,異動日期,審核狀態
// 園所代碼 is the kindergarten's 學校代碼 (unit.code); 在職狀態 one of 在職 離職 轉校 退休 未續聘
// 停職; 異動日期 ISO (2025-08-01) or 民國 (114/08/01); 審核狀態 已審核 (applied) or 異動待審
// (skipped). Only the unit assignment and the 在職 status are taken from it; 姓名 only names the
// row in reports.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/roc_date.h"

namespace domain {

inline constexpr const char* kFeedColumns[] = {"身分證字號", "姓名",     "園所代碼",
                                               "在職狀態",   "異動日期", "審核狀態"};
// A file above this is refused whole (a national feed is some 60,000 rows, about 4 MB).
inline constexpr std::size_t kMaxFeedBytes = 64 * 1024 * 1024;

enum class FeedRowKind {
  kApply,    // checked: apply it
  kPending,  // 異動待審 there: skipped, not even checked further
  kRefused   // bad values: reported with `reason`, the rest of the file still applies
};

struct FeedRow {
  int line = 0;  // the record's first line in the file; the header is line 1
  FeedRowKind kind = FeedRowKind::kApply;
  // kRefused: invalid_national_id, missing_field, unknown_status, invalid_date, future_date,
  // unknown_review_state, duplicate_row (feed_reason_label says each in Chinese).
  std::string reason;
  std::string national_id;  // normalized (uppercase, trimmed) even when refused, for the mask
  std::string name, unit_code;
  std::string employment;  // teacher.employment: active, left, transferred, retired, ...
  std::string date;        // ISO
};

struct FeedFile {
  bool ok = false;
  std::string error;  // when !ok: a Chinese sentence naming the line; nothing is applied
  std::vector<FeedRow> rows;
};

// The whole file, or the reason it is refused whole: not UTF-8, a header other than
// kFeedColumns, a record with another number of columns, a quote left open, more than
// kMaxFeedBytes. Blank lines are ignored. Rows with bad values are kRefused one by one; a
// 身分證字號 on more than one row still to apply keeps its first and refuses the others
// (duplicate_row). `today` bounds 異動日期 (a later date is future_date: not yet in force).
FeedFile parse_feed(std::string_view text, const Date& today);

// The Chinese sentence of a refusal reason, of the file's rows or of applying them
// (unknown_teacher, unknown_unit, not_kindergarten, serving_elsewhere, not_at_unit). The code
// itself for one it does not know.
std::string feed_reason_label(std::string_view reason);

// A teacher as the feed finds it.
struct FeedTeacher {
  long long unit_id = 0;  // 0: no unit
  bool unit_is_kindergarten = false;
  std::string employment;  // teacher.employment
  std::string changed_on;  // ISO or ""
  bool kindergarten_staff = false;
};

enum class FeedAction {
  kUnchanged,         // already so: nothing written, nothing audited
  kAttach,            // 在職 at the row's kindergarten (and marked kindergarten staff)
  kDepart,            // the row's departure recorded: records-only at once (SPEC §1)
  kServingElsewhere,  // 在職 at a school that is not a kindergarten: that school records 轉校 first
  kNotAtUnit          // a departure from a kindergarten the teacher does not belong to
};

// What a checked row does (`unit_id` the row's kindergarten). The feed owns kindergartens: it
// moves a teacher from one kindergarten to another, but takes one from another kind of school
// only as 教師資料登錄 would (domain::attach_decision: once that school recorded 轉校 or 離職).
FeedAction feed_action(const FeedTeacher& t, long long unit_id, std::string_view employment,
                       std::string_view date);

}  // namespace domain
