#include "feedback/feedback_handlers.h"

#include "app/routes.h"
#include "core/form.h"
#include "core/view.h"
#include "domain/text_html.h"
#include "domain/validation.h"
#include "feedback/feedback_sql.h"
#include "mail/mail.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"

namespace feedback {

namespace {
using core::FieldKind;

const std::vector<std::string> kCategoryCodes = {"account", "enrolment", "hours", "business", "roaming", "site", "other"};
const std::vector<std::string> kCategoryLabels = {"帳號", "報名", "研習時數", "業務帳號", "帳號漫遊", "網站使用", "其他"};

const core::FormSpec kNewForm = {
    {"category", "類別", FieldKind::kChoice, true, 0, 0, kCategoryCodes, kCategoryLabels},
    {"body", "內容", FieldKind::kText, true, 2000},
    {"contact", "聯絡方式（電子郵件或電話）", FieldKind::kText, false, 100},
};
const core::FormSpec kMessageForm = {
    {"body", "內容", FieldKind::kText, true, 2000},
};

std::string category_label(const std::string& code) { return shared::label_of(kCategoryCodes, kCategoryLabels, code); }

// A reply is signed as the administrator's; a name that says so already is not said twice.
std::string admin_label(const std::string& name) {
  return name.find("系統管理") != std::string::npos ? name : "系統管理者 " + name;
}

std::string state_label(const std::string& state) { return state == "answered" ? "已回覆" : "待回覆"; }

sql::Writer writer_of(const core::User& user) {
  return user.is_teacher() ? sql::Writer{user.id, 0} : sql::Writer{0, user.id};
}

// The writer's own thread, or nothing (another's is not found).
std::optional<sql::Thread> own_thread(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 4294967295LL);
  const auto t = id ? sql::find(cx.db(), *id) : std::nullopt;
  const sql::Writer me = writer_of(cx.user());
  if (!t || t->writer.teacher_id != me.teacher_id || t->writer.account_id != me.account_id) return std::nullopt;
  return t;
}

// Where an answer goes: the contact typed when it is an e-mail address, else the account's.
std::string reply_address(const sql::Thread& t) {
  if (domain::is_valid_email(t.contact)) return t.contact;
  return domain::is_valid_email(t.writer_email) ? t.writer_email : "";
}

void fill_messages(ctemplate::TemplateDictionary& body, db::Connection& db, const sql::Thread& t) {
  body.SetValue("CATEGORY", category_label(t.category));
  body.SetValue("STATE", state_label(t.state));
  body.SetValue("STATE_CODE", t.state);
  body.SetValue("CREATED", shared::roc_datetime(t.created_at));
  auto* list = body.AddIncludeDictionary("MESSAGES");
  list->SetFilename("feedback/messages.tpl");
  for (const auto& m : sql::messages(db, t.id)) {
    auto* row = list->AddSectionDictionary("MESSAGE");
    row->SetValue("WHO", m.from_admin ? admin_label(m.admin_name) : t.writer_name);
    row->SetValue("KIND", m.from_admin ? "answer" : "question");
    row->SetValue("AT", shared::roc_datetime(m.at));
    row->SetValue("BODY_HTML", domain::paragraphs_html(m.body));
    if (!m.mailed_to.empty()) row->SetValueAndShowSection("MAILED_TO", m.mailed_to, "MAILED");
  }
}

core::Response show_mine(core::Context& cx, const core::Form& form, int status) {
  core::Page page(cx, "feedback/mine.tpl", "意見交流");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("feedback.create"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  shared::fill_form(body, form);
  std::vector<shared::Option> options;
  for (size_t i = 0; i < kCategoryCodes.size(); ++i) options.push_back({kCategoryCodes[i], kCategoryLabels[i]});
  shared::fill_options(body, "CATEGORY_OPTION", options, {form.raw("category")});
  const auto threads = sql::of_writer(cx.db(), writer_of(cx.user()));
  for (const auto& t : threads) {
    auto* row = body.AddSectionDictionary("THREAD");
    row->SetValue("URL", app::url_for("feedback.thread", {std::to_string(t.id)}));
    row->SetValue("CATEGORY", category_label(t.category));
    row->SetValue("STATE", state_label(t.state));
    row->SetValue("STATE_CODE", t.state);
    row->SetValue("UPDATED", shared::roc_datetime(t.updated_at));
    row->SetIntValue("MESSAGES", t.messages);
  }
  if (threads.empty()) body.ShowSection("NO_THREADS");
  return page.render(status);
}

core::Response show_thread(core::Context& cx, const sql::Thread& t, const core::Form& form, int status) {
  core::Page page(cx, "feedback/thread.tpl", "意見交流：" + category_label(t.category));
  auto& body = page.body();
  body.SetValue("LIST_URL", app::url_for("feedback"));
  body.SetValue("ACTION", app::url_for("feedback.follow_up", {std::to_string(t.id)}));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  fill_messages(body, cx.db(), t);
  shared::fill_form(body, form);
  return page.render(status);
}

core::Response show_admin_thread(core::Context& cx, const sql::Thread& t, const core::Form& form, int status) {
  core::Page page(cx, "feedback/admin_thread.tpl", "意見交流：" + t.writer_name);
  auto& body = page.body();
  body.SetValue("INBOX_URL", app::url_for("admin.feedback"));
  body.SetValue("ACTION", app::url_for("admin.feedback.reply", {std::to_string(t.id)}));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("WRITER", t.writer_name);
  body.SetValue("WRITER_KIND", t.writer.teacher_id ? "教師" : "業務帳號");
  body.SetValue("UNIT", t.writer_unit);
  if (!t.contact.empty()) body.SetValueAndShowSection("CONTACT", t.contact, "HAS_CONTACT");
  const std::string to = reply_address(t);
  if (to.empty()) {
    body.ShowSection("NO_ADDRESS");
  } else {
    body.SetValueAndShowSection("REPLY_TO", to, "HAS_ADDRESS");
  }
  fill_messages(body, cx.db(), t);
  shared::fill_form(body, form);
  return page.render(status);
}

std::optional<sql::Thread> requested_thread(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 4294967295LL);
  return id ? sql::find(cx.db(), *id) : std::nullopt;
}

}  // namespace

