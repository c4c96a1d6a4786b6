#include "site/sitemap.h"

#include <map>
#include <set>

#include "app/routes.h"
#include "core/view.h"

namespace site {

namespace {

// The public routes that are not pages to visit, by name: they stay off the map on purpose.
const std::set<std::string_view>& not_pages() {
  static const std::set<std::string_view> names = {
      "healthz", "logout.form", "oidc.authorize", "oidc.discovery", "oidc.jwks", "sitemap",
      // steps of a login already under way, not places to go
      "login.second_factor.form", "login.second_factor.qr"};
  return names;
}

}  // namespace

std::optional<SitemapEntry> sitemap_entry(std::string_view route_name) {
  static const std::map<std::string_view, SitemapEntry> entries = {
      {"home", {"首頁（最新研習、公告）", false}},
      {"course.search", {"研習資訊進階搜尋", false}},
      {"bulletin", {"公佈欄（最新消息）", false}},
      {"faq", {"問答集", false}},
      {"downloads", {"下載專區", false}},
      {"login.form", {"登入", false}},
      {"signup.form", {"使用者帳號申請", false}},
      {"accounts.apply.form", {"業務帳號申請（承辦人、總負責人）", false}},
      {"password.forgot.form", {"忘記密碼", false}},
      {"verify.lookup", {"研習證明查驗", false}},
      {"notice.lookup", {"錄取通知查驗", false}},
      {"partners.apply.form", {"帳號漫遊合作申請（合作網站）", false}},
      {"units.accounts", {"各校業務帳號人員查詢", false}},
      {"organisation", {"組織架構（審課單位與轄區）", false}},
      {"api.courses", {"研習資訊查詢 API（JSON）", true}},
      {"course.atom", {"研習資訊訂閱（Atom，可加上搜尋條件）", true}},
      {"course.ics", {"研習行事曆（iCalendar，可加上搜尋條件）", true}},
      {"bulletin.atom", {"公佈欄訂閱（Atom）", true}},
  };
  if (not_pages().count(route_name)) return std::nullopt;
  if (const auto it = entries.find(route_name); it != entries.end()) return it->second;
  return std::nullopt;
}

core::Response sitemap(core::Context& cx) {
  core::Page page(cx, "site/sitemap.tpl", "網頁導覽");
  auto& body = page.body();
  for (const core::Route& route : app::routes()) {
    if (route.who != core::Who::kAnyone || std::string_view(route.method) != "GET" ||
        std::string_view(route.pattern).find('{') != std::string_view::npos) {
      continue;
    }
    const auto entry = sitemap_entry(route.name);
    if (!entry) continue;
    auto* row = body.AddSectionDictionary(entry->for_programs ? "PROGRAM" : "PAGE");
    row->SetValue("LABEL", entry->label);
    row->SetValue("URL", route.pattern);
  }
  body.SetValue("OPENAPI_URL", "/api/v1/openapi.json");
  return page.render();
}

}  // namespace site
