// SQL of the 等待核發時數名單 (roster): its lines, the approved enrolments not yet on it, per-session
// attendance, and what the reviewer needs beside the lines. Every write runs in a transaction that
// first locks the course row (lock_state), so no write slips in after the roster is submitted.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"
#include "domain/course_state.h"
#include "domain/study_hours.h"

namespace rosters::sql {

struct Line {
  int64_t id = 0, teacher_id = 0;
  std::string name, national_id, unit_name, title_name, source;  // source: enrolment, single, upload
  bool active = true;    // 在職
  bool enrolled = true;  // has an approved enrolment in the course
  domain::Attendance attendance = domain::Attendance::kFull;
  int hours_absent = 0, units = 0;
  bool units_typed = false;
  std::string typed_reason;
  std::vector<int64_t> present_sessions;  // per-session attendance, when the grid was used
};
// In the order of the sign-in sheet: unit, then name.
std::vector<Line> lines(db::Connection& db, int64_t course_id);
std::optional<Line> line(db::Connection& db, int64_t course_id, int64_t line_id);

struct Totals {
  int lines = 0, units = 0;
};
Totals totals(db::Connection& db, int64_t course_id);

struct Candidate {
  int64_t enrolment_id = 0;
  std::string name, national_id, unit_name, title_name;
};
// Approved enrolments whose teacher is not on the roster yet (轉換線上報名資料).
std::vector<Candidate> unconverted(db::Connection& db, int64_t course_id);

// Locks the course row for the rest of the transaction; its state as it stands.
domain::CourseState lock_state(db::Connection& db, int64_t course_id);

// Puts the approved enrolments (all of them when `enrolment_ids` is empty) on the roster with full
// attendance and `units`; teachers already on it stay as they are. Returns how many were added.
int convert(db::Connection& db, int64_t course_id, int units, const std::vector<int64_t>& enrolment_ids);

struct Teacher {
  int64_t id = 0;
  std::string name;
  bool active = false;
};
// Teachers by 身分證字號, many in one query (an upload's whole file).
std::map<std::string, Teacher> teachers_by_national_id(db::Connection& db,
                                                       const std::vector<std::string>& national_ids);
// Teachers of the course already on its roster.
std::vector<int64_t> teachers_on_roster(db::Connection& db, int64_t course_id);

struct NewLine {
  int64_t teacher_id = 0;
  domain::Attendance attendance = domain::Attendance::kFull;
  int hours_absent = 0, units = 0;
  bool units_typed = false;
  std::string typed_reason;
};
// False when the teacher is on the roster already.
bool add_line(db::Connection& db, int64_t course_id, const std::string& source, const NewLine& line);
// Changes the line's attendance and units; the per-session grid is cleared unless `keep_grid`.
bool update_line(db::Connection& db, int64_t course_id, int64_t line_id, const NewLine& line,
                 bool keep_grid);
bool delete_line(db::Connection& db, int64_t course_id, int64_t line_id);
// The sessions the line's teacher was present at, replacing what was saved before.
void save_presence(db::Connection& db, int64_t line_id, const std::vector<int64_t>& session_ids);

// The sessions of other courses, on the given days, of the teachers on this roster: with the
// course's own, what says who would exceed 6 hours a day across courses.
struct TeacherSession {
  int64_t teacher_id = 0;
  std::string date, starts_at, ends_at, breaks;
};
std::vector<TeacherSession> other_sessions_on_days(db::Connection& db, int64_t course_id);

// A closed course's records as they stand: the newest of each correction chain.
struct IssuedRecord {
  int64_t id = 0, teacher_id = 0;
  std::string name, national_id, unit_name, reason, made_by;  // reason, made_by: of a correction or 補登
  int hours = 0, credits = 0, correction_no = 0;
};
std::vector<IssuedRecord> issued_records(db::Connection& db, int64_t course_id);
std::optional<IssuedRecord> issued_record(db::Connection& db, int64_t course_id, int64_t record_id);

// Approved applicants of a closed course who have no record from it (SPEC §6's 報名但未參與),
// whom a late record (補登) may still reach.
struct Missed {
  int64_t enrolment_id = 0, teacher_id = 0;
  std::string name, national_id, unit_name;
};
std::vector<Missed> missed(db::Connection& db, int64_t course_id);

// The reviewer's queue of rosters (資料上傳結束) of the review unit, oldest submission first.
struct QueuedRoster {
  std::string code, title, unit_name, first_date, last_date, submitted_at;
  int hours = 0, credits = 0, lines = 0, units = 0;
};
std::vector<QueuedRoster> roster_queue(db::Connection& db, int64_t review_unit_id, int limit, int offset);
int roster_queue_size(db::Connection& db, int64_t review_unit_id);

}  // namespace rosters::sql
