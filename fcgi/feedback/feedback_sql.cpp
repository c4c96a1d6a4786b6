#include "feedback/feedback_sql.h"

namespace feedback::sql {

namespace {

constexpr const char* kThreadColumns =
    "SELECT f.id, IFNULL(f.teacher_id, 0) AS teacher_id, IFNULL(f.account_id, 0) AS account_id,"
    " COALESCE(t.name, a.display_name) AS writer_name, IFNULL(u.name, '') AS writer_unit,"
    " IFNULL(COALESCE(t.email, a.email), '') AS writer_email, f.category, IFNULL(f.contact, '') AS contact,"
    " f.state, DATE_FORMAT(f.created_at, '%Y-%m-%d %H:%i') AS created_at,"
    " DATE_FORMAT(f.updated_at, '%Y-%m-%d %H:%i') AS updated_at,"
    " (SELECT COUNT(*) FROM feedback_message m WHERE m.feedback_id = f.id) AS messages"
    " FROM feedback f LEFT JOIN teacher t ON t.id = f.teacher_id"
    " LEFT JOIN business_account a ON a.id = f.account_id"
    " LEFT JOIN unit u ON u.id = COALESCE(t.unit_id, a.unit_id)";

Thread thread_of(const db::Row& r) {
  Thread t;
  t.id = r.i64("id");
  t.writer = {r.i64("teacher_id"), r.i64("account_id")};
  t.writer_name = r.str("writer_name");
  t.writer_unit = r.str("writer_unit");
  t.writer_email = r.str("writer_email");
  t.category = r.str("category");
  t.contact = r.str("contact");
  t.state = r.str("state");
  t.created_at = r.str("created_at");
  t.updated_at = r.str("updated_at");
  t.messages = r.i32("messages");
  return t;
}

std::optional<int64_t> id_or_null(int64_t id) {
  if (id == 0) return std::nullopt;
  return id;
}

std::optional<std::string> text_or_null(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

int64_t create(db::Connection& db, const Writer& w, const std::string& category, const std::string& contact,
               const std::string& body) {
  db.execute("INSERT INTO feedback (teacher_id, account_id, category, contact) VALUES (?, ?, ?, ?)",
             id_or_null(w.teacher_id), id_or_null(w.account_id), category, text_or_null(contact));
  const auto id = static_cast<int64_t>(db.last_insert_id());
  add_message(db, id, 0, body, "");
  return id;
}

void add_message(db::Connection& db, int64_t thread_id, int64_t admin_id, const std::string& body,
                 const std::string& mailed_to) {
  db.execute("INSERT INTO feedback_message (feedback_id, admin_id, body, mailed_to) VALUES (?, ?, ?, ?)", thread_id,
             id_or_null(admin_id), body, text_or_null(mailed_to));
}

void set_state(db::Connection& db, int64_t thread_id, const std::string& state) {
  db.execute("UPDATE feedback SET state = ?, updated_at = NOW() WHERE id = ?", state, thread_id);
}

std::optional<Thread> find(db::Connection& db, int64_t id) {
  const auto r = db.query_one(std::string(kThreadColumns) + " WHERE f.id = ?", id);
  if (!r) return std::nullopt;
  return thread_of(*r);
}

std::vector<Thread> of_writer(db::Connection& db, const Writer& w) {
  std::vector<Thread> out;
  for (const auto& r : db.query(std::string(kThreadColumns) +
                                    " WHERE f.teacher_id <=> ? AND f.account_id <=> ? ORDER BY f.updated_at DESC, f.id DESC",
                                id_or_null(w.teacher_id), id_or_null(w.account_id))) {
    out.push_back(thread_of(r));
  }
  return out;
}

std::vector<Thread> inbox(db::Connection& db, const std::string& state) {
  std::vector<Thread> out;
  for (const auto& r : db.query(std::string(kThreadColumns) +
                                    " WHERE (? = '' OR f.state = ?) ORDER BY f.state = 'open' DESC, f.updated_at DESC,"
                                    " f.id DESC LIMIT 200",
                                state, state)) {
    out.push_back(thread_of(r));
  }
  return out;
}

int64_t count_open(db::Connection& db) {
  return db.query_one("SELECT COUNT(*) FROM feedback WHERE state = 'open'")->i64(0);
}

std::vector<Message> messages(db::Connection& db, int64_t thread_id) {
  std::vector<Message> out;
  for (const auto& r : db.query("SELECT m.id, m.admin_id IS NOT NULL AS from_admin, IFNULL(a.display_name, '') AS admin_name,"
                                " m.body, IFNULL(m.mailed_to, '') AS mailed_to, DATE_FORMAT(m.at, '%Y-%m-%d %H:%i') AS at"
                                " FROM feedback_message m LEFT JOIN business_account a ON a.id = m.admin_id"
                                " WHERE m.feedback_id = ? ORDER BY m.id",
                                thread_id)) {
    out.push_back({r.i64("id"), r.flag("from_admin"), r.str("admin_name"), r.str("body"), r.str("mailed_to"), r.str("at")});
  }
  return out;
}

}  // namespace feedback::sql
