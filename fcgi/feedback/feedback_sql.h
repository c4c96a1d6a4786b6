// SQL of 意見交流: threads and their messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"

namespace feedback::sql {

// Who wrote a thread: a teacher or a business account (exactly one of the two ids).
struct Writer {
  int64_t teacher_id = 0, account_id = 0;
};

struct Thread {
  int64_t id = 0;
  Writer writer;
  std::string writer_name, writer_unit, writer_email;  // as the account has them now
  std::string category, contact, state;
  std::string created_at, updated_at;  // "2026-12-01 09:00"
  int messages = 0;
};

struct Message {
  int64_t id = 0;
  bool from_admin = false;
  std::string admin_name, body, mailed_to, at;
};

int64_t create(db::Connection& db, const Writer& w, const std::string& category, const std::string& contact,
               const std::string& body);
void add_message(db::Connection& db, int64_t thread_id, int64_t admin_id, const std::string& body,
                 const std::string& mailed_to);  // admin_id 0: the writer's own follow-up
void set_state(db::Connection& db, int64_t thread_id, const std::string& state);

std::optional<Thread> find(db::Connection& db, int64_t id);
std::vector<Thread> of_writer(db::Connection& db, const Writer& w);
std::vector<Thread> inbox(db::Connection& db, const std::string& state);  // "" for all
int64_t count_open(db::Connection& db);
std::vector<Message> messages(db::Connection& db, int64_t thread_id);

}  // namespace feedback::sql
