// JSON written the one way every answer, token and stored report uses: compact, UTF-8 as is.
#pragma once

#include <json/value.h>

#include <string>

namespace core::json {

std::string compact(const Json::Value& value);

}  // namespace core::json
