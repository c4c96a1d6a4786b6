// RS256 key ring (core/jwt): JWS round trip, JWKS checked by an independent verifier, forged
// tokens (O23), rotation with an overlap window (F10), key files and the reloading cache.
#include "core/jwt.h"

#include <gtest/gtest.h>
#include <json/reader.h>
#include <json/writer.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/security.h"

namespace core::jwt {
namespace {

namespace fs = std::filesystem;

constexpr std::time_t kNow = 1767225600;  // 2026-01-01T00:00:00Z
constexpr int kHour = 3600;
constexpr int kDay = 24 * kHour;

class KeyRingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/jwt_test.XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string dir_;
};

Json::Value claims() {
  Json::Value c(Json::objectValue);
  c["iss"] = "https://inservice.example.tw";
  c["sub"] = "pairwise-abc";
  c["aud"] = "partner-1";
  c["iat"] = Json::Int64(kNow);
  c["exp"] = Json::Int64(kNow + 300);
  c["name"] = "王小明";
  return c;
}

std::string compact(const Json::Value& v) {
  Json::StreamWriterBuilder b;
  b["indentation"] = "";
  b["emitUTF8"] = true;
  return Json::writeString(b, v);
}

std::vector<std::string> split(const std::string& token) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t dot; (dot = token.find('.', start)) != std::string::npos; start = dot + 1) {
    parts.push_back(token.substr(start, dot - start));
  }
  parts.push_back(token.substr(start));
  return parts;
}

// Plain base64 decoding by OpenSSL, independent of the code under test.
std::string openssl_b64url_decode(std::string s) {
  for (char& c : s) c = c == '-' ? '+' : c == '_' ? '/' : c;
  size_t pad = 0;
  while ((s.size() + pad) % 4 != 0) ++pad;
  s.append(pad, '=');
  std::string out(s.size() / 4 * 3, '\0');
  const int n =
      EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(s.data()), static_cast<int>(s.size()));
  EXPECT_GE(n, 0);
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

// The public key a relying party would build from one JWK.
EVP_PKEY* public_key_from_jwk(const Json::Value& jwk) {
  const std::string n = openssl_b64url_decode(jwk["n"].asString());
  const std::string e = openssl_b64url_decode(jwk["e"].asString());
  BIGNUM* bn_n =
      BN_bin2bn(reinterpret_cast<const unsigned char*>(n.data()), int(n.size()), nullptr);
  BIGNUM* bn_e =
      BN_bin2bn(reinterpret_cast<const unsigned char*>(e.data()), int(e.size()), nullptr);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn_n);
  OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, bn_e);
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
  EVP_PKEY* key = nullptr;
  EXPECT_EQ(EVP_PKEY_fromdata_init(ctx), 1);
  EXPECT_EQ(EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params), 1);
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  BN_free(bn_n);
  BN_free(bn_e);
  return key;
}

bool openssl_verify(EVP_PKEY* key, const std::string& token) {
  const size_t dot = token.rfind('.');
  const std::string input = token.substr(0, dot);
  const std::string sig = openssl_b64url_decode(token.substr(dot + 1));
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  const bool ok =
      EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
      EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                       reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

std::string public_pem(EVP_PKEY* key) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(bio, key);
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<size_t>(len));
  BIO_free(bio);
  return pem;
}

int mode_of(const std::string& path) {
  struct stat st;
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 0777;
}

TEST(JwtBase64Url, DecodesStrictly) {
  EXPECT_EQ(base64url_decode_or_empty("Zm9v"), "foo");
  EXPECT_EQ(base64url_decode_or_empty("Zm8"), "fo");
  EXPECT_EQ(base64url_decode_or_empty("Zg"), "f");
  EXPECT_EQ(base64url_decode_or_empty("-_8"), "\xfb\xff");
  EXPECT_EQ(base64url_decode_or_empty("Zg=="), "");  // padding
  EXPECT_EQ(base64url_decode_or_empty("+/8"), "");   // plain base64 alphabet
  EXPECT_EQ(base64url_decode_or_empty("Zm 9v"), "");
  EXPECT_EQ(base64url_decode_or_empty("Zh"), "");     // stray low bits
  EXPECT_EQ(base64url_decode_or_empty("Zm9vY"), "");  // impossible length
  const std::string bytes("\x00\x01\xfe\xff ok", 6);
  EXPECT_EQ(base64url_decode_or_empty(base64url(bytes)), bytes);
}

