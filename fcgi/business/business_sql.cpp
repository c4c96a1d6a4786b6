#include "business/business_sql.h"

#include "domain/course_state.h"
#include "domain/jurisdiction.h"
#include "domain/school_names.h"

namespace business::sql {

namespace {

// A LIKE pattern matching `part` anywhere, its own %, _ and the escape character taken literally.
std::string contains_pattern(const std::string& part) {
  std::string p = "%";
  for (const char c : part) {
    if (c == '!' || c == '%' || c == '_') p += '!';
    p += c;
  }
  return p + "%";
}

constexpr const char* kAccountColumns =
    "SELECT a.id, a.account_name, a.display_name, a.kind, IFNULL(a.phone, '') AS phone,"
    " IFNULL(a.email, '') AS email, a.unit_id, u.code AS unit_code, u.name AS unit_name,"
    " DATE_FORMAT(a.created_at, '%Y-%m-%d %H:%i') AS applied_at,"
    " IFNULL(a.refusal_reason, '') AS refusal_reason, a.approved_at IS NOT NULL AS approved,"
    " a.refused_at IS NOT NULL AS refused, a.disabled_at IS NOT NULL AS disabled,"
    " a.deleted_at IS NOT NULL AS deleted, a.totp_enabled_at IS NOT NULL AS second_factor, u.level, u.ownership, u.recognised_by_article3,"
    " u.has_legal_person, u.community_college, u.county_id,"
    " IFNULL(u.authority_unit_id, 0) AS authority_unit_id, IFNULL(u.review_unit_id, 0) AS "
    "review_unit_id"
    " FROM business_account a JOIN unit u ON u.id = a.unit_id";

Account account_from(const db::Row& r) {
  Account a;
  a.id = r.i64("id");
  a.unit_id = r.i64("unit_id");
  a.account_name = r.str("account_name");
  a.display_name = r.str("display_name");
  a.kind = r.str("kind");
  a.phone = r.str("phone");
  a.email = r.str("email");
  a.unit_code = r.str("unit_code");
  a.unit_name = r.str("unit_name");
  a.applied_at = r.str("applied_at");
  a.refusal_reason = r.str("refusal_reason");
  a.second_factor = r.flag("second_factor");
  a.state = domain::account_state(r.flag("approved"), r.flag("refused"), r.flag("disabled"),
                                  r.flag("deleted"));
  a.route.county_id = r.i64("county_id");
  a.route.authority_unit_id = r.i64("authority_unit_id");
  a.route.override_unit_id = r.i64("review_unit_id");
  const auto level = domain::parse_unit_level(r.str("level"));
  const auto ownership = domain::parse_ownership(r.str("ownership"));
  if (level && ownership) {
    a.route.facts = domain::UnitFacts{*level, *ownership, r.flag("recognised_by_article3"),
                                      r.flag("has_legal_person"), r.flag("community_college")};
  }
  return a;
}

}  // namespace

std::vector<UnitName> find_units(db::Connection& db, const std::string& typed, int limit) {
  // The spellings padded to a fixed count by repeating the first, so the statement is one.
  std::vector<std::string> patterns;
  for (const auto& v : domain::school_name_variants(typed)) patterns.push_back(contains_pattern(v));
  if (patterns.empty()) patterns.push_back(contains_pattern(typed));
  patterns.resize(domain::kMaxSchoolNameVariants, patterns.front());
  std::vector<db::Value> values{typed};
  for (const auto& p : patterns) values.emplace_back(p);
  values.emplace_back(typed);
  values.emplace_back(static_cast<long long>(limit));
  std::vector<UnitName> units;
  for (const auto& r : db.query_values(
           "SELECT id, code, name FROM unit WHERE code = ? OR name LIKE ? ESCAPE '!'"
           " OR name LIKE ? ESCAPE '!' OR name LIKE ? ESCAPE '!' OR name LIKE ? ESCAPE '!'"
           " OR name LIKE ? ESCAPE '!' OR name LIKE ? ESCAPE '!' ORDER BY code = ? DESC, code "
           "LIMIT ?",
           values)) {
    units.push_back({r.i64("id"), r.str("code"), r.str("name")});
  }
  return units;
}

bool name_taken(db::Connection& db, const std::string& account_name) {
  return db.query_one("SELECT 1 FROM business_account WHERE account_name = ?", account_name)
      .has_value();
}

std::vector<Approver> possible_approvers(db::Connection& db, int64_t unit_id,
                                         int64_t review_unit_id) {
  std::vector<Approver> out;
  for (const auto& r :
       db.query("SELECT id, unit_id, kind, display_name, IFNULL(email, '') AS email"
                " FROM business_account"
                " WHERE approved_at IS NOT NULL AND disabled_at IS NULL AND deleted_at IS NULL"
                " AND ((kind = 'master' AND unit_id = ?) OR (kind = 'reviewer' AND unit_id = ?))"
                " ORDER BY id",
                unit_id, review_unit_id)) {
    out.push_back(
        {r.i64("id"), r.i64("unit_id"), r.str("kind"), r.str("display_name"), r.str("email")});
  }
  return out;
}

std::string unit_name(db::Connection& db, int64_t unit_id) {
  const auto r = db.query_one("SELECT name FROM unit WHERE id = ?", unit_id);
  return r ? r->str(0) : "";
}

int64_t insert_application(db::Connection& db, const Application& a) {
  const uint64_t added = db.execute(
      "INSERT IGNORE INTO business_account (account_name, display_name, unit_id, kind, email, "
      "phone,"
      " password_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
      a.account_name, a.display_name, a.unit_id, a.kind, a.email, a.phone, a.password_hash);
  return added == 1 ? static_cast<int64_t>(db.last_insert_id()) : 0;
}

std::optional<Account> find_account(db::Connection& db, int64_t id, bool lock) {
  const auto r = db.query_one(
      std::string(kAccountColumns) + " WHERE a.id = ?" + (lock ? " FOR UPDATE" : ""), id);
  if (!r) return std::nullopt;
  return account_from(*r);
}

std::vector<Account> unit_accounts(db::Connection& db, int64_t unit_id) {
  std::vector<Account> out;
  for (const auto& r :
       db.query(std::string(kAccountColumns) +
                    " WHERE a.unit_id = ? AND a.kind IN ('organizer', 'master')"
                    " ORDER BY a.approved_at IS NULL AND a.refused_at IS NULL DESC,"
                    " a.deleted_at IS NOT NULL, a.kind = 'master' DESC, a.display_name, a.id",
                unit_id)) {
    out.push_back(account_from(r));
  }
  return out;
}

std::vector<Account> approved_masters(db::Connection& db) {
  std::vector<Account> out;
  for (const auto& r : db.query(std::string(kAccountColumns) +
                                " WHERE a.kind = 'master' AND a.approved_at IS NOT NULL AND a.deleted_at IS NULL"
                                " ORDER BY u.code, a.display_name, a.id")) {
    out.push_back(account_from(r));
  }
  return out;
}

std::vector<Account> pending_masters(db::Connection& db) {
  std::vector<Account> out;
  for (const auto& r :
       db.query(std::string(kAccountColumns) +
                " WHERE a.kind = 'master' AND a.approved_at IS NULL AND a.refused_at IS NULL"
                " ORDER BY a.created_at, a.id")) {
    out.push_back(account_from(r));
  }
  return out;
}

std::vector<domain::ReviewUnitRole> review_unit_roles(db::Connection& db) {
  std::vector<domain::ReviewUnitRole> roles;
  for (const auto& r :
       db.query("SELECT id, IFNULL(review_role, '') AS review_role, county_id FROM unit"
                " WHERE is_review_unit OR review_role IS NOT NULL")) {
    roles.push_back({r.i64("id"), r.str("review_role"), r.i64("county_id")});
  }
  return roles;
}

bool approve(db::Connection& db, int64_t id) {
  return db.execute(
             "UPDATE business_account SET approved_at = NOW()"
             " WHERE id = ? AND approved_at IS NULL AND refused_at IS NULL",
             id) == 1;
}

bool refuse(db::Connection& db, int64_t id, const std::string& reason) {
  return db.execute(
             "UPDATE business_account SET refused_at = NOW(), refusal_reason = ?"
             " WHERE id = ? AND approved_at IS NULL AND refused_at IS NULL",
             reason, id) == 1;
}

bool disable(db::Connection& db, int64_t id) {
  return db.execute(
             "UPDATE business_account SET disabled_at = NOW()"
             " WHERE id = ? AND approved_at IS NOT NULL AND disabled_at IS NULL AND deleted_at IS "
             "NULL",
             id) == 1;
}

bool enable(db::Connection& db, int64_t id) {
  return db.execute(
             "UPDATE business_account SET disabled_at = NULL"
             " WHERE id = ? AND disabled_at IS NOT NULL AND deleted_at IS NULL",
             id) == 1;
}

bool mark_deleted(db::Connection& db, int64_t id) {
  return db.execute(
             "UPDATE business_account SET deleted_at = NOW(), disabled_at = IFNULL(disabled_at, "
             "NOW())"
             " WHERE id = ? AND approved_at IS NOT NULL AND deleted_at IS NULL",
             id) == 1;
}

void lock_unit(db::Connection& db, int64_t unit_id) {
  db.query_one("SELECT id FROM unit WHERE id = ? FOR UPDATE", unit_id);
}

std::vector<CourseLine> blocking_courses(db::Connection& db, int64_t account_id) {
  std::vector<CourseLine> out;
  for (const auto& r :
       db.query("SELECT code, title, state FROM course WHERE organizer_id = ? AND state IN " +
                    domain::sql_list_of_states(domain::blocks_account_deletion) +
                    " ORDER BY first_date, code",
                account_id)) {
    const auto state = domain::parse_state_code(r.str("state"));
    out.push_back(
        {r.str("code"), r.str("title"), state ? domain::state_label(*state) : r.str("state")});
  }
  return out;
}

std::vector<Change> unit_trail(db::Connection& db, int64_t unit_id, long limit) {
  std::vector<Change> out;
  for (const auto& r : db.query(
           "SELECT DATE_FORMAT(l.at, '%Y-%m-%d %H:%i') AS at,"
           " CASE WHEN l.actor = '-' THEN '申請人' ELSE IFNULL(b.display_name, l.actor) END AS who,"
           " CONCAT(t.display_name, '（', t.account_name, '）') AS account, l.action,"
           " IFNULL(l.detail, '') AS detail"
           " FROM audit_log l JOIN business_account t ON l.object = CONCAT('b:', t.id)"
           " LEFT JOIN business_account b ON l.actor = CONCAT('b:', b.id)"
           " WHERE t.unit_id = ? AND l.action LIKE 'account.%' ORDER BY l.at DESC, l.id DESC LIMIT "
           "?",
           unit_id, limit)) {
    out.push_back({r.str("at"), r.str("who"), r.str("account"), r.str("action"), r.str("detail")});
  }
  return out;
}

}  // namespace business::sql
