// Settings kept by the national centre: the reasons a reviewer may give (SPEC §3) and each
// county's 第12條 lead time and unit-light figures (SPEC §6); a refused change shows its form
// again with the input kept.
#include "admin/admin_handlers.h"

#include <functional>

#include "admin/admin_sql.h"
#include "feedback/feedback_sql.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "app/routes.h"
#include "core/form.h"
#include "core/view.h"
#include "domain/validation.h"

namespace admin {

namespace {
using core::FieldKind;

const core::FormSpec kReasonForm = {
    {"label", "理由文字", FieldKind::kText, true, 100},
    {"used_for", "用於", FieldKind::kChoice, false, 0, 0, {"course", "roster"}, {"課程確認未通過", "名單確認未通過"}},
    {"needs_text", "審課人員須另填說明", FieldKind::kFlag},
};

const core::FormSpec kCountyForm = {
    {"min_days", "登錄期限（天）", FieldKind::kInteger, true, 90, 0},
    {"grace_days", "逾期天數", FieldKind::kInteger, true, 90, 0},
    {"red_threshold", "紅燈門檻（堂）", FieldKind::kInteger, true, 99, 1},
};

// The name of a new or renamed tag or category (tag.name, category.name: VARCHAR(40), unique).
const core::FormSpec kNameForm = {
    {"name", "名稱", FieldKind::kText, true, 40},
};

// Blank hours: the tag mandates nothing.
const core::FormSpec kTagForm = {
    {"yearly_hours", "每年應修時數", FieldKind::kInteger, false, 200, 1},
    {"applies_to", "適用對象", FieldKind::kChoice, true, 0, 0, {"all", "kindergarten"},
     {"全體教師", "幼兒園教保服務人員"}},
};

core::Response show_reasons(core::Context& cx, const core::Form& form, int status) {
  core::Page page(cx, "admin/reasons.tpl", "退回理由管理");
  auto& body = page.body();
  body.SetValue("CREATE_URL", app::url_for("admin.reasons.create"));
  body.SetValue("ADMIN_URL", app::url_for("admin.home"));
  const std::string csrf = cx.csrf_token();
  body.SetValue("CSRF_TOKEN", csrf);
  for (const auto& r : sql::reasons(cx.db())) {
    auto* row = body.AddSectionDictionary("REASON");
    row->SetValue("LABEL", r.label);
    row->SetValue("USED_FOR", r.used_for == "roster" ? "名單確認未通過" : "課程確認未通過");
    row->SetValue("NEEDS_TEXT", r.needs_text ? "需填說明" : "");
    row->SetValue("STATUS", r.active ? "使用中" : "已停用");
    row->SetValue("TOGGLE_LABEL", r.active ? "停用" : "啟用");
    row->SetValue("TOGGLE_URL", app::url_for("admin.reasons.toggle", {std::to_string(r.id)}));
  }
  auto* create = body.AddSectionDictionary("CREATE");
  shared::fill_form(*create, form);
  shared::fill_options(*create, "USED_FOR_OPTION", {{"course", "課程確認未通過"}, {"roster", "名單確認未通過"}},
                       {form.raw("used_for").empty() ? "course" : form.raw("used_for")});
  if (form.flag("needs_text")) create->ShowSection("NEEDS_TEXT_CHECKED");
  return page.render(status);
}

// `refused` is the county whose form was refused, shown with what was typed and why.
core::Response show_counties(core::Context& cx, const core::Form* refused, int64_t refused_id,
                             int status) {
  core::Page page(cx, "admin/counties.tpl", "縣市登錄與燈號設定");
  auto& body = page.body();
  body.SetValue("ADMIN_URL", app::url_for("admin.home"));
  const std::string csrf = cx.csrf_token();
  body.SetValue("CSRF_TOKEN", csrf);
  for (const auto& c : sql::counties(cx.db())) {
    auto* row = body.AddSectionDictionary("COUNTY");
    row->SetIntValue("ID", c.id);
    row->SetValue("NAME", c.name);
    row->SetValue("URL", app::url_for("admin.counties.update", {std::to_string(c.id)}));
    if (refused && c.id == refused_id) {
      shared::fill_form(*row, *refused);
      body.SetValueAndShowSection("REFUSED_COUNTY", c.name, "REFUSED");
      body.SetIntValue("REFUSED_ID", c.id);
      continue;
    }
    row->SetIntValue("MIN_DAYS", c.min_days_before_start);
    row->SetIntValue("GRACE_DAYS", c.overdue_grace_days);
    row->SetIntValue("RED_THRESHOLD", c.red_light_threshold);
  }
  return page.render(status);
}

// What a refused tag or category form was: the row (`id`) whose hours or name was refused, or the
// add form; shown with what was typed and why.
struct Refused {
  const core::Form* hours = nullptr;
  const core::Form* name = nullptr;
  const core::Form* create = nullptr;
  int64_t id = 0;
};

const char* status_label(bool active) { return active ? "使用中" : "已停用"; }

core::Response show_tags(core::Context& cx, const Refused& refused, int status) {
  core::Page page(cx, "admin/tags.tpl", "屬性標籤管理");
  auto& body = page.body();
  body.SetValue("ADMIN_URL", app::url_for("admin.home"));
  body.SetValue("CREATE_URL", app::url_for("admin.tags.create"));
  const std::string csrf = cx.csrf_token();
  body.SetValue("CSRF_TOKEN", csrf);
  const std::vector<shared::Option> audiences = {{"all", "全體教師"}, {"kindergarten", "幼兒園教保服務人員"}};
  for (const auto& t : sql::tags(cx.db())) {
    auto* row = body.AddSectionDictionary("TAG");
    const std::string id = std::to_string(t.id);
    row->SetIntValue("ID", t.id);
    row->SetValue("NAME", t.name);
    row->SetValue("URL", app::url_for("admin.tags.update", {id}));
    row->SetValue("RENAME_URL", app::url_for("admin.tags.rename", {id}));
    row->SetValue("TOGGLE_URL", app::url_for("admin.tags.toggle", {id}));
    row->SetValue("STATUS", status_label(t.active));
    row->SetValue("TOGGLE_LABEL", t.active ? "停用" : "啟用");
    row->SetIntValue("COURSES", t.courses);
    auto* rename = row->AddSectionDictionary("RENAME");
    if (refused.name && t.id == refused.id) {
      shared::fill_form(*rename, *refused.name);
      body.SetValueAndShowSection("REFUSED_TAG", t.name, "REFUSED");
      body.SetIntValue("REFUSED_ID", t.id);
    } else {
      rename->SetValue("NAME", t.name);
    }
    if (refused.hours && t.id == refused.id) {
      shared::fill_form(*row, *refused.hours);
      shared::fill_options(*row, "AUDIENCE", audiences, {refused.hours->raw("applies_to")});
      body.SetValueAndShowSection("REFUSED_TAG", t.name, "REFUSED");
      body.SetIntValue("REFUSED_ID", t.id);
      continue;
    }
    if (t.yearly_hours > 0) row->SetIntValue("YEARLY_HOURS", t.yearly_hours);
    shared::fill_options(*row, "AUDIENCE", audiences, {t.applies_to});
  }
  auto* create = body.AddSectionDictionary("CREATE");
  shared::fill_form(*create, refused.create ? *refused.create : core::Form(kNameForm));
  return page.render(status);
}

core::Response show_categories(core::Context& cx, const Refused& refused, int status) {
  core::Page page(cx, "admin/categories.tpl", "課程類別管理");
  auto& body = page.body();
  body.SetValue("ADMIN_URL", app::url_for("admin.home"));
  body.SetValue("CREATE_URL", app::url_for("admin.categories.create"));
  const std::string csrf = cx.csrf_token();
  body.SetValue("CSRF_TOKEN", csrf);
  for (const auto& c : sql::categories(cx.db())) {
    auto* row = body.AddSectionDictionary("CATEGORY");
    const std::string id = std::to_string(c.id);
    row->SetIntValue("ID", c.id);
    row->SetValue("RENAME_URL", app::url_for("admin.categories.rename", {id}));
    row->SetValue("TOGGLE_URL", app::url_for("admin.categories.toggle", {id}));
    row->SetValue("STATUS", status_label(c.active));
    row->SetValue("TOGGLE_LABEL", c.active ? "停用" : "啟用");
    row->SetIntValue("COURSES", c.courses);
    row->SetValue("LABEL", c.name);
    if (refused.name && c.id == refused.id) {
      shared::fill_form(*row, *refused.name);
      body.SetValueAndShowSection("REFUSED_CATEGORY", c.name, "REFUSED");
      body.SetIntValue("REFUSED_ID", c.id);
    } else {
      row->SetValue("NAME", c.name);
    }
  }
  auto* create = body.AddSectionDictionary("CREATE");
  shared::fill_form(*create, refused.create ? *refused.create : core::Form(kNameForm));
  return page.render(status);
}

}  // namespace

core::Response home(core::Context& cx) {
  core::Page page(cx, "admin/home.tpl", "系統管理");
  auto& body = page.body();
  body.SetValue("NAME", cx.user().name);
  body.SetValue("UNIT", cx.user().unit_name);
  body.SetValue("PARTNERS_URL", app::url_for("admin.partners"));
  body.SetValue("REASONS_URL", app::url_for("admin.reasons"));
  body.SetValue("COUNTIES_URL", app::url_for("admin.counties"));
  body.SetValue("TAGS_URL", app::url_for("admin.tags"));
  body.SetValue("CATEGORIES_URL", app::url_for("admin.categories"));
  body.SetValue("UNITS_URL", app::url_for("admin.units"));
  body.SetValue("BULLETIN_URL", app::url_for("admin.bulletin"));
  body.SetValue("FAQ_URL", app::url_for("admin.faq"));
  body.SetValue("DOWNLOADS_URL", app::url_for("admin.downloads"));
  body.SetValue("FEEDBACK_URL", app::url_for("admin.feedback"));
  body.SetValue("SPECIALTIES_URL", app::url_for("admin.specialties"));
  body.SetIntValue("FEEDBACK_OPEN", feedback::sql::count_open(cx.db()));
  body.SetIntValue("APPLICATIONS", sql::applications_waiting(cx.db()));
  return page.render();
}

core::Response reasons(core::Context& cx) { return show_reasons(cx, core::Form(kReasonForm), 200); }

core::Response create_reason(core::Context& cx) {
  core::Form form(kReasonForm, cx.req().form);
  if (!form.ok()) {
    form.errors().add("form", "沒有新增任何理由。");
    return show_reasons(cx, form, 422);
  }
  const std::string label = form.text("label");
  const std::string used_for = form.text("used_for").empty() ? "course" : form.text("used_for");
  if (sql::reason_exists(cx.db(), label, used_for)) {
    form.errors().add("label", "已有相同文字的理由，沒有重複新增。");
    return show_reasons(cx, form, 409);
  }
  sql::insert_reason(cx.db(), label, used_for, form.flag("needs_text"));
  shared::access::audit(cx, "reason.create", label);
  cx.flash("已新增退回理由。");
  return cx.see_other(app::url_for("admin.reasons"));
}

core::Response toggle_reason(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 65535);
  if (!id || !sql::toggle_reason(cx.db(), *id)) return cx.not_found();
  shared::access::audit(cx, "reason.toggle", std::to_string(*id));
  cx.flash("理由狀態已更新。");
  return cx.see_other(app::url_for("admin.reasons"));
}

