// SQL of 專長登錄申請 / 專長瀏覽 and the administrator's list of specialties.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"

namespace specialties::sql {

struct Specialty {
  int64_t id = 0;
  std::string name;
  bool active = true;
};
std::vector<Specialty> all(db::Connection& db);
std::optional<Specialty> find_specialty(db::Connection& db, int64_t id);
bool add_specialty(db::Connection& db, const std::string& name);  // false: the name exists
bool toggle_specialty(db::Connection& db, int64_t id);

struct Application {
  int64_t id = 0, teacher_id = 0, unit_id = 0, specialty_id = 0;
  std::string teacher_name, specialty, certificate_name, certificate_no, certificate_date, file_stored_name;
  std::string state, reason, decided_by, decided_at, created_at;
};

struct NewApplication {
  int64_t teacher_id = 0, unit_id = 0, specialty_id = 0;
  std::string certificate_name, certificate_no, certificate_date, file_stored_name;
};
int64_t insert(db::Connection& db, const NewApplication& a);
bool has_open(db::Connection& db, int64_t teacher_id, int64_t specialty_id);  // pending or approved

std::optional<Application> find(db::Connection& db, int64_t id);
std::vector<Application> of_teacher(db::Connection& db, int64_t teacher_id);
std::vector<Application> of_unit(db::Connection& db, int64_t unit_id, const std::string& state,
                                 int64_t specialty_id);  // "" / 0: any
// Decides a pending application of the unit; false when it is no longer pending.
bool decide(db::Connection& db, int64_t id, int64_t unit_id, const std::string& state, const std::string& reason,
            int64_t account_id);

}  // namespace specialties::sql