TEST_F(KeyRingTest, SignThenVerifyRoundTrip) {
  ensure_key(dir_, kNow);
  const KeyRing ring = KeyRing::load(dir_, kNow);
  const std::string token = ring.sign(claims());
  const auto parts = split(token);
  ASSERT_EQ(parts.size(), 3u);

  Json::Value header;
  std::istringstream(base64url_decode_or_empty(parts[0])) >> header;
  EXPECT_EQ(header["alg"].asString(), "RS256");
  EXPECT_EQ(header["typ"].asString(), "JWT");
  EXPECT_EQ(header["kid"].asString(), ring.signing_kid());
  EXPECT_EQ(base64url_decode_or_empty(parts[1]), compact(claims()));

  const auto payload = ring.verify(token);
  ASSERT_TRUE(payload);
  EXPECT_EQ(*payload, claims());
  EXPECT_EQ((*payload)["name"].asString(), "王小明");
}

TEST_F(KeyRingTest, JwksVerifiesWithAnIndependentlyBuiltKey) {
  ensure_key(dir_, kNow);
  const KeyRing ring = KeyRing::load(dir_, kNow);
  const Json::Value jwks = ring.jwks();
  ASSERT_EQ(jwks["keys"].size(), 1u);
  const Json::Value& jwk = jwks["keys"][0];
  EXPECT_EQ(jwk["kty"].asString(), "RSA");
  EXPECT_EQ(jwk["use"].asString(), "sig");
  EXPECT_EQ(jwk["alg"].asString(), "RS256");
  EXPECT_EQ(jwk["kid"].asString(), ring.signing_kid());
  EXPECT_EQ(jwk["e"].asString(), "AQAB");  // 65537
  const std::string n = openssl_b64url_decode(jwk["n"].asString());
  EXPECT_EQ(n.size(), 256u);  // 2048 bits, no leading zero byte
  EXPECT_NE(n[0], '\0');
  EXPECT_EQ(jwk["n"].asString().find('='), std::string::npos);

  EVP_PKEY* key = public_key_from_jwk(jwk);
  ASSERT_NE(key, nullptr);
  const std::string token = ring.sign(claims());
  EXPECT_TRUE(openssl_verify(key, token));
  EXPECT_FALSE(openssl_verify(key, token.substr(0, token.size() - 2) + "AA"));
  EVP_PKEY_free(key);
}

TEST_F(KeyRingTest, RefusesATamperedPayload) {
  ensure_key(dir_, kNow);
  const KeyRing ring = KeyRing::load(dir_, kNow);
  const auto parts = split(ring.sign(claims()));
  Json::Value forged = claims();
  forged["sub"] = "someone-else";
  EXPECT_FALSE(ring.verify(parts[0] + "." + base64url(compact(forged)) + "." + parts[2]));
  // The same claims re-encoded with a space are different bytes: still refused.
  EXPECT_FALSE(ring.verify(parts[0] + "." + base64url(compact(claims()) + " ") + "." + parts[2]));
  EXPECT_FALSE(ring.verify(parts[0] + "." + parts[1] + "." + parts[2] + "."));
  EXPECT_FALSE(ring.verify(parts[0] + "." + parts[1]));
  EXPECT_FALSE(ring.verify(parts[0] + "." + parts[1] + "."));
  EXPECT_FALSE(ring.verify(""));
}

TEST_F(KeyRingTest, RefusesAlgNone) {
  ensure_key(dir_, kNow);
  const KeyRing ring = KeyRing::load(dir_, kNow);
  const auto parts = split(ring.sign(claims()));
  for (const char* alg : {"none", "None", "NONE"}) {
    Json::Value header(Json::objectValue);
    header["alg"] = alg;
    header["typ"] = "JWT";
    header["kid"] = ring.signing_kid();
    const std::string h = base64url(compact(header));
    EXPECT_FALSE(ring.verify(h + "." + parts[1] + ".")) << alg;
    EXPECT_FALSE(ring.verify(h + "." + parts[1] + "." + parts[2])) << alg;
  }
}

