// The OpenID Connect provider: code flow only, PKCE S256 for every client, exact redirect URIs,
// pairwise subjects, consent on first use, 60-second single-use codes kept in MariaDB.
// Errors follow OIDC Core §3.1.2.6 and RFC 6749 §5.2; a request that cannot be trusted to go
// back to its partner (unknown client, unregistered redirect_uri) gets a page, never a redirect.
#include "sso/sso_handlers.h"

#include <algorithm>
#include <ctime>
#include <variant>

#include "shared/access.h"
#include "shared/labels.h"
#include "app/routes.h"
#include "core/jwt.h"
#include "core/log.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/oidc.h"
#include "domain/validation.h"
#include "sso/sso_sql.h"

namespace sso {

namespace {

constexpr int kCodeSeconds = 60;
constexpr int kTokenSeconds = 600;

core::jwt::KeyRingCache& keys(const core::Config& config) {
  static core::jwt::KeyRingCache cache(config.oidc_keys_dir);
  return cache;
}

std::string issuer(const core::Context& cx) { return cx.config().base_url; }

// The parameters of an authorization request, from the query (GET) or the consent form (POST).
struct AuthRequest {
  std::string client_id, redirect_uri, response_type, scope, state, nonce, code_challenge,
      code_challenge_method, prompt, max_age;
  std::string login_after;  // ours: "epoch.hmac", set when we sent the teacher to log in
  bool has_redirect_uri = false;
};

AuthRequest read_auth_request(const core::Params& p) {
  AuthRequest a;
  a.client_id = p.get_or("client_id");
  a.has_redirect_uri = p.get("redirect_uri").has_value();
  a.redirect_uri = p.get_or("redirect_uri");
  a.response_type = p.get_or("response_type");
  a.scope = p.get_or("scope");
  a.state = p.get_or("state");
  a.nonce = p.get_or("nonce");
  a.code_challenge = p.get_or("code_challenge");
  a.code_challenge_method = p.get_or("code_challenge_method");
  a.prompt = p.get_or("prompt");
  a.max_age = p.get_or("max_age");
  a.login_after = p.get_or("login_after");
  return a;
}

std::vector<std::pair<std::string, std::string>> fields_of(const AuthRequest& a) {
  return {{"client_id", a.client_id},   {"redirect_uri", a.redirect_uri},
          {"response_type", a.response_type}, {"scope", a.scope},
          {"state", a.state},           {"nonce", a.nonce},
          {"code_challenge", a.code_challenge},
          {"code_challenge_method", a.code_challenge_method},
          {"max_age", a.max_age}};
}

// Until the client and its redirect URI check out, nothing about this request may go back to
// a partner: the answer is a page of ours.
core::Response refuse_without_redirect(core::Context& cx, const std::string& message) {
  shared::access::audit(cx, "oidc.refused", "", message);
  return cx.error(400, "帳號漫遊請求無效", message + " 請回到合作網站重新操作；如問題持續，請洽該網站。",
                  "invalid_request");
}

// Back to the partner with an error (OIDC Core §3.1.2.6), state and iss (RFC 9207).
core::Response redirect_error(core::Context& cx, const AuthRequest& a, const std::string& error,
                              const std::string& description) {
  std::vector<std::pair<std::string, std::string>> params{{"error", error}};
  if (!description.empty()) params.emplace_back("error_description", description);
  if (!a.state.empty()) params.emplace_back("state", a.state);
  params.emplace_back("iss", issuer(cx));
  shared::access::audit(cx, "oidc.error", a.client_id, error);
  return cx.see_other(domain::redirect_with(a.redirect_uri, params));
}

struct Checked {
  sql::Partner partner;
  std::set<std::string> scopes;
  std::set<std::string> claims;
  std::set<std::string> prompts;
  std::optional<long> max_age;
};

// The client and its redirect_uri: until both check out, every answer is a page, never a redirect.
std::variant<sql::Partner, core::Response> check_client(core::Context& cx, const AuthRequest& a) {
  auto partner = sql::find_partner(cx.db(), a.client_id);
  if (a.client_id.empty() || !partner) return refuse_without_redirect(cx, "不明的合作網站（client_id）。");
  if (!a.has_redirect_uri) return refuse_without_redirect(cx, "請求缺少 redirect_uri。");
  bool registered = false;
  for (const auto& uri : partner->redirect_uris) registered |= uri == a.redirect_uri;  // byte for byte
  if (!registered) return refuse_without_redirect(cx, "redirect_uri 與合作網站登記的網址不符。");
  if (!partner->usable) {
    return refuse_without_redirect(cx, "此合作網站的帳號漫遊目前未核准或已停用（弱點掃描報告逾一年時亦同）。");
  }
  return std::move(*partner);
}

// The rest of the request, in the order the spec sets; errors go back to the partner.
std::variant<Checked, core::Response> check_params(core::Context& cx, const AuthRequest& a,
                                                   const sql::Partner& client) {
  const sql::Partner* partner = &client;
  if (a.response_type.empty()) return redirect_error(cx, a, "invalid_request", "response_type is required");
  if (a.response_type != "code") {
    return redirect_error(cx, a, "unsupported_response_type", "only the code flow is supported");
  }
  const domain::ScopeCheck scope = domain::check_scope(a.scope, partner->claims);
  if (!scope.error.empty()) {
    return redirect_error(cx, a, "invalid_scope", "openid is required; other scopes must be approved");
  }
  if (a.code_challenge.empty()) return redirect_error(cx, a, "invalid_request", "PKCE code_challenge is required");
  if (a.code_challenge_method != "S256") {
    return redirect_error(cx, a, "invalid_request", "transform algorithm not supported");
  }
  if (!domain::is_s256_challenge(a.code_challenge)) {
    return redirect_error(cx, a, "invalid_request", "code_challenge must be 43 base64url characters");
  }
  // Kept whole or refused: the partner compares the nonce it sent (OIDC Core §3.1.2.1).
  if (a.nonce.size() > 255) return redirect_error(cx, a, "invalid_request", "nonce longer than 255 characters");
  Checked c{*partner, scope.scopes, domain::released_claims(scope.scopes, partner->claims), {}, {}};
  std::string prompt_list = a.prompt;
  std::replace(prompt_list.begin(), prompt_list.end(), ' ', ',');
  c.prompts = domain::split_set(prompt_list);
  if (c.prompts.count("none") && c.prompts.size() > 1) {
    return redirect_error(cx, a, "invalid_request", "prompt=none cannot be combined");
  }
  if (!a.max_age.empty()) {
    if (a.max_age.size() > 9 || a.max_age.find_first_not_of("0123456789") != std::string::npos) {
      return redirect_error(cx, a, "invalid_request", "max_age must be a number of seconds");
    }
    c.max_age = std::stol(a.max_age);
  }
  return c;
}

// Back to this request after logging in, with proof (signed by us) of when the login was asked
// for, so prompt=login and max_age are satisfied by that login and do not loop.
std::string authorize_url_after_login(const core::Context& cx, const AuthRequest& a, long asked_at) {
  auto fields = fields_of(a);
  if (!a.prompt.empty()) fields.emplace_back("prompt", a.prompt);
  const std::string stamp = std::to_string(asked_at);
  fields.emplace_back("login_after", stamp + "." + core::hmac_sha256_b64(cx.config().secret, "login_after:" + stamp));
  std::vector<std::pair<std::string, std::string>> present;
  for (const auto& f : fields) {
    if (!f.second.empty()) present.push_back(f);
  }
  return domain::redirect_with(app::url_for("oidc.authorize"), present);
}

// True when this session began after the login we asked for.
bool logged_in_as_asked(const core::Context& cx, const AuthRequest& a) {
  const size_t dot = a.login_after.find('.');
  if (dot == std::string::npos || dot == 0 || dot > 12) return false;
  const std::string stamp = a.login_after.substr(0, dot);
  if (stamp.find_first_not_of("0123456789") != std::string::npos) return false;
  if (!core::constant_time_equal(a.login_after.substr(dot + 1),
                                 core::hmac_sha256_b64(cx.config().secret, "login_after:" + stamp))) {
    return false;
  }
  return cx.user().signed_in_epoch >= std::stol(stamp);
}

// The session's start, which is when the teacher last authenticated (auth_time).
long login_epoch(const core::Context& cx) { return cx.user().signed_in_epoch; }

core::Response issue_code(core::Context& cx, const AuthRequest& a, const Checked& c) {
  const std::string code = core::random_token();  // 256 bits
  sql::NewCode nc;
  nc.partner_id = c.partner.id;
  nc.teacher_id = cx.user().id;
  nc.redirect_uri = a.redirect_uri;
  nc.code_challenge = a.code_challenge;
  nc.nonce = a.nonce;
  nc.scope = domain::join_set(c.scopes);
  nc.claims = c.claims;
  nc.auth_time_epoch = login_epoch(cx);
  sql::store_code(cx.db(), core::sha256_hex(code), nc, kCodeSeconds);
  std::vector<std::pair<std::string, std::string>> params{{"code", code}};
  if (!a.state.empty()) params.emplace_back("state", a.state);
  params.emplace_back("iss", issuer(cx));
  return cx.see_other(domain::redirect_with(a.redirect_uri, params));
}

void fill_claims(ctemplate::TemplateDictionary& dict, const std::set<std::string>& claims) {
  for (const char* claim : domain::kRoamingClaims) {
    if (claims.count(claim)) dict.AddSectionDictionary("CLAIM")->SetValue("LABEL", domain::claim_label(claim));
  }
  if (claims.empty()) dict.ShowSection("ONLY_SUB");
}

core::Response show_consent(core::Context& cx, const AuthRequest& a, const Checked& c) {
  core::Page page(cx, "sso/consent.tpl", "授權合作網站");
  auto& body = page.body();
  body.SetValue("SITE_NAME", c.partner.site_name);
  body.SetValue("ACTION", app::url_for("oidc.consent"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("REDIRECT_HOST", a.redirect_uri);
  fill_claims(body, c.claims);
  for (const auto& [name, value] : fields_of(a)) {
    auto* f = body.AddSectionDictionary("FIELD");
    f->SetValue("NAME", name);
    f->SetValue("VALUE", value);
  }
  core::Response r = page.render();
  r.header("Content-Security-Policy", core::content_security_policy(domain::origin_of(a.redirect_uri)));
  return r;
}

// After the request checked out and the teacher is signed in: roaming allowed? consent? code.
core::Response continue_signed_in(core::Context& cx, const AuthRequest& a, const Checked& c) {
  const auto facts = sql::roaming_facts(cx.db(), cx.user().id, c.partner.id);
  if (!facts || facts->teacher.records_only) {
    // 第5條: records-only accounts cannot roam. Tell the teacher why, then the partner.
    sql::record_disclosure(cx.db(), cx.user().id, c.partner.id, "denied", {});
    shared::access::audit(cx, "oidc.denied_records_only", c.partner.client_id);
    core::Page page(cx, "sso/denied.tpl", "無法使用帳號漫遊");
    page.body().SetValue("SITE_NAME", c.partner.site_name);
    std::vector<std::pair<std::string, std::string>> params{
        {"error", "access_denied"}, {"error_description", "account is limited to study records"}};
    if (!a.state.empty()) params.emplace_back("state", a.state);
    params.emplace_back("iss", issuer(cx));
    page.body().SetValue("BACK_URL", domain::redirect_with(a.redirect_uri, params));
    return page.render(403);
  }
  const auto& consent = facts->consent;
  bool covered = consent.has_value();
  if (consent) {
    for (const auto& claim : c.claims) covered &= consent->count(claim) > 0;
  }
  if (!covered || c.prompts.count("consent")) {
    if (c.prompts.count("none")) return redirect_error(cx, a, "consent_required", "");
    return show_consent(cx, a, c);
  }
  return issue_code(cx, a, c);
}

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

core::Response authorize(core::Context& cx) {
  const AuthRequest a = read_auth_request(cx.req().query);
  auto client = check_client(cx, a);
  if (auto* response = std::get_if<core::Response>(&client)) return std::move(*response);
  const sql::Partner& partner = std::get<sql::Partner>(client);
  const bool teacher = cx.user().role == core::Role::kTeacher;
  const long now = static_cast<long>(std::time(nullptr));
  const bool prompt_none = (" " + a.prompt + " ").find(" none ") != std::string::npos;
  auto to_login = [&] {
    return cx.see_other(app::url_for("login.form") + "?next=" +
                        core::url_encode(authorize_url_after_login(cx, a, now)));
  };
  // Nobody is sent back to a partner, even with an error, before logging in here.
  if (!teacher && !prompt_none) return to_login();

  auto checked = check_params(cx, a, partner);
  if (auto* response = std::get_if<core::Response>(&checked)) return std::move(*response);
  const Checked& c = std::get<Checked>(checked);
  // max_age=0 asks for a login now, like prompt=login.
  const bool fresh_enough = logged_in_as_asked(cx, a) ||
                            (!c.prompts.count("login") &&
                             (!c.max_age || (*c.max_age > 0 && now - login_epoch(cx) <= *c.max_age)));
  if (!teacher || !fresh_enough) {
    if (prompt_none) return redirect_error(cx, a, "login_required", "");
    return to_login();
  }
  return continue_signed_in(cx, a, c);
}

core::Response decide_consent(core::Context& cx) {
  const AuthRequest a = read_auth_request(cx.req().form);
  auto client = check_client(cx, a);
  if (auto* response = std::get_if<core::Response>(&client)) return std::move(*response);
  auto checked = check_params(cx, a, std::get<sql::Partner>(client));
  if (auto* response = std::get_if<core::Response>(&checked)) return std::move(*response);
  const Checked& c = std::get<Checked>(checked);
  if (cx.req().form.get_or("decision") != "allow") {
    sql::record_disclosure(cx.db(), cx.user().id, c.partner.id, "denied", {});
    return redirect_error(cx, a, "access_denied", "the teacher declined");
  }
  const auto facts = sql::teacher_facts(cx.db(), cx.user().id);
  if (!facts || facts->records_only) return continue_signed_in(cx, a, c);
  {
    db::Transaction tx(cx.db());
    sql::grant_consent(cx.db(), cx.user().id, c.partner.id, c.claims);
    sql::record_disclosure(cx.db(), cx.user().id, c.partner.id, "consent", c.claims);
    shared::access::audit(cx, "oidc.consent", c.partner.client_id, domain::join_set(c.claims));
    tx.commit();
  }
  return issue_code(cx, a, c);
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

core::Response partners(core::Context& cx) {
  core::Page page(cx, "sso/partners.tpl", "合作網站授權紀錄");
  auto& body = page.body();
  const std::string csrf = cx.csrf_token();
  body.SetValue("TEACHER_URL", app::url_for("teacher.home"));
  auto labels = [](const std::string& csv) {
    std::string out;
    for (const auto& claim : domain::split_set(csv)) out += (out.empty() ? "" : "、") + std::string(domain::claim_label(claim));
    return out.empty() ? std::string("（僅識別碼）") : out;
  };
  const auto consents = sql::consents_of(cx.db(), cx.user().id);
  for (const auto& c : consents) {
    auto* row = body.AddSectionDictionary("CONSENT");
    row->SetValue("SITE_NAME", c.site_name);
    row->SetValue("CLAIMS", labels(c.claims));
    row->SetValue("GRANTED_AT", shared::roc_datetime(c.granted_at));
    if (c.revoked_at.empty()) {
      auto* d = row->AddSectionDictionary("ACTIVE");
      d->SetValue("URL", app::url_for("teacher.partners.revoke", {c.client_id}));
      d->SetValue("CSRF_TOKEN", csrf);
      d->SetValue("SITE_NAME", c.site_name);
    } else {
      row->SetValueAndShowSection("REVOKED_AT", shared::roc_datetime(c.revoked_at), "REVOKED");
    }
  }
  if (consents.empty()) body.ShowSection("NO_CONSENTS");
  for (const auto& d : sql::disclosures_of(cx.db(), cx.user().id, 100)) {
    auto* row = body.AddSectionDictionary("DISCLOSURE");
    row->SetValue("AT", shared::roc_datetime(d.at));
    row->SetValue("SITE_NAME", d.site_name);
    const char* event = d.event == "consent"  ? "同意授權"
                        : d.event == "token"  ? "登入並取得資料"
                        : d.event == "userinfo" ? "讀取個人資料"
                        : d.event == "revoke" ? "撤銷授權"
                                              : "拒絕或無法授權";
    row->SetValue("EVENT", event);
    row->SetValue("CLAIMS", d.event == "revoke" || d.event == "denied" ? "—" : labels(d.claims));
  }
  return page.render();
}

core::Response revoke_partner(core::Context& cx) {
  const auto partner = sql::find_partner(cx.db(), cx.param("client"));
  if (!partner) return cx.not_found();
  {
    db::Transaction tx(cx.db());
    if (!sql::revoke_consent(cx.db(), cx.user().id, partner->id)) return cx.not_found();
    sql::record_disclosure(cx.db(), cx.user().id, partner->id, "revoke", {});
    shared::access::audit(cx, "oidc.revoke", partner->client_id);
    tx.commit();
  }
  cx.flash("已撤銷「" + partner->site_name + "」的授權，該網站已取得的登入權杖即刻失效。");
  return cx.see_other(app::url_for("teacher.partners"));
}

std::string partner_origin_for_next(core::Context& cx, const std::string& next) {
  const std::string prefix = app::url_for("oidc.authorize") + "?";
  if (next.rfind(prefix, 0) != 0) return "";
  core::Params params;
  if (core::parse_urlencoded(next.substr(prefix.size()), core::Limits{}, params) != core::ParseError::kNone) {
    return "";
  }
  const auto partner = sql::find_partner(cx.db(), params.get_or("client_id"));
  const std::string uri = params.get_or("redirect_uri");
  if (!partner) return "";
  for (const auto& registered : partner->redirect_uris) {
    if (registered == uri) return domain::origin_of(uri);
  }
  return "";
}

}  // namespace sso
