// SQL of the administrator-kept content: 公佈欄 posts and 問答集 entries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"

namespace content::sql {

struct Post {
  int64_t id = 0;
  std::string title, body;
  std::string audience;    // everyone | teachers | business
  std::string publish_at;  // "2026-12-01 09:00"
  std::string expires_at;  // "" when it never expires
  bool pinned = false;
  bool current = false;    // published and not expired, by the database's clock
  bool scheduled = false;  // its publish time is still to come
  int64_t publish_epoch = 0, updated_epoch = 0;
};

struct PostFields {
  std::string title, body, audience, publish_at, expires_at;  // expires_at "" for none
  bool pinned = false;
};

// The current posts a reader of `audience` sees (everyone's and those of the audience), pinned
// first, newest first.
std::vector<Post> current_posts(db::Connection& db, const std::string& audience, int limit, int offset);
int64_t count_current_posts(db::Connection& db, const std::string& audience);
std::optional<Post> find_post(db::Connection& db, int64_t id);
std::vector<Post> all_posts(db::Connection& db);  // for the administrator: scheduled and expired too
int64_t insert_post(db::Connection& db, const PostFields& f);
bool update_post(db::Connection& db, int64_t id, const PostFields& f);
bool delete_post(db::Connection& db, int64_t id);

struct Faq {
  int64_t id = 0;
  std::string category, question, answer;
  int position = 0;
};

// Every entry, or those whose question or answer contains `words`, in a category ("" for all).
std::vector<Faq> faqs(db::Connection& db, const std::string& category, const std::string& words);
std::optional<Faq> find_faq(db::Connection& db, int64_t id);
int64_t insert_faq(db::Connection& db, const Faq& f);
bool update_faq(db::Connection& db, const Faq& f);
bool delete_faq(db::Connection& db, int64_t id);

struct Download {
  int64_t id = 0;
  std::string title, category, filename, kind, sha256, stored_name;
  int64_t size_bytes = 0;
  std::string uploaded_on;  // "2026-12-01"
};

std::vector<Download> downloads(db::Connection& db);  // by category, newest first
std::optional<Download> find_download(db::Connection& db, int64_t id);
int64_t insert_download(db::Connection& db, const Download& d);
bool delete_download(db::Connection& db, int64_t id);

}  // namespace content::sql
