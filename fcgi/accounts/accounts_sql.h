// SQL of the accounts area.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/db.h"

namespace accounts::sql {

struct Credentials {
  int64_t id = 0;
  std::string password_hash;
  bool usable = true;  // business accounts: approved and not disabled
};

std::optional<Credentials> find_teacher_by_national_id(db::Connection& db, const std::string& id);
std::optional<Credentials> find_account_by_name(db::Connection& db, const std::string& name);

struct RecentFailures {
  int64_t for_account = 0;
  int64_t from_address = 0;
};
RecentFailures count_recent_failures(db::Connection& db, const std::string& account_key,
                                     const std::string& address);
void record_failure(db::Connection& db, const std::string& account_key, const std::string& address);

}  // namespace accounts::sql
