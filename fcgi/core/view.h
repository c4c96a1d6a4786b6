// Pages: ctemplate with HTML auto-escaping, rendered inside templates/layout.tpl.
#pragma once

#include <ctemplate/template.h>

#include <string>

#include "core/context.h"

namespace core {

// Loads templates from `root`; call once before the workers start.
void init_templates(const std::string& root);

// The application fills the layout's navigation (links come from its route table).
using LayoutFiller = void (*)(Context&, ctemplate::TemplateDictionary& layout);
void set_layout_filler(LayoutFiller filler);

class Page {
 public:
  Page(Context& cx, const std::string& body_template, const std::string& title);
  ctemplate::TemplateDictionary& body() { return *body_; }
  ctemplate::TemplateDictionary& layout() { return layout_; }
  // Uses HTML already rendered from an escaping template (a cached fragment) as the body.
  void use_rendered_body(const std::string& html);
  // The same around a part drawn for this request only: the body is `html` with the returned
  // include dictionary put where `html` holds `marker` (or at its end); the caller names its file.
  ctemplate::TemplateDictionary& use_rendered_body_around(const std::string& html,
                                                          const std::string& marker);
  Response render(int status = 200);

 private:
  Context& cx_;
  ctemplate::TemplateDictionary layout_;
  ctemplate::TemplateDictionary* body_;
};

// Renders one template on its own (for fragments that are cached).
std::string render_template(const std::string& file, const ctemplate::TemplateDictionary& dict);

Response render_error_page(Context& cx, int status, const std::string& title,
                           const std::string& message);

// Shorthand for a section shown once with the given values.
void show_section(ctemplate::TemplateDictionary& dict, const char* section);

}  // namespace core
