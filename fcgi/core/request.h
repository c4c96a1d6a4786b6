// An HTTP request as FastCGI hands it over: method, path, query, form, cookies, with size limits.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Limits {
  size_t max_body = 1 << 20;          // urlencoded forms (nginx allows more only for uploads)
  size_t max_upload_body = 10 << 20;  // multipart forms
  size_t max_fields = 400;
  size_t max_name = 100;
  size_t max_value = 64 * 1024;
};

// Why a request could not be read; each maps to a status and a Chinese message.
enum class ParseError { kNone, kTooLarge, kTooManyFields, kBadEncoding, kMalformed };

struct UploadedFile {
  std::string field;
  std::string filename;
  std::string content_type;
  std::string content;
};

// Name/value pairs in arrival order; lookups take the first (parameter pollution is deterministic).
class Params {
 public:
  void add(std::string name, std::string value) { items_.emplace_back(std::move(name), std::move(value)); }
  std::optional<std::string> get(std::string_view name) const;
  std::string get_or(std::string_view name, std::string_view fallback = "") const;
  std::vector<std::string> all(std::string_view name) const;
  size_t size() const { return items_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

std::string url_decode(std::string_view in, bool plus_is_space);
std::string url_encode(std::string_view in);
ParseError parse_urlencoded(std::string_view body, const Limits& limits, Params& out);
ParseError parse_cookies(std::string_view header, std::map<std::string, std::string>& out);
ParseError parse_multipart(std::string_view body, std::string_view content_type,
                           const Limits& limits, Params& fields, std::vector<UploadedFile>& files);

struct Request {
  std::string method;
  std::string path;          // as nginx decoded it (once), without the query string
  std::string query_string;  // raw
  std::string content_type;
  std::string remote_addr;
  std::string request_id;
  std::string accept;
  std::string authorization;  // the Authorization header (OAuth clients, Bearer tokens)
  std::string if_none_match;  // a cache's ETag to revalidate (the read API answers 304)
  bool https = false;
  Params query;
  Params form;                     // urlencoded and multipart bodies
  std::vector<UploadedFile> files;
  std::string body;                // any other body (JSON), for the route that reads its own
  std::map<std::string, std::string> cookies;
  ParseError error = ParseError::kNone;

  std::optional<std::string> cookie(const std::string& name) const;
  bool is_post() const { return method == "POST"; }
};

}  // namespace core
