#include "domain/session_policy.h"

#include <gtest/gtest.h>

namespace {

const domain::SessionLimits kDefaults;

TEST(SessionPolicy, DefaultsAreTwoHoursTeacherThirtyMinutesBusinessTwelveHoursInAll) {
  EXPECT_EQ(kDefaults.teacher_idle_seconds, 7200);
  EXPECT_EQ(kDefaults.business_idle_seconds, 1800);
  EXPECT_EQ(kDefaults.absolute_seconds, 43200);
}

TEST(SessionPolicy, ATeacherIdleUpToTwoHoursStaysSignedIn) {
  EXPECT_FALSE(domain::session_expired(kDefaults, true, 119 * 60, 3 * 3600));
  EXPECT_FALSE(domain::session_expired(kDefaults, true, 7200, 3 * 3600));
  EXPECT_TRUE(domain::session_expired(kDefaults, true, 7201, 3 * 3600));
}

TEST(SessionPolicy, ABusinessAccountIdleOverThirtyMinutesIsSignedOut) {
  EXPECT_FALSE(domain::session_expired(kDefaults, false, 29 * 60, 3600));
  EXPECT_FALSE(domain::session_expired(kDefaults, false, 1800, 3600));
  EXPECT_TRUE(domain::session_expired(kDefaults, false, 1801, 3600));
  // What keeps a teacher in does not keep a business account in.
  EXPECT_TRUE(domain::session_expired(kDefaults, false, 3600, 3600));
  EXPECT_FALSE(domain::session_expired(kDefaults, true, 3600, 3600));
}

TEST(SessionPolicy, TwelveHoursEndsAnySessionHoweverActive) {
  for (bool teacher : {true, false}) {
    EXPECT_FALSE(domain::session_expired(kDefaults, teacher, 0, 43200));
    EXPECT_TRUE(domain::session_expired(kDefaults, teacher, 0, 43201));
  }
}

TEST(SessionPolicy, ConfiguredLimitsAreTheOnesUsed) {
  const domain::SessionLimits tight{600, 300, 900};
  EXPECT_TRUE(domain::session_expired(tight, true, 601, 0));
  EXPECT_FALSE(domain::session_expired(tight, true, 600, 0));
  EXPECT_TRUE(domain::session_expired(tight, false, 301, 0));
  EXPECT_TRUE(domain::session_expired(tight, true, 0, 901));
}

}  // namespace
