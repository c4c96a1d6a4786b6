#include "content/content_sql.h"

#include "domain/validation.h"

namespace content::sql {

namespace {

constexpr const char* kPostColumns =
    "SELECT id, title, body, audience, DATE_FORMAT(publish_at, '%Y-%m-%d %H:%i') AS publish_at,"
    " IFNULL(DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i'), '') AS expires_at, pinned,"
    " publish_at <= NOW() AND (expires_at IS NULL OR expires_at > NOW()) AS current, publish_at > NOW() AS scheduled,"
    " UNIX_TIMESTAMP(publish_at) AS publish_epoch, UNIX_TIMESTAMP(updated_at) AS updated_epoch FROM bulletin";

// Current, and meant for the reader: `?` is the reader's audience.
constexpr const char* kVisible =
    " WHERE publish_at <= NOW() AND (expires_at IS NULL OR expires_at > NOW())"
    " AND audience IN ('everyone', ?)";

Post post_of(const db::Row& r) {
  Post p;
  p.id = r.i64("id");
  p.title = r.str("title");
  p.body = r.str("body");
  p.audience = r.str("audience");
  p.publish_at = r.str("publish_at");
  p.expires_at = r.str("expires_at");
  p.pinned = r.flag("pinned");
  p.current = r.flag("current");
  p.scheduled = r.flag("scheduled");
  p.publish_epoch = r.i64("publish_epoch");
  p.updated_epoch = r.i64("updated_epoch");
  return p;
}

std::optional<std::string> or_null(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

Faq faq_of(const db::Row& r) {
  return {r.i64("id"), r.str("category"), r.str("question"), r.str("answer"), r.i32("position")};
}

}  // namespace

std::vector<Post> current_posts(db::Connection& db, const std::string& audience, int limit, int offset) {
  std::vector<Post> out;
  for (const auto& r : db.query(std::string(kPostColumns) + kVisible +
                                    " ORDER BY pinned DESC, publish_at DESC, id DESC LIMIT ? OFFSET ?",
                                audience, limit, offset)) {
    out.push_back(post_of(r));
  }
  return out;
}

int64_t count_current_posts(db::Connection& db, const std::string& audience) {
  return db.query_one(std::string("SELECT COUNT(*) FROM bulletin") + kVisible, audience)->i64(0);
}

std::optional<Post> find_post(db::Connection& db, int64_t id) {
  const auto r = db.query_one(std::string(kPostColumns) + " WHERE id = ?", id);
  if (!r) return std::nullopt;
  return post_of(*r);
}

std::vector<Post> all_posts(db::Connection& db) {
  std::vector<Post> out;
  for (const auto& r : db.query(std::string(kPostColumns) + " ORDER BY publish_at DESC, id DESC")) {
    out.push_back(post_of(r));
  }
  return out;
}

int64_t insert_post(db::Connection& db, const PostFields& f) {
  db.execute("INSERT INTO bulletin (title, body, audience, publish_at, expires_at, pinned) VALUES (?, ?, ?, ?, ?, ?)",
             f.title, f.body, f.audience, f.publish_at, or_null(f.expires_at), f.pinned);
  return static_cast<int64_t>(db.last_insert_id());
}

bool update_post(db::Connection& db, int64_t id, const PostFields& f) {
  // Counted by the row found, not changed: saving a form unchanged is still a save.
  if (!db.query_one("SELECT id FROM bulletin WHERE id = ?", id)) return false;
  db.execute("UPDATE bulletin SET title = ?, body = ?, audience = ?, publish_at = ?, expires_at = ?, pinned = ?"
             " WHERE id = ?",
             f.title, f.body, f.audience, f.publish_at, or_null(f.expires_at), f.pinned, id);
  return true;
}

bool delete_post(db::Connection& db, int64_t id) {
  return db.execute("DELETE FROM bulletin WHERE id = ?", id) > 0;
}

std::vector<Faq> faqs(db::Connection& db, const std::string& category, const std::string& words) {
  std::vector<Faq> out;
  const std::string pattern = domain::like_contains(words);
  for (const auto& r : db.query("SELECT id, category, question, answer, position FROM faq"
                                " WHERE (? = '' OR category = ?)"
                                " AND (? = '' OR question LIKE ? ESCAPE '!' OR answer LIKE ? ESCAPE '!')"
                                " ORDER BY category, position, id",
                                category, category, words, pattern, pattern)) {
    out.push_back(faq_of(r));
  }
  return out;
}

std::optional<Faq> find_faq(db::Connection& db, int64_t id) {
  const auto r = db.query_one("SELECT id, category, question, answer, position FROM faq WHERE id = ?", id);
  if (!r) return std::nullopt;
  return faq_of(*r);
}

int64_t insert_faq(db::Connection& db, const Faq& f) {
  db.execute("INSERT INTO faq (category, question, answer, position) VALUES (?, ?, ?, ?)", f.category,
             f.question, f.answer, f.position);
  return static_cast<int64_t>(db.last_insert_id());
}

bool update_faq(db::Connection& db, const Faq& f) {
  if (!db.query_one("SELECT id FROM faq WHERE id = ?", f.id)) return false;
  db.execute("UPDATE faq SET category = ?, question = ?, answer = ?, position = ? WHERE id = ?", f.category,
             f.question, f.answer, f.position, f.id);
  return true;
}

bool delete_faq(db::Connection& db, int64_t id) { return db.execute("DELETE FROM faq WHERE id = ?", id) > 0; }

namespace {
constexpr const char* kDownloadColumns =
    "SELECT id, title, category, filename, kind, size_bytes, sha256, stored_name,"
    " DATE_FORMAT(uploaded_at, '%Y-%m-%d') AS uploaded_on FROM download";

Download download_of(const db::Row& r) {
  Download d;
  d.id = r.i64("id");
  d.title = r.str("title");
  d.category = r.str("category");
  d.filename = r.str("filename");
  d.kind = r.str("kind");
  d.size_bytes = r.i64("size_bytes");
  d.sha256 = r.str("sha256");
  d.stored_name = r.str("stored_name");
  d.uploaded_on = r.str("uploaded_on");
  return d;
}
}  // namespace

std::vector<Download> downloads(db::Connection& db) {
  std::vector<Download> out;
  for (const auto& r : db.query(std::string(kDownloadColumns) + " ORDER BY category, uploaded_at DESC, id DESC")) {
    out.push_back(download_of(r));
  }
  return out;
}

std::optional<Download> find_download(db::Connection& db, int64_t id) {
  const auto r = db.query_one(std::string(kDownloadColumns) + " WHERE id = ?", id);
  if (!r) return std::nullopt;
  return download_of(*r);
}

int64_t insert_download(db::Connection& db, const Download& d) {
  db.execute("INSERT INTO download (title, category, filename, kind, size_bytes, sha256, stored_name)"
             " VALUES (?, ?, ?, ?, ?, ?, ?)",
             d.title, d.category, d.filename, d.kind, d.size_bytes, d.sha256, d.stored_name);
  return static_cast<int64_t>(db.last_insert_id());
}

bool delete_download(db::Connection& db, int64_t id) {
  return db.execute("DELETE FROM download WHERE id = ?", id) > 0;
}

}  // namespace content::sql
