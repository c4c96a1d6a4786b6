// tests/unit/db_date_test.cpp: how long a worker keeps a reading of the database's date.
#include <gtest/gtest.h>

#include "core/context.h"

namespace core {
namespace {

TEST(DateKeptFor, OneSecondShortOfTheDatabasesMidnightAndAtMostAMinute) {
  EXPECT_EQ(date_kept_for(86400).count(), 60);
  EXPECT_EQ(date_kept_for(61).count(), 60);
  EXPECT_EQ(date_kept_for(30).count(), 29);
  // In the last second before midnight the date is read again on every use.
  EXPECT_EQ(date_kept_for(1).count(), 0);
  EXPECT_EQ(date_kept_for(0).count(), 0);
  EXPECT_EQ(date_kept_for(-5).count(), 0);
}

}  // namespace
}  // namespace core
