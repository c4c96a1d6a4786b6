// SQL of the administrator's settings.
#include "admin/admin_sql.h"

namespace admin::sql {

std::vector<Reason> reasons(db::Connection& db) {
  std::vector<Reason> out;
  for (const auto& r : db.query("SELECT id, label, used_for, needs_text, active FROM return_reason"
                                " ORDER BY used_for, sort_order, id")) {
    out.push_back({r.i64("id"), r.str("label"), r.str("used_for"), r.flag("needs_text"), r.flag("active")});
  }
  return out;
}

bool reason_exists(db::Connection& db, const std::string& label, const std::string& used_for) {
  return db.query_one("SELECT 1 FROM return_reason WHERE label = ? AND used_for = ?", label, used_for)
      .has_value();
}

void insert_reason(db::Connection& db, const std::string& label, const std::string& used_for,
                   bool needs_text) {
  db.execute("INSERT INTO return_reason (label, used_for, needs_text, sort_order)"
             " SELECT ?, ?, ?, COALESCE(MAX(sort_order), 0) + 10 FROM return_reason",
             label, used_for, needs_text);
}

bool toggle_reason(db::Connection& db, int64_t id) {
  return db.execute("UPDATE return_reason SET active = NOT active WHERE id = ?", id) == 1;
}

namespace {
constexpr const char* kCountyColumns =
    "SELECT id, name, min_days_before_start, overdue_grace_days, red_light_threshold FROM county";

County county_of(const db::Row& r) {
  return {r.i64("id"), r.str("name"), r.i32("min_days_before_start"), r.i32("overdue_grace_days"),
          r.i32("red_light_threshold")};
}
}  // namespace

std::vector<County> counties(db::Connection& db) {
  std::vector<County> out;
  for (const auto& r : db.query(std::string(kCountyColumns) + " ORDER BY id")) out.push_back(county_of(r));
  return out;
}

std::optional<County> find_county(db::Connection& db, int64_t id) {
  const auto r = db.query_one(std::string(kCountyColumns) + " WHERE id = ?", id);
  if (!r) return std::nullopt;
  return county_of(*r);
}

void update_county(db::Connection& db, int64_t id, int min_days, int grace_days, int red_threshold) {
  db.execute("UPDATE county SET min_days_before_start = ?, overdue_grace_days = ?,"
             " red_light_threshold = ? WHERE id = ?",
             min_days, grace_days, red_threshold, id);
}

namespace {
constexpr const char* kTagColumns =
    "SELECT id, name, IFNULL(yearly_hours_required, 0) AS hours, applies_to, active,"
    " (SELECT COUNT(*) FROM course_tag ct WHERE ct.tag_id = tag.id) AS courses FROM tag";
Tag tag_of(const db::Row& r) {
  return {r.i64("id"), r.str("name"), r.i32("hours"), r.str("applies_to"), r.flag("active"), r.i32("courses")};
}
constexpr const char* kCategoryColumns =
    "SELECT id, name, active, (SELECT COUNT(*) FROM course c WHERE c.category_id = category.id) AS courses"
    " FROM category";
Category category_of(const db::Row& r) {
  return {r.i64("id"), r.str("name"), r.flag("active"), r.i32("courses")};
}
}  // namespace

std::vector<Tag> tags(db::Connection& db) {
  std::vector<Tag> out;
  for (const auto& r : db.query(std::string(kTagColumns) + " ORDER BY id")) out.push_back(tag_of(r));
  return out;
}

std::optional<Tag> find_tag(db::Connection& db, int64_t id) {
  const auto r = db.query_one(std::string(kTagColumns) + " WHERE id = ?", id);
  if (!r) return std::nullopt;
  return tag_of(*r);
}

void update_tag(db::Connection& db, int64_t id, std::optional<int> yearly_hours,
                const std::string& applies_to) {
  db.execute("UPDATE tag SET yearly_hours_required = ?, applies_to = ? WHERE id = ?", yearly_hours,
             applies_to, id);
}

int64_t tag_named(db::Connection& db, const std::string& name, int64_t except_id) {
  const auto r = db.query_one("SELECT id FROM tag WHERE name = ? AND id <> ?", name, except_id);
  return r ? r->i64(0) : 0;
}

int64_t insert_tag(db::Connection& db, const std::string& name) {
  db.execute("INSERT INTO tag (name) VALUES (?)", name);
  return static_cast<int64_t>(db.last_insert_id());
}

void rename_tag(db::Connection& db, int64_t id, const std::string& name) {
  db.execute("UPDATE tag SET name = ? WHERE id = ?", name, id);
}

void set_tag_active(db::Connection& db, int64_t id, bool active) {
  db.execute("UPDATE tag SET active = ? WHERE id = ?", active, id);
}

std::vector<Category> categories(db::Connection& db) {
  std::vector<Category> out;
  for (const auto& r : db.query(std::string(kCategoryColumns) + " ORDER BY id")) out.push_back(category_of(r));
  return out;
}

std::optional<Category> find_category(db::Connection& db, int64_t id) {
  const auto r = db.query_one(std::string(kCategoryColumns) + " WHERE id = ?", id);
  if (!r) return std::nullopt;
  return category_of(*r);
}

int64_t category_named(db::Connection& db, const std::string& name, int64_t except_id) {
  const auto r = db.query_one("SELECT id FROM category WHERE name = ? AND id <> ?", name, except_id);
  return r ? r->i64(0) : 0;
}

int64_t insert_category(db::Connection& db, const std::string& name) {
  db.execute("INSERT INTO category (name) VALUES (?)", name);
  return static_cast<int64_t>(db.last_insert_id());
}

void rename_category(db::Connection& db, int64_t id, const std::string& name) {
  db.execute("UPDATE category SET name = ? WHERE id = ?", name, id);
}

void set_category_active(db::Connection& db, int64_t id, bool active) {
  db.execute("UPDATE category SET active = ? WHERE id = ?", active, id);
}

int applications_waiting(db::Connection& db) {
  return static_cast<int>(db.query_one("SELECT COUNT(*) FROM partner WHERE status = 'applied'")->i64(0));
}

}  // namespace admin::sql
