// Partner applications and their approval. An approval creates the OpenID client: its id, exact
// redirect URIs, the claims it may receive (never more than it asked for), whether it may report
// records, and a secret shown once and stored only as its SHA-256. An approval lapses a year
// after the vulnerability-scan report's date unless renewed with a newer report.
#include "partners/partners_handlers.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/access.h"
#include "app/labels.h"
#include "app/routes.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/oidc.h"
#include "domain/roc_date.h"
#include "domain/validation.h"

namespace partners {

namespace {

struct Field {
  const char* name;
  const char* label;
  size_t max_chars;
  bool required;
};
// The application's text fields, in the order of appendix 1.
constexpr Field kFields[] = {
    {"operator_name", "營運單位名稱", 100, true}, {"head_name", "單位主管姓名", 50, true},
    {"contact_name", "承辦人姓名", 50, true},     {"contact_phone", "承辦人聯絡電話", 30, true},
    {"contact_email", "承辦人電子信箱", 254, true}, {"site_name", "網站名稱", 100, true},
    {"site_url", "網站網址", 300, true},          {"test_url", "測試網址", 300, false},
    {"audience", "服務對象", 200, true},          {"members", "已有會員數", 100, true},
    {"purpose", "網站設立目的", 2000, true},      {"maintenance", "網站維護方式", 2000, true},
    {"redirect_uris", "登入後返回網址（redirect URI，每行一個）", 2000, true},
    {"privacy_policy_url", "隱私權政策網址", 300, true},
    {"scan_report_date", "系統弱點掃描報告日期", 20, true},
};

bool is_web_url(const std::string& s, bool allow_http_loopback_only) {
  const bool https = s.rfind("https://", 0) == 0;
  const bool http = s.rfind("http://", 0) == 0;
  if (!https && !http) return false;
  if (s.find('#') != std::string::npos || s.find(' ') != std::string::npos) return false;
  const size_t host_start = https ? 8 : 7;
  if (s.size() <= host_start) return false;
  // Plain http only to loopback (development partners), as RFC 9700 §2.6 allows.
  if (http && allow_http_loopback_only) {
    return s.rfind("http://127.0.0.1", 0) == 0 || s.rfind("http://localhost", 0) == 0;
  }
  return true;
}

struct Application {
  std::map<std::string, std::string> values;
  std::map<std::string, std::string> claim_uses;  // claim → use
  bool agreed[4] = {false, false, false, false};
  std::vector<std::pair<std::string, std::string>> errors;  // field, message
};

Application read_application(const core::Params& form, const std::string& today) {
  Application a;
  for (const Field& f : kFields) {
    const std::string v = domain::trim(form.get_or(f.name));
    a.values[f.name] = v;
    if (f.required && v.empty()) a.errors.emplace_back(f.name, std::string("請填寫「") + f.label + "」。");
    else if (domain::utf8_length(v) > f.max_chars) {
      a.errors.emplace_back(f.name, std::string("「") + f.label + "」請在 " + std::to_string(f.max_chars) + " 字以內。");
    }
  }
  for (const char* claim : domain::kRoamingClaims) {
    if (form.get_or(std::string("claim_") + claim) != "1") continue;
    const std::string use = domain::trim(form.get_or(std::string("use_") + claim));
    a.claim_uses[claim] = use;
    if (use.empty() || domain::utf8_length(use) > 300) {
      a.errors.emplace_back(std::string("use_") + claim,
                            std::string("請說明「") + domain::claim_label(claim) + "」的用途（300 字以內）。");
    }
  }
  for (int i = 0; i < 4; ++i) a.agreed[i] = form.get_or("agree_" + std::to_string(i + 1)) == "1";
  if (!std::all_of(std::begin(a.agreed), std::end(a.agreed), [](bool b) { return b; })) {
    a.errors.emplace_back("agreements", "須詳閱並同意全部四項事項才能申請。");
  }
  if (!a.values["contact_email"].empty() && !domain::is_valid_email(a.values["contact_email"])) {
    a.errors.emplace_back("contact_email", "承辦人電子信箱格式不正確。");
  }
  for (const char* url : {"site_url", "privacy_policy_url"}) {
    if (!a.values[url].empty() && !is_web_url(a.values[url], false)) {
      a.errors.emplace_back(url, "請填寫以 https:// 開頭的完整網址。");
    }
  }
  if (!a.values["test_url"].empty() && !is_web_url(a.values["test_url"], false)) {
    a.errors.emplace_back("test_url", "測試網址請填寫完整網址，沒有可留空。");
  }
  for (const auto& uri : domain::non_blank_lines(a.values["redirect_uris"])) {
    if (!is_web_url(uri, true)) {
      a.errors.emplace_back("redirect_uris", "返回網址須為 https 網址（本機測試可用 http://127.0.0.1），不可含 #：" + uri);
      break;
    }
  }
  const auto scan = domain::parse_any_date(a.values["scan_report_date"]);
  const auto now = domain::parse_iso_date(today);
  if (!a.values["scan_report_date"].empty()) {
    if (!scan) {
      a.errors.emplace_back("scan_report_date", "弱點掃描報告日期請用 114/02/24 或 2025-02-24 的格式。");
    } else if (now && (*now < *scan || domain::days_from_civil(*now) - domain::days_from_civil(*scan) > 365)) {
      a.errors.emplace_back("scan_report_date", "弱點掃描報告須為申請日前一年內。");
    } else {
      a.values["scan_report_date"] = domain::to_iso(*scan);
    }
  }
  return a;
}

core::Response show_form(core::Context& cx, const Application& a, int status) {
  core::Page page(cx, "partners/apply.tpl", "帳號漫遊合作申請");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("partners.apply"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  for (const Field& f : kFields) {
    auto* d = body.AddSectionDictionary("FIELD");
    d->SetValue("NAME", f.name);
    d->SetValue("LABEL", f.label);
    auto it = a.values.find(f.name);
    d->SetValue("VALUE", it == a.values.end() ? "" : it->second);
    if (!f.required) d->ShowSection("OPTIONAL");
    const bool long_text = f.max_chars > 300;
    d->ShowSection(long_text ? "TEXTAREA" : "INPUT");
    for (const auto& [field, message] : a.errors) {
      if (field == f.name) d->SetValueAndShowSection("ERROR", message, "HAS_ERROR");
    }
  }
  for (const char* claim : domain::kRoamingClaims) {
    auto* d = body.AddSectionDictionary("CLAIM");
    d->SetValue("CODE", claim);
    d->SetValue("LABEL", domain::claim_label(claim));
    auto it = a.claim_uses.find(claim);
    if (it != a.claim_uses.end()) {
      d->ShowSection("CHECKED");
      d->SetValue("USE", it->second);
    }
    for (const auto& [field, message] : a.errors) {
      if (field == std::string("use_") + claim) d->SetValueAndShowSection("ERROR", message, "HAS_ERROR");
    }
  }
  static const char* kTerms[] = {
      "申請單位應提供諮詢管道，供使用者有帳號漫遊疑義時，可協助排除問題。",
      "申請單位須配合本單位定期函文合作項目及聯繫窗口確認作業並函覆。",
      "申請單位如合作項目有執行疑義或承辦人員異動，皆請主動與本單位聯繫及告知。",
      "申請單位透過本項帳號漫遊取得之個人資料，僅限於合作目的範圍內使用，且須依《個人資料保護法》等相關規範辦理。"};
  for (int i = 0; i < 4; ++i) {
    auto* d = body.AddSectionDictionary("TERM");
    d->SetIntValue("N", i + 1);
    d->SetValue("TEXT", kTerms[i]);
    if (a.agreed[i]) d->ShowSection("CHECKED");
  }
  for (const auto& [field, message] : a.errors) {
    if (field == "agreements") body.SetValueAndShowSection("AGREEMENTS_ERROR", message, "HAS_AGREEMENTS_ERROR");
  }
  if (!a.errors.empty()) {
    body.SetIntValue("ERROR_COUNT", static_cast<long>(a.errors.size()));
    body.ShowSection("HAS_ERRORS");
  }
  return page.render(status);
}

std::string status_label(const std::string& status) {
  if (status == "applied") return "待審核";
  if (status == "approved") return "已核准";
  if (status == "suspended") return "已停權";
  if (status == "revoked") return "已廢止";
  return status;
}

}  // namespace

core::Response application_form(core::Context& cx) { return show_form(cx, Application{}, 200); }

core::Response apply(core::Context& cx) {
  const std::string today = cx.today();
  const Application a = read_application(cx.req().form, today);
  if (!a.errors.empty()) return show_form(cx, a, 422);
  auto v = a.values;
  std::set<std::string> claims;
  for (const auto& [claim, use] : a.claim_uses) claims.insert(claim);
  int64_t id = 0;
  {
    db::Transaction tx(cx.db());
    // Until approval the client has a placeholder id and an unusable secret.
    cx.db().execute(
        "INSERT INTO partner (client_id, site_name, operator_name, head_name, contact_name, contact_phone,"
        " contact_email, site_url, test_url, audience, members, purpose, maintenance, secret_sha256,"
        " redirect_uris, claims, may_report, scan_report_date, privacy_policy_url, status, agreed_terms)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, 'applied', TRUE)",
        "applicant-" + core::random_token().substr(0, 16), v["site_name"], v["operator_name"],
        v["head_name"], v["contact_name"], v["contact_phone"], v["contact_email"], v["site_url"],
        v["test_url"], v["audience"], v["members"], v["purpose"], v["maintenance"],
        core::sha256_hex(core::random_token()), v["redirect_uris"], domain::join_set(claims),
        v["scan_report_date"], v["privacy_policy_url"]);
    id = static_cast<int64_t>(cx.db().last_insert_id());
    for (const auto& [claim, use] : a.claim_uses) {
      cx.db().execute("INSERT INTO partner_claim_use (partner_id, claim, use_text) VALUES (?, ?, ?)", id, claim, use);
    }
    app::access::audit(cx, "partner.apply", std::to_string(id), v["site_name"]);
    tx.commit();
  }
  core::Page page(cx, "partners/applied.tpl", "申請已送出");
  page.body().SetIntValue("ID", id);
  page.body().SetValue("SITE_NAME", v["site_name"]);
  return page.render(201);
}

namespace {
std::optional<int64_t> partner_id_of(core::Context& cx) {
  const std::string id = cx.param("id");
  if (id.empty() || id.size() > 9 || id.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const auto r = cx.db().query_one("SELECT id FROM partner WHERE id = ?", std::stoll(id));
  if (!r) return std::nullopt;
  return r->i64(0);
}

core::Response show_partner(core::Context& cx, int64_t id, const std::string& new_secret,
                            const std::vector<std::string>& errors, int status) {
  const auto r = cx.db().query_one(
      "SELECT client_id, site_name, operator_name, head_name, contact_name, contact_phone, contact_email,"
      " site_url, test_url, audience, members, purpose, maintenance, redirect_uris, claims, may_report,"
      " scan_report_date, privacy_policy_url, status, agreed_terms,"
      " scan_report_date + INTERVAL 1 YEAR, scan_report_date + INTERVAL 1 YEAR >= CURDATE()"
      " FROM partner WHERE id = ?",
      id);
  core::Page page(cx, "partners/show.tpl", "合作網站：" + r->str(1));
  auto& body = page.body();
  const char* names[] = {"CLIENT_ID", "SITE_NAME", "OPERATOR_NAME", "HEAD_NAME", "CONTACT_NAME",
                         "CONTACT_PHONE", "CONTACT_EMAIL", "SITE_URL", "TEST_URL", "AUDIENCE",
                         "MEMBERS", "PURPOSE", "MAINTENANCE", "REDIRECT_URIS"};
  for (size_t i = 0; i < std::size(names); ++i) body.SetValue(names[i], r->str(i));
  body.SetValue("SCAN_DATE", app::roc_date(r->str(16)));
  body.SetValue("EXPIRES", app::roc_date(r->str(20)));
  if (r->i64(21) == 0) body.ShowSection("SCAN_EXPIRED");
  body.SetValue("PRIVACY_URL", r->str(17));
  body.SetValue("STATUS", status_label(r->str(18)));
  body.SetValue("AGREED", r->i64(19) ? "已同意四項事項" : "未同意");
  body.SetValue("LIST_URL", app::url_for("admin.partners"));
  const std::string csrf = cx.csrf_token();
  body.SetValue("CSRF_TOKEN", csrf);
  const std::string sid = std::to_string(id);
  body.SetValue("APPROVE_URL", app::url_for("admin.partner.approve", {sid}));
  body.SetValue("STATUS_URL", app::url_for("admin.partner.status", {sid}));
  body.SetValue("RENEW_URL", app::url_for("admin.partner.renew", {sid}));
  const auto approved = domain::split_set(r->str(14));
  std::map<std::string, std::string> uses;
  for (const auto& u : cx.db().query("SELECT claim, use_text FROM partner_claim_use WHERE partner_id = ?", id)) {
    uses[u.str(0)] = u.str(1);
  }
  for (const char* claim : domain::kRoamingClaims) {
    if (!uses.count(claim) && !approved.count(claim)) continue;
    auto* d = body.AddSectionDictionary("CLAIM");
    d->SetValue("CODE", claim);
    d->SetValue("LABEL", domain::claim_label(claim));
    d->SetValue("USE", uses.count(claim) ? uses[claim] : "（未說明）");
    if (approved.count(claim)) d->ShowSection("CHECKED");
  }
  if (r->i64(15)) body.ShowSection("MAY_REPORT");
  const std::string state = r->str(18);
  if (state == "approved") body.ShowSection("CAN_SUSPEND");
  if (state == "suspended") body.ShowSection("CAN_REINSTATE");
  if (state != "revoked") body.ShowSection("CAN_REVOKE");
  if (!new_secret.empty()) body.SetValueAndShowSection("SECRET", new_secret, "NEW_SECRET");
  for (const auto& e : errors) body.AddSectionDictionary("ERROR")->SetValue("TEXT", e);
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
}  // namespace

core::Response list(core::Context& cx) {
  core::Page page(cx, "partners/list.tpl", "合作網站管理");
  auto& body = page.body();
  body.SetValue("APPLY_URL", app::url_for("partners.apply.form"));
  for (const auto& r : cx.db().query(
           "SELECT id, site_name, operator_name, client_id, status, scan_report_date + INTERVAL 1 YEAR,"
           " scan_report_date + INTERVAL 1 YEAR >= CURDATE(), DATE_FORMAT(created_at, '%Y-%m-%d')"
           " FROM partner ORDER BY status = 'applied' DESC, created_at DESC")) {
    auto* row = body.AddSectionDictionary("PARTNER");
    row->SetValue("URL", app::url_for("admin.partner", {r.str(0)}));
    row->SetValue("SITE_NAME", r.str(1));
    row->SetValue("OPERATOR", r.str(2));
    row->SetValue("CLIENT_ID", r.str(4) == "applied" ? "（核准後設定）" : r.str(3));
    row->SetValue("STATUS", status_label(r.str(4)) + (r.i64(6) ? "" : "（弱點掃描逾期）"));
    row->SetValue("EXPIRES", app::roc_date(r.str(5)));
    row->SetValue("APPLIED", app::roc_date(r.str(7)));
  }
  return page.render();
}

core::Response show(core::Context& cx) {
  const auto id = partner_id_of(cx);
  if (!id) return cx.not_found();
  return show_partner(cx, *id, "", {}, 200);
}

core::Response approve(core::Context& cx) {
  const auto id = partner_id_of(cx);
  if (!id) return cx.not_found();
  const auto& form = cx.req().form;
  const std::string client_id = domain::trim(form.get_or("client_id"));
  const auto uris = domain::non_blank_lines(form.get_or("redirect_uris"));
  std::set<std::string> requested;
  for (const auto& u : cx.db().query("SELECT claim FROM partner_claim_use WHERE partner_id = ?", *id)) {
    requested.insert(u.str(0));
  }
  std::set<std::string> claims;
  std::vector<std::string> errors;
  for (const auto& c : form.all("claims")) {
    if (requested.count(c)) claims.insert(c);
    else errors.push_back("只能核准申請書列出的資料項目。");
  }
  if (!is_client_id(client_id)) errors.push_back("client_id 請用 3–60 個小寫英數字、- 或 _。");
  if (uris.empty()) errors.push_back("請至少填寫一個返回網址（redirect URI）。");
  for (const auto& uri : uris) {
    if (!is_web_url(uri, true)) errors.push_back("返回網址不正確：" + uri);
  }
  if (!errors.empty()) return show_partner(cx, *id, "", errors, 422);
  if (cx.db().query_one("SELECT 1 FROM partner WHERE client_id = ? AND id <> ?", client_id, *id)) {
    return show_partner(cx, *id, "", {"client_id「" + client_id + "」已被其他合作網站使用。"}, 409);
  }
  std::string joined;
  for (const auto& u : uris) joined += (joined.empty() ? "" : "\n") + u;
  // The secret is shown once, on this answer; only its digest is kept.
  const std::string secret = core::random_token();
  {
    db::Transaction tx(cx.db());
    cx.db().execute("UPDATE partner SET client_id = ?, redirect_uris = ?, claims = ?, may_report = ?,"
                    " secret_sha256 = ?, status = 'approved', decided_at = NOW(), decided_by = ? WHERE id = ?",
                    client_id, joined, domain::join_set(claims), form.get_or("may_report") == "1",
                    core::sha256_hex(secret), cx.user().id, *id);
    app::access::audit(cx, "partner.approve", client_id, domain::join_set(claims));
    tx.commit();
  }
  return show_partner(cx, *id, secret, {}, 200);
}

core::Response change_status(core::Context& cx) {
  const auto id = partner_id_of(cx);
  if (!id) return cx.not_found();
  const std::string action = cx.req().form.get_or("action");
  std::string from, to;
  if (action == "suspend") { from = "approved"; to = "suspended"; }
  else if (action == "reinstate") { from = "suspended"; to = "approved"; }
  else if (action == "revoke") { to = "revoked"; }
  else return cx.error(422, "不明的操作", "請選擇停權、恢復或廢止。");
  const uint64_t changed =
      from.empty() ? cx.db().execute("UPDATE partner SET status = 'revoked', decided_at = NOW(), decided_by = ?"
                                     " WHERE id = ? AND status <> 'revoked'", cx.user().id, *id)
                   : cx.db().execute("UPDATE partner SET status = ?, decided_at = NOW(), decided_by = ?"
                                     " WHERE id = ? AND status = ?", to, cx.user().id, *id, from);
  if (changed != 1) return cx.conflict("合作網站目前的狀態不能執行這個操作，沒有變更。");
  if (to != "approved") {
    // Tokens already issued stop at once (they are checked against the partner's status too).
    cx.db().execute("UPDATE oidc_token SET revoked_at = NOW() WHERE partner_id = ? AND revoked_at IS NULL", *id);
  }
  app::access::audit(cx, "partner." + action, std::to_string(*id));
  cx.flash("合作網站狀態已更新為「" + status_label(to) + "」。");
  return cx.see_other(app::url_for("admin.partner", {std::to_string(*id)}));
}

core::Response renew(core::Context& cx) {
  const auto id = partner_id_of(cx);
  if (!id) return cx.not_found();
  const auto scan = domain::parse_any_date(domain::trim(cx.req().form.get_or("scan_report_date")));
  const std::string today = cx.today();
  const auto now = domain::parse_iso_date(today);
  if (!scan || !now || *now < *scan || domain::days_from_civil(*now) - domain::days_from_civil(*scan) > 365) {
    return show_partner(cx, *id, "", {"請填寫一年內的弱點掃描報告日期（例如 114/02/24）。"}, 422);
  }
  cx.db().execute("UPDATE partner SET scan_report_date = ? WHERE id = ?", domain::to_iso(*scan), *id);
  app::access::audit(cx, "partner.renew", std::to_string(*id), domain::to_iso(*scan));
  cx.flash("已更新弱點掃描報告日期，核准延續至一年後。");
  return cx.see_other(app::url_for("admin.partner", {std::to_string(*id)}));
}

}  // namespace partners
