// domain/admission_notice.h: the 錄取通知 (admission notice for 公假, SPEC §11): its verification
// code as printed and as typed back, and the masked name the public check shows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace domain {

// Characters of a verification code: 12 of Crockford's base32 (0-9 and A-Z without I, L, O, U),
// 60 bits, so that millions of notices never share one by chance.
constexpr std::size_t kNoticeCodeLength = 12;

// The code of a notice from the base64url text of its HMAC (core::hmac_sha256_b64): each of the
// first 12 characters, halved from 6 bits to 5, becomes one of Crockford's. "" when `mac` is
// shorter than 12 characters or holds one outside base64url.
std::string notice_code_from_mac(std::string_view mac);

// "K7QM3XD2P9TA" → "K7QM-3XD2-P9TA": as printed and in the check address. Anything that is not
// a code is returned as it is.
std::string group_notice_code(std::string_view code);

// What a person types back from paper: case, spaces and hyphens do not matter, and the letters
// Crockford reads as digits count as those (I and L as 1, O as 0). The 12 characters of the code,
// or nullopt when it cannot be one.
std::optional<std::string> parse_notice_code(std::string_view typed);

// The name as the public check shows it (個人資料保護法, least exposure): the first character,
// ○ for each one between, and the last from three characters on. 王小明 → 王○明, 李美 → 李○,
// 歐陽小明 → 歐○○明; a single character becomes ○. Characters are UTF-8 code points.
std::string mask_name(std::string_view name);

}  // namespace domain