core::Response counties(core::Context& cx) { return show_counties(cx, nullptr, 0, 200); }

core::Response update_county(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 255);
  const auto county = id ? sql::find_county(cx.db(), *id) : std::nullopt;
  if (!county) return cx.not_found();
  core::Form form(kCountyForm, cx.req().form);
  if (!form.ok()) {
    form.errors().add("form", county->name + "的設定沒有變更。");
    return show_counties(cx, &form, county->id, 422);
  }
  const int min_days = static_cast<int>(*form.integer("min_days"));
  const int grace_days = static_cast<int>(*form.integer("grace_days"));
  const int red = static_cast<int>(*form.integer("red_threshold"));
  sql::update_county(cx.db(), county->id, min_days, grace_days, red);
  shared::access::audit(cx, "county.update", std::to_string(county->id),
                     std::to_string(min_days) + "/" + std::to_string(grace_days) + "/" + std::to_string(red));
  cx.flash("縣市設定已更新。");
  return cx.see_other(app::url_for("admin.counties"));
}

core::Response tags(core::Context& cx) { return show_tags(cx, {}, 200); }

core::Response update_tag(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 65535);
  const auto tag = id ? sql::find_tag(cx.db(), *id) : std::nullopt;
  if (!tag) return cx.not_found();
  core::Form form(kTagForm, cx.req().form);
  if (!form.ok()) {
    form.errors().add("form", "「" + tag->name + "」的設定沒有變更。");
    Refused refused;
    refused.hours = &form;
    refused.id = tag->id;
    return show_tags(cx, refused, 422);
  }
  std::optional<int> hours;
  if (const auto h = form.integer("yearly_hours")) hours = static_cast<int>(*h);
  const std::string applies_to = form.text("applies_to");
  sql::update_tag(cx.db(), tag->id, hours, applies_to);
  shared::access::audit(cx, "tag.update", std::to_string(tag->id),
                        (hours ? std::to_string(*hours) : "-") + "/" + applies_to);
  cx.flash("「" + tag->name + "」的應修時數已更新。");
  return cx.see_other(app::url_for("admin.tags"));
}

