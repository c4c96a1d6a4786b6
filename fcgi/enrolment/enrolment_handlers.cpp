// Enrolment: the seat is decided under the course row's lock, in one transaction with the
// application, its e-mail and any promotion from the waiting list; the window is the database's
// clock (domain/enrolment_rules.h).
#include "enrolment/enrolment_handlers.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "app/routes.h"
#include "core/form.h"
#include "core/fragment_cache.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/enrolment_rules.h"
#include "domain/lights.h"
#include "domain/validation.h"
#include "enrolment/enrolment_sql.h"
#include "mail/mail.h"
#include "shared/access.h"
#include "shared/course_store.h"
#include "shared/form_view.h"
#include "shared/labels.h"

namespace enrolment {

namespace {

using domain::EnrolmentStatus;
using domain::EnrolRefusal;

// ans_<code>: names live as long as the questions table.
const char* answer_field(const domain::Question& q) {
  static const std::map<std::string, std::string> kNames = [] {
    std::map<std::string, std::string> names;
    for (const auto& each : domain::questions()) names[each.code] = std::string("ans_") + each.code;
    return names;
  }();
  return kNames.at(q.code).c_str();
}

// The application form: its request key (one per form shown) makes a re-sent or double-clicked
// application one enrolment; `waitlist` joins the waiting list of a full course; then the
// course's own questions (報名所需額外資訊), as ans_<code>.
core::FormSpec enrol_spec(const std::map<std::string, domain::Asked>& asked) {
  core::FormSpec spec = {
      {"key", "報名序號", core::FieldKind::kText, false, 64},
      {"waitlist", "加入候補", core::FieldKind::kFlag},
  };
  for (const auto& q : domain::questions()) {
    auto it = asked.find(q.code);
    if (it == asked.end() || it->second == domain::Asked::kNo) continue;
    const bool required = it->second == domain::Asked::kRequired;
    std::vector<std::string> options(q.options.begin(), q.options.end());
    if (options.empty()) {
      spec.push_back({answer_field(q), q.label, core::FieldKind::kText, required,
                      static_cast<long long>(q.max_chars)});
    } else {
      spec.push_back({answer_field(q), q.label, core::FieldKind::kChoice, required, 0, 0, options, options});
    }
  }
  return spec;
}

// "meal=素食\nmobile=0912…": what the organizer reads beside the applicant.
std::string answers_of(const core::Form& form) {
  std::string out;
  for (const auto& q : domain::questions()) {
    bool asked = false;
    for (const auto& f : form.spec()) asked = asked || std::string(f.name) == answer_field(q);
    if (!asked) continue;
    std::string value = form.text(answer_field(q));
    for (char& c : value) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    if (!value.empty()) out += std::string(q.code) + "=" + value + "\n";
  }
  return out;
}

// Fills the questions into `dict` ({{>QUESTIONS}}), with what was typed and why it was refused.
void fill_questions(ctemplate::TemplateDictionary& dict, const std::map<std::string, domain::Asked>& asked,
                    const core::Form* typed) {
  auto* list = dict.AddIncludeDictionary("QUESTIONS");
  list->SetFilename("enrolment/questions.tpl");
  for (const auto& q : domain::questions()) {
    auto it = asked.find(q.code);
    if (it == asked.end() || it->second == domain::Asked::kNo) continue;
    const std::string name = answer_field(q);
    const std::string value = typed ? typed->raw(name) : "";
    auto* row = list->AddSectionDictionary("QUESTION");
    row->SetValue("NAME", name);
    row->SetValue("LABEL", q.label);
    if (it->second == domain::Asked::kRequired) row->ShowSection("REQUIRED");
    if (q.options.empty()) {
      row->SetIntValue("MAX", static_cast<long>(q.max_chars));
      row->SetValue("VALUE", value);
      row->ShowSection("TEXT");
    } else {
      auto* choice = row->AddSectionDictionary("CHOICE");
      for (const char* option : q.options) {
        auto* o = choice->AddSectionDictionary("OPTION");
        o->SetValue("VALUE", option);
        if (value == option) o->ShowSection("SELECTED");
      }
    }
    if (typed && typed->errors().has(name)) {
      auto* beside = row->AddIncludeDictionary("ERROR");
      beside->SetFilename("partials/field_error.tpl");
      beside->SetValue("FIELD", name);
      beside->SetValue("MESSAGE", typed->errors().message(name));
      row->ShowSection("INVALID");
    }
  }
}

const core::FormSpec kDecisionForm = {
    {"decision", "審核結果", core::FieldKind::kChoice, true, 0, 0, {"approve", "refuse"}, {"通過", "不通過"}},
    {"reason", "不通過理由", core::FieldKind::kText, false, 300},
};

std::string roc_epoch(int64_t epoch) {
  // The database's UNIX_TIMESTAMP in Taiwan time (UTC+8, no daylight saving), as the pages show it.
  const int64_t local = epoch + 8 * 3600;
  const int64_t days = local / 86400;
  const int minute = static_cast<int>((local % 86400) / 60);
  const domain::Date d = domain::civil_from_days(days);
  return domain::to_roc(d) + " " + domain::format_clock(minute);
}

// What an application came to.
struct Outcome {
  std::optional<EnrolmentStatus> status;  // the teacher's enrolment, when there is one
  std::optional<EnrolRefusal> refusal;    // why this application was not taken
  bool incomplete = false;                // the course's questions were not all answered
  int waiting_position = 0;
  bool replay = false;    // the same form sent again: its first answer
  bool draw_due = false;  // kBusy because the draw time has come and the draw is not done yet
  int64_t enrolment_id = 0;  // the enrolment's number: its 抽籤編號 when it waits for a draw
  std::optional<sql::Seats> locked;  // the course as the transaction read it, with the seat it took
};

std::string words_of(const Outcome& o, const sql::Seats& s) {
  if (o.refusal) {
    switch (*o.refusal) {
      case EnrolRefusal::kFull:
        return "名額已滿，沒有報名成功。您可以加入候補：有名額釋出時依序遞補，並以電子郵件通知。";
      case EnrolRefusal::kClosed:
        return s.window.closes > 0 && s.window.now > s.window.closes
                   ? "報名已於 " + roc_epoch(s.window.closes) + " 截止，沒有報名成功。"
                   : "這門研習目前不接受線上報名，沒有報名成功。";
      case EnrolRefusal::kNotOpen:
        return "尚未開放報名，將於 " + roc_epoch(s.window.opens) + " 開放；沒有報名成功。";
      case EnrolRefusal::kIneligible:
        return "這門研習的報名資格（學校層級、縣市、學校或職位類別）不包括您，沒有報名成功。如您的職位類別登錄有誤，請洽服務學校的總負責人。";
      case EnrolRefusal::kRecordsOnly:
        return "您的帳號目前僅能查詢研習紀錄（非在職或沒有服務單位，第5條），不能報名研習。如資料有誤，請洽服務學校的總負責人。";
      case EnrolRefusal::kDuplicate:
        return "您已報名這門研習（目前為「" +
               std::string(o.status ? domain::enrolment_status_label(*o.status) : "") +
               "」），不必重複報名。";
      case EnrolRefusal::kBusy:
        return o.draw_due ? "抽籤時間已到，正在抽籤，請稍候一分鐘再送出；您的報名尚未成立。"
                          : "目前報名的人很多，系統沒能處理您的報名，請稍候幾秒再送出一次；您的報名尚未成立。";
    }
  }
  switch (*o.status) {
    case EnrolmentStatus::kApproved:
      return "報名成功，已審核通過（自動審核）。如無法參加，請於研習開始前到「我的專屬首頁」取消報名。";
    case EnrolmentStatus::kPending:
      return "報名成功，等待承辦人審核；審核結果會顯示在「我的專屬首頁」。";
    case EnrolmentStatus::kWaiting:
      return "已列入候補，目前排第 " + std::to_string(o.waiting_position) +
             " 位。有名額釋出時依序遞補，並以電子郵件通知您。";
    case EnrolmentStatus::kInDraw:
      return "報名成功，將於 " + shared::roc_datetime(s.draw_at) + " 抽籤，報名先後不影響結果；您的抽籤編號為 " +
             std::to_string(o.enrolment_id) + "。抽籤結果會以電子郵件通知，並顯示在「我的專屬首頁」。";
    default:
      return domain::enrolment_status_label(*o.status);
  }
}

int status_of(const Outcome& o) {
  if (!o.refusal) return 200;
  switch (*o.refusal) {
    case EnrolRefusal::kRecordsOnly:
    case EnrolRefusal::kIneligible:
      return 403;
    case EnrolRefusal::kBusy:
      return 503;
    default:
      return 409;
  }
}

core::Response answer(core::Context& cx, const sql::Seats& seats, const Outcome& o,
                      const core::Form* typed = nullptr) {
  core::Page page(cx, "enrolment/result.tpl", o.refusal || o.incomplete ? "報名沒有成功" : "報名結果");
  auto& body = page.body();
  if (o.incomplete) {
    // The same questions again, with what was typed and the message beside each.
    body.SetValue("STATUS", "refused");
    body.SetValueAndShowSection("REASON", "incomplete", "REFUSED");
    body.SetValue("HEADING", "報名沒有成功");
    body.SetValue("MESSAGE", "請補齊報名所需資料後再送出；您填寫的內容都已保留。");
    body.SetValue("MESSAGE_CLASS", "form-error");
    body.SetValue("CODE", seats.code);
    body.SetValue("TITLE", seats.title);
    body.SetValue("COURSE_URL", app::url_for("course.show", {seats.code}));
    body.SetValue("TEACHER_URL", app::url_for("teacher.home"));
    auto* again = body.AddSectionDictionary("AGAIN");
    again->SetValue("ACTION", app::url_for("enrolment.create", {seats.code}));
    again->SetValue("CSRF_TOKEN", cx.csrf_token());
    again->SetValue("KEY", typed->raw("key"));
    if (typed->flag("waitlist")) again->ShowSection("WAITLIST_ASKED");
    fill_questions(*again, seats.asked, typed);
    return page.render(422);
  }
  body.SetValue("STATUS", o.refusal ? "refused" : domain::enrolment_answer_code(*o.status));
  if (o.refusal) body.SetValueAndShowSection("REASON", domain::refusal_code(*o.refusal), "REFUSED");
  body.SetValue("HEADING", o.refusal ? "報名沒有成功" : "報名結果：" + std::string(domain::enrolment_status_label(*o.status)));
  body.SetValue("MESSAGE", words_of(o, seats));
  body.SetValue("MESSAGE_CLASS", o.refusal ? "form-error" : "note");
  body.SetValue("CODE", seats.code);
  body.SetValue("TITLE", seats.title);
  body.SetValue("COURSE_URL", app::url_for("course.show", {seats.code}));
  body.SetValue("TEACHER_URL", app::url_for("teacher.home"));
  if (o.refusal == EnrolRefusal::kFull) {
    auto* offer = body.AddSectionDictionary("WAITLIST");
    offer->SetValue("ACTION", app::url_for("enrolment.create", {seats.code}));
    offer->SetValue("CSRF_TOKEN", cx.csrf_token());
    offer->SetValue("KEY", core::random_token());
    // The answers already given go with the offer, so nothing is asked twice.
    if (typed) {
      for (const auto& f : typed->spec()) {
        if (std::string(f.name).rfind("ans_", 0) != 0) continue;
        auto* keep = offer->AddSectionDictionary("KEEP");
        keep->SetValue("NAME", f.name);
        keep->SetValue("VALUE", typed->raw(f.name));
      }
    }
  }
  core::Response r = page.render(status_of(o));
  if (o.refusal == EnrolRefusal::kBusy) r.header("Retry-After", o.draw_due ? "60" : "2");
  return r;
}

Outcome apply(core::Context& cx, int64_t course_id, const std::string& key, bool waitlist,
              bool auto_approve, const std::string& answers) {
  db::Connection& db = cx.db();
  db::Transaction tx(db);
  const auto seats = sql::lock_course(db, course_id);
  Outcome o;
  o.locked = seats;
  // A teacher who cancelled may apply again, on the same row (one per course and teacher).
  auto existing = sql::mine(db, course_id, cx.user().id);
  if (existing && existing->status == EnrolmentStatus::kCancelled && existing->request_key != key) existing.reset();
  if (existing) {
    o.status = existing->status;
    o.waiting_position = existing->waiting_position;
    o.enrolment_id = existing->id;
    if (!key.empty() && existing->request_key == key) {
      o.replay = true;
    } else {
      o.refusal = EnrolRefusal::kDuplicate;
    }
    return o;
  }
  if (const auto refused = domain::window_refusal(seats->window)) {
    o.refusal = refused;
    return o;
  }
  const domain::DrawPhase draw = domain::draw_phase(seats->draw);
  if (draw == domain::DrawPhase::kDue) {
    // After the announced draw time nothing joins the draw, and the seats are not the
    // scheduler's to give yet: the teacher tries again in a minute.
    o.refusal = EnrolRefusal::kBusy;
    o.draw_due = true;
    return o;
  }
  if (draw == domain::DrawPhase::kCollecting) {
    o.status = EnrolmentStatus::kInDraw;  // no seat: the draw gives them, whoever came first
  } else if (sql::take_seat(db, course_id)) {
    o.status = auto_approve ? EnrolmentStatus::kApproved : EnrolmentStatus::kPending;
    ++o.locked->seats_taken;
  } else if (waitlist) {
    o.status = EnrolmentStatus::kWaiting;
  } else {
    o.refusal = EnrolRefusal::kFull;
    return o;
  }
  sql::save_application(db, course_id, cx.user().id, *o.status, key, auto_approve, answers);
  if (*o.status == EnrolmentStatus::kWaiting || *o.status == EnrolmentStatus::kInDraw) {
    const auto saved = sql::mine(db, course_id, cx.user().id);
    o.waiting_position = saved->waiting_position;
    o.enrolment_id = saved->id;
  }
  shared::access::audit(cx, "enrolment.create", seats->code, domain::enrolment_status_code(*o.status));
  tx.commit();
  return o;
}

std::string promotion_mail(const sql::Person& p, const sql::Seats& s, const std::string& base_url) {
  return p.name + " 您好：\n\n您候補的研習已有名額釋出，您已遞補為「" +
         std::string(s.auto_review ? "審核通過" : "待審核") + "」。\n\n研習課程代碼：" + s.code +
         "\n研習名稱：" + s.title + "\n\n請登入「我的專屬首頁」查看；如無法參加，請於研習開始前取消報名，讓下一位教師遞補：\n" +
         base_url + app::url_for("teacher.home") + "\n\n全國教師在職進修資訊網（本信由系統自動寄出，請勿直接回覆）\n";
}

// With the course locked and a seat just freed: the first waiting teacher takes it and is told.
void promote(core::Context& cx, const sql::Seats& seats) {
  if (const auto p = sql::promote_next(cx.db(), seats)) notify_promoted(cx, *p, seats);
}

// The key as stored: its SHA-256 in base64url, the column's 43 ASCII characters whatever was typed.
std::string stored_key(const std::string& typed) {
  return typed.empty() ? "" : core::base64url(core::sha256_raw(typed));
}

std::optional<int64_t> enrolment_id_of(core::Context& cx) {
  return domain::parse_integer(cx.param("id"), 1, 9'000'000'000'000'000'000LL);
}

// Before the teacher applies, never a refusal: clashes with the courses they already hold.
std::vector<domain::ClashWarning> clash_warnings_for(core::Context& cx, int64_t course_id) {
  return domain::clash_warnings(course_store::rule_sessions(course_store::sessions_of(cx.db(), course_id)),
                                sql::held_on_the_days_of(cx.db(), cx.user().id, course_id));
}

void fill_clash_warnings(const std::vector<domain::ClashWarning>& warnings, ctemplate::TemplateDictionary& form) {
  for (const auto& w : warnings) {
    auto* d = form.AddSectionDictionary("WARNING");
    const std::string day = shared::roc_date(domain::to_iso(w.date));
    d->SetValue("TEXT", w.kind == domain::ClashWarning::kOverlap
                            ? day + " 的研習時間與您已報名的「" + w.other_title + "」重疊。"
                            : day + " 加上您已報名的研習共 " + std::to_string(w.day_hours) +
                                  " 小時，超過每日 6 小時（第10條），超過的時數可能不予採計。");
  }
  if (!warnings.empty()) form.SetValueAndShowSection("TEACHER_URL", app::url_for("teacher.home"), "HAS_WARNINGS");
}

// The course page's box is read on every view of a signed-in teacher, so its facts are kept per
// worker (shared/caches.h lists them). The course's seat facts: no older than the page body they
// sit in (public_cache_seconds), with the database's clock carried forward from the read, so the
// window opens and closes on the database's second and never early (UNIX_TIMESTAMP() and the
// elapsed whole seconds both round down).
struct KeptSeats {
  std::optional<sql::Seats> seats;
  std::chrono::steady_clock::time_point read_at;
};

size_t kept_bytes(const KeptSeats& k) {
  return sizeof k + (k.seats ? k.seats->title.size() + 512 : 0);  // 512: the questions and eligibility sets
}

KeptSeats box_seats(core::Context& cx, const std::string& code) {
  static core::KeptCache<KeptSeats> cache(std::chrono::seconds(cx.config().public_cache_seconds), 4 << 20);
  auto kept = cache.get(code, "");
  if (!kept) {
    kept = KeptSeats{sql::seats_of(cx.db(), code), std::chrono::steady_clock::now()};
    cache.put(code, "", *kept);
  }
  if (kept->seats) {
    const auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() -
                                                                          kept->read_at).count();
    kept->seats->window.now += elapsed;
    kept->seats->draw.now += elapsed;
  }
  return *kept;
}

// The teacher's own part: their application here and, while they may apply, the clash warnings.
// Kept under the teacher's home_version, which every write to their enrolments moves (triggers of
// 0001_init.sql), so it is exact whenever it shows; only a waiting position moves with other
// teachers' cancellations, and it is read afresh. The warnings also follow the sessions of the
// courses compared, which home_version does not see: they are advice, at most a minute old.
struct OwnBox {
  std::optional<sql::Mine> mine;
  std::optional<std::vector<domain::ClashWarning>> warnings;
};

size_t kept_bytes(const OwnBox& own) {
  size_t bytes = sizeof own;
  if (own.warnings) {
    for (const auto& w : *own.warnings) bytes += sizeof w + w.other_title.size();
  }
  return bytes;
}

core::KeptCache<OwnBox>& own_boxes() {
  static core::KeptCache<OwnBox> cache(std::chrono::seconds(60), 2 << 20);
  return cache;
}

}  // namespace

