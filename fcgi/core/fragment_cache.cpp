// A bounded map; when full it starts over rather than tracking recency (simple, and a miss only
// costs a render).
#include "core/fragment_cache.h"

namespace core {

std::optional<FragmentCache::Entry> FragmentCache::get(const std::string& key,
                                                       const std::string& validator) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.validator != validator ||
      std::chrono::steady_clock::now() - it->second.stored_at >= max_age_) {
    return std::nullopt;
  }
  return it->second.entry;
}

void FragmentCache::put(const std::string& key, const std::string& validator, Entry entry) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (entries_.size() >= max_entries_ && !entries_.count(key)) entries_.clear();
  entries_[key] = {validator, std::chrono::steady_clock::now(), std::move(entry)};
}

}  // namespace core
