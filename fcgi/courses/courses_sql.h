// SQL of course registration and management (研習課程登錄, 研習資料管理, 課程移轉).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"
#include "domain/course_rules.h"

namespace courses::sql {

struct Course {
  int64_t id = 0;
  std::string code;
  int64_t unit_id = 0, organizer_id = 0, review_unit_id = 0;
  std::string unit_name, organizer_name, state, title, class_kind, subject_area, levels, basis_doc,
      special_approval_doc, outline, subsidy, first_date, last_date, created_at, enrol_opens_at,
      enrol_closes_at;
  bool cross_school = false, enrol_online = false, auto_review = false, flagged_restricted = false;
  int category_id = 0, hours = 0, credits = 0, class_count = 0, seats_per_class = 0,
      online_seats = 0, seats_taken = 0;
  domain::Contact contact1, contact2;
};
// Any state, any unit: callers decide who may see it.
std::optional<Course> find_course(db::Connection& db, const std::string& code);
// The course as a draft, for the edit form and for re-checking.
domain::CourseDraft draft_of(db::Connection& db, const Course& course);

struct SessionRow {
  std::string date, starts_at, ends_at, breaks, place;
};
std::vector<SessionRow> sessions_of(db::Connection& db, int64_t course_id);
std::vector<int> tag_ids_of(db::Connection& db, int64_t course_id);

struct Choice {
  int64_t id;
  std::string name;
};
std::vector<Choice> categories(db::Connection& db);
std::vector<Choice> tags(db::Connection& db);
bool category_exists(db::Connection& db, int category_id);
bool tags_exist(db::Connection& db, const std::vector<int>& tag_ids);

// What registration depends on for a unit: its county's figures, its light, today.
struct UnitRules {
  int min_days_before_start = 7;
  int grace_days = 7;
  int red_threshold = 5;
  int overdue_courses = 0;
  int64_t review_unit_id = 0;  // 0: the unit has no review unit configured
  std::string today;           // the database's date
};
UnitRules unit_rules(db::Connection& db, int64_t unit_id);

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

// Moves a course from `from` to `to` only if it is still in `from`; false when someone else
// acted first. Records the history line (with reason ids) in the same transaction.
bool transition(db::Connection& db, int64_t course_id, const std::string& from,
                const std::string& to, int64_t actor_id, const std::string& note,
                const std::vector<int>& reason_ids = {});

// Makes the search index agree with the course (after the transaction committed: Mroonga
// tables are not transactional) and bumps search_generation, so workers reload the search's
// in-memory index (site/course_finder.h).
void sync_search(db::Connection& db, int64_t course_id);

struct HistoryLine {
  std::string at, from_state, to_state, actor, note;
  std::vector<std::string> reasons;
};
std::vector<HistoryLine> history_of(db::Connection& db, int64_t course_id);

struct ListFilters {
  std::string state;     // a state code or ""
  bool unfinished = false;
  int year = 0;          // of the first session
  std::string title;     // substring of the title (the unit's own list: small)
};
struct CourseLine {
  std::string code, title, first_date, last_date, state, organizer;
  int64_t organizer_id = 0;
};
std::vector<CourseLine> unit_courses(db::Connection& db, int64_t unit_id, const ListFilters& filters,
                                     int limit);

// Registrations and edits of one unit take turns, so the duplicate check and the write agree
// (a double-clicked submit registers one course).
void lock_unit(db::Connection& db, int64_t unit_id);

std::vector<Choice> organizers_of_unit(db::Connection& db, int64_t unit_id);
bool transfer_course(db::Connection& db, int64_t course_id, int64_t from_account,
                     int64_t to_account, int64_t by_account);

struct Reason {
  int id;
  std::string label;
  bool needs_text;
};
std::vector<Reason> active_reasons(db::Connection& db);

}  // namespace courses::sql
