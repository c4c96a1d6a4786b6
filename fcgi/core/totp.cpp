#include "core/totp.h"

#include <liboath/oath.h>

#include <cctype>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

#include "core/security.h"

namespace core::totp {

namespace {
constexpr unsigned kDigits = 6;

void init_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (oath_init() != OATH_OK) throw std::runtime_error("oath_init failed");
  });
}

std::string percent_encoded(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}
}  // namespace

std::string new_secret() { return random_bytes(20); }

std::string base32(std::string_view secret) {
  init_once();
  char* out = nullptr;
  size_t length = 0;
  if (oath_base32_encode(secret.data(), secret.size(), &out, &length) != OATH_OK) {
    throw std::runtime_error("oath_base32_encode failed");
  }
  std::string text(out, length);
  std::free(out);
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

std::string code_at(std::string_view secret, int64_t unix_time) {
  init_once();
  char otp[kDigits + 1] = {};
  if (oath_totp_generate(secret.data(), secret.size(), static_cast<time_t>(unix_time), kStepSeconds,
                         OATH_TOTP_DEFAULT_START_TIME, kDigits, otp) != OATH_OK) {
    throw std::runtime_error("oath_totp_generate failed");
  }
  return otp;
}

std::optional<int64_t> matching_step(std::string_view secret, int64_t unix_time, std::string_view code) {
  // Every candidate is computed and compared in constant time, whichever matches.
  std::optional<int64_t> matched;
  for (int offset = -1; offset <= 1; ++offset) {
    const int64_t at = unix_time + offset * kStepSeconds;
    if (constant_time_equal(code_at(secret, at), code)) matched = at / kStepSeconds;
  }
  return matched;
}

std::string provisioning_uri(std::string_view issuer, std::string_view account, std::string_view secret) {
  const std::string label = percent_encoded(issuer) + ":" + percent_encoded(account);
  return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + percent_encoded(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace core::totp
