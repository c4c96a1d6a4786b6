// domain/review_flags.h: what the reviewer's queue points out beside each course (SPEC §3).
// The flags only draw attention; the reviewer decides.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/roc_date.h"

namespace domain {

// An attribute tag whose subject does not show in the course's name, outline or levels (the
// reason 「A. 請移除屬性標籤」 exists for). Unknown tags are never flagged.
bool tag_looks_misused(std::string_view tag_name, std::string_view title, std::string_view outline,
                       const std::vector<std::string>& levels);

// Registered later than 第12條 allows: fewer than `min_days` days before the first session.
bool registered_late(const Date& registered_on, const Date& first_session, int min_days);

}  // namespace domain
