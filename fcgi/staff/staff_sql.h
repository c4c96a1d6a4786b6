// SQL of 本單位教師帳號管理 (issue 10): the unit's teachers as the 總負責人 sees and changes them,
// and the changes' trail. Every read of one teacher is by unit, so another unit's teacher is never
// loaded here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"

namespace staff::sql {

struct Teacher {
  int64_t id = 0;
  std::string national_id, name, email;
  int64_t unit_id = 0;  // 0: no unit
  std::string position, title_name, subject;  // "" when not given
  std::string employment, employment_note, employment_changed_on;  // ISO date or ""
};

struct TeacherPage {
  std::vector<Teacher> rows;
  long total = 0;  // every teacher the filter matches
};

// The unit's teachers (whatever their employment) whose name holds `name_part`, by name.
TeacherPage unit_teachers(db::Connection& db, int64_t unit_id, const std::string& name_part,
                          long limit, long offset);
// A kindergarten's teachers come from 全國教保資訊網 (staff/kindergarten_feed.h), not from its 總負責人.
bool unit_is_kindergarten(db::Connection& db, int64_t unit_id);
// One teacher of the unit, or nothing (another unit's, or none).
std::optional<Teacher> unit_teacher(db::Connection& db, int64_t unit_id, int64_t teacher_id);
// By 身分證字號, any unit, the row locked (call inside a transaction).
std::optional<Teacher> lock_by_national_id(db::Connection& db, const std::string& national_id);

// NULL for "" in each.
void update_profile(db::Connection& db, int64_t teacher_id, const std::string& position,
                    const std::string& title_name, const std::string& subject);
// The teacher's sessions end with it (trigger teacher_identity_changed), so records-only holds
// from the teacher's next request.
void record_departure(db::Connection& db, int64_t teacher_id, const std::string& employment,
                      const std::string& on, const std::string& note);
// 在職 at the unit, the note of an earlier school cleared.
void attach(db::Connection& db, int64_t teacher_id, int64_t unit_id);
struct NewTeacher {
  std::string national_id, name, gender, birth_date, email, position, title_name, subject;
};
// 在職 at the unit with a password hash no password matches ('!'): set through 忘記密碼.
int64_t create(db::Connection& db, int64_t unit_id, const NewTeacher& t);

struct Change {
  std::string at, who, action, detail;
};
// The audit rows of `object`, newest first, with the business account's name as `who`.
std::vector<Change> changes(db::Connection& db, const std::string& object, long limit);

}  // namespace staff::sql
