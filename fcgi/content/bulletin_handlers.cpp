#include "content/bulletin_handlers.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "app/routes.h"
#include "content/content_sql.h"
#include "core/form.h"
#include "core/view.h"
#include "domain/atom.h"
#include "domain/text_html.h"
#include "domain/validation.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"
#include "site/course_feeds.h"

namespace content {

namespace {
using core::FieldKind;

constexpr int kPageSize = 20;
constexpr int kFeedPosts = 30;
constexpr long kMaxPage = 10000;

const core::FormSpec kPostForm = {
    {"title", "標題", FieldKind::kText, true, 200},
    {"body", "內容", FieldKind::kText, true, 5000},
    {"audience", "對象", FieldKind::kChoice, true, 0, 0, {"everyone", "teachers", "business"},
     {"所有人", "教師", "業務帳號"}},
    {"publish_at", "公告時間", FieldKind::kDateTime, true},
    {"expires_at", "下架時間", FieldKind::kDateTime, false},
    {"pinned", "置頂", FieldKind::kFlag},
};

std::string audience_label(const std::string& code) {
  if (code == "teachers") return "教師";
  if (code == "business") return "業務帳號";
  return "所有人";
}

// "2026-12-01 09:00" as the database stores it, from the form's date and minute.
std::string stored_time(const std::pair<domain::Date, int>& t) {
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", t.second / 60, t.second % 60);
  return domain::to_iso(t.first) + " " + hm;
}

// The datetime-local value of a stored time.
std::string input_time(std::string stored) {
  std::replace(stored.begin(), stored.end(), ' ', 'T');
  return stored;
}

std::optional<sql::Post> requested_post(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 4294967295LL);
  return id ? sql::find_post(cx.db(), *id) : std::nullopt;
}

void fill_post_row(ctemplate::TemplateDictionary& row, const sql::Post& p) {
  row.SetValue("URL", app::url_for("bulletin.show", {std::to_string(p.id)}));
  row.SetValue("TITLE", p.title);
  row.SetValue("DATE", shared::roc_date(p.publish_at.substr(0, 10)));
  row.SetValue("SUMMARY", domain::first_paragraph(p.body, 80));
  if (p.pinned) row.ShowSection("PINNED");
}

core::Response show_form(core::Context& cx, const core::Form& form, const sql::Post* post, int status) {
  core::Page page(cx, "content/post_form.tpl", post ? "編輯公告" : "新增公告");
  auto& body = page.body();
  body.SetValue("LIST_URL", app::url_for("admin.bulletin"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  if (post) {
    body.SetValue("ACTION", app::url_for("admin.bulletin.update", {std::to_string(post->id)}));
    body.SetValueAndShowSection("DELETE_URL", app::url_for("admin.bulletin.delete", {std::to_string(post->id)}),
                                "EXISTING");
    body.SetValue("HEADING", "編輯公告");
  } else {
    body.SetValue("ACTION", app::url_for("admin.bulletin.create"));
    body.SetValue("HEADING", "新增公告");
  }
  shared::fill_form(body, form);
  shared::fill_options(body, "AUDIENCE_OPTION",
                       {{"everyone", "所有人"}, {"teachers", "教師"}, {"business", "業務帳號"}},
                       {form.raw("audience").empty() ? "everyone" : form.raw("audience")});
  if (form.flag("pinned")) body.ShowSection("PINNED_CHECKED");
  return page.render(status);
}

// The post a valid form describes, or nullopt with the reason added to the form.
std::optional<sql::PostFields> fields_of(core::Form& form) {
  if (!form.ok()) return std::nullopt;
  sql::PostFields f{form.text("title"), form.text("body"), form.text("audience"),
                    stored_time(*form.date_time("publish_at")), "", form.flag("pinned")};
  if (const auto expires = form.date_time("expires_at")) f.expires_at = stored_time(*expires);
  if (!f.expires_at.empty() && f.expires_at <= f.publish_at) {
    form.errors().add("expires_at", "下架時間須晚於公告時間。");
    return std::nullopt;
  }
  return f;
}

}  // namespace

std::string audience_of(const core::User& user) {
  if (!user.signed_in()) return "everyone";
  return user.is_teacher() ? "teachers" : "business";
}

core::Response bulletin(core::Context& cx) {
  const std::string audience = audience_of(cx.user());
  const int64_t total = sql::count_current_posts(cx.db(), audience);
  const long pages = std::max<long>(1, static_cast<long>((total + kPageSize - 1) / kPageSize));
  long page_no = static_cast<long>(domain::parse_integer(cx.req().query.get_or("page"), 1, kMaxPage).value_or(1));
  page_no = std::min(page_no, pages);
  core::Page page(cx, "content/bulletin.tpl", "公佈欄");
  auto& body = page.body();
  body.SetValue("ATOM_URL", app::url_for("bulletin.atom"));
  const auto posts = sql::current_posts(cx.db(), audience, kPageSize, static_cast<int>((page_no - 1) * kPageSize));
  for (const auto& p : posts) fill_post_row(*body.AddSectionDictionary("POST"), p);
  if (posts.empty()) body.ShowSection("NO_POSTS");
  if (pages > 1) {
    auto* pager = body.AddSectionDictionary("PAGER");
    pager->SetIntValue("PAGE", page_no);
    pager->SetIntValue("PAGES", pages);
    const std::string list = app::url_for("bulletin");
    if (page_no > 1) pager->SetValueAndShowSection("URL", list + "?page=" + std::to_string(page_no - 1), "PREV");
    if (page_no < pages) pager->SetValueAndShowSection("URL", list + "?page=" + std::to_string(page_no + 1), "NEXT");
  }
  return page.render();
}

core::Response show_post(core::Context& cx) {
  const auto post = requested_post(cx);
  const std::string audience = audience_of(cx.user());
  // Scheduled, expired and other audiences' posts do not exist for the reader.
  if (!post || !post->current || (post->audience != "everyone" && post->audience != audience)) {
    return cx.not_found();
  }
  core::Page page(cx, "content/post.tpl", post->title);
  auto& body = page.body();
  body.SetValue("LIST_URL", app::url_for("bulletin"));
  body.SetValue("TITLE", post->title);
  body.SetValue("DATE", shared::roc_datetime(post->publish_at));
  body.SetValue("AUDIENCE", audience_label(post->audience));
  body.SetValue("BODY_HTML", domain::paragraphs_html(post->body));
  return page.render();
}

core::Response bulletin_atom(core::Context& cx) {
  const std::string base = cx.config().base_url;
  domain::AtomFeed feed;
  feed.title = "全國教師在職進修資訊網：公佈欄";
  feed.self_url = base + app::url_for("bulletin.atom");
  feed.alternate_url = base + app::url_for("bulletin");
  for (const auto& p : sql::current_posts(cx.db(), "everyone", kFeedPosts, 0)) {
    feed.updated = std::max({feed.updated, p.updated_epoch, p.publish_epoch});
    feed.entries.push_back({base + app::url_for("bulletin.show", {std::to_string(p.id)}), p.title,
                            std::max(p.updated_epoch, p.publish_epoch), domain::first_paragraph(p.body, 500)});
  }
  if (feed.updated == 0) feed.updated = static_cast<int64_t>(std::time(nullptr));
  return site::atom_answer(domain::render_atom(feed));
}

core::Response admin_posts(core::Context& cx) {
  core::Page page(cx, "content/admin_posts.tpl", "公佈欄管理");
  auto& body = page.body();
  body.SetValue("ADMIN_URL", app::url_for("admin.home"));
  body.SetValue("NEW_URL", app::url_for("admin.bulletin.new"));
  for (const auto& p : sql::all_posts(cx.db())) {
    auto* row = body.AddSectionDictionary("POST");
    row->SetIntValue("ID", p.id);
    row->SetValue("EDIT_URL", app::url_for("admin.bulletin.edit", {std::to_string(p.id)}));
    row->SetValue("TITLE", p.title);
    row->SetValue("AUDIENCE", audience_label(p.audience));
    row->SetValue("PUBLISH_AT", shared::roc_datetime(p.publish_at));
    row->SetValue("EXPIRES_AT", p.expires_at.empty() ? "不下架" : shared::roc_datetime(p.expires_at));
    row->SetValue("STATE", p.current ? "公告中" : p.scheduled ? "尚未公告" : "已下架");
    if (p.pinned) row->ShowSection("PINNED");
  }
  return page.render();
}

core::Response new_post(core::Context& cx) {
  core::Form form(kPostForm);
  form.set_raw("audience", "everyone");
  return show_form(cx, form, nullptr, 200);
}

core::Response create_post(core::Context& cx) {
  core::Form form(kPostForm, cx.req().form);
  const auto fields = fields_of(form);
  if (!fields) {
    form.errors().add("form", "公告沒有新增。");
    return show_form(cx, form, nullptr, 422);
  }
  const int64_t id = sql::insert_post(cx.db(), *fields);
  shared::access::audit(cx, "bulletin.create", std::to_string(id), fields->title);
  cx.flash("已新增公告「" + fields->title + "」。");
  return cx.see_other(app::url_for("admin.bulletin"));
}

core::Response edit_post(core::Context& cx) {
  const auto post = requested_post(cx);
  if (!post) return cx.not_found();
  core::Form form(kPostForm);
  form.set_raw("title", post->title);
  form.set_raw("body", post->body);
  form.set_raw("audience", post->audience);
  form.set_raw("publish_at", input_time(post->publish_at));
  form.set_raw("expires_at", input_time(post->expires_at));
  if (post->pinned) form.set_raw("pinned", "1");
  return show_form(cx, form, &*post, 200);
}

core::Response update_post(core::Context& cx) {
  const auto post = requested_post(cx);
  if (!post) return cx.not_found();
  core::Form form(kPostForm, cx.req().form);
  const auto fields = fields_of(form);
  if (!fields) {
    form.errors().add("form", "公告沒有變更。");
    return show_form(cx, form, &*post, 422);
  }
  if (!sql::update_post(cx.db(), post->id, *fields)) return cx.not_found();
  shared::access::audit(cx, "bulletin.update", std::to_string(post->id), fields->title);
  cx.flash("公告「" + fields->title + "」已更新。");
  return cx.see_other(app::url_for("admin.bulletin"));
}

core::Response delete_post(core::Context& cx) {
  const auto post = requested_post(cx);
  if (!post || !sql::delete_post(cx.db(), post->id)) return cx.not_found();
  shared::access::audit(cx, "bulletin.delete", std::to_string(post->id), post->title);
  cx.flash("公告「" + post->title + "」已刪除。");
  return cx.see_other(app::url_for("admin.bulletin"));
}

}  // namespace content
