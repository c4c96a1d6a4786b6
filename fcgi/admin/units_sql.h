// SQL of 單位管理: units with their 第11條 facts, the review units a unit may be given, the
// unit's audit trail, and the copies of a unit's name that sessions and the search keep.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"
#include "domain/review_routing.h"

namespace admin::sql {

struct Unit {
  int64_t id = 0;
  std::string code, name, level, ownership, county_name;
  int64_t county_id = 0;
  bool recognised_by_article3 = false, has_legal_person = true, community_college = false;
  int64_t authority_unit_id = 0, review_unit_id = 0;  // 0: not set
  bool is_review_unit = false;
  std::string review_role;  // national_centre, county_bureau, recognition_panel or ""
};

struct UnitList {
  std::vector<Unit> rows;
  long total = 0;
};
// Units whose code is `q` or starts with it, or whose name contains it (every unit when `q` is
// empty), by code; one page of them and how many there are in all.
UnitList find_units(db::Connection& db, const std::string& q, long limit, long offset);
std::optional<Unit> find_unit(db::Connection& db, int64_t id);
// The same, its row locked until the transaction ends (two administrators editing one unit).
std::optional<Unit> lock_unit(db::Connection& db, int64_t id);

// The unit other than `except_id` with this code, or 0.
int64_t unit_with_code(db::Connection& db, const std::string& code, int64_t except_id);

struct UnitFacts {
  std::string code, name, level, ownership;
  int64_t county_id = 0;
  bool recognised_by_article3 = false, has_legal_person = true, community_college = false;
};
int64_t insert_unit(db::Connection& db, const UnitFacts& facts);
void update_unit(db::Connection& db, int64_t id, const UnitFacts& facts);

struct Routing {
  int64_t authority_unit_id = 0, review_unit_id = 0;
  bool is_review_unit = false;
  std::string review_role;
};
void update_routing(db::Connection& db, int64_t id, const Routing& routing);

// The review units (unit.is_review_unit, or playing a 第11條 role), by name: the units a unit's
// authority or review unit may be, and what routing needs of them.
struct ReviewUnit {
  int64_t id = 0;
  std::string code, name, review_role;
  int64_t county_id = 0;
};
std::vector<ReviewUnit> review_units(db::Connection& db);
std::vector<domain::ReviewUnitRole> roles_of(const std::vector<ReviewUnit>& units);

// Units other than `id` that name it as their authority or their review unit.
int dependants(db::Connection& db, int64_t id);
// 尚未結案 courses of the unit, and those `id` reviews: each keeps the review unit fixed when it
// was registered.
int open_courses_of(db::Connection& db, int64_t unit_id);
int open_courses_reviewed_by(db::Connection& db, int64_t review_unit_id);

// After a unit's name or county changed: the sessions of its people show the new name, and its
// teachers' homepages are drawn again. The public courses to re-index in the search.
void refresh_unit_copies(db::Connection& db, int64_t unit_id, const std::string& name);
std::vector<int64_t> public_courses_of(db::Connection& db, int64_t unit_id);

// The unit's audit trail ("u:<id>"), newest first.
struct Change {
  std::string at, who, action, detail;
};
std::vector<Change> unit_changes(db::Connection& db, int64_t unit_id, long limit);

}  // namespace admin::sql
