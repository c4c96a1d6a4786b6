// The 錄取通知's verification code and masked name (domain/admission_notice.h).
#include "domain/admission_notice.h"

#include <vector>

namespace domain {

namespace {

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr char kMask[] = "○";

int base64url_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

bool is_code_char(char c) {
  for (const char* p = kCrockford; *p; ++p) {
    if (*p == c) return true;
  }
  return false;
}

std::vector<std::string_view> code_points(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= s.size(); ++i) {
    if (i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      out.push_back(s.substr(start, i - start));
      start = i;
    }
  }
  return out;
}

}  // namespace

std::string notice_code_from_mac(std::string_view mac) {
  if (mac.size() < kNoticeCodeLength) return "";
  std::string code;
  for (std::size_t i = 0; i < kNoticeCodeLength; ++i) {
    const int v = base64url_value(mac[i]);
    if (v < 0) return "";
    code += kCrockford[v >> 1];
  }
  return code;
}

std::string group_notice_code(std::string_view code) {
  if (code.size() != kNoticeCodeLength) return std::string(code);
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += code[i];
  }
  return out;
}

std::optional<std::string> parse_notice_code(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'I' || c == 'L') c = '1';
    if (c == 'O') c = '0';
    if (!is_code_char(c) || code.size() == kNoticeCodeLength) return std::nullopt;
    code += c;
  }
  if (code.size() != kNoticeCodeLength) return std::nullopt;
  return code;
}

std::string mask_name(std::string_view name) {
  const std::vector<std::string_view> chars = code_points(name);
  if (chars.size() <= 1) return chars.empty() ? "" : kMask;
  std::string out(chars.front());
  if (chars.size() == 2) return out + kMask;
  for (std::size_t i = 1; i + 1 < chars.size(); ++i) out += kMask;
  return out + std::string(chars.back());
}

}  // namespace domain
