// Cryptographic helpers: randomness, hashes, constant-time comparison, Argon2id passwords.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace core {

// n bytes from OpenSSL's CSPRNG.
std::string random_bytes(size_t n);
// 256-bit random token, base64url without padding (43 characters).
std::string random_token();
std::string base64url(std::string_view bytes);
// Standard base64 (with padding), strict: nullopt on any other character or bad length.
std::optional<std::string> base64_decode(std::string_view text);
std::string sha256_hex(std::string_view data);
std::string sha256_raw(std::string_view data);  // the 32 digest bytes
std::string hmac_sha256_b64(std::string_view key, std::string_view data);
bool constant_time_equal(std::string_view a, std::string_view b);

// The site's Content-Security-Policy (nginx/portal.conf.in sends the same one when a page sends
// none), with `form_origin` also allowed as a form target: a form whose answer redirects to a
// partner site needs it, since browsers check form-action on every redirect after a POST.
std::string content_security_policy(std::string_view form_origin);

// Argon2id with OWASP's minimum (19 MiB, t=2, p=1); the encoded string carries its parameters.
std::string hash_password(std::string_view password);
bool verify_password(const std::string& encoded, std::string_view password);

}  // namespace core
