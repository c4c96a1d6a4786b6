// MariaDB Connector/C behind prepared statements, cached per connection.
#include "core/db.h"

#include <errmsg.h>
#include <mysqld_error.h>

#include <cstring>
#include <stdexcept>

namespace db {

namespace {
// Errors after which the connection is no use: the server went away or is shutting down.
bool is_connection_lost(unsigned code) {
  switch (code) {
    case CR_CONNECTION_ERROR:
    case CR_CONN_HOST_ERROR:
    case CR_SERVER_GONE_ERROR:
    case CR_SERVER_LOST:
    case CR_SERVER_LOST_EXTENDED:
    case ER_CONNECTION_KILLED:
    case ER_SERVER_SHUTDOWN:
    case 4031:  // ER_CLIENT_INTERACTION_TIMEOUT
      return true;
    default:
      return false;
  }
}

constexpr unsigned long kInitialCellBuffer = 256;
}  // namespace

Columns::Columns(std::vector<std::string> names) : names_(std::move(names)) {
  std::unordered_map<std::string, int> seen;
  for (const auto& n : names_) ++seen[n];
  for (size_t i = 0; i < names_.size(); ++i) {
    if (seen[names_[i]] == 1) index_.emplace(names_[i], i);
  }
}

size_t Columns::index_of(std::string_view name) const {
  if (auto it = index_.find(std::string(name)); it != index_.end()) return it->second;
  for (const auto& n : names_) {
    if (n == name) throw std::logic_error("column " + std::string(name) + " is ambiguous: alias it");
  }
  throw std::logic_error("no column " + std::string(name) + " in the result");
}

size_t Row::at(std::string_view name) const {
  if (!columns_) throw std::logic_error("row without column names");
  return columns_->index_of(name);
}

const std::string& Row::str(size_t i) const {
  static const std::string kEmpty;
  const auto& cell = cells_.at(i);
  return cell ? *cell : kEmpty;
}

int64_t Row::i64(size_t i) const {
  const auto& cell = cells_.at(i);
  return cell && !cell->empty() ? std::stoll(*cell) : 0;
}

double Row::f64(size_t i) const {
  const auto& cell = cells_.at(i);
  return cell && !cell->empty() ? std::stod(*cell) : 0.0;
}

Connection::~Connection() { reset(); }

void Connection::reset() {
  for (auto& [sql, prepared] : statements_) mysql_stmt_close(prepared.stmt);
  statements_.clear();
  if (mysql_) mysql_close(mysql_);
  mysql_ = nullptr;
  in_transaction_ = false;
}

void Connection::ensure_connected() {
  if (mysql_) return;
  MYSQL* m = mysql_init(nullptr);
  if (!m) throw Unavailable("mysql_init failed");
  const unsigned int connect_timeout = 2;
  const unsigned int io_timeout = 10;  // no request waits on the database longer than this
  mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &connect_timeout);
  mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &io_timeout);
  mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &io_timeout);
  mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  if (!mysql_real_connect(m, nullptr, options_.user.c_str(), options_.password.c_str(),
                          options_.database.c_str(), 0, options_.socket.c_str(), 0)) {
    const std::string message = mysql_error(m);
    mysql_close(m);
    throw Unavailable("connect: " + message);
  }
  mysql_ = m;
}

bool Connection::ping() {
  try {
    ensure_connected();
  } catch (const Unavailable&) {
    return false;
  }
  if (mysql_ping(mysql_) != 0) {
    reset();
    return false;
  }
  return true;
}

void Connection::fail(unsigned code, const std::string& message) {
  if (is_connection_lost(code)) {
    reset();
    throw Unavailable(message);
  }
  // 1020: snapshot isolation saw a concurrent write; like a deadlock, the caller may retry.
  if (code == ER_LOCK_WAIT_TIMEOUT || code == ER_LOCK_DEADLOCK || code == 1020) {
    throw Busy(message);
  }
  throw Error(code, message);
}

void Connection::command(const char* sql) {
  ensure_connected();
  if (mysql_real_query(mysql_, sql, std::strlen(sql)) != 0) {
    fail(mysql_errno(mysql_), mysql_error(mysql_));
  }
  ++statements_completed_;
}

Connection::Prepared& Connection::prepare(std::string_view sql) {
  ensure_connected();
  const std::string key(sql);
  if (auto it = statements_.find(key); it != statements_.end()) return it->second;
  MYSQL_STMT* stmt = mysql_stmt_init(mysql_);
  if (!stmt) fail(mysql_errno(mysql_), "mysql_stmt_init");
  if (mysql_stmt_prepare(stmt, sql.data(), sql.size()) != 0) {
    const unsigned code = mysql_stmt_errno(stmt);
    const std::string message = std::string(mysql_stmt_error(stmt)) + " in: " + key;
    mysql_stmt_close(stmt);
    fail(code, message);
  }
  Prepared prepared{stmt, nullptr};
  if (MYSQL_RES* meta = mysql_stmt_result_metadata(stmt)) {
    std::vector<std::string> names;
    const unsigned n = mysql_num_fields(meta);
    const MYSQL_FIELD* fields = mysql_fetch_fields(meta);
    for (unsigned i = 0; i < n; ++i) names.emplace_back(fields[i].name, fields[i].name_length);
    mysql_free_result(meta);
    prepared.columns = std::make_shared<const Columns>(std::move(names));
  }
  return statements_.emplace(key, std::move(prepared)).first->second;
}

