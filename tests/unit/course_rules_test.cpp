// tests/unit/course_rules_test.cpp: the submit-time course checks at their boundaries (SPEC §3, §4;
// 第8–12條), and the clock and break fields.
#include "domain/course_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace domain {
namespace {

constexpr int at(int hour, int minute = 0) { return hour * 60 + minute; }

constexpr Date kToday{2025, 3, 3};      // a Monday
constexpr Date kFirstDay{2025, 3, 17};  // two weeks later, also a Monday

RegistrationRules rules() { return RegistrationRules{kToday}; }

// 09:00-12:00 with a ten-minute break at 10:30: blocks of 90 and 80 minutes, 2 + 1 = 3 hours.
Session morning(const Date& day) { return Session{day, at(9), at(12), {{at(10, 30), at(10, 40)}}}; }

// 09:00-16:00 with lunch 12:00-13:00: two blocks of 180 minutes, 6 hours.
Session full_day(const Date& day) { return Session{day, at(9), at(16), {{at(12), at(13)}}}; }

// A cross-school course that passes every rule: the baseline each test changes one thing of.
CourseDraft valid_draft() {
  CourseDraft d;
  d.title = "素養導向閱讀教學工作坊";
  d.class_kind = "non_credit";
  d.cross_school = true;
  d.category_id = 1;
  d.subject_area = "國語文";
  d.levels = {"junior_high", "elementary"};
  d.tag_ids = {3};
  d.basis_doc = "桃教資字第1140014389號";
  d.outline = "以文本分析與提問設計提升學生閱讀理解，並實作素養導向評量。";
  d.sessions = {morning(kFirstDay)};
  d.places = {"本校視聽教室"};
  d.declared_hours = 3;
  d.class_count = 1;
  d.seats_per_class = 40;
  d.online_seats = 40;
  d.enrol_online = true;
  d.enrol_opens_on = Date{2025, 3, 4};
  d.enrol_opens_minute = at(8);
  d.enrol_closes_on = Date{2025, 3, 16};
  d.enrol_closes_minute = at(17);
  d.contact1 = {"王小明", "03-4567890 分機 123", "wang@school.edu.tw"};
  return d;
}

// Holds the course on the given sessions, each in the same room, enrolment closing the day before.
void hold_on(CourseDraft& d, std::vector<Session> sessions) {
  d.places.assign(sessions.size(), "本校視聽教室");
  Date first = sessions.front().date;
  for (const Session& s : sessions) first = std::min(first, s.date);
  d.enrol_closes_on = add_days(first, -1);
  d.sessions = std::move(sessions);
}

std::vector<std::string> fields(const CourseCheck& c) {
  std::vector<std::string> out;
  for (const FieldError& e : c.errors) out.push_back(e.field);
  return out;
}

using Fields = std::vector<std::string>;

std::string chars(std::size_t n, const std::string& one = "字") {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += one;
  return s;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ---- the baseline and the real schedules ---------------------------------------------------

TEST(CheckCourse, AcceptsACompleteCrossSchoolCourse) {
  const CourseCheck c = check_course(valid_draft(), rules());
  EXPECT_TRUE(c.ok()) << (c.errors.empty() ? "" : c.errors[0].field + ": " + c.errors[0].message);
  EXPECT_EQ(c.hours.total_hours, 3);
  EXPECT_TRUE(c.restricted.empty());
  EXPECT_EQ(c.first_error_for("title"), "");
}

TEST(CheckCourse, CountsAMorningWithATenMinuteBreakAsThreeHours) {
  CourseDraft d = valid_draft();
  hold_on(d, {Session{kFirstDay, at(9), at(12), {{at(10), at(10, 10)}}}});
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(c.hours.total_hours, 3);
  EXPECT_TRUE(c.ok());
}

TEST(CheckCourse, CountsASingleFiftyMinutePeriodAsOneHour) {
  CourseDraft d = valid_draft();
  hold_on(d, {Session{kFirstDay, at(14), at(14, 50), {}}});
  d.declared_hours = 1;
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(c.hours.total_hours, 1);
  EXPECT_TRUE(c.ok());
}

TEST(CheckCourse, CountsAFullDayWithLunchAsSixHoursWithoutSpecialApproval) {
  CourseDraft d = valid_draft();
  hold_on(d, {full_day(kFirstDay)});
  d.declared_hours = 6;
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(c.hours.total_hours, 6);
  EXPECT_TRUE(c.ok());
}

// ---- 第10條: hours ------------------------------------------------------------------------------

TEST(CheckCourse, AcceptsDeclaredHoursEqualToTheComputedHours) {
  CourseDraft d = valid_draft();
  d.declared_hours = 3;
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, RefusesDeclaredHoursAboveTheComputedHoursAndSaysHowMany) {
  CourseDraft d = valid_draft();
  d.declared_hours = 4;
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"declared_hours"});
  EXPECT_TRUE(
      contains(c.first_error_for("declared_hours"), "依第10條計算可採計 3 小時，申報時數不可超過"));
}

