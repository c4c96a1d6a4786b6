// SQL of sessions and the audit trail.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/db.h"

namespace shared::access::sql {

// A new session row for a teacher or a business account, with a copy of who they are (their
// role, name and unit; 第5條: a teacher not 在職 or without a unit reads records only).
void insert_teacher_session(db::Connection& db, const std::string& id_sha256, int64_t teacher_id);
void insert_account_session(db::Connection& db, const std::string& id_sha256, int64_t account_id);
void delete_session(db::Connection& db, const std::string& id_sha256);

struct SessionRow {
  int64_t teacher_id = 0, account_id = 0, unit_id = 0;
  long idle_seconds = 0, age_seconds = 0, created_epoch = 0;
  std::string role, display_name, unit_name, today;
  bool records_only = false;
  uint64_t home_version = 0;
};
std::optional<SessionRow> find_session(db::Connection& db, const std::string& id_sha256);
void touch_session(db::Connection& db, const std::string& id_sha256);

void insert_audit(db::Connection& db, const std::string& actor, const std::string& action,
                  const std::string& object, const std::string& detail, const std::string& address);

}  // namespace shared::access::sql
