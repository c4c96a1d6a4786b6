// The enrolment burst's HTTP client (bench/enrol_burst.py): every request on its own connection,
// all connections opened first, then every request written at one instant from one thread and the
// answers read with epoll. Written in C++ like the raw baseline (bench/raw_enrol.cpp), so the
// client's own cost does not count against the portal on a machine that also runs the client.
//
//   build/bench-burst-client --host H --port P < requests
//
// A request is one line: path TAB cookie TAB urlencoded-body (always a form POST). An answer is
// one line per request, in order: HTTP status (0 when the connection failed), seconds from the
// release to the end of the answer, data-enrolment-status and data-reason of the page ("-" when
// absent), and, for a failure, what failed.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Exchange {
  std::string request;
  std::string answer;
  int fd = -1;
  bool done = false;
  std::string failure;
  double seconds = 0;
};

std::string attribute(const std::string& page, const std::string& name) {
  const std::string key = name + "=\"";
  const size_t at = page.find(key);
  if (at == std::string::npos) return "-";
  const size_t from = at + key.size();
  const size_t to = page.find('"', from);
  return to == std::string::npos ? "-" : page.substr(from, to - from);
}

int http_status(const std::string& answer) {
  // "HTTP/1.1 200 OK"
  if (answer.compare(0, 5, "HTTP/") != 0) return 0;
  const size_t space = answer.find(' ');
  return space == std::string::npos ? 0 : std::atoi(answer.c_str() + space + 1);
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1";
  int port = 8180;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--host") == 0) host = argv[i + 1];
    if (std::strcmp(argv[i], "--port") == 0) port = std::atoi(argv[i + 1]);
  }
  std::vector<Exchange> all;
  for (std::string line; std::getline(std::cin, line);) {
    const size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) {
      std::fprintf(stderr, "bench-burst-client: a request line is path TAB cookie TAB body\n");
      return 2;
    }
    const std::string path = line.substr(0, a), cookie = line.substr(a + 1, b - a - 1), body = line.substr(b + 1);
    Exchange x;
    x.request = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + std::to_string(port) +
                "\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nCookie: " + cookie +
                "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    all.push_back(std::move(x));
  }

  rlimit files{};  // a socket per request: as many descriptors as the system allows
  if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
  const int poller = epoll_create1(0);
  for (size_t i = 0; i < all.size(); ++i) {
    Exchange& x = all[i];
    x.fd = socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    setsockopt(x.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (x.fd < 0 || connect(x.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      x.failure = std::string("connect:") + std::strerror(errno);
      x.done = true;
      continue;
    }
    fcntl(x.fd, F_SETFL, fcntl(x.fd, F_GETFL) | O_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = i;
    epoll_ctl(poller, EPOLL_CTL_ADD, x.fd, &ev);
  }

  const Clock::time_point release = Clock::now();
  auto finish = [&](Exchange& x, const std::string& failure) {
    x.seconds = std::chrono::duration<double>(Clock::now() - release).count();
    x.failure = failure;
    x.done = true;
    epoll_ctl(poller, EPOLL_CTL_DEL, x.fd, nullptr);
    close(x.fd);
  };
  // Every request goes out before any answer is read: the burst is the release, not a queue. A
  // request (under 1 kB) fits an empty socket buffer, so the write does not wait.
  for (Exchange& x : all) {
    if (x.done) continue;
    if (write(x.fd, x.request.data(), x.request.size()) != static_cast<ssize_t>(x.request.size())) {
      finish(x, std::string("write:") + std::strerror(errno));
    }
  }
  size_t open = 0;
  for (const Exchange& x : all) open += x.done ? 0 : 1;
  std::vector<epoll_event> events(256);
  char buffer[65536];
  while (open > 0) {
    const int n = epoll_wait(poller, events.data(), static_cast<int>(events.size()), 60000);
    if (n <= 0) break;  // a minute without any answer: the rest are reported as timed out
    for (int e = 0; e < n; ++e) {
      Exchange& x = all[events[e].data.u64];
      if (x.done) continue;
      for (;;) {
        const ssize_t r = read(x.fd, buffer, sizeof buffer);
        if (r > 0) {
          x.answer.append(buffer, static_cast<size_t>(r));
          continue;
        }
        if (r == 0) {
          finish(x, "");
          --open;
        } else if (errno != EAGAIN) {
          finish(x, std::string("read:") + std::strerror(errno));
          --open;
        }
        break;
      }
    }
  }
  for (Exchange& x : all) {
    if (!x.done) finish(x, "timeout");
    const int status = x.failure.empty() ? http_status(x.answer) : 0;
    std::printf("%d %.6f %s %s%s%s\n", status, x.seconds, attribute(x.answer, "data-enrolment-status").c_str(),
                attribute(x.answer, "data-reason").c_str(), x.failure.empty() ? "" : " ", x.failure.c_str());
  }
  return 0;
}
