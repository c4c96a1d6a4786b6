// SQL of the teacher's homepage: profile, the no-show light's courses, enrolments, records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"

namespace teacher::sql {

struct Profile {
  std::string name, unit_name, employment, employment_note, title_name;
  bool has_unit = false;
};
std::optional<Profile> find_profile(db::Connection& db, int64_t teacher_id);

// Who can restore a records-only account: the approved, enabled 總負責人 of the teacher's (last) unit.
struct Master {
  std::string name, phone, unit_name;
};
std::optional<Master> unit_master(db::Connection& db, int64_t teacher_id);

struct CourseLine {
  std::string code, title, unit_name, first_date, last_date, status;
};
// SPEC §6: approved (not cancelled before the start), course closed, no record from it, this year;
// with the enrolment, and whether the teacher's 申請更正 of it is still open (SPEC §11).
struct MissedLine : CourseLine {
  int64_t enrolment_id = 0;
  bool correction_requested = false;
};
std::vector<MissedLine> missed_courses(db::Connection& db, int64_t teacher_id);
// The teacher's applications, newest course first, with what deciding a cancellation needs.
struct EnrolmentLine : CourseLine {
  int64_t id = 0;
  int64_t first_session_start = 0, now = 0;  // the database's clock
  int waiting_position = 0;                  // 0 unless waiting
};
std::vector<EnrolmentLine> enrolments(db::Connection& db, int64_t teacher_id, int limit);

// Records as they stand now: a corrected record counts as its newest correction only.
struct YearTotal {
  int year = 0;
  int records = 0, hours = 0, credits = 0;
};
struct Record {
  std::string title, completed_on, source;
  int hours = 0, credits = 0;
};
// The totals of every year (newest first) and the `recent` newest records, from one read of the
// teacher's records.
struct RecordSummary {
  std::vector<YearTotal> years;
  std::vector<Record> recent;
};
RecordSummary record_summary(db::Connection& db, int64_t teacher_id, size_t recent);

}  // namespace teacher::sql