core::Response enrol(core::Context& cx) {
  const std::string code = cx.param("code");
  const auto facts = domain::is_course_code(code) ? sql::application_facts(cx.db(), code, cx.user().id)
                                                  : std::nullopt;
  if (!facts || !domain::is_public(facts->seats.window.state)) return cx.not_found();
  const sql::Seats& seats = facts->seats;
  Outcome o;
  if (cx.user().records_only) {
    o.refusal = EnrolRefusal::kRecordsOnly;
    return answer(cx, seats, o);
  }
  if (!domain::eligible(seats.eligibility, facts->teacher)) {
    o.refusal = EnrolRefusal::kIneligible;
    return answer(cx, seats, o);
  }
  const core::FormSpec spec = enrol_spec(seats.asked);
  const core::Form form(spec, cx.req().form);
  if (!form.ok()) {
    o.incomplete = true;
    return answer(cx, seats, o, &form);
  }
  // At the opening minute most applicants find the course full: tell them without queueing for the
  // course's lock. Only a teacher without an application here, who did not ask for 候補, within the
  // window, of a course that is first come (a draw to come takes everyone); a seat freed a moment
  // later is the waiting list's anyway.
  const domain::DrawPhase draw = domain::draw_phase(seats.draw);
  const bool first_come = draw == domain::DrawPhase::kNone || draw == domain::DrawPhase::kDrawn;
  if (first_come && !form.flag("waitlist") && seats.seats_taken >= seats.online_seats &&
      !domain::window_refusal(seats.window) && !facts->applied) {
    o.refusal = EnrolRefusal::kFull;
    return answer(cx, seats, o, &form);
  }
  // 自動審核 approves within its scope; the others wait for the organizer.
  const bool auto_approve = seats.auto_review &&
                            domain::auto_approves(seats.auto_scope, facts->teacher, seats.unit_id, seats.county_id);
  // A rival's commit between our reads can make the transaction give way (db::Busy): once more
  // from the start, then a clear answer; nothing was taken either time.
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      o = apply(cx, seats.course_id, stored_key(form.text("key")), form.flag("waitlist"), auto_approve,
                answers_of(form));
      break;
    } catch (const db::Busy&) {
      o = Outcome{};
      o.refusal = EnrolRefusal::kBusy;
    }
  }
  // The answer explains the course as the transaction saw it under the lock.
  return answer(cx, o.locked ? *o.locked : seats, o, &form);
}

