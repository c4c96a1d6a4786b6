#include "shared/code_lookup.h"

#include "app/routes.h"
#include "core/view.h"
#include "domain/admission_notice.h"
#include "shared/form_view.h"

namespace shared::code_lookup {

namespace {
const core::FormSpec kLookupForm = {
    {"code", "驗證碼", core::FieldKind::kText, true, 40},
};
}  // namespace

void fill_form(ctemplate::TemplateDictionary& body, const Lookup& lookup, const core::Form* typed) {
  body.SetValue("LOOKUP_URL", app::url_for(lookup.lookup_route));
  const core::Form blank(kLookupForm);
  shared::fill_form(body, typed ? *typed : blank);
}

core::Response answer(core::Context& cx, const Lookup& lookup) {
  core::Page page(cx, lookup.page_template, lookup.title);
  auto& body = page.body();
  if (!cx.req().query.get("code")) {
    fill_form(body, lookup);
    return page.render();
  }
  core::Form form(kLookupForm, cx.req().query);
  if (form.ok()) {
    if (const auto code = domain::parse_notice_code(form.text("code"))) {
      return cx.see_other(app::url_for(lookup.check_route, {domain::group_notice_code(*code)}));
    }
    form.errors().add("code", std::string("驗證碼是 12 個英文字母或數字（例如 K7QM-3XD2-P9TA），請對照") +
                                  lookup.paper + "再輸入一次。");
  }
  fill_form(body, lookup, &form);
  return page.render(422);
}

}  // namespace shared::code_lookup