TEST(CheckCourse, RefusesZeroDeclaredHours) {
  CourseDraft d = valid_draft();
  d.declared_hours = 0;
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"declared_hours"});
}

TEST(CheckCourse, RefusesACourseUnderOneCreditableHour) {
  CourseDraft d = valid_draft();
  hold_on(d, {Session{kFirstDay, at(14), at(14, 45), {}}});
  d.declared_hours = 1;
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(c.hours.total_hours, 0);
  EXPECT_EQ(fields(c), Fields{"sessions"});
  EXPECT_TRUE(contains(c.first_error_for("sessions"), "未滿 1 小時"));
}

TEST(CheckCourse, TakesCreditsForACreditClassAndIgnoresDeclaredHours) {
  CourseDraft d = valid_draft();
  d.class_kind = "credit";
  d.declared_hours = 99;
  d.credits = 2;
  EXPECT_TRUE(check_course(d, rules()).ok());
  EXPECT_EQ(creditable_hours(d), 36);

  d.class_kind = "degree";
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, RefusesACreditClassWithoutCredits) {
  CourseDraft d = valid_draft();
  d.class_kind = "credit";
  d.credits = 0;
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"credits"});
}

TEST(CreditableHours, IsTheDeclaredHoursForANonCreditClass) {
  CourseDraft d = valid_draft();
  d.credits = 5;
  EXPECT_EQ(creditable_hours(d), 3);
}

TEST(CheckCourse, AcceptsSixHoursInADayWithoutSpecialApproval) {
  CourseDraft d = valid_draft();
  hold_on(d, {full_day(kFirstDay)});
  d.declared_hours = 6;
  EXPECT_TRUE(check_course(d, rules()).hours.days_over_limit.empty());
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, AsksForSpecialApprovalForSevenHoursInADayNamingTheDay) {
  CourseDraft d = valid_draft();
  // 09:00-17:00 with lunch: blocks of 180 and 240 minutes, 3 + 4 = 7 hours.
  hold_on(d, {Session{kFirstDay, at(9), at(17), {{at(12), at(13)}}}});
  d.declared_hours = 7;
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"special_approval_doc"});
  EXPECT_TRUE(contains(c.first_error_for("special_approval_doc"), "114/03/17"));

  d.special_approval_doc = "桃教資字第1140000001號";
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, CountsTwoSessionsOnOneDayTowardThatDay) {
  CourseDraft d = valid_draft();
  hold_on(d, {morning(kFirstDay), Session{kFirstDay, at(13), at(17), {{at(14, 30), at(14, 40)}}}});
  d.declared_hours = 7;  // 3 + (2 + 2)
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"special_approval_doc"});
}

