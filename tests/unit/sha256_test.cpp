// tests/unit/sha256_test.cpp: the domain's SHA-256 against FIPS 180-4's examples and OpenSSL.
#include "domain/sha256.h"

#include <gtest/gtest.h>

#include <string>

#include "core/security.h"

namespace domain {
namespace {

TEST(Sha256, GivesTheStandardDigestOfTheEmptyString) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, GivesTheStandardDigestsOfOneAndTwoBlocks) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, GivesTheStandardDigestOfAMillionAs) {
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, AgreesWithOpenSslAtEveryLengthAroundTheBlockBoundaries) {
  std::string text;
  for (int n = 0; n <= 200; ++n) {
    EXPECT_EQ(sha256_hex(text), core::sha256_hex(text)) << "length " << n;
    text += static_cast<char>('0' + n % 75);
  }
  EXPECT_EQ(sha256_hex("抽籤"), core::sha256_hex("抽籤"));
}

}  // namespace
}  // namespace domain