// --- 屬性標籤 and 課程類別: added, renamed, retired or activated again; never deleted, since
// courses and records keep pointing at them. Every write bumps reference_generation (0007's
// triggers), so the registration and search forms show the change on their next page.

namespace {

// 0 when the name form may be acted on; otherwise the status to refuse it with, the reasons added
// to `form`. `taken`: another of its kind already has the name.
int name_refusal(core::Form& form, const std::string& what,
                 const std::function<bool(const std::string&)>& taken) {
  int status = 0;
  if (!form.ok()) {
    status = 422;
  } else if (taken(form.text("name"))) {
    form.errors().add("name", "已有名稱為「" + form.text("name") + "」的" + what + "，請換一個名稱。");
    status = 409;
  }
  if (status != 0) form.errors().add("form", what + "沒有變更。");
  return status;
}

std::optional<int64_t> id_param(core::Context& cx) { return domain::parse_integer(cx.param("id"), 1, 65535); }

}  // namespace

core::Response create_tag(core::Context& cx) {
  core::Form form(kNameForm, cx.req().form);
  const auto taken = [&cx](const std::string& n) { return sql::tag_named(cx.db(), n, 0) != 0; };
  if (const int status = name_refusal(form, "屬性標籤", taken)) {
    Refused refused;
    refused.create = &form;
    return show_tags(cx, refused, status);
  }
  const auto name = form.text("name");
  db::Transaction tx(cx.db());
  const int64_t id = sql::insert_tag(cx.db(), name);
  shared::access::audit(cx, "tag.create", "tag:" + std::to_string(id), name);
  tx.commit();
  cx.flash("已新增屬性標籤「" + name + "」，課程登錄與搜尋表單立即可選。");
  return cx.see_other(app::url_for("admin.tags"));
}

