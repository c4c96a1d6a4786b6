// Roster review (名單確認): the reviewer reads a submitted roster with its warnings, then approves
// it — every line becomes its teacher's study record in the same transaction as 結案 — or returns
// it with reasons, the contacts e-mailed in that transaction.
#include "review/roster_review_handlers.h"

#include <map>
#include <set>

#include "app/routes.h"
#include "core/view.h"
#include "domain/roster_rules.h"
#include "mail/mail.h"
#include "records/record_writer.h"
#include "records/records_sql.h"
#include "review/return_form.h"
#include "rosters/roster_sql.h"
#include "rosters/roster_view.h"
#include "shared/access.h"
#include "shared/course_store.h"
#include "shared/course_view.h"
#include "shared/form_view.h"
#include "shared/labels.h"
#include "shared/reference.h"

namespace review {

namespace {

namespace store = course_store;
using domain::CourseAction;
using domain::CourseState;

constexpr size_t kMaxBulkApprovals = 300;

std::string units_text(const store::Course& c, int units) {
  return std::to_string(units) + (c.credits > 0 ? " 學分" : " 小時");
}

// Teacher id → what the reviewer should look at before approving (SPEC §5).
std::map<int64_t, std::vector<std::string>> warnings_of(db::Connection& db, const store::Course& course,
                                                        const std::vector<rosters::sql::Line>& lines) {
  std::map<int64_t, std::vector<std::string>> out;
  const domain::CourseUnits units{course.hours, course.credits};
  std::map<int64_t, std::vector<store::Session>> sessions_by_teacher;
  for (const auto& s : rosters::sql::other_sessions_on_days(db, course.id)) {
    sessions_by_teacher[s.teacher_id].push_back({0, 0, s.date, s.starts_at, s.ends_at, s.breaks, ""});
  }
  const auto own = store::sessions_of(db, course.id);
  for (const auto& l : lines) {
    auto& w = out[l.teacher_id];
    if (!l.active) w.push_back("非在職教師");
    if (!l.enrolled) w.push_back("未曾線上報名");
    if (l.units < units.units()) {
      w.push_back(std::string("核發少於課程") + (course.credits > 0 ? "學分" : "時數") +
                  (l.units_typed ? "（自行填寫）" : "（" + std::string(domain::attendance_label(l.attendance)) + "）"));
    }
    const auto others = sessions_by_teacher.find(l.teacher_id);
    if (others == sessions_by_teacher.end()) continue;
    std::vector<store::Session> all = own;
    all.insert(all.end(), others->second.begin(), others->second.end());
    for (const auto& day : domain::days_over_daily_limit(store::rule_sessions(all))) {
      w.push_back(shared::roc_date(domain::to_iso(day)) + " 跨課程超過 6 小時");
    }
  }
  return out;
}

core::Response show_roster_page(core::Context& cx, const store::Course& course,
                                const core::Form* return_form, int status) {
  const auto lines = rosters::sql::lines(cx.db(), course.id);
  const auto totals = rosters::sql::totals(cx.db(), course.id);
  core::Page page(cx, "review/roster.tpl", "名單審核：" + course.title);
  auto& body = page.body();
  roster_view::fill_heading(body, course);
  body.SetValue("QUEUE_URL", app::url_for("review.queue"));
  body.SetValue("COURSE_URL", app::url_for("review.show", {course.code}));
  body.SetValue("UNIT", course.unit_name);
  body.SetValue("ORGANIZER", course.organizer_name);
  body.SetIntValue("LINE_COUNT", totals.lines);
  body.SetValue("UNIT_TOTAL", units_text(course, totals.units));
  const auto warnings = warnings_of(cx.db(), course, lines);
  int warned = 0;
  for (const auto& [teacher, list] : warnings) warned += list.empty() ? 0 : 1;
  body.SetIntValue("WARNED", warned);
  roster_view::fill_lines(body, course, lines, false, warnings);
  course_view::fill_history(body, store::history_of(cx.db(), course.id));
  shared::access::audit(cx, "roster.view", course.code, "rows=" + std::to_string(lines.size()));
  if (course.state != CourseState::kRosterSubmitted) {
    body.SetValueAndShowSection("NOT_PENDING", roster_view::closed_message(course.state), "DECIDED");
    return page.render(status);
  }
  auto* d = body.AddSectionDictionary("DECIDE");
  d->SetValue("APPROVE_URL", app::url_for("review.approve_roster", {course.code}));
  d->SetValue("RETURN_URL", app::url_for("review.return_roster", {course.code}));
  d->SetValue("CSRF_TOKEN", cx.csrf_token());
  d->SetIntValue("LINE_COUNT", totals.lines);
  const auto lists = shared::reference::lists(cx.db());
  const core::FormSpec spec = return_form_spec(lists->active_roster_reasons);
  const core::Form blank(spec);
  fill_return_form(*d, return_form ? *return_form : blank, lists->active_roster_reasons);
  return page.render(status);
}

core::Response not_pending(core::Context& cx, const std::string& code) {
  const auto now = store::find(cx.db(), code);
  return cx.conflict("此名單已由其他審課人員處理或已不在待審狀態（目前為「" +
                     (now ? shared::course_state_label(now->state) : std::string()) + "」），您的操作沒有執行。");
}

std::string mail_footer(const store::Course& c, const std::string& base_url) {
  return "\n研習課程代碼：" + c.code + "\n研習名稱：" + c.title + "\n開課單位：" + c.unit_name +
         "\n\n名單：" + base_url + app::url_for("office.course.roster", {c.code}) +
         "\n\n全國教師在職進修資訊網（本信由系統自動寄出，請勿直接回覆）\n";
}

// 名單確認通過 in `tx`: the course closes and every line that earned something becomes its
// teacher's study record. nullopt when the roster is no longer waiting (someone acted first:
// nothing written); otherwise how many records were issued.
std::optional<int> close_roster(core::Context& cx, db::Transaction& tx, const store::Course& course) {
  if (!store::transition(tx, course, CourseAction::kApproveRoster, cx.user().id, "")) return std::nullopt;
  int issued = 0;
  for (const auto& l : rosters::sql::lines(cx.db(), course.id)) {
    if (l.units == 0) continue;  // 曠課 above a third: nothing earned, nothing recorded
    records::NewRecord r;
    r.teacher_id = l.teacher_id;
    r.course_id = course.id;
    r.source = "portal";
    r.title = course.title;
    r.hours = course.credits > 0 ? 0 : l.units;
    r.credits = course.credits > 0 ? l.units : 0;
    r.completed_on = course.last_date;
    r.issued_by = cx.user().id;
    if (records::issue(cx.db(), r)) {
      ++issued;
      records::sql::resolve_requests(cx.db(), course.id, l.teacher_id);  // a returned roster, fixed
    }
  }
  for (const auto& to : contact_addresses(course)) {
    mail::enqueue(cx.db(), {to, "【全國教師在職進修資訊網】名單確認通過：" + course.title + "（" + course.code + "）",
                            course.contact1.name + " 您好：\n\n貴單位送出的研習名單經審課單位確認通過，已結案；" +
                                std::to_string(issued) + " 位教師的研習時數已記入研習紀錄。\n" +
                                mail_footer(course, cx.config().base_url)});
  }
  shared::access::audit(cx, "roster.approve", course.code, "records=" + std::to_string(issued));
  return issued;
}

}  // namespace

core::Response show_roster(core::Context& cx) {
  const auto course = shared::access::reviewable_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (!domain::is_public(course->state)) return cx.conflict(roster_view::closed_message(course->state));
  return show_roster_page(cx, *course, nullptr, 200);
}

core::Response approve_roster(core::Context& cx) {
  const auto course = shared::access::reviewable_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  int issued = 0;
  {
    db::Transaction tx(cx.db());
    const auto done = close_roster(cx, tx, *course);
    if (!done) return not_pending(cx, course->code);
    issued = *done;
    tx.commit();
  }
  cx.flash("課程 " + course->code + "「" + course->title + "」名單確認通過，已結案；核發 " +
           std::to_string(issued) + " 筆研習紀錄。");
  return cx.see_other(app::url_for("review.queue"));
}

core::Response return_roster(core::Context& cx) {
  const auto course = shared::access::reviewable_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (course->state != CourseState::kRosterSubmitted) return not_pending(cx, course->code);
  const auto lists = shared::reference::lists(cx.db());
  const core::FormSpec spec = return_form_spec(lists->active_roster_reasons);
  core::Form form(spec, cx.req().form);
  const auto decision = read_return(form, lists->active_roster_reasons);
  if (!decision) {
    form.errors().add("form", "名單沒有退回，請補正後再送出。");
    return show_roster_page(cx, *course, &form, 422);
  }
  {
    db::Transaction tx(cx.db());
    if (!store::transition(tx, *course, CourseAction::kReturnRoster, cx.user().id, decision->note,
                           decision->reason_ids)) {
      return not_pending(cx, course->code);
    }
    std::string body = course->contact1.name + " 您好：\n\n貴單位送出的研習名單經審課單位審核，結果為「名單確認未通過」，"
                       "請依下列理由修正名單後重新送出。\n\n未通過理由：\n";
    for (const auto& r : decision->labels) body += "・" + r + "\n";
    if (!decision->note.empty()) body += "\n審課單位說明：\n" + decision->note + "\n";
    for (const auto& to : contact_addresses(*course)) {
      mail::enqueue(cx.db(), {to, "【全國教師在職進修資訊網】名單確認未通過：" + course->title + "（" + course->code + "）",
                              body + mail_footer(*course, cx.config().base_url)});
    }
    shared::access::audit(cx, "roster.return", course->code);
    tx.commit();
  }
  cx.flash("課程 " + course->code + " 的名單已退回（名單確認未通過），已通知聯絡人。");
  return cx.see_other(app::url_for("review.queue"));
}

core::Response approve_rosters(core::Context& cx) {
  const auto codes = cx.req().form.all("code");
  if (codes.empty() || codes.size() > kMaxBulkApprovals) {
    cx.flash("請勾選要確認通過的名單（一次最多 300 份），沒有任何名單被變更。");
    return cx.see_other(app::url_for("review.queue") + "#rosters");
  }
  int approved = 0, issued = 0;
  std::vector<std::string> skipped;
  for (const auto& code : std::set<std::string>(codes.begin(), codes.end())) {
    const auto course = shared::access::reviewable_course(cx, code);
    if (!course) {
      skipped.push_back(code);
      continue;
    }
    // One transaction per roster, as for courses: one decision made first by someone else does
    // not undo the others.
    db::Transaction tx(cx.db());
    const auto done = close_roster(cx, tx, *course);
    if (!done) {
      skipped.push_back(code);
      continue;
    }
    tx.commit();
    ++approved;
    issued += *done;
  }
  cx.flash("已確認通過 " + std::to_string(approved) + " 份名單，核發 " + std::to_string(issued) + " 筆研習紀錄。" +
           skipped_note(skipped, "份"));
  return cx.see_other(app::url_for("review.queue") + "#rosters");
}

}  // namespace review
