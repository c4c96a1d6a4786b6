// Queuing mail in mail_outbox, and the sender thread that delivers it over SMTP with libcurl.
#include "mail/mail.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <exception>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "core/log.h"
#include "domain/mime.h"
#include "domain/validation.h"

namespace mail {
namespace {

constexpr auto kPollInterval = std::chrono::seconds(1);
constexpr int kMailsPerRound = 20;
constexpr std::size_t kSubjectChars = 300;  // mail_outbox.subject
constexpr std::size_t kErrorBytes = 500;    // mail_outbox.last_error; curl's errors are ASCII
constexpr long kConnectTimeoutSeconds = 5;
constexpr long kSendTimeoutSeconds = 20;

std::string without_line_breaks(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '\r' && c != '\n') out += c;
  }
  return out;
}

struct Upload {
  const std::string& text;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->text.size() - upload->offset);
  std::memcpy(buffer, upload->text.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

// Hands one message to the relay. Returns "" once the relay accepted it, else what went wrong.
std::string send_smtp(const core::Config& config, const std::string& to, const std::string& text) {
  CURL* curl = curl_easy_init();
  if (!curl) return "curl_easy_init failed";
  char error[CURL_ERROR_SIZE] = "";
  Upload upload{text};
  const std::string from = "<" + config.mail_from + ">";
  curl_slist* recipients = curl_slist_append(nullptr, ("<" + to + ">").c_str());
  curl_easy_setopt(curl, CURLOPT_URL, config.smtp_url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  // STARTTLS whenever the relay offers it; the local sink does not.
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, kSendTimeoutSeconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // a thread among others: no SIGALRM timeouts
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  const CURLcode rc = curl_easy_perform(curl);
  long reply = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (rc == CURLE_OK) return "";
  std::string message = error[0] != '\0' ? error : curl_easy_strerror(rc);
  const std::string code = std::to_string(reply);
  if (reply != 0 && message.find(code) == std::string::npos) message += " (SMTP " + code + ")";
  return message.substr(0, kErrorBytes);
}

// What follows the '@' of the sender's address; the Message-ID's right-hand side.
std::string domain_of(const std::string& address) {
  const std::size_t at = address.rfind('@');
  return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

// Sends the oldest due mail and records the outcome, in one transaction that holds the row's lock
// meanwhile. Returns false when no mail is due (or all due ones are locked by other senders).
// A crash between the relay's acceptance and the commit sends that mail again later: at least
// once, never lost.
bool send_one(db::Connection& db, const core::Config& config) {
  // Read committed: the locking read takes no gap locks, which would hold up the INSERTs of
  // requests queuing mail while a slow relay is being talked to.
  db.command("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
  db::Transaction tx(db);
  // SKIP LOCKED: the senders of the other worker processes pass over the mail this one holds.
  const auto row = db.query_one(
      "SELECT id, to_addr, subject, body, UNIX_TIMESTAMP(created_at) AS created_epoch FROM mail_outbox"
      " WHERE sent_at IS NULL AND next_attempt_at <= NOW()"
      " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED");
  if (!row) return false;
  const int64_t id = row->i64("id");
  domain::MimeMail mime;
  mime.from = config.mail_from;
  mime.to = row->str("to_addr");
  mime.subject = row->str("subject");
  mime.body = row->str("body");
  // Stable across retries, so a receiver can tell a repeat from a new mail.
  mime.message_id =
      "outbox-" + std::to_string(id) + "." + row->str("created_epoch") + "@" + domain_of(config.mail_from);
  const std::string error =
      send_smtp(config, mime.to, domain::build_mime(mime, std::time(nullptr)));
  if (error.empty()) {
    db.execute("UPDATE mail_outbox SET sent_at = NOW() WHERE id = ?", id);
  } else {
    // next_attempt_at comes first because MariaDB's SET sees the values assigned before it:
    // waits of 5 s, 10 s, 20 s ... up to an hour after the 1st, 2nd, 3rd ... failure.
    db.execute(
        "UPDATE mail_outbox SET"
        " next_attempt_at = NOW() + INTERVAL LEAST(5 * POW(2, LEAST(attempts, 20)), 3600) SECOND,"
        " attempts = attempts + 1, last_error = ? WHERE id = ?",
        error, id);
    // The outbox id only: the address and the text are personal data.
    core::log_error("mail", "outbox " + std::to_string(id) + " not sent: " + error);
  }
  tx.commit();
  return true;
}

void run_sender(const core::Config config) {
  db::Connection db(config.database);
  bool failing = false;  // one log line per outage, not one a second
  for (;;) {
    try {
      for (int n = 0; n < kMailsPerRound && send_one(db, config); ++n) {
      }
      if (failing) core::log_error("mail", "sender working again");
      failing = false;
    } catch (const std::exception& e) {
      if (!failing) core::log_error("mail", std::string("sender: ") + e.what());
      failing = true;
      db.reset();  // the database may have restarted: reconnect next round
    }
    std::this_thread::sleep_for(kPollInterval);
  }
}

}  // namespace

void enqueue(db::Connection& db, const Message& message) {
  const std::string to = without_line_breaks(message.to);
  if (to.empty()) throw std::invalid_argument("mail::enqueue: no recipient");
  // Cut rather than fail: an over-long subject must not roll back the change it reports.
  const std::string subject = domain::utf8_prefix(without_line_breaks(message.subject), kSubjectChars);
  db.execute("INSERT INTO mail_outbox (to_addr, subject, body) VALUES (?, ?, ?)", to, subject,
             message.body);
}

void start_sender(const core::Config& config) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  std::thread(run_sender, config).detach();
}

}  // namespace mail
