// SQL of partner applications and decisions.
#include "partners/partners_sql.h"

namespace partners::sql {

namespace {
std::string value(const std::map<std::string, std::string>& values, const char* name) {
  auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

std::optional<std::string> optional_text(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

constexpr const char* kPartnerColumns =
    "SELECT id, client_id, site_name, operator_name, head_name, head_phone, head_email,"
    " contact_name, contact_phone, contact_email, site_url, test_url, audience, members, purpose,"
    " maintained_by, maintenance, redirect_uris, claims, may_report, scan_report_date,"
    " privacy_policy_url, status, agreed_terms,"
    " scan_report_date + INTERVAL 1 YEAR AS expires_on,"
    " scan_report_date + INTERVAL 1 YEAR >= CURDATE() AS scan_current,"
    " DATE_FORMAT(created_at, '%Y-%m-%d') AS applied_on FROM partner";

Partner partner_of(const db::Row& r) {
  Partner p;
  p.id = r.i64("id");
  p.client_id = r.str("client_id");
  p.site_name = r.str("site_name");
  p.operator_name = r.str("operator_name");
  p.head_name = r.str("head_name");
  p.head_phone = r.str("head_phone");
  p.head_email = r.str("head_email");
  p.contact_name = r.str("contact_name");
  p.contact_phone = r.str("contact_phone");
  p.contact_email = r.str("contact_email");
  p.site_url = r.str("site_url");
  p.test_url = r.str("test_url");
  p.audience = r.str("audience");
  p.members = r.str("members");
  p.purpose = r.str("purpose");
  p.maintained_by = r.str("maintained_by");
  p.maintenance = r.str("maintenance");
  p.redirect_uris = r.str("redirect_uris");
  p.claims = r.str("claims");
  p.may_report = r.flag("may_report");
  p.scan_report_date = r.str("scan_report_date");
  p.privacy_policy_url = r.str("privacy_policy_url");
  p.status = r.str("status");
  p.agreed_terms = r.flag("agreed_terms");
  p.expires_on = r.str("expires_on");
  p.scan_current = r.flag("scan_current");
  p.applied_on = r.str("applied_on");
  return p;
}
}  // namespace

int64_t insert_application(db::Connection& db, const NewApplication& a) {
  const auto& v = a.values;
  std::string claims;
  for (const auto& [claim, use] : a.claim_uses) claims += (claims.empty() ? "" : ",") + claim;
  db.execute(
      "INSERT INTO partner (client_id, site_name, operator_name, head_name, head_phone, head_email,"
      " contact_name, contact_phone, contact_email, site_url, test_url, audience, members, purpose,"
      " maintained_by, maintenance, secret_sha256, redirect_uris, claims, may_report,"
      " scan_report_date, privacy_policy_url, status, agreed_terms)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
      " ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, 'applied', TRUE)",
      a.placeholder_client_id, value(v, "site_name"), value(v, "operator_name"), value(v, "head_name"), value(v, "head_phone"),
      value(v, "head_email"), value(v, "contact_name"), value(v, "contact_phone"),
      value(v, "contact_email"), value(v, "site_url"), value(v, "test_url"), value(v, "audience"),
      value(v, "members"), value(v, "purpose"), value(v, "maintained_by"),
      optional_text(value(v, "maintenance")), a.placeholder_secret_sha256, value(v, "redirect_uris"),
      claims,
      value(v, "scan_report_date"), value(v, "privacy_policy_url"));
  const int64_t id = static_cast<int64_t>(db.last_insert_id());
  for (const auto& [claim, use] : a.claim_uses) {
    db.execute("INSERT INTO partner_claim_use (partner_id, claim, use_text) VALUES (?, ?, ?)", id,
               claim, use);
  }
  return id;
}

std::optional<Partner> find_partner(db::Connection& db, int64_t id) {
  const auto r = db.query_one(std::string(kPartnerColumns) + " WHERE id = ?", id);
  if (!r) return std::nullopt;
  Partner p = partner_of(*r);
  for (const auto& u : db.query("SELECT claim, use_text FROM partner_claim_use WHERE partner_id = ?", id)) {
    p.claim_uses[u.str("claim")] = u.str("use_text");
  }
  return p;
}

std::vector<Partner> partners(db::Connection& db) {
  std::vector<Partner> out;
  for (const auto& r : db.query(std::string(kPartnerColumns) +
                                " ORDER BY status = 'applied' DESC, created_at DESC")) {
    out.push_back(partner_of(r));
  }
  return out;
}

bool client_id_taken(db::Connection& db, const std::string& client_id, int64_t except_id) {
  return db.query_one("SELECT 1 FROM partner WHERE client_id = ? AND id <> ?", client_id, except_id)
      .has_value();
}

void approve(db::Connection& db, int64_t id, const Approval& a, int64_t by_account) {
  db.execute("UPDATE partner SET client_id = ?, redirect_uris = ?, claims = ?, may_report = ?,"
             " secret_sha256 = ?, status = 'approved', decided_at = NOW(), decided_by = ? WHERE id = ?",
             a.client_id, a.redirect_uris, a.claims, a.may_report, a.secret_sha256, by_account, id);
}

void update_client(db::Connection& db, int64_t id, const Approval& a, int64_t by_account) {
  db.execute("UPDATE partner SET client_id = ?, redirect_uris = ?, claims = ?, may_report = ?,"
             " decided_at = NOW(), decided_by = ? WHERE id = ?",
             a.client_id, a.redirect_uris, a.claims, a.may_report, by_account, id);
}

bool change_status(db::Connection& db, int64_t id, const std::string& from, const std::string& to,
                   int64_t by_account) {
  if (from.empty()) {
    return db.execute("UPDATE partner SET status = ?, decided_at = NOW(), decided_by = ?"
                      " WHERE id = ? AND status <> ?",
                      to, by_account, id, to) == 1;
  }
  return db.execute("UPDATE partner SET status = ?, decided_at = NOW(), decided_by = ?"
                    " WHERE id = ? AND status = ?",
                    to, by_account, id, from) == 1;
}

void revoke_tokens(db::Connection& db, int64_t id) {
  db.execute("UPDATE oidc_token SET revoked_at = NOW() WHERE partner_id = ? AND revoked_at IS NULL", id);
}

void renew(db::Connection& db, int64_t id, const std::string& scan_report_date) {
  db.execute("UPDATE partner SET scan_report_date = ? WHERE id = ?", scan_report_date, id);
}

}  // namespace partners::sql