core::Response cancel_form(core::Context& cx) {
  const auto id = enrolment_id_of(cx);
  const auto held = id ? sql::find_own(cx.db(), *id, cx.user().id, false) : std::nullopt;
  if (!held) return cx.not_found();
  core::Page page(cx, "enrolment/cancel.tpl", "取消報名");
  auto& body = page.body();
  body.SetValue("CODE", held->code);
  body.SetValue("TITLE", held->title);
  body.SetValue("STATUS", domain::enrolment_status_label(held->status));
  body.SetValue("TEACHER_URL", app::url_for("teacher.home"));
  if (domain::may_cancel(held->status, held->now, held->first_session_start)) {
    auto* form = body.AddSectionDictionary("CAN_CANCEL");
    form->SetValue("ACTION", app::url_for("enrolment.cancel", {std::to_string(held->id)}));
    form->SetValue("CSRF_TOKEN", cx.csrf_token());
  } else {
    body.ShowSection("CANNOT_CANCEL");
  }
  return page.render();
}

core::Response cancel(core::Context& cx) {
  const auto id = enrolment_id_of(cx);
  const auto seen = id ? sql::find_own(cx.db(), *id, cx.user().id, false) : std::nullopt;
  if (!seen) return cx.not_found();
  {
    db::Transaction tx(cx.db());
    const auto seats = sql::lock_course(cx.db(), seen->course_id);  // the course first, always
    const auto held = sql::find_own(cx.db(), *id, cx.user().id, true);
    if (!domain::may_cancel(held->status, held->now, held->first_session_start)) {
      return cx.conflict("這筆報名目前為「" + std::string(domain::enrolment_status_label(held->status)) +
                         "」，或研習已經開始，不能取消。");
    }
    sql::set_status(cx.db(), held->id, EnrolmentStatus::kCancelled, std::nullopt, "");
    if (domain::holds_seat(held->status)) {
      sql::free_seat(cx.db(), held->course_id);
      promote(cx, *seats);
    }
    shared::access::audit(cx, "enrolment.cancel", held->code);
    tx.commit();
  }
  cx.flash("已取消「" + seen->title + "」的報名。");
  return cx.see_other(app::url_for("teacher.home"));
}

