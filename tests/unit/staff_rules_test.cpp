// tests/unit/staff_rules_test.cpp: 本單位教師帳號管理 rules (issue 10): departures, their note, and
// who 教師資料登錄 may attach.
#include "domain/staff_rules.h"

#include <gtest/gtest.h>

namespace domain {
namespace {

TEST(Departure, EveryRecordedChangeButActive) {
  for (const char* code : {"left", "transferred", "retired", "not_renewed", "suspended"}) {
    EXPECT_TRUE(is_departure(code)) << code;
  }
  EXPECT_FALSE(is_departure("active"));
  EXPECT_FALSE(is_departure(""));
  EXPECT_FALSE(is_departure("LEFT"));
}

TEST(DepartureNote, NamesTheSchoolTheChangeAndTheDay) {
  EXPECT_EQ(departure_note("left", "內壢國中", "115/12/01"), "已自內壢國中離職（總負責人登錄，115/12/01）");
  EXPECT_EQ(departure_note("transferred", "內壢國中", "115/12/01"),
            "已自內壢國中轉校（總負責人登錄，115/12/01）");
  EXPECT_EQ(departure_note("retired", "A", "1"), "已自A退休（總負責人登錄，1）");
  EXPECT_EQ(departure_note("not_renewed", "A", "1"), "A未續聘（總負責人登錄，1）");
  EXPECT_EQ(departure_note("suspended", "A", "1"), "於A停職（總負責人登錄，1）");
  EXPECT_EQ(departure_note("active", "A", "1"), "");
}

TEST(AttachDecision, AnAccountWithoutAUnitIsAttached) {
  EXPECT_EQ(attach_decision(0, "active", 4), Attach::kAttach);
  EXPECT_EQ(attach_decision(0, "left", 4), Attach::kAttach);
}

TEST(AttachDecision, OneThatLeftAnotherSchoolIsAttached) {
  EXPECT_EQ(attach_decision(5, "transferred", 4), Attach::kAttach);
  EXPECT_EQ(attach_decision(5, "left", 4), Attach::kAttach);
}

TEST(AttachDecision, OneStillOfAnotherSchoolIsRefused) {
  for (const char* e : {"active", "retired", "suspended", "not_renewed"}) {
    EXPECT_EQ(attach_decision(5, e, 4), Attach::kServingElsewhere) << e;
  }
}

TEST(AttachDecision, TheUnitsOwnTeacher) {
  EXPECT_EQ(attach_decision(4, "active", 4), Attach::kAlreadyHere);
  EXPECT_EQ(attach_decision(4, "retired", 4), Attach::kAttach);
  EXPECT_EQ(attach_decision(4, "suspended", 4), Attach::kAttach);
}

}  // namespace
}  // namespace domain
