// 業務帳號 (issue 10): the public application, the 總負責人's 帳號管理 of the unit's accounts, and
// the reviewers' approval of the 總負責人 of their region. An account works only once approved
// (第4條).
#pragma once

#include <vector>

#include "business/business_sql.h"
#include "core/context.h"
#include "domain/business_accounts.h"

namespace business {

// GET and POST /accounts/apply: 業務帳號申請; the account is made pending, and the page says who
// approves it.
core::Response application_form(core::Context& cx);
core::Response apply(core::Context& cx);

// GET /office/accounts: the 總負責人's unit's 承辦人 and 總負責人 accounts with their states, the
// actions each allows, and the trail of who did what when.
core::Response unit_accounts(core::Context& cx);
// POST /office/accounts/{id}/…: on an account of the 總負責人's own unit (404 otherwise). Approving
// and refusing a 承辦人 mail the applicant; deleting is refused (409, the blocking courses listed)
// while the account has a course not yet 名單確認通過 or 課程登錄錯誤.
core::Response approve_account(core::Context& cx);
core::Response refuse_account(core::Context& cx);
core::Response disable_account(core::Context& cx);
core::Response enable_account(core::Context& cx);
core::Response delete_account(core::Context& cx);

// GET /review/accounts: pending 總負責人 applications of the units the reviewer's unit reviews
// (第11條); POST /review/accounts/{id}/approve and /refuse decide one (404 outside them).
core::Response pending_masters(core::Context& cx);
core::Response approve_master(core::Context& cx);
core::Response refuse_master(core::Context& cx);
// POST /review/accounts/{id}/disable and /enable: an approved 總負責人 of the region (404 outside
// it); disabling ends its sessions at once, the history is kept.
core::Response disable_master(core::Context& cx);
core::Response enable_master(core::Context& cx);

// For the area's handler files: the account as domain/business_accounts.h reads it, with the
// unit reviewing its unit found among `roles` (sql::review_unit_roles, read once per request).
domain::Target target_of(const sql::Account& a, const std::vector<domain::ReviewUnitRole>& roles);

}  // namespace business
