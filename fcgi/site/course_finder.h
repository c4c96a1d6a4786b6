// site/course_finder.h: the search of 研習資訊進階搜尋, answered from this worker's in-memory
// index of the public courses (domain/course_index.h) and its cache of keyword matches, which
// Mroonga supplies term by term.
//
// Freshness: every search reads search_generation (one primary-key row), which each write to
// course_search bumps, with the database's date and time. Once it has moved, the index and each
// spelling's matches are reloaded when they are older than Config::search_refresh_seconds (0: at
// once). So a course that becomes public shows up in searches within that time, and the cost of a
// reload (about a second at national scale) is paid at most that often. A course that stops being
// public may stay listed for as long, but its row is never shown (sql::course_summaries reads the
// course itself). The result order depends on the date (domain/course_index.h), so the index is
// also reloaded once a day, on the first search after midnight.
//
// Keyword matches are cached per column and spelling ("body:內壢國民中學"): a spelling's matches
// do not depend on the term it came from, so 內壢國中 (whose spellings are 內壢國中 and
// 內壢國民中學) and 內壢國民中學 typed as such share their entries.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/config.h"
#include "core/db.h"
#include "domain/course_index.h"
#include "site/site_sql.h"

namespace site {

// Filters already validated; empty/zero means "any".
struct SearchFilters {
  // Each term as its spellings (domain::spellings_of), free of quotes and backslashes: every term
  // is required, any of its spellings matches it.
  std::vector<std::vector<std::string>> keyword_terms;  // title, outline, subject, unit name, tags
  std::vector<std::vector<std::string>> unit_terms;     // the organizing unit's name
  int county_id = 0;
  int category_id = 0;
  int tag_id = 0;
  std::string level;     // one of the fixed level codes
  std::string from, to;  // ISO dates
  bool open_now = false;
  int page_size = 20;
  int offset = 0;
};

struct SearchResult {
  int64_t total = 0;
  std::vector<uint32_t> course_ids;  // the page, in result order (domain/course_index.h)
};

class CourseFinder {
 public:
  explicit CourseFinder(std::chrono::seconds refresh) : refresh_(refresh) {}
  SearchResult find(db::Connection& db, const SearchFilters& filters);

 private:
  using Clock = std::chrono::steady_clock;
  struct Index {
    uint64_t generation;
    Clock::time_point loaded_at;
    uint64_t number;  // which load of the index this is: term positions belong to one
    domain::CourseIndex courses;  // in result order as of courses.today()
  };
  struct Matches {
    uint64_t generation;
    Clock::time_point loaded_at;
    // The spelling's courses by id (a set over the course ids, kept to place them again after
    // the index reloads): as small as the positions for a common term.
    std::shared_ptr<const domain::PositionSet> course_ids;
    uint64_t index_number;
    domain::PositionSet positions;  // in that index
    mutable std::atomic<int64_t> last_used{0};
  };

  bool fresh(uint64_t loaded_generation, Clock::time_point loaded_at, uint64_t generation) const;
  bool fresh(const Index& index, const sql::SearchState& state) const;
  std::shared_ptr<const Index> index_for(db::Connection& db, const sql::SearchState& state);
  std::shared_ptr<const Matches> matches_for(db::Connection& db, sql::TermColumn column,
                                             const std::string& term, const Index& index,
                                             uint64_t generation);
  void keep(const std::string& key, std::shared_ptr<const Matches> matches);

  const std::chrono::seconds refresh_;
  std::mutex reload_mutex_;  // one reload of the index at a time; the old one serves meanwhile
  std::mutex mutex_;         // guards the members below
  std::shared_ptr<const Index> index_;
  uint64_t loads_ = 0;
  std::unordered_map<std::string, std::shared_ptr<const Matches>> matches_;
  size_t cached_bytes_ = 0;  // of the course ids and position sets held in matches_
};

// This worker's finder.
CourseFinder& course_finder(const core::Config& config);

}  // namespace site
