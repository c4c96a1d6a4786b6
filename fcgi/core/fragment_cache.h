// Rendered page bodies kept per worker process, with the two invalidation rules the portal uses:
// a validator that changes when the data behind the body changes, and a maximum age.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace core {

class FragmentCache {
 public:
  FragmentCache(std::chrono::seconds max_age, size_t max_entries)
      : max_age_(max_age), max_entries_(max_entries) {}

  struct Entry {
    std::string title;
    std::string html;
  };

  // The entry for `key` if it was stored with the same validator less than max_age ago.
  std::optional<Entry> get(const std::string& key, const std::string& validator);
  void put(const std::string& key, const std::string& validator, Entry entry);
  void set_max_age(std::chrono::seconds max_age) { max_age_ = max_age; }

 private:
  struct Stored {
    std::string validator;
    std::chrono::steady_clock::time_point stored_at;
    Entry entry;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Stored> entries_;
  std::chrono::seconds max_age_;
  size_t max_entries_;
};

}  // namespace core
