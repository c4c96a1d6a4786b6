// RS256 key ring, JWS and JWKS over OpenSSL 3's EVP interface; key files and rotation.
#include "core/jwt.h"

#include <fcntl.h>
#include <json/reader.h>
#include <json/writer.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "core/disk_files.h"
#include "core/json.h"
#include "core/log.h"
#include "core/security.h"

namespace core::jwt {

namespace {
namespace fs = std::filesystem;

constexpr int kMinRsaBits = 2048;
constexpr size_t kMaxTokenBytes = 16 * 1024;
constexpr std::time_t kKeepRetiredSeconds = 24 * 60 * 60;
constexpr auto kCheckEvery = std::chrono::seconds(2);

using PkeyPtr = std::shared_ptr<EVP_PKEY>;

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct BnFree {
  void operator()(BIGNUM* n) const { BN_free(n); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;

// The reason OpenSSL left in its error queue, which is emptied so no later caller sees it.
std::string openssl_error() {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "unknown OpenSSL error";
  char buf[256];
  ERR_error_string_n(code, buf, sizeof buf);
  return buf;
}

std::string errno_text() { return std::strerror(errno); }

std::optional<Json::Value> parse_json(std::string_view text) {
  static const Json::CharReaderBuilder kReader = [] {
    Json::CharReaderBuilder b;
    Json::CharReaderBuilder::strictMode(&b.settings_);
    return b;
  }();
  const std::unique_ptr<Json::CharReader> reader(kReader.newCharReader());
  Json::Value value;
  std::string errors;
  if (!reader->parse(text.data(), text.data() + text.size(), &value, &errors)) return std::nullopt;
  return value;
}

// Kids become file names: a short run of base64url characters, nothing that walks the tree.
bool valid_kid(std::string_view kid) {
  if (kid.empty() || kid.size() > 64) return false;
  for (const char c : kid) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

KeyInfo parse_info(const std::string& text, const std::string& kid, const std::string& path) {
  const auto json = parse_json(text);
  if (!json || !json->isObject()) throw std::runtime_error(path + ": not a JSON object");
  const Json::Value& k = (*json)["kid"];
  const Json::Value& created = (*json)["created"];
  const Json::Value& retire = (*json)["retire_at"];
  if (!k.isString() || k.asString() != kid) {
    throw std::runtime_error(path + ": \"kid\" must be \"" + kid + "\", the file's name");
  }
  if (!created.isInt64()) throw std::runtime_error(path + ": \"created\" must be an epoch second");
  if (!retire.isNull() && !retire.isInt64()) {
    throw std::runtime_error(path + ": \"retire_at\" must be an epoch second or null");
  }
  KeyInfo info;
  info.kid = kid;
  info.created = static_cast<std::time_t>(created.asInt64());
  if (!retire.isNull()) info.retire_at = static_cast<std::time_t>(retire.asInt64());
  return info;
}

std::string info_json(const KeyInfo& info) {
  Json::Value v(Json::objectValue);
  v["kid"] = info.kid;
  v["created"] = Json::Int64(info.created);
  v["retire_at"] = info.retire_at ? Json::Value(Json::Int64(*info.retire_at)) : Json::Value();
  Json::StreamWriterBuilder b;
  b["indentation"] = "  ";
  return Json::writeString(b, v) + "\n";
}

// Encrypted keys are refused rather than prompting for a passphrase on the terminal.
int no_passphrase(char*, int, int, void*) { return 0; }

PkeyPtr parse_private_key(const std::string& pem, const std::string& path) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) throw std::runtime_error(path + ": " + openssl_error());
  EVP_PKEY* raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr);
  if (!raw)
    throw std::runtime_error(path + ": not an unencrypted PEM private key: " + openssl_error());
  PkeyPtr key(raw, EVP_PKEY_free);
  if (!EVP_PKEY_is_a(raw, "RSA")) throw std::runtime_error(path + ": not an RSA key");
  if (EVP_PKEY_get_bits(raw) < kMinRsaBits) {
    throw std::runtime_error(path + ": RSA key shorter than 2048 bits");
  }
  return key;
}

// A big-endian unsigned integer parameter without leading zero bytes, base64url (RFC 7518 §6.3.1).
std::string bn_param_b64(EVP_PKEY* key, const char* name) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) {
    throw std::runtime_error(std::string("RSA parameter ") + name + ": " + openssl_error());
  }
  const BnPtr bn(raw);
  std::string bytes(static_cast<size_t>(BN_num_bytes(raw)), '\0');
  BN_bn2bin(raw, reinterpret_cast<unsigned char*>(bytes.data()));
  return base64url(bytes);
}

