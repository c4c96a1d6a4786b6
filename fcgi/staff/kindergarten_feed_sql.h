// SQL of the 全國教保資訊網 feed (staff/kindergarten_feed.h): the units and teachers a file names,
// the kindergarten staff mark, and the runs' reports. The teacher changes themselves go through
// staff_sql.h, as the 總負責人's do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"

namespace staff::feed_sql {

struct Unit {
  int64_t id = 0;
  std::string name;
  bool kindergarten = false;
};
std::optional<Unit> unit_by_code(db::Connection& db, const std::string& code);
std::optional<Unit> unit_by_id(db::Connection& db, int64_t id);

struct Teacher {
  int64_t id = 0;
  std::string name;
  int64_t unit_id = 0;                 // 0: no unit
  std::string employment, changed_on;  // ISO or ""
  bool kindergarten_staff = false;
};
// By 身分證字號, the row locked (call inside a transaction).
std::optional<Teacher> lock_teacher(db::Connection& db, const std::string& national_id);
void mark_kindergarten_staff(db::Connection& db, int64_t teacher_id);

// The MariaDB named lock that keeps two runs (a scheduler on each host, a run by hand) from
// reading one directory at once; false when another holds it. Released with the connection too.
bool try_lock(db::Connection& db);
void unlock(db::Connection& db);
// Whether the scheduler already ran a file today (the database's clock).
bool scheduler_ran_today(db::Connection& db);
bool feed_hour_reached(db::Connection& db, int hour);
std::string today(db::Connection& db);  // ISO

struct Line {
  int line_no = 0;
  std::string outcome;  // changed, skipped, refused
  std::string reason, masked_id, name, unit_code, detail;
  int64_t unit_id = 0, teacher_id = 0;  // 0: none
};
struct Run {
  int64_t id = 0;
  std::string started_by;  // scheduler, hand
  std::string file_name, started_at, outcome, error;
  long rows_read = 0, changed = 0, unchanged = 0, skipped = 0, refused = 0;
};
// Records a run and its lines; returns its id.
int64_t insert_run(db::Connection& db, const Run& run, const std::vector<Line>& lines);

// The newest runs first.
std::vector<Run> recent_runs(db::Connection& db, long limit);
std::optional<Run> find_run(db::Connection& db, int64_t id);
// The lines of a run, of one unit (`unit_id`) or of all (0), by line.
std::vector<Line> run_lines(db::Connection& db, int64_t run_id, int64_t unit_id, long limit);

}  // namespace staff::feed_sql
