// domain/record_totals.h: a teacher's 研習紀錄 summed (issue 9): the filters of the records page,
// the totals by year (credits also as hours, 第10條), and the progress toward the yearly hours that
// attribute tags mandate (特殊教育 3, 家庭教育 4, 幼兒園教保 18 for kindergarten staff). The caller
// passes the records as they stand now: the newest of each correction chain only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

struct RecordLine {
  int year = 0;        // of completed_on
  std::string source;  // portal, partner, county, civil_service
  std::string title;
  int hours = 0;
  int credits = 0;
  std::vector<int64_t> tag_ids;  // through the record's course; none without a course
};

// What the teacher picked on the page; an empty field does not filter.
struct RecordFilter {
  std::optional<int> year;
  std::string source;
  std::optional<int64_t> tag_id;
  std::string keyword;  // a part of the title; ASCII letters match either case
};
bool matches(const RecordLine& record, const RecordFilter& filter);

struct YearTotal {
  int year = 0;
  int records = 0;
  int hours = 0;
  int credits = 0;
  int all_hours() const;  // hours and credits as hours together
};
// One total per year that has a record, newest year first.
std::vector<YearTotal> totals_by_year(const std::vector<const RecordLine*>& records);
YearTotal overall(const std::vector<YearTotal>& years);  // year 0

struct Requirement {
  int64_t tag_id = 0;
  std::string name;
  int yearly_hours = 0;
  bool kindergarten_only = false;
};
struct Progress {
  int64_t tag_id = 0;
  std::string name;
  int required = 0;
  int done = 0;  // hours (credits as hours) of `year`'s records carrying the tag
  bool met() const { return done >= required; }
};
// The requirements that apply to this teacher, in the order given, with the hours done in `year`.
// Requirements of 0 hours or less mandate nothing and are left out.
std::vector<Progress> yearly_progress(const std::vector<RecordLine>& records,
                                      const std::vector<Requirement>& requirements, int year,
                                      bool kindergarten_staff);

}  // namespace domain
