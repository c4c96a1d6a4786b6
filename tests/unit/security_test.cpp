// Tokens, hashes, comparison and Argon2id passwords (core/security).
#include "core/security.h"

#include <gtest/gtest.h>

namespace core {
namespace {

TEST(RandomToken, Is256BitsOfBase64Url) {
  const std::string a = random_token();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_NE(a, random_token());
}

TEST(Base64Url, EncodesWithoutPadding) {
  EXPECT_EQ(base64url("f"), "Zg");
  EXPECT_EQ(base64url("fo"), "Zm8");
  EXPECT_EQ(base64url("foo"), "Zm9v");
  EXPECT_EQ(base64url("\xfb\xff"), "-_8");
}

TEST(Base64Decode, DecodesPaddedInput) {
  EXPECT_EQ(base64_decode("ZHJlYW0tbjpkcmVhbS1uLXNlY3JldA=="), "dream-n:dream-n-secret");
  EXPECT_EQ(base64_decode("Zm9v"), "foo");
  EXPECT_EQ(base64_decode("Zm8="), "fo");
}

TEST(Base64Decode, RefusesBadCharactersAndLengths) {
  EXPECT_FALSE(base64_decode("Zm9"));
  EXPECT_FALSE(base64_decode("Zm9-"));
  EXPECT_FALSE(base64_decode("Z==="));
  EXPECT_FALSE(base64_decode("Zm==Zm9v"));
}

TEST(Sha256Hex, MatchesTheKnownDigest) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ConstantTimeEqual, ComparesLengthAndContent) {
  EXPECT_TRUE(constant_time_equal("token", "token"));
  EXPECT_FALSE(constant_time_equal("token", "tokem"));
  EXPECT_FALSE(constant_time_equal("token", "token2"));
  EXPECT_FALSE(constant_time_equal("", "x"));
}

TEST(HmacSha256, DependsOnKeyAndMessage) {
  EXPECT_EQ(hmac_sha256_b64("k", "m"), hmac_sha256_b64("k", "m"));
  EXPECT_NE(hmac_sha256_b64("k", "m"), hmac_sha256_b64("k2", "m"));
  EXPECT_NE(hmac_sha256_b64("k", "m"), hmac_sha256_b64("k", "m2"));
}

TEST(Passwords, VerifyOnlyTheRightPassword) {
  const std::string hash = hash_password("inservice-demo");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(hash, "inservice-demo"));
  EXPECT_FALSE(verify_password(hash, "inservice-dem0"));
  EXPECT_FALSE(verify_password("plain-text", "plain-text"));
}

TEST(Passwords, SaltEachHash) { EXPECT_NE(hash_password("same"), hash_password("same")); }

}  // namespace
}  // namespace core
