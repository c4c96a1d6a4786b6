// domain/review_flags.h: what the reviewer's queue points out beside each course (SPEC §3).
// The flags only draw attention; the reviewer decides.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/roc_date.h"
#include "domain/study_hours.h"

namespace domain {

// An attribute tag whose subject does not show in the course's name, outline or levels (the
// reason 「A. 請移除屬性標籤」 exists for). Unknown tags are never flagged.
bool tag_looks_misused(std::string_view tag_name, std::string_view title, std::string_view outline,
                       const std::vector<std::string>& levels);

// Registered later than 第12條 allows: fewer than `min_days` days before the first session.
bool registered_late(const Date& registered_on, const Date& first_session, int min_days);

// What the flags of one course are decided from.
struct FlagFacts {
  std::string title, outline, basis_doc, class_kind;
  std::string registered_on, first_date;  // ISO dates
  bool cross_school = false;
  int declared_hours = 0;
  int min_days_before_start = 7;  // the county's 第12條 lead time
  int same_title_courses = 0;     // other live courses of the unit with this title
  std::vector<Session> sessions;
  std::vector<std::string> levels, tags;  // level codes; tag names
};
// The automatic flags of SPEC §3's review queue, as short Chinese phrases: 第9條 words, hours
// above 第10條, 6 hours a day or 35 a week, a missing 依據文號, a likely duplicate, late
// registration (第12條), a tag that does not fit.
std::vector<std::string> review_flags(const FlagFacts& facts);

}  // namespace domain
