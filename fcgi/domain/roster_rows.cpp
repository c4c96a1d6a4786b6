// domain/roster_rows.cpp: columns of an uploaded roster and the row check (SPEC §5, §7).
#include "domain/roster_rows.h"

#include <algorithm>
#include <set>

#include "domain/national_id.h"
#include "domain/validation.h"

namespace domain {
namespace {

enum class Column { kNone, kNationalId, kHours, kName };

// A header cell without its spaces (ASCII and U+3000) and with ASCII letters lowercased, so that
// "身分證 字號" and "National_ID" still name their columns.
std::string header_key(std::string_view cell) {
  std::string out;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (cell.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000 ideographic space
      i += 2;
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

Column column_named(std::string_view cell) {
  static const std::map<std::string, Column> kNames = {
      {"身分證字號", Column::kNationalId},
      {"身份證字號", Column::kNationalId},
      {"身分證統一編號", Column::kNationalId},
      {"身份證統一編號", Column::kNationalId},
      {"統一證號", Column::kNationalId},
      {"national_id", Column::kNationalId},
      {"時數", Column::kHours},
      {"研習時數", Column::kHours},
      {"核發時數", Column::kHours},
      {"研習時數/學分數", Column::kHours},
      {"hours", Column::kHours},
      {"姓名", Column::kName},
      {"教師姓名", Column::kName},
      {"name", Column::kName},
  };
  const auto it = kNames.find(header_key(cell));
  return it == kNames.end() ? Column::kNone : it->second;
}

bool is_blank(const std::vector<std::string>& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& c) { return trim(c).empty(); });
}

// "A", "B", … "Z", "AA": the column as a spreadsheet names it, for messages.
std::string column_letter(std::size_t index) {
  std::string out;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

// Where the data starts and which cell holds what.
struct Layout {
  std::size_t first_data = 0;  // index of the first row after the header
  std::size_t id_col = 0, hours_col = 1;
  std::vector<bool> known_col;  // with a header: the columns that have a name; empty without one
  std::string header_problem;   // non-empty: the header is unusable, and why
  std::size_t header_row = 0;
};

Layout layout_of(const std::vector<std::vector<std::string>>& rows) {
  Layout layout;
  std::size_t first = 0;
  while (first < rows.size() && is_blank(rows[first])) ++first;
  if (first == rows.size()) return layout;
  const auto& head = rows[first];
  const bool is_header = std::any_of(head.begin(), head.end(), [](const std::string& c) {
    const Column col = column_named(c);
    return col == Column::kNationalId || col == Column::kHours;
  });
  if (!is_header) {
    layout.first_data = first;
    return layout;
  }
  layout.header_row = first;
  layout.first_data = first + 1;
  layout.known_col.assign(head.size(), false);
  int ids = 0, hours = 0;
  for (std::size_t i = 0; i < head.size(); ++i) {
    layout.known_col[i] = !trim(head[i]).empty();
    switch (column_named(head[i])) {
      case Column::kNationalId:
        if (ids++ == 0) layout.id_col = i;
        break;
      case Column::kHours:
        if (hours++ == 0) layout.hours_col = i;
        break;
      default:
        break;
    }
  }
  if (ids == 0)
    layout.header_problem = "標題列沒有「身分證字號」欄，請加上此欄或刪去標題列";
  else if (hours == 0)
    layout.header_problem = "標題列沒有「時數」欄（可寫 時數、研習時數 或 核發時數）";
  else if (ids > 1)
    layout.header_problem = "標題列有兩個以上的「身分證字號」欄，請只留一個";
  else if (hours > 1)
    layout.header_problem = "標題列有兩個以上的「時數」欄，請只留一個";
  return layout;
}

std::string cell_at(const std::vector<std::string>& row, std::size_t col) {
  return col < row.size() ? trim(row[col]) : std::string();
}

// The first non-empty cell outside the known columns, as "D 欄"; "" when there is none.
std::string extra_cell(const std::vector<std::string>& row, const Layout& layout) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    const bool known =
        layout.known_col.empty() ? i < 3 : (i < layout.known_col.size() && layout.known_col[i]);
    if (!known && !trim(row[i]).empty()) return column_letter(i) + " 欄";
  }
  return std::string();
}

}  // namespace

std::optional<RowProblem> check_national_id(std::string_view id) {
  if (is_valid_national_id(id)) return std::nullopt;
  return RowProblem{kInvalidNationalId, "身分證字號或居留證號格式或檢查碼錯誤"};
}

