// SQL of the accounts area: credentials, failed logins, sign-up and the links it mails.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/db.h"
#include "domain/business_accounts.h"

namespace accounts::sql {

struct Credentials {
  int64_t id = 0;
  std::string password_hash;
  // Business accounts log in only when active (approved, not refused, disabled or deleted).
  domain::AccountState state = domain::AccountState::kActive;
};

std::optional<Credentials> find_teacher_by_national_id(db::Connection& db, const std::string& id);
std::optional<Credentials> find_account_by_name(db::Connection& db, const std::string& name);

// Wrong passwords (at login, or as the current one when changing it) allowed in 15 minutes.
inline constexpr int kMaxFailuresPerAccount = 10;   // guessing one password is hopeless
inline constexpr int kMaxFailuresPerAddress = 100;  // nginx also limits the rate
struct RecentFailures {
  int64_t for_account = 0;
  int64_t from_address = 0;
};
// The login_failure key of a login name (身分證字號 or account name): keyed, since an unkeyed
// SHA-256 of a 10-character ID is a brute-force away from the number. Login, 變更登入密碼, the
// e-mail change and the second factor count failures under the same key.
std::string failure_key(std::string_view login_name);
RecentFailures count_recent_failures(db::Connection& db, const std::string& account_key,
                                     const std::string& address);
void record_failure(db::Connection& db, const std::string& account_key, const std::string& address);

struct Unit {
  int64_t id = 0;
  std::string name;
};
// A unit a teacher may serve in, by its 學校代碼 (review bodies have no teachers).
std::optional<Unit> find_serving_unit(db::Connection& db, const std::string& code);

struct TeacherContact {
  int64_t id = 0;
  std::string national_id, name, email;
  std::string birth_date;  // "1984-05-12", "" when not known
};
std::optional<TeacherContact> find_teacher_contact(db::Connection& db, const std::string& national_id);

struct NewTeacher {
  std::string national_id, name, gender, birth_date, email, phone, position_category, title_name,
      password_hash;
  int64_t unit_id = 0;
};
// Created 在職 with its unit (第4條: the account works at once). 0 when the ID is already taken
// (a sign-up that raced another with the same ID).
int64_t insert_teacher(db::Connection& db, const NewTeacher& t);

// Token kinds of account_token; the stored value is the SHA-256 of the mailed one.
constexpr const char* kConfirmEmail = "confirm_email";
constexpr const char* kResetPassword = "reset_password";
constexpr const char* kChangeEmail = "change_email";  // the address is the token's, until followed
void insert_token(db::Connection& db, const char* kind, int64_t teacher_id, const std::string& token_sha256,
                  const std::string& email, int valid_minutes);

struct TokenOwner {
  int64_t teacher_id = 0;
  std::string email;
};
// The teacher of an unused, unexpired token (database clock); `lock` takes it FOR UPDATE.
std::optional<TokenOwner> live_token(db::Connection& db, const char* kind, const std::string& token_sha256,
                                     bool lock);
void use_token(db::Connection& db, const std::string& token_sha256);
// The teacher's other reset links die with a new password.
void use_all_tokens(db::Connection& db, const char* kind, int64_t teacher_id);

// 修改個人基本資料: what the teacher sees of the account, the address waiting for its link too.
struct TeacherProfile {
  std::string national_id, name, unit_name, title_name, email, phone;
  bool email_confirmed = false;
  std::string pending_email;  // of the newest live change_email link, "" when none
  std::string pending_until;  // when that link dies: "2025-03-01 14:05"
};
std::optional<TeacherProfile> teacher_profile(db::Connection& db, int64_t teacher_id);
// "" stores no phone (NULL).
void set_teacher_phone(db::Connection& db, int64_t teacher_id, const std::string& phone);
// The address a change_email link was mailed to, confirmed by following it.
void set_teacher_email(db::Connection& db, int64_t teacher_id, const std::string& email);

// Marks the address confirmed if it is still the teacher's address.
void confirm_email(db::Connection& db, int64_t teacher_id, const std::string& email);
std::optional<TeacherContact> find_teacher_by_id(db::Connection& db, int64_t id);
// Sets the password and ends every session of the teacher.
void set_teacher_password(db::Connection& db, int64_t teacher_id, const std::string& password_hash);
// The same for a business account: the new hash, and every session of the account ended.
void set_account_password(db::Connection& db, int64_t account_id, const std::string& password_hash);

// Who changes a password: what the new one must not contain, the stored hash, where to tell.
struct PasswordOwner {
  std::string login_name;  // 身分證字號 or account name
  std::string birth_date;  // teachers: "1984-05-12" or ""
  std::string name, email, password_hash;
};
std::optional<PasswordOwner> teacher_password_owner(db::Connection& db, int64_t teacher_id);
std::optional<PasswordOwner> account_password_owner(db::Connection& db, int64_t account_id);

// pii-migrate (accounts/pii_migrate.h): up to `limit` teachers still holding a plain 身分證字號,
// as (id, national_id), locked; then one of them sealed, its plain column set to NULL.
std::vector<std::pair<int64_t, std::string>> lock_plain_national_ids(db::Connection& db, long limit);
void seal_national_id(db::Connection& db, int64_t teacher_id, const std::string& hmac, const std::string& sealed);

}  // namespace accounts::sql