core::Response rename_tag(core::Context& cx) {
  const auto id = id_param(cx);
  const auto tag = id ? sql::find_tag(cx.db(), *id) : std::nullopt;
  if (!tag) return cx.not_found();
  core::Form form(kNameForm, cx.req().form);
  const auto taken = [&](const std::string& n) { return sql::tag_named(cx.db(), n, tag->id) != 0; };
  if (const int status = name_refusal(form, "「" + tag->name + "」的名稱", taken)) {
    Refused refused;
    refused.name = &form;
    refused.id = tag->id;
    return show_tags(cx, refused, status);
  }
  const auto name = form.text("name");
  if (name == tag->name) {
    cx.flash("名稱與原本相同，沒有變更。");
    return cx.see_other(app::url_for("admin.tags"));
  }
  db::Transaction tx(cx.db());
  sql::rename_tag(cx.db(), tag->id, name);
  shared::access::audit(cx, "tag.rename", "tag:" + std::to_string(tag->id), tag->name + " → " + name);
  tx.commit();
  cx.flash("屬性標籤「" + tag->name + "」已改名為「" + name + "」。");
  return cx.see_other(app::url_for("admin.tags"));
}

core::Response toggle_tag(core::Context& cx) {
  const auto id = id_param(cx);
  const auto tag = id ? sql::find_tag(cx.db(), *id) : std::nullopt;
  if (!tag) return cx.not_found();
  db::Transaction tx(cx.db());
  sql::set_tag_active(cx.db(), tag->id, !tag->active);
  shared::access::audit(cx, tag->active ? "tag.retire" : "tag.activate", "tag:" + std::to_string(tag->id),
                        tag->name);
  tx.commit();
  cx.flash(tag->active ? "屬性標籤「" + tag->name + "」已停用：不再出現在課程登錄與搜尋表單，已標示的課程保留。"
                       : "屬性標籤「" + tag->name + "」已重新啟用。");
  return cx.see_other(app::url_for("admin.tags"));
}

