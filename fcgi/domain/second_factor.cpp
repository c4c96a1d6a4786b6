#include "domain/second_factor.h"

#include <cctype>

namespace domain {

bool second_factor_required(std::string_view account_kind) {
  return account_kind == "reviewer" || account_kind == "admin";
}

std::optional<std::string> typed_totp_code(std::string_view typed) {
  std::string digits;
  for (unsigned char c : typed) {
    if (c == ' ') continue;
    if (!std::isdigit(c)) return std::nullopt;
    digits.push_back(static_cast<char>(c));
  }
  if (digits.size() != 6) return std::nullopt;
  return digits;
}

bool step_is_fresh(int64_t matched_step, int64_t last_accepted_step) {
  return matched_step > last_accepted_step;
}

std::string recovery_code_from_bytes(std::string_view random_bytes) {
  std::string code;
  for (size_t i = 0; i < random_bytes.size() && code.size() < kRecoveryCodeLength; ++i) {
    code.push_back(kRecoveryAlphabet[static_cast<unsigned char>(random_bytes[i]) & 31]);
  }
  return code;
}

std::string display_recovery_code(std::string_view code) {
  const size_t half = code.size() / 2;
  return std::string(code.substr(0, half)) + "-" + std::string(code.substr(half));
}

std::optional<std::string> typed_recovery_code(std::string_view typed) {
  std::string code;
  for (unsigned char c : typed) {
    if (c == ' ' || c == '-') continue;
    const char upper = static_cast<char>(std::toupper(c));
    if (kRecoveryAlphabet.find(upper) == std::string_view::npos) return std::nullopt;
    code.push_back(upper);
  }
  if (code.size() != kRecoveryCodeLength) return std::nullopt;
  return code;
}

}  // namespace domain
