// What a handler returns: status, headers, body.
#pragma once

#include <json/value.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace core {

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  bool has_header(std::string_view name) const;

  static Response html(int status, std::string body);
  static Response json(int status, const Json::Value& value);
  static Response see_other(const std::string& location);
  static Response file(std::string content_type, const std::string& filename, std::string body);
  // An attachment named in UTF-8 (RFC 6266 filename*, RFC 5987 encoding), with `ascii_filename`
  // for the few clients that read only filename.
  static Response file(std::string content_type, const std::string& ascii_filename,
                       const std::string& utf8_filename, std::string body);
};

const char* status_text(int status);

// RFC 5987's ext-value of `text`: "UTF-8''" then every byte outside attr-char as %XX.
std::string rfc5987_value(std::string_view text);

}  // namespace core
