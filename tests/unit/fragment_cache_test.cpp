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

TEST(FragmentCache, StartsOverWhenFull) {
  FragmentCache cache(seconds(60), 2);
  cache.put("a", "", {"", "1"});
  cache.put("b", "", {"", "2"});
  cache.put("c", "", {"", "3"});
  EXPECT_FALSE(cache.get("a", ""));
  EXPECT_TRUE(cache.get("c", ""));
}

}  // namespace
}  // namespace core
