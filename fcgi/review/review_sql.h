// SQL of course review (審課): the queue of a review unit and the facts behind its flags.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/db.h"
#include "domain/review_flags.h"
#include "shared/course_store.h"

namespace review::sql {

struct QueueItem {
  int64_t id = 0;
  std::string code, title, unit_name, registered_at, first_date, last_date;
  int hours = 0, credits = 0;
  domain::FlagFacts facts;  // what its flags are decided from
};
// 課程未確認 courses of the units this review unit reviews, oldest first, with their sessions.
std::vector<QueueItem> queue(db::Connection& db, int64_t review_unit_id, int limit, int offset);
int queue_size(db::Connection& db, int64_t review_unit_id);

// The facts of one course's flags: the course, its sessions and tag names, its county's 第12條
// lead time and the unit's other live courses of the same title.
domain::FlagFacts flag_facts(db::Connection& db, const course_store::Course& course,
                             const std::vector<course_store::Session>& sessions,
                             const std::vector<course_store::Tag>& tags);

}  // namespace review::sql
