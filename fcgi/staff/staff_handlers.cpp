// 本單位教師帳號管理: every teacher is read by the 總負責人's own unit (staff_sql.h), so another
// unit's teacher is a 404 that reveals nothing; every change is audited with the object "t:<id>"
// and listed on the teacher's page from that trail. A kindergarten's 總負責人 sees its teachers and
// the last run of 全國教保資訊網's feed, which alone changes them (staff/kindergarten_feed.h).
#include "staff/staff_handlers.h"

#include <algorithm>
#include <iterator>

#include "app/routes.h"
#include "core/form.h"
#include "core/view.h"
#include "domain/enrolment_rules.h"
#include "domain/kindergarten_feed.h"
#include "domain/national_id.h"
#include "domain/roc_date.h"
#include "domain/staff_rules.h"
#include "domain/validation.h"
#include "mail/mail.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"
#include "staff/kindergarten_feed.h"
#include "staff/staff_sql.h"

namespace staff {

namespace {

using core::FieldKind;

constexpr long kPageSizes[] = {20, 50, 100};
constexpr size_t kMaxNameChars = 50;  // teacher.name
constexpr long kMaxPage = 100000;
constexpr long kChangesShown = 100;

const std::vector<std::string> kPositions(std::begin(domain::kPositionCodes),
                                          std::end(domain::kPositionCodes));
std::vector<std::string> labels_of(const std::vector<std::string>& codes,
                                   std::string (*label)(std::string_view)) {
  std::vector<std::string> out;
  for (const auto& c : codes) out.push_back(label(c));
  return out;
}
std::string position_text(std::string_view code) { return domain::position_label(code); }

const std::vector<std::string> kDepartures(std::begin(domain::kDepartureCodes),
                                           std::end(domain::kDepartureCodes));

const core::FormSpec kProfileForm = {
    {"position", "職位類別", FieldKind::kChoice, false, 0, 0, kPositions,
     labels_of(kPositions, position_text)},
    {"title_name", "職稱", FieldKind::kText, false, 30},
    {"subject", "任教科目", FieldKind::kText, false, 60},
};

const core::FormSpec kDepartureForm = {
    {"employment", "異動", FieldKind::kChoice, true, 0, 0, kDepartures,
     labels_of(kDepartures, shared::employment_label)},
    {"on", "異動日期", FieldKind::kDate, true},
};

// Only the 身分證字號 is needed to attach an existing account; the rest when one is created.
const core::FormSpec kNewForm = {
    {"national_id", "身分證字號", FieldKind::kText, true, 10},
    {"name", "姓名", FieldKind::kText, false, 50},
    {"gender", "性別", FieldKind::kChoice, false, 0, 0, {"F", "M", "X"}, {"女", "男", "其他"}},
    {"birth_date", "出生日期", FieldKind::kDate, false},
    {"email", "電子郵件", FieldKind::kText, false, 254},
    {"position", "職位類別", FieldKind::kChoice, false, 0, 0, kPositions,
     labels_of(kPositions, position_text)},
    {"title_name", "職稱", FieldKind::kText, false, 30},
    {"subject", "任教科目", FieldKind::kText, false, 60},
};

std::string object_of(int64_t teacher_id) { return "t:" + std::to_string(teacher_id); }

constexpr char kFedMessage[] =
    "幼兒園教師的服務單位與在職狀態由全國教保資訊網每夜匯入，不在本網修改：請到全國教保資訊網登錄異動，"
    "審核通過後的次日即更新到本網。";
constexpr long kFeedLinesShown = 200;

bool fed_unit(core::Context& cx) { return sql::unit_is_kindergarten(cx.db(), cx.user().unit_id); }

// The last run of the feed and its lines of this unit, for a kindergarten's 總負責人.
void fill_last_feed_run(core::Context& cx, ctemplate::TemplateDictionary& fed) {
  const auto runs = feed_sql::recent_runs(cx.db(), 1);
  if (runs.empty()) {
    fed.ShowSection("NO_RUN");
    return;
  }
  const auto& run = runs[0];
  auto* r = fed.AddSectionDictionary("RUN");
  r->SetValue("AT", shared::roc_datetime(run.started_at));
  r->SetValue("FILE", run.file_name);
  if (run.outcome == "rejected") {
    r->SetValueAndShowSection("ERROR", run.error, "REJECTED");
    return;
  }
  const auto lines = feed_sql::run_lines(cx.db(), run.id, cx.user().unit_id, kFeedLinesShown);
  if (lines.empty()) r->ShowSection("NO_LINES");
  auto* list = lines.empty() ? nullptr : r->AddSectionDictionary("HAS_LINES");
  for (const auto& l : lines) {
    auto* row = list->AddSectionDictionary("LINE");
    row->SetIntValue("LINE_NO", l.line_no);
    row->SetValue("OUTCOME", l.outcome);
    row->SetValue("NAME", l.name);
    row->SetValue("MASKED_ID", l.masked_id);
    row->SetValue("WHAT", l.outcome == "changed"   ? "已更新：" + l.detail
                          : l.outcome == "skipped" ? std::string("略過：全國教保資訊網仍在異動待審")
                                                   : "未採用：" + domain::feed_reason_label(l.reason));
  }
}

std::string shown(const std::string& value) { return value.empty() ? "（未填）" : value; }

const char* action_label(const std::string& action) {
  if (action == "teacher.update") return "修改資料";
  if (action == "teacher.departure") return "登錄異動";
  if (action == "teacher.attach") return "教師資料登錄（加入本校）";
  if (action == "teacher.create") return "教師資料登錄（新建帳號）";
  return "其他";
}

std::string employment_text(const sql::Teacher& t) {
  std::string s = shared::employment_label(t.employment);
  if (!t.employment_changed_on.empty()) s += "（" + shared::roc_date(t.employment_changed_on) + "）";
  return s;
}

std::optional<sql::Teacher> requested_teacher(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 4294967295LL);
  if (!id) return std::nullopt;
  return sql::unit_teacher(cx.db(), cx.user().unit_id, *id);
}

// --- The list.

struct ListView {
  std::string q;
  long size = kPageSizes[0];
  long page = 1;
};

ListView read_view(const core::Params& p) {
  ListView v;
  v.q = domain::utf8_prefix(domain::trim(p.get_or("q")), kMaxNameChars);
  const auto size = domain::parse_integer(p.get_or("size"), 1, 1000);
  if (size &&
      std::find(std::begin(kPageSizes), std::end(kPageSizes), *size) != std::end(kPageSizes)) {
    v.size = static_cast<long>(*size);
  }
  v.page = static_cast<long>(domain::parse_integer(p.get_or("page"), 1, kMaxPage).value_or(1));
  return v;
}

std::string list_url(const ListView& v, long page) {
  return app::url_for("office.teachers") + "?q=" + core::url_encode(v.q) +
         "&size=" + std::to_string(v.size) + "&page=" + std::to_string(page);
}

// --- One teacher.

core::Response show_teacher(core::Context& cx, const sql::Teacher& t, const core::Form& profile,
                            const core::Form& departure, int status) {
  core::Page page(cx, "staff/teacher.tpl", "本單位教師：" + t.name);
  auto& body = page.body();
  body.SetValue("LIST_URL", app::url_for("office.teachers"));
  body.SetValue("NAME", t.name);
  body.SetIntValue("ID", t.id);
  body.SetValue("MASKED_ID", domain::mask_national_id(t.national_id));
  body.SetValue("UNIT", cx.user().unit_name);
  body.SetValue("EMPLOYMENT", employment_text(t));
  body.SetValue("EMPLOYMENT_CODE", t.employment);
  if (!t.employment_note.empty()) body.SetValueAndShowSection("NOTE", t.employment_note, "HAS_NOTE");
  const auto changes = sql::changes(cx.db(), object_of(t.id), kChangesShown);
  if (changes.empty()) body.ShowSection("NO_CHANGES");
  for (const auto& c : changes) {
    auto* row = body.AddSectionDictionary("CHANGE");
    row->SetValue("AT", shared::roc_datetime(c.at));
    row->SetValue("WHO", c.who == kFeedActor ? kFeedSource : c.who);
    row->SetValue("ACTION", action_label(c.action));
    row->SetValue("DETAIL", c.detail);
  }
  if (fed_unit(cx)) {
    body.SetValueAndShowSection("FED_MESSAGE", kFedMessage, "FED");
    return page.render(status);
  }
  const std::string csrf = cx.csrf_token();

  auto* p = body.AddSectionDictionary("PROFILE");
  p->SetValue("ACTION", app::url_for("office.teachers.update", {std::to_string(t.id)}));
  p->SetValue("CSRF_TOKEN", csrf);
  shared::fill_form(*p, profile);
  std::vector<shared::Option> positions{{"", "（未填）"}};
  for (const auto& c : kPositions) positions.push_back({c, position_text(c)});
  shared::fill_options(*p, "POSITION_OPTION", positions, {profile.raw("position")});

  auto* d = body.AddSectionDictionary("DEPARTURE");
  d->SetValue("ACTION", app::url_for("office.teachers.employment", {std::to_string(t.id)}));
  d->SetValue("CSRF_TOKEN", csrf);
  shared::fill_form(*d, departure);
  std::vector<shared::Option> departures;
  for (const auto& c : kDepartures) departures.push_back({c, shared::employment_label(c)});
  shared::fill_options(*d, "EMPLOYMENT_OPTION", departures, {departure.raw("employment")});
  d->SetValue("TODAY", cx.today());
  return page.render(status);
}

core::Form profile_of(const sql::Teacher& t) {
  core::Form f(kProfileForm);
  f.set_raw("position", t.position);
  f.set_raw("title_name", t.title_name);
  f.set_raw("subject", t.subject);
  return f;
}

// --- 教師資料登錄.

core::Response show_new(core::Context& cx, const core::Form& form, int status) {
  if (fed_unit(cx)) {
    core::Page page(cx, "staff/new_fed.tpl", "教師資料登錄");
    page.body().SetValue("LIST_URL", app::url_for("office.teachers"));
    page.body().SetValue("UNIT", cx.user().unit_name);
    page.body().SetValue("FED_MESSAGE", kFedMessage);
    return page.render(status);
  }
  core::Page page(cx, "staff/new.tpl", "教師資料登錄");
  auto& body = page.body();
  body.SetValue("LIST_URL", app::url_for("office.teachers"));
  body.SetValue("UNIT", cx.user().unit_name);
  body.SetValue("ACTION", app::url_for("office.teachers.create"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  shared::fill_form(body, form);
  shared::fill_options(body, "GENDER_OPTION", {{"F", "女"}, {"M", "男"}, {"X", "其他"}},
                       {form.raw("gender")});
  std::vector<shared::Option> positions{{"", "（未填）"}};
  for (const auto& c : kPositions) positions.push_back({c, position_text(c)});
  shared::fill_options(body, "POSITION_OPTION", positions, {form.raw("position")});
  return page.render(status);
}

void mail_new_account(core::Context& cx, const sql::NewTeacher& t) {
  const std::string forgot = cx.config().base_url + "/password/forgot";
  mail::enqueue(cx.db(),
                {t.email, "【全國教師在職進修資訊網】已為您建立教師帳號",
                 t.name + " 老師您好：\n\n" + cx.user().unit_name +
                     "的總負責人已在全國教師在職進修資訊網為您建立教師帳號，帳號是您的身分證字號。\n"
                     "帳號還沒有密碼：請到下列網址使用「忘記密碼」，以這個電子郵件信箱設定密碼後登入。\n\n" +
                     forgot +
                     "\n\n如果您不是這所學校的教師，請與學校聯絡。本信由系統自動寄出，請勿直接回覆。\n"});
}

}  // namespace

core::Response teachers(core::Context& cx) {
  ListView v = read_view(cx.req().query);
  const int64_t unit = cx.user().unit_id;
  auto list = sql::unit_teachers(cx.db(), unit, v.q, v.size, (v.page - 1) * v.size);
  const long pages = std::max<long>(1, (list.total + v.size - 1) / v.size);
  if (v.page > pages) {  // past the end: the last page
    v.page = pages;
    list = sql::unit_teachers(cx.db(), unit, v.q, v.size, (v.page - 1) * v.size);
  }
  core::Page page(cx, "staff/list.tpl", "本單位教師帳號管理");
  auto& body = page.body();
  body.SetValue("UNIT", cx.user().unit_name);
  body.SetValue("LIST_URL", app::url_for("office.teachers"));
  if (fed_unit(cx)) {
    auto* fed = body.AddSectionDictionary("FED");
    fed->SetValue("FED_MESSAGE", kFedMessage);
    fill_last_feed_run(cx, *fed);
  } else {
    body.SetValueAndShowSection("NEW_URL", app::url_for("office.teachers.new"), "CAN_REGISTER");
  }
  body.SetValue("Q", v.q);
  for (long size : kPageSizes) {
    auto* o = body.AddSectionDictionary("SIZE_OPTION");
    o->SetIntValue("SIZE", size);
    if (size == v.size) o->ShowSection("SELECTED");
  }
  body.SetIntValue("TOTAL", list.total);
  if (!v.q.empty()) {
    body.SetValueAndShowSection("CLEAR_FILTER_URL", list_url(ListView{"", v.size}, 1), "FILTERED");
  }
  if (list.rows.empty()) {
    body.SetValueAndShowSection("EMPTY",
                                v.q.empty() ? "本校目前沒有教師帳號。"
                                            : "沒有姓名含「" + v.q + "」的本校教師。",
                                "NO_TEACHERS");
  } else {
    auto* table = body.AddSectionDictionary("HAS_TEACHERS");
    table->SetIntValue("FROM", (v.page - 1) * v.size + 1);
    table->SetIntValue("TO", (v.page - 1) * v.size + static_cast<long>(list.rows.size()));
    for (const auto& t : list.rows) {
      auto* row = table->AddSectionDictionary("TEACHER");
      row->SetIntValue("ID", t.id);
      row->SetValue("URL", app::url_for("office.teachers.show", {std::to_string(t.id)}));
      row->SetValue("NAME", t.name);
      row->SetValue("MASKED_ID", domain::mask_national_id(t.national_id));
      row->SetValue("POSITION", position_text(t.position));
      row->SetValue("TITLE_NAME", t.title_name);
      row->SetValue("SUBJECT", t.subject);
      row->SetValue("EMPLOYMENT_CODE", t.employment);
      row->SetValue("EMPLOYMENT", employment_text(t));
    }
  }
  if (pages > 1) {
    auto* pager = body.AddSectionDictionary("PAGER");
    pager->SetIntValue("PAGE", v.page);
    pager->SetIntValue("PAGES", pages);
    if (v.page > 1) pager->SetValueAndShowSection("URL", list_url(v, v.page - 1), "PREV");
    if (v.page < pages) pager->SetValueAndShowSection("URL", list_url(v, v.page + 1), "NEXT");
  }
  return page.render();
}

core::Response teacher(core::Context& cx) {
  const auto t = requested_teacher(cx);
  if (!t) return cx.not_found();
  return show_teacher(cx, *t, profile_of(*t), core::Form(kDepartureForm), 200);
}

core::Response update_teacher(core::Context& cx) {
  const auto t = requested_teacher(cx);
  if (!t) return cx.not_found();
  if (fed_unit(cx)) return cx.conflict(kFedMessage);
  core::Form form(kProfileForm, cx.req().form);
  if (!form.ok()) {
    form.errors().add("form", t->name + "的資料沒有變更。");
    return show_teacher(cx, *t, form, core::Form(kDepartureForm), 422);
  }
  const std::string position = form.text("position"), title = form.text("title_name"),
                    subject = form.text("subject");
  std::string detail;
  auto note = [&detail](const char* label, const std::string& before, const std::string& after) {
    if (before == after) return;
    detail += (detail.empty() ? "" : "；") + std::string(label) + "：" + shown(before) + " → " +
              shown(after);
  };
  note("職位類別", position_text(t->position), position_text(position));
  note("職稱", t->title_name, title);
  note("任教科目", t->subject, subject);
  if (detail.empty()) {
    cx.flash("資料與原本相同，沒有變更。");
    return cx.see_other(app::url_for("office.teachers.show", {std::to_string(t->id)}));
  }
  db::Transaction tx(cx.db());
  sql::update_profile(cx.db(), t->id, position, title, subject);
  shared::access::audit(cx, "teacher.update", object_of(t->id), detail);
  tx.commit();
  cx.flash("已更新" + t->name + "的資料。");
  return cx.see_other(app::url_for("office.teachers.show", {std::to_string(t->id)}));
}

core::Response record_departure(core::Context& cx) {
  const auto t = requested_teacher(cx);
  if (!t) return cx.not_found();
  if (fed_unit(cx)) return cx.conflict(kFedMessage);
  core::Form form(kDepartureForm, cx.req().form);
  const auto on = form.date("on");
  if (on && domain::to_iso(*on) > cx.today()) {
    form.errors().add("on", "異動日期不能晚於今天（" + shared::roc_date(cx.today()) + "）。");
  }
  if (!form.ok()) {
    form.errors().add("form", t->name + "的在職狀態沒有變更。");
    return show_teacher(cx, *t, profile_of(*t), form, 422);
  }
  const std::string code = form.text("employment");
  const std::string iso = domain::to_iso(*on);
  const std::string note = domain::departure_note(code, cx.user().unit_name, shared::roc_date(iso));
  db::Transaction tx(cx.db());
  sql::record_departure(cx.db(), t->id, code, iso, note);
  shared::access::audit(cx, "teacher.departure", object_of(t->id),
                        employment_text(*t) + " → " + shared::employment_label(code) + "（" +
                            shared::roc_date(iso) + "）");
  tx.commit();
  cx.flash("已登錄" + t->name + "「" + shared::employment_label(code) +
           "」：這個帳號從現在起只能查詢研習紀錄，已登入的連線也已結束。");
  return cx.see_other(app::url_for("office.teachers.show", {std::to_string(t->id)}));
}

core::Response new_teacher(core::Context& cx) { return show_new(cx, core::Form(kNewForm), 200); }

core::Response register_teacher(core::Context& cx) {
  if (fed_unit(cx)) return cx.conflict(kFedMessage);
  core::Form form(kNewForm, cx.req().form);
  const std::string nid = domain::normalize_national_id(form.raw("national_id"));
  if (!form.errors().has("national_id") && !domain::is_valid_national_id(nid)) {
    form.errors().add("national_id",
                      "身分證字號（或居留證號）格式或檢查碼不正確，請再核對一次。");
  }
  auto refuse = [&](int status) {
    form.errors().add("form", "沒有登錄任何教師。");
    return show_new(cx, form, status);
  };
  if (!form.ok()) return refuse(422);

  const int64_t unit = cx.user().unit_id;
  db::Transaction tx(cx.db());
  if (const auto found = sql::lock_by_national_id(cx.db(), nid)) {
    switch (domain::attach_decision(found->unit_id, found->employment, unit)) {
      case domain::Attach::kAlreadyHere:
        form.errors().add("national_id", "這位教師已經是本校在職教師（" + found->name + "），不必再登錄。");
        return refuse(409);
      case domain::Attach::kServingElsewhere:
        form.errors().add("national_id",
                          "這位教師目前仍屬另一所學校（" + shared::employment_label(found->employment) +
                              "），不能登錄到本校。請原學校的總負責人先登錄「轉校」或「離職」，再登錄一次。");
        return refuse(409);
      case domain::Attach::kAttach:
        break;
    }
    sql::attach(cx.db(), found->id, unit);
    // The job as given on the form; what was left blank stays as the account had it.
    auto given = [&form](const char* field, const std::string& had) {
      const std::string v = form.text(field);
      return v.empty() ? had : v;
    };
    sql::update_profile(cx.db(), found->id, given("position", found->position),
                        given("title_name", found->title_name), given("subject", found->subject));
    shared::access::audit(cx, "teacher.attach", object_of(found->id),
                          "加入" + cx.user().unit_name + "（原為" +
                              shared::employment_label(found->employment) + "）");
    tx.commit();
    cx.flash("已將" + found->name + "登錄為本校在職教師。");
    return cx.see_other(app::url_for("office.teachers.show", {std::to_string(found->id)}));
  }

  // No account yet: one is created, so what it needs is required now.
  for (const char* field : {"name", "gender", "birth_date", "email"}) {
    if (form.raw(field).empty()) {
      form.errors().add(field, "這個身分證字號還沒有帳號：建立新帳號須填寫這一欄。");
    }
  }
  const std::string email = form.text("email");
  if (!email.empty() && !domain::is_valid_email(email)) {
    form.errors().add("email", "電子郵件格式不正確。");
  }
  const auto birth = form.date("birth_date");
  if (birth && domain::to_iso(*birth) >= cx.today()) {
    form.errors().add("birth_date", "出生日期必須早於今天。");
  }
  if (!form.ok()) return refuse(422);
  const sql::NewTeacher fresh{nid,   form.text("name"),     form.text("gender"),
                              domain::to_iso(*birth),     email,
                              form.text("position"),      form.text("title_name"),
                              form.text("subject")};
  const int64_t id = sql::create(cx.db(), unit, fresh);
  shared::access::audit(cx, "teacher.create", object_of(id), "建立帳號，並寄信通知以忘記密碼設定密碼");
  mail_new_account(cx, fresh);
  tx.commit();
  cx.flash("已建立" + fresh.name + "的教師帳號，並寄信通知以「忘記密碼」設定密碼。");
  return cx.see_other(app::url_for("office.teachers.show", {std::to_string(id)}));
}

}  // namespace staff
