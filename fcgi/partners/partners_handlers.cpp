// Partner applications and their approval. An approval creates the OpenID client: its id, exact
// redirect URIs, the claims it may receive (never more than it asked for), whether it may report
// records, and a secret shown once and stored only as its SHA-256. An approval lapses a year
// after the vulnerability-scan report's date unless renewed with a newer report. What cannot be
// undone (a new secret for a client in use, 停權, 廢止) is asked again on a page of its own.
#include "partners/partners_handlers.h"

#include <map>
#include <set>

#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"
#include "app/routes.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/oidc.h"
#include "domain/roc_date.h"
#include "domain/validation.h"
#include "partners/partners_forms.h"
#include "partners/partners_sql.h"

namespace partners {

namespace {

const char* kTerms[] = {
    "申請單位應提供諮詢管道，供使用者有帳號漫遊疑義時，可協助排除問題。",
    "申請單位須配合本單位定期函文合作項目及聯繫窗口確認作業並函覆。",
    "申請單位如合作項目有執行疑義或承辦人員異動，皆請主動與本單位聯繫及告知。",
    "申請單位透過本項帳號漫遊取得之個人資料，僅限於合作目的範圍內使用，且須依《個人資料保護法》等相關規範辦理。"};

core::Response show_application(core::Context& cx, const Application& a, int status) {
  core::Page page(cx, "partners/apply.tpl", "帳號漫遊合作申請");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("partners.apply"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  shared::fill_errors(body, a.fields.errors());
  shared::fill_field_rows(body, "FIELD", a.fields);
  const core::FieldErrors& errors = a.fields.errors();
  for (const char* claim : domain::kRoamingClaims) {
    auto* d = body.AddSectionDictionary("CLAIM");
    d->SetValue("CODE", claim);
    d->SetValue("LABEL", domain::claim_label(claim));
    auto it = a.claim_uses.find(claim);
    if (it != a.claim_uses.end()) {
      d->ShowSection("CHECKED");
      d->SetValue("USE", it->second);
    }
    const std::string field = std::string("use_") + claim;
    if (errors.has(field)) {
      auto* beside = d->AddIncludeDictionary("ERROR");
      beside->SetFilename("partials/field_error.tpl");
      beside->SetValue("FIELD", field);
      beside->SetValue("MESSAGE", errors.message(field));
      d->ShowSection("INVALID");
    }
  }
  for (int i = 0; i < 4; ++i) {
    auto* d = body.AddSectionDictionary("TERM");
    d->SetIntValue("N", i + 1);
    d->SetValue("TEXT", kTerms[i]);
    if (a.agreed[i]) d->ShowSection("CHECKED");
  }
  return page.render(status);
}

std::string status_label(const std::string& status) {
  static const std::map<std::string, std::string> kLabels = {
      {"applied", "待審核"}, {"approved", "已核准"}, {"suspended", "已停權"}, {"revoked", "已廢止"}};
  auto it = kLabels.find(status);
  return it == kLabels.end() ? status : it->second;
}

std::string maintenance_label(const sql::Partner& p) {
  const std::string by = p.maintained_by == "self" ? "自行維護" : p.maintained_by == "vendor" ? "委外廠商" : "";
  if (by.empty()) return p.maintenance;
  return p.maintenance.empty() ? by : by + "：" + p.maintenance;
}

std::optional<sql::Partner> partner_of(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 4294967295LL);
  if (!id) return std::nullopt;
  return sql::find_partner(cx.db(), *id);
}

// What the partner's page shows again after a refusal: the form as typed, or the status error.
struct Refused {
  const core::Form* approval = nullptr;
  const core::Form* renewal = nullptr;
  core::FieldErrors status;
};

// The partner's page; the approval and renewal forms keep what was typed when refused.
core::Response show_partner_page(core::Context& cx, const sql::Partner& p, const std::string& new_secret,
                                 const Refused& refused, int status) {
  const core::Form* approval = refused.approval;
  const core::Form* renewal = refused.renewal;
  core::Page page(cx, "partners/show.tpl", "合作網站：" + p.site_name);
  auto& body = page.body();
  body.SetValue("CLIENT_ID", p.client_id);
  body.SetValue("SITE_NAME", p.site_name);
  body.SetValue("OPERATOR_NAME", p.operator_name);
  body.SetValue("HEAD", p.head_name + (p.head_phone.empty() ? "" : "｜" + p.head_phone) +
                            (p.head_email.empty() ? "" : "｜" + p.head_email));
  body.SetValue("CONTACT", p.contact_name + "｜" + p.contact_phone + "｜" + p.contact_email);
  body.SetValue("SITE_URL", p.site_url);
  body.SetValue("TEST_URL", p.test_url.empty() ? "無" : p.test_url);
  body.SetValue("AUDIENCE", p.audience);
  body.SetValue("MEMBERS", p.members);
  body.SetValue("PURPOSE", p.purpose);
  body.SetValue("MAINTENANCE", maintenance_label(p));
  body.SetValue("SCAN_DATE", shared::roc_date(p.scan_report_date));
  body.SetValue("EXPIRES", shared::roc_date(p.expires_on));
  if (!p.scan_current) body.ShowSection("SCAN_EXPIRED");
  body.SetValue("PRIVACY_URL", p.privacy_policy_url);
  body.SetValue("STATUS", status_label(p.status));
  body.SetValue("AGREED", p.agreed_terms ? "已同意四項事項" : "未同意");
  body.SetValue("LIST_URL", app::url_for("admin.partners"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  const std::string sid = std::to_string(p.id);
  body.SetValue("APPROVE_URL", app::url_for("admin.partner.approve", {sid}));
  body.SetValue("STATUS_URL", app::url_for("admin.partner.status", {sid}));
  body.SetValue("RENEW_URL", app::url_for("admin.partner.renew", {sid}));

  core::Form approval_shown(kApprovalForm);
  if (approval) {
    approval_shown = *approval;
  } else {
    approval_shown.set_raw("client_id", p.status == "applied" ? "" : p.client_id);
    approval_shown.set_raw("redirect_uris", p.redirect_uris);
    approval_shown.set_raw("may_report", p.may_report ? "1" : "");
  }
  auto* approve = body.AddSectionDictionary("APPROVAL");
  shared::fill_form(*approve, approval_shown);
  if (approval_shown.flag("may_report")) approve->ShowSection("MAY_REPORT");
  const auto granted = domain::split_set(p.claims);
  std::set<std::string> ticked(granted.begin(), granted.end());
  if (approval) {
    ticked.clear();
    for (const auto& c : cx.req().form.all("claims")) ticked.insert(c);
  }
  for (const char* claim : domain::kRoamingClaims) {
    auto it = p.claim_uses.find(claim);
    if (it == p.claim_uses.end() && !granted.count(claim)) continue;
    auto* d = approve->AddSectionDictionary("CLAIM");
    d->SetValue("CODE", claim);
    d->SetValue("LABEL", domain::claim_label(claim));
    d->SetValue("USE", it != p.claim_uses.end() ? it->second : "（未說明）");
    if (ticked.count(claim)) d->ShowSection("CHECKED");
  }
  approve->SetValue("BUTTON", p.status == "applied" ? "核准並產生 client secret" : "更新並產生新的 client secret…");
  if (p.status != "applied") approve->ShowSection("IN_USE");

  auto* renew = body.AddSectionDictionary("RENEWAL");
  shared::fill_form(*renew, renewal ? *renewal : core::Form(kRenewalForm));
  shared::fill_errors(*body.AddSectionDictionary("STATUS_FORM"), refused.status);
  if (p.status == "approved") body.ShowSection("CAN_SUSPEND");
  if (p.status == "suspended") body.ShowSection("CAN_REINSTATE");
  if (p.status != "revoked") body.ShowSection("CAN_REVOKE");
  if (!new_secret.empty()) body.SetValueAndShowSection("SECRET", new_secret, "NEW_SECRET");
  core::Response response = page.render(status);
  response.header("Cache-Control", "no-store");
  return response;
}

bool is_client_id(const std::string& s) {
  if (s.size() < 3 || s.size() > 60) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return s.rfind("applicant-", 0) != 0;
}

// What a status change does, for the confirmation page and the flash.
struct StatusChange {
  const char* action;
  const char* from;  // "" for any state but `to`
  const char* to;
  const char* verb;
  const char* consequence;  // "" when it can be undone and needs no confirmation
};
constexpr StatusChange kStatusChanges[] = {
    {"suspend", "approved", "suspended", "停權",
     "停權後，此網站的帳號漫遊登入與資訊傳報立即停止，已發出的存取權杖全部失效；之後可再恢復，但權杖不會復原。"},
    {"reinstate", "suspended", "approved", "恢復", ""},
    {"revoke", "", "revoked", "廢止",
     "廢止後，此網站的合作即終止且無法恢復：帳號漫遊登入與資訊傳報立即停止，已發出的存取權杖全部失效。如需再合作，須重新申請。"},
};

// A page that asks once more before an action that cannot be undone: the same form fields are
// posted again with confirm=1.
core::Response confirm_page(core::Context& cx, const sql::Partner& p, const std::string& action_url,
                            const std::string& verb, const std::string& consequence) {
  core::Page page(cx, "partners/confirm.tpl", "確認" + verb + "：" + p.site_name);
  auto& body = page.body();
  body.SetValue("VERB", verb);
  body.SetValue("SITE_NAME", p.site_name);
  body.SetValue("CONSEQUENCE", consequence);
  body.SetValue("ACTION", action_url);
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("BACK_URL", app::url_for("admin.partner", {std::to_string(p.id)}));
  const core::Params& form = cx.req().form;
  for (const char* name : {"action", "client_id", "redirect_uris", "claims", "may_report"}) {
    for (const auto& v : form.all(name)) {
      auto* d = body.AddSectionDictionary("KEEP");
      d->SetValue("NAME", name);
      d->SetValue("VALUE", v);
    }
  }
  return page.render(200);
}

bool confirmed(const core::Context& cx) { return cx.req().form.get_or("confirm") == "1"; }

}  // namespace

core::Response application_form(core::Context& cx) { return show_application(cx, Application{}, 200); }

core::Response apply(core::Context& cx) {
  Application a = read_application(cx.req().form, cx.today());
  if (!a.fields.ok()) return show_application(cx, a, 422);
  sql::NewApplication application;
  for (const core::FieldSpec& f : application_spec()) application.values[f.name] = a.fields.text(f.name);
  application.values["scan_report_date"] = domain::to_iso(*a.fields.date("scan_report_date"));
  application.claim_uses = a.claim_uses;
  application.placeholder_client_id = "applicant-" + core::random_token().substr(0, 16);
  application.placeholder_secret_sha256 = core::sha256_hex(core::random_token());
  int64_t id = 0;
  {
    db::Transaction tx(cx.db());
    id = sql::insert_application(cx.db(), application);
    shared::access::audit(cx, "partner.apply", std::to_string(id), application.values["site_name"]);
    tx.commit();
  }
  core::Page page(cx, "partners/applied.tpl", "申請已送出");
  page.body().SetIntValue("ID", id);
  page.body().SetValue("SITE_NAME", application.values["site_name"]);
  page.body().SetValue("HOME_URL", app::url_for("home"));
  return page.render(201);
}

core::Response list_partners(core::Context& cx) {
  core::Page page(cx, "partners/list.tpl", "合作網站管理");
  auto& body = page.body();
  body.SetValue("APPLY_URL", app::url_for("partners.apply.form"));
  for (const auto& p : sql::partners(cx.db())) {
    auto* row = body.AddSectionDictionary("PARTNER");
    row->SetValue("URL", app::url_for("admin.partner", {std::to_string(p.id)}));
    row->SetValue("SITE_NAME", p.site_name);
    row->SetValue("OPERATOR", p.operator_name);
    row->SetValue("CLIENT_ID", p.status == "applied" ? "（核准後設定）" : p.client_id);
    row->SetValue("STATUS", status_label(p.status) + (p.scan_current ? "" : "（弱點掃描逾期）"));
    row->SetValue("EXPIRES", shared::roc_date(p.expires_on));
    row->SetValue("APPLIED", shared::roc_date(p.applied_on));
  }
  return page.render();
}

core::Response show_partner(core::Context& cx) {
  const auto partner = partner_of(cx);
  if (!partner) return cx.not_found();
  return show_partner_page(cx, *partner, "", {}, 200);
}

core::Response approve_partner(core::Context& cx) {
  const auto partner = partner_of(cx);
  if (!partner) return cx.not_found();
  core::Form form(kApprovalForm, cx.req().form);
  const std::string client_id = form.text("client_id");
  const auto uris = domain::non_blank_lines(form.text("redirect_uris"));
  std::set<std::string> claims;
  for (const auto& c : cx.req().form.all("claims")) {
    if (partner->claim_uses.count(c)) {
      claims.insert(c);
    } else {
      form.errors().add("claims", "只能核准申請書列出的資料項目。");
    }
  }
  if (!client_id.empty() && !is_client_id(client_id)) {
    form.errors().add("client_id", "client_id 請用 3–60 個小寫英數字、- 或 _。");
  }
  if (uris.empty() && !form.errors().has("redirect_uris")) {
    form.errors().add("redirect_uris", "請至少填寫一個返回網址（redirect URI）。");
  }
  for (const auto& uri : uris) {
    if (!is_web_url(uri, true)) form.errors().add("redirect_uris", "返回網址不正確：" + uri);
  }
  if (!form.ok()) return show_partner_page(cx, *partner, "", {&form, nullptr, {}}, 422);
  if (sql::client_id_taken(cx.db(), client_id, partner->id)) {
    form.errors().add("client_id", "client_id「" + client_id + "」已被其他合作網站使用。");
    return show_partner_page(cx, *partner, "", {&form, nullptr, {}}, 409);
  }
  std::string joined;
  for (const auto& u : uris) joined += (joined.empty() ? "" : "\n") + u;
  // A client in use may have its settings changed and keep its secret.
  if (partner->status != "applied" && cx.req().form.get_or("keep_secret") == "1") {
    {
      db::Transaction tx(cx.db());
      sql::update_client(cx.db(), partner->id, {client_id, joined, domain::join_set(claims), "", form.flag("may_report")},
                         cx.user().id);
      shared::access::audit(cx, "partner.update", client_id, domain::join_set(claims));
      tx.commit();
    }
    cx.flash("合作網站的設定已更新，client secret 沒有變更。");
    return cx.see_other(app::url_for("admin.partner", {std::to_string(partner->id)}));
  }
  // A new secret for a client in use stops the partner's current one: asked once more.
  if (partner->status != "applied" && !confirmed(cx)) {
    return confirm_page(cx, *partner, app::url_for("admin.partner.approve", {std::to_string(partner->id)}),
                        "產生新的 client secret",
                        "產生新的 client secret 後，此網站目前使用的 secret 立即失效，合作網站須改用新的 secret 才能繼續帳號漫遊與資訊傳報。");
  }
  // The secret is shown once, on this answer; only its digest is kept.
  const std::string secret = core::random_token();
  {
    db::Transaction tx(cx.db());
    sql::approve(cx.db(), partner->id,
                 {client_id, joined, domain::join_set(claims), core::sha256_hex(secret), form.flag("may_report")},
                 cx.user().id);
    shared::access::audit(cx, "partner.approve", client_id, domain::join_set(claims));
    tx.commit();
  }
  return show_partner_page(cx, *sql::find_partner(cx.db(), partner->id), secret, {}, 200);
}

core::Response change_partner_status(core::Context& cx) {
  const auto partner = partner_of(cx);
  if (!partner) return cx.not_found();
  const std::string action = cx.req().form.get_or("action");
  const StatusChange* change = nullptr;
  for (const StatusChange& c : kStatusChanges) {
    if (action == c.action) change = &c;
  }
  if (!change) {
    Refused refused;
    refused.status.add("form", "請選擇停權、恢復或廢止，狀態沒有變更。");
    return show_partner_page(cx, *partner, "", refused, 422);
  }
  if (*change->consequence && !confirmed(cx)) {
    return confirm_page(cx, *partner, app::url_for("admin.partner.status", {std::to_string(partner->id)}),
                        change->verb, change->consequence);
  }
  {
    db::Transaction tx(cx.db());
    if (!sql::change_status(cx.db(), partner->id, change->from, change->to, cx.user().id)) {
      return cx.conflict("合作網站目前的狀態不能執行這個操作，沒有變更。");
    }
    if (std::string(change->to) != "approved") sql::revoke_tokens(cx.db(), partner->id);
    shared::access::audit(cx, std::string("partner.") + change->action, std::to_string(partner->id));
    tx.commit();
  }
  cx.flash("合作網站狀態已更新為「" + status_label(change->to) + "」。");
  return cx.see_other(app::url_for("admin.partner", {std::to_string(partner->id)}));
}

core::Response renew_partner(core::Context& cx) {
  const auto partner = partner_of(cx);
  if (!partner) return cx.not_found();
  core::Form form(kRenewalForm, cx.req().form);
  const auto scan = form.date("scan_report_date");
  const auto today = domain::parse_iso_date(cx.today());
  if (form.ok() && (!scan || !today || !scan_is_current(*scan, *today))) {
    form.errors().add("scan_report_date", "請填寫一年內的弱點掃描報告日期（例如 114/02/24）。");
  }
  if (!form.ok()) return show_partner_page(cx, *partner, "", {nullptr, &form, {}}, 422);
  sql::renew(cx.db(), partner->id, domain::to_iso(*scan));
  shared::access::audit(cx, "partner.renew", std::to_string(partner->id), domain::to_iso(*scan));
  cx.flash("已更新弱點掃描報告日期，核准延續至一年後。");
  return cx.see_other(app::url_for("admin.partner", {std::to_string(partner->id)}));
}

}  // namespace partners
