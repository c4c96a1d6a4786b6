// SQL of the public pages: bulletin, newest courses, search, one course, reference lists.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"

namespace site::sql {

struct Bulletin {
  std::string title, body, posted_on;
};
std::vector<Bulletin> latest_bulletins(db::Connection& db, int limit);

struct CourseSummary {
  std::string code, title, unit_name, county_name, first_date, last_date, state;
  int hours = 0, credits = 0, seats_left = 0;
  bool enrol_open = false;
};
std::vector<CourseSummary> newest_courses(db::Connection& db, int limit);

struct Choice {
  int64_t id;
  std::string name;
};
std::vector<Choice> counties(db::Connection& db);
std::vector<Choice> categories(db::Connection& db);
std::vector<Choice> tags(db::Connection& db);

// Filters already validated; empty/zero means "any".
struct SearchFilters {
  std::vector<std::string> keyword_terms;  // all required; free of quotes and backslashes
  std::vector<std::string> unit_terms;     // same, for the organizing unit's name
  int county_id = 0;
  int category_id = 0;
  int tag_id = 0;
  std::string level;          // one of the fixed level codes
  std::string from, to;       // ISO dates
  bool open_now = false;
  int page_size = 20;
  int offset = 0;
};
struct SearchResult {
  int64_t total = 0;
  std::vector<CourseSummary> courses;
};
SearchResult search_courses(db::Connection& db, const SearchFilters& filters);

struct Session {
  std::string date, starts_at, ends_at, breaks, place;
};
struct CourseDetail {
  int64_t id = 0;
  std::string code, title, class_kind, unit_name, unit_code, county_name, category, subject_area,
      levels, basis_doc, outline, state, first_date, last_date, enrol_opens_at, enrol_closes_at,
      subsidy, contact1_name, contact1_phone, contact1_email, contact2_name, contact2_phone,
      contact2_email, organizer_name;
  bool cross_school = false, enrol_online = false, auto_review = false, enrol_open = false;
  int hours = 0, credits = 0, class_count = 0, seats_per_class = 0, online_seats = 0,
      seats_taken = 0;
  std::vector<Session> sessions;
  std::vector<std::string> tags;
};
std::optional<CourseDetail> find_course(db::Connection& db, const std::string& code);

}  // namespace site::sql