core::Response categories(core::Context& cx) { return show_categories(cx, {}, 200); }

core::Response create_category(core::Context& cx) {
  core::Form form(kNameForm, cx.req().form);
  const auto taken = [&cx](const std::string& n) { return sql::category_named(cx.db(), n, 0) != 0; };
  if (const int status = name_refusal(form, "課程類別", taken)) {
    Refused refused;
    refused.create = &form;
    return show_categories(cx, refused, status);
  }
  const auto name = form.text("name");
  db::Transaction tx(cx.db());
  const int64_t id = sql::insert_category(cx.db(), name);
  shared::access::audit(cx, "category.create", "category:" + std::to_string(id), name);
  tx.commit();
  cx.flash("已新增課程類別「" + name + "」，課程登錄與搜尋表單立即可選。");
  return cx.see_other(app::url_for("admin.categories"));
}

core::Response rename_category(core::Context& cx) {
  const auto id = id_param(cx);
  const auto category = id ? sql::find_category(cx.db(), *id) : std::nullopt;
  if (!category) return cx.not_found();
  core::Form form(kNameForm, cx.req().form);
  const auto taken = [&](const std::string& n) { return sql::category_named(cx.db(), n, category->id) != 0; };
  if (const int status = name_refusal(form, "「" + category->name + "」的名稱", taken)) {
    Refused refused;
    refused.name = &form;
    refused.id = category->id;
    return show_categories(cx, refused, status);
  }
  const auto name = form.text("name");
  if (name == category->name) {
    cx.flash("名稱與原本相同，沒有變更。");
    return cx.see_other(app::url_for("admin.categories"));
  }
  db::Transaction tx(cx.db());
  sql::rename_category(cx.db(), category->id, name);
  shared::access::audit(cx, "category.rename", "category:" + std::to_string(category->id),
                        category->name + " → " + name);
  tx.commit();
  cx.flash("課程類別「" + category->name + "」已改名為「" + name + "」。");
  return cx.see_other(app::url_for("admin.categories"));
}

core::Response toggle_category(core::Context& cx) {
  const auto id = id_param(cx);
  const auto category = id ? sql::find_category(cx.db(), *id) : std::nullopt;
  if (!category) return cx.not_found();
  db::Transaction tx(cx.db());
  sql::set_category_active(cx.db(), category->id, !category->active);
  shared::access::audit(cx, category->active ? "category.retire" : "category.activate",
                        "category:" + std::to_string(category->id), category->name);
  tx.commit();
  cx.flash(category->active
               ? "課程類別「" + category->name + "」已停用：不再出現在課程登錄與搜尋表單，已登錄的課程保留。"
               : "課程類別「" + category->name + "」已重新啟用。");
  return cx.see_other(app::url_for("admin.categories"));
}

}  // namespace admin
