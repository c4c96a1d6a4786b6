// Response constructors and status texts.
#include "core/response.h"

#include "core/json.h"

namespace core {

bool Response::has_header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (n == name) return true;
  }
  return false;
}

Response Response::html(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.header("Content-Type", "text/html; charset=utf-8");
  return r;
}

Response Response::json(int status, const Json::Value& value) {
  Response r;
  r.status = status;
  r.body = json::compact(value);
  r.header("Content-Type", "application/json; charset=utf-8");
  return r;
}

Response Response::see_other(const std::string& location) {
  Response r;
  r.status = 303;
  r.header("Location", location);
  return r;
}

Response Response::file(std::string content_type, const std::string& filename, std::string body) {
  Response r;
  r.status = 200;
  r.body = std::move(body);
  r.header("Content-Type", std::move(content_type));
  r.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return r;
}

Response Response::file(std::string content_type, const std::string& ascii_filename,
                        const std::string& utf8_filename, std::string body) {
  Response r = file(std::move(content_type), ascii_filename, std::move(body));
  r.headers.back().second += "; filename*=" + rfc5987_value(utf8_filename);
  return r;
}

std::string rfc5987_value(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "UTF-8''";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (alnum || std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

const char* status_text(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Unknown";
  }
}

}  // namespace core
