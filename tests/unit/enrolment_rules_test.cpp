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
  EXPECT_TRUE(may_cancel(EnrolmentStatus::kInDraw, kStart - 1, kStart));
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
                            EnrolmentStatus::kCancelled, EnrolmentStatus::kWaiting, EnrolmentStatus::kInDraw}) {
    EXPECT_EQ(parse_enrolment_status(enrolment_status_code(s)), s);
    EXPECT_EQ(holds_seat(s), s == EnrolmentStatus::kPending || s == EnrolmentStatus::kApproved);
  }
  EXPECT_EQ(parse_enrolment_status("APPROVED"), std::nullopt);
}

TEST(EnrolmentStatus, AnApplicationWaitingForTheDrawAnswersPendingToScripts) {
  EXPECT_STREQ(enrolment_status_code(EnrolmentStatus::kInDraw), "in_draw");
  EXPECT_STREQ(enrolment_answer_code(EnrolmentStatus::kInDraw), "pending");
  EXPECT_STREQ(enrolment_answer_code(EnrolmentStatus::kWaiting), "waiting");
  EXPECT_STREQ(enrolment_status_label(EnrolmentStatus::kInDraw), "待抽籤");
}

TEST(RefusalCode, IsTheFixedPointScriptsRead) {
  EXPECT_STREQ(refusal_code(EnrolRefusal::kFull), "full");
  EXPECT_STREQ(refusal_code(EnrolRefusal::kNotOpen), "not_open");
  EXPECT_STREQ(refusal_code(EnrolRefusal::kRecordsOnly), "records_only");
  EXPECT_STREQ(refusal_code(EnrolRefusal::kBusy), "busy");
}

}  // namespace
}  // namespace domain

namespace domain {
namespace {

TEST(Asked, ReadsBackWhatWasWrittenInTheQuestionsOrder) {
  const auto asked = parse_asked("meal=required,title_name=optional");
  EXPECT_EQ(asked.at("meal"), Asked::kRequired);
  EXPECT_EQ(asked.at("title_name"), Asked::kOptional);
  EXPECT_EQ(format_asked(asked), "title_name=optional,meal=required");
  EXPECT_EQ(parse_asked(format_asked(asked)), asked);
}

TEST(Asked, IgnoresUnknownQuestionsAndWords) {
  EXPECT_TRUE(parse_asked("shoe_size=required,meal=always,=required,,meal").empty());
  EXPECT_EQ(format_asked({{"meal", Asked::kNo}}), "");
}

// A rule of the given sets (levels, counties, school codes, 職位類別), each empty by default.
Eligibility rule(std::set<std::string> levels, std::set<std::string> counties = {},
                 std::set<std::string> units = {}, std::set<std::string> positions = {}) {
  Eligibility r;
  r.levels = std::move(levels);
  r.counties = std::move(counties);
  r.units = std::move(units);
  r.positions = std::move(positions);
  return r;
}

Applicant applicant(std::string level, std::string county, int64_t unit_id, std::string unit_code = "",
                    std::string position = "") {
  Applicant a;
  a.unit_level = std::move(level);
  a.county_id = std::move(county);
  a.unit_id = unit_id;
  a.unit_code = std::move(unit_code);
  a.position = std::move(position);
  return a;
}

TEST(Eligible, EmptyRulesTakeAnyoneAndEachRuleNarrows) {
  const Applicant teacher = applicant("junior_high", "3", 4);
  EXPECT_TRUE(eligible({}, teacher));
  EXPECT_TRUE(eligible(rule({"junior_high", "elementary"}), teacher));
  EXPECT_FALSE(eligible(rule({"elementary"}), teacher));
  EXPECT_TRUE(eligible(rule({}, {"3"}), teacher));
  EXPECT_FALSE(eligible(rule({}, {"4"}), teacher));
}

TEST(Eligible, SchoolsByTheirCodes) {
  const Applicant teacher = applicant("junior_high", "3", 4, "034525");
  EXPECT_TRUE(eligible(rule({}, {}, {"034525", "034614"}), teacher));
  EXPECT_FALSE(eligible(rule({}, {}, {"034614"}), teacher));
  EXPECT_FALSE(eligible(rule({}, {}, {"034614"}), applicant("junior_high", "3", 0)));  // no unit
  EXPECT_FALSE(eligible(rule({"elementary"}, {}, {"034525"}), teacher));  // every rule must hold
}

TEST(Eligible, PositionCategoriesAndATeacherWithoutOne) {
  const auto positions = rule({}, {}, {}, {"qualified", "substitute"});
  EXPECT_TRUE(eligible(positions, applicant("junior_high", "3", 4, "034525", "substitute")));
  EXPECT_FALSE(eligible(positions, applicant("junior_high", "3", 4, "034525", "intern")));
  EXPECT_FALSE(eligible(positions, applicant("junior_high", "3", 4, "034525", "")));  // not given
  EXPECT_TRUE(eligible({}, applicant("junior_high", "3", 4, "034525", "")));
  EXPECT_STREQ(domain::position_label("intern"), "實習教師");
  EXPECT_STREQ(domain::position_label("teacher"), "");
}

TEST(AutoApproves, WithinItsScopeOnly) {
  const Applicant teacher = applicant("junior_high", "3", 4);
  EXPECT_TRUE(auto_approves(AutoScope::kAnyone, teacher, 9, "4"));
  EXPECT_TRUE(auto_approves(AutoScope::kOwnUnit, teacher, 4, "4"));
  EXPECT_FALSE(auto_approves(AutoScope::kOwnUnit, teacher, 5, "3"));
  EXPECT_TRUE(auto_approves(AutoScope::kOwnCounty, teacher, 5, "3"));
  EXPECT_FALSE(auto_approves(AutoScope::kOwnCounty, teacher, 5, "4"));
}

}  // namespace
}  // namespace domain