TEST(CheckCourse, AcceptsThirtyFiveHoursInAWeek) {
  CourseDraft d = valid_draft();
  std::vector<Session> week;
  for (int i = 0; i < 5; ++i) week.push_back(full_day(add_days(kFirstDay, i)));
  // Saturday 09:00-14:50 with lunch: 180 + 110 minutes, 3 + 2 = 5 hours.
  week.push_back(Session{add_days(kFirstDay, 5), at(9), at(14, 50), {{at(12), at(13)}}});
  hold_on(d, week);
  d.declared_hours = 35;
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(c.hours.total_hours, 35);
  EXPECT_TRUE(c.ok());
}

TEST(CheckCourse, AsksForSpecialApprovalForThirtySixHoursInAWeekNamingTheWeek) {
  CourseDraft d = valid_draft();
  std::vector<Session> week;
  for (int i = 0; i < 6; ++i) week.push_back(full_day(add_days(kFirstDay, i)));
  hold_on(d, week);
  d.declared_hours = 36;
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"special_approval_doc"});
  EXPECT_TRUE(contains(c.first_error_for("special_approval_doc"), "114/03/17–114/03/23"));
}

// ---- 第8、9條: 依據文號
// ---------------------------------------------------------------------------

TEST(CheckCourse, RequiresABasisDocForACrossSchoolCourse) {
  CourseDraft d = valid_draft();
  d.basis_doc = "  ";
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"basis_doc"});
  EXPECT_TRUE(contains(c.first_error_for("basis_doc"), "跨校研習"));
}

TEST(CheckCourse, AcceptsAnInSchoolCourseWithoutABasisDoc) {
  CourseDraft d = valid_draft();
  d.cross_school = false;
  d.basis_doc = "";
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, RequiresABasisDocForARestrictedActivityAndExplainsArticle9) {
  CourseDraft d = valid_draft();
  d.cross_school = false;
  d.basis_doc = "";
  d.title = "期初校務會議暨教師增能";
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"basis_doc"});
  const std::string message = c.first_error_for("basis_doc");
  EXPECT_TRUE(contains(message, "第9條"));
  EXPECT_TRUE(contains(message, "學校各項行政會議"));
  EXPECT_TRUE(contains(message, "校務會議"));
  ASSERT_EQ(c.restricted.size(), 1u);
}

TEST(CheckCourse, AcceptsARestrictedActivityWithABasisDocButStillReportsIt) {
  CourseDraft d = valid_draft();
  d.outline = "教師瑜珈與養生";
  const CourseCheck c = check_course(d, rules());
  EXPECT_TRUE(c.ok());
  ASSERT_EQ(c.restricted.size(), 1u);
  EXPECT_EQ(c.restricted[0].word, "瑜珈");
}

TEST(CheckCourse, AcceptsABasisDocOfAThousandCharacters) {
  CourseDraft d = valid_draft();
  d.basis_doc = chars(1000);
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, RefusesABasisDocOfAThousandAndOneCharacters) {
  CourseDraft d = valid_draft();
  d.basis_doc = chars(1001);
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"basis_doc"});
  EXPECT_TRUE(contains(c.first_error_for("basis_doc"), "1000"));
}

// ---- 第12條: registration lead time ------------------------------------------------------------

TEST(CheckCourse, AcceptsAFirstSessionSevenDaysAfterToday) {
  CourseDraft d = valid_draft();
  hold_on(d, {morning(add_days(kToday, 7))});
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, RefusesAFirstSessionSixDaysAfterTodayGivingTheEarliestDate) {
  CourseDraft d = valid_draft();
  hold_on(d, {morning(add_days(kToday, 6))});
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"sessions"});
  EXPECT_TRUE(contains(c.first_error_for("sessions"), "第12條"));
  EXPECT_TRUE(contains(c.first_error_for("sessions"), "114/03/10"));
}

