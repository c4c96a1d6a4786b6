// What a worker process keeps between requests, with the two invalidation rules the portal uses:
// a validator that changes when the data behind an entry changes, and a maximum age. Rendered
// page bodies (FragmentCache) and a few typed facts (shared/caches.h lists them all). A bounded
// map; when full it starts over rather than tracking recency (simple, and a miss only costs a
// read or a render).
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace core {

template <class Value>
class KeptCache {
 public:
  using Entry = Value;
  KeptCache(std::chrono::seconds max_age, size_t max_entries) : max_age_(max_age), max_entries_(max_entries) {}

  // The entry for `key` if it was stored with the same validator less than max_age ago.
  std::optional<Value> get(const std::string& key, const std::string& validator) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.validator != validator ||
        std::chrono::steady_clock::now() - it->second.stored_at >= max_age_) {
      return std::nullopt;
    }
    return it->second.value;
  }

  void put(const std::string& key, const std::string& validator, Value value) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (entries_.size() >= max_entries_ && !entries_.count(key)) entries_.clear();
    entries_[key] = {validator, std::chrono::steady_clock::now(), std::move(value)};
  }

  void set_max_age(std::chrono::seconds max_age) { max_age_ = max_age; }

 private:
  struct Stored {
    std::string validator;
    std::chrono::steady_clock::time_point stored_at;
    Value value;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Stored> entries_;
  std::chrono::seconds max_age_;
  size_t max_entries_;
};

struct Fragment {
  std::string title;
  std::string html;
};
using FragmentCache = KeptCache<Fragment>;

}  // namespace core
