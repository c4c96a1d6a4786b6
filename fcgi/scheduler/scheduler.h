// The scheduler: timed work with a home of its own (`portal-tool scheduler`), never in request
// handlers. A table of jobs (jobs.cpp) run one after the other every scheduler_interval_seconds;
// nginx/portalctl starts one beside the workers and stops it with them.
#pragma once

#include <vector>

#include "core/config.h"
#include "core/db.h"

namespace scheduler {

// One timed job: does whatever is due now and returns how many things it did. A job makes its
// own transactions and claims each piece of work with a conditional UPDATE or SKIP LOCKED, so a
// crash or a restart never repeats what was committed and schedulers on several hosts at once
// never do one thing twice; the next pass picks up whatever is left.
struct Job {
  const char* name;
  int (*run)(db::Connection& db, const core::Config& config);
};

// Every job, in the order a pass runs them (jobs.cpp).
const std::vector<Job>& jobs();

// Runs each job once. A job that throws is logged and does not keep the others from running;
// returns false when any did.
bool run_pass(db::Connection& db, const core::Config& config);

// portal-tool scheduler --config FILE [--once] [--pid-file FILE]: one pass and exit with --once
// (tests, cron), otherwise passes until SIGTERM or SIGINT, which end the wait between passes
// at once and let a running job finish. Returns the exit status.
int command(int argc, char** argv);

}  // namespace scheduler