TEST(CheckCourse, JudgesTheLeadTimeByTheEarliestSessionWhateverTheOrder) {
  CourseDraft d = valid_draft();
  hold_on(d, {morning(kFirstDay), morning(add_days(kToday, 3))});
  d.declared_hours = 6;
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"sessions"});
}

TEST(CheckCourse, FollowsACountysOwnLeadTime) {
  CourseDraft d = valid_draft();
  hold_on(d, {morning(add_days(kToday, 9))});
  RegistrationRules county = rules();
  county.min_days_before_start = 10;
  EXPECT_EQ(fields(check_course(d, county)), Fields{"sessions"});
  county.min_days_before_start = 9;
  EXPECT_TRUE(check_course(d, county).ok());
}

// ---- SPEC §6: the unit's light
// -------------------------------------------------------------------

TEST(CheckCourse, RefusesAUnitOnRedSayingHowManyCoursesAreOverdue) {
  RegistrationRules red = rules();
  red.unit_light_red = true;
  red.unit_overdue_courses = 6;
  const CourseCheck c = check_course(valid_draft(), red);
  EXPECT_EQ(fields(c), Fields{"form"});
  EXPECT_TRUE(contains(c.first_error_for("form"), "6 門"));
  EXPECT_TRUE(contains(c.first_error_for("form"), "少於 5 門"));
}

// ---- required text and its length ------------------------------------------------------------

TEST(CheckCourse, RequiresATitle) {
  CourseDraft d = valid_draft();
  d.title = " \t";
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"title"});
}

TEST(CheckCourse, AcceptsATitleOfTwoHundredCharactersButNotMore) {
  CourseDraft d = valid_draft();
  d.title = chars(200, "研");
  EXPECT_TRUE(check_course(d, rules()).ok());
  d.title = chars(201, "研");
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"title"});
}

TEST(CheckCourse, RefusesATitleThatIsNotUtf8) {
  CourseDraft d = valid_draft();
  d.title = "研習\xFF";
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"title"});
}

TEST(CheckCourse, RequiresAnOutlineOfAtMostFourThousandCharacters) {
  CourseDraft d = valid_draft();
  d.outline = "";
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"outline"});
  d.outline = chars(4000, "綱");
  EXPECT_TRUE(check_course(d, rules()).ok());
  d.outline = chars(4001, "綱");
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"outline"});
}

TEST(CheckCourse, AcceptsASubsidyOfTwoHundredCharactersButNotMore) {
  CourseDraft d = valid_draft();
  d.subsidy = chars(200, "元");
  EXPECT_TRUE(check_course(d, rules()).ok());
  d.subsidy = chars(201, "元");
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"subsidy"});
}

// ---- choices ------------------------------------------------------------------------------------

TEST(CheckCourse, RefusesAnUnknownClassKind) {
  CourseDraft d = valid_draft();
  d.class_kind = "workshop";
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"class_kind"});
}

TEST(CheckCourse, RequiresACategory) {
  CourseDraft d = valid_draft();
  d.category_id = 0;
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"category_id"});
}

TEST(CheckCourse, RequiresAtLeastOneKnownLevel) {
  CourseDraft d = valid_draft();
  d.levels = {};
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"levels"});
  d.levels = {"elementary", "primary"};
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"levels"});
  d.levels = {"kindergarten",    "elementary", "junior_high", "senior_high",
              "vocational_high", "special",    "university"};
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, RefusesATagIdThatCannotExist) {
  CourseDraft d = valid_draft();
  d.tag_ids = {3, 0};
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"tag_ids"});
}

// ---- sessions and places ----------------------------------------------------------------------

TEST(CheckCourse, RequiresAtLeastOneSession) {
  CourseDraft d = valid_draft();
  d.sessions = {};
  d.places = {};
  d.enrol_online = false;
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"sessions"});
}

