// scheduler/jobs.cpp: every timed job of the portal. Read this to know what runs on its own.
#include "enrolment/reminders.h"
#include "scheduler/scheduler.h"

namespace scheduler {

const std::vector<Job>& jobs() {
  static const std::vector<Job> table = {
      // name                  run
      {"enrolment.reminders", enrolment::send_reminders},  // the e-mail before the first session
  };
  return table;
}

}  // namespace scheduler
