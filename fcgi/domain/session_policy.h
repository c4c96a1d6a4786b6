// domain/session_policy.h: when a signed-in session ends by itself (SECURITY-CATALOGUE B12).
#pragma once

namespace domain {

// Idle limits differ by who is signed in: a business account can approve and write records, so it
// times out sooner than a teacher; every session ends at the absolute limit however active.
struct SessionLimits {
  long teacher_idle_seconds = 2 * 3600;
  long business_idle_seconds = 30 * 60;
  long absolute_seconds = 12 * 3600;
};

// idle_seconds and age_seconds are measured by the database clock; a session exactly at a limit
// still works, one second past it has ended.
bool session_expired(const SessionLimits& limits, bool teacher, long idle_seconds,
                     long age_seconds);

}  // namespace domain
