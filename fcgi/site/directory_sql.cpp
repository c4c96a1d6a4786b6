#include "site/directory_sql.h"

#include "domain/validation.h"

namespace site::sql {

std::vector<UnitName> find_units(db::Connection& db, const std::string& typed, int limit) {
  std::vector<UnitName> units;
  for (const auto& r : db.query("SELECT id, code, name FROM unit WHERE code = ? OR name LIKE ? ESCAPE '!'"
                                " ORDER BY code = ? DESC, code LIMIT ?",
                                typed, domain::like_contains(typed), typed, limit)) {
    units.push_back({r.i64("id"), r.str("code"), r.str("name")});
  }
  return units;
}

std::vector<PublicAccount> unit_contacts(db::Connection& db, int64_t unit_id) {
  std::vector<PublicAccount> accounts;
  for (const auto& r : db.query("SELECT display_name, kind, COALESCE(phone, '') AS phone FROM business_account"
                                " WHERE unit_id = ? AND kind IN ('master', 'organizer')"
                                " AND approved_at IS NOT NULL AND disabled_at IS NULL"
                                " ORDER BY kind = 'master' DESC, display_name, id",
                                unit_id)) {
    accounts.push_back({r.str("display_name"), r.str("kind"), r.str("phone")});
  }
  return accounts;
}

std::vector<ReviewUnit> review_units(db::Connection& db) {
  std::vector<ReviewUnit> units;
  for (const auto& r : db.query(
           "SELECT u.id, u.code, u.name, COALESCE(u.review_role, '') AS review_role, u.county_id,"
           " COALESCE(a.display_name, '') AS contact_name, COALESCE(a.phone, '') AS contact_phone"
           " FROM unit u LEFT JOIN business_account a ON a.id = ("
           "   SELECT MIN(b.id) FROM business_account b WHERE b.unit_id = u.id AND b.kind = 'reviewer'"
           "   AND b.approved_at IS NOT NULL AND b.disabled_at IS NULL)"
           " WHERE u.is_review_unit OR u.review_role IS NOT NULL ORDER BY u.id")) {
    units.push_back({r.i64("id"), r.str("code"), r.str("name"), r.str("review_role"), r.str("contact_name"),
                     r.str("contact_phone"), r.i64("county_id")});
  }
  return units;
}

std::vector<RoutedUnit> routed_units(db::Connection& db) {
  std::vector<RoutedUnit> units;
  for (const auto& r : db.query(
           "SELECT id, code, name, level, ownership, recognised_by_article3, has_legal_person,"
           " community_college, county_id, COALESCE(authority_unit_id, 0) AS authority_unit_id,"
           " COALESCE(review_unit_id, 0) AS review_unit_id FROM unit ORDER BY code")) {
    RoutedUnit u;
    u.id = r.i64("id");
    u.code = r.str("code");
    u.name = r.str("name");
    u.level = r.str("level");
    u.ownership = r.str("ownership");
    u.recognised_by_article3 = r.flag("recognised_by_article3");
    u.has_legal_person = r.flag("has_legal_person");
    u.community_college = r.flag("community_college");
    u.county_id = r.i64("county_id");
    u.authority_unit_id = r.i64("authority_unit_id");
    u.review_unit_id = r.i64("review_unit_id");
    units.push_back(std::move(u));
  }
  return units;
}

}  // namespace site::sql
