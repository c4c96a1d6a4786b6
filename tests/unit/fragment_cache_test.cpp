// The per-process page cache's invalidation rules (core/fragment_cache).
#include "core/fragment_cache.h"

#include <gtest/gtest.h>

#include <thread>

namespace core {
namespace {

using std::chrono::seconds;

TEST(FragmentCache, ReturnsWhatWasStoredUnderTheSameValidator) {
  FragmentCache cache(seconds(60), 10);
  cache.put("t:1", "v3", {"首頁", "<p>x</p>"});
  ASSERT_TRUE(cache.get("t:1", "v3"));
  EXPECT_EQ(cache.get("t:1", "v3")->html, "<p>x</p>");
}

TEST(FragmentCache, MissesWhenTheValidatorChanged) {
  FragmentCache cache(seconds(60), 10);
  cache.put("t:1", "v3", {"", "old"});
  EXPECT_FALSE(cache.get("t:1", "v4"));
}

TEST(FragmentCache, MissesOnceTheMaximumAgeHasPassed) {
  FragmentCache cache(seconds(0), 10);
  cache.put("c", "", {"", "x"});
  EXPECT_FALSE(cache.get("c", ""));
}

TEST(FragmentCache, StartsOverWhenItsBytesWouldPassTheBudget) {
  const std::string kilobyte(1000, 'x');
  FragmentCache cache(seconds(60), 2500);  // room for two bodies of a kilobyte, not three
  cache.put("a", "", {"", kilobyte});
  cache.put("b", "", {"", kilobyte});
  EXPECT_TRUE(cache.get("a", ""));
  EXPECT_GT(cache.bytes(), 2000u);
  cache.put("c", "", {"", kilobyte});
  EXPECT_FALSE(cache.get("a", ""));
  EXPECT_FALSE(cache.get("b", ""));
  EXPECT_TRUE(cache.get("c", ""));
  EXPECT_LT(cache.bytes(), 1500u);
}

TEST(FragmentCache, AnEntryStoredAgainIsCountedOnce) {
  FragmentCache cache(seconds(60), 2500);
  for (int i = 0; i < 10; ++i) cache.put("a", "", {"", std::string(1000, 'x')});
  cache.put("b", "", {"", std::string(1000, 'y')});
  EXPECT_TRUE(cache.get("a", ""));
  EXPECT_TRUE(cache.get("b", ""));
}

}  // namespace
}  // namespace core