// The classic key-confusion attack: HS256 keyed with the public key everyone can fetch (O23).
TEST_F(KeyRingTest, RefusesHs256SignedWithThePublicKey) {
  ensure_key(dir_, kNow);
  const KeyRing ring = KeyRing::load(dir_, kNow);
  EVP_PKEY* pub = public_key_from_jwk(ring.jwks()["keys"][0]);
  ASSERT_NE(pub, nullptr);
  const std::string pem = public_pem(pub);
  EVP_PKEY_free(pub);
  ASSERT_NE(pem.find("BEGIN PUBLIC KEY"), std::string::npos);

  Json::Value header(Json::objectValue);
  header["alg"] = "HS256";
  header["typ"] = "JWT";
  header["kid"] = ring.signing_kid();
  const std::string input = base64url(compact(header)) + "." + base64url(compact(claims()));
  EXPECT_FALSE(ring.verify(input + "." + hmac_sha256_b64(pem, input)));
  EXPECT_FALSE(ring.verify(input + "." + hmac_sha256_b64(ring.jwks().toStyledString(), input)));
}

TEST_F(KeyRingTest, RefusesUnknownOrMissingKid) {
  ensure_key(dir_, kNow);
  const KeyRing ring = KeyRing::load(dir_, kNow);

  const std::string other_dir = dir_ + "/other";
  ensure_key(other_dir, kNow);
  const KeyRing other = KeyRing::load(other_dir, kNow);
  EXPECT_FALSE(ring.verify(other.sign(claims())));

  const auto parts = split(ring.sign(claims()));
  for (const Json::Value& kid : {Json::Value("no-such-key"), Json::Value(""), Json::Value(1),
                                 Json::Value(Json::nullValue)}) {
    Json::Value header(Json::objectValue);
    header["alg"] = "RS256";
    header["typ"] = "JWT";
    if (!kid.isNull()) header["kid"] = kid;
    EXPECT_FALSE(ring.verify(base64url(compact(header)) + "." + parts[1] + "." + parts[2]))
        << kid.toStyledString();
  }
}

TEST_F(KeyRingTest, RotationPublishesOldAndNewUntilTheOverlapEnds) {
  ensure_key(dir_, kNow);
  const KeyRing before = KeyRing::load(dir_, kNow);
  const std::string old_kid = before.signing_kid();
  const std::string old_token = before.sign(claims());

  const std::time_t rotated_at = kNow + kHour;
  rotate(dir_, rotated_at, 2 * kHour);
  const std::time_t retire_at = rotated_at + 2 * kHour;

  const KeyRing during = KeyRing::load(dir_, rotated_at + 60);
  EXPECT_NE(during.signing_kid(), old_kid);
  const Json::Value keys = during.jwks()["keys"];
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0]["kid"].asString(), during.signing_kid());
  EXPECT_EQ(keys[1]["kid"].asString(), old_kid);
  EXPECT_TRUE(during.verify(old_token));
  const std::string new_token = during.sign(claims());
  EXPECT_TRUE(during.verify(new_token));
  EXPECT_EQ(during.next_retirement(), retire_at);

  const KeyRing after = KeyRing::load(dir_, retire_at + 1);
  EXPECT_EQ(after.signing_kid(), during.signing_kid());
  EXPECT_FALSE(after.verify(old_token));
  EXPECT_TRUE(after.verify(new_token));
  ASSERT_EQ(after.jwks()["keys"].size(), 1u);
  EXPECT_EQ(after.jwks()["keys"][0]["kid"].asString(), during.signing_kid());
  // Retired exactly at retire_at, not a second later.
  EXPECT_EQ(KeyRing::load(dir_, retire_at).jwks()["keys"].size(), 1u);

  // The retired key's files stay a day after its retirement, then the next rotation deletes them.
  EXPECT_TRUE(fs::exists(dir_ + "/" + old_kid + ".pem"));
  rotate(dir_, retire_at + kDay + 1, kHour);
  EXPECT_FALSE(fs::exists(dir_ + "/" + old_kid + ".pem"));
  EXPECT_FALSE(fs::exists(dir_ + "/" + old_kid + ".json"));
  EXPECT_EQ(list_keys(dir_).size(), 2u);
}

