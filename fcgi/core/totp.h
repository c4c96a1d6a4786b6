// TOTP (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps) over liboath, for the second factor of
// business accounts (domain/second_factor.h holds the rules around it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core::totp {

inline constexpr int kStepSeconds = 30;

std::string new_secret();                         // 20 random bytes (RFC 4226's recommended length)
std::string base32(std::string_view secret);      // what an app takes typed in, without padding
std::string code_at(std::string_view secret, int64_t unix_time);  // "287082"
// The time step (unix_time / 30) whose code `code` is, looking one step either side of now for a
// phone's clock a little off; nullopt when none matches.
std::optional<int64_t> matching_step(std::string_view secret, int64_t unix_time, std::string_view code);
// The otpauth:// URI that authenticator apps read from the QR code (Key Uri Format).
std::string provisioning_uri(std::string_view issuer, std::string_view account, std::string_view secret);

}  // namespace core::totp
