// The page where someone types a verification code read from paper (錄取通知, 研習證明) and is sent
// to the check address of that code: the same form and the same forgiving reading of the code
// (domain::parse_notice_code) for both.
#pragma once

#include <ctemplate/template.h>

#include <string>

#include "core/context.h"
#include "core/form.h"

namespace shared::code_lookup {

struct Lookup {
  const char* page_template;  // the template that also shows the check
  const char* title;
  const char* lookup_route;   // the form's own route (LOOKUP_URL)
  const char* check_route;    // where a readable code goes, with the code as its one parameter
  const char* paper;          // what the code is printed on, in the error message (錄取通知)
};

// The form's fields, for a page that shows it beside a check's answer.
void fill_form(ctemplate::TemplateDictionary& body, const Lookup& lookup, const core::Form* typed = nullptr);

// GET of the lookup route: the form, or a redirect to the check of the typed code, or the form
// again with a message (422) when what was typed cannot be a code.
core::Response answer(core::Context& cx, const Lookup& lookup);

}  // namespace shared::code_lookup
