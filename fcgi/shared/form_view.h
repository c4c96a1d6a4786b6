// Showing a form again: values as typed, each error beside its field, a summary on top.
#pragma once

#include <ctemplate/template.h>

#include <string>
#include <vector>

#include "core/form.h"

namespace shared {

// For every field of the form's table: its value as typed under the upper-cased name
// ({{TITLE}}), and for every field with an error (the table's or any other, such as "sessions"):
// {{>TITLE_ERROR}} renders partials/field_error.tpl (id "title-error") and the section
// {{#TITLE_INVALID}} is shown for the input's aria-invalid and aria-describedby. Errors of the
// whole form (field "form") and the count go to the summary {{>FORM_ERRORS}}.
void fill_form(ctemplate::TemplateDictionary& dict, const core::Form& form);
void fill_errors(ctemplate::TemplateDictionary& dict, const core::FieldErrors& errors);

// For forms drawn from their table: one `section` per field, with NAME, LABEL, VALUE, OPTIONAL
// (when not required), either CHOICE (with OPTION: NAME, CODE, LABEL, CHECKED) or SINGLE with one
// of INPUT, TEXTAREA (text over 300 characters) or DATE, and its error as {{>ERROR}} with the
// section INVALID.
void fill_field_rows(ctemplate::TemplateDictionary& dict, const char* section, const core::Form& form);

struct Option {
  std::string code, label;
};
// One `section` per option with CODE, LABEL and CHECKED/SELECTED when it is among `chosen`.
void fill_options(ctemplate::TemplateDictionary& dict, const char* section,
                  const std::vector<Option>& options, const std::vector<std::string>& chosen);

}  // namespace shared
