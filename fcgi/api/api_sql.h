// SQL of 資訊傳報 (partner record reporting): idempotent reports, rate counters, study records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/db.h"

namespace api::sql {

// Counts this request in the partner's current minute; returns the count so far.
int64_t count_request(db::Connection& db, int64_t partner_id);
int seconds_to_next_minute(db::Connection& db);

struct StoredReport {
  std::string request_sha256;
  int status = 200;
  std::string response;
};
std::optional<StoredReport> find_report(db::Connection& db, int64_t partner_id, const std::string& reference);
// Claims the reference with a placeholder (status 0). False when another request holds or
// completed it; a concurrent one waits on the row lock until that request commits or rolls back.
bool store_report(db::Connection& db, int64_t partner_id, const std::string& reference,
                  const std::string& request_sha256, int status, const std::string& response);

void complete_report(db::Connection& db, int64_t partner_id, const std::string& reference, int status,
                     const std::string& response);

struct Person {
  int64_t teacher_id = 0;
  bool known_to_partner = false;  // the teacher consented to the partner (its pairwise sub exists)
};
std::optional<Person> find_teacher_by_national_id(db::Connection& db, int64_t partner_id,
                                                  const std::string& national_id);
std::optional<int64_t> teacher_of_own_subject(db::Connection& db, int64_t partner_id, const std::string& sub);
bool subject_of_another_partner(db::Connection& db, int64_t partner_id, const std::string& sub);

}  // namespace api::sql
