// domain/search_terms.h: the keyword boxes of 研習資訊進階搜尋 (`q`, `unit`) turned into search
// terms, and each term into the spellings it may be found by.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

inline constexpr std::size_t kMaxSearchTerms = 8;
inline constexpr std::size_t kMaxExtraSpellings = 16;  // per box, beyond the typed terms

// Keyword → search terms, at most kMaxSearchTerms, every one required and taken literally:
// Groonga's operators (" \ * + - ( ) < > ~ @), ASCII control characters (NUL included) and
// whitespace, the ideographic space U+3000 included, only separate terms. So no term holds a
// quote or a backslash and none can leave the quoted string it is put in (site_sql.cpp builds a
// Groonga script from them).
std::vector<std::string> search_terms(std::string_view keyword);

// Each term with the spellings it may be found by: the term itself first, then its school-name
// variants (domain/school_names.h). A course matches a term when it matches any of its spellings;
// the terms stay all required. Over all the terms at most kMaxExtraSpellings variants are added,
// given out term by term in order, so a search costs a bounded number of keyword look-ups.
std::vector<std::vector<std::string>> spellings_of(const std::vector<std::string>& terms);

}  // namespace domain
