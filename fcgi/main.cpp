// The portal's entry point: configuration, one supervised worker process per FastCGI socket,
// worker threads with their accept loops. Nothing else.
//
//   portal --config var/portal.conf --sockets var/run/app-1.sock,var/run/app-2.sock
//          [--pid-file var/run/portal.pid]
#include <fcgiapp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/dispatch.h"
#include "core/config.h"
#include "core/pii.h"
#include "core/server.h"
#include "core/view.h"
#include "mail/mail.h"

namespace {

volatile sig_atomic_t g_stopping = 0;
void on_stop(int) { g_stopping = 1; }

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, sep)) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

pid_t spawn_worker(int listen_fd, const core::Config& config) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  // A worker never outlives its supervisor, even one killed with SIGKILL.
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  signal(SIGTERM, SIG_DFL);
  signal(SIGINT, SIG_DFL);
  mail::start_sender(config);
  core::serve(listen_fd, config, app::dispatch);
  _exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
  if (!args.count("--config") || !args.count("--sockets")) {
    std::fprintf(stderr, "usage: portal --config FILE --sockets A.sock,B.sock [--pid-file F]\n");
    return 2;
  }
  const core::Config config = core::load_config(args["--config"]);
  core::pii::install(config.pii);  // before the fork: every worker has them
  core::init_templates(config.templates_dir);
  app::init();
  FCGX_Init();

  // The supervisor owns the listening sockets, so a worker that dies leaves its socket open:
  // nginx's connections wait in the backlog until the replacement accepts them.
  std::vector<int> sockets;
  for (const std::string& path : split(args["--sockets"], ',')) {
    unlink(path.c_str());
    const int fd = FCGX_OpenSocket(path.c_str(), 1024);
    if (fd < 0) {
      std::fprintf(stderr, "cannot listen on %s\n", path.c_str());
      return 1;
    }
    chmod(path.c_str(), 0666);  // nginx's workers run as another user; var/run guards the path
    sockets.push_back(fd);
  }
  if (args.count("--pid-file")) std::ofstream(args["--pid-file"]) << getpid() << "\n";

  // Without SA_RESTART, so a stop signal interrupts waitpid() below.
  struct sigaction stop_action {};
  stop_action.sa_handler = on_stop;
  sigemptyset(&stop_action.sa_mask);
  sigaction(SIGTERM, &stop_action, nullptr);
  sigaction(SIGINT, &stop_action, nullptr);
  std::map<pid_t, int> workers;  // pid → socket fd
  for (int fd : sockets) workers[spawn_worker(fd, config)] = fd;

  while (!g_stopping) {
    int status = 0;
    const pid_t dead = waitpid(-1, &status, 0);
    if (dead <= 0) continue;  // interrupted by a signal
    auto it = workers.find(dead);
    if (it == workers.end()) continue;
    const int fd = it->second;
    workers.erase(it);
    if (g_stopping) break;
    std::fprintf(stderr, "worker %d exited (status %d); starting another\n", dead, status);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // no hot loop on a crash at start
    workers[spawn_worker(fd, config)] = fd;
  }
  for (const auto& [pid, fd] : workers) kill(pid, SIGTERM);
  for (const auto& [pid, fd] : workers) waitpid(pid, nullptr, 0);
  for (const std::string& path : split(args["--sockets"], ',')) unlink(path.c_str());
  if (args.count("--pid-file")) unlink(args["--pid-file"].c_str());
  return 0;
}
