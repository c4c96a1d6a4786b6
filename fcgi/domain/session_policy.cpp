#include "domain/session_policy.h"

namespace domain {

bool session_expired(const SessionLimits& limits, bool teacher, long idle_seconds,
                     long age_seconds) {
  const long idle_limit = teacher ? limits.teacher_idle_seconds : limits.business_idle_seconds;
  return idle_seconds > idle_limit || age_seconds > limits.absolute_seconds;
}

}  // namespace domain
