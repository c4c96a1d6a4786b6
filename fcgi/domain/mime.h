// domain/mime.h: an e-mail as RFC 5322 text with MIME (RFC 2045-2047): UTF-8, base64, CRLF.
#pragma once

#include <ctime>
#include <string>
#include <string_view>

namespace domain {

struct MimeMail {
  std::string from;        // an address: "no-reply@inservice.example.edu.tw"
  std::string to;          // an address the caller has validated
  std::string subject;     // UTF-8
  std::string body;        // UTF-8 text with any line ends
  std::string message_id;  // "local@domain", unique per mail; written inside <>
};

// Standard base64 (RFC 4648) with padding, on one line.
std::string base64_encode(std::string_view bytes);

// A header value as RFC 2047 encoded-words "=?UTF-8?B?...?=" of at most 64 characters, never
// splitting a UTF-8 character, folded with CRLF SP between words: so "Subject: " and the first
// word, and every folded line, stay within the 76 characters RFC 2047 allows. "" for "".
std::string rfc2047_encode(std::string_view text);

// "Tue, 25 Feb 2025 09:30:00 +0800": Taiwan time, which has no daylight saving time.
std::string rfc5322_date(std::time_t now);

// The whole message: Date, From, To, Subject, Message-ID and the MIME headers, a blank line, and
// the body (its line ends made CRLF) in base64 lines of 76 characters; CRLF ends every line.
// Control characters in from, to and message_id are dropped (header injection).
std::string build_mime(const MimeMail& mail, std::time_t now);

}  // namespace domain