std::optional<RowProblem> check_hours(std::optional<int> hours, const HoursRule& rule) {
  const std::string min = std::to_string(rule.min_hours);
  if (rule.above_course_apart) {
    if (!hours || *hours < rule.min_hours) {
      return RowProblem{kInvalidHours, "時數須為 " + min + " 以上的整數，不能有小數或文字"};
    }
    if (*hours > rule.course_hours) {
      return RowProblem{kHoursAboveCourse, "時數 " + std::to_string(*hours) + " 超過本研習的時數 " +
                                               std::to_string(rule.course_hours)};
    }
    return std::nullopt;
  }
  if (!hours || *hours < rule.min_hours || *hours > rule.course_hours) {
    return RowProblem{kInvalidHours, "時數須為 " + min + " 到研習時數之間的整數"};
  }
  return std::nullopt;
}

std::optional<int> parse_hours(std::string_view text) {
  const std::string t = trim(text);
  std::string_view whole = t;
  if (const auto dot = whole.find('.'); dot != std::string_view::npos) {
    const std::string_view tail = whole.substr(dot + 1);
    if (tail.empty() || tail.find_first_not_of('0') != std::string_view::npos) return std::nullopt;
    whole = whole.substr(0, dot);
  }
  if (whole.empty() || whole.size() > 6 ||
      whole.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  const int value = std::stoi(std::string(whole));
  return value <= 100000 ? std::optional<int>(value) : std::nullopt;
}

std::vector<std::string> national_ids_in(const std::vector<std::vector<std::string>>& rows) {
  const Layout layout = layout_of(rows);
  std::set<std::string> ids;
  if (!layout.header_problem.empty()) return {};
  for (std::size_t r = layout.first_data; r < rows.size(); ++r) {
    const std::string id = normalize_national_id(cell_at(rows[r], layout.id_col));
    if (is_valid_national_id(id)) ids.insert(id);
  }
  return {ids.begin(), ids.end()};
}

std::vector<RowReport> check_roster_rows(const std::vector<std::vector<std::string>>& rows,
                                         const std::vector<int>& lines, int course_hours,
                                         const std::map<std::string, KnownTeacher>& known) {
  const auto line_of = [&](std::size_t r) {
    return r < lines.size() ? lines[r] : static_cast<int>(r) + 1;
  };
  const Layout layout = layout_of(rows);
  if (!layout.header_problem.empty()) {
    RowReport header;
    header.line = line_of(layout.header_row);
    header.problem_code = kMalformedRow;
    header.message = layout.header_problem;
    return {header};
  }
  const HoursRule rule = roster_hours_rule(course_hours);
  std::map<std::string, int> first_line;  // each valid 身分證字號 → the line it first appeared on
  std::vector<RowReport> reports;
  for (std::size_t r = layout.first_data; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (is_blank(row)) continue;
    RowReport report;
    report.line = line_of(r);
    const std::string id = normalize_national_id(cell_at(row, layout.id_col));
    const std::string hours_text = cell_at(row, layout.hours_col);
    report.national_id = utf8_prefix(id, 20);
    report.hours = parse_hours(hours_text);
    const auto refuse = [&](const std::string& code, const std::string& message) {
      report.problem_code = code;
      report.message = message;
    };
    const std::string extra = extra_cell(row, layout);
    if (id.empty()) {
      refuse(kMalformedRow, "缺少身分證字號");
    } else if (hours_text.empty()) {
      refuse(kMalformedRow, "缺少時數");
    } else if (!extra.empty()) {
      refuse(kMalformedRow, extra + "有資料，但不是身分證字號、時數或姓名；請刪去或加上欄位標題");
    } else if (const auto bad_id = check_national_id(id)) {
      refuse(bad_id->code, bad_id->message);
    } else if (const auto [earlier, fresh] = first_line.emplace(id, report.line); !fresh) {
      refuse(kDuplicateRow,
             "與第 " + std::to_string(earlier->second) + " 列是同一位教師，每位教師只能有一列");
    } else if (const auto bad_hours = check_hours(report.hours, rule)) {
      refuse(bad_hours->code, bad_hours->message);
    } else if (const auto teacher = known.find(id); teacher == known.end()) {
      refuse(kUnknownTeacher, "查無此身分證字號的教師");
    } else if (!teacher->second.active) {
      refuse(kNotActive, "此教師非在職，不能核發時數");
    }
    reports.push_back(std::move(report));
  }
  return reports;
}

}  // namespace domain
