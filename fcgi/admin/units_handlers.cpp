// 單位管理 (issue 10): the administrator adds and edits units, and sets who reviews them — the
// governing authority and the review unit that overrides 第11條 (unit.authority_unit_id,
// unit.review_unit_id), whether a unit is itself a review unit and which 第11條 role it plays
// (unit.is_review_unit, unit.review_role; a county bureau reviews its own county). A course keeps
// the review unit fixed when it was registered (course.review_unit_id): a change here routes only
// courses registered afterwards, and the pages say so. Every change is audited as "u:<id>" with
// its before → after and listed on the unit's page; /organisation reads the units live.
#include <algorithm>
#include <map>

#include "admin/admin_handlers.h"
#include "admin/units_sql.h"
#include "app/routes.h"
#include "core/form.h"
#include "core/view.h"
#include "domain/jurisdiction.h"
#include "domain/review_routing.h"
#include "domain/unit_rules.h"
#include "domain/validation.h"
#include "shared/access.h"
#include "shared/course_store.h"
#include "shared/form_view.h"
#include "shared/labels.h"
#include "shared/reference.h"

namespace admin {

namespace {

using core::FieldKind;

constexpr long kPageSize = 50;
constexpr long kMaxPage = 100000;
constexpr long kChangesShown = 100;
constexpr size_t kMaxQueryChars = 100;

const std::vector<std::string> kLevels = {
    "university", "teacher_university", "senior_high", "vocational_high", "junior_high", "elementary",
    "kindergarten", "special_school", "study_centre", "social_institution", "local_government", "review_body"};
const std::vector<std::string> kOwnerships = {"national", "municipal", "county", "private", "other"};
const std::vector<std::string> kOwnershipLabels = {"國立", "直轄市立／市立", "縣立", "私立", "其他（法人、機關）"};
const std::vector<std::string> kRoles = {"national_centre", "county_bureau", "recognition_panel"};
const std::vector<std::string> kRoleLabels = {"全國教師在職進修資訊網及全國推廣中心", "縣市教育局處（審核本縣市）",
                                              "社會教育機構或法人辦理教師進修認可審查小組"};

std::vector<std::string> level_labels() {
  std::vector<std::string> out;
  for (const auto& c : kLevels) out.push_back(domain::unit_level_label(*domain::parse_unit_level(c)));
  return out;
}

std::string label_in(const std::vector<std::string>& codes, const std::vector<std::string>& labels,
                     const std::string& code, const char* none = "（未設定）") {
  for (size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == code) return labels[i];
  }
  return none;
}

const core::FormSpec kFactsForm = {
    {"code", "單位代碼", FieldKind::kText, true, 10},
    {"name", "單位名稱", FieldKind::kText, true, 100},
    {"county_id", "縣市", FieldKind::kInteger, true, 255, 1},
    {"level", "層級", FieldKind::kChoice, true, 0, 0, kLevels, level_labels()},
    {"ownership", "公私立", FieldKind::kChoice, true, 0, 0, kOwnerships, kOwnershipLabels},
    {"recognised_by_article3", "依認可辦法第3條認可", FieldKind::kFlag},
    {"has_legal_person", "具法人資格", FieldKind::kFlag},
    {"community_college", "社區大學", FieldKind::kFlag},
};

// Blank authority or review unit: none set (第11條 alone decides).
const core::FormSpec kRoutingForm = {
    {"authority_unit_id", "所屬主管機關", FieldKind::kInteger, false, 4294967295LL, 1},
    {"review_unit_id", "指定審課單位", FieldKind::kInteger, false, 4294967295LL, 1},
    {"is_review_unit", "本單位為審課單位", FieldKind::kFlag},
    {"review_role", "第11條審課角色", FieldKind::kChoice, false, 0, 0, kRoles, kRoleLabels},
};

std::string object_of(int64_t unit_id) { return "u:" + std::to_string(unit_id); }
std::string unit_url(int64_t id) { return app::url_for("admin.unit", {std::to_string(id)}); }
std::string yes_no(bool v) { return v ? "是" : "否"; }

const char* action_label(const std::string& action) {
  if (action == "unit.create") return "新增單位";
  if (action == "unit.update") return "修改基本資料";
  if (action == "unit.review") return "變更審課設定";
  return "其他";
}

// The unit as 第11條 routing reads it, with the form's facts when given.
domain::RoutedUnitFacts routed(const sql::Unit& u) {
  domain::RoutedUnitFacts r{std::nullopt, u.county_id, u.authority_unit_id, u.review_unit_id};
  const auto level = domain::parse_unit_level(u.level);
  const auto ownership = domain::parse_ownership(u.ownership);
  if (level && ownership) {
    r.facts = domain::UnitFacts{*level, *ownership, u.recognised_by_article3, u.has_legal_person,
                                u.community_college};
  }
  return r;
}

std::string name_of(const std::vector<sql::ReviewUnit>& units, int64_t id, const char* none) {
  if (id == 0) return none;
  for (const auto& u : units) {
    if (u.id == id) return u.name;
  }
  return "單位 " + std::to_string(id);
}

// "依第11條：縣市教育局處" or "系統管理員指定": why the unit's courses go where they go.
std::string route_reason(const sql::Unit& u) {
  if (u.review_unit_id != 0) return "系統管理員指定";
  const auto r = routed(u);
  if (!r.facts) return "依第11條";
  return std::string("依第11條：") + domain::review_body_label(domain::review_body_for(*r.facts));
}

// templates/admin/unit_facts.tpl, the fields of a unit's facts on the add and edit pages.
void fill_facts(ctemplate::TemplateDictionary& parent, const core::Form& form, core::Context& cx) {
  auto& dict = *parent.AddIncludeDictionary("FACTS_FIELDS");
  dict.SetFilename("admin/unit_facts.tpl");
  shared::fill_form(dict, form);
  std::vector<shared::Option> counties;
  for (const auto& c : shared::reference::lists(cx.db())->counties) counties.push_back({std::to_string(c.id), c.name});
  shared::fill_options(dict, "COUNTY_OPTION", counties, {form.raw("county_id")});
  std::vector<shared::Option> levels;
  const auto labels = level_labels();
  for (size_t i = 0; i < kLevels.size(); ++i) levels.push_back({kLevels[i], labels[i]});
  shared::fill_options(dict, "LEVEL_OPTION", levels, {form.raw("level")});
  std::vector<shared::Option> ownerships;
  for (size_t i = 0; i < kOwnerships.size(); ++i) ownerships.push_back({kOwnerships[i], kOwnershipLabels[i]});
  shared::fill_options(dict, "OWNERSHIP_OPTION", ownerships, {form.raw("ownership")});
  const std::pair<const char*, const char*> flags[] = {{"recognised_by_article3", "ARTICLE3_CHECKED"},
                                                       {"has_legal_person", "LEGAL_PERSON_CHECKED"},
                                                       {"community_college", "COMMUNITY_COLLEGE_CHECKED"}};
  for (const auto& [field, section] : flags) {
    if (form.flag(field)) dict.ShowSection(section);
  }
}

core::Form facts_of(const sql::Unit& u) {
  core::Form f(kFactsForm);
  f.set_raw("code", u.code);
  f.set_raw("name", u.name);
  f.set_raw("county_id", std::to_string(u.county_id));
  f.set_raw("level", u.level);
  f.set_raw("ownership", u.ownership);
  f.set_raw("recognised_by_article3", u.recognised_by_article3 ? "1" : "");
  f.set_raw("has_legal_person", u.has_legal_person ? "1" : "");
  f.set_raw("community_college", u.community_college ? "1" : "");
  return f;
}

core::Form routing_of(const sql::Unit& u) {
  core::Form f(kRoutingForm);
  f.set_raw("authority_unit_id", u.authority_unit_id ? std::to_string(u.authority_unit_id) : "");
  f.set_raw("review_unit_id", u.review_unit_id ? std::to_string(u.review_unit_id) : "");
  f.set_raw("is_review_unit", u.is_review_unit ? "1" : "");
  f.set_raw("review_role", u.review_role);
  return f;
}

// The facts as typed, checked beyond the form's table: a code right for the level and used by no
// other unit (`code_taken` when another has it), a county that exists. Nothing is written here.
std::optional<sql::UnitFacts> read_facts(core::Context& cx, core::Form& form, int64_t self, bool& code_taken) {
  const std::string code = domain::normalize_unit_code(form.raw("code"));
  const auto level = domain::parse_unit_level(form.raw("level"));
  if (!form.errors().has("code") && level) {
    const std::string problem = domain::unit_code_problem(code, *level);
    if (!problem.empty()) {
      form.errors().add("code", problem);
    } else if (const int64_t other = sql::unit_with_code(cx.db(), code, self)) {
      code_taken = true;
      const auto taken = sql::find_unit(cx.db(), other);
      form.errors().add("code", "單位代碼 " + code + " 已由「" + (taken ? taken->name : "其他單位") +
                                    "」使用，不能重複。");
    }
  }
  const auto county = form.integer("county_id");
  if (county && !shared::reference::find(shared::reference::lists(cx.db())->counties, *county)) {
    form.errors().add("county_id", "請從選單選擇縣市。");
  }
  if (!form.ok()) return std::nullopt;
  return sql::UnitFacts{code,
                        form.text("name"),
                        form.text("level"),
                        form.text("ownership"),
                        *county,
                        form.flag("recognised_by_article3"),
                        form.flag("has_legal_person"),
                        form.flag("community_college")};
}

core::Response show_new(core::Context& cx, const core::Form& form, int status) {
  core::Page page(cx, "admin/unit_new.tpl", "新增單位");
  auto& body = page.body();
  body.SetValue("LIST_URL", app::url_for("admin.units"));
  body.SetValue("ACTION", app::url_for("admin.units.create"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  fill_facts(body, form, cx);
  return page.render(status);
}

core::Response show_unit(core::Context& cx, const sql::Unit& u, const core::Form& facts,
                         const core::Form& routing, int status) {
  core::Page page(cx, "admin/unit.tpl", "單位管理：" + u.name);
  auto& body = page.body();
  const std::string csrf = cx.csrf_token();
  body.SetValue("LIST_URL", app::url_for("admin.units"));
  body.SetValue("ORGANISATION_URL", app::url_for("organisation"));
  body.SetValue("CODE", u.code);
  body.SetValue("NAME", u.name);
  body.SetIntValue("ID", u.id);
  const auto reviewers = sql::review_units(cx.db());
  const int64_t reviewer = domain::review_unit_of(routed(u), sql::roles_of(reviewers));
  body.SetValue("REVIEWER", name_of(reviewers, reviewer, "（找不到審課單位：新課程無法登錄）"));
  body.SetValue("ROUTE_REASON", route_reason(u));
  body.SetIntValue("OPEN_COURSES", sql::open_courses_of(cx.db(), u.id));
  if (u.is_review_unit || !u.review_role.empty()) {
    auto* as_reviewer = body.AddSectionDictionary("AS_REVIEWER");
    as_reviewer->SetIntValue("REVIEWED_OPEN", sql::open_courses_reviewed_by(cx.db(), u.id));
    as_reviewer->SetIntValue("DEPENDANTS", sql::dependants(cx.db(), u.id));
    as_reviewer->SetValue("ORGANISATION_URL", app::url_for("organisation") + "#review-unit-" + std::to_string(u.id));
  }

  auto* f = body.AddSectionDictionary("FACTS");
  f->SetValue("ACTION", unit_url(u.id));
  f->SetValue("CSRF_TOKEN", csrf);
  fill_facts(*f, facts, cx);

  auto* r = body.AddSectionDictionary("ROUTING");
  r->SetValue("ACTION", app::url_for("admin.unit.review", {std::to_string(u.id)}));
  r->SetValue("CSRF_TOKEN", csrf);
  shared::fill_form(*r, routing);
  std::vector<shared::Option> authorities{{"", "（未設定）"}}, overrides{{"", "（不指定，依第11條）"}};
  for (const auto& ru : reviewers) {
    if (ru.id == u.id) continue;  // a unit is not its own authority
    authorities.push_back({std::to_string(ru.id), ru.code + " " + ru.name});
  }
  for (const auto& ru : reviewers) overrides.push_back({std::to_string(ru.id), ru.code + " " + ru.name});
  shared::fill_options(*r, "AUTHORITY_OPTION", authorities, {routing.raw("authority_unit_id")});
  shared::fill_options(*r, "OVERRIDE_OPTION", overrides, {routing.raw("review_unit_id")});
  std::vector<shared::Option> roles{{"", "（無）"}};
  for (size_t i = 0; i < kRoles.size(); ++i) roles.push_back({kRoles[i], kRoleLabels[i]});
  shared::fill_options(*r, "ROLE_OPTION", roles, {routing.raw("review_role")});
  if (routing.flag("is_review_unit")) r->ShowSection("IS_REVIEW_UNIT_CHECKED");

  const auto changes = sql::unit_changes(cx.db(), u.id, kChangesShown);
  if (changes.empty()) body.ShowSection("NO_CHANGES");
  for (const auto& c : changes) {
    auto* row = body.AddSectionDictionary("CHANGE");
    row->SetValue("AT", shared::roc_datetime(c.at));
    row->SetValue("WHO", c.who);
    row->SetValue("ACTION", action_label(c.action));
    row->SetValue("DETAIL", c.detail);
  }
  return page.render(status);
}

std::optional<sql::Unit> requested_unit(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 4294967295LL);
  if (!id) return std::nullopt;
  return sql::find_unit(cx.db(), *id);
}

std::string list_url(const std::string& q, long page) {
  return app::url_for("admin.units") + "?q=" + core::url_encode(q) + "&page=" + std::to_string(page);
}

std::string level_text(const std::string& code) {
  const auto level = domain::parse_unit_level(code);
  return level ? domain::unit_level_label(*level) : code;
}

// Re-indexes the unit's public courses after its name or county changed (the search shows both);
// Mroonga takes no part in transactions, so this runs once the change is committed.
void reindex_courses(core::Context& cx, int64_t unit_id) {
  for (int64_t course : sql::public_courses_of(cx.db(), unit_id)) course_store::sync_search(cx.db(), course);
}

}  // namespace

core::Response units(core::Context& cx) {
  const auto& query = cx.req().query;
  const std::string q = domain::utf8_prefix(domain::trim(query.get_or("q")), kMaxQueryChars);
  long page_no = static_cast<long>(domain::parse_integer(query.get_or("page"), 1, kMaxPage).value_or(1));
  auto list = sql::find_units(cx.db(), q, kPageSize, (page_no - 1) * kPageSize);
  const long pages = std::max<long>(1, (list.total + kPageSize - 1) / kPageSize);
  if (page_no > pages) {  // past the end: the last page
    page_no = pages;
    list = sql::find_units(cx.db(), q, kPageSize, (page_no - 1) * kPageSize);
  }
  core::Page page(cx, "admin/units.tpl", "單位管理");
  auto& body = page.body();
  body.SetValue("ADMIN_URL", app::url_for("admin.home"));
  body.SetValue("LIST_URL", app::url_for("admin.units"));
  body.SetValue("NEW_URL", app::url_for("admin.units.new"));
  body.SetValue("ORGANISATION_URL", app::url_for("organisation"));
  body.SetValue("Q", q);
  body.SetIntValue("TOTAL", list.total);
  if (!q.empty()) body.SetValueAndShowSection("CLEAR_URL", app::url_for("admin.units"), "FILTERED");
  const auto reviewers = sql::review_units(cx.db());
  const auto roles = sql::roles_of(reviewers);
  if (list.rows.empty()) {
    body.SetValueAndShowSection("EMPTY", q.empty() ? "尚無任何單位。" : "沒有代碼或名稱符合「" + q + "」的單位。",
                                "NO_UNITS");
  } else {
    auto* table = body.AddSectionDictionary("HAS_UNITS");
    table->SetIntValue("FROM", (page_no - 1) * kPageSize + 1);
    table->SetIntValue("TO", (page_no - 1) * kPageSize + static_cast<long>(list.rows.size()));
    for (const auto& u : list.rows) {
      auto* row = table->AddSectionDictionary("UNIT");
      row->SetValue("URL", unit_url(u.id));
      row->SetValue("CODE", u.code);
      row->SetValue("NAME", u.name);
      row->SetValue("COUNTY", u.county_name);
      row->SetValue("LEVEL", level_text(u.level));
      row->SetValue("REVIEWER", name_of(reviewers, domain::review_unit_of(routed(u), roles), "（未能決定）"));
      row->SetValue("ROUTE_REASON", route_reason(u));
      if (u.is_review_unit || !u.review_role.empty()) row->ShowSection("IS_REVIEWER");
    }
  }
  if (pages > 1) {
    auto* pager = body.AddSectionDictionary("PAGER");
    pager->SetIntValue("PAGE", page_no);
    pager->SetIntValue("PAGES", pages);
    if (page_no > 1) pager->SetValueAndShowSection("URL", list_url(q, page_no - 1), "PREV");
    if (page_no < pages) pager->SetValueAndShowSection("URL", list_url(q, page_no + 1), "NEXT");
  }
  return page.render();
}

core::Response new_unit(core::Context& cx) {
  core::Form form(kFactsForm);
  form.set_raw("has_legal_person", "1");  // the column's default: most units are 法人 or public
  return show_new(cx, form, 200);
}

core::Response create_unit(core::Context& cx) {
  core::Form form(kFactsForm, cx.req().form);
  db::Transaction tx(cx.db());
  bool code_taken = false;
  const auto facts = read_facts(cx, form, 0, code_taken);
  if (!facts) {
    form.errors().add("form", "沒有新增任何單位。");
    return show_new(cx, form, code_taken ? 409 : 422);
  }
  const int64_t id = sql::insert_unit(cx.db(), *facts);
  shared::access::audit(cx, "unit.create", object_of(id),
                        facts->code + " " + facts->name + "（" + level_text(facts->level) + "）");
  tx.commit();
  cx.flash("已新增單位「" + facts->name + "」。請確認下方的審課設定：所屬主管機關與審課單位。");
  return cx.see_other(unit_url(id));
}

core::Response unit(core::Context& cx) {
  const auto u = requested_unit(cx);
  if (!u) return cx.not_found();
  return show_unit(cx, *u, facts_of(*u), routing_of(*u), 200);
}

core::Response update_unit(core::Context& cx) {
  const auto found = requested_unit(cx);
  if (!found) return cx.not_found();
  core::Form form(kFactsForm, cx.req().form);
  db::Transaction tx(cx.db());
  const auto u = sql::lock_unit(cx.db(), found->id);
  bool code_taken = false;
  const auto facts = read_facts(cx, form, u->id, code_taken);
  if (!facts) {
    form.errors().add("form", "「" + u->name + "」的基本資料沒有變更。");
    return show_unit(cx, *u, form, routing_of(*u), code_taken ? 409 : 422);
  }
  const auto counties = shared::reference::lists(cx.db())->counties;
  const auto county_name = [&counties](int64_t id) {
    const auto* c = shared::reference::find(counties, id);
    return c ? c->name : std::to_string(id);
  };
  const std::string detail = domain::describe_changes({
      {"單位代碼", u->code, facts->code},
      {"名稱", u->name, facts->name},
      {"縣市", county_name(u->county_id), county_name(facts->county_id)},
      {"層級", level_text(u->level), level_text(facts->level)},
      {"公私立", label_in(kOwnerships, kOwnershipLabels, u->ownership), label_in(kOwnerships, kOwnershipLabels, facts->ownership)},
      {"依認可辦法第3條認可", yes_no(u->recognised_by_article3), yes_no(facts->recognised_by_article3)},
      {"具法人資格", yes_no(u->has_legal_person), yes_no(facts->has_legal_person)},
      {"社區大學", yes_no(u->community_college), yes_no(facts->community_college)},
  });
  if (detail.empty()) {
    cx.flash("資料與原本相同，沒有變更。");
    return cx.see_other(unit_url(u->id));
  }
  sql::update_unit(cx.db(), u->id, *facts);
  const bool shown_elsewhere = facts->name != u->name || facts->county_id != u->county_id;
  if (shown_elsewhere) sql::refresh_unit_copies(cx.db(), u->id, facts->name);
  shared::access::audit(cx, "unit.update", object_of(u->id), detail);
  tx.commit();
  if (shown_elsewhere) reindex_courses(cx, u->id);
  cx.flash("已更新「" + facts->name + "」的基本資料。已登錄的課程維持原審課單位。");
  return cx.see_other(unit_url(u->id));
}

core::Response route_unit(core::Context& cx) {
  const auto found = requested_unit(cx);
  if (!found) return cx.not_found();
  core::Form form(kRoutingForm, cx.req().form);
  db::Transaction tx(cx.db());
  const auto u = sql::lock_unit(cx.db(), found->id);
  const auto reviewers = sql::review_units(cx.db());
  const bool is_reviewer = form.flag("is_review_unit");
  const std::string role = form.text("review_role");
  const auto review_unit = [&](int64_t id) {
    return std::any_of(reviewers.begin(), reviewers.end(), [id](const sql::ReviewUnit& r) { return r.id == id; });
  };
  const int64_t authority = form.integer("authority_unit_id").value_or(0);
  const int64_t override_unit = form.integer("review_unit_id").value_or(0);
  if (authority != 0 && (authority == u->id || !review_unit(authority))) {
    form.errors().add("authority_unit_id", "所屬主管機關須從選單的審課單位中選擇，且不能是本單位。");
  }
  // The unit itself may be its own review unit only while it stays one.
  if (override_unit != 0 && (override_unit == u->id ? !is_reviewer : !review_unit(override_unit))) {
    form.errors().add("review_unit_id", "指定審課單位須從選單的審課單位中選擇。");
  }
  if (!role.empty() && !is_reviewer) {
    form.errors().add("review_role", "只有審課單位能擔任第11條審課角色：請一併勾選「本單位為審課單位」。");
  }
  if (const int64_t taken = domain::role_taken_by(role, u->county_id, u->id, sql::roles_of(reviewers))) {
    form.errors().add("review_role", "「" + name_of(reviewers, taken, "") + "」已擔任" +
                                         label_in(kRoles, kRoleLabels, role) +
                                         (role == "county_bureau" ? "（同一縣市只能有一個）" : "（全國只能有一個）") +
                                         "，請先取消該單位的角色。");
  }
  const bool was_reviewer = u->is_review_unit || !u->review_role.empty();
  if (was_reviewer && !is_reviewer) {
    if (const int n = sql::dependants(cx.db(), u->id)) {
      form.errors().add("is_review_unit", "仍有 " + std::to_string(n) +
                                              " 個單位以本單位為所屬主管機關或指定審課單位，請先改設那些單位。");
    }
  }
  if (!form.ok()) {
    form.errors().add("form", "「" + u->name + "」的審課設定沒有變更。");
    return show_unit(cx, *u, facts_of(*u), form, 422);
  }
  const sql::Routing next{authority, override_unit, is_reviewer, role};
  const auto unit_name = [&](int64_t id, const char* none) {
    if (id == u->id) return u->name;
    return name_of(reviewers, id, none);
  };
  const std::string detail = domain::describe_changes({
      {"所屬主管機關", unit_name(u->authority_unit_id, "（未設定）"), unit_name(authority, "（未設定）")},
      {"指定審課單位", unit_name(u->review_unit_id, "（依第11條）"), unit_name(override_unit, "（依第11條）")},
      {"審課單位", yes_no(u->is_review_unit), yes_no(is_reviewer)},
      {"審課角色", label_in(kRoles, kRoleLabels, u->review_role, "（無）"), label_in(kRoles, kRoleLabels, role, "（無）")},
  });
  if (detail.empty()) {
    cx.flash("審課設定與原本相同，沒有變更。");
    return cx.see_other(unit_url(u->id));
  }
  sql::update_routing(cx.db(), u->id, next);
  const int open = sql::open_courses_of(cx.db(), u->id);
  shared::access::audit(cx, "unit.review", object_of(u->id),
                        detail + "（尚未結案的課程 " + std::to_string(open) + " 門維持原審課單位）");
  tx.commit();
  cx.flash("已更新「" + u->name + "」的審課設定：之後登錄的課程依新設定送審，已登錄的 " + std::to_string(open) +
           " 門尚未結案課程維持原審課單位。");
  return cx.see_other(unit_url(u->id));
}

}  // namespace admin
