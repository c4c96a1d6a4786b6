// domain/course_index.cpp: building the index in result order, and one pass over it per search.
#include "domain/course_index.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace domain {

namespace {
constexpr uint32_t kAbsent = std::numeric_limits<uint32_t>::max();

// Advances `at` to the first element of `list` not below `value` (galloping, so a long list
// met with a short one costs O(short × log long)).
size_t seek(const std::vector<uint32_t>& list, size_t at, uint32_t value) {
  size_t step = 1;
  size_t hi = at;
  while (hi < list.size() && list[hi] < value) {
    at = hi + 1;
    hi += step;
    step *= 2;
  }
  return std::lower_bound(list.begin() + static_cast<std::ptrdiff_t>(at),
                          list.begin() + static_cast<std::ptrdiff_t>(std::min(hi, list.size())),
                          value) -
         list.begin();
}

// One term's alternatives: walked as one ascending stream without repeats by the term that
// drives a sparse search (its alternatives are all lists then), or asked "does any hold p?" by
// the others, with p never decreasing between calls; or, in a dense search, or-ed into a bitset.
class TermWalk {
 public:
  explicit TermWalk(std::vector<const PositionSet*> alternatives)
      : sets_(std::move(alternatives)), at_(sets_.size(), 0) {
    for (const auto* set : sets_) {
      size_ += set->size();
      dense_ = dense_ || set->dense();
    }
  }

  size_t size() const { return size_; }  // the matches of all alternatives, repeats counted
  bool dense() const { return dense_; }  // some alternative is a bitset

  bool holds(uint32_t p) {
    for (size_t i = 0; i < sets_.size(); ++i) {
      if (sets_[i]->dense()) {
        if (sets_[i]->contains(p)) return true;
        continue;
      }
      const std::vector<uint32_t>& list = sets_[i]->positions();
      at_[i] = seek(list, at_[i], p);
      if (at_[i] < list.size() && list[at_[i]] == p) return true;
    }
    return false;
  }

  // Moves every alternative on to its first position not below p (lists only).
  void skip_to(uint32_t p) {
    for (size_t i = 0; i < sets_.size(); ++i) at_[i] = seek(sets_[i]->positions(), at_[i], p);
  }

  // The next position held by any alternative; false once all are done (lists only).
  bool next(uint32_t& p) {
    bool any = false;
    for (size_t i = 0; i < sets_.size(); ++i) {
      const std::vector<uint32_t>& list = sets_[i]->positions();
      if (at_[i] < list.size() && (!any || list[at_[i]] < p)) {
        p = list[at_[i]];
        any = true;
      }
    }
    for (size_t i = 0; any && i < sets_.size(); ++i) {
      const std::vector<uint32_t>& list = sets_[i]->positions();
      if (at_[i] < list.size() && list[at_[i]] == p) ++at_[i];
    }
    return any;
  }

  // bits &= this term: an AND with its one bitset, or with the union of its alternatives.
  void and_into(std::vector<uint64_t>& bits, std::vector<uint64_t>& scratch) const {
    if (sets_.size() == 1 && sets_[0]->dense()) {
      const std::vector<uint64_t>& mine = sets_[0]->bits();
      for (size_t w = 0; w < bits.size(); ++w) bits[w] &= mine[w];
      return;
    }
    scratch.assign(bits.size(), 0);
    or_into(scratch);
    for (size_t w = 0; w < bits.size(); ++w) bits[w] &= scratch[w];
  }

  void or_into(std::vector<uint64_t>& bits) const {
    for (const auto* set : sets_) {
      if (set->dense()) {
        for (size_t w = 0; w < bits.size(); ++w) bits[w] |= set->bits()[w];
      } else {
        for (uint32_t p : set->positions()) bits[p / 64] |= uint64_t{1} << (p % 64);
      }
    }
  }

 private:
  std::vector<const PositionSet*> sets_;
  std::vector<size_t> at_;
  size_t size_ = 0;
  bool dense_ = false;
};

// Clears the bits of positions [from, to).
void clear_range(std::vector<uint64_t>& bits, uint32_t from, uint32_t to) {
  for (uint32_t p = from; p < to && p % 64 != 0; ++p) bits[p / 64] &= ~(uint64_t{1} << (p % 64));
  uint32_t p = from % 64 == 0 ? from : (from / 64 + 1) * 64;
  for (; p + 64 <= to; p += 64) bits[p / 64] = 0;
  for (; p < to; ++p) bits[p / 64] &= ~(uint64_t{1} << (p % 64));
}
}  // namespace

PositionSet::PositionSet(std::vector<uint32_t> ascending, size_t universe) : size_(ascending.size()) {
  // A bitset takes universe / 8 bytes, a list 4 bytes a position.
  if (!ascending.empty() && ascending.size() * 32 >= universe) {
    bits_.assign((universe + 63) / 64, 0);
    for (uint32_t p : ascending) bits_[p / 64] |= uint64_t{1} << (p % 64);
  } else {
    positions_ = std::move(ascending);
  }
}

