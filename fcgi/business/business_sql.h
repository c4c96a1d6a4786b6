// SQL of 業務帳號 (issue 10): applications, the 總負責人's 帳號管理, the reviewers' approvals of
// 總負責人, and the trail of all of it. Every change is a conditional UPDATE on the state it
// starts from, so of two clicks on one button only the first acts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"
#include "domain/business_accounts.h"
#include "domain/review_routing.h"

namespace business::sql {

struct UnitName {
  int64_t id = 0;
  std::string code, name;
};
// Units whose 學校代碼 is `typed` exactly, or whose name holds it or one of its other spellings
// (內壢國中 finds 桃園市立內壢國民中學; domain/school_names.h); an exact code first, at most
// `limit`.
std::vector<UnitName> find_units(db::Connection& db, const std::string& typed, int limit);

bool name_taken(db::Connection& db, const std::string& account_name);

// An approved, enabled 總負責人 or 審課人員 who might decide an application.
struct Approver {
  int64_t id = 0, unit_id = 0;
  std::string kind, display_name, email;
};
// The 總負責人 of `unit_id` and the 審課人員 of `review_unit_id` (0: none), approved and enabled:
// the candidates among whom domain::may_decide_application chooses, oldest account first.
std::vector<Approver> possible_approvers(db::Connection& db, int64_t unit_id,
                                         int64_t review_unit_id);
// The unit's name, "" when there is none with that id.
std::string unit_name(db::Connection& db, int64_t unit_id);

struct Application {
  std::string account_name, display_name, kind, phone, email, password_hash;
  int64_t unit_id = 0;
};
// The account, not approved. 0 when the name is already taken (a race with another application).
int64_t insert_application(db::Connection& db, const Application& a);

struct Account {
  int64_t id = 0, unit_id = 0;
  std::string account_name, display_name, kind, phone, email, unit_code, unit_name, applied_at,
      refusal_reason;
  domain::AccountState state = domain::AccountState::kPending;
  bool second_factor = false;     // 雙因素驗證 on: the approver sees it
  domain::RoutedUnitFacts route;  // of its unit, for who reviews it
};
// Any unit's account by id (the caller decides whether the user may see it); `lock` takes the row
// FOR UPDATE (inside a transaction).
std::optional<Account> find_account(db::Connection& db, int64_t id, bool lock);
// Every account of the unit but its reviewers', pending first, then by kind and name.
std::vector<Account> unit_accounts(db::Connection& db, int64_t unit_id);
// Pending 總負責人 applications of every unit, oldest first (the caller keeps a reviewer's own).
std::vector<Account> pending_masters(db::Connection& db);
// Approved 總負責人 of every unit, enabled or disabled, by unit code (the caller keeps a reviewer's own).
std::vector<Account> approved_masters(db::Connection& db);
// The review units and the 第11條 parts they play, for domain::review_unit_of.
std::vector<domain::ReviewUnitRole> review_unit_roles(db::Connection& db);

// Each false when the account was no longer in the state it starts from.
bool approve(db::Connection& db, int64_t id);                            // pending → active
bool refuse(db::Connection& db, int64_t id, const std::string& reason);  // pending → refused
bool disable(db::Connection& db, int64_t id);                            // active → disabled
bool enable(db::Connection& db, int64_t id);                             // disabled → active
bool mark_deleted(db::Connection& db, int64_t id);  // active or disabled → deleted

// Registrations of the unit wait until the caller's transaction ends (courses::sql::lock_unit takes
// the same row), so no course is registered by an account between its deletion check and deletion.
void lock_unit(db::Connection& db, int64_t unit_id);

struct CourseLine {
  std::string code, title, state;  // state as its label
};
// The account's courses that keep it from being deleted (domain::blocks_account_deletion).
std::vector<CourseLine> blocking_courses(db::Connection& db, int64_t account_id);

struct Change {
  std::string at, who, account, action, detail;
};
// The audit rows of the unit's accounts (object "b:<id>", actions "account.*"), newest first.
std::vector<Change> unit_trail(db::Connection& db, int64_t unit_id, long limit);

}  // namespace business::sql