namespace domain {
namespace {

WindowSettings settings() {
  WindowSettings s;
  s.today = Date{2026, 12, 2};
  s.first_day = Date{2026, 12, 22};
  s.opens = std::make_pair(Date{2026, 12, 3}, 9 * 60);
  s.closes = std::make_pair(Date{2026, 12, 21}, 17 * 60);
  s.total_seats = 40;
  s.online_seats = 30;
  s.seats_held = 10;
  return s;
}

std::vector<std::string> fields_of(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

TEST(CheckSettings, TakesAWindowThatClosesTheDayBeforeTheFirstSession) {
  EXPECT_TRUE(check_settings(settings()).empty());
}

TEST(CheckSettings, RefusesADeadlineOnTheDayOfTheFirstSession) {
  WindowSettings s = settings();
  s.closes = std::make_pair(Date{2026, 12, 22}, 8 * 60);
  EXPECT_EQ(fields_of(check_settings(s)), std::vector<std::string>{"enrol_closes"});
}

TEST(CheckSettings, KeepsAnOpeningInThePastOnlyWhenItIsTheOneAlreadySet) {
  WindowSettings s = settings();
  s.opens = std::make_pair(Date{2026, 11, 30}, 9 * 60);
  EXPECT_EQ(fields_of(check_settings(s)), std::vector<std::string>{"enrol_opens"});
  s.opens_unchanged = true;
  EXPECT_TRUE(check_settings(s).empty());
}

TEST(CheckSettings, NeverFewerOnlineSeatsThanHeldNorMoreThanTheTotal) {
  WindowSettings s = settings();
  s.online_seats = 9;
  EXPECT_EQ(fields_of(check_settings(s)), std::vector<std::string>{"online_seats"});
  s.online_seats = 10;
  EXPECT_TRUE(check_settings(s).empty());
  s.online_seats = 41;
  EXPECT_EQ(fields_of(check_settings(s)), std::vector<std::string>{"online_seats"});
}

WindowSettings lottery(std::optional<std::pair<Date, int>> draw) {
  WindowSettings s = settings();
  s.lottery = true;
  s.draw = draw;
  return s;
}

TEST(CheckSettings, TakesADrawAfterTheOpeningUpToTheDeadline) {
  EXPECT_TRUE(check_settings(lottery(std::make_pair(Date{2026, 12, 3}, 9 * 60 + 1))).empty());
  EXPECT_TRUE(check_settings(lottery(std::make_pair(Date{2026, 12, 21}, 17 * 60))).empty());
}

TEST(CheckSettings, RefusesALotteryWithoutADrawTime) {
  EXPECT_EQ(fields_of(check_settings(lottery(std::nullopt))), std::vector<std::string>{"draw_at"});
}

TEST(CheckSettings, RefusesADrawAtOrBeforeTheOpening) {
  EXPECT_EQ(fields_of(check_settings(lottery(std::make_pair(Date{2026, 12, 3}, 9 * 60)))),
            std::vector<std::string>{"draw_at"});
  EXPECT_EQ(fields_of(check_settings(lottery(std::make_pair(Date{2026, 12, 2}, 12 * 60)))),
            std::vector<std::string>{"draw_at"});
}

TEST(CheckSettings, RefusesADrawAfterTheDeadline) {
  EXPECT_EQ(fields_of(check_settings(lottery(std::make_pair(Date{2026, 12, 21}, 17 * 60 + 1)))),
            std::vector<std::string>{"draw_at"});
}

TEST(CheckSettings, OnceOpenNeitherTheWayNorTheDrawTimeChanges) {
  WindowSettings s = lottery(std::make_pair(Date{2026, 12, 10}, 12 * 60));
  s.draw_fixed = true;
  EXPECT_TRUE(check_settings(s).empty());
  s.draw_changed = true;
  EXPECT_EQ(fields_of(check_settings(s)), std::vector<std::string>{"seat_mode"});
  s.draw_fixed = false;
  EXPECT_TRUE(check_settings(s).empty());
}

TEST(CheckSettings, OnceOpenTheDeadlineNeverMovesBeforeTheDraw) {
  WindowSettings s = lottery(std::make_pair(Date{2026, 12, 10}, 12 * 60));
  s.draw_fixed = true;
  s.closes = std::make_pair(Date{2026, 12, 10}, 11 * 60);
  EXPECT_EQ(fields_of(check_settings(s)), std::vector<std::string>{"enrol_closes"});
}

}  // namespace
}  // namespace domain

namespace clash {

using domain::ClashWarning;
using domain::HeldCourse;
using domain::Session;

Session on(int day, int from_hour, int to_hour) { return {{2026, 12, day}, from_hour * 60, to_hour * 60, {}}; }

TEST(ClashWarnings, NoneWithoutOtherCoursesOrOnOtherDays) {
  EXPECT_TRUE(domain::clash_warnings({on(20, 9, 12)}, {}).empty());
  EXPECT_TRUE(domain::clash_warnings({on(20, 9, 12)}, {{"另一門", {on(21, 9, 12)}}}).empty());
}

TEST(ClashWarnings, AnOverlapNamesTheOtherCourseOncePerDay) {
  const auto w = domain::clash_warnings({on(20, 9, 11), on(20, 11, 12)}, {{"另一門", {on(20, 10, 12)}}});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].kind, ClashWarning::kOverlap);
  EXPECT_EQ(w[0].other_title, "另一門");
  EXPECT_EQ(w[0].date, (domain::Date{2026, 12, 20}));
}