namespace {

// 報名資格審核's filter and order, read from the address so a decision keeps them.
// 自動審核瀏覽: the applicants whom 自動審核 (or the draw) decided, each with when and why.
constexpr const char* kDecidedAutomatically = "auto";

struct ApplicantView {
  std::string status;  // an enrolment status code, kDecidedAutomatically, or "" for all
  std::string name;    // part of the name or the unit
  std::string order;   // applied (default), light, unit
};

const std::vector<std::pair<const char*, const char*>> kApplicantOrders = {
    {"applied", "報名時間"}, {"light", "燈號（未參與多者在前）"}, {"unit", "服務單位"}};

ApplicantView applicant_view(const core::Params& query) {
  ApplicantView v{query.get_or("status"), domain::utf8_prefix(domain::trim(query.get_or("q")), 50),
                  query.get_or("order")};
  if (!v.status.empty() && v.status != kDecidedAutomatically && !domain::parse_enrolment_status(v.status)) {
    v.status.clear();
  }
  if (v.order != "light" && v.order != "unit") v.order = "applied";
  return v;
}

std::vector<sql::Applicant> shown_applicants(const std::vector<sql::Applicant>& all, const ApplicantView& v) {
  std::vector<sql::Applicant> out;
  for (const auto& a : all) {
    if (v.status == kDecidedAutomatically) {
      if (!a.auto_decided) continue;
    } else if (!v.status.empty() && v.status != domain::enrolment_status_code(a.status)) {
      continue;
    }
    if (!v.name.empty() && a.name.find(v.name) == std::string::npos &&
        a.unit_name.find(v.name) == std::string::npos) continue;
    out.push_back(a);
  }
  // The query's order (status, then the waiting list's and the applications' times) breaks ties.
  if (v.order == "light") {
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& x, const auto& y) { return x.missed_courses.size() > y.missed_courses.size(); });
  } else if (v.order == "unit") {
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.unit_name < y.unit_name; });
  }
  return out;
}

