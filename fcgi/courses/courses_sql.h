// SQL of course registration and management (研習課程登錄, 研習資料管理, 課程移轉); the course
// itself is read and moved between states by shared/course_store.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"
#include "shared/course_store.h"
#include "domain/course_rules.h"

namespace courses::sql {

struct Contact {
  std::string phone, email;
};
// The business account's own phone and e-mail, the form's first contact by default.
Contact account_contact(db::Connection& db, int64_t account_id);

// What registration depends on for a unit: its county's figures, its light, today.
struct UnitRules {
  int min_days_before_start = 7;
  course_store::UnitLight light;
  int64_t review_unit_id = 0;  // 0: the unit has no review unit configured
  std::string today;           // the database's date
};
UnitRules unit_rules(db::Connection& db, int64_t unit_id, const std::string& today);

// Another live course of the unit with the same name and dates.
std::optional<std::string> find_duplicate(db::Connection& db, int64_t unit_id, const std::string& title,
                                          const std::string& first_date, const std::string& last_date,
                                          int64_t except_course_id);

struct NewCourse {
  int64_t unit_id = 0, organizer_id = 0, review_unit_id = 0;
  int hours = 0;  // creditable hours as declared (credits are stored apart)
  bool flagged_restricted = false;
};
// Inserts the course with a fresh 7-digit code, its sessions, tags and first history line.
// Returns the code. Runs inside the caller's transaction.
std::string insert_course(db::Connection& db, const NewCourse& course,
                          const domain::CourseDraft& draft);
// Rewrites the editable fields, sessions and tags of a course.
void update_course(db::Connection& db, int64_t course_id, const domain::CourseDraft& draft,
                   int hours, bool flagged_restricted);

struct ListFilters {
  std::optional<domain::CourseState> state;
  bool unfinished = false;
  int year = 0;          // of the first session
  std::string title;     // substring of the title (the unit's own list: small)
};
std::vector<course_store::CourseLine> unit_courses(db::Connection& db, int64_t unit_id, const ListFilters& filters,
                                     int limit);

// Registrations and edits of one unit take turns, so the duplicate check and the write agree
// (a double-clicked submit registers one course).
void lock_unit(db::Connection& db, int64_t unit_id);

// The course's state, its row locked until the transaction ends.
domain::CourseState state_for_update(db::Connection& db, int64_t course_id);

struct Organizer {
  int64_t id;
  std::string name;  // "林承辦（organizer）"
};
// The unit's approved, enabled 承辦人 and 總負責人.
std::vector<Organizer> organizers_of_unit(db::Connection& db, int64_t unit_id);
bool transfer_course(db::Connection& db, int64_t course_id, int64_t from_account,
                     int64_t to_account, int64_t by_account);

}  // namespace courses::sql