TEST(CheckCourse, RefusesASessionEndingWhenItStarts) {
  CourseDraft d = valid_draft();
  hold_on(d, {Session{kFirstDay, at(9), at(9), {}}});
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"sessions"});
  EXPECT_TRUE(contains(c.first_error_for("sessions"), "第 1 場"));
}

TEST(CheckCourse, RefusesABreakOutsideItsSession) {
  CourseDraft d = valid_draft();
  hold_on(d, {Session{kFirstDay, at(9), at(12), {{at(11, 30), at(12, 10)}}}});
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"sessions"});
  EXPECT_TRUE(contains(c.first_error_for("sessions"), "11:30-12:10"));
}

TEST(CheckCourse, RefusesTwoSessionsOverlappingOnOneDay) {
  CourseDraft d = valid_draft();
  hold_on(d, {morning(kFirstDay), Session{kFirstDay, at(11), at(13), {}}});
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"sessions"});
}

TEST(CheckCourse, AcceptsSessionsThatTouchWithoutOverlapping) {
  CourseDraft d = valid_draft();
  hold_on(d, {morning(kFirstDay), Session{kFirstDay, at(12), at(12, 50), {}}});
  d.declared_hours = 4;
  EXPECT_TRUE(check_course(d, rules()).ok());
}

std::vector<Session> weekly(int count) {
  std::vector<Session> sessions;
  for (int i = 0; i < count; ++i) {
    sessions.push_back(Session{add_days(kFirstDay, 7 * i), at(14), at(14, 50), {}});
  }
  return sessions;
}

TEST(CheckCourse, AcceptsThirtySessions) {
  CourseDraft d = valid_draft();
  hold_on(d, weekly(30));
  d.declared_hours = 30;
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, RefusesThirtyOneSessions) {
  CourseDraft d = valid_draft();
  hold_on(d, weekly(31));
  d.declared_hours = 31;
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"sessions"});
  EXPECT_TRUE(contains(c.first_error_for("sessions"), "30"));
}

TEST(CheckCourse, AcceptsACourseSpanningExactlyAYearButNotADayMore) {
  CourseDraft d = valid_draft();
  hold_on(d, {morning(kFirstDay), morning(add_days(kFirstDay, 365))});
  d.declared_hours = 6;
  EXPECT_TRUE(check_course(d, rules()).ok());
  hold_on(d, {morning(kFirstDay), morning(add_days(kFirstDay, 366))});
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"sessions"});
}

TEST(CheckCourse, RefusesASessionOnADayThatDoesNotExist) {
  CourseDraft d = valid_draft();
  d.sessions = {morning(Date{2025, 2, 29})};
  d.enrol_online = false;
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"sessions"});
}

TEST(CheckCourse, RequiresAPlaceForEverySession) {
  CourseDraft d = valid_draft();
  hold_on(d, {morning(kFirstDay), morning(add_days(kFirstDay, 1))});
  d.declared_hours = 6;
  d.places = {"本校視聽教室"};
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"places"});
  d.places = {"本校視聽教室", " "};
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"places"});
  EXPECT_TRUE(contains(c.first_error_for("places"), "第 2 場"));
}

// ---- seats ------------------------------------------------------------------------------------

TEST(CheckCourse, AcceptsOnlineSeatsEqualToTheTotal) {
  CourseDraft d = valid_draft();
  d.class_count = 2;
  d.seats_per_class = 20;
  d.online_seats = 40;
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, RefusesOnlineSeatsAboveTheTotal) {
  CourseDraft d = valid_draft();
  d.class_count = 2;
  d.seats_per_class = 20;
  d.online_seats = 41;
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"online_seats"});
  EXPECT_TRUE(contains(c.first_error_for("online_seats"), "40"));
}

TEST(CheckCourse, AcceptsNoOnlineSeatsButNotANegativeNumber) {
  CourseDraft d = valid_draft();
  d.online_seats = 0;
  EXPECT_TRUE(check_course(d, rules()).ok());
  d.online_seats = -1;
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"online_seats"});
}

