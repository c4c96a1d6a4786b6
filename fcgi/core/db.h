// MariaDB access: one connection per worker thread, prepared statements only, RAII transactions.
#pragma once

#include <mysql.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace db {

// The server is gone or refused us; the caller answers 503 and the next request reconnects.
struct Unavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A row lock could not be had in time (lock wait timeout, deadlock): answer "busy, retry".
struct Busy : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Any other SQL error; `code` is the server's error number (1062 = duplicate key, ...).
struct Error : std::runtime_error {
  Error(unsigned code, const std::string& what) : std::runtime_error(what), code(code) {}
  unsigned code;
};
constexpr unsigned kDuplicateKey = 1062;

// One bound parameter.
class Value {
 public:
  enum class Kind { kNull, kInt, kText, kDouble };
  Value(std::nullopt_t) {}
  Value(int v) : kind_(Kind::kInt), int_(v) {}
  Value(long v) : kind_(Kind::kInt), int_(v) {}
  Value(long long v) : kind_(Kind::kInt), int_(v) {}
  Value(unsigned v) : kind_(Kind::kInt), int_(v) {}
  Value(unsigned long v) : kind_(Kind::kInt), int_(static_cast<int64_t>(v)) {}
  Value(bool v) : kind_(Kind::kInt), int_(v ? 1 : 0) {}
  Value(double v) : kind_(Kind::kDouble), double_(v) {}
  Value(const char* v) : kind_(Kind::kText), text_(v) {}
  Value(std::string_view v) : kind_(Kind::kText), text_(v) {}
  Value(const std::string& v) : kind_(Kind::kText), text_(v) {}
  template <class T>
  Value(const std::optional<T>& v) {
    if (v) *this = Value(*v);
  }
  Kind kind() const { return kind_; }
  int64_t as_int() const { return int_; }
  double as_double() const { return double_; }
  std::string_view as_text() const { return text_; }

 private:
  Kind kind_ = Kind::kNull;
  int64_t int_ = 0;
  double double_ = 0;
  std::string_view text_;
};

class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  bool is_null(size_t i) const { return !cells_.at(i).has_value(); }
  const std::string& str(size_t i) const;  // "" for NULL
  int64_t i64(size_t i) const;             // 0 for NULL
  double f64(size_t i) const;
  std::optional<std::string> opt(size_t i) const { return cells_.at(i); }
  size_t size() const { return cells_.size(); }

 private:
  std::vector<std::optional<std::string>> cells_;
};
using Rows = std::vector<Row>;

struct Options {
  std::string socket;
  std::string user;
  std::string password;
  std::string database;
};

class Connection {
 public:
  explicit Connection(Options options) : options_(std::move(options)) {}
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  template <class... Args>
  Rows query(std::string_view sql, const Args&... args) {
    const Value values[] = {Value(args)..., Value(std::nullopt)};
    return run(sql, values, sizeof...(Args), true);
  }
  template <class... Args>
  std::optional<Row> query_one(std::string_view sql, const Args&... args) {
    Rows rows = query(sql, args...);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }
  // For statements whose parameter list is built at run time (search filters).
  Rows query_values(std::string_view sql, const std::vector<Value>& values) {
    return run(sql, values.data(), values.size(), true);
  }
  // Returns the number of rows changed.
  template <class... Args>
  uint64_t execute(std::string_view sql, const Args&... args) {
    const Value values[] = {Value(args)..., Value(std::nullopt)};
    run(sql, values, sizeof...(Args), false);
    return affected_rows_;
  }
  uint64_t last_insert_id() const { return last_insert_id_; }

  // Plain statements without parameters (transaction control only).
  void command(const char* sql);
  // True when a connection is open; connects if none is.
  void ensure_connected();
  bool ping();
  // Drops the connection and its prepared statements; the next use reconnects.
  void reset();
  bool in_transaction() const { return in_transaction_; }
  // Statements completed since begin_request(): when none, a lost connection cannot have
  // written anything, so the request may safely run again on a new one.
  void begin_request() { statements_completed_ = 0; }
  uint64_t statements_completed() const { return statements_completed_; }

 private:
  friend class Transaction;
  Rows run(std::string_view sql, const Value* params, size_t count, bool want_rows);
  MYSQL_STMT* prepare(std::string_view sql);
  [[noreturn]] void fail(unsigned code, const std::string& message);

  Options options_;
  MYSQL* mysql_ = nullptr;
  std::unordered_map<std::string, MYSQL_STMT*> statements_;
  uint64_t affected_rows_ = 0;
  uint64_t last_insert_id_ = 0;
  bool in_transaction_ = false;
  uint64_t statements_completed_ = 0;
};

// Rolls back unless commit() was called: one user action, all of it or none of it.
class Transaction {
 public:
  explicit Transaction(Connection& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();
  Connection& db() { return db_; }

 private:
  Connection& db_;
  bool done_ = false;
};

}  // namespace db
