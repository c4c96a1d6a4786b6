// libfcgi plumbing: parameters in, bytes out, and the accept loop of each worker thread.
#include "core/server.h"

#include <chrono>
#include <cstring>
#include <thread>

#include "core/log.h"
#include "domain/validation.h"

namespace core {

namespace {
std::string param(FCGX_Request& fcgi, const char* name) {
  const char* v = FCGX_GetParam(name, fcgi.envp);
  return v ? v : "";
}

void reject_body(Request& req, ParseError why) { req.error = why; }

// Reads and drops what a handler left unread; true when the stream ended cleanly.
bool read_to_end(FCGX_Stream* in) {
  char rest[4096];
  while (FCGX_GetStr(rest, sizeof rest, in) > 0) {
  }
  return FCGX_HasSeenEOF(in) == EOF && FCGX_GetError(in) == 0;
}
}  // namespace

Request read_request(FCGX_Request& fcgi, const Limits& limits) {
  Request req;
  req.method = param(fcgi, "REQUEST_METHOD");
  req.request_id = param(fcgi, "REQUEST_ID");
  req.remote_addr = param(fcgi, "REMOTE_ADDR");
  req.content_type = param(fcgi, "CONTENT_TYPE");
  req.accept = param(fcgi, "HTTP_ACCEPT");
  req.authorization = param(fcgi, "HTTP_AUTHORIZATION");
  req.if_none_match = param(fcgi, "HTTP_IF_NONE_MATCH");
  req.https = param(fcgi, "HTTPS") == "on";
  // nginx's $document_uri: decoded and normalised once, the path its locations matched.
  req.path = param(fcgi, "DOCUMENT_URI");
  req.query_string = param(fcgi, "QUERY_STRING");
  if (!domain::is_valid_utf8(req.path)) reject_body(req, ParseError::kBadEncoding);
  if (ParseError e = parse_urlencoded(req.query_string, limits, req.query); e != ParseError::kNone) {
    reject_body(req, e);
  }
  parse_cookies(param(fcgi, "HTTP_COOKIE"), req.cookies);

  const std::string length_text = param(fcgi, "CONTENT_LENGTH");
  const size_t length = length_text.empty() ? 0 : std::strtoull(length_text.c_str(), nullptr, 10);
  if (length == 0) return req;
  const bool multipart = req.content_type.rfind("multipart/form-data", 0) == 0;
  if (length > (multipart ? limits.max_upload_body : limits.max_body)) {
    reject_body(req, ParseError::kTooLarge);
    return req;
  }
  std::string body(length, '\0');
  const int got = FCGX_GetStr(body.data(), static_cast<int>(length), fcgi.in);
  if (got < 0 || static_cast<size_t>(got) != length) {
    reject_body(req, ParseError::kMalformed);
    return req;
  }
  ParseError e = ParseError::kNone;
  if (multipart) {
    e = parse_multipart(body, req.content_type, limits, req.form, req.files);
  } else if (req.content_type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    e = parse_urlencoded(body, limits, req.form);
  } else {
    req.body = std::move(body);
  }
  if (e != ParseError::kNone) reject_body(req, e);
  return req;
}

void write_response(FCGX_Request& fcgi, const Response& response,
                    const std::vector<std::string>& cookies) {
  std::string head = "Status: " + std::to_string(response.status) + " " +
                     status_text(response.status) + "\r\n";
  for (const auto& [name, value] : response.headers) head += name + ": " + value + "\r\n";
  for (const auto& cookie : cookies) head += "Set-Cookie: " + cookie + "\r\n";
  // A length lets nginx pass the answer on as it is instead of re-framing it in chunks (for
  // HEAD: the length GET would send).
  head += "Content-Length: " + std::to_string(response.body.size()) + "\r\n\r\n";
  FCGX_PutStr(head.data(), static_cast<int>(head.size()), fcgi.out);
  const bool head_only = std::strcmp(FCGX_GetParam("REQUEST_METHOD", fcgi.envp) ?: "", "HEAD") == 0;
  if (!head_only && !response.body.empty()) {
    FCGX_PutStr(response.body.data(), static_cast<int>(response.body.size()), fcgi.out);
  }
}

void serve(int listen_fd, const Config& config, const RequestHandler& handler) {
  const Limits limits;
  auto worker = [&]() {
    db::Connection db(config.database);
    FCGX_Request fcgi;
    FCGX_InitRequest(&fcgi, listen_fd, 0);
    while (FCGX_Accept_r(&fcgi) >= 0) {
      Request req = read_request(fcgi, limits);
      Context cx(req, db, config);
      Response response = handler(cx);
      write_response(fcgi, response, cx.outgoing_cookies());
      // Once all nginx sent is read (its empty STDIN record ends a request), the socket can
      // close at once: libfcgi would otherwise half-close it and wait for nginx to hang up, so
      // that unread input cannot reset the connection (three system calls and a wake-up per
      // request). FCGX_Detach only tells FCGX_Finish_r to skip that wait.
      if (read_to_end(fcgi.in)) FCGX_Detach(&fcgi);
      FCGX_Finish_r(&fcgi);
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < config.threads; ++i) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
}

}  // namespace core
