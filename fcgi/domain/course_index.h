// domain/course_index.h: the public courses as 研習資訊進階搜尋 filters and orders them, held in
// memory by each worker. Every filter is a test on a small fixed-size record, and the records
// are kept in result order (see CourseIndex), so a page and its exact total cost one pass over
// the candidates: about a millisecond at national scale, where Mroonga needed 20–600 ms to
// filter, count and sort (bench/README.md). Keyword matching stays with Mroonga, which hands
// over the ids of the courses matching each spelling of each term.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

// A public course as the search sees it (one row of course_search).
struct IndexedCourse {
  uint32_t course_id = 0;
  uint8_t county_id = 0;
  uint16_t category_id = 0;
  std::vector<std::string> levels;  // level codes: "elementary", …
  std::vector<uint16_t> tag_ids;
  uint32_t first_day = 0;  // yyyymmdd (see day_number)
  uint32_t last_day = 0;
  int64_t enrol_opens = 0;   // Unix seconds; both 0 when the course takes no online enrolment
  int64_t enrol_closes = 0;
};

// 20250224 for "2025-02-24"; 0 for anything that is not an ISO date.
uint32_t day_number(std::string_view iso_date);

// Result-order positions in one index: a spelling's matches, or the courses of a county, a
// category, a level, or with online enrolment. An ascending list while that is the smaller form,
// a bitset over the whole index once more than one course in 32 is in it: a common keyword (教學
// matches most of the country) is then 60 KB instead of megabytes, and meeting it with another
// common one is an AND of words, not a walk of every match.
class PositionSet {
 public:
  PositionSet() = default;
  // `ascending` holds positions below `universe` (the index's size), without repeats.
  PositionSet(std::vector<uint32_t> ascending, size_t universe);

  size_t size() const { return size_; }
  std::vector<uint32_t> members() const;  // ascending
  bool dense() const { return !bits_.empty(); }
  bool contains(uint32_t p) const { return (bits_[p / 64] >> (p % 64)) & 1; }  // dense only
  const std::vector<uint32_t>& positions() const { return positions_; }        // sparse only
  const std::vector<uint64_t>& bits() const { return bits_; }                  // dense only
  size_t bytes() const { return positions_.size() * sizeof(uint32_t) + bits_.size() * sizeof(uint64_t); }

 private:
  size_t size_ = 0;
  std::vector<uint32_t> positions_;
  std::vector<uint64_t> bits_;
};

// Result order, as of `today` (yyyymmdd, the database's date): first the courses that have not
// ended (last day on or after today), soonest first (first day, then last day, then id,
// ascending); then the past ones, most recent first (last day, then first day, then id,
// descending). The order moves with the date, so an index belongs to the day it was built for.
class CourseIndex {
 public:
  CourseIndex(std::vector<IndexedCourse> courses, uint32_t today);

  size_t size() const { return entries_.size(); }
  uint32_t today() const { return today_; }

  // The result-order positions of these courses, ascending; ids not in the index are dropped.
  std::vector<uint32_t> positions_of(const std::vector<uint32_t>& course_ids) const;
  PositionSet set_of(const std::vector<uint32_t>& course_ids) const {
    return PositionSet(positions_of(course_ids), entries_.size());
  }

  // Zero, empty and false mean "any".
  struct Query {
    // Every term is required; a term is matched by any of its alternatives, each the set_of
    // the matches of one of its spellings (domain/search_terms.h).
    std::vector<std::vector<const PositionSet*>> terms;
    int county_id = 0;  // as typed: out-of-range ids simply match nothing
    int category_id = 0;
    int tag_id = 0;
    std::string level;
    uint32_t from_day = 0;  // held on or after: last day ≥ from_day
    uint32_t to_day = 0;    // held on or before: first day ≤ to_day
    bool open_now = false;
    int64_t now = 0;        // Unix seconds, for open_now
    size_t offset = 0;
    size_t limit = 20;
  };
  struct Page {
    int64_t total = 0;                 // every match, counted exactly
    std::vector<uint32_t> course_ids;  // [offset, offset + limit) of them, in result order
  };
  Page find(const Query& query) const;

 private:
  struct Entry {
    uint32_t course_id;
    uint32_t first_day;
    uint32_t last_day;
    uint32_t level_bits;
    int64_t enrol_opens;
    int64_t enrol_closes;
    uint32_t tags_begin;  // into tag_ids_
    uint16_t category_id;
    uint8_t county_id;
    uint8_t tags_count;
  };
  bool matches(const Entry& e, const Query& q, uint32_t level_bit) const;
  // The page and total of the positions set in `in` (ascending), each checked by matches()
  // unless `exact` says the set holds only matches.
  void collect(const std::vector<uint64_t>& in, bool exact, const Query& q, uint32_t level_bit,
               Page& page) const;

  uint32_t today_;
  std::vector<Entry> entries_;            // in result order
  uint32_t upcoming_ = 0;                 // entries_[0, upcoming_) have not ended
  std::vector<uint16_t> tag_ids_;
  std::vector<std::string> level_codes_;  // bit i of level_bits is level_codes_[i]
  std::vector<uint32_t> position_of_id_;  // by course id; kAbsent when not in the index
  // Position sets: by county and category id, by level bit, and of the courses that take online
  // enrolment (the only ones "open now" can match).
  std::vector<PositionSet> by_county_, by_category_, by_level_;
  PositionSet with_online_enrolment_;
};

}  // namespace domain
