// domain/business_accounts.cpp: the 業務帳號 rules of business_accounts.h.
#include "domain/business_accounts.h"

#include "domain/password_rules.h"
#include "domain/validation.h"

namespace domain {

namespace {
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::optional<AccountKind> parse_account_kind(std::string_view code) {
  if (code == "organizer") return AccountKind::kOrganizer;
  if (code == "master") return AccountKind::kMaster;
  if (code == "reviewer") return AccountKind::kReviewer;
  if (code == "admin") return AccountKind::kAdmin;
  return std::nullopt;
}

const char* account_kind_label(AccountKind kind) {
  switch (kind) {
    case AccountKind::kOrganizer:
      return "承辦人";
    case AccountKind::kMaster:
      return "總負責人";
    case AccountKind::kReviewer:
      return "審課人員";
    case AccountKind::kAdmin:
      return "系統管理";
  }
  return "";
}

std::string normalize_account_name(std::string_view typed) {
  std::string out = trim(typed);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string account_name_problem(std::string_view name) {
  for (char c : name) {
    if (!(is_lower(c) || is_digit(c) || c == '.' || c == '-' || c == '_')) {
      return "帳號名稱只能使用半形英文字母、數字與 . - _（不可使用中文、全形字或空白）。";
    }
  }
  if (name.size() < kMinAccountNameLength || name.size() > kMaxAccountNameLength) {
    return "帳號名稱需 " + std::to_string(kMinAccountNameLength) + "–" +
           std::to_string(kMaxAccountNameLength) + " 個字元。";
  }
  if (!is_lower(name.front())) return "帳號名稱的第一個字必須是英文字母。";
  if (!is_lower(name.back()) && !is_digit(name.back()))
    return "帳號名稱的最後一個字必須是英文字母或數字。";
  // The login form takes a letter and then digits (a second letter allowed, as in 居留證號) for a
  // 身分證字號: such a name could never log in as a business account.
  size_t digits_from = is_lower(name[1]) ? 2 : 1;
  bool only_digits = name.size() > digits_from;
  for (size_t i = digits_from; i < name.size(); ++i) only_digits = only_digits && is_digit(name[i]);
  if (only_digits && name.size() - digits_from >= 7) {
    return "帳號名稱不可是一個英文字母接數字（登入時會被當成身分證字號），請加上其他英文字母。";
  }
  return "";
}

std::string business_password_problem(std::string_view password, std::string_view name) {
  if (std::string why = password_problem(password, "", std::nullopt); !why.empty()) return why;
  if (!name.empty() && normalize_account_name(password).find(name) != std::string::npos) {
    return "密碼不可包含帳號名稱。";
  }
  return "";
}

AccountState account_state(bool approved, bool refused, bool disabled, bool deleted) {
  if (deleted) return AccountState::kDeleted;
  if (refused) return AccountState::kRefused;
  if (!approved) return AccountState::kPending;
  return disabled ? AccountState::kDisabled : AccountState::kActive;
}

const char* account_state_label(AccountState state) {
  switch (state) {
    case AccountState::kPending:
      return "待審核";
    case AccountState::kRefused:
      return "未核准";
    case AccountState::kActive:
      return "啟用";
    case AccountState::kDisabled:
      return "停用";
    case AccountState::kDeleted:
      return "已刪除";
  }
  return "";
}

const char* account_state_code(AccountState state) {
  switch (state) {
    case AccountState::kPending:
      return "pending";
    case AccountState::kRefused:
      return "refused";
    case AccountState::kActive:
      return "active";
    case AccountState::kDisabled:
      return "disabled";
    case AccountState::kDeleted:
      return "deleted";
  }
  return "";
}

bool may_decide_application(const Actor& actor, const Target& applicant) {
  switch (applicant.kind) {
    case AccountKind::kOrganizer:
      return actor.role == Actor::Role::kMaster && actor.unit_id == applicant.unit_id;
    case AccountKind::kMaster:
      return actor.role == Actor::Role::kReviewer && applicant.review_unit_id != 0 &&
             actor.unit_id == applicant.review_unit_id;
    default:
      return false;  // reviewer and administrator accounts are not applied for
  }
}

Manage may_manage(const Actor& actor, const Target& account) {
  // The reviewer of the region disables and re-enables its 總負責人 (the letter, 說明二(三)1).
  if (actor.role == Actor::Role::kReviewer) {
    const bool region_master = account.kind == AccountKind::kMaster && account.review_unit_id != 0 &&
                               account.review_unit_id == actor.unit_id;
    return region_master ? Manage::kAllowed : Manage::kOtherUnit;
  }
  if (actor.role != Actor::Role::kMaster || actor.unit_id != account.unit_id)
    return Manage::kOtherUnit;
  if (actor.account_id == account.account_id) return Manage::kSelf;
  if (account.kind == AccountKind::kMaster) return Manage::kMasterAccount;
  if (account.kind != AccountKind::kOrganizer) return Manage::kOtherUnit;
  return Manage::kAllowed;
}

bool blocks_account_deletion(CourseState state) { return is_unfinished(state); }

}  // namespace domain