std::string rs256_sign(EVP_PKEY* key, std::string_view data) {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  size_t len = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(data.data());
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &len, in, data.size()) != 1) {
    throw std::runtime_error("RS256 signing failed: " + openssl_error());
  }
  std::string sig(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, in,
                     data.size()) != 1) {
    throw std::runtime_error("RS256 signing failed: " + openssl_error());
  }
  sig.resize(len);
  return sig;
}

bool rs256_verify(EVP_PKEY* key, std::string_view data, std::string_view sig) {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  const bool ok =
      ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                       reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
  ERR_clear_error();
  return ok;
}

std::string new_kid(std::time_t now) {
  std::tm tm{};
  gmtime_r(&now, &tm);
  char date[16];
  std::strftime(date, sizeof date, "%Y%m%d", &tm);
  unsigned char random[6];  // 6 bytes are 8 base64url characters
  if (RAND_bytes(random, sizeof random) != 1) throw std::runtime_error("RAND_bytes failed");
  return std::string(date) + "-" +
         base64url(std::string_view(reinterpret_cast<const char*>(random), sizeof random));
}

std::string private_key_pem(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  // PEM_write_bio_PrivateKey writes PKCS#8 ("BEGIN PRIVATE KEY") in OpenSSL 3.
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    throw std::runtime_error("cannot encode the new key: " + openssl_error());
  }
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  std::string pem(data, static_cast<size_t>(len));
  OPENSSL_cleanse(data, static_cast<size_t>(len));
  return pem;
}

bool newer(const KeyInfo& a, const KeyInfo& b) {
  return a.created != b.created ? a.created > b.created : a.kid > b.kid;
}
}  // namespace

std::string base64url_decode_or_empty(std::string_view text) {
  if (text.size() % 4 == 1) return {};
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (const char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '-')
      v = 62;
    else if (c == '_')
      v = 63;
    else
      return {};
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  // The bits left over must be zero, so each byte string has exactly one encoding.
  if ((acc & ((1u << bits) - 1)) != 0) return {};
  return out;
}

// KeyRing

KeyRing KeyRing::load(const std::string& dir, std::time_t now) {
  KeyRing ring;
  for (KeyInfo& info : list_keys(dir)) {
    if (info.retire_at && *info.retire_at <= now) continue;
    const std::string path = path_in(dir, info.kid + ".pem");
    const auto pem = read_file(path);
    if (!pem) continue;  // its .json without the .pem: a pair being deleted
    Key key;
    key.pkey = parse_private_key(*pem, path);
    key.n = bn_param_b64(key.pkey.get(), OSSL_PKEY_PARAM_RSA_N);
    key.e = bn_param_b64(key.pkey.get(), OSSL_PKEY_PARAM_RSA_E);
    key.info = std::move(info);
    ring.keys_.push_back(std::move(key));
  }
  std::sort(ring.keys_.begin(), ring.keys_.end(),
            [](const Key& a, const Key& b) { return newer(a.info, b.info); });
  for (const Key& k : ring.keys_) {
    if (!k.info.retire_at) {
      ring.signing_kid_ = k.info.kid;
      break;
    }
  }
  if (ring.signing_kid_.empty()) {
    throw std::runtime_error("no active RS256 signing key in " + dir +
                             " (create one: portal-tool keys ensure " + dir + ")");
  }
  return ring;
}

std::vector<KeyInfo> KeyRing::keys() const {
  std::vector<KeyInfo> out;
  out.push_back(find(signing_kid_)->info);
  for (const Key& k : keys_) {
    if (k.info.kid != signing_kid_) out.push_back(k.info);
  }
  return out;
}

const KeyRing::Key* KeyRing::find(std::string_view kid) const {
  for (const Key& k : keys_) {
    if (k.info.kid == kid) return &k;
  }
  return nullptr;
}

std::string KeyRing::sign(const Json::Value& claims) const {
  if (!claims.isObject()) throw std::invalid_argument("JWT claims must be a JSON object");
  Json::Value header(Json::objectValue);
  header["alg"] = "RS256";
  header["typ"] = "JWT";
  header["kid"] = signing_kid_;
  const std::string input = base64url(json::compact(header)) + "." +
                            base64url(json::compact(claims));
  return input + "." + base64url(rs256_sign(find(signing_kid_)->pkey.get(), input));
}

