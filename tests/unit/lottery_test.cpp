// tests/unit/lottery_test.cpp: the draw's order (issue 8, SPEC §11) and its phases.
#include "domain/lottery.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/security.h"

namespace domain {
namespace {

std::vector<DrawApplicant> applicants(int n, const std::vector<int>& no_shows = {}) {
  std::vector<DrawApplicant> out;
  for (int i = 1; i <= n; ++i) {
    const bool missed = std::find(no_shows.begin(), no_shows.end(), i) != no_shows.end();
    out.push_back({std::to_string(i), missed});
  }
  return out;
}

std::vector<std::string> references(const std::vector<DrawApplicant>& list) {
  std::vector<std::string> out;
  for (const auto& a : list) out.push_back(a.reference);
  return out;
}

TEST(DrawOrder, IsTheSameForTheSameApplicantsAndSeed) {
  EXPECT_EQ(references(draw_order(applicants(50, {3, 7}), "seed")),
            references(draw_order(applicants(50, {3, 7}), "seed")));
}

TEST(DrawOrder, DoesNotDependOnTheOrderApplicationsCameIn) {
  const auto first = references(draw_order(applicants(40, {5, 11, 30}), "k2Vq"));
  std::vector<DrawApplicant> shuffled = applicants(40, {5, 11, 30});
  std::mt19937 random(20261202);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    EXPECT_EQ(references(draw_order(shuffled, "k2Vq")), first);
  }
  std::reverse(shuffled.begin(), shuffled.end());
  EXPECT_EQ(references(draw_order(shuffled, "k2Vq")), first);
}

TEST(DrawOrder, PutsEveryTeacherWithoutANoShowBeforeEveryTeacherWithOne) {
  const auto order = draw_order(applicants(30, {1, 2, 3, 17}), "any seed");
  ASSERT_EQ(order.size(), 30u);
  for (size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i].no_show, i >= 26) << "place " << i;
}

TEST(DrawOrder, OrdersEachGroupBySha256OfSeedColonReference) {
  const auto order = draw_order(applicants(25, {4, 9, 16}), "s33d");
  for (size_t i = 1; i < order.size(); ++i) {
    if (order[i - 1].no_show != order[i].no_show) continue;
    EXPECT_LT(core::sha256_hex("s33d:" + order[i - 1].reference), core::sha256_hex("s33d:" + order[i].reference));
  }
  EXPECT_EQ(draw_key("s33d", "4"), core::sha256_hex("s33d:4"));
}

TEST(DrawOrder, MatchesAnOrderComputedElsewhere) {
  // Python: sorted(refs, key=lambda r: (r in {'2', '5'}, sha256(f'test-seed:{r}').hexdigest()))
  EXPECT_EQ(references(draw_order(applicants(6, {2, 5}), "test-seed")),
            (std::vector<std::string>{"3", "6", "4", "1", "2", "5"}));
  EXPECT_EQ(seed_hash("test-seed"), "d63cd08d82aa4eb48e0cc64fb466e909bfc3879664c5caa8d8cdeda73c044190");
}

TEST(DrawOrder, ChangesWithTheSeed) {
  EXPECT_NE(references(draw_order(applicants(20), "one seed")),
            references(draw_order(applicants(20), "another seed")));
}

TEST(DrawOrder, OfNobodyIsEmpty) { EXPECT_TRUE(draw_order({}, "seed").empty()); }

TEST(DrawPhase, FirstComeHasNoDraw) {
  EXPECT_EQ(draw_phase({false, 100, false, 50}), DrawPhase::kNone);
}

TEST(DrawPhase, CollectsUntilTheSecondBeforeTheDrawTime) {
  EXPECT_EQ(draw_phase({true, 100, false, 99}), DrawPhase::kCollecting);
  EXPECT_EQ(draw_phase({true, 100, false, 100}), DrawPhase::kDue);
}

TEST(DrawPhase, IsDrawnOnceTheSchedulerHasDrawn) {
  EXPECT_EQ(draw_phase({true, 100, true, 100}), DrawPhase::kDrawn);
  EXPECT_EQ(draw_phase({true, 100, true, 5000}), DrawPhase::kDrawn);
}

}  // namespace
}  // namespace domain
