// Settings kept by the national centre: the reasons a reviewer may give (SPEC §3) and each
// county's 第12條 lead time and unit-light figures (SPEC §6).
#include "admin/admin_handlers.h"

#include "app/access.h"
#include "app/routes.h"
#include "core/view.h"
#include "domain/validation.h"

namespace admin {

namespace {
std::optional<int> small_number(const std::string& text, int min, int max) {
  const std::string t = domain::trim(text);
  if (t.empty() || t.size() > 3) return std::nullopt;
  for (char c : t) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const int n = std::stoi(t);
  if (n < min || n > max) return std::nullopt;
  return n;
}

}  // namespace

core::Response reasons(core::Context& cx) {
  core::Page page(cx, "admin/reasons.tpl", "退回理由管理");
  auto& body = page.body();
  body.SetValue("CREATE_URL", app::url_for("admin.reasons.create"));
  const std::string csrf = cx.csrf_token();
  body.SetValue("CSRF_TOKEN", csrf);
  for (const auto& r : cx.db().query("SELECT id, label, needs_text, active FROM return_reason"
                                     " ORDER BY sort_order, id")) {
    auto* row = body.AddSectionDictionary("REASON");
    row->SetValue("LABEL", r.str(1));
    row->SetValue("NEEDS_TEXT", r.i64(2) ? "需填說明" : "");
    row->SetValue("STATUS", r.i64(3) ? "使用中" : "已停用");
    row->SetValue("TOGGLE_LABEL", r.i64(3) ? "停用" : "啟用");
    row->SetValue("TOGGLE_URL", app::url_for("admin.reasons.toggle", {r.str(0)}));
    row->SetValue("CSRF_TOKEN", csrf);
  }
  return page.render();
}

core::Response create_reason(core::Context& cx) {
  const std::string label = domain::trim(cx.req().form.get_or("label"));
  if (label.empty() || domain::utf8_length(label) > 100) {
    return cx.error(422, "理由內容不正確", "請輸入 1 到 100 字的理由文字，沒有新增任何理由。");
  }
  if (cx.db().query_one("SELECT 1 FROM return_reason WHERE label = ?", label)) {
    return cx.conflict("已有相同文字的理由，沒有重複新增。");
  }
  cx.db().execute("INSERT INTO return_reason (label, needs_text, sort_order)"
                  " SELECT ?, ?, COALESCE(MAX(sort_order), 0) + 10 FROM return_reason",
                  label, cx.req().form.get_or("needs_text") == "1");
  app::access::audit(cx, "reason.create", label);
  cx.flash("已新增退回理由。");
  return cx.see_other(app::url_for("admin.reasons"));
}

core::Response toggle_reason(core::Context& cx) {
  const auto id = small_number(cx.param("id").substr(0, 5), 1, 65535);
  if (!id || cx.db().execute("UPDATE return_reason SET active = NOT active WHERE id = ?", *id) != 1) {
    return cx.not_found();
  }
  app::access::audit(cx, "reason.toggle", std::to_string(*id));
  cx.flash("理由狀態已更新。");
  return cx.see_other(app::url_for("admin.reasons"));
}

core::Response counties(core::Context& cx) {
  core::Page page(cx, "admin/counties.tpl", "縣市登錄與燈號設定");
  auto& body = page.body();
  const std::string csrf = cx.csrf_token();
  for (const auto& r : cx.db().query("SELECT id, name, min_days_before_start, overdue_grace_days,"
                                     " red_light_threshold FROM county ORDER BY id")) {
    auto* row = body.AddSectionDictionary("COUNTY");
    row->SetValue("ID", r.str(0));
    row->SetValue("NAME", r.str(1));
    row->SetValue("MIN_DAYS", r.str(2));
    row->SetValue("GRACE_DAYS", r.str(3));
    row->SetValue("RED_THRESHOLD", r.str(4));
    row->SetValue("URL", app::url_for("admin.counties.update", {r.str(0)}));
    row->SetValue("CSRF_TOKEN", csrf);
  }
  return page.render();
}

core::Response update_county(core::Context& cx) {
  const auto id = small_number(cx.param("id").substr(0, 3), 1, 255);
  if (!id || !cx.db().query_one("SELECT 1 FROM county WHERE id = ?", *id)) return cx.not_found();
  const auto& f = cx.req().form;
  const auto min_days = small_number(f.get_or("min_days"), 0, 90);
  const auto grace_days = small_number(f.get_or("grace_days"), 0, 90);
  const auto red = small_number(f.get_or("red_threshold"), 1, 99);
  if (!min_days || !grace_days || !red) {
    return cx.error(422, "設定值不正確",
                    "登錄期限與逾期天數請填 0–90 的整數，紅燈門檻請填 1–99 的整數；設定沒有變更。");
  }
  cx.db().execute("UPDATE county SET min_days_before_start = ?, overdue_grace_days = ?,"
                  " red_light_threshold = ? WHERE id = ?",
                  *min_days, *grace_days, *red, *id);
  app::access::audit(cx, "county.update", std::to_string(*id),
                     std::to_string(*min_days) + "/" + std::to_string(*grace_days) + "/" + std::to_string(*red));
  cx.flash("縣市設定已更新。");
  return cx.see_other(app::url_for("admin.counties"));
}

}  // namespace admin
