// tests/unit/public_status_test.cpp: the public words for a course's enrolment at their edges:
// the opening second, the closing second, the last day, zero seats, and the review states.
#include "domain/public_status.h"

#include <gtest/gtest.h>

namespace domain {
namespace {

constexpr int64_t kOpens = 1'767'225'600;     // some minute, 09:00:00
constexpr int64_t kCloses = kOpens + 86'400;  // a day later, 09:00:00

// Approved, online, open from kOpens to kCloses, 10 seats left, the course on 20260110–20260111,
// now inside the window on 20260101.
EnrolmentFacts open_course() {
  EnrolmentFacts f;
  f.state = CourseState::kApproved;
  f.enrol_online = true;
  f.enrol_opens = kOpens;
  f.enrol_closes = kCloses;
  f.last_day = 20260111;
  f.seats_left = 10;
  f.now = kOpens + 3600;
  f.today = 20260101;
  return f;
}

EnrolmentFacts at(int64_t now, EnrolmentFacts f = open_course()) {
  f.now = now;
  return f;
}

TEST(PublicStatus, IsOpenInsideTheEnrolmentWindowWithSeatsLeft) {
  EXPECT_EQ(public_status(open_course()), PublicStatus::kOpen);
}

TEST(PublicStatus, OpensAtTheOpeningSecond) {
  EXPECT_EQ(public_status(at(kOpens - 60)), PublicStatus::kNotYetOpen);  // the minute before
  EXPECT_EQ(public_status(at(kOpens - 1)), PublicStatus::kNotYetOpen);
  EXPECT_EQ(public_status(at(kOpens)), PublicStatus::kOpen);
  EXPECT_EQ(public_status(at(kOpens + 59)), PublicStatus::kOpen);
}

TEST(PublicStatus, ClosesAfterTheClosingSecond) {
  EXPECT_EQ(public_status(at(kCloses - 1)), PublicStatus::kOpen);
  EXPECT_EQ(public_status(at(kCloses)), PublicStatus::kOpen);
  EXPECT_EQ(public_status(at(kCloses + 1)), PublicStatus::kClosed);
  EXPECT_EQ(public_status(at(kCloses + 60)), PublicStatus::kClosed);
}

TEST(PublicStatus, IsFullWhenNoOnlineSeatIsLeft) {
  EnrolmentFacts f = open_course();
  f.seats_left = 1;
  EXPECT_EQ(public_status(f), PublicStatus::kOpen);
  f.seats_left = 0;
  EXPECT_EQ(public_status(f), PublicStatus::kFull);
  f.seats_left = -2;  // more approved than online seats (校內批次報名 takes online seats)
  EXPECT_EQ(public_status(f), PublicStatus::kFull);
}

TEST(PublicStatus, FullOnlyWhileOpen) {
  EnrolmentFacts f = open_course();
  f.seats_left = 0;
  EXPECT_EQ(public_status(at(kOpens - 1, f)), PublicStatus::kNotYetOpen);
  EXPECT_EQ(public_status(at(kCloses + 1, f)), PublicStatus::kClosed);
}

TEST(PublicStatus, EndsTheDayAfterTheLastDay) {
  EnrolmentFacts f = at(kCloses + 1);
  f.today = 20260111;  // its last day: held today, enrolment long closed
  EXPECT_EQ(public_status(f), PublicStatus::kClosed);
  f.today = 20260112;
  EXPECT_EQ(public_status(f), PublicStatus::kEnded);
  f.today = 20270101;
  EXPECT_EQ(public_status(f), PublicStatus::kEnded);
}

TEST(PublicStatus, EndedWinsOverAWindowLeftOpenAndOverFreeSeats) {
  EnrolmentFacts f = open_course();
  f.today = 20260112;  // inside the window, but past the last day
  EXPECT_EQ(public_status(f), PublicStatus::kEnded);
}

TEST(PublicStatus, ACourseWithoutOnlineEnrolmentSaysSoUntilItEnds) {
  EnrolmentFacts f = open_course();
  f.enrol_online = false;
  f.enrol_opens = f.enrol_closes = 0;
  EXPECT_EQ(public_status(f), PublicStatus::kNotOnline);
  f.today = 20260111;
  EXPECT_EQ(public_status(f), PublicStatus::kNotOnline);
  f.today = 20260112;
  EXPECT_EQ(public_status(f), PublicStatus::kEnded);
}

TEST(PublicStatus, EnrolmentIsOverOnceTheRosterIsOnItsWay) {
  for (CourseState s :
       {CourseState::kRosterSubmitted, CourseState::kRosterReturned, CourseState::kClosed}) {
    EnrolmentFacts f = open_course();  // even inside a window that was never shortened
    f.state = s;
    EXPECT_EQ(public_status(f), PublicStatus::kClosed) << state_code(s);
    f.today = 20260112;
    EXPECT_EQ(public_status(f), PublicStatus::kEnded) << state_code(s);
  }
}

TEST(PublicStatus, CoursesThatAreNotPublicHaveNoPublicStatus) {
  for (CourseState s : {CourseState::kUnconfirmed, CourseState::kReturned, CourseState::kDeleted}) {
    EnrolmentFacts f = open_course();
    f.state = s;
    EXPECT_EQ(public_status(f), std::nullopt) << state_code(s);
    f.today = 20270101;
    EXPECT_EQ(public_status(f), std::nullopt) << state_code(s);
  }
}

TEST(PublicStatus, HasAChineseLabelAndACodeForEveryStatus) {
  const std::pair<PublicStatus, std::pair<const char*, const char*>> expected[] = {
      {PublicStatus::kOpen, {"開放報名", "open"}},
      {PublicStatus::kFull, {"已額滿", "full"}},
      {PublicStatus::kNotYetOpen, {"尚未開放報名", "not_yet_open"}},
      {PublicStatus::kClosed, {"報名截止", "closed"}},
      {PublicStatus::kNotOnline, {"不提供線上報名", "not_online"}},
      {PublicStatus::kEnded, {"已結束", "ended"}},
  };
  for (const auto& [status, words] : expected) {
    EXPECT_STREQ(public_status_label(status), words.first);
    EXPECT_STREQ(public_status_code(status), words.second);
  }
}

}  // namespace
}  // namespace domain
