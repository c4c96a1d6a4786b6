// MariaDB access: one connection per worker thread, prepared statements only, RAII transactions.
#pragma once

#include <mysql.h>

#include <cstdint>
#include <functional>
#include <memory>
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

// The names of a result's columns (aliases where the SELECT gives them), shared by its rows.
class Columns {
 public:
  explicit Columns(std::vector<std::string> names);
  // The position of `name`; throws std::logic_error when the result has no such column or two
  // of them, so a query and its reader cannot drift apart silently.
  size_t index_of(std::string_view name) const;
  size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, size_t> index_;  // names that occur once
};

// One row. Read it by column name (`r.str("title")`); a position is for one- or two-column
// answers only (`r.i64(0)`), never for arithmetic over a long column list.
class Row {
 public:
  Row(std::vector<std::optional<std::string>> cells, std::shared_ptr<const Columns> columns)
      : cells_(std::move(cells)), columns_(std::move(columns)) {}
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  bool is_null(size_t i) const { return !cells_.at(i).has_value(); }
  const std::string& str(size_t i) const;  // "" for NULL
  int64_t i64(size_t i) const;             // 0 for NULL
  double f64(size_t i) const;
  std::optional<std::string> opt(size_t i) const { return cells_.at(i); }
  size_t size() const { return cells_.size(); }

  bool is_null(std::string_view name) const { return is_null(at(name)); }
  const std::string& str(std::string_view name) const { return str(at(name)); }
  int64_t i64(std::string_view name) const { return i64(at(name)); }
  int i32(std::string_view name) const { return static_cast<int>(i64(at(name))); }
  bool flag(std::string_view name) const { return i64(at(name)) != 0; }
  std::optional<std::string> opt(std::string_view name) const { return opt(at(name)); }

 private:
  size_t at(std::string_view name) const;
  std::vector<std::optional<std::string>> cells_;
  std::shared_ptr<const Columns> columns_;
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
  // Each row to `visit` as it arrives, none kept: for a result too large to hold in full beside
  // what is built from it (the search's in-memory index).
  template <class... Args>
  void for_each_row(std::string_view sql, const std::function<void(const Row&)>& visit, const Args&... args) {
    const Value values[] = {Value(args)..., Value(std::nullopt)};
    run(sql, values, sizeof...(Args), true, &visit);
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
  struct Prepared {
    MYSQL_STMT* stmt;
    std::shared_ptr<const Columns> columns;  // null for statements without a result
  };
  using RowVisitor = std::function<void(const Row&)>;
  Rows run(std::string_view sql, const Value* params, size_t count, bool want_rows,
           const RowVisitor* visit = nullptr);
  Prepared& prepare(std::string_view sql);
  void bind_params(MYSQL_STMT* stmt, std::string_view sql, const Value* params, size_t count);
  Rows fetch_rows(const Prepared& prepared, bool want_rows, const RowVisitor* visit);
  [[noreturn]] void fail(unsigned code, const std::string& message);

  Options options_;
  MYSQL* mysql_ = nullptr;
  std::unordered_map<std::string, Prepared> statements_;
  uint64_t affected_rows_ = 0;
  uint64_t last_insert_id_ = 0;
  bool in_transaction_ = false;
  uint64_t statements_completed_ = 0;
  std::vector<long long> param_ints_;  // the bound numbers of the statement being run
  std::vector<double> param_doubles_;
};

// Rolls back unless commit() was called: one user action, all of it or none of it. A second
// Transaction on a connection that is already in one throws std::logic_error: in MariaDB a
// second START TRANSACTION silently commits the first, so a helper that opened its own would
// commit its caller's half-done work. Helpers take the caller's connection and open none.
class Transaction {
 public:
  explicit Transaction(Connection& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  // Commits, then runs the after_commit work in order.
  void commit();
  // Work that must follow this transaction's commit and never happen without it: writes to
  // tables that cannot take part in it (Mroonga's search index).
  void after_commit(std::function<void()> work) { after_commit_.push_back(std::move(work)); }
  Connection& db() { return db_; }

 private:
  Connection& db_;
  bool done_ = false;
  std::vector<std::function<void()>> after_commit_;
};

}  // namespace db
