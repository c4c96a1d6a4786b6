#include "content/faq_handlers.h"

#include "app/routes.h"
#include "content/content_sql.h"
#include "core/form.h"
#include "core/view.h"
#include "domain/text_html.h"
#include "domain/validation.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"

namespace content {

namespace {
using core::FieldKind;

const std::vector<std::string> kCategoryCodes = {"account", "enrolment", "hours", "business", "roaming", "other"};
const std::vector<std::string> kCategoryLabels = {"帳號", "報名", "研習時數", "業務帳號", "帳號漫遊", "其他"};

const core::FormSpec kFaqForm = {
    {"category", "分類", FieldKind::kChoice, true, 0, 0, kCategoryCodes, kCategoryLabels},
    {"question", "問題", FieldKind::kText, true, 200},
    {"answer", "回答", FieldKind::kText, true, 5000},
    {"position", "排序（小者在前）", FieldKind::kInteger, false, 999, 0},
};

const core::FormSpec kSearchForm = {
    {"q", "關鍵字", FieldKind::kText, false, 50},
    {"category", "分類", FieldKind::kChoice, false, 0, 0, kCategoryCodes, kCategoryLabels},
};

std::string category_label(const std::string& code) { return shared::label_of(kCategoryCodes, kCategoryLabels, code); }

std::vector<shared::Option> category_options() {
  std::vector<shared::Option> out;
  for (size_t i = 0; i < kCategoryCodes.size(); ++i) out.push_back({kCategoryCodes[i], kCategoryLabels[i]});
  return out;
}

std::optional<sql::Faq> requested_faq(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 4294967295LL);
  return id ? sql::find_faq(cx.db(), *id) : std::nullopt;
}

core::Response show_form(core::Context& cx, const core::Form& form, const sql::Faq* entry, int status) {
  core::Page page(cx, "content/faq_form.tpl", entry ? "編輯問答" : "新增問答");
  auto& body = page.body();
  body.SetValue("LIST_URL", app::url_for("admin.faq"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  if (entry) {
    body.SetValue("ACTION", app::url_for("admin.faq.update", {std::to_string(entry->id)}));
    body.SetValueAndShowSection("DELETE_URL", app::url_for("admin.faq.delete", {std::to_string(entry->id)}),
                                "EXISTING");
    body.SetValue("HEADING", "編輯問答");
  } else {
    body.SetValue("ACTION", app::url_for("admin.faq.create"));
    body.SetValue("HEADING", "新增問答");
  }
  shared::fill_form(body, form);
  shared::fill_options(body, "CATEGORY_OPTION", category_options(), {form.raw("category")});
  return page.render(status);
}

std::optional<sql::Faq> entry_of(const core::Form& form, int64_t id) {
  if (!form.ok()) return std::nullopt;
  return sql::Faq{id, form.text("category"), form.text("question"), form.text("answer"),
                  static_cast<int>(form.integer("position").value_or(0))};
}

}  // namespace

core::Response faq(core::Context& cx) {
  core::Form search(kSearchForm, cx.req().query);
  core::Page page(cx, "content/faq.tpl", "問答集");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("faq"));
  body.SetValue("Q", search.raw("q"));
  shared::fill_options(body, "CATEGORY_OPTION", category_options(), {search.raw("category")});
  std::vector<sql::Faq> found;
  if (search.ok()) {
    found = sql::faqs(cx.db(), search.text("category"), search.text("q"));
  } else {
    shared::fill_errors(body, search.errors());
  }
  // A search's answers are shown open: the visitor came for them.
  const bool searched = !search.text("q").empty() || !search.text("category").empty();
  std::string current;
  ctemplate::TemplateDictionary* group = nullptr;
  for (const auto& f : found) {
    if (!group || f.category != current) {
      current = f.category;
      group = body.AddSectionDictionary("GROUP");
      group->SetValue("CATEGORY", category_label(f.category));
      group->SetValue("CATEGORY_CODE", f.category);
    }
    auto* row = group->AddSectionDictionary("ENTRY");
    row->SetIntValue("ID", f.id);
    row->SetValue("QUESTION", f.question);
    row->SetValue("ANSWER_HTML", domain::paragraphs_html(f.answer));
    if (searched) row->ShowSection("OPEN");
  }
  if (found.empty() && search.ok()) body.ShowSection("NOTHING_FOUND");
  if (searched) {
    body.SetIntValue("FOUND", static_cast<long>(found.size()));
    body.ShowSection("SEARCHED");
  }
  return page.render(search.ok() ? 200 : 422);
}

core::Response admin_faqs(core::Context& cx) {
  core::Page page(cx, "content/admin_faqs.tpl", "問答集管理");
  auto& body = page.body();
  body.SetValue("ADMIN_URL", app::url_for("admin.home"));
  body.SetValue("NEW_URL", app::url_for("admin.faq.new"));
  for (const auto& f : sql::faqs(cx.db(), "", "")) {
    auto* row = body.AddSectionDictionary("ENTRY");
    row->SetIntValue("ID", f.id);
    row->SetValue("EDIT_URL", app::url_for("admin.faq.edit", {std::to_string(f.id)}));
    row->SetValue("CATEGORY", category_label(f.category));
    row->SetValue("QUESTION", f.question);
    row->SetIntValue("POSITION", f.position);
  }
  return page.render();
}

core::Response new_faq(core::Context& cx) { return show_form(cx, core::Form(kFaqForm), nullptr, 200); }

core::Response create_faq(core::Context& cx) {
  core::Form form(kFaqForm, cx.req().form);
  const auto entry = entry_of(form, 0);
  if (!entry) {
    form.errors().add("form", "問答沒有新增。");
    return show_form(cx, form, nullptr, 422);
  }
  const int64_t id = sql::insert_faq(cx.db(), *entry);
  shared::access::audit(cx, "faq.create", std::to_string(id), entry->question);
  cx.flash("已新增問答「" + entry->question + "」。");
  return cx.see_other(app::url_for("admin.faq"));
}

core::Response edit_faq(core::Context& cx) {
  const auto entry = requested_faq(cx);
  if (!entry) return cx.not_found();
  core::Form form(kFaqForm);
  form.set_raw("category", entry->category);
  form.set_raw("question", entry->question);
  form.set_raw("answer", entry->answer);
  form.set_raw("position", std::to_string(entry->position));
  return show_form(cx, form, &*entry, 200);
}

core::Response update_faq(core::Context& cx) {
  const auto existing = requested_faq(cx);
  if (!existing) return cx.not_found();
  core::Form form(kFaqForm, cx.req().form);
  const auto entry = entry_of(form, existing->id);
  if (!entry) {
    form.errors().add("form", "問答沒有變更。");
    return show_form(cx, form, &*existing, 422);
  }
  if (!sql::update_faq(cx.db(), *entry)) return cx.not_found();
  shared::access::audit(cx, "faq.update", std::to_string(entry->id), entry->question);
  cx.flash("問答「" + entry->question + "」已更新。");
  return cx.see_other(app::url_for("admin.faq"));
}

core::Response delete_faq(core::Context& cx) {
  const auto entry = requested_faq(cx);
  if (!entry || !sql::delete_faq(cx.db(), entry->id)) return cx.not_found();
  shared::access::audit(cx, "faq.delete", std::to_string(entry->id), entry->question);
  cx.flash("問答「" + entry->question + "」已刪除。");
  return cx.see_other(app::url_for("admin.faq"));
}

}  // namespace content
