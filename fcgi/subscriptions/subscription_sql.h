// SQL of 研習資訊訂閱: the saved searches and the digest's own bookkeeping.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"

namespace subscriptions::sql {

struct Subscription {
  int64_t id = 0;
  int64_t teacher_id = 0;
  std::string search;      // the search page's query string, without the page
  std::string created_at;  // "2026-12-01 09:00:00", the database's clock
};

std::vector<Subscription> of_teacher(db::Connection& db, int64_t teacher_id);
int count_of_teacher(db::Connection& db, int64_t teacher_id);
// The new subscription's id, or nullopt when the teacher already saved the same search.
std::optional<int64_t> insert(db::Connection& db, int64_t teacher_id, const std::string& search);
// Removes one (`subscription_id` > 0) or every subscription of the teacher; how many went.
uint64_t remove(db::Connection& db, int64_t teacher_id, int64_t subscription_id);

// Teachers with a subscription whose digest has not run today, by the database's date.
std::vector<int64_t> teachers_due(db::Connection& db, int limit);
// Takes today's digest of the teacher for this transaction; false when another scheduler (or an
// earlier pass) has it.
bool claim_today(db::Connection& db, int64_t teacher_id);

struct Recipient {
  std::string name, email;
};
std::optional<Recipient> recipient(db::Connection& db, int64_t teacher_id);

// Of `course_ids`, those approved at or after `since` and never sent to the teacher, in the order given.
std::vector<uint32_t> unsent_approved_since(db::Connection& db, int64_t teacher_id,
                                            const std::vector<uint32_t>& course_ids, const std::string& since);
void record_sent(db::Connection& db, int64_t teacher_id, const std::vector<uint32_t>& course_ids);

}  // namespace subscriptions::sql
