// domain/sha256.h: SHA-256 (FIPS 180-4) in the standard library alone, so that the draw
// (domain/lottery.h) stays a pure rule that anyone can recompute with any SHA-256 tool.
#pragma once

#include <string>
#include <string_view>

namespace domain {

// The digest of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace domain
