// The authorization endpoint of the OpenID provider: code flow only, PKCE S256 for every client,
// exact redirect URIs, consent on first use, 60-second single-use codes kept in MariaDB. Errors
// follow OIDC Core §3.1.2.6; a request that cannot be trusted to go back to its partner (unknown
// client, unregistered redirect_uri) gets a page, never a redirect.
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

namespace {

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

}  // namespace

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
