// domain/validation.cpp: UTF-8 well-formedness, e-mail address shape and trimming.
#include "domain/validation.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace domain {
namespace {

bool in(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_local_char(char c) {
  return c != '\0' && (is_alnum(c) || std::strchr(".!#$%&'*+/=?^_`{|}~-", c) != nullptr);
}

bool is_domain_label(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  for (char c : label) {
    if (!is_alnum(c) && c != '-') return false;
  }
  return true;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  while (i < n) {
    const unsigned char b = byte(i);
    if (b < 0x80) {
      ++i;
      continue;
    }
    // The second byte's range carries the rules: RFC 3629 narrows it after E0, ED, F0 and F4 so
    // that overlongs, surrogates and code points above U+10FFFF cannot be written at all.
    std::size_t len;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (in(b, 0xC2, 0xDF)) {
      len = 2;
    } else if (b == 0xE0) {
      len = 3;
      lo = 0xA0;
    } else if (b == 0xED) {
      len = 3;
      hi = 0x9F;
    } else if (in(b, 0xE1, 0xEF)) {
      len = 3;
    } else if (b == 0xF0) {
      len = 4;
      lo = 0x90;
    } else if (b == 0xF4) {
      len = 4;
      hi = 0x8F;
    } else if (in(b, 0xF1, 0xF3)) {
      len = 4;
    } else {
      return false;  // 80..C1 (continuation or overlong lead) and F5..FF never start a character
    }
    if (n - i < len) return false;
    if (!in(byte(i + 1), lo, hi)) return false;
    for (std::size_t k = 2; k < len; ++k) {
      if (!in(byte(i + k), 0x80, 0xBF)) return false;
    }
    i += len;
  }
  return true;
}

bool is_valid_email(std::string_view s) {
  if (s.size() > 254) return false;
  const std::size_t at = s.find('@');
  if (at == std::string_view::npos) return false;
  const std::string_view local = s.substr(0, at);
  std::string_view domain = s.substr(at + 1);
  if (local.empty() || local.size() > 64) return false;
  for (char c : local) {
    if (!is_local_char(c)) return false;
  }
  // A second '@' lands in the domain and fails the label check.
  int labels = 0;
  while (true) {
    const std::size_t dot = domain.find('.');
    if (!is_domain_label(domain.substr(0, dot))) return false;
    ++labels;
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  return labels >= 2;
}

std::string trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string utf8_prefix(std::string_view s, std::size_t chars) {
  std::size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == chars) break;
  }
  return std::string(s.substr(0, i));
}

std::optional<long long> parse_integer(std::string_view text, long long min, long long max) {
  const std::string t = trim(text);
  std::string_view rest = t;
  bool negative = false;
  if (min < 0 && !rest.empty() && rest.front() == '-') {
    negative = true;
    rest.remove_prefix(1);
  }
  if (rest.empty() || rest.size() > 18) return std::nullopt;  // beyond any bound a form asks for
  long long value = 0;
  for (char c : rest) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (negative) value = -value;
  if (value < min || value > max) return std::nullopt;
  return value;
}

std::vector<std::string> non_blank_lines(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line = trim(text.substr(pos, nl - pos));
    if (!line.empty()) out.push_back(std::move(line));
    pos = nl + 1;
  }
  return out;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string percent_encode(std::string_view in) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool is_course_code(std::string_view code) {
  if (code.size() != 7) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::set<std::string> split_set(std::string_view csv) {
  std::set<std::string> out;
  size_t pos = 0;
  while (pos < csv.size()) {
    size_t comma = csv.find(',', pos);
    if (comma == std::string_view::npos) comma = csv.size();
    if (comma > pos) out.emplace(csv.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

std::vector<int64_t> split_ids(std::string_view csv) {
  std::vector<int64_t> out;
  for (size_t pos = 0; pos < csv.size();) {
    size_t comma = csv.find(',', pos);
    if (comma == std::string_view::npos) comma = csv.size();
    if (const auto id = parse_integer(csv.substr(pos, comma - pos), 0, INT64_MAX)) out.push_back(*id);
    pos = comma + 1;
  }
  return out;
}

std::set<std::string> split_typed_codes(std::string_view typed) {
  std::string csv(typed);
  for (const std::string_view separator : {"，", "、"}) {
    for (size_t at; (at = csv.find(separator)) != std::string::npos;) csv.replace(at, separator.size(), ",");
  }
  for (char& ch : csv) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') ch = ',';
  }
  return split_set(csv);
}

std::string join_set(const std::set<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ",") + v;
  return out;
}

std::string like_contains(std::string_view typed) {
  std::string out = "%";
  for (char ch : typed) {
    if (ch == '!' || ch == '%' || ch == '_') out += '!';
    out += ch;
  }
  return out + "%";
}

}  // namespace domain
