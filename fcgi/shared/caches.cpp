// The page caches of shared/caches.h. Their budgets (bytes) bound each worker's memory at
// national scale: 62 MB in all with the enrolment box's two (bench/README.md, worker memory).
#include "shared/caches.h"

namespace shared::caches {

core::FragmentCache& public_courses(const core::Config& config) {
  static core::FragmentCache cache(std::chrono::seconds(config.public_cache_seconds), 24 << 20);
  return cache;
}

core::FragmentCache& search_pages(const core::Config& config) {
  static core::FragmentCache cache(std::chrono::seconds(config.search_cache_seconds), 8 << 20);
  return cache;
}

core::FragmentCache& teacher_bodies() {
  static core::FragmentCache cache(std::chrono::seconds(60), 8 << 20);
  return cache;
}

core::FragmentCache& teacher_pages() {
  static core::FragmentCache cache(std::chrono::seconds(60), 8 << 20);
  return cache;
}

// 20 years of records make a body of about 200 KB.
core::FragmentCache& record_bodies() {
  static core::FragmentCache cache(std::chrono::seconds(60), 8 << 20);
  return cache;
}

}  // namespace shared::caches
