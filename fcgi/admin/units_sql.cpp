// SQL of 單位管理.
#include "admin/units_sql.h"

#include "domain/validation.h"
#include "shared/course_store.h"

namespace admin::sql {

namespace {
constexpr const char* kUnitColumns =
    "SELECT u.id, u.code, u.name, u.level, u.ownership, u.county_id, k.name AS county_name,"
    " u.recognised_by_article3, u.has_legal_person, u.community_college,"
    " COALESCE(u.authority_unit_id, 0) AS authority_unit_id, COALESCE(u.review_unit_id, 0) AS review_unit_id,"
    " u.is_review_unit, COALESCE(u.review_role, '') AS review_role"
    " FROM unit u JOIN county k ON k.id = u.county_id";

Unit unit_of(const db::Row& r) {
  Unit u;
  u.id = r.i64("id");
  u.code = r.str("code");
  u.name = r.str("name");
  u.level = r.str("level");
  u.ownership = r.str("ownership");
  u.county_id = r.i64("county_id");
  u.county_name = r.str("county_name");
  u.recognised_by_article3 = r.flag("recognised_by_article3");
  u.has_legal_person = r.flag("has_legal_person");
  u.community_college = r.flag("community_college");
  u.authority_unit_id = r.i64("authority_unit_id");
  u.review_unit_id = r.i64("review_unit_id");
  u.is_review_unit = r.flag("is_review_unit");
  u.review_role = r.str("review_role");
  return u;
}

// NULL for 0: the column's "not set".
std::optional<int64_t> unit_or_null(int64_t id) { return id == 0 ? std::nullopt : std::optional<int64_t>(id); }
}  // namespace

UnitList find_units(db::Connection& db, const std::string& q, long limit, long offset) {
  UnitList list;
  const std::string where = " WHERE ? = '' OR u.code LIKE ? ESCAPE '!' OR u.name LIKE ? ESCAPE '!'";
  std::string prefix = domain::like_contains(q);
  prefix.erase(0, 1);  // "%typed%" → "typed%": a code is matched from its start
  const std::string anywhere = domain::like_contains(q);
  list.total = static_cast<long>(
      db.query_one("SELECT COUNT(*) FROM unit u" + where, q, prefix, anywhere)->i64(0));
  for (const auto& r : db.query(std::string(kUnitColumns) + where + " ORDER BY u.code = ? DESC, u.code LIMIT ? OFFSET ?",
                                q, prefix, anywhere, q, limit, offset)) {
    list.rows.push_back(unit_of(r));
  }
  return list;
}

std::optional<Unit> find_unit(db::Connection& db, int64_t id) {
  const auto r = db.query_one(std::string(kUnitColumns) + " WHERE u.id = ?", id);
  if (!r) return std::nullopt;
  return unit_of(*r);
}

std::optional<Unit> lock_unit(db::Connection& db, int64_t id) {
  const auto r = db.query_one(std::string(kUnitColumns) + " WHERE u.id = ? FOR UPDATE", id);
  if (!r) return std::nullopt;
  return unit_of(*r);
}

int64_t unit_with_code(db::Connection& db, const std::string& code, int64_t except_id) {
  const auto r = db.query_one("SELECT id FROM unit WHERE code = ? AND id <> ?", code, except_id);
  return r ? r->i64(0) : 0;
}

int64_t insert_unit(db::Connection& db, const UnitFacts& f) {
  db.execute("INSERT INTO unit (code, name, county_id, level, ownership, recognised_by_article3,"
             " has_legal_person, community_college) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             f.code, f.name, f.county_id, f.level, f.ownership, f.recognised_by_article3, f.has_legal_person,
             f.community_college);
  return static_cast<int64_t>(db.last_insert_id());
}

void update_unit(db::Connection& db, int64_t id, const UnitFacts& f) {
  db.execute("UPDATE unit SET code = ?, name = ?, county_id = ?, level = ?, ownership = ?,"
             " recognised_by_article3 = ?, has_legal_person = ?, community_college = ? WHERE id = ?",
             f.code, f.name, f.county_id, f.level, f.ownership, f.recognised_by_article3, f.has_legal_person,
             f.community_college, id);
}

void update_routing(db::Connection& db, int64_t id, const Routing& r) {
  const std::optional<std::string> role =
      r.review_role.empty() ? std::nullopt : std::optional<std::string>(r.review_role);
  db.execute("UPDATE unit SET authority_unit_id = ?, review_unit_id = ?, is_review_unit = ?, review_role = ?"
             " WHERE id = ?",
             unit_or_null(r.authority_unit_id), unit_or_null(r.review_unit_id), r.is_review_unit, role, id);
}

std::vector<ReviewUnit> review_units(db::Connection& db) {
  std::vector<ReviewUnit> out;
  for (const auto& r : db.query("SELECT id, code, name, COALESCE(review_role, '') AS review_role, county_id"
                                " FROM unit WHERE is_review_unit OR review_role IS NOT NULL ORDER BY name, id")) {
    out.push_back({r.i64("id"), r.str("code"), r.str("name"), r.str("review_role"), r.i64("county_id")});
  }
  return out;
}

std::vector<domain::ReviewUnitRole> roles_of(const std::vector<ReviewUnit>& units) {
  std::vector<domain::ReviewUnitRole> roles;
  for (const auto& u : units) roles.push_back({u.id, u.review_role, u.county_id});
  return roles;
}

int dependants(db::Connection& db, int64_t id) {
  return static_cast<int>(db.query_one("SELECT COUNT(*) FROM unit WHERE id <> ?"
                                       " AND (authority_unit_id = ? OR review_unit_id = ?)",
                                       id, id, id)->i64(0));
}

int open_courses_of(db::Connection& db, int64_t unit_id) {
  return static_cast<int>(db.query_one("SELECT COUNT(*) FROM course WHERE unit_id = ? AND state IN " +
                                           course_store::unfinished_states_sql(),
                                       unit_id)->i64(0));
}

int open_courses_reviewed_by(db::Connection& db, int64_t review_unit_id) {
  return static_cast<int>(db.query_one("SELECT COUNT(*) FROM course WHERE review_unit_id = ? AND state IN " +
                                           course_store::unfinished_states_sql(),
                                       review_unit_id)->i64(0));
}

void refresh_unit_copies(db::Connection& db, int64_t unit_id, const std::string& name) {
  db.execute("UPDATE web_session SET unit_name = ? WHERE unit_id = ?", name, unit_id);
  db.execute("UPDATE teacher SET home_version = home_version + 1 WHERE unit_id = ?", unit_id);
}

std::vector<int64_t> public_courses_of(db::Connection& db, int64_t unit_id) {
  std::vector<int64_t> ids;
  for (const auto& r : db.query("SELECT id FROM course WHERE unit_id = ? AND state IN " +
                                    course_store::public_states_sql(),
                                unit_id)) {
    ids.push_back(r.i64("id"));
  }
  return ids;
}

std::vector<Change> unit_changes(db::Connection& db, int64_t unit_id, long limit) {
  std::vector<Change> out;
  for (const auto& r : db.query(
           "SELECT DATE_FORMAT(a.at, '%Y-%m-%d %H:%i') AS at, IFNULL(b.display_name, a.actor) AS who,"
           " a.action, IFNULL(a.detail, '') AS detail"
           " FROM audit_log a LEFT JOIN business_account b ON a.actor = CONCAT('b:', b.id)"
           " WHERE a.object = ? ORDER BY a.at DESC, a.id DESC LIMIT ?",
           "u:" + std::to_string(unit_id), limit)) {
    out.push_back({r.str("at"), r.str("who"), r.str("action"), r.str("detail")});
  }
  return out;
}

}  // namespace admin::sql
