#include "subscriptions/subscription_handlers.h"

#include "app/routes.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/course_rules.h"
#include "domain/validation.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"
#include "shared/reference.h"
#include "subscriptions/subscription_sql.h"

namespace subscriptions {

namespace {

constexpr int kMaxPerTeacher = 10;

std::string name_in(const std::vector<shared::reference::Choice>& choices, int64_t id) {
  for (const auto& c : choices) {
    if (c.id == id) return c.name;
  }
  return "";
}

// What a typed subscription cannot be, in Chinese; "" when it may be saved.
std::string refusal_of(db::Connection& db, const core::Params& in, const site::SearchForm& form) {
  if (!form.notes.empty()) return form.notes.front();
  const auto lists = shared::reference::lists(db);
  if (form.county && name_in(lists->counties, form.county).empty()) return "請從選單選擇縣市。";
  if (form.tag && name_in(lists->tags, form.tag).empty()) return "請從選單選擇屬性標籤。";
  if (form.category && name_in(lists->categories, form.category).empty()) return "請從選單選擇課程類別。";
  if (!in.get_or("level").empty() && form.level.empty()) return "請從選單選擇適用層級。";
  if (!site::has_conditions(form)) return "請至少設定一個條件（關鍵字、縣市、適用層級、屬性標籤或只看開放報名），才能訂閱。";
  return "";
}

core::Response show(core::Context& cx, const core::Params* typed, const std::string& refusal, int status) {
  core::Page page(cx, "subscriptions/list.tpl", "研習資訊訂閱");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("teacher.subscriptions.create"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetIntValue("MAX", kMaxPerTeacher);
  const auto mine = sql::of_teacher(cx.db(), cx.user().id);
  for (const auto& s : mine) {
    const site::SearchForm form = parsed_search(s.search, 20);
    auto* row = body.AddSectionDictionary("SUBSCRIPTION");
    row->SetIntValue("ID", s.id);
    row->SetValue("WORDS", describe(cx.db(), form));
    row->SetValue("SEARCH_URL", site::search_url(form, 1));
    row->SetValue("SINCE", shared::roc_date(s.created_at.substr(0, 10)));
    row->SetValue("DELETE_URL", app::url_for("teacher.subscriptions.delete", {std::to_string(s.id)}));
  }
  if (mine.empty()) body.ShowSection("NONE");
  if (!refusal.empty()) {
    core::FieldErrors errors;
    errors.add("form", refusal);
    shared::fill_errors(body, errors);
  }
  const auto lists = shared::reference::lists(cx.db());
  const core::Params empty;
  const core::Params& in = typed ? *typed : empty;
  body.SetValue("Q", in.get_or("q"));
  std::vector<shared::Option> counties, tags, levels;
  for (const auto& c : lists->counties) counties.push_back({std::to_string(c.id), c.name});
  for (const auto& t : lists->tags) {
    if (t.active || std::to_string(t.id) == in.get_or("tag")) tags.push_back({std::to_string(t.id), t.name});
  }
  for (const char* code : domain::kLevelCodes) levels.push_back({code, shared::level_label(code)});
  shared::fill_options(body, "COUNTY_OPTION", counties, {in.get_or("county")});
  shared::fill_options(body, "TAG_OPTION", tags, {in.get_or("tag")});
  shared::fill_options(body, "LEVEL_OPTION", levels, {in.get_or("level")});
  if (in.get_or("open") == "1") body.ShowSection("OPEN_CHECKED");
  return page.render(status);
}

// The subscription a signed link names, when its MAC is right: (teacher, subscription or 0).
std::optional<std::pair<int64_t, int64_t>> signed_target(const core::Context& cx) {
  const std::string token = cx.param("token");
  const size_t a = token.find('.');
  const size_t b = a == std::string::npos ? a : token.find('.', a + 1);
  if (b == std::string::npos) return std::nullopt;
  const auto teacher = domain::parse_integer(token.substr(0, a), 1, 4294967295LL);
  const auto subscription = domain::parse_integer(token.substr(a + 1, b - a - 1), 0, 4294967295LL);
  if (!teacher || !subscription) return std::nullopt;
  if (!core::constant_time_equal(token, unsubscribe_token(cx.config(), *teacher, *subscription))) return std::nullopt;
  return std::pair{*teacher, *subscription};
}

core::Response bad_link(core::Context& cx) {
  return core::render_error_page(cx, 404, "連結無效", "這個取消訂閱的連結不完整或已被修改。請使用電子郵件中的連結，或登入後到「研習資訊訂閱」管理。");
}

}  // namespace

site::SearchForm parsed_search(const std::string& search, int page_size) {
  core::Params params;
  core::parse_urlencoded(search, core::Limits{}, params);
  return site::parse_search(params, page_size);
}

std::string describe(db::Connection& db, const site::SearchForm& f) {
  const auto lists = shared::reference::lists(db);
  std::vector<std::string> parts;
  if (!f.q.empty()) parts.push_back("關鍵字「" + f.q + "」");
  if (!f.unit.empty()) parts.push_back("開課單位「" + f.unit + "」");
  if (f.county) parts.push_back(name_in(lists->counties, f.county));
  if (f.category) parts.push_back(name_in(lists->categories, f.category));
  if (!f.level.empty()) parts.push_back(shared::level_label(f.level));
  if (f.tag) parts.push_back("屬性標籤「" + name_in(lists->tags, f.tag) + "」");
  if (!f.from.empty() || !f.to.empty()) {
    parts.push_back("研習日期 " + shared::roc_date(f.from) + "–" + shared::roc_date(f.to));
  }
  if (f.open_now) parts.push_back("只看開放報名");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "、") + p;
  return out;
}

std::string unsubscribe_token(const core::Config& config, int64_t teacher_id, int64_t subscription_id) {
  const std::string target = std::to_string(teacher_id) + "." + std::to_string(subscription_id);
  return target + "." + core::hmac_sha256_b64(config.secret, "unsubscribe:" + target);
}

core::Response list(core::Context& cx) { return show(cx, nullptr, "", 200); }

core::Response subscribe(core::Context& cx) {
  const core::Params& in = cx.req().form;
  const site::SearchForm form = site::parse_search(in, 20);
  if (std::string why = refusal_of(cx.db(), in, form); !why.empty()) {
    return show(cx, &in, why + "沒有新增訂閱。", 422);
  }
  if (sql::count_of_teacher(cx.db(), cx.user().id) >= kMaxPerTeacher) {
    return show(cx, &in, "每人最多 " + std::to_string(kMaxPerTeacher) + " 個訂閱，請先刪除不需要的再新增。", 409);
  }
  const auto id = sql::insert(cx.db(), cx.user().id, site::search_query(form));
  if (!id) return show(cx, &in, "您已訂閱相同條件的搜尋，沒有重複新增。", 409);
  shared::access::audit(cx, "subscription.create", std::to_string(*id), site::search_query(form));
  cx.flash("已訂閱：" + describe(cx.db(), form) + "。每天會以電子郵件通知新核准的相符研習。");
  return cx.see_other(app::url_for("teacher.subscriptions"));
}

core::Response unsubscribe(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 4294967295LL);
  if (!id || sql::remove(cx.db(), cx.user().id, *id) == 0) return cx.not_found();
  shared::access::audit(cx, "subscription.delete", std::to_string(*id));
  cx.flash("已刪除這個訂閱。");
  return cx.see_other(app::url_for("teacher.subscriptions"));
}

