// One line per request on stderr; never a password, token, session id or unmasked 身分證字號.
#pragma once

#include <string_view>

namespace core {

struct RequestLog {
  std::string_view request_id;
  std::string_view method;
  std::string_view route;  // the route's name, not the raw path: paths may carry personal data
  std::string_view user;   // "t:42", "b:7" or "-"
  int status;
  double milliseconds;
};

void log_request(const RequestLog& entry);
void log_error(std::string_view request_id, std::string_view message);
// What a process beside the requests did (the scheduler's passes): "src=<source> note=<message>".
void log_note(std::string_view source, std::string_view message);

}  // namespace core