std::vector<uint32_t> PositionSet::members() const {
  if (!dense()) return positions_;
  std::vector<uint32_t> out;
  out.reserve(size_);
  for (size_t w = 0; w < bits_.size(); ++w) {
    for (uint64_t word = bits_[w]; word; word &= word - 1) {
      out.push_back(static_cast<uint32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(word))));
    }
  }
  return out;
}

uint32_t day_number(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return 0;
  uint32_t n = 0;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (iso[i] < '0' || iso[i] > '9') return 0;
    n = n * 10 + static_cast<uint32_t>(iso[i] - '0');
  }
  return n;
}

CourseIndex::CourseIndex(std::vector<IndexedCourse> courses, uint32_t today) : today_(today) {
  auto before = [today](const IndexedCourse& a, const IndexedCourse& b) {
    const bool a_upcoming = a.last_day >= today, b_upcoming = b.last_day >= today;
    if (a_upcoming != b_upcoming) return a_upcoming;
    if (a_upcoming) {
      return std::tie(a.first_day, a.last_day, a.course_id) <
             std::tie(b.first_day, b.last_day, b.course_id);
    }
    return std::tie(a.last_day, a.first_day, a.course_id) >
           std::tie(b.last_day, b.first_day, b.course_id);
  };
  std::sort(courses.begin(), courses.end(), before);
  upcoming_ = static_cast<uint32_t>(
      std::count_if(courses.begin(), courses.end(), [today](const IndexedCourse& c) { return c.last_day >= today; }));
  entries_.reserve(courses.size());
  uint32_t max_id = 0;
  for (const IndexedCourse& c : courses) {
    uint32_t level_bits = 0;
    for (const std::string& level : c.levels) {
      auto it = std::find(level_codes_.begin(), level_codes_.end(), level);
      if (it == level_codes_.end()) {
        if (level_codes_.size() == 32) throw std::length_error("more than 32 level codes");
        it = level_codes_.insert(level_codes_.end(), level);
      }
      level_bits |= 1u << (it - level_codes_.begin());
    }
    if (c.tag_ids.size() > std::numeric_limits<uint8_t>::max()) throw std::length_error("too many tags");
    entries_.push_back({c.course_id, c.first_day, c.last_day, level_bits, c.enrol_opens,
                        c.enrol_closes, static_cast<uint32_t>(tag_ids_.size()), c.category_id,
                        c.county_id, static_cast<uint8_t>(c.tag_ids.size())});
    tag_ids_.insert(tag_ids_.end(), c.tag_ids.begin(), c.tag_ids.end());
    max_id = std::max(max_id, c.course_id);
  }
  position_of_id_.assign(entries_.empty() ? 0 : max_id + size_t{1}, kAbsent);
  std::vector<std::vector<uint32_t>> by_county, by_category, by_level(level_codes_.size());
  std::vector<uint32_t> with_online_enrolment;
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    position_of_id_[e.course_id] = static_cast<uint32_t>(i);
    if (e.county_id >= by_county.size()) by_county.resize(e.county_id + size_t{1});
    by_county[e.county_id].push_back(static_cast<uint32_t>(i));
    if (e.category_id >= by_category.size()) by_category.resize(e.category_id + size_t{1});
    by_category[e.category_id].push_back(static_cast<uint32_t>(i));
    for (size_t bit = 0; bit < level_codes_.size(); ++bit) {
      if (e.level_bits & (1u << bit)) by_level[bit].push_back(static_cast<uint32_t>(i));
    }
    if (e.enrol_opens != 0 || e.enrol_closes != 0) with_online_enrolment.push_back(static_cast<uint32_t>(i));
  }
  for (auto [lists, sets] : {std::pair{&by_county, &by_county_}, std::pair{&by_category, &by_category_},
                             std::pair{&by_level, &by_level_}}) {
    for (auto& list : *lists) sets->emplace_back(std::move(list), entries_.size());
  }
  with_online_enrolment_ = PositionSet(std::move(with_online_enrolment), entries_.size());
}

std::vector<uint32_t> CourseIndex::positions_of(const std::vector<uint32_t>& course_ids) const {
  std::vector<uint32_t> positions;
  positions.reserve(course_ids.size());
  for (uint32_t id : course_ids) {
    if (id < position_of_id_.size() && position_of_id_[id] != kAbsent) {
      positions.push_back(position_of_id_[id]);
    }
  }
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  return positions;
}

bool CourseIndex::matches(const Entry& e, const Query& q, uint32_t level_bit) const {
  if (q.county_id && e.county_id != q.county_id) return false;
  if (q.category_id && e.category_id != q.category_id) return false;
  if (level_bit && !(e.level_bits & level_bit)) return false;
  if (q.from_day && e.last_day < q.from_day) return false;
  if (q.to_day && e.first_day > q.to_day) return false;
  if (q.open_now && !(e.enrol_opens <= q.now && q.now <= e.enrol_closes)) return false;
  if (q.tag_id) {
    const auto begin = tag_ids_.begin() + e.tags_begin;
    const auto tag = static_cast<uint16_t>(q.tag_id);  // in range: find() checked
    if (std::find(begin, begin + e.tags_count, tag) == begin + e.tags_count) return false;
  }
  return true;
}

