// The teacher's side of roaming: which partner received what and when (合作網站授權紀錄), and
// withdrawing a partner's consent, which stops its tokens at once.
#include "sso/sso_handlers.h"

#include "app/routes.h"
#include "core/view.h"
#include "domain/oidc.h"
#include "domain/validation.h"
#include "shared/access.h"
#include "shared/labels.h"
#include "sso/sso_sql.h"

namespace sso {

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

}  // namespace sso
