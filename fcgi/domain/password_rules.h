// domain/password_rules.h: what a teacher's new password must be (issue 10: sign-up, reset, change).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/roc_date.h"

namespace domain {

constexpr std::size_t kMinPasswordLength = 10;  // characters, as a person counts them

// Why `password` is refused as the new password of the teacher with `national_id` born on `birth`
// (nullopt: not known),
// or "" when it is acceptable: at least kMinPasswordLength characters, and neither the ID (in any
// letter case) nor the birth date as 西元 YYYYMMDD or 民國 yyyMMdd (also unpadded, 730512) inside it.
std::string password_problem(std::string_view password, std::string_view national_id, const std::optional<Date>& birth);

}  // namespace domain