TEST(CheckCourse, RequiresAtLeastOneClassAndOneSeat) {
  CourseDraft d = valid_draft();
  d.class_count = 0;
  d.seats_per_class = 0;
  d.online_seats = 0;
  EXPECT_EQ(fields(check_course(d, rules())), (Fields{"class_count", "seats_per_class"}));
}

// ---- SPEC §4: the enrolment window
// ---------------------------------------------------------------

TEST(CheckCourse, AcceptsEnrolmentClosingOnTheDayBeforeTheFirstSession) {
  CourseDraft d = valid_draft();
  d.enrol_closes_on = Date{2025, 3, 16};
  d.enrol_closes_minute = at(23, 59);
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, RefusesEnrolmentClosingOnTheFirstDay) {
  CourseDraft d = valid_draft();
  d.enrol_closes_on = kFirstDay;
  d.enrol_closes_minute = at(8);
  const CourseCheck c = check_course(d, rules());
  EXPECT_EQ(fields(c), Fields{"enrol_closes"});
  EXPECT_TRUE(contains(c.first_error_for("enrol_closes"), "114/03/16"));
}

TEST(CheckCourse, AcceptsEnrolmentOpeningTodayButNotYesterday) {
  CourseDraft d = valid_draft();
  d.enrol_opens_on = kToday;
  EXPECT_TRUE(check_course(d, rules()).ok());
  d.enrol_opens_on = Date{2025, 3, 2};
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"enrol_opens"});
}

TEST(CheckCourse, RefusesEnrolmentClosingBeforeItOpens) {
  CourseDraft d = valid_draft();
  d.enrol_opens_on = Date{2025, 3, 10};
  d.enrol_opens_minute = at(9);
  d.enrol_closes_on = Date{2025, 3, 10};
  d.enrol_closes_minute = at(9);
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"enrol_closes"});
  d.enrol_closes_minute = at(9, 1);
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, RequiresBothEndsOfTheEnrolmentWindow) {
  CourseDraft d = valid_draft();
  d.enrol_opens_on.reset();
  d.enrol_closes_on.reset();
  EXPECT_EQ(fields(check_course(d, rules())), (Fields{"enrol_opens", "enrol_closes"}));
}

TEST(CheckCourse, RefusesAnEnrolmentMinuteOutsideTheDay) {
  CourseDraft d = valid_draft();
  d.enrol_opens_minute = 24 * 60;
  EXPECT_EQ(fields(check_course(d, rules())), Fields{"enrol_opens"});
}

TEST(CheckCourse, IgnoresTheEnrolmentWindowWithoutOnlineEnrolment) {
  CourseDraft d = valid_draft();
  d.enrol_online = false;
  d.enrol_opens_on.reset();
  d.enrol_closes_on = kFirstDay;
  EXPECT_TRUE(check_course(d, rules()).ok());
}

// ---- contacts ---------------------------------------------------------------------------------

TEST(CheckCourse, RequiresTheFirstContactsNamePhoneAndEmail) {
  CourseDraft d = valid_draft();
  d.contact1 = {};
  EXPECT_EQ(fields(check_course(d, rules())),
            (Fields{"contact1_name", "contact1_phone", "contact1_email"}));
}

TEST(CheckCourse, RefusesAMalformedEmailOrPhone) {
  CourseDraft d = valid_draft();
  d.contact1.email = "wang@school";
  d.contact1.phone = "分機 123";
  EXPECT_EQ(fields(check_course(d, rules())), (Fields{"contact1_phone", "contact1_email"}));
}

TEST(CheckCourse, AcceptsAMobileNumberAsPhone) {
  CourseDraft d = valid_draft();
  d.contact1.phone = "0912-345-678";
  EXPECT_TRUE(check_course(d, rules()).ok());
}