core::Response unsubscribe_form(core::Context& cx) {
  const auto target = signed_target(cx);
  if (!target) return bad_link(cx);
  core::Page page(cx, "subscriptions/unsubscribe.tpl", "取消研習資訊訂閱");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("unsubscribe", {cx.param("token")}));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  const auto mine = sql::of_teacher(cx.db(), target->first);
  bool any = false;
  for (const auto& s : mine) {
    if (target->second != 0 && s.id != target->second) continue;
    body.AddSectionDictionary("SUBSCRIPTION")->SetValue("WORDS", describe(cx.db(), parsed_search(s.search, 20)));
    any = true;
  }
  if (!any) {
    body.ShowSection("NOTHING_LEFT");
  } else {
    body.ShowSection(target->second == 0 ? "ALL" : "ONE");
  }
  return page.render();
}

core::Response unsubscribe_signed(core::Context& cx) {
  const auto target = signed_target(cx);
  if (!target) return bad_link(cx);
  const uint64_t removed = sql::remove(cx.db(), target->first, target->second);
  if (removed > 0) {
    shared::access::audit_as(cx, "t:" + std::to_string(target->first), "subscription.unsubscribe",
                             std::to_string(target->second), "mailed link");
  }
  core::Page page(cx, "subscriptions/unsubscribed.tpl", "已取消研習資訊訂閱");
  page.body().SetIntValue("REMOVED", static_cast<long>(removed));
  if (removed == 0) page.body().ShowSection("ALREADY");
  return page.render();
}

}  // namespace subscriptions
