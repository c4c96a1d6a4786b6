// core/pii: AES-256-GCM sealing of 身分證字號 and the HMAC lookup key.
#include "core/pii.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>

namespace {

using core::pii::Keys;

Keys test_keys() { return Keys{std::string(32, '\x11'), std::string(32, '\x22')}; }

TEST(Pii, RoundTrip) {
  const Keys keys = test_keys();
  const std::string sealed = core::pii::encrypt(keys, "A123456789");
  EXPECT_EQ(sealed.size(), 1u + 12 + 10 + 16);
  EXPECT_EQ(static_cast<unsigned char>(sealed[0]), core::pii::kKeyVersion);
  EXPECT_EQ(sealed.find("A123456789"), std::string::npos);
  EXPECT_EQ(core::pii::decrypt(keys, sealed), "A123456789");
}

TEST(Pii, DifferentNonceEachTime) {
  const Keys keys = test_keys();
  const std::string a = core::pii::encrypt(keys, "A123456789");
  const std::string b = core::pii::encrypt(keys, "A123456789");
  EXPECT_NE(a.substr(1, 12), b.substr(1, 12));
  EXPECT_NE(a, b);
}

TEST(Pii, TamperedValueRefused) {
  const Keys keys = test_keys();
  const std::string sealed = core::pii::encrypt(keys, "A123456789");
  for (size_t i = 0; i < sealed.size(); ++i) {
    std::string bad = sealed;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    EXPECT_EQ(core::pii::decrypt(keys, bad), std::nullopt) << "flipped byte " << i;
  }
  EXPECT_EQ(core::pii::decrypt(keys, sealed.substr(0, sealed.size() - 1)), std::nullopt);
  EXPECT_EQ(core::pii::decrypt(keys, ""), std::nullopt);
  EXPECT_EQ(core::pii::decrypt(keys, "A123456789"), std::nullopt);
}

TEST(Pii, OtherKeyRefused) {
  Keys other = test_keys();
  other.aes[0] = '\x12';
  EXPECT_EQ(core::pii::decrypt(other, core::pii::encrypt(test_keys(), "A123456789")), std::nullopt);
}

TEST(Pii, LookupKeyIsHmacSha256Hex) {
  // RFC 4231 test case 2.
  const Keys keys{std::string(32, '\0'), "Jefe"};
  EXPECT_EQ(core::pii::lookup_key(keys, "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_NE(core::pii::lookup_key(test_keys(), "A123456789"), core::pii::lookup_key(test_keys(), "A123456788"));
}

TEST(Pii, KeyFilesMustHold32Bytes) {
  const std::string good = testing::TempDir() + "pii-good.key", bad = testing::TempDir() + "pii-bad.key";
  std::ofstream(good, std::ios::binary) << std::string(32, '\x05');
  std::ofstream(bad, std::ios::binary) << std::string(31, '\x05');
  EXPECT_EQ(core::pii::load_keys(good, good).aes, std::string(32, '\x05'));
  EXPECT_THROW(core::pii::load_keys(good, bad), std::runtime_error);
  EXPECT_THROW(core::pii::load_keys(good, testing::TempDir() + "pii-missing.key"), std::runtime_error);
  std::remove(good.c_str());
  std::remove(bad.c_str());
}

TEST(Pii, InstalledKeysDecryptOrThrow) {
  core::pii::install(test_keys());
  const std::string sealed = core::pii::encrypt("B234567890");
  EXPECT_EQ(core::pii::decrypt(sealed), "B234567890");
  EXPECT_EQ(core::pii::lookup_key("B234567890"), core::pii::lookup_key(test_keys(), "B234567890"));
  EXPECT_THROW(core::pii::decrypt(sealed.substr(1)), std::runtime_error);
}

}  // namespace
