// Reading the key=value configuration file.
#include "core/config.h"

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace core {

namespace {
std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

Config load_config(const std::string& path) {
  std::map<std::string, std::string> kv;
  std::istringstream in(read_file(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t eq = line.find('=');
    if (eq == std::string::npos) throw std::runtime_error("bad line in " + path + ": " + line);
    kv[line.substr(0, eq)] = line.substr(eq + 1);
  }
  auto need = [&](const char* key) {
    auto it = kv.find(key);
    if (it == kv.end()) throw std::runtime_error(std::string("missing ") + key + " in " + path);
    return it->second;
  };
  Config c;
  c.database.socket = need("db_socket");
  c.database.user = need("db_user");
  c.database.password = kv["db_password"];
  c.database.database = need("db_name");
  c.templates_dir = need("templates_dir");
  c.secret = read_file(need("secret_file"));
  if (c.secret.size() < 32) throw std::runtime_error("secret too short");
  c.pii = pii::load_keys(need("pii_key_file"), need("pii_hmac_key_file"));
  if (kv.count("base_url")) c.base_url = kv["base_url"];
  if (kv.count("threads")) c.threads = std::stoi(kv["threads"]);
  if (kv.count("public_cache_seconds")) c.public_cache_seconds = std::stoi(kv["public_cache_seconds"]);
  if (kv.count("search_cache_seconds")) c.search_cache_seconds = std::stoi(kv["search_cache_seconds"]);
  if (kv.count("search_refresh_seconds")) {
    c.search_refresh_seconds = std::stoi(kv["search_refresh_seconds"]);
  }
  if (kv.count("session_teacher_idle_seconds")) {
    c.session.teacher_idle_seconds = std::stol(kv["session_teacher_idle_seconds"]);
  }
  if (kv.count("session_business_idle_seconds")) {
    c.session.business_idle_seconds = std::stol(kv["session_business_idle_seconds"]);
  }
  if (kv.count("session_absolute_seconds")) {
    c.session.absolute_seconds = std::stol(kv["session_absolute_seconds"]);
  }
  if (kv.count("smtp_url")) c.smtp_url = kv["smtp_url"];
  if (kv.count("mail_from")) c.mail_from = kv["mail_from"];
  if (kv.count("oidc_keys_dir")) c.oidc_keys_dir = kv["oidc_keys_dir"];
  if (kv.count("files_dir")) c.files_dir = kv["files_dir"];
  if (kv.count("scheduler_interval_seconds")) {
    c.scheduler_interval_seconds = std::stoi(kv["scheduler_interval_seconds"]);
  }
  if (kv.count("reminder_hours_before")) {
    c.reminder_hours_before = std::stoi(kv["reminder_hours_before"]);
  }
  if (kv.count("digest_hour")) c.digest_hour = std::stoi(kv["digest_hour"]);
  if (kv.count("kindergarten_feed_dir")) c.kindergarten_feed_dir = kv["kindergarten_feed_dir"];
  if (kv.count("kindergarten_feed_hour")) c.kindergarten_feed_hour = std::stoi(kv["kindergarten_feed_hour"]);
  if (kv.count("certificate_font")) c.certificate_font = kv["certificate_font"];
  if (kv.count("certificate_font_index")) c.certificate_font_index = std::stoi(kv["certificate_font_index"]);
  for (const long limit : {c.session.teacher_idle_seconds, c.session.business_idle_seconds,
                           c.session.absolute_seconds}) {
    if (limit < 60 || limit > 86400) throw std::runtime_error("session_*_seconds out of 60..86400 in " + path);
  }
  if (c.scheduler_interval_seconds < 1 || c.scheduler_interval_seconds > 86400) {
    throw std::runtime_error("scheduler_interval_seconds out of 1..86400 in " + path);
  }
  if (c.reminder_hours_before < 1 || c.reminder_hours_before > 24 * 14) {
    throw std::runtime_error("reminder_hours_before out of 1..336 in " + path);
  }
  if (c.digest_hour < 0 || c.digest_hour > 23) throw std::runtime_error("digest_hour out of 0..23 in " + path);
  if (c.kindergarten_feed_hour < 0 || c.kindergarten_feed_hour > 23) {
    throw std::runtime_error("kindergarten_feed_hour out of 0..23 in " + path);
  }
  return c;
}

}  // namespace core
