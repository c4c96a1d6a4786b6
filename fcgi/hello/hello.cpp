// The benchmark's baseline: a FastCGI hello-world run behind the same nginx as the portal, so a
// page's cost is read as a ratio to the cheapest possible dynamic answer.
//   portal-hello SOCKET [THREADS]
#include <fcgiapp.h>
#include <sys/stat.h>

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 4;
  FCGX_Init();
  const int fd = FCGX_OpenSocket(argv[1], 1024);
  if (fd < 0) return 1;
  chmod(argv[1], 0666);
  const std::string body = "<!doctype html><html lang=\"zh-Hant-TW\"><title>hello</title><p>hello</p></html>\n";
  const std::string head = "Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                           std::to_string(body.size()) + "\r\n\r\n";
  auto loop = [&] {
    FCGX_Request req;
    FCGX_InitRequest(&req, fd, 0);
    while (FCGX_Accept_r(&req) >= 0) {
      FCGX_PutStr(head.data(), static_cast<int>(head.size()), req.out);
      FCGX_PutStr(body.data(), static_cast<int>(body.size()), req.out);
      FCGX_Finish_r(&req);
    }
  };
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) pool.emplace_back(loop);
  for (auto& t : pool) t.join();
}
