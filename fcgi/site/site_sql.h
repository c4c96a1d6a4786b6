// SQL of the public pages: bulletin, search and its course rows (one course:
// shared/course_store.h; reference lists: shared/reference.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"
#include "domain/course_index.h"
#include "domain/public_status.h"

namespace site::sql {


// One course in a list (home, search results).
struct CourseSummary {
  std::string code, title, unit_name, county_name, first_date, last_date;
  std::string enrol_opens_at, enrol_closes_at;  // "2025-02-24 09:00"; "" without online enrolment
  int hours = 0, credits = 0;
  int64_t updated_epoch = 0;         // the course row's last change (an Atom entry's <updated>)
  domain::EnrolmentFacts enrolment;  // with the database's clock as the row was read
};

// The search (site/course_finder.h): course_search's state and the database's clock, its rows
// for the in-memory index, the ids matching one keyword spelling, and the rows of a page in the
// order given.
struct SearchState {
  uint64_t generation = 0;
  uint32_t today = 0;  // CURDATE() as yyyymmdd
  int64_t now = 0;     // UNIX_TIMESTAMP()
};
SearchState search_state(db::Connection& db);
std::vector<domain::IndexedCourse> indexed_courses(db::Connection& db);
enum class TermColumn { kBody, kUnitName };
// `term` is free of quotes and backslashes (domain/search_terms.h).
std::vector<uint32_t> courses_matching(db::Connection& db, TermColumn column, const std::string& term);
std::vector<CourseSummary> course_summaries(db::Connection& db, const std::vector<uint32_t>& course_ids);

}  // namespace site::sql
