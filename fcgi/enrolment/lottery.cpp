// The draw and its SQL. The claim (drawn_at IS NULL) is written under the course row's lock,
// which every application, cancellation and decision of the course takes first, so the
// applicants cannot change during the draw and a rival scheduler waits, then finds nothing to do.
#include "enrolment/lottery.h"

#include <map>
#include <string>
#include <vector>

#include "app/routes.h"
#include "domain/course_state.h"
#include "domain/lottery.h"
#include "domain/validation.h"
#include "enrolment/enrolment_sql.h"
#include "mail/mail.h"
#include "shared/labels.h"
#include "shared/missed_sql.h"

namespace enrolment {

namespace {

constexpr int kBatch = 50;  // courses per pass; the next pass takes the rest

std::vector<int64_t> due(db::Connection& db) {
  std::vector<int64_t> ids;
  for (const auto& r : db.query("SELECT id FROM course WHERE seat_mode = 'lottery' AND drawn_at IS NULL"
                                " AND draw_at <= NOW() ORDER BY draw_at, id LIMIT ?",
                                kBatch)) {
    ids.push_back(r.i64("id"));
  }
  return ids;
}

struct Entrant {
  int64_t enrolment_id = 0;
  std::string name, email;
  bool no_show = false;
};

// The applicants waiting for the draw, each with SPEC §6's flag as shared/missed_sql.h defines it.
std::map<std::string, Entrant> entrants(db::Connection& db, int64_t course_id) {
  static const std::string sql =
      "SELECT a.id, t.name, t.email, EXISTS (SELECT 1 FROM enrolment e JOIN course c ON c.id = e.course_id"
      "   LEFT JOIN study_record r ON r.teacher_id = e.teacher_id AND r.course_id = e.course_id"
      "   WHERE e.teacher_id = a.teacher_id AND" + shared::missed_sql::condition() + ") AS no_show"
      " FROM enrolment a JOIN teacher t ON t.id = a.teacher_id"
      " WHERE a.course_id = ? AND a.status = 'in_draw' FOR UPDATE";
  std::map<std::string, Entrant> out;
  for (const auto& r : db.query(sql, domain::state_code(domain::CourseState::kClosed), course_id)) {
    out[std::to_string(r.i64("id"))] = {r.i64("id"), r.str("name"), r.str("email"), r.flag("no_show")};
  }
  return out;
}

std::string result_mail(const Entrant& who, const sql::Seats& s, bool won, int waiting_place,
                        const std::string& base) {
  const std::string result =
      won ? "您抽中名額，報名狀態為「審核通過」。可在「我的專屬首頁」列印錄取通知（公假用）；如無法參加，請於研習開始前取消報名，讓候補的教師遞補。"
          : "這次沒有抽中名額，您已列入候補第 " + std::to_string(waiting_place) +
                " 位：有名額釋出時依序遞補，並以電子郵件通知您。";
  return who.name + " 您好：\n\n您報名的研習已於 " + shared::roc_datetime(s.draw_at) +
         " 抽籤。\n\n研習課程代碼：" + s.code + "\n研習名稱：" + s.title + "\n您的抽籤編號：" +
         std::to_string(who.enrolment_id) + "\n\n" + result + "\n\n我的專屬首頁：\n" + base +
         app::url_for("teacher.home") + "\n\n抽籤的種子與全部抽籤編號的順序公布在研習頁面，任何人都可以驗算：\n" +
         base + app::url_for("course.show", {s.code}) +
         "\n\n全國教師在職進修資訊網（本信由系統自動寄出，請勿直接回覆）\n";
}

// One course's draw in one transaction; false when there was nothing to draw (drawn already by
// another scheduler, or no longer 抽籤 or due). Nothing is written then.
bool draw(db::Connection& db, const core::Config& config, int64_t course_id) {
  db::Transaction tx(db);
  const auto seats = sql::lock_course(db, course_id);
  if (!seats) return false;
  if (db.execute("UPDATE course SET drawn_at = NOW() WHERE id = ? AND seat_mode = 'lottery'"
                 " AND drawn_at IS NULL AND draw_at <= NOW()",
                 course_id) != 1) {
    return false;
  }
  const std::string seed = db.query_one("SELECT draw_seed FROM course WHERE id = ?", course_id)->str("draw_seed");
  auto by_reference = entrants(db, course_id);
  std::vector<domain::DrawApplicant> applicants;
  for (const auto& [reference, e] : by_reference) applicants.push_back({reference, e.no_show});
  const auto order = domain::draw_order(std::move(applicants), seed);
  // Those not drawn wait from just before now, a millisecond apart in draw order, so the waiting
  // list's order (waiting_since, then id) is the draw's and anyone applying later comes after.
  const std::string now = db.query_one("SELECT DATE_FORMAT(NOW(3), '%Y-%m-%d %H:%i:%s.%f') AS t")->str("t");
  const int64_t n = static_cast<int64_t>(order.size());
  int waiting = 0;
  for (int64_t position = 1; position <= n; ++position) {
    const Entrant& who = by_reference.at(order[position - 1].reference);
    const bool won = sql::take_seat(db, course_id);
    if (won) {
      // Decided at the draw's own time: a later re-application, decided afterwards, is not the draw's.
      db.execute("UPDATE enrolment e JOIN course c ON c.id = e.course_id SET e.status = 'approved',"
                 " e.decided_at = c.drawn_at, e.approved_at = c.drawn_at, e.auto_decided = TRUE WHERE e.id = ?",
                 who.enrolment_id);
    } else {
      ++waiting;
      db.execute("UPDATE enrolment SET status = 'waiting',"
                 " waiting_since = CAST(? AS DATETIME(3)) - INTERVAL ? MICROSECOND WHERE id = ?",
                 now, (n - position + 1) * 1000, who.enrolment_id);
    }
    db.execute("INSERT INTO draw_entry (course_id, position, enrolment_id, no_show, won) VALUES (?, ?, ?, ?, ?)",
               course_id, position, who.enrolment_id, who.no_show, won);
    if (domain::is_valid_email(who.email)) {
      mail::enqueue(db, {who.email,
                         "【全國教師在職進修資訊網】抽籤結果：" + seats->title + "（" + seats->code + "）",
                         result_mail(who, *seats, won, waiting, config.base_url)});
    }
  }
  tx.commit();
  return true;
}

}  // namespace

int run_draws(db::Connection& db, const core::Config& config) {
  int drawn = 0;
  for (const int64_t id : due(db)) {
    try {
      if (draw(db, config, id)) ++drawn;
    } catch (const db::Busy&) {
      // A rival held the course (another scheduler drawing it, an application): the next pass
      // looks again, and finds it drawn or draws it.
    }
  }
  return drawn;
}

void fill_lottery(db::Connection& db, int64_t course_id, ctemplate::TemplateDictionary& dict) {
  dict.SetFilename("enrolment/lottery.tpl");
  const auto c = db.query_one(
      "SELECT seat_mode, draw_seed, drawn_at IS NOT NULL AS drawn, DATE_FORMAT(draw_at, '%Y-%m-%d %H:%i') AS draw_at,"
      " DATE_FORMAT(drawn_at, '%Y-%m-%d %H:%i') AS drawn_at,"
      " (SELECT COUNT(*) FROM enrolment e WHERE e.course_id = c.id AND e.status = 'in_draw') AS applied"
      " FROM course c WHERE c.id = ?",
      course_id);
  if (!c || c->str("seat_mode") != "lottery") return;
  auto* block = dict.AddSectionDictionary("LOTTERY");
  block->SetValue("DRAW_AT", shared::roc_datetime(c->str("draw_at")));
  block->SetValue("SEED_HASH", domain::seed_hash(c->str("draw_seed")));
  if (!c->flag("drawn")) {
    block->SetValue("DRAW_STATE", "pending");
    block->ShowSection("BEFORE");
    block->SetIntValue("APPLIED", c->i64("applied"));
    return;
  }
  block->SetValue("DRAW_STATE", "drawn");
  auto* after = block->AddSectionDictionary("AFTER");
  after->SetValue("SEED", c->str("draw_seed"));
  after->SetValue("DRAWN_AT", shared::roc_datetime(c->str("drawn_at")));
  int won = 0, waiting = 0;
  for (const auto& r : db.query("SELECT position, enrolment_id, no_show, won FROM draw_entry WHERE course_id = ?"
                                " ORDER BY position",
                                course_id)) {
    auto* row = after->AddSectionDictionary("ENTRY");
    row->SetIntValue("POSITION", r.i64("position"));
    row->SetIntValue("REFERENCE", r.i64("enrolment_id"));
    row->SetIntValue("NO_SHOW_CODE", r.flag("no_show") ? 1 : 0);
    row->SetValue("NO_SHOW", r.flag("no_show") ? "有" : "無");
    row->SetIntValue("WON_CODE", r.flag("won") ? 1 : 0);
    row->SetValue("RESULT", r.flag("won") ? "錄取" : "候補第 " + std::to_string(++waiting) + " 位");
    if (r.flag("won")) ++won;
  }
  after->SetIntValue("ENTRIES", won + waiting);
  after->SetIntValue("WON", won);
}

}  // namespace enrolment
