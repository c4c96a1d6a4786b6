// domain/business_accounts.h: 業務帳號 rules (SPEC §1, 管理規定第3–4條, the Taichung letter
// 說明二(三)): what an account name may be, an account's state, who decides an application, what a
// 總負責人 may do to the unit's accounts, and when an account may be deleted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/course_state.h"

namespace domain {

// business_account.kind: only the first two are applied for on the public form.
enum class AccountKind { kOrganizer, kMaster, kReviewer, kAdmin };
std::optional<AccountKind> parse_account_kind(std::string_view code);
const char* account_kind_label(AccountKind kind);  // 承辦人, 總負責人, 審課人員, 系統管理

constexpr std::size_t kMinAccountNameLength = 4;
constexpr std::size_t kMaxAccountNameLength = 40;  // business_account.account_name

// The account name as stored: lower-case ASCII, so "Lin-Org" and "lin-org" are one name.
std::string normalize_account_name(std::string_view typed);
// Why a normalized name is refused, or "" when it is acceptable: 4–40 characters of a–z, 0–9,
// '.', '-', '_', starting with a letter and ending with a letter or digit, and not a letter
// followed by digits (the login form reads that as a 身分證字號).
std::string account_name_problem(std::string_view name);

// Why `password` is refused for the account `name` (normalized), or "": the teachers' length
// rule (domain/password_rules.h), and not containing the account name.
std::string business_password_problem(std::string_view password, std::string_view name);

// An account's state from its columns; deletion implies disabled_at too (sql/migrations/0022).
enum class AccountState {
  kPending,   // 待審核: applied, neither approved nor refused
  kRefused,   // 未核准: the application was refused
  kActive,    // 啟用
  kDisabled,  // 停用
  kDeleted,   // 已刪除: kept for the courses and trails that name it
};
AccountState account_state(bool approved, bool refused, bool disabled, bool deleted);
const char* account_state_label(AccountState state);
const char* account_state_code(AccountState state);  // pending, refused, active, disabled, deleted

// Who is deciding or acting, as the session says.
struct Actor {
  enum class Role { kMaster, kReviewer, kOther } role = Role::kOther;
  int64_t account_id = 0;
  int64_t unit_id = 0;
};
// The account acted on. `review_unit_id`: the unit reviewing its unit's courses (第11條 with the
// administrator's override, domain/review_routing.h), 0 when none is configured.
struct Target {
  int64_t account_id = 0;
  int64_t unit_id = 0;
  AccountKind kind = AccountKind::kOrganizer;
  int64_t review_unit_id = 0;
};

// An application is decided (approved or refused) by the unit's 總負責人 for a 承辦人, and by the
// reviewer of the unit's region for a 總負責人 (第4條; SPEC §1). Nobody else, whatever the state.
bool may_decide_application(const Actor& actor, const Target& applicant);

// What a 總負責人 may do to an approved account (停用, 重新啟用, 刪除), and a reviewer to the
// 總負責人 of the units its review unit reviews (停用, 重新啟用).
enum class Manage {
  kAllowed,        // a 承辦人 of the 總負責人's own unit; a 總負責人 of the reviewer's region
  kSelf,           // never one's own account
  kMasterAccount,  // 總負責人 accounts change through the region's review unit (the letter,
                   // 說明二(三)1)
  kOtherUnit,      // not the 總負責人's unit, or not a 總負責人
};
Manage may_manage(const Actor& actor, const Target& account);

// An account may be deleted only when every course it organizes is 名單確認通過 or 課程登錄錯誤
// (SPEC §1; the letter, 說明二(三)2): a course in any other state blocks it.
bool blocks_account_deletion(CourseState state);

}  // namespace domain
