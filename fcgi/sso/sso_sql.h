// SQL of account roaming: partners, consents, pairwise subjects, codes, tokens, disclosures.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/db.h"

namespace sso::sql {

struct Partner {
  int64_t id = 0;
  std::string client_id, site_name, secret_sha256;
  std::vector<std::string> redirect_uris;
  std::set<std::string> claims;  // approved attributes
  bool may_report = false;
  bool usable = false;  // approved and its scan report less than a year old
};
std::optional<Partner> find_partner(db::Connection& db, const std::string& client_id);

// What a teacher may give a partner: the attributes, and whether the account may roam at all.
struct TeacherFacts {
  std::string name, school_code, school_name, title_code, title_name;
  bool records_only = true;
  std::string login_at;  // the session's start: auth_time
};
std::optional<TeacherFacts> teacher_facts(db::Connection& db, int64_t teacher_id);

// At authorization: the teacher's facts, and the claims the teacher has consented to for this
// partner (nothing if never or revoked), in one read.
struct RoamingFacts {
  TeacherFacts teacher;
  std::optional<std::set<std::string>> consent;
};
std::optional<RoamingFacts> roaming_facts(db::Connection& db, int64_t teacher_id, int64_t partner_id);
void grant_consent(db::Connection& db, int64_t teacher_id, int64_t partner_id,
                   const std::set<std::string>& claims);
// Revokes the consent and every token issued to the partner for the teacher. False if none.
bool revoke_consent(db::Connection& db, int64_t teacher_id, int64_t partner_id);

// The partner's pairwise subject for the teacher, created on first use.
std::string subject_for(db::Connection& db, int64_t partner_id, int64_t teacher_id);
std::optional<int64_t> teacher_of_subject(db::Connection& db, int64_t partner_id, const std::string& sub);

struct NewCode {
  int64_t partner_id = 0, teacher_id = 0;
  std::string redirect_uri, code_challenge, nonce, scope;
  long auth_time_epoch = 0;
  std::set<std::string> claims;
};
void store_code(db::Connection& db, const std::string& code_sha256, const NewCode& code,
                int lifetime_seconds);

// Marks the code used if it is unused, unexpired, and was issued to this partner for this
// redirect_uri and PKCE challenge: one conditional UPDATE, so of concurrent redemptions exactly
// one wins. False otherwise (the caller asks why with find_code).
bool claim_code(db::Connection& db, const std::string& code_sha256, int64_t partner_id,
                const std::string& redirect_uri, const std::string& code_challenge);

struct Code {
  int64_t partner_id = 0;
  std::string redirect_uri;
  bool used = false, expired = false;
};
std::optional<Code> find_code(db::Connection& db, const std::string& code_sha256);

// What a claimed code issues: the request's details, the teacher's attributes and the
// partner's subject for the teacher (empty until the first login at this partner).
struct Redemption {
  int64_t teacher_id = 0;
  std::string nonce, scope, auth_time_epoch, sub;
  std::set<std::string> claims;
  TeacherFacts teacher;
};
std::optional<Redemption> redemption_of(db::Connection& db, const std::string& code_sha256);
// A code redeemed twice: whatever it issued stops working (RFC 9700 §4.2.4).
void revoke_tokens_of_code(db::Connection& db, const std::string& code_sha256);

void store_token(db::Connection& db, const std::string& token_sha256, int64_t partner_id,
                 std::optional<int64_t> teacher_id, const std::string& code_sha256,
                 const std::string& scope, const std::set<std::string>& claims, int lifetime_seconds);

struct Token {
  int64_t partner_id = 0;
  std::optional<int64_t> teacher_id;
  std::string scope;
  std::set<std::string> claims;
};
// A live token: not expired, not revoked, its partner usable, and its consent not revoked.
std::optional<Token> find_live_token(db::Connection& db, const std::string& token_sha256);
// The same for userinfo, with the teacher's facts and the partner's subject, in one read.
struct TokenHolder {
  Token token;
  std::optional<TeacherFacts> teacher;  // none for a partner's own (report) token
  std::string sub;
};
std::optional<TokenHolder> find_live_token_holder(db::Connection& db, const std::string& token_sha256);

void record_disclosure(db::Connection& db, int64_t teacher_id, int64_t partner_id,
                       const std::string& event, const std::set<std::string>& claims);

struct PartnerLine {
  std::string client_id, site_name, claims, granted_at, revoked_at;
};
std::vector<PartnerLine> consents_of(db::Connection& db, int64_t teacher_id);
struct DisclosureLine {
  std::string site_name, event, claims, at;
};
std::vector<DisclosureLine> disclosures_of(db::Connection& db, int64_t teacher_id, int limit);

}  // namespace sso::sql
