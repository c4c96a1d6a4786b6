// Command-line tasks beside the server: `portal-tool hash-password PASSWORD` prints an Argon2id
// hash (for demo and benchmark data, which share one hash of the demo password); `portal-tool keys
// ensure|rotate|list DIR` looks after the OpenID provider's RS256 signing keys (core/jwt.h);
// `portal-tool course-states public|unfinished` prints the SQL list of those states for SQL files
// run by hand or in bulk (sql/course_search_rebuild.sql), from the domain's rules;
// `portal-tool search-spellings KEYWORD` prints the terms the search makes of a keyword, one line
// each with its spellings tab-separated (domain/search_terms.h), for bench/search_check.py;
// `portal-tool scheduler --config FILE [--once] [--pid-file FILE]` runs the timed jobs
// (scheduler/scheduler.h); `portal-tool kindergarten-feed --config FILE [--dir DIR]` applies
// 全國教保資訊網's files now and prints what each changed and refused (staff/kindergarten_feed.h);
// `portal-tool totp-code HEX_SECRET` prints the current code of a second factor (nginx/portalctl
// totp-code ACCOUNT, for the demo accounts); `portal-tool pii-migrate --config FILE` seals the
// 身分證字號 still stored in the clear (accounts/pii_migrate.h).
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accounts/pii_migrate.h"
#include "core/jwt.h"
#include "core/security.h"
#include "core/totp.h"
#include "domain/course_state.h"
#include "domain/search_terms.h"
#include "scheduler/scheduler.h"
#include "staff/kindergarten_feed.h"

namespace {

constexpr int kDefaultOverlapHours = 24;
constexpr long kMaxOverlapHours = 24 * 366;

const char kUsage[] =
    "usage: portal-tool hash-password PASSWORD\n"
    "       portal-tool keys ensure DIR\n"
    "       portal-tool keys rotate DIR [--overlap-hours N (default 24)]\n"
    "       portal-tool keys list DIR\n"
    "       portal-tool course-states public|unfinished\n"
    "       portal-tool search-spellings KEYWORD\n"
    "       portal-tool scheduler --config FILE [--once] [--pid-file FILE]\n"
    "       portal-tool kindergarten-feed --config FILE [--dir DIR]\n"
    "       portal-tool totp-code HEX_SECRET\n"
    "       portal-tool pii-migrate --config FILE\n";

std::optional<std::string> hex_decoded(const std::string& hex) {
  if (hex.empty() || hex.size() % 2 != 0) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2) {
    const std::string pair = hex.substr(i, 2);
    if (!std::isxdigit(static_cast<unsigned char>(pair[0])) || !std::isxdigit(static_cast<unsigned char>(pair[1]))) {
      return std::nullopt;
    }
    out.push_back(static_cast<char>(std::stoi(pair, nullptr, 16)));
  }
  return out;
}

int usage() {
  std::fputs(kUsage, stderr);
  return 2;
}

std::string utc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::optional<int> parse_hours(const char* text) {
  char* end = nullptr;
  errno = 0;
  const long n = std::strtol(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || n < 0 || n > kMaxOverlapHours) {
    return std::nullopt;
  }
  return static_cast<int>(n);
}

// One line per key, oldest first: kid, created, retire_at ("-" when active) and its state: signing,
// active (not the newest), retiring (still in the JWKS) or retired (file kept a day, then deleted).
// Fails when no key can sign.
int list(const std::string& dir, std::time_t now) {
  const std::vector<core::jwt::KeyInfo> keys = core::jwt::list_keys(dir);
  std::string signing;
  try {
    signing = core::jwt::KeyRing::load(dir, now).signing_kid();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "portal-tool: %s\n", e.what());
  }
  for (const core::jwt::KeyInfo& k : keys) {
    const char* state = k.kid == signing     ? "signing"
                        : !k.retire_at       ? "active"
                        : *k.retire_at > now ? "retiring"
                                             : "retired";
    std::printf("%s\tcreated %s\tretire_at %s\t%s\n", k.kid.c_str(), utc(k.created).c_str(),
                k.retire_at ? utc(*k.retire_at).c_str() : "-", state);
  }
  return signing.empty() ? 1 : 0;
}

// keys ACTION DIR [--overlap-hours H]: the arguments after the command's name.
int keys(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string action = argv[0];
  const std::string dir = argv[1];
  const std::time_t now = std::time(nullptr);
  if (action == "ensure" && argc == 2) {
    core::jwt::ensure_key(dir, now);
    std::printf("signing key %s\n", core::jwt::KeyRing::load(dir, now).signing_kid().c_str());
    return 0;
  }
  if (action == "rotate" &&
      (argc == 2 || (argc == 4 && std::strcmp(argv[2], "--overlap-hours") == 0))) {
    const std::optional<int> hours = argc == 4 ? parse_hours(argv[3]) : kDefaultOverlapHours;
    if (!hours) return usage();
    core::jwt::rotate(dir, now, *hours * 3600);
    std::printf("signing key %s; the keys that signed until now stay published until %s\n",
                core::jwt::KeyRing::load(dir, now).signing_kid().c_str(),
                utc(now + *hours * 3600).c_str());
    return 0;
  }
  if (action == "list" && argc == 2) return list(dir, now);
  return usage();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "hash-password") == 0) {
    std::puts(core::hash_password(argv[2]).c_str());
    return 0;
  }
  if (argc == 3 && std::strcmp(argv[1], "course-states") == 0) {
    if (std::strcmp(argv[2], "public") == 0) {
      std::puts(domain::sql_list_of_states(domain::is_public).c_str());
      return 0;
    }
    if (std::strcmp(argv[2], "unfinished") == 0) {
      std::puts(domain::sql_list_of_states(domain::is_unfinished).c_str());
      return 0;
    }
    return usage();
  }
  if (argc == 3 && std::strcmp(argv[1], "search-spellings") == 0) {
    for (const auto& spellings : domain::spellings_of(domain::search_terms(argv[2]))) {
      std::string line;
      for (const auto& s : spellings) line += (line.empty() ? "" : "\t") + s;
      std::puts(line.c_str());
    }
    return 0;
  }
  if (argc == 3 && std::strcmp(argv[1], "totp-code") == 0) {
    const auto secret = hex_decoded(argv[2]);
    if (!secret) return usage();
    std::puts(core::totp::code_at(*secret, std::time(nullptr)).c_str());
    return 0;
  }
  // Commands with arguments of their own: each is given those after its name, and a failure is
  // one line on stderr.
  using Command = int (*)(int, char**);
  static const std::pair<const char*, Command> kCommands[] = {
      {"scheduler", scheduler::command},
      {"kindergarten-feed", staff::feed_command},
      {"pii-migrate", accounts::pii_migrate_command},
      {"keys", keys},
  };
  for (const auto& [name, run] : kCommands) {
    if (argc < 2 || std::strcmp(argv[1], name) != 0) continue;
    try {
      return run(argc - 2, argv + 2);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "portal-tool: %s\n", e.what());
      return 1;
    }
  }
  return usage();
}
