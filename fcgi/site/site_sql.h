// SQL of the public pages: bulletin, newest courses, search, reference lists (one course:
// courses/course_store.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"
#include "domain/course_index.h"
#include "domain/course_state.h"

namespace site::sql {

struct Bulletin {
  std::string title, body, posted_on;
};
std::vector<Bulletin> latest_bulletins(db::Connection& db, int limit);

struct CourseSummary {
  std::string code, title, unit_name, county_name, first_date, last_date;
  domain::CourseState state = domain::CourseState::kApproved;
  int hours = 0, credits = 0, seats_left = 0;
  bool enrol_open = false;
};
std::vector<CourseSummary> newest_courses(db::Connection& db, int limit);


// The search (site/course_finder.h): course_search's state, its rows for the in-memory index,
// the ids matching one keyword term, and the rows of a page in the order given.
uint64_t search_generation(db::Connection& db);
std::vector<domain::IndexedCourse> indexed_courses(db::Connection& db);
enum class TermColumn { kBody, kUnitName };
// `term` is free of quotes and backslashes (site_handlers.cpp: search_terms).
std::vector<uint32_t> courses_matching(db::Connection& db, TermColumn column, const std::string& term);
std::vector<CourseSummary> course_summaries(db::Connection& db, const std::vector<uint32_t>& course_ids);

}  // namespace site::sql
