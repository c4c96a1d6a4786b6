// SQL of the public directory pages: 各校業務帳號人員查詢 and 組織架構.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/db.h"

namespace site::sql {

struct UnitName {
  int64_t id = 0;
  std::string code, name;
};
// Units whose 學校代碼 is `typed` exactly, or whose name contains it; at most `limit`, by code.
std::vector<UnitName> find_units(db::Connection& db, const std::string& typed, int limit);

// A business account as the public may see it: never the account name nor the e-mail.
struct PublicAccount {
  std::string display_name, kind, phone;
};
// The approved, not disabled 承辦人 and 總負責人 of a unit, 總負責人 first.
std::vector<PublicAccount> unit_contacts(db::Connection& db, int64_t unit_id);

// A review unit (unit.is_review_unit, or one playing a 第11條 role) and its contact: its first approved, not disabled
// 審課人員 (empty when it has none).
struct ReviewUnit {
  int64_t id = 0;
  std::string code, name, review_role, contact_name, contact_phone;
  int64_t county_id = 0;
};
std::vector<ReviewUnit> review_units(db::Connection& db);

// Every unit with what 第11條 needs to route it (see domain::UnitFacts).
struct RoutedUnit {
  int64_t id = 0;
  std::string code, name, level, ownership;
  bool recognised_by_article3 = false, has_legal_person = true, community_college = false;
  int64_t county_id = 0, authority_unit_id = 0, review_unit_id = 0;
};
std::vector<RoutedUnit> routed_units(db::Connection& db);

}  // namespace site::sql
