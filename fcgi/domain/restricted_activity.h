// domain/restricted_activity.h: 第9條 screening of a course's name and outline for activities whose
// hours need the education authority's consent (SPEC §3).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace domain {

// One 第9條 category that a course seems to fall under, and the listed phrase that gave it away.
struct RestrictedMatch {
  std::string category;  // the seed's own words, e.g. "學校各項行政會議"
  std::string word;      // the phrase found, e.g. "說明會議"
};

// Looks for the phrases listed per 第9條 category (the article's own examples plus a few plain
// synonyms) in `title` and then `outline`, as UTF-8 substrings. Whole phrases only, so 研討會,
// 會議室 and 113學年度 do not hit. Returns each category at most once, in the article's order, with
// the phrase that occurs first (title before outline; the longer phrase when two start together).
// A hit is a suspicion for the organizer and reviewer, not a verdict: it makes 依據文號 required.
std::vector<RestrictedMatch> screen_restricted(std::string_view title, std::string_view outline);

}  // namespace domain
