#include "staff/kindergarten_feed.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <system_error>

#include "core/log.h"
#include "core/pii.h"
#include "domain/kindergarten_feed.h"
#include "domain/national_id.h"
#include "domain/roc_date.h"
#include "domain/staff_rules.h"
#include "domain/validation.h"
#include "shared/access_sql.h"
#include "shared/labels.h"
#include "staff/staff_sql.h"

namespace staff {

namespace fs = std::filesystem;

namespace {

constexpr char kLogSource[] = "kindergarten.feed";
constexpr size_t kNameChars = 50;      // kindergarten_feed_line.name
constexpr size_t kUnitCodeChars = 10;  // kindergarten_feed_line.unit_code

void note(const std::string& message) { core::log_note(kLogSource, message); }

std::string object_of(int64_t teacher_id) { return "t:" + std::to_string(teacher_id); }

// The rows of one checked file, written in the caller's transaction.
class Applier {
 public:
  Applier(db::Connection& db, feed_sql::Run& run, std::vector<feed_sql::Line>& lines)
      : db_(db), run_(run), lines_(lines) {}

  void apply(const domain::FeedRow& row) {
    feed_sql::Line line;
    line.line_no = row.line;
    line.masked_id = domain::mask_national_id(row.national_id);
    line.name = domain::utf8_prefix(row.name, kNameChars);
    line.unit_code = domain::utf8_prefix(row.unit_code, kUnitCodeChars);
    // Every line of a kindergarten is kept under it, so that its 總負責人 sees them all.
    const auto unit = row.unit_code.empty() ? std::nullopt : unit_by_code(row.unit_code);
    if (unit && unit->kindergarten) line.unit_id = unit->id;
    if (row.kind == domain::FeedRowKind::kPending) return skip(line);
    if (row.kind == domain::FeedRowKind::kRefused) return refuse(line, row.reason);
    if (!unit) return refuse(line, "unknown_unit");
    if (!unit->kindergarten) return refuse(line, "not_kindergarten");
    const auto t = feed_sql::lock_teacher(db_, row.national_id);
    if (!t) return refuse(line, "unknown_teacher");
    line.teacher_id = t->id;
    const std::optional<feed_sql::Unit> now = t->unit_id ? unit_by_id(t->unit_id) : std::nullopt;
    const domain::FeedTeacher seen{t->unit_id, now && now->kindergarten, t->employment,
                                   t->changed_on, t->kindergarten_staff};
    switch (domain::feed_action(seen, unit->id, row.employment, row.date)) {
      case domain::FeedAction::kUnchanged:
        ++run_.unchanged;
        return;
      case domain::FeedAction::kServingElsewhere:
        return refuse(line, "serving_elsewhere");
      case domain::FeedAction::kNotAtUnit:
        return refuse(line, "not_at_unit");
      case domain::FeedAction::kAttach: {
        sql::attach(db_, t->id, unit->id);
        feed_sql::mark_kindergarten_staff(db_, t->id);
        const std::string was =
            now ? now->name + shared::employment_label(t->employment) : "無服務單位";
        return change(line, "teacher.attach", "加入" + unit->name + "（原為" + was + "）");
      }
      case domain::FeedAction::kDepart: {
        const std::string on = shared::roc_date(row.date);
        sql::record_departure(db_, t->id, row.employment, row.date,
                              domain::departure_note(row.employment, unit->name, on, kFeedSource));
        std::string was = shared::employment_label(t->employment);
        if (!t->changed_on.empty()) was += "（" + shared::roc_date(t->changed_on) + "）";
        return change(line, "teacher.departure",
                      was + " → " + shared::employment_label(row.employment) + "（" + on + "）");
      }
    }
  }