void fill_applicant_view(ctemplate::TemplateDictionary& body, const ApplicantView& v) {
  body.SetValue("FILTER_Q", v.name);
  auto* all = body.AddSectionDictionary("STATUS_OPTION");
  all->SetValue("CODE", "");
  all->SetValue("LABEL", "全部");
  if (v.status.empty()) all->ShowSection("SELECTED");
  for (const auto s : {EnrolmentStatus::kPending, EnrolmentStatus::kInDraw, EnrolmentStatus::kWaiting,
                       EnrolmentStatus::kApproved, EnrolmentStatus::kRefused, EnrolmentStatus::kCancelled}) {
    auto* o = body.AddSectionDictionary("STATUS_OPTION");
    o->SetValue("CODE", domain::enrolment_status_code(s));
    o->SetValue("LABEL", domain::enrolment_status_label(s));
    if (v.status == domain::enrolment_status_code(s)) o->ShowSection("SELECTED");
  }
  auto* automatic = body.AddSectionDictionary("STATUS_OPTION");
  automatic->SetValue("CODE", kDecidedAutomatically);
  automatic->SetValue("LABEL", "自動審核瀏覽（系統自動決定的）");
  if (v.status == kDecidedAutomatically) automatic->ShowSection("SELECTED");
  for (const auto& [code, label] : kApplicantOrders) {
    auto* o = body.AddSectionDictionary("ORDER_OPTION");
    o->SetValue("CODE", code);
    o->SetValue("LABEL", label);
    if (v.order == code) o->ShowSection("SELECTED");
  }
}

