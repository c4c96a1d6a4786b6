// SQL of account roaming.
#include "sso/sso_sql.h"

#include "core/security.h"
#include "domain/validation.h"

namespace sso::sql {

namespace {
// TeacherFacts from teacher t LEFT JOIN unit u (第5條: not 在職, or no unit, reads records only).
constexpr const char* kTeacherFactsColumns =
    "t.name AS teacher_name, u.code AS school_code, u.name AS school_name, t.title_code,"
    " t.title_name, (t.employment <> 'active' OR t.unit_id IS NULL) AS records_only";

TeacherFacts facts_of(const db::Row& r) {
  return TeacherFacts{r.str("teacher_name"), r.str("school_code"), r.str("school_name"),
                      r.str("title_code"),   r.str("title_name"),  r.flag("records_only"), ""};
}

// A live token (see find_live_token): the joins after "FROM oidc_token k", and the conditions.
constexpr const char* kLiveTokenJoins =
    " JOIN partner p ON p.id = k.partner_id"
    " LEFT JOIN oidc_consent c ON c.teacher_id = k.teacher_id AND c.partner_id = k.partner_id";
constexpr const char* kLiveTokenConditions =
    " WHERE k.token_sha256 = ? AND k.revoked_at IS NULL AND k.expires_at > NOW()"
    " AND p.status = 'approved' AND p.scan_report_date >= CURDATE() - INTERVAL 1 YEAR"
    " AND (k.teacher_id IS NULL OR (c.teacher_id IS NOT NULL AND c.revoked_at IS NULL))";

// A token's own columns, read by token_of.
constexpr const char* kTokenColumns = "k.partner_id, k.teacher_id, k.scope, k.claims";

Token token_of(const db::Row& r) {
  Token t;
  t.partner_id = r.i64("partner_id");
  if (!r.is_null("teacher_id")) t.teacher_id = r.i64("teacher_id");
  t.scope = r.str("scope");
  t.claims = domain::split_set(r.str("claims"));
  return t;
}
}  // namespace

std::optional<Partner> find_partner(db::Connection& db, const std::string& client_id) {
  const auto r = db.query_one(
      "SELECT id, client_id, site_name, secret_sha256, redirect_uris, claims, may_report,"
      " status = 'approved' AND scan_report_date >= CURDATE() - INTERVAL 1 YEAR AS usable"
      " FROM partner WHERE client_id = ?",
      client_id);
  if (!r) return std::nullopt;
  Partner p;
  p.id = r->i64("id");
  p.client_id = r->str("client_id");
  p.site_name = r->str("site_name");
  p.secret_sha256 = r->str("secret_sha256");
  p.redirect_uris = domain::non_blank_lines(r->str("redirect_uris"));
  p.claims = domain::split_set(r->str("claims"));
  p.may_report = r->flag("may_report");
  p.usable = r->flag("usable");
  return p;
}

std::optional<TeacherFacts> teacher_facts(db::Connection& db, int64_t teacher_id) {
  const auto r = db.query_one(std::string("SELECT ") + kTeacherFactsColumns +
                                  " FROM teacher t LEFT JOIN unit u ON u.id = t.unit_id WHERE t.id = ?",
                              teacher_id);
  if (!r) return std::nullopt;
  return facts_of(*r);
}

std::optional<RoamingFacts> roaming_facts(db::Connection& db, int64_t teacher_id, int64_t partner_id) {
  const auto r = db.query_one(std::string("SELECT ") + kTeacherFactsColumns +
                                  ", c.claims AS consented_claims, c.teacher_id IS NOT NULL AS consented"
                                  " FROM teacher t LEFT JOIN unit u ON u.id = t.unit_id"
                                  " LEFT JOIN oidc_consent c ON c.teacher_id = t.id AND c.partner_id = ?"
                                  " AND c.revoked_at IS NULL WHERE t.id = ?",
                              partner_id, teacher_id);
  if (!r) return std::nullopt;
  RoamingFacts out{facts_of(*r), std::nullopt};
  if (r->flag("consented")) out.consent = domain::split_set(r->str("consented_claims"));
  return out;
}

void grant_consent(db::Connection& db, int64_t teacher_id, int64_t partner_id,
                   const std::set<std::string>& claims) {
  db.execute("INSERT INTO oidc_consent (teacher_id, partner_id, claims) VALUES (?, ?, ?)"
             " ON DUPLICATE KEY UPDATE claims = VALUES(claims), granted_at = NOW(), revoked_at = NULL",
             teacher_id, partner_id, domain::join_set(claims));
}

bool revoke_consent(db::Connection& db, int64_t teacher_id, int64_t partner_id) {
  const uint64_t changed = db.execute(
      "UPDATE oidc_consent SET revoked_at = NOW() WHERE teacher_id = ? AND partner_id = ?"
      " AND revoked_at IS NULL",
      teacher_id, partner_id);
  db.execute("UPDATE oidc_token SET revoked_at = NOW() WHERE teacher_id = ? AND partner_id = ?"
             " AND revoked_at IS NULL",
             teacher_id, partner_id);
  return changed == 1;
}

std::string subject_for(db::Connection& db, int64_t partner_id, int64_t teacher_id) {
  if (const auto r = db.query_one("SELECT sub FROM oidc_subject WHERE partner_id = ? AND teacher_id = ?",
                                  partner_id, teacher_id)) {
    return r->str(0);
  }
  // Random, so nothing about the teacher can be derived from it; INSERT IGNORE and read back
  // settle two first logins at once on one value.
  db.execute("INSERT IGNORE INTO oidc_subject (partner_id, teacher_id, sub) VALUES (?, ?, ?)",
             partner_id, teacher_id, core::random_token());
  return db.query_one("SELECT sub FROM oidc_subject WHERE partner_id = ? AND teacher_id = ?",
                      partner_id, teacher_id)->str(0);
}

std::optional<int64_t> teacher_of_subject(db::Connection& db, int64_t partner_id, const std::string& sub) {
  const auto r = db.query_one("SELECT teacher_id FROM oidc_subject WHERE partner_id = ? AND sub = ?",
                              partner_id, sub);
  if (!r) return std::nullopt;
  return r->i64(0);
}

void store_code(db::Connection& db, const std::string& code_sha256, const NewCode& c,
                int lifetime_seconds) {
  db.execute("INSERT INTO oidc_code (code_sha256, partner_id, teacher_id, redirect_uri,"
             " code_challenge, nonce, scope, claims, auth_time, expires_at)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?), NOW(3) + INTERVAL ? SECOND)",
             code_sha256, c.partner_id, c.teacher_id, c.redirect_uri, c.code_challenge,
             c.nonce.empty() ? std::optional<std::string>() : std::optional<std::string>(c.nonce),
             c.scope, domain::join_set(c.claims), c.auth_time_epoch, lifetime_seconds);
}

bool claim_code(db::Connection& db, const std::string& code_sha256, int64_t partner_id,
                const std::string& redirect_uri, const std::string& code_challenge) {
  return db.execute("UPDATE oidc_code SET used_at = NOW(3) WHERE code_sha256 = ? AND used_at IS NULL"
                    " AND expires_at > NOW(3) AND partner_id = ? AND redirect_uri = ? AND code_challenge = ?",
                    code_sha256, partner_id, redirect_uri, code_challenge) == 1;
}

std::optional<Code> find_code(db::Connection& db, const std::string& code_sha256) {
  const auto r = db.query_one("SELECT partner_id, redirect_uri, used_at IS NOT NULL AS used,"
                              " expires_at <= NOW(3) AS expired FROM oidc_code WHERE code_sha256 = ?",
                              code_sha256);
  if (!r) return std::nullopt;
  return Code{r->i64("partner_id"), r->str("redirect_uri"), r->flag("used"), r->flag("expired")};
}

std::optional<Redemption> redemption_of(db::Connection& db, const std::string& code_sha256) {
  const auto r = db.query_one(
      std::string("SELECT c.teacher_id, c.nonce, c.scope, c.claims,"
                  " UNIX_TIMESTAMP(c.auth_time) AS auth_time_epoch, s.sub, ") +
          kTeacherFactsColumns +
      " FROM oidc_code c JOIN teacher t ON t.id = c.teacher_id LEFT JOIN unit u ON u.id = t.unit_id"
      " LEFT JOIN oidc_subject s ON s.partner_id = c.partner_id AND s.teacher_id = c.teacher_id"
      " WHERE c.code_sha256 = ?",
      code_sha256);
  if (!r) return std::nullopt;
  Redemption out;
  out.teacher_id = r->i64("teacher_id");
  out.nonce = r->str("nonce");
  out.scope = r->str("scope");
  out.claims = domain::split_set(r->str("claims"));
  out.auth_time_epoch = r->str("auth_time_epoch");
  out.sub = r->str("sub");
  out.teacher = facts_of(*r);
  return out;
}

void revoke_tokens_of_code(db::Connection& db, const std::string& code_sha256) {
  db.execute("UPDATE oidc_token SET revoked_at = NOW() WHERE code_sha256 = ? AND revoked_at IS NULL",
             code_sha256);
}

void store_token(db::Connection& db, const std::string& token_sha256, int64_t partner_id,
                 std::optional<int64_t> teacher_id, const std::string& code_sha256,
                 const std::string& scope, const std::set<std::string>& claims, int lifetime_seconds) {
  db.execute("INSERT INTO oidc_token (token_sha256, partner_id, teacher_id, code_sha256, scope, claims,"
             " expires_at) VALUES (?, ?, ?, ?, ?, ?, NOW() + INTERVAL ? SECOND)",
             token_sha256, partner_id, teacher_id,
             code_sha256.empty() ? std::optional<std::string>() : std::optional<std::string>(code_sha256),
             scope, domain::join_set(claims), lifetime_seconds);
}

std::optional<Token> find_live_token(db::Connection& db, const std::string& token_sha256) {
  const auto r = db.query_one(std::string("SELECT ") + kTokenColumns + " FROM oidc_token k" +
                                  kLiveTokenJoins + kLiveTokenConditions,
                              token_sha256);
  if (!r) return std::nullopt;
  return token_of(*r);
}

std::optional<TokenHolder> find_live_token_holder(db::Connection& db, const std::string& token_sha256) {
  const auto r = db.query_one(std::string("SELECT ") + kTokenColumns +
                                  ", s.sub, t.id IS NOT NULL AS has_teacher, " +
                                  kTeacherFactsColumns + " FROM oidc_token k" + kLiveTokenJoins +
                                  " LEFT JOIN teacher t ON t.id = k.teacher_id"
                                  " LEFT JOIN unit u ON u.id = t.unit_id"
                                  " LEFT JOIN oidc_subject s ON s.partner_id = k.partner_id"
                                  " AND s.teacher_id = k.teacher_id" +
                                  kLiveTokenConditions,
                              token_sha256);
  if (!r) return std::nullopt;
  TokenHolder out{token_of(*r), std::nullopt, r->str("sub")};
  if (r->flag("has_teacher")) out.teacher = facts_of(*r);
  return out;
}

void record_disclosure(db::Connection& db, int64_t teacher_id, int64_t partner_id,
                       const std::string& event, const std::set<std::string>& claims) {
  db.execute("INSERT INTO partner_disclosure (teacher_id, partner_id, event, claims) VALUES (?, ?, ?, ?)",
             teacher_id, partner_id, event, domain::join_set(claims));
}

std::vector<PartnerLine> consents_of(db::Connection& db, int64_t teacher_id) {
  std::vector<PartnerLine> out;
  for (const auto& r : db.query(
           "SELECT p.client_id, p.site_name, c.claims,"
           " DATE_FORMAT(c.granted_at, '%Y-%m-%d %H:%i') AS granted_at,"
           " DATE_FORMAT(c.revoked_at, '%Y-%m-%d %H:%i') AS revoked_at"
           " FROM oidc_consent c JOIN partner p ON p.id = c.partner_id WHERE c.teacher_id = ?"
           " ORDER BY c.revoked_at IS NOT NULL, c.granted_at DESC",
           teacher_id)) {
    out.push_back({r.str("client_id"), r.str("site_name"), r.str("claims"), r.str("granted_at"),
                   r.str("revoked_at")});
  }
  return out;
}

std::vector<DisclosureLine> disclosures_of(db::Connection& db, int64_t teacher_id, int limit) {
  std::vector<DisclosureLine> out;
  for (const auto& r : db.query(
           "SELECT p.site_name, d.event, d.claims, DATE_FORMAT(d.at, '%Y-%m-%d %H:%i') AS at"
           " FROM partner_disclosure d JOIN partner p ON p.id = d.partner_id WHERE d.teacher_id = ?"
           " ORDER BY d.at DESC, d.id DESC LIMIT ?",
           teacher_id, limit)) {
    out.push_back({r.str("site_name"), r.str("event"), r.str("claims"), r.str("at")});
  }
  return out;
}

}  // namespace sso::sql
