// SQL of the second factor: an account's TOTP secret and last accepted step, its recovery codes,
// and the login challenges between a right password and the factor.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"

namespace accounts::sql {

struct Factor {
  int64_t account_id = 0;
  std::string kind, account_name, display_name, email;
  std::string secret;  // raw bytes; "" when none is set up
  bool enabled = false;
  std::string enabled_at;  // "2026-12-03 09:15"
  int64_t last_step = 0;
  int64_t now_unix = 0;  // the database clock: every host checks codes against the same time
};
// `lock` takes the account FOR UPDATE (checking and accepting a code is one step).
std::optional<Factor> factor_of(db::Connection& db, int64_t account_id, bool lock);
// A secret being set up (shown as a QR code until a code from it confirms it); kept when the
// account has one already, so two pages open at once show the same QR code.
void set_pending_secret(db::Connection& db, int64_t account_id, const std::string& secret);
// Marks `step` accepted when it is later than the last one; false when it is not (a replay,
// or another request accepted the same code first).
bool accept_step(db::Connection& db, int64_t account_id, int64_t step);
void enable_factor(db::Connection& db, int64_t account_id);
void disable_factor(db::Connection& db, int64_t account_id);

// A new set of recovery codes (their SHA-256) replaces the old one.
void replace_recovery_codes(db::Connection& db, int64_t account_id, const std::vector<std::string>& sha256s);
// Uses an unused code; false when there is none such.
bool use_recovery_code(db::Connection& db, int64_t account_id, const std::string& sha256);
int64_t unused_recovery_codes(db::Connection& db, int64_t account_id);

inline constexpr int kChallengeMinutes = 5;
inline constexpr int kMaxWrongCodes = 5;
struct Challenge {
  int64_t account_id = 0;
  std::string next_path;
  int wrong_codes = 0;
};
void insert_challenge(db::Connection& db, const std::string& id_sha256, int64_t account_id,
                      const std::string& next_path);
// A challenge younger than kChallengeMinutes (database clock), FOR UPDATE when `lock`.
std::optional<Challenge> live_challenge(db::Connection& db, const std::string& id_sha256, bool lock);
void count_wrong_code(db::Connection& db, const std::string& id_sha256);
void delete_challenge(db::Connection& db, const std::string& id_sha256);

}  // namespace accounts::sql
