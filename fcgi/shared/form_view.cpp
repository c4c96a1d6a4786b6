// Fills the field-error and form-errors partials from a Form or a list of errors.
#include "shared/form_view.h"

#include <algorithm>

namespace shared {

namespace {
std::string upper(const std::string& name) {
  std::string out = name;
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

void fill_errors(ctemplate::TemplateDictionary& dict, const core::FieldErrors& errors) {
  if (errors.empty()) return;
  std::vector<std::string> done;
  auto* summary = dict.AddIncludeDictionary("FORM_ERRORS");
  summary->SetFilename("partials/form_errors.tpl");
  for (const auto& e : errors.all()) {
    if (e.field == "form") {
      summary->AddSectionDictionary("FORM_MESSAGE")->SetValue("TEXT", e.message);
      continue;
    }
    if (std::find(done.begin(), done.end(), e.field) != done.end()) continue;
    done.push_back(e.field);
    auto* item = summary->AddSectionDictionary("FIELD_MESSAGE");
    item->SetValue("FIELD", e.field);
    item->SetValue("TEXT", errors.message(e.field));
    auto* beside = dict.AddIncludeDictionary(upper(e.field) + "_ERROR");
    beside->SetFilename("partials/field_error.tpl");
    beside->SetValue("FIELD", e.field);
    beside->SetValue("MESSAGE", errors.message(e.field));
    dict.ShowSection(upper(e.field) + "_INVALID");
  }
  if (!done.empty()) {
    summary->SetIntValue("COUNT", static_cast<long>(done.size()));
    summary->ShowSection("FIELDS");
  }
}

void fill_form(ctemplate::TemplateDictionary& dict, const core::Form& form) {
  for (const core::FieldSpec& f : form.spec()) dict.SetValue(upper(f.name), form.raw(f.name));
  fill_errors(dict, form.errors());
}

void fill_field_rows(ctemplate::TemplateDictionary& dict, const char* section, const core::Form& form) {
  for (const core::FieldSpec& f : form.spec()) {
    auto* row = dict.AddSectionDictionary(section);
    row->SetValue("NAME", f.name);
    row->SetValue("LABEL", f.label);
    row->SetValue("VALUE", form.raw(f.name));
    if (!f.required) row->ShowSection("OPTIONAL");
    switch (f.kind) {
      case core::FieldKind::kDate:
        row->ShowSection("SINGLE");
        row->ShowSection("DATE");
        break;
      case core::FieldKind::kChoice: {
        row->ShowSection("CHOICE");
        for (size_t i = 0; i < f.codes.size(); ++i) {
          auto* o = row->AddSectionDictionary("OPTION");
          o->SetValue("NAME", f.name);
          o->SetValue("CODE", f.codes[i]);
          o->SetValue("LABEL", i < f.labels.size() ? f.labels[i] : f.codes[i]);
          if (form.raw(f.name) == f.codes[i]) o->ShowSection("CHECKED");
        }
        break;
      }
      default:
        row->ShowSection("SINGLE");
        row->ShowSection(f.max > 300 ? "TEXTAREA" : "INPUT");
        break;
    }
    if (form.errors().has(f.name)) {
      auto* beside = row->AddIncludeDictionary("ERROR");
      beside->SetFilename("partials/field_error.tpl");
      beside->SetValue("FIELD", f.name);
      beside->SetValue("MESSAGE", form.errors().message(f.name));
      row->ShowSection("INVALID");
    }
  }
}

void fill_options(ctemplate::TemplateDictionary& dict, const char* section,
                  const std::vector<Option>& options, const std::vector<std::string>& chosen) {
  for (const Option& o : options) {
    auto* d = dict.AddSectionDictionary(section);
    d->SetValue("CODE", o.code);
    d->SetValue("LABEL", o.label);
    if (std::find(chosen.begin(), chosen.end(), o.code) != chosen.end()) {
      d->ShowSection("CHECKED");
      d->ShowSection("SELECTED");
    }
  }
}

}  // namespace shared
