#include "subscriptions/subscription_sql.h"

#include <unordered_set>

namespace subscriptions::sql {

std::vector<Subscription> of_teacher(db::Connection& db, int64_t teacher_id) {
  std::vector<Subscription> out;
  for (const auto& r : db.query("SELECT id, teacher_id, search, created_at FROM subscription"
                                " WHERE teacher_id = ? ORDER BY id",
                                teacher_id)) {
    out.push_back({r.i64("id"), r.i64("teacher_id"), r.str("search"), r.str("created_at")});
  }
  return out;
}

int count_of_teacher(db::Connection& db, int64_t teacher_id) {
  return static_cast<int>(db.query_one("SELECT COUNT(*) FROM subscription WHERE teacher_id = ?", teacher_id)->i64(0));
}

std::optional<int64_t> insert(db::Connection& db, int64_t teacher_id, const std::string& search) {
  try {
    db.execute("INSERT INTO subscription (teacher_id, search) VALUES (?, ?)", teacher_id, search);
  } catch (const db::Error& e) {
    if (e.code == db::kDuplicateKey) return std::nullopt;
    throw;
  }
  return static_cast<int64_t>(db.last_insert_id());
}

uint64_t remove(db::Connection& db, int64_t teacher_id, int64_t subscription_id) {
  return db.execute("DELETE FROM subscription WHERE teacher_id = ? AND (? = 0 OR id = ?)", teacher_id,
                    subscription_id, subscription_id);
}

std::vector<int64_t> teachers_due(db::Connection& db, int limit) {
  std::vector<int64_t> out;
  for (const auto& r : db.query("SELECT DISTINCT s.teacher_id FROM subscription s"
                                " LEFT JOIN subscription_digest d ON d.teacher_id = s.teacher_id"
                                " WHERE d.last_run_on IS NULL OR d.last_run_on < CURDATE()"
                                " ORDER BY s.teacher_id LIMIT ?",
                                limit)) {
    out.push_back(r.i64(0));
  }
  return out;
}

bool claim_today(db::Connection& db, int64_t teacher_id) {
  // 1: inserted, 2: an earlier day's row moved to today, 0: today's run is someone else's.
  return db.execute("INSERT INTO subscription_digest (teacher_id, last_run_on) VALUES (?, CURDATE())"
                    " ON DUPLICATE KEY UPDATE last_run_on = GREATEST(last_run_on, VALUES(last_run_on))",
                    teacher_id) > 0;
}

std::optional<Recipient> recipient(db::Connection& db, int64_t teacher_id) {
  const auto r = db.query_one("SELECT name, IFNULL(email, '') AS email FROM teacher WHERE id = ?", teacher_id);
  if (!r || r->str("email").empty()) return std::nullopt;
  return Recipient{r->str("name"), r->str("email")};
}

std::vector<uint32_t> unsent_approved_since(db::Connection& db, int64_t teacher_id,
                                            const std::vector<uint32_t>& course_ids, const std::string& since) {
  if (course_ids.empty()) return {};
  std::string sql =
      "SELECT c.id FROM course c WHERE c.id IN (";
  std::vector<db::Value> args;
  for (size_t i = 0; i < course_ids.size(); ++i) {
    sql += i ? ", ?" : "?";
    args.emplace_back(static_cast<long long>(course_ids[i]));
  }
  sql += ") AND EXISTS (SELECT 1 FROM course_history h WHERE h.course_id = c.id AND h.to_state = 'approved'"
         " AND h.at >= ?) AND NOT EXISTS (SELECT 1 FROM subscription_sent s WHERE s.teacher_id = ?"
         " AND s.course_id = c.id)";
  args.emplace_back(since);
  args.emplace_back(static_cast<long long>(teacher_id));
  std::unordered_set<uint32_t> found;
  for (const auto& r : db.query_values(sql, args)) found.insert(static_cast<uint32_t>(r.i64(0)));
  std::vector<uint32_t> out;
  for (uint32_t id : course_ids) {
    if (found.count(id)) out.push_back(id);
  }
  return out;
}

void record_sent(db::Connection& db, int64_t teacher_id, const std::vector<uint32_t>& course_ids) {
  for (uint32_t id : course_ids) {
    db.execute("INSERT IGNORE INTO subscription_sent (teacher_id, course_id, sent_on) VALUES (?, ?, CURDATE())",
               teacher_id, static_cast<long long>(id));
  }
}

}  // namespace subscriptions::sql
