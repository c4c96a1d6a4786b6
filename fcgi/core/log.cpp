// Writing log lines atomically, with control characters neutralised (log injection).
#include "core/log.h"

#include <cstdio>
#include <ctime>
#include <string>

namespace core {

namespace {
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Anything shaped like a 身分證字號 or 居留證號 (a database error may quote one) is masked.
bool looks_like_national_id(std::string_view s, size_t i) {
  if (i + 10 > s.size() || !is_upper(s[i])) return false;
  if (!is_digit(s[i + 1]) && !(s[i + 1] >= 'A' && s[i + 1] <= 'D')) return false;
  for (size_t k = 2; k < 10; ++k) {
    if (!is_digit(s[i + k])) return false;
  }
  return true;
}

std::string clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (looks_like_national_id(s, i)) {
      out.append(s.substr(i, 3)).append("****").append(s.substr(i + 7, 3));
      i += 9;
      continue;
    }
    const char c = s[i];
    out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  }
  return out;
}

std::string milliseconds(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", ms);
  return buf;
}

std::string timestamp() {
  char buf[32];
  const std::time_t now = std::time(nullptr);
  std::tm tm;
  gmtime_r(&now, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}
}  // namespace

void log_request(const RequestLog& e) {
  const std::string line = timestamp() + " req=" + clean(e.request_id) + " " + clean(e.method) +
                           " route=" + clean(e.route) + " user=" + clean(e.user) +
                           " status=" + std::to_string(e.status) + " ms=" + milliseconds(e.milliseconds) +
                           "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

void log_error(std::string_view request_id, std::string_view message) {
  const std::string line =
      timestamp() + " req=" + clean(request_id) + " error=" + clean(message) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

void log_note(std::string_view source, std::string_view message) {
  const std::string line = timestamp() + " src=" + clean(source) + " note=" + clean(message) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace core
