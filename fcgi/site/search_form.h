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

// The form's parameters as a query string, in one order, without the page: two searches with
// the same conditions read the same ("q=%E9%96%B1%E8%AE%80&county=3&open=1").
std::string search_query(const SearchForm& f);
// Whether the search narrows anything down (a keyword, a filter, dates or 只看開放報名).
bool has_conditions(const SearchForm& f);

// /courses with the form's parameters at `page`.
std::string search_url(const SearchForm& f, int page);

}  // namespace site
