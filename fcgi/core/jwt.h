// RS256 signing keys of the OpenID provider: a key ring read from a directory of <kid>.pem +
// <kid>.json pairs, compact JWS signing and verification, the JWKS, and key rotation.
#pragma once

#include <json/value.h>

#include <chrono>
#include <ctime>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct evp_pkey_st;  // OpenSSL's EVP_PKEY, kept out of this header

namespace core::jwt {

// Strict base64url (RFC 7515 §2): no padding, no whitespace, no other alphabet, no stray bits.
// Empty on any of those (an empty input also decodes to empty).
std::string base64url_decode_or_empty(std::string_view text);

// What <kid>.json says about a key.
struct KeyInfo {
  std::string kid;
  std::time_t created = 0;
  std::optional<std::time_t> retire_at;  // none: active; set: published until then, never signs
};

// The keys usable at one moment; immutable once loaded, so it is shared between threads.
class KeyRing {
 public:
  // Reads every <kid>.pem (PKCS#8 RSA ≥ 2048 bits) that has its <kid>.json, skipping keys retired
  // at or before `now` and pairs still being written. Throws std::runtime_error on a malformed
  // file or when no active key (one without retire_at) is left.
  static KeyRing load(const std::string& dir, std::time_t now);

  // The newest active key; the only one that signs.
  const std::string& signing_kid() const { return signing_kid_; }
  std::vector<KeyInfo> keys() const;  // signing key first

  // Compact JWS, header {"alg":"RS256","kid":…,"typ":"JWT"}, RSASSA-PKCS1-v1_5 with SHA-256.
  std::string sign(const Json::Value& claims) const;

  // {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":…,"n":…,"e":…}, …]}, every loaded key.
  Json::Value jwks() const;

  // The payload (a JSON object) only when the header says exactly RS256, its kid is in this ring
  // and the signature holds. Expiry, issuer and audience are the caller's to check.
  std::optional<Json::Value> verify(std::string_view token) const;

  // The earliest retire_at among the loaded keys: when this ring goes stale.
  std::optional<std::time_t> next_retirement() const;

 private:
  friend class KeyRingCache;
  struct Key {
    KeyInfo info;
    std::shared_ptr<evp_pkey_st> pkey;
    std::string n, e;  // base64url, for the JWKS
  };
  KeyRing() = default;
  const Key* find(std::string_view kid) const;
  KeyRing without_retired(std::time_t now) const;

  std::vector<Key> keys_;
  std::string signing_kid_;
};

// The current ring of one directory for the server's threads. Re-reads the directory when a file
// in it changed (looked at most every 2 s) or a key's retire_at has passed; if re-reading fails it
// logs and keeps the previous ring, minus keys that have retired meanwhile.
class KeyRingCache {
 public:
  // Loads once at construction, so a missing or broken key directory stops the server at start.
  explicit KeyRingCache(std::string dir);
  std::shared_ptr<const KeyRing> current();

 private:
  struct FileStamp {
    std::string name;
    long long mtime_ns;
    long long size;
    bool operator==(const FileStamp& o) const {
      return name == o.name && mtime_ns == o.mtime_ns && size == o.size;
    }
  };
  std::vector<FileStamp> stamp() const;
  void reload(std::time_t now, std::vector<FileStamp> stamp);

  const std::string dir_;
  std::mutex mutex_;
  std::shared_ptr<const KeyRing> ring_;
  std::vector<FileStamp> stamp_;
  std::chrono::steady_clock::time_point checked_at_;
};

// Every <kid>.json in the directory (retired keys included), oldest first. Throws on a bad file.
std::vector<KeyInfo> list_keys(const std::string& dir);

// A new RSA 2048 key, kid yyyymmdd-<8 random base64url characters> (UTC date of `now`), written as
// <kid>.pem (mode 0600) then <kid>.json, each to a temporary file renamed into place. Returns kid.
std::string create_key(const std::string& dir, std::time_t now);

// Creates a key that signs from now on and gives every other active key retire_at = now +
// overlap_seconds, so the JWKS publishes old and new during the overlap; then deletes the files of
// keys retired more than one day ago.
void rotate(const std::string& dir, std::time_t now, int overlap_seconds);

// Creates the directory (0700, also restored if looser) and a key, unless it already has an active
// key; then loads the ring, so a broken key file is reported here rather than by the server.
void ensure_key(const std::string& dir, std::time_t now);

}  // namespace core::jwt