CourseIndex::Page CourseIndex::find(const Query& q) const {
  Page page;
  if (q.tag_id < 0 || q.tag_id > std::numeric_limits<uint16_t>::max()) return page;
  uint32_t level_bit = 0;
  size_t level_index = 0;
  if (!q.level.empty()) {
    const auto it = std::find(level_codes_.begin(), level_codes_.end(), q.level);
    if (it == level_codes_.end()) return page;  // no course is for that level
    level_index = static_cast<size_t>(it - level_codes_.begin());
    level_bit = 1u << level_index;
  }
  auto take = [&](uint32_t position) {
    const Entry& e = entries_[position];
    if (!matches(e, q, level_bit)) return;
    const auto n = static_cast<size_t>(page.total++);
    if (n >= q.offset && n - q.offset < q.limit) page.course_ids.push_back(e.course_id);
  };
  // A county, a category, a level and "open now" are lists of positions like a term's, so a
  // search by any of them walks only their courses: its cost follows the matches, not the size of
  // the country.
  std::vector<TermWalk> walks;
  walks.reserve(q.terms.size() + 4);
  for (const auto& alternatives : q.terms) walks.emplace_back(alternatives);
  auto walk = [&](const PositionSet& set) { walks.emplace_back(std::vector<const PositionSet*>{&set}); };
  for (const auto& [id, lists] : {std::pair{q.county_id, &by_county_}, std::pair{q.category_id, &by_category_}}) {
    if (id == 0) continue;
    if (id < 0 || static_cast<size_t>(id) >= lists->size()) return page;  // no course has it
    walk((*lists)[static_cast<size_t>(id)]);
  }
  if (level_bit) walk(by_level_[level_index]);
  if (q.open_now) walk(with_online_enrolment_);
  // The result order bounds a date range: the upcoming courses (by first day) held by to_day
  // are a prefix of theirs, and the past ones (by last day, descending) held on or after
  // from_day a prefix of theirs. Positions in [gap_from, upcoming_) and from past_end on cannot
  // match.
  const auto end = static_cast<uint32_t>(entries_.size());
  uint32_t gap_from = upcoming_, past_end = end;
  if (q.to_day) {
    gap_from = static_cast<uint32_t>(
        std::partition_point(entries_.begin(), entries_.begin() + upcoming_,
                             [&](const Entry& e) { return e.first_day <= q.to_day; }) -
        entries_.begin());
  }
  if (q.from_day) {
    past_end = static_cast<uint32_t>(
        std::partition_point(entries_.begin() + upcoming_, entries_.end(),
                             [&](const Entry& e) { return e.last_day >= q.from_day; }) -
        entries_.begin());
  }
  if (walks.empty()) {
    for (uint32_t p = 0; p < gap_from; ++p) take(p);
    for (uint32_t p = upcoming_; p < past_end; ++p) take(p);
    return page;
  }
  std::sort(walks.begin(), walks.end(),
            [](const TermWalk& a, const TermWalk& b) { return a.size() < b.size(); });
  if (walks[0].dense()) {
    // Even the rarest holds more than one course in 32: AND them all, word by word.
    std::vector<uint64_t> in((entries_.size() + 63) / 64, 0), scratch;
    walks[0].or_into(in);
    for (size_t i = 1; i < walks.size(); ++i) walks[i].and_into(in, scratch);
    clear_range(in, gap_from, upcoming_);
    clear_range(in, past_end, end);
    // What the sets do not decide alone: a tag, "open now" (by the time), and a date range
    // (the slices above only bound it).
    const bool exact = q.tag_id == 0 && !q.open_now && q.from_day == 0 && q.to_day == 0;
    collect(in, exact, q, level_bit, page);
    return page;
  }
  // Walk the list with the fewest matches; every other must hold the same position.
  for (uint32_t p = 0; walks[0].next(p);) {
    if (p >= past_end) break;
    if (p >= gap_from && p < upcoming_) {
      walks[0].skip_to(upcoming_);
      continue;
    }
    bool in_all = true;
    for (size_t i = 1; i < walks.size() && in_all; ++i) in_all = walks[i].holds(p);
    if (in_all && p < entries_.size()) take(p);
  }
  return page;
}

void CourseIndex::collect(const std::vector<uint64_t>& in, bool exact, const Query& q, uint32_t level_bit,
                          Page& page) const {
  const size_t wanted_end = q.offset + q.limit;
  for (size_t w = 0; w < in.size(); ++w) {
    uint64_t word = in[w];
    if (exact && static_cast<size_t>(page.total) >= wanted_end) {
      page.total += __builtin_popcountll(word);  // past the page: only counted
      continue;
    }
    while (word) {
      const auto p = static_cast<uint32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(word)));
      word &= word - 1;
      const Entry& e = entries_[p];
      if (!exact && !matches(e, q, level_bit)) continue;
      const auto n = static_cast<size_t>(page.total++);
      if (n >= q.offset && n < wanted_end) page.course_ids.push_back(e.course_id);
    }
  }
}

}  // namespace domain
