// domain/mime.cpp: base64, RFC 2047 encoded-words, the RFC 5322 date and the message text.
#include "domain/mime.h"

#include <cstddef>

#include "domain/roc_date.h"

namespace domain {
namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kCrlf[] = "\r\n";

// 39 bytes make 52 base64 characters: with "=?UTF-8?B?" and "?=" a word of 64 characters.
constexpr std::size_t kWordBytes = 39;
constexpr std::size_t kBodyLine = 76;  // RFC 2045 §6.8
constexpr long kTaiwanOffsetSeconds = 8 * 3600;

// Bytes in the UTF-8 character that starts with `lead`; 1 for a byte that cannot start one, so
// malformed text is still cut somewhere.
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  return 1;
}

std::string without_controls(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
  }
  return out;
}

// Text in canonical form (RFC 2045 §6.6): every line end is CRLF, whichever it was.
std::string with_crlf(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 32);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += kCrlf;
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (s[i] == '\n') {
      out += kCrlf;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string two_digits(int n) {
  return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10);
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kBase64[v >> 18 & 63];
    out += kBase64[v >> 12 & 63];
    out += kBase64[v >> 6 & 63];
    out += kBase64[v & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kBase64[v >> 18 & 63];
    out += kBase64[v >> 12 & 63];
    out += rest == 2 ? kBase64[v >> 6 & 63] : '=';
    out += '=';
  }
  return out;
}

std::string rfc2047_encode(std::string_view text) {
  std::string out;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t take = 0;
    while (take < rest.size()) {
      std::size_t next = utf8_length(static_cast<unsigned char>(rest[take]));
      if (take + next > rest.size()) next = rest.size() - take;  // cut short at the end
      if (take + next > kWordBytes) break;
      take += next;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64_encode(rest.substr(0, take)) + "?=";
    rest.remove_prefix(take);
  }
  return out;
}

std::string rfc5322_date(std::time_t now) {
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const long long local = static_cast<long long>(now) + kTaiwanOffsetSeconds;
  long long days = local / 86400;
  long long seconds = local % 86400;
  if (seconds < 0) {
    seconds += 86400;
    days -= 1;
  }
  const Date d = civil_from_days(static_cast<long>(days));
  const int hour = static_cast<int>(seconds / 3600);
  const int minute = static_cast<int>(seconds / 60 % 60);
  const int second = static_cast<int>(seconds % 60);
  return std::string(kDays[iso_weekday(d) - 1]) + ", " + std::to_string(d.day) + " " +
         kMonths[d.month - 1] + " " + std::to_string(d.year) + " " + two_digits(hour) + ":" +
         two_digits(minute) + ":" + two_digits(second) + " +0800";
}

std::string build_mime(const MimeMail& mail, std::time_t now) {
  std::string out;
  out += "Date: " + rfc5322_date(now) + kCrlf;
  out += "From: " + without_controls(mail.from) + kCrlf;
  out += "To: " + without_controls(mail.to) + kCrlf;
  out += "Subject: " + rfc2047_encode(mail.subject) + kCrlf;
  out += "Message-ID: <" + without_controls(mail.message_id) + ">" + kCrlf;
  out += std::string("MIME-Version: 1.0") + kCrlf;
  out += std::string("Content-Type: text/plain; charset=UTF-8") + kCrlf;
  out += std::string("Content-Transfer-Encoding: base64") + kCrlf;
  // RFC 3834: no vacation replies or bounces to a notification nobody reads.
  out += std::string("Auto-Submitted: auto-generated") + kCrlf;
  out += kCrlf;
  const std::string body = base64_encode(with_crlf(mail.body));
  for (std::size_t i = 0; i < body.size(); i += kBodyLine) {
    out.append(body, i, kBodyLine);
    out += kCrlf;
  }
  return out;
}

}  // namespace domain
