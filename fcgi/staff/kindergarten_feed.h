// The nightly feed of 全國教保資訊網 (SPEC §1, issue 10): kindergartens' unit assignments and 在職
// status from a CSV file dropped in kindergarten_feed_dir (format: domain/kindergarten_feed.h,
// README). Each file is checked whole first: a malformed one changes nothing. Then its rows are
// applied in one transaction through the 總負責人's own writes (staff_sql.h), each change audited
// with the actor kFeedActor; rows already so change nothing, so a file applied twice changes
// nothing the second time. The run and its changed, skipped and refused lines are recorded
// (kindergarten_feed_run, _line) and logged; then the file moves to done/ or rejected/ beside it.
#pragma once

#include <string>
#include <vector>

#include "core/config.h"
#include "core/db.h"
#include "staff/kindergarten_feed_sql.h"

namespace staff {

inline constexpr char kFeedActor[] = "f:kindergarten";  // audit_log.actor of the feed's changes
inline constexpr char kFeedSource[] = "全國教保資訊網";

struct FeedReport {
  feed_sql::Run run;                  // as recorded
  std::vector<feed_sql::Line> lines;  // changed, skipped and refused, by line
  std::string moved_to;               // the file's new path; "" when it could not be moved
};

// Every *.csv directly in `dir`, in name order (a night's file named by its date sorts after the
// one before), each applied, recorded and moved. `started_by`: scheduler or hand.
std::vector<FeedReport> apply_feed_dir(db::Connection& db, const std::string& dir,
                                       const std::string& started_by);

// The scheduler job: from kindergarten_feed_hour (database clock), the first pass that finds files
// applies them, once a day; nothing while another run holds the directory. Returns files applied.
int run_kindergarten_feed(db::Connection& db, const core::Config& config);

// portal-tool kindergarten-feed --config FILE [--dir DIR]: applies what is there now, whatever the
// hour, and prints each file's report. Exit 0 when every file was applied (or none was there),
// 1 when one was refused whole or another run held the directory, 2 on a usage error.
int feed_command(int argc, char** argv);

}  // namespace staff
