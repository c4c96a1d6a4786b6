// domain/record_totals.cpp: filtering and summing a teacher's records.
#include "domain/record_totals.h"

#include <algorithm>
#include <map>

#include "domain/study_hours.h"

namespace domain {

namespace {
std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}
}  // namespace

bool matches(const RecordLine& r, const RecordFilter& f) {
  if (f.year && r.year != *f.year) return false;
  if (!f.source.empty() && r.source != f.source) return false;
  if (f.tag_id && std::find(r.tag_ids.begin(), r.tag_ids.end(), *f.tag_id) == r.tag_ids.end()) {
    return false;
  }
  // UTF-8 bytes compared as they are: a part of a Chinese title is a byte substring of it.
  return f.keyword.empty() ||
         ascii_lower(r.title).find(ascii_lower(f.keyword)) != std::string::npos;
}

int YearTotal::all_hours() const { return hours + credits_to_hours(credits); }

std::vector<YearTotal> totals_by_year(const std::vector<const RecordLine*>& records) {
  std::map<int, YearTotal, std::greater<int>> by_year;
  for (const RecordLine* r : records) {
    YearTotal& t = by_year[r->year];
    t.year = r->year;
    ++t.records;
    t.hours += r->hours;
    t.credits += r->credits;
  }
  std::vector<YearTotal> out;
  for (const auto& [year, total] : by_year) out.push_back(total);
  return out;
}

YearTotal overall(const std::vector<YearTotal>& years) {
  YearTotal all;
  for (const YearTotal& t : years) {
    all.records += t.records;
    all.hours += t.hours;
    all.credits += t.credits;
  }
  return all;
}

std::vector<Progress> yearly_progress(const std::vector<RecordLine>& records,
                                      const std::vector<Requirement>& requirements, int year,
                                      bool kindergarten_staff) {
  std::vector<Progress> out;
  for (const Requirement& q : requirements) {
    if (q.yearly_hours <= 0 || (q.kindergarten_only && !kindergarten_staff)) continue;
    Progress p{q.tag_id, q.name, q.yearly_hours, 0};
    for (const RecordLine& r : records) {
      if (r.year != year) continue;
      if (std::find(r.tag_ids.begin(), r.tag_ids.end(), q.tag_id) == r.tag_ids.end()) continue;
      p.done += r.hours + credits_to_hours(r.credits);
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace domain