Rows Connection::run(std::string_view sql, const Value* params, size_t count, bool want_rows,
                     const RowVisitor* visit) {
  Prepared& prepared = prepare(sql);
  bind_params(prepared.stmt, sql, params, count);
  if (mysql_stmt_execute(prepared.stmt) != 0) {
    fail(mysql_stmt_errno(prepared.stmt), mysql_stmt_error(prepared.stmt));
  }
  ++statements_completed_;
  affected_rows_ = mysql_stmt_affected_rows(prepared.stmt);
  last_insert_id_ = mysql_stmt_insert_id(prepared.stmt);
  return fetch_rows(prepared, want_rows, visit);
}

void Connection::bind_params(MYSQL_STMT* stmt, std::string_view sql, const Value* params,
                             size_t count) {
  if (mysql_stmt_param_count(stmt) != count) {
    throw Error(0, "parameter count mismatch in: " + std::string(sql));
  }
  if (count == 0) return;
  // mysql_stmt_bind_param copies the MYSQL_BIND array but not the buffers behind it, which must
  // live until the statement has run: the text values point into the caller's arguments, and
  // numbers are copied into these buffers, kept per connection (one thread uses it).
  std::vector<MYSQL_BIND> binds(count);
  param_ints_.assign(count, 0);
  param_doubles_.assign(count, 0);
  for (size_t i = 0; i < count; ++i) {
    const Value& v = params[i];
    MYSQL_BIND& b = binds[i];
    std::memset(&b, 0, sizeof b);
    switch (v.kind()) {
      case Value::Kind::kNull:
        b.buffer_type = MYSQL_TYPE_NULL;
        break;
      case Value::Kind::kInt:
        param_ints_[i] = v.as_int();
        b.buffer_type = MYSQL_TYPE_LONGLONG;
        b.buffer = &param_ints_[i];
        break;
      case Value::Kind::kDouble:
        param_doubles_[i] = v.as_double();
        b.buffer_type = MYSQL_TYPE_DOUBLE;
        b.buffer = &param_doubles_[i];
        break;
      case Value::Kind::kText:
        b.buffer_type = MYSQL_TYPE_STRING;
        b.buffer = const_cast<char*>(v.as_text().data());
        b.buffer_length = v.as_text().size();
        break;
    }
  }
  if (mysql_stmt_bind_param(stmt, binds.data()) != 0) {
    fail(mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
  }
}

Rows Connection::fetch_rows(const Prepared& prepared, bool want_rows, const RowVisitor* visit) {
  MYSQL_STMT* stmt = prepared.stmt;
  Rows rows;
  const unsigned columns = mysql_stmt_field_count(stmt);
  if (columns == 0) return rows;

  std::vector<MYSQL_BIND> out(columns);
  std::vector<std::string> buffers(columns, std::string(kInitialCellBuffer, '\0'));
  std::vector<unsigned long> lengths(columns);
  std::vector<my_bool> nulls(columns);
  for (unsigned c = 0; c < columns; ++c) {
    std::memset(&out[c], 0, sizeof out[c]);
    out[c].buffer_type = MYSQL_TYPE_STRING;
    out[c].buffer = buffers[c].data();
    out[c].buffer_length = buffers[c].size();
    out[c].length = &lengths[c];
    out[c].is_null = &nulls[c];
  }
  if (mysql_stmt_bind_result(stmt, out.data()) != 0) {
    fail(mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
  }
  for (;;) {
    const int rc = mysql_stmt_fetch(stmt);
    if (rc == MYSQL_NO_DATA) break;
    if (rc == 1) {
      const unsigned code = mysql_stmt_errno(stmt);
      const std::string message = mysql_stmt_error(stmt);
      mysql_stmt_free_result(stmt);
      fail(code, message);
    }
    std::vector<std::optional<std::string>> cells(columns);
    for (unsigned c = 0; c < columns; ++c) {
      if (nulls[c]) continue;
      if (lengths[c] <= buffers[c].size()) {
        cells[c].emplace(buffers[c].data(), lengths[c]);
        continue;
      }
      // Longer than the buffer: fetch the whole cell on its own.
      std::string whole(lengths[c], '\0');
      MYSQL_BIND big;
      std::memset(&big, 0, sizeof big);
      big.buffer_type = MYSQL_TYPE_STRING;
      big.buffer = whole.data();
      big.buffer_length = whole.size();
      if (mysql_stmt_fetch_column(stmt, &big, c, 0) != 0) {
        fail(mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
      }
      cells[c] = std::move(whole);
    }
    if (visit) {
      (*visit)(Row(std::move(cells), prepared.columns));
    } else if (want_rows) {
      rows.emplace_back(std::move(cells), prepared.columns);
    }
  }
  mysql_stmt_free_result(stmt);
  return rows;
}

Transaction::Transaction(Connection& db) : db_(db) {
  if (db_.in_transaction_) {
    throw std::logic_error("nested transaction: the caller's transaction is already open");
  }
  db_.command("START TRANSACTION");
  db_.in_transaction_ = true;
}

Transaction::~Transaction() {
  if (done_ || !db_.mysql_) return;
  // A failed rollback means the connection is gone, and the server rolls back for us.
  mysql_rollback(db_.mysql_);
  db_.in_transaction_ = false;
}

void Transaction::commit() {
  db_.command("COMMIT");
  db_.in_transaction_ = false;
  done_ = true;
  for (auto& work : after_commit_) work();
}

}  // namespace db
