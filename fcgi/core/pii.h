// 身分證字號 at rest (SECURITY-CATALOGUE §4.5 P3): AES-256-GCM for the stored number, HMAC-SHA-256
// under a key of its own for every lookup by it, so the database holds neither in the clear.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace core::pii {

constexpr size_t kKeySize = 32;
// The first byte of every ciphertext names the key that sealed it; a rotation adds a version.
constexpr unsigned char kKeyVersion = 1;

struct Keys {
  std::string aes;   // 32 bytes, AES-256-GCM
  std::string hmac;  // 32 bytes, HMAC-SHA-256
};

// Reads the two key files (32 raw bytes each); throws std::runtime_error naming a missing,
// short or long one.
Keys load_keys(const std::string& aes_file, const std::string& hmac_file);

// version (1) | random nonce (12) | ciphertext | tag (16); the version byte is authenticated too.
std::string encrypt(const Keys& keys, std::string_view plain);
// nullopt on a bad tag, an unknown version or a short value.
std::optional<std::string> decrypt(const Keys& keys, std::string_view sealed);
// Lower-case hex of HMAC-SHA-256(keys.hmac, data): teacher.national_id_hmac, login_failure keys.
std::string lookup_key(const Keys& keys, std::string_view data);

// The process's keys, installed once at start from the configuration (main, portal-tool) and only
// read after that; the functions below throw std::logic_error before it.
void install(Keys keys);
std::string encrypt(std::string_view plain);
// Throws std::runtime_error on a value the installed key did not seal (fail closed).
std::string decrypt(std::string_view sealed);
std::string lookup_key(std::string_view data);

}  // namespace core::pii