core::Response mine(core::Context& cx) { return show_mine(cx, core::Form(kNewForm), 200); }

core::Response create(core::Context& cx) {
  core::Form form(kNewForm, cx.req().form);
  if (form.ok() && form.text("contact").find('@') != std::string::npos && !domain::is_valid_email(form.text("contact"))) {
    form.errors().add("contact", "電子郵件格式不正確（例如 name@example.edu.tw）；也可以留電話或空白。");
  }
  if (!form.ok()) {
    form.errors().add("form", "意見沒有送出。");
    return show_mine(cx, form, 422);
  }
  db::Transaction tx(cx.db());
  const int64_t id = sql::create(cx.db(), writer_of(cx.user()), form.text("category"), form.text("contact"),
                                 form.text("body"));
  shared::access::audit(cx, "feedback.create", std::to_string(id), form.text("category"));
  tx.commit();
  cx.flash("已送出您的意見，系統管理者回覆後會以電子郵件通知，也會顯示在這裡。");
  return cx.see_other(app::url_for("feedback.thread", {std::to_string(id)}));
}

core::Response thread(core::Context& cx) {
  const auto t = own_thread(cx);
  if (!t) return cx.not_found();
  return show_thread(cx, *t, core::Form(kMessageForm), 200);
}

core::Response follow_up(core::Context& cx) {
  const auto t = own_thread(cx);
  if (!t) return cx.not_found();
  core::Form form(kMessageForm, cx.req().form);
  if (!form.ok()) {
    form.errors().add("form", "訊息沒有送出。");
    return show_thread(cx, *t, form, 422);
  }
  db::Transaction tx(cx.db());
  sql::add_message(cx.db(), t->id, 0, form.text("body"), "");
  sql::set_state(cx.db(), t->id, "open");
  shared::access::audit(cx, "feedback.follow_up", std::to_string(t->id));
  tx.commit();
  cx.flash("已送出，系統管理者會再回覆。");
  return cx.see_other(app::url_for("feedback.thread", {std::to_string(t->id)}));
}

core::Response inbox(core::Context& cx) {
  std::string state = cx.req().query.get_or("state");
  if (state != "open" && state != "answered") state = "";
  core::Page page(cx, "feedback/inbox.tpl", "意見交流收件匣");
  auto& body = page.body();
  body.SetValue("ADMIN_URL", app::url_for("admin.home"));
  body.SetValue("INBOX_URL", app::url_for("admin.feedback"));
  shared::fill_options(body, "STATE_OPTION", {{"open", "待回覆"}, {"answered", "已回覆"}}, {state});
  const auto threads = sql::inbox(cx.db(), state);
  for (const auto& t : threads) {
    auto* row = body.AddSectionDictionary("THREAD");
    row->SetIntValue("ID", t.id);
    row->SetValue("URL", app::url_for("admin.feedback.thread", {std::to_string(t.id)}));
    row->SetValue("WRITER", t.writer_name);
    row->SetValue("UNIT", t.writer_unit);
    row->SetValue("CATEGORY", category_label(t.category));
    row->SetValue("STATE", state_label(t.state));
    row->SetValue("STATE_CODE", t.state);
    row->SetValue("UPDATED", shared::roc_datetime(t.updated_at));
    row->SetIntValue("MESSAGES", t.messages);
  }
  if (threads.empty()) body.ShowSection("EMPTY");
  return page.render();
}

core::Response admin_thread(core::Context& cx) {
  const auto t = requested_thread(cx);
  if (!t) return cx.not_found();
  return show_admin_thread(cx, *t, core::Form(kMessageForm), 200);
}

core::Response reply(core::Context& cx) {
  const auto t = requested_thread(cx);
  if (!t) return cx.not_found();
  core::Form form(kMessageForm, cx.req().form);
  if (!form.ok()) {
    form.errors().add("form", "回覆沒有送出。");
    return show_admin_thread(cx, *t, form, 422);
  }
  const std::string to = reply_address(*t);
  const std::string answer = form.text("body");
  db::Transaction tx(cx.db());
  sql::add_message(cx.db(), t->id, cx.user().id, answer, to);
  sql::set_state(cx.db(), t->id, "answered");
  if (!to.empty()) {
    const auto asked = sql::messages(cx.db(), t->id);
    std::string question;
    for (const auto& m : asked) {
      if (!m.from_admin) question = m.body;  // the latest question
    }
    mail::enqueue(cx.db(), {to, "【意見交流】回覆：" + category_label(t->category),
                            t->writer_name + " 您好：\n\n您在全國教師在職進修資訊網「意見交流」的留言：\n\n" + question +
                                "\n\n系統管理者回覆如下：\n\n" + answer + "\n\n完整的往來紀錄（需登入）：" +
                                cx.config().base_url + app::url_for("feedback.thread", {std::to_string(t->id)}) +
                                "\n\n全國教師在職進修資訊網 系統管理者\n"});
  }
  shared::access::audit(cx, "feedback.reply", std::to_string(t->id), to);
  tx.commit();
  cx.flash(to.empty() ? "已回覆；這位使用者沒有電子郵件，回覆只顯示在網站上。" : "已回覆，並寄送到 " + to + "。");
  return cx.see_other(app::url_for("admin.feedback.thread", {std::to_string(t->id)}));
}

}  // namespace feedback
