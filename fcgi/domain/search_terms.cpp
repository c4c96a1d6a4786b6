// domain/search_terms.cpp: keyword splitting (the Groonga-script injection guard) and the
// spellings each term is searched by.
#include "domain/search_terms.h"

#include "domain/school_names.h"

namespace domain {

std::vector<std::string> search_terms(std::string_view keyword) {
  std::string cleaned;
  cleaned.reserve(keyword.size());
  for (char c : keyword) {
    const bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    if (control || std::string_view("\"\\*+-()<>~@").find(c) != std::string_view::npos) c = ' ';
    cleaned += c;
  }
  // U+3000 IDEOGRAPHIC SPACE, as typed with a Chinese input method.
  for (size_t p; (p = cleaned.find("\xE3\x80\x80")) != std::string::npos;)
    cleaned.replace(p, 3, " ");
  std::vector<std::string> terms;
  size_t pos = 0;
  while (pos < cleaned.size() && terms.size() < kMaxSearchTerms) {
    const size_t start = cleaned.find_first_not_of(' ', pos);
    if (start == std::string::npos) break;
    size_t end = cleaned.find(' ', start);
    if (end == std::string::npos) end = cleaned.size();
    terms.push_back(cleaned.substr(start, end - start));
    pos = end;
  }
  return terms;
}

std::vector<std::vector<std::string>> spellings_of(const std::vector<std::string>& terms) {
  std::vector<std::vector<std::string>> out;
  size_t budget = kMaxExtraSpellings;
  for (const std::string& term : terms) {
    std::vector<std::string> variants = school_name_variants(term);  // the term itself first
    if (variants.size() > budget + 1) variants.resize(budget + 1);
    budget -= variants.size() - 1;
    out.push_back(std::move(variants));
  }
  return out;
}

}  // namespace domain
