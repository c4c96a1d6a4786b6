// Parsing of query strings, urlencoded and multipart bodies and cookies, within limits.
#include "core/request.h"

#include "domain/validation.h"

namespace core {

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Value of `key=` inside a header like `form-data; name="x"; filename="y"`.
std::optional<std::string> header_attribute(std::string_view header, std::string_view key) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t semi = header.find(';', pos);
    if (semi == std::string_view::npos) semi = header.size();
    std::string_view part = trim_view(header.substr(pos, semi - pos));
    pos = semi + 1;
    const size_t eq = part.find('=');
    if (eq == std::string_view::npos || trim_view(part.substr(0, eq)) != key) continue;
    std::string_view value = trim_view(part.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}
}  // namespace

std::optional<std::string> Params::get(std::string_view name) const {
  for (const auto& [n, v] : items_) {
    if (n == name) return v;
  }
  return std::nullopt;
}

std::string Params::get_or(std::string_view name, std::string_view fallback) const {
  auto v = get(name);
  return v ? *v : std::string(fallback);
}

std::vector<std::string> Params::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : items_) {
    if (n == name) out.push_back(v);
  }
  return out;
}

std::string url_decode(std::string_view in, bool plus_is_space) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0 &&
               hex_value(in[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string url_encode(std::string_view in) { return domain::percent_encode(in); }

ParseError parse_urlencoded(std::string_view body, const Limits& limits, Params& out) {
  if (body.size() > limits.max_body) return ParseError::kTooLarge;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t amp = body.find('&', pos);
    if (amp == std::string_view::npos) amp = body.size();
    std::string_view pair = body.substr(pos, amp - pos);
    pos = amp + 1;
    if (pair.empty()) continue;
    if (out.size() >= limits.max_fields) return ParseError::kTooManyFields;
    const size_t eq = pair.find('=');
    std::string name = url_decode(pair.substr(0, eq), true);
    std::string value = eq == std::string_view::npos ? "" : url_decode(pair.substr(eq + 1), true);
    if (name.size() > limits.max_name || value.size() > limits.max_value) {
      return ParseError::kTooLarge;
    }
    if (!domain::is_valid_utf8(name) || !domain::is_valid_utf8(value)) {
      return ParseError::kBadEncoding;
    }
    out.add(std::move(name), std::move(value));
  }
  return ParseError::kNone;
}

ParseError parse_cookies(std::string_view header, std::map<std::string, std::string>& out) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t semi = header.find(';', pos);
    if (semi == std::string_view::npos) semi = header.size();
    std::string_view part = trim_view(header.substr(pos, semi - pos));
    pos = semi + 1;
    const size_t eq = part.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    // The first cookie of a name wins, like query parameters.
    out.emplace(std::string(part.substr(0, eq)), std::string(part.substr(eq + 1)));
  }
  return ParseError::kNone;
}

ParseError parse_multipart(std::string_view body, std::string_view content_type,
                           const Limits& limits, Params& fields, std::vector<UploadedFile>& files) {
  if (body.size() > limits.max_upload_body) return ParseError::kTooLarge;
  const auto boundary = header_attribute(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 200) return ParseError::kMalformed;
  const std::string delimiter = "--" + *boundary;

  size_t pos = body.find(delimiter);
  if (pos != 0) return ParseError::kMalformed;
  size_t parts = 0;
  for (;;) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") return ParseError::kNone;  // closing delimiter
    if (body.substr(pos, 2) != "\r\n") return ParseError::kMalformed;
    pos += 2;
    const size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return ParseError::kMalformed;
    std::string_view headers = body.substr(pos, headers_end - pos);
    const size_t content_start = headers_end + 4;
    const size_t next = body.find("\r\n" + delimiter, content_start);
    if (next == std::string_view::npos) return ParseError::kMalformed;
    std::string_view content = body.substr(content_start, next - content_start);
    pos = next + 2;

    if (++parts > limits.max_fields) return ParseError::kTooManyFields;
    std::optional<std::string> name, filename;
    std::string part_type;
    size_t line_start = 0;
    while (line_start <= headers.size()) {
      size_t line_end = headers.find("\r\n", line_start);
      if (line_end == std::string_view::npos) line_end = headers.size();
      std::string_view line = headers.substr(line_start, line_end - line_start);
      line_start = line_end + 2;
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string header_name(trim_view(line.substr(0, colon)));
      for (char& c : header_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string_view header_value = trim_view(line.substr(colon + 1));
      if (header_name == "content-disposition") {
        name = header_attribute(header_value, "name");
        filename = header_attribute(header_value, "filename");
      } else if (header_name == "content-type") {
        part_type = std::string(header_value);
      }
    }
    if (!name || name->size() > limits.max_name || !domain::is_valid_utf8(*name)) {
      return ParseError::kMalformed;
    }
    if (filename) {
      if (!domain::is_valid_utf8(*filename)) return ParseError::kBadEncoding;
      files.push_back({*name, *filename, part_type, std::string(content)});
    } else {
      if (content.size() > limits.max_value) return ParseError::kTooLarge;
      if (!domain::is_valid_utf8(content)) return ParseError::kBadEncoding;
      fields.add(*name, std::string(content));
    }
  }
}

std::optional<std::string> Request::cookie(const std::string& name) const {
  auto it = cookies.find(name);
  if (it == cookies.end()) return std::nullopt;
  return it->second;
}

}  // namespace core
