// AES-256-GCM and HMAC-SHA-256 of 身分證字號 over OpenSSL's EVP interface.
#include "core/pii.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "core/security.h"

namespace core::pii {

namespace {

constexpr size_t kNonceSize = 12;
constexpr size_t kTagSize = 16;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

std::string read_key(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  if (s.str().size() != kKeySize) throw std::runtime_error(path + " must hold exactly 32 bytes");
  return s.str();
}

std::optional<Keys>& installed() {
  static std::optional<Keys> keys;
  return keys;
}

const Keys& installed_keys() {
  if (!installed()) throw std::logic_error("pii keys not installed");
  return *installed();
}

}  // namespace

Keys load_keys(const std::string& aes_file, const std::string& hmac_file) {
  return Keys{read_key(aes_file), read_key(hmac_file)};
}

std::string encrypt(const Keys& keys, std::string_view plain) {
  std::string out(1 + kNonceSize + plain.size() + kTagSize, '\0');
  out[0] = static_cast<char>(kKeyVersion);
  const std::string nonce = random_bytes(kNonceSize);
  out.replace(1, kNonceSize, nonce);
  CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  int len = 0;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(keys.aes), bytes(nonce)) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(out), 1) != 1 ||
      EVP_EncryptUpdate(ctx.get(), bytes(out) + 1 + kNonceSize, &len, bytes(plain),
                        static_cast<int>(plain.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), bytes(out) + 1 + kNonceSize + len, &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize,
                          bytes(out) + 1 + kNonceSize + plain.size()) != 1) {
    throw std::runtime_error("AES-256-GCM encryption failed");
  }
  return out;
}

std::optional<std::string> decrypt(const Keys& keys, std::string_view sealed) {
  if (sealed.size() < 1 + kNonceSize + kTagSize || static_cast<unsigned char>(sealed[0]) != kKeyVersion) {
    return std::nullopt;
  }
  const size_t n = sealed.size() - 1 - kNonceSize - kTagSize;
  std::string plain(n, '\0');
  std::string tag(sealed.substr(1 + kNonceSize + n));
  CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  int len = 0;
  if (!ctx ||
      EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(keys.aes), bytes(sealed) + 1) != 1 ||
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(sealed), 1) != 1 ||
      EVP_DecryptUpdate(ctx.get(), bytes(plain), &len, bytes(sealed) + 1 + kNonceSize, static_cast<int>(n)) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + len, &len) != 1) {
    return std::nullopt;
  }
  return plain;
}

std::string lookup_key(const Keys& keys, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), keys.hmac.data(), static_cast<int>(keys.hmac.size()), bytes(data), data.size(), digest,
       &len);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

void install(Keys keys) { installed() = std::move(keys); }

std::string encrypt(std::string_view plain) { return encrypt(installed_keys(), plain); }

std::string decrypt(std::string_view sealed) {
  auto plain = decrypt(installed_keys(), sealed);
  if (!plain) throw std::runtime_error("a 身分證字號 does not decrypt with the installed pii key");
  return *plain;
}

std::string lookup_key(std::string_view data) { return lookup_key(installed_keys(), data); }

}  // namespace core::pii
