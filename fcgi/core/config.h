// Settings read once at start from a key=value file written by nginx/portalctl.
#pragma once

#include <string>

#include "core/db.h"
#include "core/pii.h"
#include "domain/session_policy.h"

namespace core {

struct Config {
  db::Options database;
  std::string templates_dir;
  std::string secret;  // keys the CSRF tokens of anonymous visitors; from a file outside the web root
  pii::Keys pii;       // 身分證字號 at rest, from pii_key_file and pii_hmac_key_file (core/pii.h)
  std::string base_url = "http://127.0.0.1:8080";
  int threads = 4;
  // ASVS L2: idle 2 h for teachers, 30 min for business accounts, 12 h in all (session_*_seconds).
  domain::SessionLimits session;
  int public_cache_seconds = 10;    // bounded staleness of cached public course pages
  int search_cache_seconds = 30;    // and of cached search result pages
  int search_refresh_seconds = 30;  // and of the search's in-memory index (site/course_finder.h)
  std::string smtp_url = "smtp://127.0.0.1:2525";  // the relay; a local sink in development and tests
  std::string mail_from = "no-reply@inservice.example.edu.tw";
  std::string oidc_keys_dir;  // RS256 signing keys, outside the web root (portal-tool keys)
  std::string files_dir;      // uploaded files (下載專區), outside the web root
  int scheduler_interval_seconds = 60;  // between the passes of portal-tool scheduler
  int reminder_hours_before = 24;       // the reminder e-mail, before a course's first session
  int digest_hour = 7;                  // 研習資訊訂閱's daily mail goes out from this hour (database clock)
  // 全國教保資訊網's nightly CSV files are dropped here and applied from this hour (database clock).
  std::string kindergarten_feed_dir = "var/feeds/kindergarten";
  int kindergarten_feed_hour = 2;
  // The 研習證明's font: a TrueType collection libharu can embed (not CFF/OTF) and its TW face.
  std::string certificate_font = "/usr/share/fonts/truetype/arphic/uming.ttc";
  int certificate_font_index = 2;  // AR PL UMing TW
};

// Throws std::runtime_error naming the missing or bad key.
Config load_config(const std::string& path);

}  // namespace core
