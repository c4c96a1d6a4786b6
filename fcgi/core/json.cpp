// The compact jsoncpp writer, built once.
#include "core/json.h"

#include <json/writer.h>

namespace core::json {

std::string compact(const Json::Value& value) {
  static const Json::StreamWriterBuilder kWriter = [] {
    Json::StreamWriterBuilder b;
    b["indentation"] = "";
    b["emitUTF8"] = true;
    return b;
  }();
  return Json::writeString(kWriter, value);
}

}  // namespace core::json