 private:
  void skip(feed_sql::Line& line) {
    ++run_.skipped;
    line.outcome = "skipped";
    lines_.push_back(std::move(line));
  }
  void refuse(feed_sql::Line& line, const std::string& reason) {
    ++run_.refused;
    line.outcome = "refused";
    line.reason = reason;
    lines_.push_back(std::move(line));
  }
  void change(feed_sql::Line& line, const char* action, const std::string& detail) {
    ++run_.changed;
    line.outcome = "changed";
    line.detail = detail;
    shared::access::sql::insert_audit(db_, kFeedActor, action, object_of(line.teacher_id), detail,
                                      "");
    lines_.push_back(std::move(line));
  }

  std::optional<feed_sql::Unit> unit_by_code(const std::string& code) {
    auto it = by_code_.find(code);
    if (it == by_code_.end()) it = by_code_.emplace(code, feed_sql::unit_by_code(db_, code)).first;
    return it->second;
  }
  std::optional<feed_sql::Unit> unit_by_id(int64_t id) {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) it = by_id_.emplace(id, feed_sql::unit_by_id(db_, id)).first;
    return it->second;
  }

  db::Connection& db_;
  feed_sql::Run& run_;
  std::vector<feed_sql::Line>& lines_;
  std::map<std::string, std::optional<feed_sql::Unit>> by_code_;
  std::map<int64_t, std::optional<feed_sql::Unit>> by_id_;
};

// The file's text, or an error when it cannot be read or is too big to try.
std::optional<std::string> read_feed(const fs::path& path, std::string& error) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    error = "無法讀取檔案。";
    return std::nullopt;
  }
  if (size > domain::kMaxFeedBytes) {
    error = "檔案超過 " + std::to_string(domain::kMaxFeedBytes / (1024 * 1024)) + " MB。";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    error = "無法讀取檔案。";
    return std::nullopt;
  }
  return text.str();
}

// Out of the way of the next run, under done/ or rejected/ with the run's number in front.
std::string move_aside(const fs::path& path, const feed_sql::Run& run) {
  const fs::path to = path.parent_path() / (run.outcome == "applied" ? "done" : "rejected") /
                      (std::to_string(run.id) + "-" + path.filename().string());
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  if (!ec) fs::rename(path, to, ec);
  if (ec) {
    core::log_error(kLogSource, "cannot move " + path.string() + " to " + to.string() + ": " +
                                    ec.message() +
                                    "; the next run applies it again and changes nothing");
    return "";
  }
  return to.string();
}

void log_report(const FeedReport& r) {
  const feed_sql::Run& run = r.run;
  if (run.outcome == "rejected") {
    note("run " + std::to_string(run.id) + " " + run.file_name +
         " rejected, nothing changed: " + run.error);
    return;
  }
  note("run " + std::to_string(run.id) + " " + run.file_name +
       " applied: " + std::to_string(run.rows_read) + " rows, " + std::to_string(run.changed) +
       " changed, " + std::to_string(run.unchanged) + " unchanged, " + std::to_string(run.skipped) +
       " skipped, " + std::to_string(run.refused) + " refused");
  for (const auto& l : r.lines) {
    if (l.outcome == "refused") {
      note("run " + std::to_string(run.id) + " line " + std::to_string(l.line_no) +
           " refused: " + l.reason + " (" + l.masked_id + ", " + l.unit_code + ")");
    }
  }
}

FeedReport apply_file(db::Connection& db, const fs::path& path, const std::string& started_by) {
  FeedReport report;
  feed_sql::Run& run = report.run;
  run.started_by = started_by;
  run.file_name = path.filename().string();
  std::string error;
  const auto text = read_feed(path, error);
  const domain::FeedFile file =
      text ? domain::parse_feed(*text, *domain::parse_iso_date(feed_sql::today(db)))
           : domain::FeedFile{false, error, {}};
  {
    db::Transaction tx(db);
    if (!file.ok) {
      run.outcome = "rejected";
      run.error = file.error;
    } else {
      run.outcome = "applied";
      run.rows_read = static_cast<long>(file.rows.size());
      Applier applier(db, run, report.lines);
      for (const auto& row : file.rows) applier.apply(row);
    }
    run.id = feed_sql::insert_run(db, run, report.lines);
    tx.commit();
  }
  log_report(report);
  report.moved_to = move_aside(path, run);
  return report;
}

