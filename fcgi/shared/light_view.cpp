// Fills templates/partials/light.tpl, included as {{>LIGHT}}.
#include "shared/light_view.h"

namespace shared {

void fill_light(ctemplate::TemplateDictionary& dict, domain::Light light, const std::string& detail) {
  auto* d = dict.AddIncludeDictionary("LIGHT");
  d->SetFilename("partials/light.tpl");
  d->SetValue("CODE", domain::light_code(light));
  d->SetValue("WORDS", domain::light_words(light));
  d->SetValue("DETAIL", detail);
}

}  // namespace shared
