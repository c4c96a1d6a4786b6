// SQL of course review (審課): the queue of a review unit and the facts behind its flags.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/db.h"
#include "shared/course_store.h"

namespace review::sql {

struct QueueItem {
  int64_t id = 0;
  std::string code, title, outline, unit_name, organizer_name, basis_doc, class_kind, levels,
      registered_on, registered_at, first_date, last_date;
  bool cross_school = false;
  int hours = 0, credits = 0, min_days_before_start = 7, same_title_courses = 0;
  std::vector<std::string> tags;
};
// 課程未確認 courses of the units this review unit reviews, oldest first.
std::vector<QueueItem> queue(db::Connection& db, int64_t review_unit_id, int limit);

// What the flags of one course need beyond the course itself.
struct CourseFacts {
  int min_days_before_start = 7;
  int same_title_courses = 0;
};
CourseFacts facts_of(db::Connection& db, const course_store::Course& course);

}  // namespace review::sql
