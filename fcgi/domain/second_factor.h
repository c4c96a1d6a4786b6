// domain/second_factor.h: the rules of the second factor (TOTP, RFC 6238, and recovery codes)
// for business accounts — who must have one, which typed codes are accepted, and the shape of
// a recovery code. The TOTP arithmetic itself is liboath's (core/totp.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace domain {

// 審課人員 approve courses and rosters (and so write hours) and the administrator runs the site:
// they must pass a second factor; 承辦人 and 總負責人 may turn one on.
bool second_factor_required(std::string_view account_kind);

// Codes are typed from a phone: spaces (some apps show "123 456") are dropped. A TOTP code is
// then exactly six digits, nullopt otherwise.
std::optional<std::string> typed_totp_code(std::string_view typed);

// RFC 6238 §5.2: a code is accepted once. The step it matched must be later than the last step
// accepted for the account, so a code seen over a shoulder cannot be replayed in its window.
bool step_is_fresh(int64_t matched_step, int64_t last_accepted_step);

// Recovery codes: ten characters (50 random bits) from an alphabet without the look-alikes I, O,
// 0 and 1, shown as "ABCDE-FGH23".
inline constexpr int kRecoveryCodes = 10;
inline constexpr int kRecoveryCodeLength = 10;
inline constexpr std::string_view kRecoveryAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
// From kRecoveryCodeLength random bytes (each byte's low five bits pick a character).
std::string recovery_code_from_bytes(std::string_view random_bytes);
std::string display_recovery_code(std::string_view code);  // "ABCDE-FGH23"
// What was typed, in any case, with or without the hyphen and spaces, as stored; nullopt when
// it cannot be a recovery code.
std::optional<std::string> typed_recovery_code(std::string_view typed);

}  // namespace domain
