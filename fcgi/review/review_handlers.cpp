// Course review by the review unit of 第11條: approve (課程確認通過) or return with reasons
// (課程確認未通過), the contacts told by e-mail in the same transaction as the state change.
#include "review/review_handlers.h"

#include <algorithm>
#include <set>

#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"
#include "shared/reference.h"
#include "app/routes.h"
#include "core/form.h"
#include "core/view.h"
#include "shared/course_store.h"
#include "shared/course_view.h"
#include "domain/course_rules.h"
#include "domain/review_flags.h"
#include "domain/study_hours.h"
#include "domain/validation.h"
#include "mail/mail.h"
#include "review/return_form.h"
#include "review/review_sql.h"
#include "rosters/roster_sql.h"

namespace review {

namespace {

namespace store = course_store;
using domain::CourseAction;
using domain::CourseState;

constexpr int kQueuePage = 50;  // rows of each queue on one page
constexpr size_t kMaxBulkApprovals = 300;

core::Response already_decided(core::Context& cx, const std::string& code) {
  const auto now = store::find(cx.db(), code);
  return cx.conflict("此課程已由其他審課人員處理或已不在待審狀態（目前為「" +
                     (now ? shared::course_state_label(now->state) : std::string()) +
                     "」），您的操作沒有執行。");
}

std::string return_mail_body(const store::Course& c, const std::vector<std::string>& reasons,
                             const std::string& note, const std::string& base_url) {
  std::string body = c.contact1.name + " 您好：\n\n貴單位登錄的研習課程經審課單位審核，結果為「課程確認未通過」，"
                     "請依下列理由修正後重新送出。\n\n研習課程代碼：" + c.code + "\n研習名稱：" + c.title +
                     "\n開課單位：" + c.unit_name + "\n\n未通過理由：\n";
  for (const auto& r : reasons) body += "・" + r + "\n";
  if (!note.empty()) body += "\n審課單位說明：\n" + note + "\n";
  body += "\n請登入業務帳號，於「研習資料管理」開啟此課程修改後重新送出：\n" + base_url +
          app::url_for("office.course", {c.code}) + "\n\n全國教師在職進修資訊網（本信由系統自動寄出，請勿直接回覆）\n";
  return body;
}

core::Response show_course_page(core::Context& cx, const store::Course& course,
                                const core::Form* return_form, int status) {
  const auto tags = store::tags_of(cx.db(), course.id);
  const auto sessions = store::sessions_of(cx.db(), course.id);
  const domain::FlagFacts f = sql::flag_facts(cx.db(), course, sessions, tags);
  core::Page page(cx, "review/course.tpl", "審核：" + course.title);
  auto& body = page.body();
  body.SetValue("QUEUE_URL", app::url_for("review.queue"));
  body.SetValue("CODE", course.code);
  body.SetValue("TITLE", course.title);
  body.SetValue("STATE", shared::course_state_label(course.state));
  body.SetValue("UNIT", course.unit_name);
  body.SetValue("ORGANIZER", course.organizer_name);
  body.SetValue("CLASS_KIND", shared::class_kind_label(course.class_kind));
  body.SetValue("SCOPE", course.cross_school ? "跨校研習" : "校內研習");
  body.SetValue("LEVELS", shared::levels_label(course.levels));
  body.SetValue("BASIS_DOC", course.basis_doc.empty() ? "（未填）" : course.basis_doc);
  body.SetValue("SPECIAL_APPROVAL_DOC", course.special_approval_doc.empty() ? "（未填）" : course.special_approval_doc);
  body.SetValue("OUTLINE", course.outline);
  body.SetValue("HOURS", shared::hours_label(course.hours, course.credits));
  body.SetIntValue("COMPUTED_HOURS", domain::check_course_hours(f.sessions).total_hours);
  body.SetValue("SEATS", std::to_string(course.class_count) + " 班 × " +
                             std::to_string(course.seats_per_class) + " 人，線上名額 " +
                             std::to_string(course.online_seats));
  body.SetValue("CONTACT1", course.contact1.name + "｜" + course.contact1.phone + "｜" + course.contact1.email);
  if (!course.contact2.name.empty()) {
    body.SetValueAndShowSection("CONTACT2", course.contact2.name + "｜" + course.contact2.phone + "｜" +
                                                course.contact2.email, "HAS_CONTACT2");
  }
  for (const auto& t : tags) body.AddSectionDictionary("TAG")->SetValue("NAME", t.name);
  course_view::fill_sessions(body, sessions);
  const auto flags = domain::review_flags(f);
  for (const auto& flag : flags) body.AddSectionDictionary("FLAG")->SetValue("TEXT", flag);
  if (flags.empty()) body.ShowSection("NO_FLAGS");
  course_view::fill_history(body, store::history_of(cx.db(), course.id));
  if (!domain::next_state(course.state, CourseAction::kApprove)) {
    body.ShowSection("DECIDED");
    if (domain::is_public(course.state)) {
      body.SetValueAndShowSection("ROSTER_URL", app::url_for("review.roster", {course.code}), "ROSTER");
    }
    return page.render(status);
  }
  auto* d = body.AddSectionDictionary("DECIDE");
  d->SetValue("APPROVE_URL", app::url_for("review.approve", {course.code}));
  d->SetValue("RETURN_URL", app::url_for("review.return", {course.code}));
  d->SetValue("CSRF_TOKEN", cx.csrf_token());
  const auto lists = shared::reference::lists(cx.db());
  const core::FormSpec spec = return_form_spec(lists->active_reasons);
  const core::Form blank(spec);
  fill_return_form(*d, return_form ? *return_form : blank, lists->active_reasons);
  return page.render(status);
}

// One queue's paging: which page is shown, of how many, and its links.
struct Paging {
  int page = 1, pages = 1, offset = 0;
};
Paging paging_of(const core::Params& query, const char* name, int total) {
  Paging p;
  p.pages = std::max(1, (total + kQueuePage - 1) / kQueuePage);
  p.page = std::min(p.pages, static_cast<int>(domain::parse_integer(query.get_or(name), 1, 100000).value_or(1)));
  p.offset = (p.page - 1) * kQueuePage;
  return p;
}

// {{#PAGER}} of one queue: where the page stands and the links either side, the other queue's
// page kept.
void fill_pager(ctemplate::TemplateDictionary& dict, const Paging& p, const std::string& url_of_page_before,
                const std::string& url_of_page_after) {
  if (p.pages <= 1) return;
  auto* pager = dict.AddSectionDictionary("PAGER");
  pager->SetIntValue("PAGE", p.page);
  pager->SetIntValue("PAGES", p.pages);
  if (p.page > 1) pager->SetValueAndShowSection("PREV_URL", url_of_page_before, "PREV");
  if (p.page < p.pages) pager->SetValueAndShowSection("NEXT_URL", url_of_page_after, "NEXT");
}

core::Response show_queue(core::Context& cx, const core::FieldErrors& errors, int status) {
  const auto& query = cx.req().query;
  const int64_t unit = cx.user().unit_id;
  const Paging courses = paging_of(query, "page", sql::queue_size(cx.db(), unit));
  const Paging rosters = paging_of(query, "rpage", rosters::sql::roster_queue_size(cx.db(), unit));
  const std::string check_all = query.get_or("all");  // 全選 without a script: "courses" or "rosters"
  const std::string base = app::url_for("review.queue");
  const auto url = [&](int page, int rpage, const std::string& all, const char* anchor) {
    return base + "?page=" + std::to_string(page) + "&rpage=" + std::to_string(rpage) +
           (all.empty() ? "" : "&all=" + all) + anchor;
  };
  const auto items = sql::queue(cx.db(), unit, kQueuePage, courses.offset);

  core::Page page(cx, "review/queue.tpl", "待審課程與名單");
  auto& body = page.body();
  body.SetValue("UNIT", cx.user().unit_name);
  body.SetValue("APPROVE_MANY_URL", app::url_for("review.approve_many"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetIntValue("COUNT", sql::queue_size(cx.db(), unit));
  body.SetValue("CHECK_ALL_URL", url(courses.page, rosters.page, "courses", "#courses"));
  body.SetValue("UNCHECK_URL", url(courses.page, rosters.page, "", "#courses"));
  shared::fill_errors(body, errors);
  fill_pager(body, courses, url(courses.page - 1, rosters.page, "", "#courses"),
             url(courses.page + 1, rosters.page, "", "#courses"));
  for (const auto& q : items) {
    auto* row = body.AddSectionDictionary("COURSE");
    row->SetValue("CODE", q.code);
    row->SetValue("URL", app::url_for("review.show", {q.code}));
    row->SetValue("TITLE", q.title);
    row->SetValue("UNIT", q.unit_name);
    row->SetValue("REGISTERED_AT", shared::roc_datetime(q.registered_at));
    row->SetValue("DATES", shared::roc_date(q.first_date) + "–" + shared::roc_date(q.last_date));
    row->SetValue("HOURS", shared::hours_label(q.hours, q.credits));
    if (check_all == "courses") row->ShowSection("CHECKED");
    const auto flags = domain::review_flags(q.facts);
    for (const auto& flag : flags) row->AddSectionDictionary("FLAG")->SetValue("TEXT", flag);
    if (flags.empty()) row->ShowSection("NO_FLAGS");
  }
  if (items.empty()) body.ShowSection("EMPTY");

  auto* r = body.AddSectionDictionary("ROSTERS");
  r->SetValue("APPROVE_URL", app::url_for("review.approve_rosters"));
  r->SetValue("CSRF_TOKEN", cx.csrf_token());
  r->SetIntValue("COUNT", rosters::sql::roster_queue_size(cx.db(), unit));
  r->SetValue("CHECK_ALL_URL", url(courses.page, rosters.page, "rosters", "#rosters"));
  r->SetValue("UNCHECK_URL", url(courses.page, rosters.page, "", "#rosters"));
  fill_pager(*r, rosters, url(courses.page, rosters.page - 1, "", "#rosters"),
             url(courses.page, rosters.page + 1, "", "#rosters"));
  const auto queued = rosters::sql::roster_queue(cx.db(), unit, kQueuePage, rosters.offset);
  for (const auto& q : queued) {
    auto* row = r->AddSectionDictionary("ROSTER");
    row->SetValue("CODE", q.code);
    row->SetValue("URL", app::url_for("review.roster", {q.code}));
    row->SetValue("TITLE", q.title);
    row->SetValue("UNIT", q.unit_name);
    row->SetValue("SUBMITTED_AT", shared::roc_datetime(q.submitted_at));
    row->SetValue("DATES", shared::roc_date(q.first_date) + "–" + shared::roc_date(q.last_date));
    row->SetIntValue("LINES", q.lines);
    row->SetValue("UNITS", std::to_string(q.units) + (q.credits > 0 ? " 學分" : " 小時"));
    if (check_all == "rosters") row->ShowSection("CHECKED");
  }
  if (queued.empty()) r->ShowSection("NO_ROSTERS");
  return page.render(status);
}

}  // namespace

core::Response queue(core::Context& cx) { return show_queue(cx, {}, 200); }

core::Response show_course(core::Context& cx) {
  const auto course = shared::access::reviewable_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  return show_course_page(cx, *course, nullptr, 200);
}

core::Response approve_course(core::Context& cx) {
  const auto course = shared::access::reviewable_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  {
    db::Transaction tx(cx.db());
    if (!store::transition(tx, *course, CourseAction::kApprove, cx.user().id, "")) {
      return already_decided(cx, course->code);
    }
    shared::access::audit(cx, "course.approve", course->code);
    tx.commit();
  }
  cx.flash("課程 " + course->code + "「" + course->title + "」已確認通過，已公開於研習資訊。");
  return cx.see_other(app::url_for("review.queue"));
}

core::Response return_course(core::Context& cx) {
  const auto course = shared::access::reviewable_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (!domain::next_state(course->state, CourseAction::kReturn)) return already_decided(cx, course->code);

  const auto lists = shared::reference::lists(cx.db());
  const core::FormSpec spec = return_form_spec(lists->active_reasons);
  core::Form form(spec, cx.req().form);
  const auto decision = read_return(form, lists->active_reasons);
  if (!decision) {
    form.errors().add("form", "課程沒有退回，請補正後再送出。");
    return show_course_page(cx, *course, &form, 422);
  }
  {
    db::Transaction tx(cx.db());
    if (!store::transition(tx, *course, CourseAction::kReturn, cx.user().id, decision->note,
                           decision->reason_ids)) {
      return already_decided(cx, course->code);
    }
    // Mail in the same transaction: it goes out if and only if the return is committed.
    for (const auto& to : contact_addresses(*course)) {
      mail::enqueue(cx.db(), {to, "【全國教師在職進修資訊網】研習課程確認未通過：" + course->title +
                                      "（" + course->code + "）",
                              return_mail_body(*course, decision->labels, decision->note, cx.config().base_url)});
    }
    shared::access::audit(cx, "course.return", course->code);
    tx.commit();
  }
  cx.flash("課程 " + course->code + " 已退回（課程確認未通過），已通知聯絡人。");
  return cx.see_other(app::url_for("review.queue"));
}

core::Response approve_courses(core::Context& cx) {
  const auto codes = cx.req().form.all("code");
  if (codes.empty() || codes.size() > kMaxBulkApprovals) {
    core::FieldErrors errors;
    errors.add("form", "請勾選要確認通過的課程（一次最多 300 門），沒有任何課程被變更。");
    return show_queue(cx, errors, 422);
  }
  int approved = 0;
  std::vector<std::string> skipped;
  for (const auto& code : std::set<std::string>(codes.begin(), codes.end())) {
    const auto course = shared::access::reviewable_course(cx, code);
    if (!course) {
      skipped.push_back(code);
      continue;
    }
    // One transaction per course: each approval is a decision of its own, and one that someone
    // else made first must not undo the others.
    db::Transaction tx(cx.db());
    if (!store::transition(tx, *course, CourseAction::kApprove, cx.user().id, "")) {
      skipped.push_back(code);
      continue;
    }
    shared::access::audit(cx, "course.approve", course->code);
    tx.commit();
    ++approved;
  }
  cx.flash("已確認通過 " + std::to_string(approved) + " 門課程。" + skipped_note(skipped, "門"));
  return cx.see_other(app::url_for("review.queue"));
}

}  // namespace review
