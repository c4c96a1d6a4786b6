// SQL of partner applications and the administrator's decisions on them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/db.h"

namespace partners::sql {

struct NewApplication {
  std::map<std::string, std::string> values;      // the form's text fields by name
  std::map<std::string, std::string> claim_uses;  // claim → what it is used for
  // Until approval the client has a placeholder id and a secret nobody knows.
  std::string placeholder_client_id, placeholder_secret_sha256;
};
// Stores an application; returns its id.
int64_t insert_application(db::Connection& db, const NewApplication& application);

struct Partner {
  int64_t id = 0;
  std::string client_id, site_name, operator_name, head_name, head_phone, head_email, contact_name,
      contact_phone, contact_email, site_url, test_url, audience, members, purpose, maintained_by,
      maintenance, redirect_uris, claims, scan_report_date, privacy_policy_url, status, expires_on,
      applied_on;
  bool may_report = false, agreed_terms = false, scan_current = false;
  std::map<std::string, std::string> claim_uses;
};
std::optional<Partner> find_partner(db::Connection& db, int64_t id);
std::vector<Partner> partners(db::Connection& db);  // applications waiting first, then newest
bool client_id_taken(db::Connection& db, const std::string& client_id, int64_t except_id);

struct Approval {
  std::string client_id, redirect_uris, claims, secret_sha256;
  bool may_report = false;
};
void approve(db::Connection& db, int64_t id, const Approval& approval, int64_t by_account);
// The client's settings of an approval already made, its secret and status left as they are.
void update_client(db::Connection& db, int64_t id, const Approval& approval, int64_t by_account);
// Moves the partner from `from` ("" for any state but `to`) to `to`; false when it was not there.
bool change_status(db::Connection& db, int64_t id, const std::string& from, const std::string& to,
                   int64_t by_account);
// Tokens already issued stop at once (they are checked against the partner's status too).
void revoke_tokens(db::Connection& db, int64_t id);
void renew(db::Connection& db, int64_t id, const std::string& scan_report_date);

}  // namespace partners::sql