core::Response show_applicants(core::Context& cx, const course_store::Course& course,
                               const core::Form& form, const std::string& notice, int status) {
  const auto list = sql::applicants(cx.db(), course.id);
  core::Page page(cx, "enrolment/applicants.tpl", "報名資格審核：" + course.title);
  auto& body = page.body();
  body.SetValue("CODE", course.code);
  body.SetValue("TITLE", course.title);
  body.SetValue("COURSE_URL", app::url_for("office.course", {course.code}));
  body.SetValue("ACTION", app::url_for("office.course.decide", {course.code}));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetIntValue("ONLINE_SEATS", course.online_seats);
  body.SetIntValue("SEATS_TAKEN", course.seats_taken);
  if (!notice.empty()) body.SetValueAndShowSection("NOTICE", notice, "HAS_NOTICE");
  std::map<EnrolmentStatus, int> counts;
  for (const auto& a : list) ++counts[a.status];
  std::set<std::string> picked;
  for (const auto& v : form.raw_all("enrolment")) picked.insert(v);
  const ApplicantView view = applicant_view(cx.req().query);
  fill_applicant_view(body, view);
  const auto shown = shown_applicants(list, view);
  if (!list.empty() && shown.empty()) body.ShowSection("NO_MATCH");
  for (const auto& a : shown) {
    auto* row = body.AddSectionDictionary("APPLICANT");
    row->SetIntValue("ID", a.id);
    row->SetValue("NAME", a.name);
    row->SetValue("UNIT", a.unit_name.empty() ? "（無服務單位）" : a.unit_name);
    row->SetValue("TITLE_NAME", a.title_name);
    row->SetValue("POSITION", a.position.empty() ? a.title_name
                              : a.title_name.empty() ? a.position : a.position + "／" + a.title_name);
    row->SetValue("CONTACT", a.email + (a.phone.empty() ? "" : "｜" + a.phone));
    row->SetValue("APPLIED_AT", shared::roc_datetime(a.applied_at));
    row->SetValue("STATUS_CODE", domain::enrolment_status_code(a.status));
    // A seat the draw gave says so, not 自動審核; every drawn applicant shows the draw's place.
    const bool by_draw = a.seat_from_draw && a.status == EnrolmentStatus::kApproved;
    row->SetValue("STATUS", std::string(domain::enrolment_status_label(a.status)) +
                                (by_draw           ? "（" + shared::roc_datetime(a.decided_at) + " 抽籤錄取）"
                                 : a.auto_decided ? "（" + shared::roc_datetime(a.decided_at) +
                                                        " 自動審核：先報先錄取，尚有名額）"
                                                  : "") +
                                (a.draw_position > 0 ? "（抽籤順序第 " + std::to_string(a.draw_position) + " 位）" : ""));
    if (!a.refusal_reason.empty()) row->SetValueAndShowSection("REFUSAL", a.refusal_reason, "REFUSED");
    for (const auto& q : domain::questions()) {
      const std::string prefix = std::string(q.code) + "=";
      for (size_t pos = 0; pos < a.answers.size();) {
        size_t end = a.answers.find('\n', pos);
        if (end == std::string::npos) end = a.answers.size();
        const std::string line = a.answers.substr(pos, end - pos);
        if (line.rfind(prefix, 0) == 0) {
          auto* ans = row->AddSectionDictionary("ANSWER");
          ans->SetValue("LABEL", q.label);
          ans->SetValue("VALUE", line.substr(prefix.size()));
        }
        pos = end + 1;
      }
    }
    const int missed = static_cast<int>(a.missed_courses.size());
    const domain::Light light = domain::teacher_light(missed);
    row->SetValue("LIGHT_CODE", domain::light_code(light));
    row->SetValue("LIGHT", std::string(domain::light_words(light)) + "（今年報名但未參與 " +
                               std::to_string(missed) + " 堂）");
    for (const auto& course : a.missed_courses) row->AddSectionDictionary("MISSED")->SetValue("MISSED_COURSE", course);
    const bool open = a.status == EnrolmentStatus::kPending || a.status == EnrolmentStatus::kWaiting ||
                      a.status == EnrolmentStatus::kApproved || a.status == EnrolmentStatus::kInDraw;
    if (open) {
      auto* pick = row->AddSectionDictionary("PICK");
      if (picked.count(std::to_string(a.id))) pick->ShowSection("CHECKED");
    }
  }
  body.SetIntValue("TOTAL", static_cast<long>(list.size()));
  body.SetIntValue("APPROVED", counts[EnrolmentStatus::kApproved]);
  body.SetIntValue("REFUSED", counts[EnrolmentStatus::kRefused]);
  body.SetIntValue("PENDING", counts[EnrolmentStatus::kPending]);
  body.SetIntValue("WAITING", counts[EnrolmentStatus::kWaiting]);
  body.SetIntValue("CANCELLED", counts[EnrolmentStatus::kCancelled]);
  if (counts[EnrolmentStatus::kInDraw] > 0) {
    body.AddSectionDictionary("HAS_IN_DRAW")->SetIntValue("IN_DRAW", counts[EnrolmentStatus::kInDraw]);
  }
  if (list.empty()) body.ShowSection("NO_APPLICANTS");
  shared::fill_form(body, form);
  std::vector<shared::Option> decisions = {{"approve", "通過"}, {"refuse", "不通過"}};
  shared::fill_options(body, "DECISION_OPTION", decisions, {form.raw("decision")});
  return page.render(status);
}

