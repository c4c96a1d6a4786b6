// The FastCGI side: reading a request off the wire, writing a response, the worker threads.
#pragma once

#include <fcgiapp.h>

#include <functional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/context.h"

namespace core {

// Reads params and body; a body over the limit is not read and sets req.error.
Request read_request(FCGX_Request& fcgi, const Limits& limits);
void write_response(FCGX_Request& fcgi, const Response& response,
                    const std::vector<std::string>& cookies);

// Called once per request, on the worker thread that owns `db`.
using RequestHandler = std::function<Response(Context&)>;

// Accepts on `listen_fd` with `config.threads` threads, each with its own database connection.
// Returns only if accepting fails.
void serve(int listen_fd, const Config& config, const RequestHandler& handler);

}  // namespace core
