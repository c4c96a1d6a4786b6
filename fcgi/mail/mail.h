// E-mail to people (SPEC §3, §8): queued in the database with the change it reports, delivered by
// a background sender in each worker process through the configured SMTP relay.
#pragma once

#include <string>

#include "core/config.h"
#include "core/db.h"

namespace mail {

struct Message {
  std::string to;       // one address, already validated by the caller
  std::string subject;  // UTF-8
  std::string body;     // UTF-8 plain text
};

// Queues `message` with one INSERT on `db`. Call it inside the db::Transaction of the change the
// mail reports, so the mail is sent exactly when that change commits. CR and LF are removed from
// `to` and `subject`, and the subject is cut to 300 characters; throws std::invalid_argument when
// `to` is empty.
void enqueue(db::Connection& db, const Message& message);

// Starts the sender: one detached thread with its own database connection that delivers due mail
// every second and retries failures with back-off (5 s doubling to an hour). Call once in each
// worker process, after fork(); the senders of several processes never send one mail twice.
void start_sender(const core::Config& config);

}  // namespace mail
