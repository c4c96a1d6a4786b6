// domain/validation.h: checks on raw text from forms, files and the API (SPEC §9: bad input).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

// What is wrong with one field of a form (or of the whole form: field "form").
struct FieldError {
  std::string field;    // the form field: "title", "sessions", "contact1_email", … or "form"
  std::string message;  // Traditional Chinese, naming the field and what to do
};

// Well-formed UTF-8 (RFC 3629): refuses overlong forms, UTF-16 surrogates (U+D800..U+DFFF),
// code points above U+10FFFF, stray continuation bytes and sequences cut short.
bool is_valid_utf8(std::string_view s);

// A pragmatic e-mail address check, the HTML5 <input type=email> rule plus a dot in the domain:
// at most 254 characters, local part of 1..64 of A-Z a-z 0-9 . ! # $ % & ' * + / = ? ^ _ ` { | }
// ~ -, one '@', and two or more domain labels of 1..63 letters, digits or inner hyphens. Refuses
// spaces, control characters and non-ASCII.
bool is_valid_email(std::string_view s);

// Drops ASCII whitespace (space, \t, \n, \v, \f, \r) at both ends; inner whitespace and non-ASCII
// spaces (U+3000) are kept.
std::string trim(std::string_view s);

// The lines of a textarea value, each trimmed, blank ones dropped ("a\r\n\n b " → {"a", "b"}).
std::vector<std::string> non_blank_lines(std::string_view text);

// Characters as a person counts them, and as MariaDB's VARCHAR(n) limits them: the code points of
// well-formed UTF-8. On malformed input it counts the bytes that are not continuation bytes.
std::size_t utf8_length(std::string_view s);

// The first `chars` code points of `s` (all of it when shorter).
std::string utf8_prefix(std::string_view s, std::size_t chars);

// A whole number typed in a form or a query: ASCII digits (full-width ones are refused with a
// message, as the forms have always done), a minus sign only when `min` is negative, spaces
// around it ignored. nullopt when it is not one, or lies outside [min, max].
std::optional<long long> parse_integer(std::string_view text, long long min, long long max);

// RFC 3986 percent-encoding of everything but the unreserved characters A–Z a–z 0–9 - . _ ~.
std::string percent_encode(std::string_view in);

// 研習課程代碼: exactly seven ASCII digits.
bool is_course_code(std::string_view code);

// Splits a SET column value "name,school_code" into its members, and joins them back.
std::set<std::string> split_set(std::string_view csv);
// Codes as people type a list of them: separated by commas (half- or full-width), 、 or white space.
std::set<std::string> split_typed_codes(std::string_view typed);
std::string join_set(const std::set<std::string>& values);
// Ids of a GROUP_CONCAT, "3,17,42", in their order; anything not a whole number is left out.
std::vector<int64_t> split_ids(std::string_view csv);

// A LIKE pattern matching `typed` anywhere, its own %, _ and ! taken literally: use it with
// `LIKE ? ESCAPE '!'`.
std::string like_contains(std::string_view typed);

}  // namespace domain
