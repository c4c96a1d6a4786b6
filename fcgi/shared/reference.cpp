// Reading the reference lists, and each worker's copy of them.
#include "shared/reference.h"

#include <algorithm>
#include <mutex>

namespace shared::reference {

namespace {
std::vector<Choice> choices(db::Connection& db, const char* sql) {
  std::vector<Choice> out;
  for (const auto& r : db.query(sql)) out.push_back({r.i64("id"), r.str("name"), r.flag("active")});
  return out;
}

std::shared_ptr<const Lists> read(db::Connection& db, uint64_t generation) {
  auto lists = std::make_shared<Lists>();
  lists->generation = generation;
  lists->counties = choices(db, "SELECT id, name, TRUE AS active FROM county ORDER BY id");
  lists->categories = choices(db, "SELECT id, name, active FROM category ORDER BY id");
  for (const auto& r : db.query("SELECT id, name, IFNULL(yearly_hours_required, 0) AS hours,"
                                " applies_to = 'kindergarten' AS kindergarten, active FROM tag ORDER BY id")) {
    lists->tags.push_back({r.i64("id"), r.str("name"), r.flag("active")});
    lists->tag_rules.push_back({r.i64("id"), r.str("name"), r.i32("hours"), r.flag("kindergarten")});
  }
  for (const auto& r : db.query("SELECT id, label, used_for, needs_text FROM return_reason"
                                " WHERE active ORDER BY sort_order, id")) {
    auto& list = r.str("used_for") == "roster" ? lists->active_roster_reasons : lists->active_reasons;
    list.push_back({r.i32("id"), r.str("label"), r.flag("needs_text")});
  }
  return lists;
}
}  // namespace

std::shared_ptr<const Lists> lists(db::Connection& db) {
  static std::mutex mutex;
  static std::shared_ptr<const Lists> kept;  // listed in shared/caches.h
  const auto generation = static_cast<uint64_t>(
      db.query_one("SELECT value FROM reference_generation WHERE id = 1")->i64(0));
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (kept && kept->generation == generation) return kept;
  }
  auto fresh = read(db, generation);
  std::lock_guard<std::mutex> lock(mutex);
  kept = fresh;
  return fresh;
}

const Choice* find(const std::vector<Choice>& choices, int64_t id) {
  for (const auto& c : choices) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::vector<Choice> offered(const std::vector<Choice>& choices, const std::vector<int64_t>& kept) {
  std::vector<Choice> out;
  for (const auto& c : choices) {
    if (c.active || std::find(kept.begin(), kept.end(), c.id) != kept.end()) out.push_back(c);
  }
  return out;
}

}  // namespace shared::reference
