// The page caches of shared/caches.h; sizes bound each worker's memory at national scale.
#include "shared/caches.h"

namespace shared::caches {

core::FragmentCache& public_courses(const core::Config& config) {
  static core::FragmentCache cache(std::chrono::seconds(config.public_cache_seconds), 20000);
  return cache;
}

core::FragmentCache& search_pages(const core::Config& config) {
  static core::FragmentCache cache(std::chrono::seconds(config.search_cache_seconds), 5000);
  return cache;
}

core::FragmentCache& teacher_bodies() {
  static core::FragmentCache cache(std::chrono::seconds(60), 20000);
  return cache;
}

core::FragmentCache& teacher_pages() {
  static core::FragmentCache cache(std::chrono::seconds(60), 20000);
  return cache;
}

// Fewer than the homepages: 20 years of records make a body of about 200 KB.
core::FragmentCache& record_bodies() {
  static core::FragmentCache cache(std::chrono::seconds(60), 2000);
  return cache;
}

}  // namespace shared::caches