Json::Value KeyRing::jwks() const {
  Json::Value keys(Json::arrayValue);
  for (const KeyInfo& info : this->keys()) {
    const Key* k = find(info.kid);
    Json::Value jwk(Json::objectValue);
    jwk["kty"] = "RSA";
    jwk["use"] = "sig";
    jwk["alg"] = "RS256";
    jwk["kid"] = k->info.kid;
    jwk["n"] = k->n;
    jwk["e"] = k->e;
    keys.append(jwk);
  }
  Json::Value out(Json::objectValue);
  out["keys"] = keys;
  return out;
}

std::optional<Json::Value> KeyRing::verify(std::string_view token) const {
  if (token.size() > kMaxTokenBytes) return std::nullopt;
  const size_t dot1 = token.find('.');
  if (dot1 == std::string_view::npos) return std::nullopt;
  const size_t dot2 = token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view header_b64 = token.substr(0, dot1);
  const std::string_view payload_b64 = token.substr(dot1 + 1, dot2 - dot1 - 1);
  const std::string_view sig_b64 = token.substr(dot2 + 1);

  // The algorithm is fixed here, never taken from the token: "none", HS256 keyed with the public
  // key and every other choice an attacker could write into the header are refused.
  const auto header = parse_json(base64url_decode_or_empty(header_b64));
  if (!header || !header->isObject()) return std::nullopt;
  const Json::Value& alg = (*header)["alg"];
  const Json::Value& kid = (*header)["kid"];
  if (!alg.isString() || alg.asString() != "RS256") return std::nullopt;
  if (!kid.isString()) return std::nullopt;
  if (header->isMember("crit"))
    return std::nullopt;  // no extension is understood (RFC 7515 §4.1.11)
  const Key* key = find(kid.asString());
  if (!key) return std::nullopt;

  const std::string sig = base64url_decode_or_empty(sig_b64);
  if (sig.empty()) return std::nullopt;
  if (!rs256_verify(key->pkey.get(), token.substr(0, dot2), sig)) return std::nullopt;

  auto payload = parse_json(base64url_decode_or_empty(payload_b64));
  if (!payload || !payload->isObject()) return std::nullopt;
  return payload;
}

std::optional<std::time_t> KeyRing::next_retirement() const {
  std::optional<std::time_t> first;
  for (const Key& k : keys_) {
    if (k.info.retire_at && (!first || *k.info.retire_at < *first)) first = k.info.retire_at;
  }
  return first;
}

KeyRing KeyRing::without_retired(std::time_t now) const {
  KeyRing ring;
  ring.signing_kid_ = signing_kid_;  // active, so never retired
  for (const Key& k : keys_) {
    if (!k.info.retire_at || *k.info.retire_at > now) ring.keys_.push_back(k);
  }
  return ring;
}

// KeyRingCache

KeyRingCache::KeyRingCache(std::string dir) : dir_(std::move(dir)) {
  stamp_ = stamp();
  ring_ = std::make_shared<const KeyRing>(KeyRing::load(dir_, std::time(nullptr)));
  checked_at_ = std::chrono::steady_clock::now();
}

std::shared_ptr<const KeyRing> KeyRingCache::current() {
  const std::lock_guard<std::mutex> lock(mutex_);
  const std::time_t now = std::time(nullptr);
  const auto retire = ring_->next_retirement();
  const auto steady_now = std::chrono::steady_clock::now();
  if (retire && *retire <= now) {
    checked_at_ = steady_now;
    reload(now, stamp());
  } else if (steady_now - checked_at_ >= kCheckEvery) {
    checked_at_ = steady_now;
    std::vector<FileStamp> files = stamp();
    if (files != stamp_) reload(now, std::move(files));
  }
  return ring_;
}

// The directory itself (name "") and every file in it but temporary ones, by name.
std::vector<KeyRingCache::FileStamp> KeyRingCache::stamp() const {
  std::vector<FileStamp> out;
  struct stat st;
  if (::stat(dir_.c_str(), &st) != 0) return out;
  auto ns = [](const struct stat& s) {
    return static_cast<long long>(s.st_mtim.tv_sec) * 1000000000LL + s.st_mtim.tv_nsec;
  };
  out.push_back({"", ns(st), static_cast<long long>(st.st_size)});
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    if (::stat(entry.path().c_str(), &st) != 0) continue;
    out.push_back({name, ns(st), static_cast<long long>(st.st_size)});
  }
  std::sort(out.begin(), out.end(),
            [](const FileStamp& a, const FileStamp& b) { return a.name < b.name; });
  return out;
}

