// SQL of the settings the national centre keeps: return reasons, county figures, attribute tags
// and course categories.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"

namespace admin::sql {

struct Reason {
  int64_t id = 0;
  std::string label;
  std::string used_for;  // course: 課程確認未通過; roster: 名單確認未通過
  bool needs_text = false, active = false;
};
std::vector<Reason> reasons(db::Connection& db);  // all of them, course ones first, in the reviewers' order
bool reason_exists(db::Connection& db, const std::string& label, const std::string& used_for);
void insert_reason(db::Connection& db, const std::string& label, const std::string& used_for,
                   bool needs_text);  // last in order
bool toggle_reason(db::Connection& db, int64_t id);  // false: no such reason

struct County {
  int64_t id = 0;
  std::string name;
  int min_days_before_start = 7, overdue_grace_days = 7, red_light_threshold = 5;
};
std::vector<County> counties(db::Connection& db);
std::optional<County> find_county(db::Connection& db, int64_t id);
void update_county(db::Connection& db, int64_t id, int min_days, int grace_days, int red_threshold);

// 屬性標籤 and the yearly hours each mandates (issue 9); 0 hours: none.
struct Tag {
  int64_t id = 0;
  std::string name;
  int yearly_hours = 0;
  std::string applies_to;  // all, kindergarten
  bool active = true;
  int courses = 0;  // courses carrying it, whatever their state
};
std::vector<Tag> tags(db::Connection& db);
std::optional<Tag> find_tag(db::Connection& db, int64_t id);
void update_tag(db::Connection& db, int64_t id, std::optional<int> yearly_hours,
                const std::string& applies_to);
// The tag other than `except_id` already named `name`, or 0.
int64_t tag_named(db::Connection& db, const std::string& name, int64_t except_id);
int64_t insert_tag(db::Connection& db, const std::string& name);  // active, no yearly hours
void rename_tag(db::Connection& db, int64_t id, const std::string& name);
void set_tag_active(db::Connection& db, int64_t id, bool active);

// 課程類別: retired, never deleted (a course's category_id is NOT NULL).
struct Category {
  int64_t id = 0;
  std::string name;
  bool active = true;
  int courses = 0;
};
std::vector<Category> categories(db::Connection& db);
std::optional<Category> find_category(db::Connection& db, int64_t id);
int64_t category_named(db::Connection& db, const std::string& name, int64_t except_id);
int64_t insert_category(db::Connection& db, const std::string& name);
void rename_category(db::Connection& db, int64_t id, const std::string& name);
void set_category_active(db::Connection& db, int64_t id, bool active);

// What waits for the administrator: partner applications not yet decided.
int applications_waiting(db::Connection& db);

}  // namespace admin::sql
