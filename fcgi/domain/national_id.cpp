// domain/national_id.cpp: the 身分證/居留證 check-digit rule and masking (SPEC §1).
#include "domain/national_id.h"

#include <cstddef>
#include <optional>

#include "domain/validation.h"

namespace domain {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// The official two-digit code of each region letter; the order is historical (I, O, W, X, Y, Z
// were added later), which is why it is a table and not arithmetic.
int letter_code(char c) {
  static constexpr int kCodes[26] = {10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,
                                     22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33};
  return kCodes[c - 'A'];
}

// Value of the second character in the checksum. An old 居留證 carries a letter there (A-D: the
// holder's sex and origin) and the rule uses the last digit of that letter's code.
std::optional<int> second_value(char c) {
  if (c == '1' || c == '2' || c == '8' || c == '9') return c - '0';
  if (c >= 'A' && c <= 'D') return letter_code(c) % 10;
  return std::nullopt;
}

// Weighted sum of the first nine characters: code tens ×1, code units ×9, then the second to
// ninth characters ×8..×1. nullopt when the prefix is malformed.
std::optional<int> prefix_sum(std::string_view first9) {
  if (first9.size() != 9 || !is_upper(first9[0])) return std::nullopt;
  const auto second = second_value(first9[1]);
  if (!second) return std::nullopt;
  const int code = letter_code(first9[0]);
  int sum = (code / 10) * 1 + (code % 10) * 9 + *second * 8;
  for (std::size_t i = 2; i < 9; ++i) {
    if (!is_digit(first9[i])) return std::nullopt;
    sum += (first9[i] - '0') * static_cast<int>(9 - i);
  }
  return sum;
}

}  // namespace

bool is_valid_national_id(std::string_view id) {
  if (id.size() != 10 || !is_digit(id[9])) return false;
  const auto sum = prefix_sum(id.substr(0, 9));
  return sum && (*sum + (id[9] - '0')) % 10 == 0;
}

std::string normalize_national_id(std::string_view raw) {
  std::string out = trim(raw);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string mask_national_id(std::string_view id) {
  // Only printable ASCII is cut: slicing bytes of a multi-byte character would emit broken UTF-8.
  if (id.size() != 10) return "****";
  for (char c : id) {
    if (c < 0x21 || c > 0x7e) return "****";
  }
  return std::string(id.substr(0, 3)) + "****" + std::string(id.substr(7));
}

char national_id_check_digit(std::string_view first9) {
  const auto sum = prefix_sum(first9);
  if (!sum) return '\0';
  return static_cast<char>('0' + (10 - *sum % 10) % 10);
}

}  // namespace domain