void print_report(const FeedReport& r) {
  const feed_sql::Run& run = r.run;
  if (run.outcome == "rejected") {
    std::printf("%s: 整份退回，未做任何變更（第 %lld 次匯入）：%s\n", run.file_name.c_str(),
                static_cast<long long>(run.id), run.error.c_str());
  } else {
    std::printf(
        "%s: 已套用（第 %lld 次匯入）：%ld 列，變更 %ld、無需變更 %ld、異動待審略過 %ld、拒絕 "
        "%ld\n",
        run.file_name.c_str(), static_cast<long long>(run.id), run.rows_read, run.changed,
        run.unchanged, run.skipped, run.refused);
  }
  for (const auto& l : r.lines) {
    const std::string what = l.outcome == "changed" ? "變更：" + l.detail
                             : l.outcome == "skipped"
                                 ? std::string("略過：異動待審")
                                 : "拒絕：" + domain::feed_reason_label(l.reason);
    std::printf("  第 %d 行 %s %s %s %s\n", l.line_no, l.masked_id.c_str(), l.name.c_str(),
                l.unit_code.c_str(), what.c_str());
  }
  std::printf("  %s\n", r.moved_to.empty() ? "檔案無法移走，仍留在原處（見記錄檔）"
                                           : ("檔案已移至 " + r.moved_to).c_str());
}

constexpr const char kUsage[] = "usage: portal-tool kindergarten-feed --config FILE [--dir DIR]\n";

}  // namespace

std::vector<FeedReport> apply_feed_dir(db::Connection& db, const std::string& dir,
                                       const std::string& started_by) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string ext = entry.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (entry.is_regular_file() && ext == ".csv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<FeedReport> reports;
  for (const auto& f : files) reports.push_back(apply_file(db, f, started_by));
  return reports;
}

int run_kindergarten_feed(db::Connection& db, const core::Config& config) {
  if (!feed_sql::feed_hour_reached(db, config.kindergarten_feed_hour)) return 0;
  std::error_code ec;
  if (!fs::is_directory(config.kindergarten_feed_dir, ec)) return 0;
  if (!feed_sql::try_lock(db)) return 0;  // another scheduler or a run by hand has it
  struct Unlock {
    db::Connection& db;
    ~Unlock() {
      try {
        feed_sql::unlock(db);
      } catch (const std::exception&) {
        // The connection is gone, and its lock with it.
      }
    }
  } unlock{db};
  if (feed_sql::scheduler_ran_today(db)) return 0;
  return static_cast<int>(apply_feed_dir(db, config.kindergarten_feed_dir, "scheduler").size());
}

int feed_command(int argc, char** argv) {
  std::string config_path, dir;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
      config_path = argv[++i];
    } else if (std::strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
      dir = argv[++i];
    } else {
      std::fputs(kUsage, stderr);
      return 2;
    }
  }
  if (config_path.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const core::Config config = core::load_config(config_path);
  core::pii::install(config.pii);
  if (dir.empty()) dir = config.kindergarten_feed_dir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::fprintf(stderr, "portal-tool: %s is not a directory\n", dir.c_str());
    return 1;
  }
  db::Connection db(config.database);
  if (!feed_sql::try_lock(db)) {
    std::fputs("portal-tool: another run of the kindergarten feed is under way; try again later\n",
               stderr);
    return 1;
  }
  const auto reports = apply_feed_dir(db, dir, "hand");
  feed_sql::unlock(db);
  if (reports.empty()) std::printf("%s 沒有待匯入的 .csv 檔。\n", dir.c_str());
  bool all_applied = true;
  for (const auto& r : reports) {
    print_report(r);
    all_applied = all_applied && r.run.outcome == "applied";
  }
  return all_applied ? 0 : 1;
}

}  // namespace staff
