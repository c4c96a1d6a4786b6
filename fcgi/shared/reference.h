// Reference lists every form and search shows (縣市, 課程類別, 屬性標籤, 退回理由), kept by each
// worker until the administrator changes one of them (reference_generation, bumped by triggers).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/db.h"

namespace shared::reference {

struct Choice {
  int64_t id = 0;
  std::string name;
  bool active = true;  // a retired tag or category: shown on what carries it, offered no more
};
struct Reason {
  int id = 0;
  std::string label;
  bool needs_text = false;  // 「其他」: the reviewer must explain
};
// The yearly hours an attribute tag mandates (issue 9), as the administrator set them.
struct TagRule {
  int64_t id = 0;
  std::string name;
  int yearly_hours = 0;  // 0: none
  bool kindergarten_only = false;
};
struct Lists {
  std::vector<Choice> counties, categories, tags;
  std::vector<TagRule> tag_rules;            // every tag, in the order of `tags`
  std::vector<Reason> active_reasons;         // of a course, in the administrator's order
  std::vector<Reason> active_roster_reasons;  // of a roster (名單確認未通過)
  uint64_t generation = 0;
};

// The lists as of now: one read of reference_generation, and the lists themselves only when it
// moved since this worker last read them.
std::shared_ptr<const Lists> lists(db::Connection& db);

// The choice with this id, or nullptr.
const Choice* find(const std::vector<Choice>& choices, int64_t id);
// What a form offers: the active choices, and a retired one only when it is `kept` (already on
// the course or in the search being shown).
std::vector<Choice> offered(const std::vector<Choice>& choices, const std::vector<int64_t>& kept);

}  // namespace shared::reference