std::string refusal_mail(const sql::Person& p, const course_store::Course& c, const std::string& reason,
                         const std::string& base_url) {
  return p.name + " 您好：\n\n您報名的研習經承辦人審核，結果為「審核不通過」。\n\n研習課程代碼：" + c.code +
         "\n研習名稱：" + c.title + "\n開課單位：" + c.unit_name + "\n\n理由：\n" + reason +
         "\n\n如有疑問，請洽課程聯絡人：" + c.contact1.name + " " + c.contact1.phone + " " + c.contact1.email +
         "\n\n" + base_url + app::url_for("course.show", {c.code}) +
         "\n\n全國教師在職進修資訊網（本信由系統自動寄出，請勿直接回覆）\n";
}

}  // namespace

core::Response applicants(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  return show_applicants(cx, *course, core::Form(kDecisionForm), "", 200);
}

core::Response decide(core::Context& cx) {
  const auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return cx.not_found();
  // Only this course's applications can be chosen.
  core::FormSpec spec = kDecisionForm;
  std::vector<std::string> ids_of_course;
  for (const auto& a : sql::applicants(cx.db(), course->id)) ids_of_course.push_back(std::to_string(a.id));
  spec.push_back({"enrolment", "報名者", core::FieldKind::kChoices, false, 0, 0, ids_of_course});
  core::Form form(spec, cx.req().form);
  std::vector<int64_t> ids;
  for (const auto& v : form.values("enrolment")) ids.push_back(*domain::parse_integer(v, 1, 9'000'000'000'000'000'000LL));
  const bool refuse = form.text("decision") == "refuse";
  if (ids.empty()) form.errors().add("enrolment", "請勾選要審核的報名者。");
  if (refuse && form.text("reason").empty()) form.errors().add("reason", "不通過時請填寫理由，會以電子郵件告知教師。");
  if (!form.ok()) {
    form.errors().add("form", "沒有審核任何報名。");
    return show_applicants(cx, *course, form, "", 422);
  }
  int done = 0, no_seat = 0, in_draw = 0;
  {
    db::Transaction tx(cx.db());
    auto seats = *sql::lock_course(cx.db(), course->id);
    for (int64_t id : ids) {
      const auto person = sql::person_of(cx.db(), id, course->id);
      if (!person) continue;
      const auto current = sql::mine(cx.db(), course->id, person->teacher_id);
      if (!current) continue;
      const EnrolmentStatus s = current->status;
      if (refuse) {
        if (s == EnrolmentStatus::kRefused || s == EnrolmentStatus::kCancelled) continue;
        sql::set_status(cx.db(), id, EnrolmentStatus::kRefused, cx.user().id, form.text("reason"));
        if (domain::is_valid_email(person->email)) {
          mail::enqueue(cx.db(), {person->email, "【全國教師在職進修資訊網】報名審核結果：" + course->title,
                                  refusal_mail(*person, *course, form.text("reason"), cx.config().base_url)});
        }
        if (domain::holds_seat(s)) {
          sql::free_seat(cx.db(), course->id);
          promote(cx, seats);
        }
        ++done;
      } else if (s == EnrolmentStatus::kInDraw) {
        ++in_draw;  // the draw gives the seats, not the organizer (refusing one is still possible)
      } else if (s == EnrolmentStatus::kPending) {
        sql::set_status(cx.db(), id, EnrolmentStatus::kApproved, cx.user().id, "");
        ++done;
      } else if (s == EnrolmentStatus::kWaiting) {
        // From the waiting list only while a seat is free: approving never oversells.
        if (!sql::take_seat(cx.db(), course->id)) {
          ++no_seat;
          continue;
        }
        sql::set_status(cx.db(), id, EnrolmentStatus::kApproved, cx.user().id, "");
        ++done;
      }
    }
    shared::access::audit(cx, refuse ? "enrolment.refuse" : "enrolment.approve", course->code,
                          std::to_string(done));
    tx.commit();
  }
  std::string message = std::string(refuse ? "已將 " : "已審核通過 ") + std::to_string(done) + " 位" +
                        (refuse ? "設為不通過，並以電子郵件通知。" : "。");
  if (no_seat > 0) message += "另有 " + std::to_string(no_seat) + " 位候補者因名額已滿未能通過。";
  if (in_draw > 0) message += "另有 " + std::to_string(in_draw) + " 位待抽籤，名額由抽籤決定，未予通過。";
  cx.flash(message);
  return cx.see_other(app::url_for("office.course.enrolments", {course->code}));
}