TEST(CheckCourse, AcceptsNoSecondContactButCompletesAPartialOne) {
  CourseDraft d = valid_draft();
  d.contact2 = {"", "", " "};
  EXPECT_TRUE(check_course(d, rules()).ok());
  d.contact2 = {"李大華", "", ""};
  EXPECT_EQ(fields(check_course(d, rules())), (Fields{"contact2_phone", "contact2_email"}));
  d.contact2 = {"李大華", "(07)717-2930", "lee@school.edu.tw"};
  EXPECT_TRUE(check_course(d, rules()).ok());
}

// ---- all at once --------------------------------------------------------------------------------

TEST(CheckCourse, ReportsEveryProblemOfAnEmptyFormInFormOrder) {
  CourseDraft d;
  d.cross_school = true;
  d.enrol_online = true;
  RegistrationRules red = rules();
  red.unit_light_red = true;
  red.unit_overdue_courses = 5;
  const CourseCheck c = check_course(d, red);
  EXPECT_EQ(fields(c),
            (Fields{"form", "title", "class_kind", "category_id", "levels", "basis_doc", "outline",
                    "sessions", "seats_per_class", "enrol_opens", "enrol_closes", "contact1_name",
                    "contact1_phone", "contact1_email"}));
  for (const FieldError& e : c.errors) EXPECT_FALSE(e.message.empty()) << e.field;
}

// ---- clock and break fields ---------------------------------------------------------------------

TEST(ParseClock, ReadsHoursAndMinutes) {
  EXPECT_EQ(parse_clock("09:05"), 545);
  EXPECT_EQ(parse_clock("00:00"), 0);
  EXPECT_EQ(parse_clock("23:59"), 1439);
}

TEST(ParseClock, RefusesAnythingButHhMm) {
  for (const char* bad :
       {"", "9:05", "09:5", "24:00", "09:60", "09-05", "09:05:00", " 09:05", "０９:05", "ab:cd"}) {
    EXPECT_EQ(parse_clock(bad), std::nullopt) << bad;
  }
}

TEST(FormatClock, WritesTwoDigitsEachAndMidnightAsTwentyFour) {
  EXPECT_EQ(format_clock(545), "09:05");
  EXPECT_EQ(format_clock(0), "00:00");
  EXPECT_EQ(format_clock(1440), "24:00");
  EXPECT_EQ(format_clock(-1), "--:--");
  EXPECT_EQ(format_clock(1441), "--:--");
}

TEST(ParseBreaks, ReadsNothingFromAnEmptyField) {
  const auto breaks = parse_breaks("");
  ASSERT_TRUE(breaks.has_value());
  EXPECT_TRUE(breaks->empty());
}

TEST(ParseBreaks, ReadsLunchAndTeaAndWritesThemBack) {
  const auto breaks = parse_breaks("12:00-13:00,15:00-15:10");
  ASSERT_TRUE(breaks.has_value());
  ASSERT_EQ(breaks->size(), 2u);
  EXPECT_EQ((*breaks)[0].start_min, at(12));
  EXPECT_EQ((*breaks)[0].end_min, at(13));
  EXPECT_EQ((*breaks)[1].start_min, at(15));
  EXPECT_EQ((*breaks)[1].end_min, at(15, 10));
  EXPECT_EQ(format_breaks(*breaks), "12:00-13:00,15:00-15:10");
}

TEST(ParseBreaks, RefusesAnythingMalformed) {
  for (const char* bad : {",", "12:00-13:00,", ",12:00-13:00", "12:00-13:00 ,15:00-15:10",
                          " 12:00-13:00", "13:00-12:00", "12:00-12:00", "12:00~13:00",
                          "12:00-13:00;15:00-15:10", "12:00-24:00", "12-13"}) {
    EXPECT_EQ(parse_breaks(bad), std::nullopt) << bad;
  }
}

TEST(FormatBreaks, WritesNothingForNoBreaks) { EXPECT_EQ(format_breaks({}), ""); }

}  // namespace
}  // namespace domain
