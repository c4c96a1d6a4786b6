// The course as an entity, read by every area that shows or changes one (registration, review,
// the public pages; enrolment and rosters next): one reader of the course table, its sessions,
// tags and history, and the one way its 處理狀態 changes (transition).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"
#include "domain/course_rules.h"
#include "domain/course_state.h"
#include "domain/public_status.h"

namespace course_store {

struct Course {
  int64_t id = 0;
  std::string code;
  domain::CourseState state = domain::CourseState::kUnconfirmed;
  int64_t unit_id = 0, organizer_id = 0, review_unit_id = 0, county_id = 0;
  std::string unit_name, unit_code, county_name, category_name, organizer_name;
  std::string title, class_kind, subject_area, levels, basis_doc, special_approval_doc, outline,
      subsidy;
  std::string first_date, last_date;                // ISO dates of the first and last session
  std::string created_at;                           // "2025-02-24 09:00"
  std::string enrol_opens_at, enrol_closes_at;      // "2025-02-24 09:00", or "" without online enrolment
  bool cross_school = false, enrol_online = false, auto_review = false, flagged_restricted = false;
  int category_id = 0, hours = 0, credits = 0, class_count = 0, seats_per_class = 0,
      online_seats = 0, seats_taken = 0;
  domain::Contact contact1, contact2;
  domain::EnrolmentFacts enrolment;  // for the public status, with the database's clock as read
  // 線上報名設定 beyond the window and seats (domain/enrolment_rules.h).
  std::string ask_fields, eligible_levels, eligible_counties, eligible_units, eligible_positions,
      auto_review_scope;
  bool lottery = false, drawn = false;  // 抽籤, and whether its draw has run
  std::string draw_at;                  // "2025-03-01 12:00", or "" for 先到先得
};
// Any state, any unit: the callers' access helpers (shared/access.h) decide who may see it.
std::optional<Course> find(db::Connection& db, const std::string& code);

struct Session {
  int64_t id = 0, course_id = 0;
  std::string date, starts_at, ends_at, breaks, place;  // "2025-03-01", "09:00", "12:00-13:00"
};
std::vector<Session> sessions_of(db::Connection& db, int64_t course_id);
// The sessions of many courses in one query, grouped by course in the order of `course_ids`.
std::vector<Session> sessions_of(db::Connection& db, const std::vector<int64_t>& course_ids);
// The sessions as the rules of 第10條 read them.
std::vector<domain::Session> rule_sessions(const std::vector<Session>& sessions);

struct Tag {
  int64_t id = 0;
  std::string name;
};
std::vector<Tag> tags_of(db::Connection& db, int64_t course_id);

// The course as the registration form edits it.
domain::CourseDraft draft_of(db::Connection& db, const Course& course);

struct HistoryLine {
  std::string at;  // "2025-02-24 09:00"
  std::optional<domain::CourseState> from;  // none: registered
  domain::CourseState to = domain::CourseState::kUnconfirmed;
  std::string actor, note;
  std::vector<std::string> reasons;
};
std::vector<HistoryLine> history_of(db::Connection& db, int64_t course_id);

// The one way a course's state changes: asks domain::next_state what `action` leads to from the
// state the caller read, moves the course only if it is still in that state, writes the history
// line with its reasons, and keeps the public search in step once `tx` commits. nullopt when
// the action is not allowed from that state or someone else acted first (nothing written).
std::optional<domain::CourseState> transition(db::Transaction& tx, const Course& course,
                                              domain::CourseAction action, int64_t actor_id,
                                              const std::string& note,
                                              const std::vector<int>& reason_ids = {});

// Makes course_search agree with the course and bumps search_generation, so every worker
// reloads its in-memory search index (site/course_finder.h). Mroonga does not take part in
// transactions: transition() runs it after its commit.
void sync_search(db::Connection& db, int64_t course_id);

// SQL lists of state codes made from the domain's rules, for IN (...) clauses:
// "('approved','roster_submitted','roster_returned','closed')".
const std::string& public_states_sql();
const std::string& unfinished_states_sql();

struct CourseLine {
  std::string code, title, first_date, last_date, organizer;
  domain::CourseState state = domain::CourseState::kUnconfirmed;
  int64_t organizer_id = 0;
};
// SPEC §6: the unit's courses that count toward its light (domain::is_overdue: 尚未結案, ended
// more than the county's grace days before `today`, this calendar year), oldest first.
struct UnitLight {
  int red_threshold = 5;
  int grace_days = 7;
  std::vector<CourseLine> overdue;
};
UnitLight unit_light(db::Connection& db, int64_t unit_id, const std::string& today);

}  // namespace course_store
