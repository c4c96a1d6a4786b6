// tests/unit/business_accounts_test.cpp: 業務帳號 rules (第3–4條, SPEC §1, the Taichung letter):
// account names, states, who decides an application, what a 總負責人 may do, and the deletion rule.
#include "domain/business_accounts.h"

#include <gtest/gtest.h>

namespace domain {
namespace {

using Role = Actor::Role;

TEST(AccountName, IsStoredLowerCaseAndTrimmed) {
  EXPECT_EQ(normalize_account_name("  Lin-Org.01 "), "lin-org.01");
}

TEST(AccountName, AcceptsLettersDigitsAndThreeMarks) {
  for (const char* ok : {"lin-org", "abcd", "a.b_c-d9", "organizer2", "ab1234567x"}) {
    EXPECT_EQ(account_name_problem(ok), "") << ok;
  }
}

TEST(AccountName, RefusesChineseFullWidthAndSpaces) {
  for (const char* bad : {"林承辦人", "ｌｉｎｏｒｇ", "lin org", "lin@org", "LinOrg"}) {
    EXPECT_NE(account_name_problem(bad), "") << bad;
  }
}

TEST(AccountName, FourToFortyCharacters) {
  EXPECT_NE(account_name_problem("abc"), "");
  EXPECT_EQ(account_name_problem("abcd"), "");
  EXPECT_EQ(account_name_problem(std::string(40, 'a')), "");
  EXPECT_NE(account_name_problem(std::string(41, 'a')), "");
  EXPECT_NE(account_name_problem(""), "");
}

TEST(AccountName, StartsWithALetterAndEndsWithALetterOrDigit) {
  EXPECT_NE(account_name_problem("1abc"), "");
  EXPECT_NE(account_name_problem("-abc"), "");
  EXPECT_NE(account_name_problem("abc-"), "");
  EXPECT_NE(account_name_problem("abc."), "");
  EXPECT_EQ(account_name_problem("abc1"), "");
}

TEST(AccountName, RefusesWhatTheLoginFormReadsAsANationalId) {
  EXPECT_NE(account_name_problem("a123456789"), "");
  EXPECT_NE(account_name_problem("ab12345678"), "");  // 居留證號 (old format)
  EXPECT_NE(account_name_problem("a1234567"), "");    // seven digits already
  EXPECT_EQ(account_name_problem("a123456"), "");     // six: a name
  EXPECT_EQ(account_name_problem("a1234567b"), "");
}

TEST(BusinessPassword, TheTeachersLengthRuleAndNotTheAccountName) {
  EXPECT_NE(business_password_problem("short-pw1", "lin-org"), "");
  EXPECT_EQ(business_password_problem("correct-horse-9", "lin-org"), "");
  EXPECT_EQ(business_password_problem("pw-LIN-ORG-2026", "lin-org"), "密碼不可包含帳號名稱。");
}

TEST(AccountState, DeletedThenRefusedThenPendingThenDisabled) {
  EXPECT_EQ(account_state(false, false, false, false), AccountState::kPending);
  EXPECT_EQ(account_state(false, true, false, false), AccountState::kRefused);
  EXPECT_EQ(account_state(true, false, false, false), AccountState::kActive);
  EXPECT_EQ(account_state(true, false, true, false), AccountState::kDisabled);
  EXPECT_EQ(account_state(true, false, true, true), AccountState::kDeleted);
  EXPECT_STREQ(account_state_label(AccountState::kPending), "待審核");
  EXPECT_STREQ(account_state_label(AccountState::kActive), "啟用");
  EXPECT_STREQ(account_state_label(AccountState::kDisabled), "停用");
}

const Target kOrganizerAt4{10, 4, AccountKind::kOrganizer, 2};
const Target kMasterAt4{11, 4, AccountKind::kMaster, 2};

TEST(DecideApplication, AnOrganizerByTheUnitsOwnMaster) {
  EXPECT_TRUE(may_decide_application({Role::kMaster, 2, 4}, kOrganizerAt4));
  EXPECT_FALSE(may_decide_application({Role::kMaster, 7, 5}, kOrganizerAt4));  // another school's
  EXPECT_FALSE(
      may_decide_application({Role::kReviewer, 3, 2}, kOrganizerAt4));        // not the reviewer's
  EXPECT_FALSE(may_decide_application({Role::kOther, 1, 4}, kOrganizerAt4));  // an organizer
}

TEST(DecideApplication, AMasterByTheReviewerOfTheUnitsRegion) {
  EXPECT_TRUE(may_decide_application({Role::kReviewer, 3, 2}, kMasterAt4));
  EXPECT_FALSE(may_decide_application({Role::kReviewer, 4, 3}, kMasterAt4));  // another region
  EXPECT_FALSE(
      may_decide_application({Role::kMaster, 2, 4}, kMasterAt4));  // not by a fellow master
  EXPECT_FALSE(may_decide_application({Role::kReviewer, 3, 0}, {11, 4, AccountKind::kMaster, 0}));
}

TEST(DecideApplication, ReviewerAndAdministratorAccountsAreNotAppliedFor) {
  EXPECT_FALSE(may_decide_application({Role::kReviewer, 3, 2}, {12, 4, AccountKind::kReviewer, 2}));
  EXPECT_FALSE(may_decide_application({Role::kMaster, 2, 4}, {12, 4, AccountKind::kAdmin, 2}));
}

TEST(Manage, AMasterManagesTheUnitsOrganizers) {
  EXPECT_EQ(may_manage({Role::kMaster, 2, 4}, kOrganizerAt4), Manage::kAllowed);
  EXPECT_EQ(may_manage({Role::kMaster, 7, 5}, kOrganizerAt4), Manage::kOtherUnit);
  EXPECT_EQ(may_manage({Role::kReviewer, 3, 4}, kOrganizerAt4), Manage::kOtherUnit);
}

TEST(Manage, NeverItselfNorAnotherMaster) {
  EXPECT_EQ(may_manage({Role::kMaster, 11, 4}, kMasterAt4), Manage::kSelf);
  EXPECT_EQ(may_manage({Role::kMaster, 2, 4}, kMasterAt4), Manage::kMasterAccount);
}

TEST(Manage, AReviewerManagesTheMastersOfItsRegionOnly) {
  EXPECT_EQ(may_manage({Role::kReviewer, 3, 2}, kMasterAt4), Manage::kAllowed);
  EXPECT_EQ(may_manage({Role::kReviewer, 4, 3}, kMasterAt4), Manage::kOtherUnit);  // another region
  EXPECT_EQ(may_manage({Role::kReviewer, 3, 2}, kOrganizerAt4), Manage::kOtherUnit);  // the master's part
  EXPECT_EQ(may_manage({Role::kReviewer, 3, 0}, {11, 4, AccountKind::kMaster, 0}), Manage::kOtherUnit);
  EXPECT_EQ(may_manage({Role::kReviewer, 3, 2}, {12, 2, AccountKind::kReviewer, 2}), Manage::kOtherUnit);
}

TEST(Deletion, OnlyClosedAndDeletedCoursesLetAnAccountGo) {
  for (CourseState s : kAllCourseStates) {
    const bool lets_go = s == CourseState::kClosed || s == CourseState::kDeleted;
    EXPECT_EQ(blocks_account_deletion(s), !lets_go) << state_code(s);
  }
}

}  // namespace
}  // namespace domain