void fill_box(core::Context& cx, const std::string& course_code, ctemplate::TemplateDictionary& box) {
  box.SetFilename("enrolment/box.tpl");
  const core::User& user = cx.user();
  if (user.signed_in() && !user.is_teacher()) return;
  const KeptSeats kept = box_seats(cx, course_code);
  const auto& seats = kept.seats;
  if (!seats || !seats->window.enrol_online) return;
  const bool open = !domain::window_refusal(seats->window);
  if (!user.signed_in()) {
    if (!open) return;
    box.ShowSection("SHOW");
    box.SetValueAndShowSection("LOGIN_URL",
                               app::url_for("login.form") + "?next=" +
                                   core::url_encode(app::url_for("course.show", {course_code})),
                               "ANONYMOUS");
    return;
  }
  if (user.records_only) {
    if (open) {
      box.ShowSection("SHOW");
      box.ShowSection("RECORDS_ONLY");
    }
    return;
  }
  const std::string own_key = std::to_string(user.id) + "|" + course_code;
  const std::string own_validator = std::to_string(user.home_version);
  auto own = own_boxes().get(own_key, own_validator);
  bool read = !own;
  if (!own) {
    own = OwnBox{sql::mine(cx.db(), seats->course_id, user.id), std::nullopt};
  } else if (own->mine && own->mine->status == EnrolmentStatus::kWaiting) {
    own->mine = sql::mine(cx.db(), seats->course_id, user.id);
    read = true;
  }
  const auto& mine = own->mine;
  const domain::DrawPhase draw = domain::draw_phase(seats->draw);
  const bool form_shown = (!mine || mine->status == EnrolmentStatus::kCancelled) && open &&
                          draw != domain::DrawPhase::kDue;
  if (form_shown && !own->warnings) {
    own->warnings = clash_warnings_for(cx, seats->course_id);
    read = true;
  }
  if (read) own_boxes().put(own_key, own_validator, *own);

  if (mine && mine->status == EnrolmentStatus::kCancelled) {
    box.ShowSection("SHOW");
    box.ShowSection("CANCELLED");  // and, while the window is open, the form to apply again
  } else if (mine) {
    box.ShowSection("SHOW");
    auto* d = box.AddSectionDictionary("MINE");
    d->SetValue("STATUS_CODE", domain::enrolment_answer_code(mine->status));
    d->SetValue("STATUS", domain::enrolment_status_label(mine->status));
    if (mine->status == EnrolmentStatus::kInDraw) {
      auto* in_draw = d->AddSectionDictionary("IN_DRAW");
      in_draw->SetValue("DRAW_AT", shared::roc_datetime(seats->draw_at));
      in_draw->SetIntValue("REFERENCE", mine->id);
    }
    if (mine->waiting_position > 0) {
      d->SetIntValue("POSITION", mine->waiting_position);
      d->ShowSection("WAITING");
    }
    if (domain::may_cancel(mine->status, seats->window.now, seats->window.first_session_start)) {
      d->SetValueAndShowSection("CANCEL_URL", app::url_for("enrolment.cancel_form", {std::to_string(mine->id)}),
                                "CAN_CANCEL");
    }
    return;
  }
  if (!open) return;  // the course page's status says why
  box.ShowSection("SHOW");
  if (draw == domain::DrawPhase::kDue) {
    box.ShowSection("DRAWING");  // applications wait for the scheduler's draw, a minute at most
    return;
  }
  auto* form = box.AddSectionDictionary("FORM");
  form->SetValue("ACTION", app::url_for("enrolment.create", {course_code}));
  form->SetValue("CSRF_TOKEN", cx.csrf_token());
  form->SetValue("KEY", core::random_token());
  if (draw == domain::DrawPhase::kCollecting) {
    form->SetValueAndShowSection("DRAW_AT", shared::roc_datetime(seats->draw_at), "LOTTERY");
  } else {
    form->ShowSection(seats->seats_taken >= seats->online_seats ? "FULL" : "OPEN");
  }
  fill_questions(*form, seats->asked, nullptr);
  fill_clash_warnings(*own->warnings, *form);
}

void notify_promoted(core::Context& cx, const sql::Person& p, const sql::Seats& seats) {
  if (domain::is_valid_email(p.email)) {
    mail::enqueue(cx.db(), {p.email, "【全國教師在職進修資訊網】候補遞補通知：" + seats.title + "（" + seats.code + "）",
                            promotion_mail(p, seats, cx.config().base_url)});
  }
  shared::access::audit_as(cx, "-", "enrolment.promote", seats.code, std::to_string(p.enrolment_id));
}

void cancel_with_course(core::Context& cx, int64_t course_id, const std::string& code,
                        const std::string& title) {
  sql::lock_course(cx.db(), course_id);
  for (const auto& p : sql::active_enrolments(cx.db(), course_id)) {
    if (!domain::is_valid_email(p.email)) continue;
    mail::enqueue(cx.db(), {p.email, "【全國教師在職進修資訊網】研習取消通知：" + title + "（" + code + "）",
                            p.name + " 您好：\n\n您報名的研習「" + title + "」（" + code +
                                "）已由開課單位取消（課程登錄錯誤），您的報名隨之取消。\n\n全國教師在職進修資訊網（本信由系統自動寄出，請勿直接回覆）\n"});
  }
  sql::cancel_all(cx.db(), course_id);
}

}  // namespace enrolment
