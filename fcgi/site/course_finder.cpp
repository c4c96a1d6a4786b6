// site/course_finder.cpp: the per-worker index and keyword cache of the search, kept fresh.
#include "site/course_finder.h"

#include <malloc.h>

#include <algorithm>

namespace site {

namespace {
// Bounds on the keyword cache: typed terms are unbounded, memory is not.
constexpr size_t kMaxTerms = 2000;
constexpr size_t kMaxCachedBytes = 64'000'000;  // of course ids and position sets

int64_t ticks() { return std::chrono::steady_clock::now().time_since_epoch().count(); }
}  // namespace

CourseFinder& course_finder(const core::Config& config) {
  static CourseFinder finder(std::chrono::seconds(config.search_refresh_seconds));
  return finder;
}

bool CourseFinder::fresh(uint64_t loaded_generation, Clock::time_point loaded_at,
                         uint64_t generation) const {
  return loaded_generation == generation || Clock::now() - loaded_at < refresh_;
}

bool CourseFinder::fresh(const Index& index, const sql::SearchState& state) const {
  return index.courses.today() == state.today &&
         fresh(index.generation, index.loaded_at, state.generation);
}

std::shared_ptr<const CourseFinder::Index> CourseFinder::index_for(db::Connection& db,
                                                                   const sql::SearchState& state) {
  std::shared_ptr<const Index> current;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    current = index_;
  }
  if (current && fresh(*current, state)) return current;
  std::unique_lock<std::mutex> reload(reload_mutex_, std::defer_lock);
  if (!current) {
    reload.lock();
  } else if (!reload.try_lock()) {
    return current;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    current = index_;  // another thread may have reloaded while this one waited
  }
  if (current && fresh(*current, state)) return current;
  auto next =
      std::make_shared<Index>(Index{state.generation, Clock::now(), 0,
                                    domain::CourseIndex(sql::indexed_courses(db), state.today)});
  {
    std::lock_guard<std::mutex> lock(mutex_);
    next->number = ++loads_;
    index_ = next;
  }
  // A load passes through several hundred megabytes of rows and records that are free again now;
  // glibc keeps freed memory for reuse, so without this a worker stays at its high-water mark.
  current.reset();  // the previous index, unless a search still holds it
  malloc_trim(0);
  return next;
}

std::shared_ptr<const CourseFinder::Matches> CourseFinder::matches_for(
    db::Connection& db, sql::TermColumn column, const std::string& term, const Index& index,
    uint64_t generation) {
  const std::string key = (column == sql::TermColumn::kUnitName ? "unit:" : "body:") + term;
  std::shared_ptr<const Matches> cached;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = matches_.find(key); it != matches_.end()) cached = it->second;
  }
  if (cached && fresh(cached->generation, cached->loaded_at, generation) &&
      cached->index_number == index.number) {
    cached->last_used = ticks();
    return cached;
  }
  auto next = std::make_shared<Matches>();
  std::vector<uint32_t> ids;
  if (cached && fresh(cached->generation, cached->loaded_at, generation)) {
    // Still fresh, but the index was reloaded: the same courses sit at new positions.
    next->generation = cached->generation;
    next->loaded_at = cached->loaded_at;
    next->course_ids = cached->course_ids;
    ids = cached->course_ids->members();
  } else {
    next->generation = generation;
    next->loaded_at = Clock::now();
    ids = sql::courses_matching(db, column, term);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  next->index_number = index.number;
  next->positions = index.courses.set_of(ids);
  if (!next->course_ids) {
    const size_t id_space = ids.empty() ? 0 : ids.back() + size_t{1};
    next->course_ids = std::make_shared<const domain::PositionSet>(std::move(ids), id_space);
  }
  next->last_used = ticks();
  keep(key, next);
  return next;
}

void CourseFinder::keep(const std::string& key, std::shared_ptr<const Matches> matches) {
  auto bytes = [](const Matches& m) { return m.course_ids->bytes() + m.positions.bytes(); };
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = matches_.find(key); it != matches_.end()) {
    cached_bytes_ -= bytes(*it->second);
    matches_.erase(it);
  }
  while (!matches_.empty() && (matches_.size() >= kMaxTerms ||
                               cached_bytes_ + bytes(*matches) > kMaxCachedBytes)) {
    auto oldest = matches_.begin();
    for (auto it = matches_.begin(); it != matches_.end(); ++it) {
      if (it->second->last_used < oldest->second->last_used) oldest = it;
    }
    cached_bytes_ -= bytes(*oldest->second);
    matches_.erase(oldest);
  }
  cached_bytes_ += bytes(*matches);
  matches_.emplace(key, std::move(matches));
}

SearchResult CourseFinder::find(db::Connection& db, const SearchFilters& f) {
  const sql::SearchState state = sql::search_state(db);
  const auto index = index_for(db, state);
  std::vector<std::shared_ptr<const Matches>> held;  // keeps the lists alive while in use
  domain::CourseIndex::Query q;
  for (auto [column, terms] : {std::pair{sql::TermColumn::kBody, &f.keyword_terms},
                               std::pair{sql::TermColumn::kUnitName, &f.unit_terms}}) {
    for (const auto& spellings : *terms) {
      auto& alternatives = q.terms.emplace_back();
      for (const auto& spelling : spellings) {
        held.push_back(matches_for(db, column, spelling, *index, state.generation));
        alternatives.push_back(&held.back()->positions);
      }
    }
  }
  q.county_id = f.county_id;
  q.category_id = f.category_id;
  q.tag_id = f.tag_id;
  q.level = f.level;
  q.from_day = domain::day_number(f.from);
  q.to_day = domain::day_number(f.to);
  q.open_now = f.open_now;
  q.now = state.now;
  q.offset = static_cast<size_t>(f.offset);
  q.limit = static_cast<size_t>(f.page_size);
  const auto page = index->courses.find(q);
  return {page.total, page.course_ids};
}

}  // namespace site
