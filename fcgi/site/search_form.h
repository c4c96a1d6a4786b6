// site/search_form.h: the search's parameters (q, unit, county, category, tag, level, from, to,
// open, page) read into the finder's filters, for the page and the read API alike. A search
// never refuses: what cannot be used is dropped or adjusted, with a calm note saying so.
#pragma once

#include <string>
#include <vector>

#include "core/request.h"
#include "site/course_finder.h"

namespace site {

// A whole number from the query string; `fallback` for anything else.
int query_number(const core::Params& query, const char* name, int fallback);

struct SearchForm {
  std::string q, unit, level, from, to;
  int county = 0, category = 0, tag = 0, page = 1;
  bool open_now = false;
  std::vector<std::string> notes;  // calm explanations of what was adjusted
  SearchFilters filters;
};

SearchForm parse_search(const core::Params& query, int page_size);

// /courses with the form's parameters at `page`.
std::string search_url(const SearchForm& f, int page);

}  // namespace site
