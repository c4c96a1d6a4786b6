#include "domain/second_factor.h"

#include <gtest/gtest.h>

#include <set>

#include "core/totp.h"
#include "files/qr_svg.h"

namespace {

const std::string kRfcSecret = "12345678901234567890";  // RFC 6238 Appendix B, SHA-1

TEST(Totp, MatchesTheRfc6238TestVectorsInSixDigits) {
  EXPECT_EQ(core::totp::code_at(kRfcSecret, 59), "287082");
  EXPECT_EQ(core::totp::code_at(kRfcSecret, 1111111109), "081804");
  EXPECT_EQ(core::totp::code_at(kRfcSecret, 1111111111), "050471");
  EXPECT_EQ(core::totp::code_at(kRfcSecret, 1234567890), "005924");
  EXPECT_EQ(core::totp::code_at(kRfcSecret, 2000000000), "279037");
}

TEST(Totp, AcceptsOneStepEitherSideOfNowAndNothingFurther) {
  const int64_t now = 1234567890;  // step 41152263
  EXPECT_EQ(core::totp::matching_step(kRfcSecret, now, core::totp::code_at(kRfcSecret, now)), 41152263);
  EXPECT_EQ(core::totp::matching_step(kRfcSecret, now, core::totp::code_at(kRfcSecret, now - 30)), 41152262);
  EXPECT_EQ(core::totp::matching_step(kRfcSecret, now, core::totp::code_at(kRfcSecret, now + 30)), 41152264);
  EXPECT_FALSE(core::totp::matching_step(kRfcSecret, now, core::totp::code_at(kRfcSecret, now - 60)));
  EXPECT_FALSE(core::totp::matching_step(kRfcSecret, now, core::totp::code_at(kRfcSecret, now + 60)));
  EXPECT_FALSE(core::totp::matching_step(kRfcSecret, now, "000000"));
}

TEST(Totp, SecretsAreTwentyRandomBytesInUnpaddedBase32) {
  EXPECT_EQ(core::totp::base32(kRfcSecret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  const std::string a = core::totp::new_secret(), b = core::totp::new_secret();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_NE(a, b);
  EXPECT_EQ(core::totp::base32(a).size(), 32u);
}

TEST(Totp, TheProvisioningUriNamesIssuerAndAccountPercentEncoded) {
  EXPECT_EQ(core::totp::provisioning_uri("全國", "reviewer 2", kRfcSecret),
            "otpauth://totp/%E5%85%A8%E5%9C%8B:reviewer%202?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            "&issuer=%E5%85%A8%E5%9C%8B&algorithm=SHA1&digits=6&period=30");
}

TEST(SecondFactor, RequiredOfReviewersAndTheAdministratorOnly) {
  EXPECT_TRUE(domain::second_factor_required("reviewer"));
  EXPECT_TRUE(domain::second_factor_required("admin"));
  EXPECT_FALSE(domain::second_factor_required("organizer"));
  EXPECT_FALSE(domain::second_factor_required("master"));
}

TEST(SecondFactor, ATypedCodeIsSixDigitsWithSpacesDropped) {
  EXPECT_EQ(domain::typed_totp_code("287082"), "287082");
  EXPECT_EQ(domain::typed_totp_code("287 082"), "287082");
  EXPECT_EQ(domain::typed_totp_code(" 287082 "), "287082");
  EXPECT_FALSE(domain::typed_totp_code("28708"));
  EXPECT_FALSE(domain::typed_totp_code("2870821"));
  EXPECT_FALSE(domain::typed_totp_code("28708a"));
  EXPECT_FALSE(domain::typed_totp_code("２８７０８２"));  // full-width digits are not read as codes
  EXPECT_FALSE(domain::typed_totp_code(""));
}

TEST(SecondFactor, ACodeIsAcceptedOnceAndNeverAnEarlierOne) {
  EXPECT_TRUE(domain::step_is_fresh(100, 99));
  EXPECT_FALSE(domain::step_is_fresh(100, 100));  // the same code again
  EXPECT_FALSE(domain::step_is_fresh(99, 100));   // an older code after a newer one
  EXPECT_TRUE(domain::step_is_fresh(1, 0));       // the first code of a new factor
}

TEST(SecondFactor, RecoveryCodesUseTheAlphabetWithoutLookAlikes) {
  const std::string bytes("\x00\x1f\x20\xff\x08\x0e\x17\x18\x19\x07", 10);
  const std::string code = domain::recovery_code_from_bytes(bytes);
  EXPECT_EQ(code.size(), 10u);
  EXPECT_EQ(code[0], 'A');  // 0x00
  EXPECT_EQ(code[1], '9');  // 0x1f, the last of the alphabet
  EXPECT_EQ(code[2], 'A');  // 0x20: only the low five bits count
  EXPECT_EQ(code[3], '9');
  for (char c : std::string("IO01")) EXPECT_EQ(domain::kRecoveryAlphabet.find(c), std::string_view::npos);
  EXPECT_EQ(domain::kRecoveryAlphabet.size(), 32u);
  EXPECT_EQ(std::set<char>(domain::kRecoveryAlphabet.begin(), domain::kRecoveryAlphabet.end()).size(), 32u);
}

TEST(SecondFactor, ARecoveryCodeIsShownHyphenatedAndReadInAnyCase) {
  EXPECT_EQ(domain::display_recovery_code("ABCDEFGH23"), "ABCDE-FGH23");
  EXPECT_EQ(domain::typed_recovery_code("ABCDE-FGH23"), "ABCDEFGH23");
  EXPECT_EQ(domain::typed_recovery_code("abcde fgh23"), "ABCDEFGH23");
  EXPECT_EQ(domain::typed_recovery_code(" abcdefgh23 "), "ABCDEFGH23");
  EXPECT_FALSE(domain::typed_recovery_code("ABCDE-FGH2"));    // too short
  EXPECT_FALSE(domain::typed_recovery_code("ABCDE-FGH234"));  // too long
  EXPECT_FALSE(domain::typed_recovery_code("ABCDE-FGH21"));   // 1 is not in the alphabet
  EXPECT_FALSE(domain::typed_recovery_code("287082"));
}

TEST(QrSvg, DrawsASquareSvgWithItsQuietZone) {
  const std::string svg = files::qr_svg("otpauth://totp/x:y?secret=GEZDGNBVGY3TQOJQ", 6);
  EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  // A version-3 symbol is 29 modules, plus four either side: 37 × 6 px.
  EXPECT_NE(svg.find("width=\"222\" height=\"222\" viewBox=\"0 0 37 37\""), std::string::npos);
  EXPECT_NE(svg.find("<path fill=\"#000\" d=\"M4 4h7v1h-7z"), std::string::npos);  // the finder's top row
}

}  // namespace
