// The token side of the OpenID provider: client authentication, code redemption (RS256
// id_tokens, pairwise subjects), client credentials for 資訊傳報, userinfo, discovery and the
// JWKS. Errors follow RFC 6749 §5.2 and RFC 6750 §3.
#include "sso/sso_handlers.h"

#include <algorithm>
#include <ctime>
#include <variant>

#include "app/routes.h"
#include "core/jwt.h"
#include "core/log.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/oidc.h"
#include "domain/validation.h"
#include "shared/access.h"
#include "shared/labels.h"
#include "sso/provider.h"
#include "sso/sso_sql.h"

namespace sso {

core::jwt::KeyRingCache& keys(const core::Config& config) {
  static core::jwt::KeyRingCache cache(config.oidc_keys_dir);
  return cache;
}

namespace {

core::Response oauth_error(core::Context& cx, int status, const std::string& error,
                           const std::string& description, bool basic_auth_used = false) {
  Json::Value body;
  body["error"] = error;
  if (!description.empty()) body["error_description"] = description;
  core::Response r = cx.json(body, status);
  r.header("Cache-Control", "no-store");
  r.header("Pragma", "no-cache");
  shared::access::audit_as(cx, "-", "oidc.token_refused", cx.req().form.get_or("client_id").substr(0, 60),
                        error);
  if (status == 401) {
    // RFC 6749 §5.2: a client that tried HTTP authentication is told which scheme to use.
    r.header("WWW-Authenticate", basic_auth_used ? "Basic realm=\"inservice\", charset=\"UTF-8\""
                                                 : "Basic realm=\"inservice\"");
  }
  core::log_error(cx.req().request_id, "oauth " + error);
  return r;
}

// RFC 6749 §2.3.1: client_secret_basic or client_secret_post, never both.
struct ClientAuth {
  std::optional<sql::Partner> partner;
  bool basic = false;
  std::string error;  // "" when authenticated
};

ClientAuth authenticate_client(core::Context& cx) {
  ClientAuth auth;
  const auto& form = cx.req().form;
  std::string id, secret;
  const std::string& header = cx.req().authorization;
  if (header.rfind("Basic ", 0) == 0) {
    auth.basic = true;
    const auto decoded = core::base64_decode(header.substr(6));
    const size_t colon = decoded ? decoded->find(':') : std::string::npos;
    if (!decoded || colon == std::string::npos || form.get("client_secret")) {
      auth.error = "invalid_client";
      return auth;
    }
    id = core::url_decode(decoded->substr(0, colon), true);
    secret = core::url_decode(decoded->substr(colon + 1), true);
    if (const auto body_id = form.get("client_id"); body_id && *body_id != id) {
      auth.error = "invalid_client";
      return auth;
    }
  } else {
    id = form.get_or("client_id");
    secret = form.get_or("client_secret");
  }
  if (id.empty() || secret.empty()) {
    auth.error = "invalid_client";
    return auth;
  }
  auto partner = sql::find_partner(cx.db(), id);
  // Compare digests in constant time; an unknown client costs the same hash.
  const std::string digest = core::sha256_hex(secret);
  if (!partner || !core::constant_time_equal(digest, partner->secret_sha256) || !partner->usable) {
    auth.error = "invalid_client";
    return auth;
  }
  auth.partner = std::move(partner);
  return auth;
}

Json::Value claims_json(const std::set<std::string>& claims, const sql::TeacherFacts& t) {
  Json::Value v(Json::objectValue);
  if (claims.count("name")) v["name"] = t.name;
  if (claims.count("school_code")) v["school_code"] = t.school_code;
  if (claims.count("school_name")) v["school_name"] = t.school_name;
  if (claims.count("title_code")) v["title_code"] = t.title_code;
  if (claims.count("title_name")) v["title_name"] = t.title_name;
  return v;
}

core::Response redeem_code(core::Context& cx, const sql::Partner& partner) {
  const auto& form = cx.req().form;
  const std::string code = form.get_or("code");
  const std::string verifier = form.get_or("code_verifier");
  const auto redirect_uri = form.get("redirect_uri");
  if (code.empty()) return oauth_error(cx, 400, "invalid_request", "code is required");
  const std::string code_hash = core::sha256_hex(code);

  // Only a code whose verifier hashes to its challenge can be claimed (RFC 7636 §4.6).
  const std::string challenge =
      domain::is_code_verifier(verifier) ? core::base64url(core::sha256_raw(verifier)) : std::string();
  db::Transaction tx(cx.db());
  if (challenge.empty() || !redirect_uri ||
      !sql::claim_code(cx.db(), code_hash, partner.id, *redirect_uri, challenge)) {
    // Nothing was claimed; the refusal and its audit line are committed.
    const auto code_row = sql::find_code(cx.db(), code_hash);
    std::string why = "code_verifier does not match";
    if (!code_row) {
      why = "unknown code";
    } else if (code_row->used) {
      // A second redemption: whatever the first one got stops working (RFC 6749 §4.1.2).
      sql::revoke_tokens_of_code(cx.db(), code_hash);
      shared::access::audit(cx, "oidc.code_reused", partner.client_id);
      why = "code already used";
    } else if (code_row->expired) {
      why = "code expired";
    } else if (code_row->partner_id != partner.id) {
      why = "code was issued to another client";
    } else if (!redirect_uri || *redirect_uri != code_row->redirect_uri) {
      why = "redirect_uri differs from the authorization request";
    }
    core::Response refused = oauth_error(cx, 400, "invalid_grant", why);
    tx.commit();
    return refused;
  }
  auto stored = sql::redemption_of(cx.db(), code_hash);
  if (!stored || stored->teacher.records_only) {
    core::Response refused = oauth_error(cx, 400, "invalid_grant", "account may not roam");
    tx.commit();
    return refused;
  }
  const std::string access_token = core::random_token();
  sql::store_token(cx.db(), core::sha256_hex(access_token), partner.id, stored->teacher_id, code_hash,
                   stored->scope, stored->claims, kTokenSeconds);
  const std::string sub = stored->sub.empty() ? sql::subject_for(cx.db(), partner.id, stored->teacher_id)
                                              : stored->sub;
  // The disclosure row is the audit of the issuance: which partner got what of whom, when.
  sql::record_disclosure(cx.db(), stored->teacher_id, partner.id, "token", stored->claims);
  tx.commit();

  const long now = static_cast<long>(std::time(nullptr));
  Json::Value id_token = claims_json(stored->claims, stored->teacher);
  id_token["iss"] = issuer(cx);
  id_token["sub"] = sub;
  id_token["aud"] = partner.client_id;
  id_token["iat"] = static_cast<Json::Int64>(now);
  id_token["exp"] = static_cast<Json::Int64>(now + kTokenSeconds);
  id_token["auth_time"] = static_cast<Json::Int64>(std::stoll(stored->auth_time_epoch.empty() ? "0" : stored->auth_time_epoch));
  if (!stored->nonce.empty()) id_token["nonce"] = stored->nonce;

  Json::Value body;
  body["access_token"] = access_token;
  body["token_type"] = "Bearer";
  body["expires_in"] = kTokenSeconds;
  body["scope"] = [&] {
    std::string s;
    for (const auto& part : domain::split_set(stored->scope)) s += (s.empty() ? "" : " ") + part;
    return s;
  }();
  body["id_token"] = keys(cx.config()).current()->sign(id_token);
  core::Response r = cx.json(body);
  r.header("Cache-Control", "no-store");
  r.header("Pragma", "no-cache");
  return r;
}

// The partner's own token for 資訊傳報 (SPEC §7): client credentials, reporting partners only.
core::Response client_credentials(core::Context& cx, const sql::Partner& partner) {
  if (!partner.may_report) return oauth_error(cx, 400, "unauthorized_client", "this client may not report records");
  const std::string access_token = core::random_token();
  sql::store_token(cx.db(), core::sha256_hex(access_token), partner.id, std::nullopt, "", "report", {},
                   kTokenSeconds);
  shared::access::audit_as(cx, "p:" + std::to_string(partner.id), "api.token", "");
  Json::Value body;
  body["access_token"] = access_token;
  body["token_type"] = "Bearer";
  body["expires_in"] = kTokenSeconds;
  body["scope"] = "report";
  core::Response r = cx.json(body);
  r.header("Cache-Control", "no-store");
  r.header("Pragma", "no-cache");
  return r;
}

core::Response bearer_error(core::Context& cx, const std::string& description) {
  shared::access::audit_as(cx, "-", "oidc.userinfo_refused", "", description);
  Json::Value body;
  body["error"] = "invalid_token";
  body["error_description"] = description;
  core::Response r = cx.json(body, 401);
  r.header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
  r.header("Cache-Control", "no-store");
  return r;
}

}  // namespace

core::Response discovery(core::Context& cx) {
  const std::string base = issuer(cx);
  Json::Value d;
  d["issuer"] = base;
  d["authorization_endpoint"] = base + app::url_for("oidc.authorize");
  d["token_endpoint"] = base + app::url_for("oidc.token");
  d["userinfo_endpoint"] = base + app::url_for("oidc.userinfo");
  d["jwks_uri"] = base + app::url_for("oidc.jwks");
  auto list = [](std::initializer_list<const char*> items) {
    Json::Value a(Json::arrayValue);
    for (const char* i : items) a.append(i);
    return a;
  };
  d["scopes_supported"] = list({"openid", "profile", "school", "title"});
  d["response_types_supported"] = list({"code"});
  d["response_modes_supported"] = list({"query"});
  d["grant_types_supported"] = list({"authorization_code", "client_credentials"});
  d["subject_types_supported"] = list({"pairwise"});
  d["id_token_signing_alg_values_supported"] = list({"RS256"});
  d["token_endpoint_auth_methods_supported"] = list({"client_secret_basic", "client_secret_post"});
  d["code_challenge_methods_supported"] = list({"S256"});
  d["claims_supported"] = list({"sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "name",
                                "school_code", "school_name", "title_code", "title_name"});
  d["prompt_values_supported"] = list({"none", "login", "consent"});
  d["claims_parameter_supported"] = false;
  d["request_parameter_supported"] = false;
  d["request_uri_parameter_supported"] = false;
  d["authorization_response_iss_parameter_supported"] = true;
  d["ui_locales_supported"] = list({"zh-TW"});
  core::Response r = cx.json(d);
  r.header("Cache-Control", "public, max-age=300");
  return r;
}

core::Response jwks(core::Context& cx) {
  core::Response r = cx.json(keys(cx.config()).current()->jwks());
  // Short: partners must see a new key soon after a rotation.
  r.header("Cache-Control", "public, max-age=60");
  return r;
}

core::Response token(core::Context& cx) {
  if (cx.req().content_type.rfind("application/x-www-form-urlencoded", 0) != 0) {
    return oauth_error(cx, 400, "invalid_request", "the body must be application/x-www-form-urlencoded");
  }
  const ClientAuth auth = authenticate_client(cx);
  if (!auth.error.empty()) return oauth_error(cx, 401, auth.error, "client authentication failed", auth.basic);
  const std::string grant = cx.req().form.get_or("grant_type");
  if (grant == "authorization_code") return redeem_code(cx, *auth.partner);
  if (grant == "client_credentials") return client_credentials(cx, *auth.partner);
  if (grant.empty()) return oauth_error(cx, 400, "invalid_request", "grant_type is required");
  return oauth_error(cx, 400, "unsupported_grant_type", "");
}

core::Response userinfo(core::Context& cx) {
  // Bearer in the Authorization header only: a token in a URL ends up in logs (RFC 6750 §2.3).
  if (cx.req().query.get("access_token") || cx.req().form.get("access_token")) {
    return bearer_error(cx, "send the token in the Authorization header");
  }
  const std::string& header = cx.req().authorization;
  if (header.rfind("Bearer ", 0) != 0 || header.size() <= 7) return bearer_error(cx, "missing token");
  const auto holder = sql::find_live_token_holder(cx.db(), core::sha256_hex(header.substr(7)));
  if (!holder || !holder->token.teacher_id) return bearer_error(cx, "unknown, expired or revoked token");
  if (!holder->teacher || holder->teacher->records_only) return bearer_error(cx, "account may not roam");
  Json::Value body = claims_json(holder->token.claims, *holder->teacher);
  body["sub"] = holder->sub;  // made in the transaction that issued the token
  // No disclosure row here: these claims were recorded when the token was issued.
  core::Response r = cx.json(body);
  r.header("Cache-Control", "no-store");
  return r;
}

}  // namespace sso
