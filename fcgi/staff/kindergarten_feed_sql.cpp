#include "staff/kindergarten_feed_sql.h"

#include "core/pii.h"

namespace staff::feed_sql {

namespace {

constexpr const char* kLockName = "inservice.kindergarten_feed";

constexpr const char* kRunColumns =
    "SELECT id, started_by, file_name, DATE_FORMAT(started_at, '%Y-%m-%d %H:%i') AS started_at,"
    " outcome, IFNULL(error, '') AS error, rows_read, changed, unchanged, skipped, refused"
    " FROM kindergarten_feed_run";

Run run_from(const db::Row& r) {
  Run run;
  run.id = r.i64("id");
  run.started_by = r.str("started_by");
  run.file_name = r.str("file_name");
  run.started_at = r.str("started_at");
  run.outcome = r.str("outcome");
  run.error = r.str("error");
  run.rows_read = static_cast<long>(r.i64("rows_read"));
  run.changed = static_cast<long>(r.i64("changed"));
  run.unchanged = static_cast<long>(r.i64("unchanged"));
  run.skipped = static_cast<long>(r.i64("skipped"));
  run.refused = static_cast<long>(r.i64("refused"));
  return run;
}

std::optional<long long> or_null(int64_t id) {
  if (id == 0) return std::nullopt;
  return id;
}
std::optional<std::string> or_null(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

std::optional<Unit> unit_where(db::Connection& db, const char* where, const db::Value& key) {
  const auto r = db.query_one(std::string("SELECT id, name, level = 'kindergarten' AS kindergarten"
                                          " FROM unit WHERE ") +
                                  where,
                              key);
  if (!r) return std::nullopt;
  return Unit{r->i64("id"), r->str("name"), r->flag("kindergarten")};
}

}  // namespace

std::optional<Unit> unit_by_code(db::Connection& db, const std::string& code) {
  return unit_where(db, "code = ?", code);
}

std::optional<Unit> unit_by_id(db::Connection& db, int64_t id) {
  return unit_where(db, "id = ?", static_cast<long long>(id));
}

std::optional<Teacher> lock_teacher(db::Connection& db, const std::string& national_id) {
  const auto r = db.query_one(
      "SELECT id, name, IFNULL(unit_id, 0) AS unit_id, employment,"
      " IFNULL(DATE_FORMAT(employment_changed_on, '%Y-%m-%d'), '') AS changed_on,"
      " is_kindergarten_staff FROM teacher WHERE national_id_hmac = ? FOR UPDATE",
      core::pii::lookup_key(national_id));
  if (!r) return std::nullopt;
  return Teacher{r->i64("id"),         r->str("name"),       r->i64("unit_id"),
                 r->str("employment"), r->str("changed_on"), r->flag("is_kindergarten_staff")};
}

void mark_kindergarten_staff(db::Connection& db, int64_t teacher_id) {
  db.execute("UPDATE teacher SET is_kindergarten_staff = TRUE WHERE id = ?", teacher_id);
}

bool try_lock(db::Connection& db) {
  return db.query_one("SELECT IFNULL(GET_LOCK(?, 0), 0) AS got", kLockName)->i64("got") == 1;
}

void unlock(db::Connection& db) { db.query("SELECT RELEASE_LOCK(?)", kLockName); }

bool scheduler_ran_today(db::Connection& db) {
  return db.query_one(
               "SELECT COUNT(*) AS n FROM kindergarten_feed_run"
               " WHERE started_by = 'scheduler' AND started_at >= CURDATE()")
             ->i64("n") > 0;
}

bool feed_hour_reached(db::Connection& db, int hour) {
  return db.query_one("SELECT HOUR(NOW()) >= ? AS reached", hour)->flag("reached");
}

std::string today(db::Connection& db) {
  return db.query_one("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d') AS d")->str("d");
}

int64_t insert_run(db::Connection& db, const Run& run, const std::vector<Line>& lines) {
  db.execute(
      "INSERT INTO kindergarten_feed_run (started_by, file_name, outcome, error, rows_read, "
      "changed,"
      " unchanged, skipped, refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      run.started_by, run.file_name, run.outcome, or_null(run.error), run.rows_read, run.changed,
      run.unchanged, run.skipped, run.refused);
  const auto id = static_cast<int64_t>(db.last_insert_id());
  for (const Line& l : lines) {
    db.execute(
        "INSERT INTO kindergarten_feed_line (run_id, line_no, outcome, reason, masked_id, name,"
        " unit_code, unit_id, teacher_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        static_cast<long long>(id), l.line_no, l.outcome, or_null(l.reason), l.masked_id, l.name,
        l.unit_code, or_null(l.unit_id), or_null(l.teacher_id), or_null(l.detail));
  }
  return id;
}

std::vector<Run> recent_runs(db::Connection& db, long limit) {
  std::vector<Run> out;
  for (const auto& r : db.query(std::string(kRunColumns) + " ORDER BY id DESC LIMIT ?", limit)) {
    out.push_back(run_from(r));
  }
  return out;
}

std::optional<Run> find_run(db::Connection& db, int64_t id) {
  const auto r =
      db.query_one(std::string(kRunColumns) + " WHERE id = ?", static_cast<long long>(id));
  if (!r) return std::nullopt;
  return run_from(*r);
}

std::vector<Line> run_lines(db::Connection& db, int64_t run_id, int64_t unit_id, long limit) {
  std::vector<Line> out;
  for (const auto& r :
       db.query("SELECT line_no, outcome, IFNULL(reason, '') AS reason, masked_id, name, unit_code,"
                " IFNULL(unit_id, 0) AS unit_id, IFNULL(teacher_id, 0) AS teacher_id,"
                " IFNULL(detail, '') AS detail FROM kindergarten_feed_line"
                " WHERE run_id = ? AND (? = 0 OR unit_id = ?) ORDER BY line_no LIMIT ?",
                static_cast<long long>(run_id), static_cast<long long>(unit_id),
                static_cast<long long>(unit_id), limit)) {
    out.push_back({static_cast<int>(r.i64("line_no")), r.str("outcome"), r.str("reason"),
                   r.str("masked_id"), r.str("name"), r.str("unit_code"), r.str("detail"),
                   r.i64("unit_id"), r.i64("teacher_id")});
  }
  return out;
}

}  // namespace staff::feed_sql
