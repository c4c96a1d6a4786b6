// Rendering through ctemplate's shared, thread-safe template cache.
#include "core/view.h"

#include <stdexcept>

namespace core {

namespace {
LayoutFiller g_layout_filler = nullptr;  // set once at start-up, before any thread runs
constexpr const char* kLayout = "layout.tpl";
}  // namespace

void init_templates(const std::string& root) {
  ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(root);
}

void set_layout_filler(LayoutFiller filler) { g_layout_filler = filler; }

std::string render_template(const std::string& file, const ctemplate::TemplateDictionary& dict) {
  std::string out;
  if (!ctemplate::ExpandTemplate(file, ctemplate::DO_NOT_STRIP, &dict, &out)) {
    throw std::runtime_error("template failed: " + file);
  }
  return out;
}

Page::Page(Context& cx, const std::string& body_template, const std::string& title)
    : cx_(cx), layout_("layout") {
  layout_.SetValue("TITLE", title);
  body_ = layout_.AddIncludeDictionary("BODY");
  body_->SetFilename(body_template);
}

void Page::use_rendered_body(const std::string& html) {
  body_->SetFilename("partials/raw.tpl");
  body_->SetValue("HTML", html);
}

ctemplate::TemplateDictionary& Page::use_rendered_body_around(const std::string& html,
                                                              const std::string& marker) {
  const size_t at = html.find(marker);
  body_->SetFilename("partials/raw_around.tpl");
  body_->SetValue("BEFORE", at == std::string::npos ? html : html.substr(0, at));
  body_->SetValue("AFTER", at == std::string::npos ? "" : html.substr(at + marker.size()));
  return *body_->AddIncludeDictionary("INSERT");
}

Response Page::render(int status) {
  if (g_layout_filler) g_layout_filler(cx_, layout_);
  const std::string flash = cx_.take_flash();
  if (!flash.empty()) layout_.SetValueAndShowSection("FLASH", flash, "HAS_FLASH");
  Response r = Response::html(status, render_template(kLayout, layout_));
  // Pages may show personal data or carry a CSRF token: never store them in shared caches.
  r.header("Cache-Control", cx_.user().signed_in() ? "no-store" : "private, max-age=0");
  return r;
}

Response render_error_page(Context& cx, int status, const std::string& title,
                           const std::string& message) {
  Page page(cx, "errors/error.tpl", title);
  page.body().SetValue("HEADING", title);
  page.body().SetValue("MESSAGE", message);
  page.body().SetIntValue("STATUS", status);
  page.body().SetValue("REQUEST_ID", cx.req().request_id);
  return page.render(status);
}

void show_section(ctemplate::TemplateDictionary& dict, const char* section) {
  dict.ShowSection(section);
}

}  // namespace core
