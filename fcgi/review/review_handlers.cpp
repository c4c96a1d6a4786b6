// Course review by the review unit of 第11條: approve (課程確認通過) or return with reasons
// (課程確認未通過), the contacts told by e-mail in the same transaction as the state change.
#include "review/review_handlers.h"

#include <algorithm>
#include <set>

#include "app/access.h"
#include "app/labels.h"
#include "app/routes.h"
#include "core/view.h"
#include "courses/courses_sql.h"
#include "domain/course_rules.h"
#include "domain/restricted_activity.h"
#include "domain/review_flags.h"
#include "domain/study_hours.h"
#include "domain/validation.h"
#include "mail/mail.h"
#include "review/review_sql.h"

namespace review {

namespace {

constexpr int kQueueLimit = 300;
constexpr size_t kMaxNoteBytes = 3000;  // about 1,000 Chinese characters

struct FlagFacts {
  std::string title, outline, basis_doc, class_kind, registered_on, first_date;
  bool cross_school = false;
  int declared_hours = 0, min_days = 7, same_title_courses = 0;
  std::vector<domain::Session> sessions;
  std::vector<std::string> levels, tags;
};

std::vector<std::string> levels_of(const std::string& set_column) {
  const auto levels = domain::split_set(set_column);
  return {levels.begin(), levels.end()};
}

// The automatic flags of SPEC §3's review queue, as short Chinese phrases.
std::vector<std::string> flags_of(const FlagFacts& f) {
  std::vector<std::string> flags;
  const auto restricted = domain::screen_restricted(f.title, f.outline);
  for (const auto& m : restricted) flags.push_back("疑似第9條不予採計：" + m.category + "（" + m.word + "）");
  const domain::HoursCheck hours = domain::check_course_hours(f.sessions);
  if (!domain::is_credit_class(f.class_kind) && f.declared_hours > hours.total_hours) {
    flags.push_back("申報 " + std::to_string(f.declared_hours) + " 小時，依第10條計算僅 " +
                    std::to_string(hours.total_hours) + " 小時");
  }
  if (hours.needs_special_approval()) flags.push_back("單日逾 6 小時或單週逾 35 小時（需專案核准文號）");
  if (f.basis_doc.empty() && (f.cross_school || !restricted.empty())) flags.push_back("缺依據文號");
  if (f.same_title_courses > 0) {
    flags.push_back("疑似重複登錄：本單位另有 " + std::to_string(f.same_title_courses) + " 門同名課程");
  }
  const auto registered = domain::parse_iso_date(f.registered_on);
  const auto first = domain::parse_iso_date(f.first_date);
  if (registered && first && domain::registered_late(*registered, *first, f.min_days)) {
    flags.push_back("逾期登錄：研習前不足 " + std::to_string(f.min_days) + " 天");
  }
  for (const auto& tag : f.tags) {
    if (domain::tag_looks_misused(tag, f.title, f.outline, f.levels)) {
      flags.push_back("屬性標籤「" + tag + "」與課程內容不符");
    }
  }
  return flags;
}

domain::Session session_of(const std::string& date, const std::string& start, const std::string& end,
                           const std::string& breaks) {
  return {domain::parse_iso_date(date).value_or(domain::Date{1970, 1, 1}),
          domain::parse_clock(start).value_or(0), domain::parse_clock(end).value_or(0),
          domain::parse_breaks(breaks).value_or(std::vector<domain::Interval>{})};
}

// The course if this reviewer's unit reviews it; otherwise nothing (404: not even its existence).
std::optional<courses::sql::Course> load_reviewable(core::Context& cx, const std::string& code) {
  if (!domain::is_course_code(code)) return std::nullopt;
  auto course = courses::sql::find_course(cx.db(), code);
  if (!course || course->review_unit_id != cx.user().unit_id) return std::nullopt;
  return course;
}

std::string state_label(const std::string& code) { return app::course_state_label(code); }

core::Response already_decided(core::Context& cx, const std::string& code) {
  const auto now = courses::sql::find_course(cx.db(), code);
  return cx.conflict("此課程已由其他審課人員處理或已不在待審狀態（目前為「" +
                     state_label(now ? now->state : "") + "」），您的操作沒有執行。");
}

std::string return_mail_body(const courses::sql::Course& c, const std::vector<std::string>& reasons,
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

}  // namespace

core::Response queue(core::Context& cx) {
  const auto items = sql::queue(cx.db(), cx.user().unit_id, kQueueLimit);
  std::vector<int64_t> ids;
  for (const auto& q : items) ids.push_back(q.id);
  const auto sessions = sql::sessions_of(cx.db(), ids);

  core::Page page(cx, "review/queue.tpl", "待審課程");
  auto& body = page.body();
  body.SetValue("UNIT", cx.user().unit_name);
  body.SetValue("APPROVE_MANY_URL", app::url_for("review.approve_many"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetIntValue("COUNT", static_cast<long>(items.size()));
  for (const auto& q : items) {
    FlagFacts f{q.title, q.outline, q.basis_doc, q.class_kind, q.registered_on, q.first_date,
                q.cross_school, q.hours, q.min_days_before_start, q.same_title_courses, {},
                levels_of(q.levels), q.tags};
    for (const auto& s : sessions) {
      if (s.course_id == q.id) f.sessions.push_back(session_of(s.date, s.starts_at, s.ends_at, s.breaks));
    }
    auto* row = body.AddSectionDictionary("COURSE");
    row->SetValue("CODE", q.code);
    row->SetValue("URL", app::url_for("review.show", {q.code}));
    row->SetValue("TITLE", q.title);
    row->SetValue("UNIT", q.unit_name);
    row->SetValue("REGISTERED_AT", app::roc_datetime(q.registered_at));
    row->SetValue("DATES", app::roc_date(q.first_date) + "–" + app::roc_date(q.last_date));
    row->SetValue("HOURS", q.credits ? std::to_string(q.credits) + " 學分" : std::to_string(q.hours) + " 小時");
    const auto flags = flags_of(f);
    for (const auto& flag : flags) row->AddSectionDictionary("FLAG")->SetValue("TEXT", flag);
    if (flags.empty()) row->ShowSection("NO_FLAGS");
  }
  if (items.empty()) body.ShowSection("EMPTY");
  return page.render();
}

core::Response show_course(core::Context& cx) {
  const auto course = load_reviewable(cx, cx.param("code"));
  if (!course) return cx.not_found();
  const domain::CourseDraft draft = courses::sql::draft_of(cx.db(), *course);
  core::Page page(cx, "review/course.tpl", "審核：" + course->title);
  auto& body = page.body();
  body.SetValue("QUEUE_URL", app::url_for("review.queue"));
  body.SetValue("CODE", course->code);
  body.SetValue("TITLE", course->title);
  body.SetValue("STATE", state_label(course->state));
  body.SetValue("UNIT", course->unit_name);
  body.SetValue("ORGANIZER", course->organizer_name);
  body.SetValue("CLASS_KIND", app::class_kind_label(course->class_kind));
  body.SetValue("SCOPE", course->cross_school ? "跨校研習" : "校內研習");
  body.SetValue("LEVELS", app::levels_label(course->levels));
  body.SetValue("BASIS_DOC", course->basis_doc.empty() ? "（未填）" : course->basis_doc);
  body.SetValue("SPECIAL_APPROVAL_DOC", course->special_approval_doc.empty() ? "（未填）" : course->special_approval_doc);
  body.SetValue("OUTLINE", course->outline);
  body.SetValue("HOURS", course->credits ? std::to_string(course->credits) + " 學分"
                                         : std::to_string(course->hours) + " 小時");
  body.SetIntValue("COMPUTED_HOURS", domain::check_course_hours(draft.sessions).total_hours);
  body.SetValue("SEATS", std::to_string(course->class_count) + " 班 × " +
                             std::to_string(course->seats_per_class) + " 人，線上名額 " +
                             std::to_string(course->online_seats));
  body.SetValue("CONTACT1", course->contact1.name + "｜" + course->contact1.phone + "｜" + course->contact1.email);
  if (!course->contact2.name.empty()) {
    body.SetValueAndShowSection("CONTACT2", course->contact2.name + "｜" + course->contact2.phone + "｜" +
                                                course->contact2.email, "HAS_CONTACT2");
  }
  std::vector<std::string> tag_names;
  for (const auto& t : courses::sql::tags(cx.db())) {
    if (std::find(draft.tag_ids.begin(), draft.tag_ids.end(), t.id) != draft.tag_ids.end()) {
      tag_names.push_back(t.name);
      body.AddSectionDictionary("TAG")->SetValue("NAME", t.name);
    }
  }
  for (const auto& s : courses::sql::sessions_of(cx.db(), course->id)) {
    auto* row = body.AddSectionDictionary("SESSION");
    row->SetValue("DATE", app::roc_date(s.date));
    row->SetValue("TIME", s.starts_at + "–" + s.ends_at);
    row->SetValue("BREAKS", s.breaks.empty() ? "無" : s.breaks);
    row->SetValue("PLACE", s.place);
  }
  const int same_title = static_cast<int>(
      cx.db().query_one("SELECT COUNT(*) FROM course WHERE unit_id = ? AND title = ? AND id <> ?"
                        " AND state <> 'deleted'", course->unit_id, course->title, course->id)->i64(0));
  const auto min_days = cx.db().query_one(
      "SELECT k.min_days_before_start FROM unit u JOIN county k ON k.id = u.county_id WHERE u.id = ?",
      course->unit_id);
  FlagFacts f{course->title, course->outline, course->basis_doc, course->class_kind,
              course->created_at.substr(0, 10), course->first_date, course->cross_school,
              course->hours, min_days ? static_cast<int>(min_days->i64(0)) : 7, same_title,
              draft.sessions, draft.levels, tag_names};
  const auto flags = flags_of(f);
  for (const auto& flag : flags) body.AddSectionDictionary("FLAG")->SetValue("TEXT", flag);
  if (flags.empty()) body.ShowSection("NO_FLAGS");
  for (const auto& h : courses::sql::history_of(cx.db(), course->id)) {
    auto* row = body.AddSectionDictionary("HISTORY");
    row->SetValue("AT", app::roc_datetime(h.at));
    row->SetValue("FROM", h.from_state.empty() ? "（登錄）" : state_label(h.from_state));
    row->SetValue("TO", state_label(h.to_state));
    row->SetValue("ACTOR", h.actor);
    std::string reasons;
    for (const auto& r : h.reasons) reasons += (reasons.empty() ? "" : "；") + r;
    if (!h.note.empty()) reasons += (reasons.empty() ? "" : "；") + h.note;
    row->SetValue("REASONS", reasons);
  }
  if (course->state == "unconfirmed") {
    auto* d = body.AddSectionDictionary("DECIDE");
    d->SetValue("APPROVE_URL", app::url_for("review.approve", {course->code}));
    d->SetValue("RETURN_URL", app::url_for("review.return", {course->code}));
    d->SetValue("CSRF_TOKEN", cx.csrf_token());
    for (const auto& r : courses::sql::active_reasons(cx.db())) {
      auto* opt = d->AddSectionDictionary("REASON");
      opt->SetIntValue("ID", r.id);
      opt->SetValue("LABEL", r.label);
    }
  } else {
    body.ShowSection("DECIDED");
  }
  return page.render();
}

core::Response approve_course(core::Context& cx) {
  const auto course = load_reviewable(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (course->state != "unconfirmed") return already_decided(cx, course->code);
  {
    db::Transaction tx(cx.db());
    if (!courses::sql::transition(cx.db(), course->id, "unconfirmed", "approved", cx.user().id, "")) {
      return already_decided(cx, course->code);
    }
    app::access::audit(cx, "course.approve", course->code);
    tx.commit();
  }
  courses::sql::sync_search(cx.db(), course->id);
  cx.flash("課程 " + course->code + "「" + course->title + "」已確認通過，已公開於研習資訊。");
  return cx.see_other(app::url_for("review.queue"));
}

core::Response return_course(core::Context& cx) {
  const auto course = load_reviewable(cx, cx.param("code"));
  if (!course) return cx.not_found();
  if (course->state != "unconfirmed") return already_decided(cx, course->code);

  const auto reasons = courses::sql::active_reasons(cx.db());
  std::vector<int> chosen;
  std::vector<std::string> labels;
  bool needs_text = false;
  for (const std::string& raw : cx.req().form.all("reason")) {
    for (const auto& r : reasons) {
      if (raw == std::to_string(r.id) && std::find(chosen.begin(), chosen.end(), r.id) == chosen.end()) {
        chosen.push_back(r.id);
        labels.push_back(r.label);
        needs_text = needs_text || r.needs_text;
      }
    }
  }
  const std::string note = domain::trim(cx.req().form.get_or("note"));
  std::string problem;
  if (chosen.empty()) problem = "請至少勾選一項未通過理由。";
  else if (needs_text && note.empty()) problem = "選擇「其他」時，請在說明欄寫明理由。";
  else if (note.size() > kMaxNoteBytes) problem = "說明請在 1000 字以內。";
  if (!problem.empty()) return cx.error(422, "退回理由不完整", problem + "課程沒有退回，請回上一頁補正。");

  {
    db::Transaction tx(cx.db());
    if (!courses::sql::transition(cx.db(), course->id, "unconfirmed", "returned", cx.user().id, note, chosen)) {
      return already_decided(cx, course->code);
    }
    // Mail in the same transaction: it goes out if and only if the return is committed.
    std::set<std::string> recipients;
    for (const auto* contact : {&course->contact1, &course->contact2}) {
      if (domain::is_valid_email(contact->email)) recipients.insert(contact->email);
    }
    for (const auto& to : recipients) {
      mail::enqueue(cx.db(), {to, "【全國教師在職進修資訊網】研習課程確認未通過：" + course->title +
                                      "（" + course->code + "）",
                              return_mail_body(*course, labels, note, cx.config().base_url)});
    }
    app::access::audit(cx, "course.return", course->code);
    tx.commit();
  }
  courses::sql::sync_search(cx.db(), course->id);
  cx.flash("課程 " + course->code + " 已退回（課程確認未通過），已通知聯絡人。");
  return cx.see_other(app::url_for("review.queue"));
}

core::Response approve_courses(core::Context& cx) {
  const auto codes = cx.req().form.all("code");
  if (codes.empty() || codes.size() > 300) {
    return cx.error(422, "請選擇課程", "請勾選要確認通過的課程（一次最多 300 門），沒有任何課程被變更。");
  }
  int approved = 0;
  std::vector<std::string> skipped;
  for (const auto& code : std::set<std::string>(codes.begin(), codes.end())) {
    const auto course = load_reviewable(cx, code);
    if (!course) {
      skipped.push_back(code);
      continue;
    }
    db::Transaction tx(cx.db());
    if (!courses::sql::transition(cx.db(), course->id, "unconfirmed", "approved", cx.user().id, "")) {
      skipped.push_back(code);
      continue;
    }
    app::access::audit(cx, "course.approve", course->code);
    tx.commit();
    courses::sql::sync_search(cx.db(), course->id);
    ++approved;
  }
  std::string message = "已確認通過 " + std::to_string(approved) + " 門課程。";
  if (!skipped.empty()) {
    // A short list: the message travels in a cookie.
    constexpr size_t kListed = 10;
    message += std::to_string(skipped.size()) + " 門已由他人處理或不在您的審核範圍，未變更：";
    for (size_t i = 0; i < skipped.size() && i < kListed; ++i) message += (i ? "、" : "") + skipped[i];
    message += skipped.size() > kListed ? " 等。" : "。";
  }
  cx.flash(message);
  return cx.see_other(app::url_for("review.queue"));
}

}  // namespace review
