// tests/unit/enrolment_rules_test.cpp: the window, cancellation and promotion at their edges.
#include "domain/enrolment_rules.h"

#include <gtest/gtest.h>

namespace domain {
namespace {

constexpr int64_t kOpens = 1'800'000'000;
constexpr int64_t kCloses = kOpens + 86'400 * 10;
constexpr int64_t kStart = kCloses + 86'400 * 2;

EnrolWindow window_at(int64_t now) {
  EnrolWindow w;
  w.enrol_online = true;
  w.opens = kOpens;
  w.closes = kCloses;
  w.first_session_start = kStart;
  w.now = now;
  return w;
}

TEST(WindowRefusal, OpensAtTheAnnouncedSecondAndNotOneBefore) {
  EXPECT_EQ(window_refusal(window_at(kOpens - 1)), EnrolRefusal::kNotOpen);
  EXPECT_EQ(window_refusal(window_at(kOpens)), std::nullopt);
}

TEST(WindowRefusal, TakesApplicationsUpToTheClosingSecond) {
  EXPECT_EQ(window_refusal(window_at(kCloses)), std::nullopt);
  EXPECT_EQ(window_refusal(window_at(kCloses + 1)), EnrolRefusal::kClosed);
}

TEST(WindowRefusal, OnlyAnApprovedCourseWithOnlineEnrolmentTakesApplications) {
  EnrolWindow w = window_at(kOpens + 60);
  w.enrol_online = false;
  EXPECT_EQ(window_refusal(w), EnrolRefusal::kClosed);
  for (CourseState s : kAllCourseStates) {
    EnrolWindow v = window_at(kOpens + 60);
    v.state = s;
    EXPECT_EQ(window_refusal(v).has_value(), s != CourseState::kApproved) << state_code(s);
  }
}

TEST(WindowRefusal, NeverOnceTheFirstSessionHasStarted) {
  EnrolWindow w = window_at(kOpens + 60);
  w.first_session_start = kOpens + 60;  // a deadline typed after the start does not keep it open
  EXPECT_EQ(window_refusal(w), EnrolRefusal::kClosed);
}

TEST(MayCancel, UntilTheFirstSessionStarts) {
  EXPECT_TRUE(may_cancel(EnrolmentStatus::kApproved, kStart - 1, kStart));
  EXPECT_FALSE(may_cancel(EnrolmentStatus::kApproved, kStart, kStart));
  EXPECT_TRUE(may_cancel(EnrolmentStatus::kPending, kStart - 1, kStart));
  EXPECT_TRUE(may_cancel(EnrolmentStatus::kWaiting, kStart - 1, kStart));
  EXPECT_FALSE(may_cancel(EnrolmentStatus::kCancelled, kStart - 1, kStart));
  EXPECT_FALSE(may_cancel(EnrolmentStatus::kRefused, kStart - 1, kStart));
}

TEST(MayPromote, NotAfterTheDeadlineNorOnceTheCourseBegan) {
  EXPECT_TRUE(may_promote(window_at(kCloses)));
  EXPECT_FALSE(may_promote(window_at(kCloses + 1)));
  EXPECT_FALSE(may_promote(window_at(kStart)));
}

TEST(EnrolmentStatus, EachCodeReadsBackAndOnlyPendingAndApprovedHoldASeat) {
  for (EnrolmentStatus s : {EnrolmentStatus::kPending, EnrolmentStatus::kApproved, EnrolmentStatus::kRefused,
                            EnrolmentStatus::kCancelled, EnrolmentStatus::kWaiting}) {
    EXPECT_EQ(parse_enrolment_status(enrolment_status_code(s)), s);
    EXPECT_EQ(holds_seat(s), s == EnrolmentStatus::kPending || s == EnrolmentStatus::kApproved);
  }
  EXPECT_EQ(parse_enrolment_status("APPROVED"), std::nullopt);
}

TEST(RefusalCode, IsTheFixedPointScriptsRead) {
  EXPECT_STREQ(refusal_code(EnrolRefusal::kFull), "full");
  EXPECT_STREQ(refusal_code(EnrolRefusal::kNotOpen), "not_open");
  EXPECT_STREQ(refusal_code(EnrolRefusal::kRecordsOnly), "records_only");
  EXPECT_STREQ(refusal_code(EnrolRefusal::kBusy), "busy");
}

}  // namespace
}  // namespace domain
