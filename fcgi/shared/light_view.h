// The light partial (SPEC §6, §10): data-light, colour, words and alt text together.
#pragma once

#include <ctemplate/template.h>

#include <string>

#include "domain/lights.h"

namespace shared {

void fill_light(ctemplate::TemplateDictionary& dict, domain::Light light, const std::string& detail);

}  // namespace shared
