// The reviewer's return form, the same for a course (課程確認未通過) and a roster (名單確認未通過):
// the administrator's active reasons of that kind, several may be ticked, and a note that 「其他」
// requires; and the contacts a decision is mailed to.
#pragma once

#include <ctemplate/template.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/form.h"
#include "shared/course_store.h"
#include "shared/reference.h"

namespace review {

core::FormSpec return_form_spec(const std::vector<shared::reference::Reason>& reasons);

struct ReturnDecision {
  std::vector<int> reason_ids;
  std::vector<std::string> labels;
  std::string note;
};
// The decision, or nullopt with the errors added to `form`.
std::optional<ReturnDecision> read_return(core::Form& form,
                                          const std::vector<shared::reference::Reason>& reasons);

// The form's values, errors and the REASON checkboxes.
void fill_return_form(ctemplate::TemplateDictionary& dict, const core::Form& form,
                      const std::vector<shared::reference::Reason>& reasons);

// After a bulk approval: "N 門已由他人處理或不在您的審核範圍，未變更：5600001、…。" naming the first
// ten codes skipped (the message travels in a cookie), with `measure` the counting word (門, 份);
// "" when none was skipped.
std::string skipped_note(const std::vector<std::string>& skipped, const std::string& measure);

// The course's contacts' valid addresses, each once.
std::set<std::string> contact_addresses(const course_store::Course& course);

}  // namespace review
