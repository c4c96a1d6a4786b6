// tests/unit/course_index_test.cpp: the in-memory search index's filters, order, totals and paging.
#include "domain/course_index.h"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>
#include <tuple>

namespace domain {
namespace {

using Ids = std::vector<uint32_t>;

// A day after every course of the tests that are not about the order: all of them are past, so
// they list by last day (then first day, then id) descending.
constexpr uint32_t kLater = 20300101;

IndexedCourse course(uint32_t id, uint32_t first_day, uint32_t last_day = 0) {
  IndexedCourse c;
  c.course_id = id;
  c.first_day = first_day;
  c.last_day = last_day ? last_day : first_day;
  c.county_id = 1;
  c.category_id = 1;
  return c;
}

CourseIndex::Page all(const CourseIndex& index, CourseIndex::Query q = {}) {
  q.limit = 1000;
  return index.find(q);
}

TEST(DayNumber, ReadsIsoDates) {
  EXPECT_EQ(day_number("2025-02-24"), 20250224u);
  EXPECT_EQ(day_number("2025/02/24"), 0u);
  EXPECT_EQ(day_number("2025-2-24"), 0u);
  EXPECT_EQ(day_number("20x5-02-24"), 0u);
  EXPECT_EQ(day_number(""), 0u);
}

TEST(CourseIndex, ListsUpcomingCoursesFirstSoonestFirstThenPastOnesMostRecentFirst) {
  const uint32_t today = 20250301;
  CourseIndex index({course(1, 20250101),            // past
                     course(2, 20250220, 20250228),  // past, ended yesterday after 9 days
                     course(3, 20250225, 20250305),  // in progress
                     course(4, 20250301),            // today
                     course(5, 20250310), course(6, 20250310),  // the same day: lower id first
                     course(7, 20250228),                       // past, yesterday only
                     course(8, 20260101)},                      // next year
                    today);
  EXPECT_EQ(all(index).course_ids, (Ids{3, 4, 5, 6, 8, 7, 2, 1}));
  EXPECT_EQ(all(index).total, 8);
}

TEST(CourseIndex, ACourseIsUpcomingUntilTheEndOfItsLastDay) {
  // A runs for two months, B is one day, C comes after both.
  const std::vector<IndexedCourse> courses = {course(1, 20250101, 20250301), course(2, 20250220),
                                              course(3, 20250305)};
  EXPECT_EQ(all(CourseIndex(courses, 20250220)).course_ids, (Ids{1, 2, 3}));  // B's day
  EXPECT_EQ(all(CourseIndex(courses, 20250221)).course_ids, (Ids{1, 3, 2}));  // B is past
  EXPECT_EQ(all(CourseIndex(courses, 20250301)).course_ids, (Ids{1, 3, 2}));  // A's last day
  EXPECT_EQ(all(CourseIndex(courses, 20250302)).course_ids, (Ids{3, 1, 2}));  // A is past
}

TEST(CourseIndex, PastCoursesWithTheSameLastDayListTheLaterStartFirstThenTheHigherId) {
  CourseIndex index({course(1, 20250201, 20250210), course(2, 20250205, 20250210),
                     course(3, 20250210), course(4, 20250210), course(5, 20250206, 20250209)},
                    kLater);
  EXPECT_EQ(all(index).course_ids, (Ids{4, 3, 2, 1, 5}));  // 5 started later but ended sooner
}

TEST(CourseIndex, TheOrderBelongsToTheDayTheIndexWasBuiltFor) {
  const std::vector<IndexedCourse> courses = {course(1, 20250301), course(2, 20250310)};
  const CourseIndex before(courses, 20250301), after(courses, 20250305);
  EXPECT_EQ(before.today(), 20250301u);
  EXPECT_EQ(after.today(), 20250305u);
  EXPECT_EQ(all(before).course_ids, (Ids{1, 2}));
  EXPECT_EQ(all(after).course_ids, (Ids{2, 1}));
  // Positions belong to one index: the same course sits elsewhere in the other.
  EXPECT_EQ(before.positions_of({2}), (Ids{1}));
  EXPECT_EQ(after.positions_of({2}), (Ids{0}));
}

TEST(CourseIndex, PagesCountEveryMatchExactly) {
  std::vector<IndexedCourse> courses;
  for (uint32_t id = 1; id <= 45; ++id) courses.push_back(course(id, 20250000 + id));
  CourseIndex index(courses, kLater);
  CourseIndex::Query q;
  q.offset = 40;
  q.limit = 20;
  const auto last = index.find(q);
  EXPECT_EQ(last.total, 45);
  EXPECT_EQ(last.course_ids, (Ids{5, 4, 3, 2, 1}));
  q.offset = 100;
  EXPECT_TRUE(index.find(q).course_ids.empty());
  EXPECT_EQ(index.find(q).total, 45);
}

TEST(CourseIndex, FiltersByCountyCategoryLevelAndTag) {
  auto a = course(1, 20250101);
  a.county_id = 3;
  a.levels = {"elementary", "junior_high"};
  a.tag_ids = {2, 3};
  auto b = course(2, 20250102);
  b.county_id = 4;
  b.category_id = 5;
  b.levels = {"junior_high"};
  b.tag_ids = {3};
  CourseIndex index({a, b}, kLater);
  CourseIndex::Query q;
  q.county_id = 3;
  EXPECT_EQ(all(index, q).course_ids, (Ids{1}));
  q = {};
  q.category_id = 5;
  EXPECT_EQ(all(index, q).course_ids, (Ids{2}));
  q = {};
  q.level = "elementary";
  EXPECT_EQ(all(index, q).course_ids, (Ids{1}));
  q.level = "junior_high";
  EXPECT_EQ(all(index, q).course_ids, (Ids{2, 1}));
  q.level = "kindergarten";  // no course is for it
  EXPECT_EQ(all(index, q).total, 0);
  q = {};
  q.tag_id = 2;
  EXPECT_EQ(all(index, q).course_ids, (Ids{1}));
  q.tag_id = 3;
  EXPECT_EQ(all(index, q).total, 2);
  q.tag_id = 9;
  EXPECT_EQ(all(index, q).total, 0);
  q.tag_id = 65536 + 3;  // would wrap to 3
  EXPECT_EQ(all(index, q).total, 0);
  q = {};
  q.county_id = 256 + 3;
  EXPECT_EQ(all(index, q).total, 0);
}

TEST(CourseIndex, ADateRangeKeepsCoursesHeldWithinIt) {
  CourseIndex index(
      {course(1, 20250101, 20250110), course(2, 20250201, 20250201), course(3, 20250301, 20250331)},
      kLater);
  CourseIndex::Query q;
  q.from_day = 20250110;  // the last day of course 1 counts
  q.to_day = 20250301;    // the first day of course 3 counts
  EXPECT_EQ(all(index, q).course_ids, (Ids{3, 2, 1}));
  q.from_day = 20250111;
  q.to_day = 20250228;
  EXPECT_EQ(all(index, q).course_ids, (Ids{2}));
}

TEST(CourseIndex, OpenNowIncludesBothEndsOfTheEnrolmentPeriod) {
  auto open = course(1, 20250101);
  open.enrol_opens = 1000;
  open.enrol_closes = 2000;
  CourseIndex index({open, course(2, 20250101)}, kLater);  // 2 takes no online enrolment
  CourseIndex::Query q;
  q.open_now = true;
  for (int64_t now : {1000, 1500, 2000}) {
    q.now = now;
    EXPECT_EQ(all(index, q).course_ids, (Ids{1})) << now;
  }
  for (int64_t now : {999, 2001}) {
    q.now = now;
    EXPECT_EQ(all(index, q).total, 0) << now;
  }
}

TEST(CourseIndex, PositionsOfDropsCoursesNoLongerPublic) {
  CourseIndex index({course(10, 20250101), course(20, 20250201)}, kLater);
  EXPECT_EQ(index.positions_of({10, 20, 30, 4000000, 10}), (Ids{0, 1}));
}

TEST(CourseIndex, EveryTermIsRequired) {
  std::vector<IndexedCourse> courses;
  for (uint32_t id = 1; id <= 6; ++id) courses.push_back(course(id, 20250100 + id));
  CourseIndex index(courses, kLater);
  const PositionSet reading = index.set_of({1, 2, 3, 4});
  const PositionSet strategy = index.set_of({2, 4, 6});
  CourseIndex::Query q;
  q.terms = {{&reading}, {&strategy}};
  EXPECT_EQ(all(index, q).course_ids, (Ids{4, 2}));
  const PositionSet none;
  q.terms = {{&reading}, {&none}};
  EXPECT_EQ(all(index, q).total, 0);
}

TEST(CourseIndex, ATermIsMatchedByAnyOfItsSpellingsEachCourseOnce) {
  std::vector<IndexedCourse> courses;
  for (uint32_t id = 1; id <= 8; ++id) courses.push_back(course(id, 20250100 + id));
  CourseIndex index(courses, kLater);
  const PositionSet short_name = index.set_of({1, 3, 5});  // 內壢國中
  const PositionSet full_name = index.set_of({3, 4, 8});   // 內壢國民中學
  CourseIndex::Query q;
  q.terms = {{&short_name, &full_name}};
  EXPECT_EQ(all(index, q).course_ids, (Ids{8, 5, 4, 3, 1}));
  EXPECT_EQ(all(index, q).total, 5);  // 3 matches both spellings and counts once
  q.offset = 1;
  q.limit = 2;
  EXPECT_EQ(index.find(q).course_ids, (Ids{5, 4}));
  EXPECT_EQ(index.find(q).total, 5);
}

TEST(CourseIndex, SeparateTermsStayAllRequiredWhateverTheirSpellings) {
  std::vector<IndexedCourse> courses;
  for (uint32_t id = 1; id <= 8; ++id) courses.push_back(course(id, 20250100 + id));
  CourseIndex index(courses, kLater);
  const PositionSet short_name = index.set_of({1, 3, 5});
  const PositionSet full_name = index.set_of({3, 4, 8});
  const PositionSet reading = index.set_of({1, 2, 4, 6, 7});
  const PositionSet none;
  CourseIndex::Query q;
  q.terms = {{&short_name, &full_name}, {&reading}};
  EXPECT_EQ(all(index, q).course_ids, (Ids{4, 1}));
  q.terms = {{&reading}, {&short_name, &full_name}};  // whichever term drives the walk
  EXPECT_EQ(all(index, q).course_ids, (Ids{4, 1}));
  q.terms = {{&short_name, &full_name}, {&none, &none}};
  EXPECT_EQ(all(index, q).total, 0);
  q.terms = {{&none, &short_name}};
  EXPECT_EQ(all(index, q).course_ids, (Ids{5, 3, 1}));
  q.terms = {{}};  // a term without spellings matches nothing
  EXPECT_EQ(all(index, q).total, 0);
}

// Result order spelled out as two lists: the upcoming ones, then the past ones.
std::vector<IndexedCourse> in_result_order(const std::vector<IndexedCourse>& courses, uint32_t today) {
  std::vector<IndexedCourse> upcoming, past;
  for (const auto& c : courses) (c.last_day >= today ? upcoming : past).push_back(c);
  std::sort(upcoming.begin(), upcoming.end(), [](const auto& x, const auto& y) {
    if (x.first_day != y.first_day) return x.first_day < y.first_day;
    if (x.last_day != y.last_day) return x.last_day < y.last_day;
    return x.course_id < y.course_id;
  });
  std::sort(past.begin(), past.end(), [](const auto& x, const auto& y) {
    if (x.last_day != y.last_day) return x.last_day > y.last_day;
    if (x.first_day != y.first_day) return x.first_day > y.first_day;
    return x.course_id > y.course_id;
  });
  upcoming.insert(upcoming.end(), past.begin(), past.end());
  return upcoming;
}

// The index's page for `q` is a plain scan's: the courses `wanted` keeps, in result order, their
// number as the total and [offset, offset + limit) of them as the page (at least one more exists).
void expect_plain_scan(const CourseIndex& index, const std::vector<IndexedCourse>& courses, uint32_t today,
                       const CourseIndex::Query& q, const std::function<bool(const IndexedCourse&)>& wanted) {
  Ids expected;
  for (const auto& c : in_result_order(courses, today)) {
    if (wanted(c)) expected.push_back(c.course_id);
  }
  ASSERT_GT(expected.size(), q.offset + q.limit);
  const auto page = index.find(q);
  EXPECT_EQ(page.total, static_cast<int64_t>(expected.size()));
  EXPECT_EQ(page.course_ids, Ids(expected.begin() + static_cast<std::ptrdiff_t>(q.offset),
                                 expected.begin() + static_cast<std::ptrdiff_t>(q.offset + q.limit)));
}

// Terms and filters together agree with a plain scan over random courses.
TEST(CourseIndex, AgreesWithAPlainScan) {
  std::mt19937 random(7);
  std::vector<IndexedCourse> courses;
  for (uint32_t id = 1; id <= 3000; ++id) {
    auto c = course(id, 20250101 + random() % 28, 0);
    c.last_day = c.first_day + random() % 3;
    c.county_id = static_cast<uint8_t>(1 + random() % 5);
    if (random() % 2) c.levels.push_back("elementary");
    if (random() % 4 == 0) c.tag_ids.push_back(static_cast<uint16_t>(1 + random() % 3));
    courses.push_back(c);
  }
  // Term a has two spellings, a1 and a2; term b one.
  std::set<uint32_t> term_a1, term_a2, term_b;
  for (uint32_t id = 1; id <= 3000; ++id) {
    if (random() % 5 == 0) term_a1.insert(id);
    if (random() % 6 == 0) term_a2.insert(id);
    if (random() % 5 != 0) term_b.insert(id);
  }
  const uint32_t today = 20250115;
  CourseIndex index(courses, today);
  const PositionSet a1 = index.set_of(Ids(term_a1.begin(), term_a1.end()));
  const PositionSet a2 = index.set_of(Ids(term_a2.begin(), term_a2.end()));
  const PositionSet b = index.set_of(Ids(term_b.begin(), term_b.end()));
  CourseIndex::Query q;
  q.terms = {{&b}, {&a1, &a2}};
  q.county_id = 2;
  q.level = "elementary";
  q.from_day = 20250110;
  q.offset = 7;
  q.limit = 15;
  expect_plain_scan(index, courses, today, q, [&](const IndexedCourse& c) {
    const bool a = term_a1.count(c.course_id) || term_a2.count(c.course_id);
    return a && term_b.count(c.course_id) && c.county_id == 2 && !c.levels.empty() && c.last_day >= 20250110;
  });
}

// A county, a category, a level or "open now" without a term walks only its own courses: the
// same page and total as a plain scan, alone and together.
TEST(CourseIndex, FiltersWithoutATermAgreeWithAPlainScan) {
  std::mt19937 random(11);
  std::vector<IndexedCourse> courses;
  for (uint32_t id = 1; id <= 2000; ++id) {
    auto c = course(id, 20250101 + random() % 28);
    c.county_id = static_cast<uint8_t>(1 + random() % 6);
    c.category_id = static_cast<uint16_t>(1 + random() % 4);
    if (random() % 2) c.levels.push_back("elementary");
    if (random() % 3 == 0) c.levels.push_back("junior_high");
    if (random() % 2) {
      c.enrol_opens = 1000 + random() % 100;
      c.enrol_closes = c.enrol_opens + random() % 100;
    }
    courses.push_back(c);
  }
  const uint32_t today = 20250115;
  const int64_t now = 1080;
  CourseIndex index(courses, today);
  for (const auto& [county, category, level, open_now] :
       {std::tuple{3, 0, "", false}, std::tuple{0, 2, "", false}, std::tuple{3, 2, "", false},
        std::tuple{5, 4, "elementary", false}, std::tuple{0, 0, "junior_high", false},
        std::tuple{0, 0, "", true}, std::tuple{2, 0, "elementary", true}}) {
    CourseIndex::Query q;
    q.county_id = county;
    q.category_id = category;
    q.level = level;
    q.open_now = open_now;
    q.now = now;
    q.offset = 5;
    q.limit = 10;
    SCOPED_TRACE(std::to_string(county) + "/" + std::to_string(category) + "/" + level + "/" + std::to_string(open_now));
    expect_plain_scan(index, courses, today, q, [&](const IndexedCourse& c) {
      const bool has_level = *level == '\0' || std::find(c.levels.begin(), c.levels.end(), level) != c.levels.end();
      const bool open = !open_now || (c.enrol_opens <= now && now <= c.enrol_closes);
      return (county == 0 || c.county_id == county) && (category == 0 || c.category_id == category) && has_level &&
             open;
    });
  }
  CourseIndex::Query none;
  none.county_id = 7;  // no course is in it
  EXPECT_EQ(index.find(none).total, 0);
}

// A date range is bounded by the result order (upcoming by first day, past by last day): the same
// answers as a plain scan, with and without a term, on either side of today and across it.
TEST(CourseIndex, DateRangesAgreeWithAPlainScan) {
  std::mt19937 random(13);
  std::vector<IndexedCourse> courses;
  for (uint32_t id = 1; id <= 2000; ++id) {
    auto c = course(id, 20250101 + random() % 28);
    c.last_day = c.first_day + random() % 3;
    courses.push_back(c);
  }
  std::set<uint32_t> term;
  for (uint32_t id = 1; id <= 2000; ++id) {
    if (random() % 3 == 0) term.insert(id);
  }
  const uint32_t today = 20250115;
  CourseIndex index(courses, today);
  const PositionSet positions = index.set_of(Ids(term.begin(), term.end()));
  for (const auto& [from, to] : {std::pair{20250105u, 0u}, std::pair{0u, 20250120u}, std::pair{20250110u, 20250112u},
                                 std::pair{20250118u, 20250125u}, std::pair{20250103u, 20250126u}}) {
    for (const bool with_term : {false, true}) {
      CourseIndex::Query q;
      if (with_term) q.terms = {{&positions}};
      q.from_day = from;
      q.to_day = to;
      q.offset = 3;
      q.limit = 10;
      SCOPED_TRACE(std::to_string(from) + "-" + std::to_string(to) + (with_term ? " with a term" : ""));
      expect_plain_scan(index, courses, today, q, [&](const IndexedCourse& c) {
        return (!with_term || term.count(c.course_id)) && (from == 0 || c.last_day >= from) &&
               (to == 0 || c.first_day <= to);
      });
    }
  }
}

TEST(PositionSet, IsAListWhileSparseAndABitsetOnceMoreThanOneIn32) {
  const PositionSet sparse({3, 70, 900}, 1000);
  EXPECT_FALSE(sparse.dense());
  EXPECT_EQ(sparse.positions(), (Ids{3, 70, 900}));
  Ids many;
  for (uint32_t p = 0; p < 1000; p += 31) many.push_back(p);  // 33 of 1,000
  const PositionSet dense(many, 1000);
  EXPECT_TRUE(dense.dense());
  EXPECT_EQ(dense.size(), many.size());
  EXPECT_TRUE(dense.positions().empty());
  EXPECT_EQ(dense.bytes(), 16 * sizeof(uint64_t));
  EXPECT_TRUE(dense.contains(62));
  EXPECT_TRUE(dense.contains(992));
  EXPECT_FALSE(dense.contains(63));
  EXPECT_FALSE(PositionSet({}, 1000).dense());
  EXPECT_EQ(dense.members(), many);
  EXPECT_EQ(sparse.members(), (Ids{3, 70, 900}));
}

// Common and rare terms meet in every mix of lists and bitsets, with the filters the sets do
// not decide alone (a tag, "open now", a date range) and pages before and after the last match
// counted: always a plain scan's answer.
TEST(CourseIndex, BitsetsAndListsTogetherAgreeWithAPlainScan) {
  std::mt19937 random(17);
  std::vector<IndexedCourse> courses;
  for (uint32_t id = 1; id <= 4000; ++id) {
    auto c = course(id, 20250101 + random() % 28);
    c.last_day = c.first_day + random() % 3;
    c.county_id = static_cast<uint8_t>(1 + random() % 3);
    if (random() % 3 == 0) c.tag_ids.push_back(1);
    if (random() % 2) {
      c.enrol_opens = 1000 + random() % 100;
      c.enrol_closes = c.enrol_opens + random() % 100;
    }
    courses.push_back(c);
  }
  std::set<uint32_t> common, rare, other_common;
  for (uint32_t id = 1; id <= 4000; ++id) {
    if (random() % 3) common.insert(id);
    if (random() % 4) other_common.insert(id);
    if (random() % 200 == 0) rare.insert(id);
  }
  const uint32_t today = 20250115;
  const int64_t now = 1080;
  CourseIndex index(courses, today);
  const PositionSet common_set = index.set_of(Ids(common.begin(), common.end()));
  const PositionSet other_set = index.set_of(Ids(other_common.begin(), other_common.end()));
  const PositionSet rare_set = index.set_of(Ids(rare.begin(), rare.end()));
  ASSERT_TRUE(common_set.dense());
  ASSERT_TRUE(other_set.dense());
  ASSERT_FALSE(rare_set.dense());
  struct Case {
    std::vector<std::vector<const PositionSet*>> terms;
    int county, tag;
    bool open_now;
    uint32_t from, to;
    size_t offset;
  };
  const std::vector<Case> cases = {
      {{{&common_set}}, 0, 0, false, 0, 0, 0},
      {{{&common_set}}, 0, 0, false, 0, 0, 900},
      {{{&common_set}, {&other_set}}, 2, 0, false, 0, 0, 40},
      {{{&common_set}, {&other_set}}, 0, 1, false, 0, 0, 10},
      {{{&common_set}}, 1, 0, true, 0, 0, 5},
      {{{&common_set}}, 0, 0, false, 20250120, 0, 30},
      {{{&common_set}}, 0, 0, false, 0, 20250110, 30},
      {{{&common_set, &rare_set}}, 3, 0, false, 0, 0, 20},  // a term with a list and a bitset
      {{{&rare_set, &other_set}, {&common_set}}, 0, 0, false, 20250105, 20250125, 20},
      {{{&rare_set}, {&common_set}}, 0, 0, false, 0, 0, 0},  // the rare list drives, the bitset answers
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& k = cases[i];
    CourseIndex::Query q;
    q.terms = k.terms;
    q.county_id = k.county;
    q.tag_id = k.tag;
    q.open_now = k.open_now;
    q.now = now;
    q.from_day = k.from;
    q.to_day = k.to;
    q.offset = k.offset;
    q.limit = k.terms[0][0] == &rare_set ? 3 : 10;
    SCOPED_TRACE("case " + std::to_string(i));
    expect_plain_scan(index, courses, today, q, [&](const IndexedCourse& c) {
      for (const auto& term : k.terms) {
        bool any = false;
        for (const PositionSet* set : term) {
          const std::set<uint32_t>& ids = set == &common_set ? common : set == &other_set ? other_common : rare;
          any = any || ids.count(c.course_id);
        }
        if (!any) return false;
      }
      const bool tagged = k.tag == 0 || std::find(c.tag_ids.begin(), c.tag_ids.end(), k.tag) != c.tag_ids.end();
      const bool open = !k.open_now || (c.enrol_opens <= now && now <= c.enrol_closes);
      return (k.county == 0 || c.county_id == k.county) && tagged && open && (k.from == 0 || c.last_day >= k.from) &&
             (k.to == 0 || c.first_day <= k.to);
    });
  }
}

TEST(CourseIndex, AnEmptyIndexFindsNothing) {
  CourseIndex index({}, kLater);
  EXPECT_EQ(all(index).total, 0);
  EXPECT_TRUE(index.positions_of({1, 2}).empty());
}

}  // namespace
}  // namespace domain
