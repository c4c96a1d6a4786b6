#include "review/return_form.h"

#include "domain/validation.h"
#include "shared/form_view.h"

namespace review {

core::FormSpec return_form_spec(const std::vector<shared::reference::Reason>& reasons) {
  std::vector<std::string> codes;
  for (const auto& r : reasons) codes.push_back(std::to_string(r.id));
  return {{"reason", "未通過理由", core::FieldKind::kChoices, false, 0, 0, codes},
          {"note", "說明", core::FieldKind::kText, false, 1000}};
}

std::optional<ReturnDecision> read_return(core::Form& form,
                                          const std::vector<shared::reference::Reason>& reasons) {
  ReturnDecision d;
  bool needs_text = false;
  for (const auto& code : form.values("reason")) {
    for (const auto& r : reasons) {
      if (code != std::to_string(r.id)) continue;
      d.reason_ids.push_back(r.id);
      d.labels.push_back(r.label);
      needs_text = needs_text || r.needs_text;
    }
  }
  d.note = form.text("note");
  if (d.reason_ids.empty()) form.errors().add("reason", "請至少勾選一項未通過理由。");
  if (needs_text && d.note.empty()) form.errors().add("note", "選擇「其他」時，請在說明欄寫明理由。");
  if (!form.ok()) return std::nullopt;
  return d;
}

void fill_return_form(ctemplate::TemplateDictionary& dict, const core::Form& form,
                      const std::vector<shared::reference::Reason>& reasons) {
  shared::fill_form(dict, form);
  std::vector<shared::Option> options;
  for (const auto& r : reasons) options.push_back({std::to_string(r.id), r.label});
  shared::fill_options(dict, "REASON", options, form.raw_all("reason"));
}

std::string skipped_note(const std::vector<std::string>& skipped, const std::string& measure) {
  if (skipped.empty()) return "";
  constexpr size_t kListed = 10;
  std::string note = std::to_string(skipped.size()) + " " + measure + "已由他人處理或不在您的審核範圍，未變更：";
  for (size_t i = 0; i < skipped.size() && i < kListed; ++i) note += (i ? "、" : "") + skipped[i];
  return note + (skipped.size() > kListed ? " 等。" : "。");
}

std::set<std::string> contact_addresses(const course_store::Course& course) {
  std::set<std::string> out;
  for (const auto* contact : {&course.contact1, &course.contact2}) {
    if (domain::is_valid_email(contact->email)) out.insert(contact->email);
  }
  return out;
}

}  // namespace review
