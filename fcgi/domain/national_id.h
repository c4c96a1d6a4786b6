// domain/national_id.h: 身分證字號 and 居留證號: normalizing, check-digit validation, masking (SPEC
// §1).
#pragma once

#include <string>
#include <string_view>

namespace domain {

// Exactly 10 uppercase ASCII characters: a region letter, then
//   [12] + 8 digits   身分證 (national ID),
//   [A-D] + 8 digits  居留證 before 2021,
//   [89] + 8 digits   居留證 in the 2021 format,
// with the check digit verified in every case. Lowercase, full-width or spaced input is refused:
// pass it through normalize_national_id first.
bool is_valid_national_id(std::string_view id);

// Trims ASCII whitespace and uppercases ASCII letters; nothing else (full-width stays full-width,
// so it then fails validation rather than being silently rewritten).
std::string normalize_national_id(std::string_view raw);

// "A123456789" -> "A12****789"; anything that is not 10 printable ASCII characters -> "****".
std::string mask_national_id(std::string_view id);

// The digit that completes a 9-character prefix (letter + second character + 7 digits) into a
// valid number; '\0' when the prefix itself is malformed. Used by data generators.
char national_id_check_digit(std::string_view first9);

}  // namespace domain
