// tests/unit/sign_in_classes_test.cpp: the 簽到表's split of approved applicants into classes.
#include "domain/sign_in_classes.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace domain {
namespace {

std::vector<std::pair<std::size_t, std::size_t>> ranges(std::size_t n, int classes, int seats) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const ClassRange& r : split_into_classes(n, classes, seats)) out.emplace_back(r.first, r.count);
  return out;
}

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

TEST(SplitIntoClasses, OneClassHoldsEveryone) {
  EXPECT_EQ(ranges(7, 1, 40), (Ranges{{0, 7}}));
  EXPECT_EQ(ranges(45, 1, 40), (Ranges{{0, 45}}));  // one class: nobody moves to a class that is not
}

TEST(SplitIntoClasses, FillsClassesInOrder) {
  EXPECT_EQ(ranges(70, 2, 35), (Ranges{{0, 35}, {35, 35}}));
  EXPECT_EQ(ranges(71, 3, 30), (Ranges{{0, 30}, {30, 30}, {60, 11}}));
  EXPECT_EQ(ranges(30, 3, 30), (Ranges{{0, 30}}));  // exactly one class full: no empty sheets
  EXPECT_EQ(ranges(31, 3, 30), (Ranges{{0, 30}, {30, 1}}));
}

TEST(SplitIntoClasses, TheLastClassTakesThoseBeyondTheSeats) {
  EXPECT_EQ(ranges(65, 2, 30), (Ranges{{0, 30}, {30, 35}}));
}

TEST(SplitIntoClasses, NobodyApprovedIsOneEmptySheet) {
  EXPECT_EQ(ranges(0, 3, 30), (Ranges{{0, 0}}));
}

TEST(SplitIntoClasses, NonsenseSizesAreOneClass) {
  EXPECT_EQ(ranges(5, 0, 30), (Ranges{{0, 5}}));
  EXPECT_EQ(ranges(5, 3, 0), (Ranges{{0, 5}}));
  EXPECT_EQ(ranges(5, -2, -1), (Ranges{{0, 5}}));
}

}  // namespace
}  // namespace domain