TEST_F(KeyRingTest, EnsureKeyIsIdempotentAndKeepsFilesPrivate) {
  const std::string keys = dir_ + "/secrets/oidc";
  ensure_key(keys, kNow);
  const auto first = list_keys(keys);
  ASSERT_EQ(first.size(), 1u);
  ensure_key(keys, kNow + kDay);
  const auto second = list_keys(keys);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].kid, first[0].kid);
  EXPECT_EQ(second[0].created, kNow);
  EXPECT_FALSE(second[0].retire_at);
  EXPECT_EQ(first[0].kid.substr(0, 9), "20260101-");
  EXPECT_EQ(first[0].kid.size(), 17u);

  EXPECT_EQ(mode_of(keys), 0700);
  EXPECT_EQ(mode_of(keys + "/" + first[0].kid + ".pem"), 0600);
  EXPECT_EQ(mode_of(keys + "/" + first[0].kid + ".json"), 0600);
  std::ifstream pem(keys + "/" + first[0].kid + ".pem");
  std::string line;
  std::getline(pem, line);
  EXPECT_EQ(line, "-----BEGIN PRIVATE KEY-----");  // PKCS#8
  for (const auto& entry : fs::directory_iterator(keys)) {
    EXPECT_NE(entry.path().filename().string()[0], '.') << "temporary file left behind";
  }

  // A directory left too open is closed again; one whose keys all retire gets a new signer.
  ASSERT_EQ(::chmod(keys.c_str(), 0755), 0);
  const std::string kid = first[0].kid;
  std::ofstream(keys + "/" + kid + ".json") << R"({"kid":")" << kid << R"(","created":)" << kNow
                                            << R"(,"retire_at":)" << kNow + kDay << "}";
  ensure_key(keys, kNow + kHour);
  EXPECT_EQ(mode_of(keys), 0700);
  EXPECT_EQ(list_keys(keys).size(), 2u);
  const KeyRing ring = KeyRing::load(keys, kNow + kHour);
  EXPECT_NE(ring.signing_kid(), kid);
  EXPECT_EQ(ring.jwks()["keys"].size(), 2u);
}

TEST_F(KeyRingTest, LoadRefusesAnEmptyOrBrokenDirectory) {
  try {
    KeyRing::load(dir_, kNow);
    FAIL() << "loaded an empty directory";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("no active RS256 signing key"), std::string::npos);
  }
  EXPECT_THROW(KeyRing::load(dir_ + "/missing", kNow), std::runtime_error);

  const std::string kid = create_key(dir_, kNow);
  ASSERT_NO_THROW(KeyRing::load(dir_, kNow));
  std::ofstream(dir_ + "/" + kid + ".json") << R"({"kid":"another","created":1,"retire_at":null})";
  EXPECT_THROW(KeyRing::load(dir_, kNow), std::runtime_error);
  std::ofstream(dir_ + "/" + kid + ".json")
      << R"({"kid":")" << kid << R"(","created":1,"retire_at":null})";
  std::ofstream(dir_ + "/" + kid + ".pem")
      << "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
  EXPECT_THROW(KeyRing::load(dir_, kNow), std::runtime_error);
}

TEST_F(KeyRingTest, RefusesKeysShorterThan2048Bits) {
  EVP_PKEY* small = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(1024));
  ASSERT_NE(small, nullptr);
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(bio, small, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio, &data);
  std::ofstream(dir_ + "/small.pem") << std::string(data, static_cast<size_t>(len));
  BIO_free(bio);
  EVP_PKEY_free(small);
  std::ofstream(dir_ + "/small.json") << R"({"kid":"small","created":1,"retire_at":null})";
  EXPECT_THROW(KeyRing::load(dir_, kNow), std::runtime_error);
}

// Uses the real clock: the cache looks at the directory at most every 2 s.
TEST_F(KeyRingTest, CacheFollowsRotationAndKeepsServingThroughABrokenReload) {
  const std::time_t now = std::time(nullptr);
  ensure_key(dir_, now);
  KeyRingCache cache(dir_);
  const auto first = cache.current();
  rotate(dir_, now, kHour);
  EXPECT_EQ(cache.current(), first);  // not looked at again yet

  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  const auto second = cache.current();
  EXPECT_NE(second->signing_kid(), first->signing_kid());
  EXPECT_EQ(second->jwks()["keys"].size(), 2u);

  std::ofstream(dir_ + "/" + second->signing_kid() + ".json") << "{broken";
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  const auto third = cache.current();
  EXPECT_EQ(third->signing_kid(), second->signing_kid());
  EXPECT_TRUE(third->verify(second->sign(claims())));
}

}  // namespace
}  // namespace core::jwt
