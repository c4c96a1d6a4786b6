// What a worker process keeps between requests, with the two invalidation rules the portal uses:
// a validator that changes when the data behind an entry changes, and a maximum age. Rendered
// page bodies (FragmentCache) and a few typed facts (shared/caches.h lists them all). Bounded in
// bytes (keys and values as kept_bytes counts them), so a worker's memory does not follow the
// traffic: when full it starts over rather than tracking recency (simple, and a miss only costs a
// read or a render).
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace core {

// What an entry costs; a value type with memory of its own beyond sizeof gives an overload.
template <class Value>
size_t kept_bytes(const Value&) {
  return sizeof(Value);
}

template <class Value>
class KeptCache {
 public:
  using Entry = Value;
  KeptCache(std::chrono::seconds max_age, size_t max_bytes) : max_age_(max_age), max_bytes_(max_bytes) {}

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
    // A map node, its key and validator, and the value.
    const size_t bytes = 64 + key.size() + validator.size() + kept_bytes(value);
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) {
      bytes_ -= it->second.bytes;
      entries_.erase(it);
    }
    if (bytes_ + bytes > max_bytes_) {
      entries_.clear();
      bytes_ = 0;
    }
    entries_[key] = {validator, std::chrono::steady_clock::now(), std::move(value), bytes};
    bytes_ += bytes;
  }

  size_t bytes() {
    std::lock_guard<std::mutex> lock(mutex_);
    return bytes_;
  }

  void set_max_age(std::chrono::seconds max_age) { max_age_ = max_age; }

 private:
  struct Stored {
    std::string validator;
    std::chrono::steady_clock::time_point stored_at;
    Value value;
    size_t bytes;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Stored> entries_;
  std::chrono::seconds max_age_;
  size_t max_bytes_;
  size_t bytes_ = 0;
};

struct Fragment {
  std::string title;
  std::string html;
};
inline size_t kept_bytes(const Fragment& f) { return sizeof f + f.title.size() + f.html.size(); }
using FragmentCache = KeptCache<Fragment>;

}  // namespace core
