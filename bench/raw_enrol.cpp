// The enrolment burst's baseline: the portal's application (enrolment_handlers.cpp enrol and
// apply: the unlocked seats_of read and, for a full course, the teacher's own row instead of the
// transaction; otherwise lock_course / mine / take_seat / save_application and access_sql.cpp
// insert_audit in one transaction) run straight on MariaDB with prepared statements, one connection per thread, and
// no HTTP, FastCGI, session or page in between. All threads open their connection and prepare
// their statements first, then wait at one gate; the clock starts when the gate opens.
//
//   build/bench-raw-enrol --socket S --user U --password-file F --course ID --code CODE
//                         --threads N < teacher_ids          (one teacher id a line)
//
// Prints one line of key=value figures (bench/enrol_burst.py parses it).
#include <mysql.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string socket, user, password, code;
  long long course = 0;
  int threads = 8;
};

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "bench-raw-enrol: %s\n", what.c_str());
  std::exit(1);
}

// The same texts as enrolment_sql.cpp's kSeatColumns + seats_of and + lock_course.
#define SEAT_COLUMNS                                                                                         \
  "SELECT c.id, c.code, c.title, c.state, c.enrol_online, c.auto_review, c.online_seats,"                     \
  " c.unit_id, (SELECT u.county_id FROM unit u WHERE u.id = c.unit_id) AS county_id,"                         \
  " c.ask_fields, c.eligible_levels, c.eligible_counties, c.eligible_units, c.eligible_positions,"            \
  " c.auto_review_scope,"                                                                                     \
  " c.seats_taken, IFNULL(UNIX_TIMESTAMP(c.enrol_opens_at), 0) AS opens,"                                     \
  " IFNULL(UNIX_TIMESTAMP(c.enrol_closes_at), 0) AS closes,"                                                  \
  " DATE_FORMAT(c.enrol_closes_at, '%Y-%m-%d %H:%i') AS enrol_closes_at,"                                     \
  " IFNULL((SELECT UNIX_TIMESTAMP(MIN(TIMESTAMP(s.session_date, s.starts_at)))"                               \
  "   FROM course_session s WHERE s.course_id = c.id), 0) AS first_start,"                                    \
  " c.seat_mode, IFNULL(UNIX_TIMESTAMP(c.draw_at), 0) AS draw_epoch, c.drawn_at IS NOT NULL AS drawn,"        \
  " IFNULL(DATE_FORMAT(c.draw_at, '%Y-%m-%d %H:%i'), '') AS draw_at,"                                         \
  " UNIX_TIMESTAMP() AS db_now FROM course c"
const char* kSeatsOf = SEAT_COLUMNS " WHERE c.code = ?";
const char* kLockCourse = SEAT_COLUMNS " WHERE c.id = ? FOR UPDATE";
constexpr int kOnlineSeatsColumn = 6, kSeatsTakenColumn = 15;
const char* kMine =
    "SELECT e.id, e.status, e.request_key,"
    " IF(e.status = 'waiting', (SELECT COUNT(*) FROM enrolment w WHERE w.course_id = e.course_id"
    "   AND w.status = 'waiting' AND (w.waiting_since, w.id) <= (e.waiting_since, e.id)), 0)"
    "   AS waiting_position"
    " FROM enrolment e WHERE e.course_id = ? AND e.teacher_id = ?";
const char* kTakeSeat =
    "UPDATE course SET seats_taken = seats_taken + 1 WHERE id = ? AND seats_taken < online_seats";
const char* kSave =
    "INSERT INTO enrolment (course_id, teacher_id, status, request_key, answers, decided_at,"
    " approved_at, auto_decided, waiting_since)"
    " VALUES (?, ?, ?, ?, ?, IF(?, NOW(), NULL), IF(?, NOW(), NULL), ?, IF(?, NOW(3), NULL))"
    " ON DUPLICATE KEY UPDATE status = VALUES(status), request_key = VALUES(request_key),"
    " answers = VALUES(answers), created_at = NOW(3), decided_at = VALUES(decided_at),"
    " approved_at = VALUES(approved_at), auto_decided = VALUES(auto_decided),"
    " waiting_since = VALUES(waiting_since), cancelled_at = NULL, decided_by = NULL,"
    " refusal_reason = NULL, promoted_at = NULL, reminded_at = NULL";
