// The search's parameters, read the same way for the page (/courses) and the API (/api/v1/courses).
#include "site/search_form.h"

#include <algorithm>

#include "app/routes.h"
#include "core/response.h"
#include "domain/course_rules.h"
#include "domain/roc_date.h"
#include "domain/search_terms.h"
#include "domain/validation.h"

namespace site {

// A number from the query string; `fallback` for anything else (a search never refuses).
namespace {
constexpr size_t kMaxKeywordChars = 100;
}  // namespace

int query_number(const core::Params& query, const char* name, int fallback) {
  return static_cast<int>(domain::parse_integer(query.get_or(name), 0, 999999999).value_or(fallback));
}


SearchForm parse_search(const core::Params& query, int page_size) {
  SearchForm f;
  f.q = domain::trim(query.get_or("q"));
  if (domain::utf8_length(f.q) > kMaxKeywordChars) {
    f.q = domain::utf8_prefix(f.q, kMaxKeywordChars);
    f.notes.push_back("關鍵字過長，只使用前 100 個字搜尋。");
  }
  f.unit = domain::trim(query.get_or("unit"));
  if (domain::utf8_length(f.unit) > 50) {
    f.unit = domain::utf8_prefix(f.unit, 50);
    f.notes.push_back("開課單位名稱過長，只使用前 50 個字搜尋。");
  }
  f.county = query_number(query, "county", 0);
  f.category = query_number(query, "category", 0);
  f.tag = query_number(query, "tag", 0);
  f.page = std::max(1, query_number(query, "page", 1));
  f.open_now = query.get_or("open") == "1";
  const std::string level = query.get_or("level");
  for (const char* code : domain::kLevelCodes) {
    if (level == code) f.level = code;
  }
  for (auto [name, target] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
    const std::string raw = domain::trim(query.get_or(name));
    if (raw.empty()) continue;
    if (const auto d = domain::parse_any_date(raw)) {
      *target = domain::to_iso(*d);
    } else {
      f.notes.push_back("無法辨識日期「" + raw + "」，請用 114/02/24 或 2025-02-24 的格式；已略過這個條件。");
    }
  }
  if (!f.from.empty() && !f.to.empty() && f.to < f.from) {
    std::swap(f.from, f.to);
    f.notes.push_back("起日晚於迄日，已為您對調。");
  }
  f.filters.keyword_terms = domain::spellings_of(domain::search_terms(f.q));
  f.filters.unit_terms = domain::spellings_of(domain::search_terms(f.unit));
  f.filters.county_id = f.county;
  f.filters.category_id = f.category;
  f.filters.tag_id = f.tag;
  f.filters.level = f.level;
  f.filters.from = f.from;
  f.filters.to = f.to;
  f.filters.open_now = f.open_now;
  f.filters.page_size = page_size;
  f.filters.offset = (std::min(f.page, 100000) - 1) * page_size;
  return f;
}

std::string search_query(const SearchForm& f) {
  std::string url = "q=" + core::url_encode(f.q);
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty() && value != "0") url += std::string("&") + name + "=" + core::url_encode(value);
  };
  add("unit", f.unit);
  add("county", std::to_string(f.county));
  add("category", std::to_string(f.category));
  add("tag", std::to_string(f.tag));
  add("level", f.level);
  add("from", f.from);
  add("to", f.to);
  if (f.open_now) url += "&open=1";
  return url;
}

bool has_conditions(const SearchForm& f) {
  return !f.q.empty() || !f.unit.empty() || f.county || f.category || f.tag || !f.level.empty() || !f.from.empty() ||
         !f.to.empty() || f.open_now;
}

std::string search_url(const SearchForm& f, int page) {
  return app::url_for("course.search") + "?" + search_query(f) + "&page=" + std::to_string(page);
}

}  // namespace site