TEST(ClashWarnings, SessionsThatOnlyTouchDoNotOverlap) {
  EXPECT_TRUE(domain::clash_warnings({on(20, 9, 12)}, {{"下午", {on(20, 12, 15)}}}).empty());
}

TEST(ClashWarnings, MoreThanSixCreditableHoursInADayAcrossCourses) {
  // 3 h + 4 h = 7 h on the 20th, without any overlap.
  const auto w = domain::clash_warnings({on(20, 8, 11)}, {{"下午", {on(20, 13, 17)}}});
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].kind, ClashWarning::kDayHours);
  EXPECT_EQ(w[0].day_hours, 7);
  // Exactly six is within the limit; breaks are not teaching time.
  EXPECT_TRUE(domain::clash_warnings({on(20, 8, 11)}, {{"下午", {on(20, 13, 16)}}}).empty());
  Session with_lunch = on(20, 13, 17);
  with_lunch.breaks = {{14 * 60, 15 * 60}};
  EXPECT_TRUE(domain::clash_warnings({on(20, 8, 11)}, {{"下午", {with_lunch}}}).empty());
}

TEST(ClashWarnings, ACourseLongerThanSixHoursAloneIsNotWarnedAbout) {
  EXPECT_TRUE(domain::clash_warnings({on(20, 8, 16)}, {}).empty());
}

TEST(ClashWarnings, InDateOrderOverlapBeforeTheDaysHours) {
  const auto w = domain::clash_warnings({on(21, 9, 12), on(20, 9, 16)},
                                        {{"甲", {on(21, 10, 11)}}, {"乙", {on(20, 15, 17)}}});
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].date.day, 20);
  EXPECT_EQ(w[0].kind, ClashWarning::kOverlap);
  EXPECT_EQ(w[0].other_title, "乙");
  EXPECT_EQ(w[1].kind, ClashWarning::kDayHours);
  EXPECT_EQ(w[1].day_hours, 9);
  EXPECT_EQ(w[2].date.day, 21);
}

}  // namespace clash