const char* kAudit = "INSERT INTO audit_log (actor, action, object, detail, address) VALUES (?, ?, ?, ?, ?)";

// Errors after which the portal's enrol() tries the whole transaction once more (db::Busy):
// deadlock, lock wait timeout, and 1020 (snapshot isolation saw a concurrent write).
bool busy(unsigned code) { return code == 1213 || code == 1205 || code == 1020; }

struct Failure {
  unsigned code;
  std::string message;
};

// A prepared statement with its parameters: integers and strings (a null string is SQL NULL).
class Stmt {
 public:
  Stmt(MYSQL* m, const char* sql) : stmt_(mysql_stmt_init(m)) {
    if (!stmt_ || mysql_stmt_prepare(stmt_, sql, std::strlen(sql)) != 0)
      die(std::string("prepare: ") + (stmt_ ? mysql_stmt_error(stmt_) : mysql_error(m)));
    const unsigned long n = mysql_stmt_param_count(stmt_);
    binds_.assign(n, MYSQL_BIND{});
    ints_.assign(n, 0);
    strs_.assign(n, std::string());
    lens_.assign(n, 0);
    nulls_.assign(n, 0);
  }
  ~Stmt() { mysql_stmt_close(stmt_); }
  void set(size_t i, long long v) {
    ints_[i] = v;
    binds_[i] = MYSQL_BIND{};
    binds_[i].buffer_type = MYSQL_TYPE_LONGLONG;
    binds_[i].buffer = &ints_[i];
  }
  void set(size_t i, const std::string* s) {
    binds_[i] = MYSQL_BIND{};
    binds_[i].buffer_type = MYSQL_TYPE_STRING;
    nulls_[i] = s == nullptr;
    binds_[i].is_null = &nulls_[i];
    if (s) strs_[i] = *s;
    lens_[i] = strs_[i].size();
    binds_[i].buffer = strs_[i].data();
    binds_[i].buffer_length = lens_[i];
    binds_[i].length = &lens_[i];
  }
  // Runs a query and returns its first row's cells as text (empty when it read no row).
  std::vector<std::string> first_row() {
    if (!binds_.empty() && mysql_stmt_bind_param(stmt_, binds_.data()) != 0) throw failure();
    if (mysql_stmt_execute(stmt_) != 0) throw failure();
    const unsigned columns = mysql_stmt_field_count(stmt_);
    std::vector<std::string> cells(columns, std::string(256, '\0'));
    std::vector<unsigned long> lengths(columns);
    std::vector<MYSQL_BIND> out(columns);
    for (unsigned c = 0; c < columns; ++c) {
      out[c] = MYSQL_BIND{};
      out[c].buffer_type = MYSQL_TYPE_STRING;
      out[c].buffer = cells[c].data();
      out[c].buffer_length = cells[c].size();
      out[c].length = &lengths[c];
    }
    if (mysql_stmt_bind_result(stmt_, out.data()) != 0) throw failure();
    const int rc = mysql_stmt_fetch(stmt_);
    const bool found = rc == 0 || rc == MYSQL_DATA_TRUNCATED;
    while (mysql_stmt_fetch(stmt_) == 0) {
    }
    mysql_stmt_free_result(stmt_);
    if (!found) return {};
    for (unsigned c = 0; c < columns; ++c) cells[c].resize(std::min<size_t>(lengths[c], cells[c].size()));
    return cells;
  }
  // Runs the statement; returns the rows it read (a query) or the rows it changed.
  unsigned long long run() {
    if (!binds_.empty() && mysql_stmt_bind_param(stmt_, binds_.data()) != 0) throw failure();
    if (mysql_stmt_execute(stmt_) != 0) throw failure();
    if (mysql_stmt_field_count(stmt_) == 0) return mysql_stmt_affected_rows(stmt_);
    if (mysql_stmt_store_result(stmt_) != 0) throw failure();
    const unsigned long long rows = mysql_stmt_num_rows(stmt_);
    while (mysql_stmt_fetch(stmt_) == 0) {
    }
    mysql_stmt_free_result(stmt_);
    return rows;
  }