// The stamp is kept even when loading fails, so a broken directory is logged once per change
// rather than every two seconds.
void KeyRingCache::reload(std::time_t now, std::vector<FileStamp> files) {
  stamp_ = std::move(files);
  try {
    ring_ = std::make_shared<const KeyRing>(KeyRing::load(dir_, now));
  } catch (const std::exception& e) {
    log_error("keys", "reloading the signing keys failed, keeping the previous ones: " +
                          std::string(e.what()));
    ring_ = std::make_shared<const KeyRing>(ring_->without_retired(now));
  }
}

// Key files

std::vector<KeyInfo> list_keys(const std::string& dir) {
  std::vector<KeyInfo> out;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) throw std::runtime_error(dir + ": " + ec.message());
  for (const auto& entry : it) {
    const fs::path& p = entry.path();
    const std::string kid = p.stem().string();
    if (p.extension() != ".json" || !valid_kid(kid)) continue;
    const auto text = read_file(p.string());
    if (!text) continue;  // deleted meanwhile
    out.push_back(parse_info(*text, kid, p.string()));
  }
  std::sort(out.begin(), out.end(), [](const KeyInfo& a, const KeyInfo& b) { return newer(b, a); });
  return out;
}

std::string create_key(const std::string& dir, std::time_t now) {
  EVP_PKEY* raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(kMinRsaBits));
  if (!raw) throw std::runtime_error("RSA key generation failed: " + openssl_error());
  const PkeyPtr key(raw, EVP_PKEY_free);

  std::string kid = new_kid(now);
  for (int tries = 0;
       fs::exists(path_in(dir, kid + ".pem")) || fs::exists(path_in(dir, kid + ".json")); ++tries) {
    if (tries == 10) throw std::runtime_error(dir + ": cannot find an unused kid");
    kid = new_kid(now);
  }
  std::string pem = private_key_pem(key.get());
  // The .pem first: the loader takes a key only once its .json is there as well.
  try {
    write_file_atomically(dir, kid + ".pem", pem);
  } catch (...) {
    OPENSSL_cleanse(pem.data(), pem.size());
    throw;
  }
  OPENSSL_cleanse(pem.data(), pem.size());
  KeyInfo info;
  info.kid = kid;
  info.created = now;
  write_file_atomically(dir, kid + ".json", info_json(info));
  return kid;
}

void rotate(const std::string& dir, std::time_t now, int overlap_seconds) {
  if (overlap_seconds < 0) throw std::invalid_argument("the overlap must not be negative");
  const std::vector<KeyInfo> before = list_keys(dir);
  // The new key exists before any old one is retired, so the directory always has a signer.
  create_key(dir, now);
  for (KeyInfo info : before) {
    if (info.retire_at) continue;
    info.retire_at = now + overlap_seconds;
    write_file_atomically(dir, info.kid + ".json", info_json(info));
  }
  for (const KeyInfo& info : before) {
    if (!info.retire_at || *info.retire_at + kKeepRetiredSeconds >= now) continue;
    std::error_code ec;
    fs::remove(path_in(dir, info.kid + ".pem"), ec);  // the secret first
    if (ec) throw std::runtime_error(path_in(dir, info.kid + ".pem") + ": " + ec.message());
    fs::remove(path_in(dir, info.kid + ".json"), ec);
    if (ec) throw std::runtime_error(path_in(dir, info.kid + ".json") + ": " + ec.message());
  }
  fsync_dir(dir);
}

void ensure_key(const std::string& dir, std::time_t now) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error(dir + ": " + ec.message());
  if (!fs::is_directory(dir)) throw std::runtime_error(dir + ": not a directory");
  // 0700 also when the directory was already there, perhaps made by hand or chmod-ed too widely.
  if (::chmod(dir.c_str(), 0700) != 0) throw std::runtime_error(dir + ": chmod: " + errno_text());

  bool active = false;
  for (const KeyInfo& info : list_keys(dir)) {
    if (!info.retire_at && fs::exists(path_in(dir, info.kid + ".pem"))) active = true;
  }
  if (!active) create_key(dir, now);
  KeyRing::load(dir, now);
}

}  // namespace core::jwt
