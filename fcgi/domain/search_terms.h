// domain/search_terms.h: the keyword boxes of 研習資訊進階搜尋 (`q`, `unit`) turned into search
// terms.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

inline constexpr std::size_t kMaxSearchTerms = 8;

// Keyword → search terms, at most kMaxSearchTerms, every one required and taken literally:
// Groonga's operators (" \ * + - ( ) < > ~ @), ASCII control characters (NUL included) and
// whitespace, the ideographic space U+3000 included, only separate terms. So no term holds a
// quote or a backslash and none can leave the quoted string it is put in (site_sql.cpp builds a
// Groonga script from them).
std::vector<std::string> search_terms(std::string_view keyword);

}  // namespace domain