 private:
  Failure failure() const { return {mysql_stmt_errno(stmt_), mysql_stmt_error(stmt_)}; }
  MYSQL_STMT* stmt_;
  std::vector<MYSQL_BIND> binds_;
  std::vector<long long> ints_;
  std::vector<std::string> strs_;
  std::vector<unsigned long> lens_;
  std::vector<my_bool> nulls_;
};

void command(MYSQL* m, const char* sql) {
  if (mysql_query(m, sql) != 0) throw Failure{mysql_errno(m), mysql_error(m)};
}

struct Gate {
  std::mutex mu;
  std::condition_variable cv;
  int waiting = 0;
  bool open = false;
  Clock::time_point t0;
};

struct Tally {
  int approved = 0, full = 0, duplicate = 0, busy_retried = 0, busy_given_up = 0, errors = 0;
  double last_commit = 0, last_answer = 0;  // seconds after the gate opened
  std::vector<double> latencies;            // of each application, from the gate
};

std::string random_key(std::mt19937_64& rng) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string k(43, 'A');
  for (auto& c : k) c = kAlphabet[rng() % 64];
  return k;
}

void worker(const Options& o, const std::vector<long long>& teachers, Gate& gate, int total_threads,
            Tally& tally) {
  MYSQL* m = mysql_init(nullptr);
  mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  if (!mysql_real_connect(m, nullptr, o.user.c_str(), o.password.c_str(), "inservice", 0, o.socket.c_str(), 0))
    die(std::string("connect: ") + mysql_error(m));
  {
    Stmt seats(m, kSeatsOf), lock(m, kLockCourse), mine(m, kMine), take(m, kTakeSeat), save(m, kSave), audit(m, kAudit);
    std::mt19937_64 rng(std::random_device{}());
    std::vector<std::string> keys;
    for (size_t i = 0; i < teachers.size(); ++i) keys.push_back(random_key(rng));
    const std::string status = "approved", action = "enrolment.create", address = "127.0.0.1";
    {
      std::unique_lock<std::mutex> l(gate.mu);
      if (++gate.waiting == total_threads) {
        gate.open = true;
        gate.t0 = Clock::now();
        gate.cv.notify_all();
      } else {
        gate.cv.wait(l, [&] { return gate.open; });
      }
    }
    const auto since = [&] { return std::chrono::duration<double>(Clock::now() - gate.t0).count(); };
    for (size_t i = 0; i < teachers.size(); ++i) {
      const long long t = teachers[i];
      const std::string actor = "t:" + std::to_string(t);
      // As enrol(): a course already full answers 已額滿 from an unlocked read and the teacher's
      // own row, without queueing for the course's lock.
      try {
        seats.set(0, &o.code);
        const auto row = seats.first_row();
        if (!row.empty() && std::atoll(row[kSeatsTakenColumn].c_str()) >= std::atoll(row[kOnlineSeatsColumn].c_str())) {
          mine.set(0, o.course);
          mine.set(1, t);
          if (mine.run() == 0) {
            ++tally.full;
            tally.last_answer = since();
            tally.latencies.push_back(tally.last_answer);
            continue;
          }
        }
      } catch (const Failure& f) {
        std::fprintf(stderr, "bench-raw-enrol: teacher %lld: %u %s\n", t, f.code, f.message.c_str());
        ++tally.errors;
        continue;
      }
      for (int attempt = 0; attempt < 2; ++attempt) {
        try {
          command(m, "START TRANSACTION");
          lock.set(0, o.course);
          lock.run();
          mine.set(0, o.course);
          mine.set(1, t);
          if (mine.run() > 0) {
            mysql_rollback(m);
            ++tally.duplicate;
            break;
          }
          take.set(0, o.course);
          if (take.run() != 1) {
            mysql_rollback(m);  // 已額滿: nothing written, as the portal's refusal
            ++tally.full;
            break;
          }
          save.set(0, o.course);
          save.set(1, t);
          save.set(2, &status);
          save.set(3, &keys[i]);
          save.set(4, static_cast<const std::string*>(nullptr));
          save.set(5, 1LL);
          save.set(6, 1LL);
          save.set(7, 1LL);
          save.set(8, 0LL);
          save.run();
          audit.set(0, &actor);
          audit.set(1, &action);
          audit.set(2, &o.code);
          audit.set(3, &status);
          audit.set(4, &address);
          audit.run();
          command(m, "COMMIT");
          ++tally.approved;
          tally.last_commit = since();
          break;
        } catch (const Failure& f) {
          mysql_rollback(m);
          if (!busy(f.code)) {
            std::fprintf(stderr, "bench-raw-enrol: teacher %lld: %u %s\n", t, f.code, f.message.c_str());
            ++tally.errors;
            break;
          }
          if (attempt == 0) {
            ++tally.busy_retried;
          } else {
            ++tally.busy_given_up;
          }
        }
      }
      tally.last_answer = since();
      tally.latencies.push_back(tally.last_answer);
    }
  }
  mysql_close(m);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  std::string password_file;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--socket") o.socket = v;
    else if (k == "--user") o.user = v;
    else if (k == "--password-file") password_file = v;
    else if (k == "--course") o.course = std::atoll(v.c_str());
    else if (k == "--code") o.code = v;
    else if (k == "--threads") o.threads = std::atoi(v.c_str());
    else die("unknown option " + k);
  }
  if (o.socket.empty() || o.user.empty() || o.course <= 0 || o.code.empty() || o.threads <= 0)
    die("usage: bench-raw-enrol --socket S --user U [--password-file F] --course ID --code CODE --threads N < ids");
  if (!password_file.empty()) {
    std::ifstream f(password_file);
    std::getline(f, o.password);
  }
  std::vector<long long> ids;
  for (long long id; std::cin >> id;) ids.push_back(id);
  if (ids.empty()) die("no teacher ids on standard input");
  mysql_library_init(0, nullptr, nullptr);

  // Teacher i goes to thread i % N, as requests spread over the workers' threads.
  const int n = std::min<int>(o.threads, static_cast<int>(ids.size()));
  std::vector<std::vector<long long>> shares(n);
  for (size_t i = 0; i < ids.size(); ++i) shares[i % n].push_back(ids[i]);
  Gate gate;
  std::vector<Tally> tallies(n);
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back(worker, std::cref(o), std::cref(shares[i]), std::ref(gate), n, std::ref(tallies[i]));
  for (auto& t : threads) t.join();

  Tally all;
  for (const auto& t : tallies) {
    all.approved += t.approved;
    all.full += t.full;
    all.duplicate += t.duplicate;
    all.busy_retried += t.busy_retried;
    all.busy_given_up += t.busy_given_up;
    all.errors += t.errors;
    all.last_commit = std::max(all.last_commit, t.last_commit);
    all.last_answer = std::max(all.last_answer, t.last_answer);
    all.latencies.insert(all.latencies.end(), t.latencies.begin(), t.latencies.end());
  }
  std::sort(all.latencies.begin(), all.latencies.end());
  const auto pct = [&](double p) {
    return all.latencies[std::min(all.latencies.size() - 1, static_cast<size_t>(p * all.latencies.size()))];
  };
  std::printf("applications=%zu threads=%d approved=%d full=%d duplicate=%d busy_retried=%d busy_given_up=%d"
              " errors=%d last_commit_s=%.6f last_answer_s=%.6f rate=%.1f p50_ms=%.2f p99_ms=%.2f\n",
              ids.size(), n, all.approved, all.full, all.duplicate, all.busy_retried, all.busy_given_up,
              all.errors, all.last_commit, all.last_answer, ids.size() / all.last_answer, pct(0.5) * 1000,
              pct(0.99) * 1000);
  mysql_library_end();
  return all.errors == 0 ? 0 : 1;
}
