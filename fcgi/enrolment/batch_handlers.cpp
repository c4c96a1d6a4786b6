// 校內批次報名: the list of the unit's teachers (name filter, page size, paging) and the batch
// itself, decided in one transaction under the course row's lock like every other seat
// (enrolment_sql.h): pending ones are approved without a new seat, everyone else takes one
// while seats last, and those left over are named in the order picked.
#include "enrolment/batch_handlers.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/routes.h"
#include "core/form.h"
#include "core/view.h"
#include "domain/national_id.h"
#include "domain/validation.h"
#include "enrolment/batch_sql.h"
#include "enrolment/enrolment_sql.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"

namespace enrolment {

namespace {

using domain::EnrolmentStatus;

constexpr long kMaxPageSize = 100;  // also the most teachers one batch takes
constexpr long kPageSizes[] = {20, 50, kMaxPageSize};
constexpr size_t kMaxNameChars = 50;  // teacher.name
constexpr long kMaxPage = 100000;

// What the list shows: the name filter, the page size and the page; `check_all` ticks every
// row of the page (勾選本頁全部, without JavaScript).
struct ListView {
  std::string q;
  long size = kPageSizes[0];
  long page = 1;
  bool check_all = false;
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
  v.check_all = p.get_or("all") == "1";
  return v;
}

std::string list_url(const std::string& code, const ListView& v, long page,
                     bool check_all = false) {
  std::string url = app::url_for("office.course.batch", {code}) + "?q=" + core::url_encode(v.q) +
                    "&size=" + std::to_string(v.size) + "&page=" + std::to_string(page);
  if (check_all) url += "&all=1";
  return url;
}

// Why the course takes no batch now (a 409 saying what to do), or "" when it does. Read from
// the course's seats, locked or not, on the database's clock.
std::string refusal_of(const sql::Seats& s) {
  if (s.window.state != domain::CourseState::kApproved) {
    return "這門研習目前是「" + shared::course_state_label(s.window.state) +
           "」：只有「課程確認通過」的研習可以批次報名。";
  }
  if (!s.window.enrol_online) {
    return "這門研習不提供線上報名，沒有線上報名名額可以分配，因此不能批次報名。"
           "如要開放，請先修改課程資料的線上報名設定。";
  }
  // Picked teachers would hold seats without the draw, and an applicant in it would leave it.
  if (s.draw.lottery && !s.draw.drawn) {
    return "這門研習的名額以抽籤決定：抽籤前批次報名，這些教師會不經抽籤就取得名額，對其他報名者不公平。"
           "請於抽籤後再批次報名剩餘的名額。";
  }
  if (s.window.first_session_start > 0 && s.window.now >= s.window.first_session_start) {
    return "這門研習已經開始，不能再批次報名。"
           "實際參加的教師，請於研習結束後登錄在等待核發時數名單。";
  }
  return "";
}

const char* status_words(const std::optional<EnrolmentStatus>& s) {
  return s ? domain::enrolment_status_label(*s) : "未報名";
}

struct Named {
  int64_t id = 0;
  std::string name, masked_id;
};

// What one batch came to, in the order picked.
struct Outcome {
  std::vector<Named> added;  // approved now with a seat (new, 候補, cancelled or refused before)
  std::vector<Named> from_pending;  // 待審核 before: approved, no new seat
  std::vector<Named> already;       // approved already (by someone else meanwhile)
  std::vector<Named> not_added;     // no seat left for them
};

std::string summary_of(const Outcome& o) {
  const size_t approved = o.added.size() + o.from_pending.size();
  std::string s;
  if (approved > 0) {
    s = "已為 " + std::to_string(approved) + " 位教師報名並審核通過";
    s += o.from_pending.empty()
             ? "。"
             : "（其中 " + std::to_string(o.from_pending.size()) + " 位原為待審核，不另占名額）。";
  }
  if (!o.already.empty()) {
    s += (approved > 0 ? "另有 " : "勾選的 ") + std::to_string(o.already.size()) +
         " 位已是審核通過，沒有重複報名。";
  }
  return s.empty() ? "沒有教師報名成功。" : s;
}

struct PageState {
  ListView view;
  std::set<std::string> picked;  // kept checked when the form is shown again
  core::FieldErrors errors;
  const Outcome* outcome = nullptr;  // a batch that could not add everyone
};

core::Response show_page(core::Context& cx, const course_store::Course& course,
                         const sql::Seats& seats, PageState& st, int status) {
  ListView& v = st.view;
  auto list =
      batch_sql::candidates(cx.db(), course.id, course.unit_id, v.q, v.size, (v.page - 1) * v.size);
  const long pages = std::max<long>(1, (list.total + v.size - 1) / v.size);
  if (v.page > pages) {  // past the end (the list shrank, or a typed address): the last page
    v.page = pages;
    list = batch_sql::candidates(cx.db(), course.id, course.unit_id, v.q, v.size,
                                 (v.page - 1) * v.size);
  }

  core::Page page(cx, "enrolment/batch.tpl", "校內批次報名：" + course.title);
  auto& body = page.body();
  body.SetValue("CODE", course.code);
  body.SetValue("TITLE", course.title);
  body.SetValue("COURSE_URL", app::url_for("office.course", {course.code}));
  body.SetValue("ENROLMENTS_URL", app::url_for("office.course.enrolments", {course.code}));
  body.SetValue("LIST_URL", app::url_for("office.course.batch", {course.code}));
  body.SetValue("ACTION", app::url_for("office.course.batch_enrol", {course.code}));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("UNIT", cx.user().unit_name);
  body.SetIntValue("ONLINE_SEATS", seats.online_seats);
  body.SetIntValue("SEATS_TAKEN", seats.seats_taken);
  body.SetIntValue("SEATS_LEFT", std::max(0, seats.online_seats - seats.seats_taken));
  if (seats.seats_taken >= seats.online_seats) body.ShowSection("FULL");
  body.SetValue("Q", v.q);
  body.SetIntValue("SIZE", v.size);
  body.SetIntValue("PAGE", v.page);
  for (long size : kPageSizes) {
    auto* o = body.AddSectionDictionary("SIZE_OPTION");
    o->SetIntValue("SIZE", size);
    if (size == v.size) o->ShowSection("SELECTED");
  }
  body.SetIntValue("TOTAL", list.total);
  if (!v.q.empty()) {
    body.SetValueAndShowSection("CLEAR_FILTER_URL", list_url(course.code, ListView{"", v.size}, 1),
                                "FILTERED");
  }

  // The summary on top, where a phone user lands; the message itself beside the list.
  shared::fill_errors(body, st.errors);
  if (st.outcome) {
    auto* r = body.AddSectionDictionary("RESULT");
    r->SetValue("SUMMARY", summary_of(*st.outcome));
    r->SetIntValue("NOT_ADDED_COUNT", static_cast<long>(st.outcome->not_added.size()));
    for (const auto& n : st.outcome->not_added) {
      auto* li = r->AddSectionDictionary("NOT_ADDED");
      li->SetIntValue("ID", n.id);
      li->SetValue("NAME", n.name);
      li->SetValue("MASKED_ID", n.masked_id);
    }
  }

  if (list.rows.empty()) {
    auto* empty = body.AddSectionDictionary("NO_TEACHERS");
    empty->SetValue("EMPTY", v.q.empty()
                                 ? "本校沒有尚未審核通過的在職教師：全部都已審核通過這門研習。"
                                 : "沒有姓名含「" + v.q + "」且尚未審核通過的本校在職教師。");
  } else {
    auto* form = body.AddSectionDictionary("HAS_TEACHERS");
    form->SetValue("CHECK_ALL_URL", list_url(course.code, v, v.page, true));
    form->SetValue("UNCHECK_URL", list_url(course.code, v, v.page));
    form->SetIntValue("FROM", (v.page - 1) * v.size + 1);
    form->SetIntValue("TO", (v.page - 1) * v.size + static_cast<long>(list.rows.size()));
    for (const auto& t : list.rows) {
      auto* row = form->AddSectionDictionary("TEACHER");
      row->SetIntValue("ID", t.id);
      row->SetValue("NAME", t.name);
      row->SetValue("MASKED_ID", domain::mask_national_id(t.national_id));
      row->SetValue("TITLE_NAME", t.title_name);
      row->SetValue("STATUS_CODE", t.status ? domain::enrolment_status_code(*t.status) : "none");
      if (t.status == EnrolmentStatus::kPending) {
        row->ShowSection("PENDING");
      } else {
        row->SetValueAndShowSection("STATUS", status_words(t.status), "OTHER");
      }
      if (v.check_all || st.picked.count(std::to_string(t.id))) row->ShowSection("CHECKED");
    }
    if (pages > 1) {
      auto* pager = body.AddSectionDictionary("PAGER");
      pager->SetIntValue("PAGE", v.page);
      pager->SetIntValue("PAGES", pages);
      if (v.page > 1)
        pager->SetValueAndShowSection("URL", list_url(course.code, v, v.page - 1), "PREV");
      if (v.page < pages)
        pager->SetValueAndShowSection("URL", list_url(course.code, v, v.page + 1), "NEXT");
    }
  }
  return page.render(status);
}

// The picks as sent, in order and each once; nullopt when one of them is not a number at all.
std::optional<std::vector<int64_t>> read_picks(const std::vector<std::string>& raw) {
  std::vector<int64_t> out;
  for (const auto& text : raw) {
    const auto id = domain::parse_integer(domain::trim(text), 1, 4294967295LL);
    if (!id) return std::nullopt;
    if (std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
  }
  return out;
}

std::string audit_detail(int64_t teacher_id, const std::optional<EnrolmentStatus>& before) {
  return "t:" + std::to_string(teacher_id) + " " +
         (before ? domain::enrolment_status_code(*before) : "new");
}

// What a run of the batch found: the course's refusal, teachers outside the unit, or the outcome.
struct Run {
  std::string refusal;
  size_t strangers = 0;  // picks that are not 在職 teachers of the unit: nothing was written
  Outcome outcome;
};

// The batch in one transaction: the course row locked first, then every pick in the order
// picked; committed only when every pick is one of the unit's 在職 teachers.
Run run_batch(core::Context& cx, const course_store::Course& course,
              const std::vector<int64_t>& picks) {
  db::Connection& db = cx.db();
  Run run;
  db::Transaction tx(db);
  const auto seats = sql::lock_course(db, course.id);
  if (!seats) {
    run.refusal = "這門研習已不存在。";
    return run;
  }
  run.refusal = refusal_of(*seats);
  if (!run.refusal.empty()) return run;
  std::map<int64_t, batch_sql::Candidate> known;
  for (auto& t : batch_sql::unit_teachers(db, course.id, course.unit_id, picks)) {
    known.emplace(t.id, std::move(t));
  }
  run.strangers = picks.size() - known.size();
  if (run.strangers > 0) return run;
  for (int64_t id : picks) {
    const batch_sql::Candidate& t = known.at(id);
    const Named named{t.id, t.name, domain::mask_national_id(t.national_id)};
    if (t.status == EnrolmentStatus::kApproved) {
      run.outcome.already.push_back(named);
      continue;
    }
    if (t.status == EnrolmentStatus::kPending) {  // holds its seat already
      batch_sql::approve(db, course.id, t.id, cx.user().id);
      run.outcome.from_pending.push_back(named);
    } else if (!sql::take_seat(db, course.id)) {
      run.outcome.not_added.push_back(named);
      shared::access::audit(cx, "enrolment.batch_full", course.code, audit_detail(t.id, t.status));
      continue;
    } else if (t.status) {  // 候補中, 已取消 or 審核不通過: the same enrolment, taken up again
      batch_sql::approve(db, course.id, t.id, cx.user().id);
      run.outcome.added.push_back(named);
    } else {
      batch_sql::insert_approved(db, course.id, t.id, cx.user().id);
      run.outcome.added.push_back(named);
    }
    shared::access::audit(cx, "enrolment.batch", course.code, audit_detail(t.id, t.status));
  }
  tx.commit();
  return run;
}

}  // namespace

core::Response batch(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  const auto seats = sql::seats_of(cx.db(), course->code);
  if (!seats) return cx.not_found();
  if (const std::string why = refusal_of(*seats); !why.empty()) return cx.conflict(why);
  PageState st;
  st.view = read_view(cx.req().query);
  return show_page(cx, *course, *seats, st, 200);
}

core::Response enrol_batch(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  PageState st;
  st.view = read_view(cx.req().form);
  const auto raw = cx.req().form.all("teacher");
  st.picked.insert(raw.begin(), raw.end());
  const auto picks = read_picks(raw);

  auto shown_again = [&](int status) {
    const auto seats = sql::seats_of(cx.db(), course->code);
    if (!seats) return cx.not_found();
    return show_page(cx, *course, *seats, st, status);
  };
  if (!picks) {
    st.errors.add("teacher", "勾選的資料無法辨識，請重新勾選教師後再送出。");
    st.errors.add("form", "沒有報名任何教師。");
    return shown_again(422);
  }
  if (picks->empty()) {
    st.errors.add("teacher", "請至少勾選一位要報名的教師。");
    st.errors.add("form", "沒有報名任何教師。");
    return shown_again(422);
  }
  // A page's worth at a time: the course stays locked while the batch runs.
  if (picks->size() > static_cast<size_t>(kMaxPageSize)) {
    st.errors.add("teacher", "一次最多報名 " + std::to_string(kMaxPageSize) +
                                 " 位教師（一頁的數量），請分次送出。");
    st.errors.add("form", "沒有報名任何教師。");
    return shown_again(422);
  }

  // A rival's commit between our reads can make the transaction give way (db::Busy): once more
  // from the start, then a clear answer; nothing was written either time.
  std::optional<Run> run;
  for (int attempt = 0; attempt < 2 && !run; ++attempt) {
    try {
      run = run_batch(cx, *course, *picks);
    } catch (const db::Busy&) {
    }
  }
  if (!run) {
    core::Response busy = cx.error(
        503, "目前無法批次報名",
        "目前報名的人很多，系統沒能處理這次批次報名，沒有報名任何教師。請稍候幾秒再送出一次。");
    busy.header("Retry-After", "2");
    return busy;
  }
  if (!run->refusal.empty()) return cx.conflict(run->refusal);
  if (run->strangers > 0) {
    st.errors.add("teacher",
                  "勾選的教師中有 " + std::to_string(run->strangers) +
                      " 位不是本校在職教師（可能已離職、轉校或資料已更新），請重新勾選。");
    st.errors.add("form", "沒有報名任何教師。");
    return shown_again(422);
  }
  st.picked.clear();  // what was picked is done; the list now shows who is left
  if (run->outcome.not_added.empty()) {
    cx.flash(summary_of(run->outcome));
    return cx.see_other(list_url(course->code, st.view, st.view.page));
  }
  // Some found no seat: the page itself names them (too many names for a flash).
  st.outcome = &run->outcome;
  return shown_again(200);
}

}  // namespace enrolment
