#include "domain/kindergarten_feed.h"

#include <iterator>
#include <optional>
#include <set>

#include "domain/national_id.h"
#include "domain/staff_rules.h"
#include "domain/validation.h"

namespace domain {

namespace {

constexpr std::size_t kColumnCount = std::size(kFeedColumns);

struct Status {
  const char* text;
  const char* code;
};
constexpr Status kStatuses[] = {{"在職", "active"},        {"離職", "left"},
                                {"轉校", "transferred"},   {"退休", "retired"},
                                {"未續聘", "not_renewed"}, {"停職", "suspended"}};

struct Record {
  int line = 0;
  std::vector<std::string> cells;
};

// RFC 4180 records: a field that starts with a quote runs to the next lone quote ("" is one
// quote) and may hold commas and line breaks; records end at LF or CRLF. An error names the line.
bool split_records(std::string_view text, std::vector<Record>& out, std::string& error) {
  std::size_t i = 0;
  int line = 1;
  while (i < text.size()) {
    Record rec;
    rec.line = line;
    std::string cell;
    bool ended = false;
    while (!ended) {
      if (i < text.size() && text[i] == '"') {
        ++i;
        for (;;) {
          if (i >= text.size()) {
            error = "第 " + std::to_string(rec.line) + " 行的引號沒有結束。";
            return false;
          }
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              cell += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          cell += text[i++];
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          error = "第 " + std::to_string(line) + " 行的引號之後還有文字。";
          return false;
        }
      }
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
        cell += text[i++];
      rec.cells.push_back(trim(cell));
      cell.clear();
      if (i >= text.size()) {
        ended = true;
      } else if (text[i] == ',') {
        ++i;
      } else {
        if (text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        ++line;
        ended = true;
      }
    }
    const bool blank = rec.cells.size() == 1 && rec.cells[0].empty();
    if (!blank) out.push_back(std::move(rec));
  }
  return true;
}

std::optional<std::string> status_code(std::string_view text) {
  for (const Status& s : kStatuses) {
    if (text == s.text) return std::string(s.code);
  }
  return std::nullopt;
}

FeedRow check_row(const Record& rec, const Date& today) {
  FeedRow row;
  row.line = rec.line;
  row.national_id = normalize_national_id(rec.cells[0]);
  row.name = rec.cells[1];
  row.unit_code = rec.cells[2];
  const std::string& review = rec.cells[5];
  auto refuse = [&row](const char* reason) {
    row.kind = FeedRowKind::kRefused;
    row.reason = reason;
    return row;
  };
  if (review == "異動待審") {
    row.kind = FeedRowKind::kPending;
    return row;
  }
  for (const auto& c : rec.cells) {
    if (c.empty()) return refuse("missing_field");
  }
  if (review != "已審核") return refuse("unknown_review_state");
  if (!is_valid_national_id(row.national_id)) return refuse("invalid_national_id");
  const auto code = status_code(rec.cells[3]);
  if (!code) return refuse("unknown_status");
  row.employment = *code;
  const auto date = parse_any_date(rec.cells[4]);
  if (!date) return refuse("invalid_date");
  if (*date > today) return refuse("future_date");
  row.date = to_iso(*date);
  return row;
}

}  // namespace

FeedFile parse_feed(std::string_view text, const Date& today) {
  FeedFile file;
  if (text.size() > kMaxFeedBytes) {
    file.error = "檔案超過 " + std::to_string(kMaxFeedBytes / (1024 * 1024)) + " MB。";
    return file;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!is_valid_utf8(text)) {
    file.error = "檔案不是 UTF-8 編碼（全國教保資訊網的檔案須以 UTF-8 儲存）。";
    return file;
  }
  std::vector<Record> records;
  if (!split_records(text, records, file.error)) return file;
  std::string expected;
  for (const char* c : kFeedColumns) expected += (expected.empty() ? "" : ",") + std::string(c);
  if (records.empty() || records[0].cells.size() != kColumnCount || [&] {
        for (std::size_t i = 0; i < kColumnCount; ++i) {
          if (records[0].cells[i] != kFeedColumns[i]) return true;
        }
        return false;
      }()) {
    file.error = "第一行必須是欄位名稱「" + expected + "」。";
    return file;
  }
  std::set<std::string> seen;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const Record& rec = records[r];
    if (rec.cells.size() != kColumnCount) {
      file.error = "第 " + std::to_string(rec.line) + " 行有 " + std::to_string(rec.cells.size()) +
                   " 欄，應為 " + std::to_string(kColumnCount) + " 欄。";
      file.rows.clear();
      return file;
    }
    FeedRow row = check_row(rec, today);
    if (row.kind == FeedRowKind::kApply && !seen.insert(row.national_id).second) {
      row.kind = FeedRowKind::kRefused;
      row.reason = "duplicate_row";
    }
    file.rows.push_back(std::move(row));
  }
  file.ok = true;
  return file;
}

std::string feed_reason_label(std::string_view reason) {
  struct Label {
    const char* code;
    const char* text;
  };
  static constexpr Label kLabels[] = {
      {"invalid_national_id", "身分證字號（或居留證號）格式或檢查碼不正確"},
      {"missing_field", "有欄位空白"},
      {"unknown_status", "在職狀態不是 在職、離職、轉校、退休、未續聘 或 停職"},
      {"invalid_date", "異動日期不是日期（例如 2025-08-01 或 114/08/01）"},
      {"future_date", "異動日期晚於今天，尚未生效"},
      {"unknown_review_state", "審核狀態不是 已審核 或 異動待審"},
      {"duplicate_row", "同一檔案中這個身分證字號已出現過，只採用第一列"},
      {"unknown_teacher",
       "查無這個身分證字號的教師帳號：請教師先到本網申請帳號（學校代碼填園所代碼）"},
      {"unknown_unit", "查無這個園所代碼"},
      {"not_kindergarten", "這個代碼的單位不是幼兒園"},
      {"serving_elsewhere", "這位教師仍屬另一所不是幼兒園的學校：須由該校總負責人先登錄轉校或離職"},
      {"not_at_unit", "這位教師不屬於這所幼兒園，無法登錄異動"},
  };
  for (const Label& l : kLabels) {
    if (reason == l.code) return l.text;
  }
  return std::string(reason);
}

FeedAction feed_action(const FeedTeacher& t, long long unit_id, std::string_view employment,
                       std::string_view date) {
  if (employment == "active") {
    if (t.unit_id == unit_id) {
      return t.employment == "active" && t.kindergarten_staff ? FeedAction::kUnchanged
                                                              : FeedAction::kAttach;
    }
    if (t.unit_id == 0 || t.unit_is_kindergarten) return FeedAction::kAttach;
    return attach_decision(t.unit_id, t.employment, unit_id) == Attach::kAttach
               ? FeedAction::kAttach
               : FeedAction::kServingElsewhere;
  }
  if (t.unit_id != unit_id) return FeedAction::kNotAtUnit;
  return t.employment == employment && t.changed_on == date ? FeedAction::kUnchanged
                                                            : FeedAction::kDepart;
}

}  // namespace domain
