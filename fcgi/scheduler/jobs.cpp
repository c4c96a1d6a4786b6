// scheduler/jobs.cpp: every timed job of the portal. Read this to know what runs on its own.
#include "enrolment/lottery.h"
#include "enrolment/reminders.h"
#include "scheduler/scheduler.h"
#include "staff/kindergarten_feed.h"
#include "subscriptions/digest.h"

namespace scheduler {

const std::vector<Job>& jobs() {
  static const std::vector<Job> table = {
      // name                   run
      {"enrolment.draws",        enrolment::run_draws},            // 抽籤 at each course's draw time
      {"enrolment.reminders",    enrolment::send_reminders},       // the e-mail before the first session
      {"subscriptions.digest",   subscriptions::send_digests},     // 研習資訊訂閱's daily mail
      {"kindergarten.feed",      staff::run_kindergarten_feed},    // 全國教保資訊網's nightly file
  };
  return table;
}

}  // namespace scheduler
