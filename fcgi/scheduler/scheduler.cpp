// The scheduler's loop: passes over the job table, a pid file, and a stop that waits for the job
// under way (scheduler/scheduler.h).
#include "scheduler/scheduler.h"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <string>

#include "core/log.h"
#include "core/pii.h"

namespace scheduler {

namespace {

volatile sig_atomic_t g_stopping = 0;
void on_stop(int) { g_stopping = 1; }

constexpr const char kUsage[] =
    "usage: portal-tool scheduler --config FILE [--once] [--pid-file FILE]\n";

void note(const std::string& message) { core::log_note("scheduler", message); }

}  // namespace

bool run_pass(db::Connection& db, const core::Config& config) {
  bool ok = true;
  for (const Job& job : jobs()) {
    const auto started = std::chrono::steady_clock::now();
    try {
      const int done = job.run(db, config);
      const long ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::steady_clock::now() - started)
                                            .count());
      if (done > 0)
        note(std::string(job.name) + " did " + std::to_string(done) + " in " + std::to_string(ms) +
             " ms");
    } catch (const std::exception& e) {
      core::log_error("scheduler", std::string(job.name) + " failed: " + e.what());
      db.reset();  // the database may have gone away: reconnect for the next job
      ok = false;
    }
  }
  return ok;
}

int command(int argc, char** argv) {
  std::string config_path, pid_file;
  bool once = false;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--once") == 0) {
      once = true;
    } else if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
      config_path = argv[++i];
    } else if (std::strcmp(argv[i], "--pid-file") == 0 && i + 1 < argc) {
      pid_file = argv[++i];
    } else {
      std::fputs(kUsage, stderr);
      return 2;
    }
  }
  if (config_path.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const core::Config config = core::load_config(config_path);
  core::pii::install(config.pii);
  db::Connection db(config.database);
  if (once) return run_pass(db, config) ? 0 : 1;

  // Without SA_RESTART, so a stop signal cuts the sleep between passes short.
  struct sigaction stop {};
  stop.sa_handler = on_stop;
  sigemptyset(&stop.sa_mask);
  sigaction(SIGTERM, &stop, nullptr);
  sigaction(SIGINT, &stop, nullptr);
  if (!pid_file.empty()) std::ofstream(pid_file) << getpid() << "\n";
  note("started: " + std::to_string(jobs().size()) + " jobs every " +
       std::to_string(config.scheduler_interval_seconds) + " s");
  while (!g_stopping) {
    run_pass(db, config);
    for (int s = 0; s < config.scheduler_interval_seconds && !g_stopping; ++s) sleep(1);
  }
  note("stopped");
  if (!pid_file.empty()) unlink(pid_file.c_str());
  return 0;
}

}  // namespace scheduler
