// The reminder before a course and its SQL. The claim is a conditional UPDATE (reminded_at IS
// NULL) taken first in its transaction: a rival scheduler's claim of the same enrolment waits on
// the row lock and then changes nothing, or gives way (db::Busy), and sends nothing either way.
#include "enrolment/reminders.h"

#include <optional>
#include <string>
#include <vector>

#include "app/routes.h"
#include "domain/course_state.h"
#include "domain/validation.h"
#include "enrolment/notice_text.h"
#include "mail/mail.h"
#include "shared/course_store.h"
#include "shared/labels.h"

namespace enrolment {

namespace {

constexpr int kBatch = 200;  // enrolments per pass; the next pass takes the rest

const char* approved_course() { return domain::state_code(domain::CourseState::kApproved); }

// The first session's start of course c, on the database's clock.
constexpr const char* kFirstStart =
    "(SELECT MIN(TIMESTAMP(s.session_date, s.starts_at)) FROM course_session s"
    " WHERE s.course_id = c.id)";

// Enrolments due a reminder: read without locks, claimed one by one below. first_date bounds the
// courses through KEY (state, first_date), so a pass never reads the year's courses.
std::vector<int64_t> due(db::Connection& db, int hours) {
  std::vector<int64_t> ids;
  for (const auto& r : db.query(
           std::string("SELECT e.id FROM course c JOIN enrolment e ON e.course_id = c.id"
                       " WHERE c.state = ? AND c.first_date BETWEEN CURDATE() AND CURDATE() + "
                       "INTERVAL ? DAY"
                       " AND e.status = 'approved' AND e.reminded_at IS NULL AND ") +
               kFirstStart + " BETWEEN NOW() AND NOW() + INTERVAL ? HOUR ORDER BY e.id LIMIT ?",
           approved_course(), hours / 24 + 1, hours, kBatch)) {
    ids.push_back(r.i64("id"));
  }
  return ids;
}

// Takes the reminder of one enrolment for this transaction; false when it is gone (reminded by
// another scheduler, or no longer approved).
bool claim(db::Connection& db, int64_t enrolment_id) {
  return db.execute(
             "UPDATE enrolment SET reminded_at = NOW()"
             " WHERE id = ? AND reminded_at IS NULL AND status = 'approved'",
             enrolment_id) == 1;
}

struct Reminder {
  int64_t enrolment_id = 0;
  std::string name, email, course_code;
};
// The claimed enrolment, read again now that it is ours: nothing when its course moved out of the
// window or out of 審核通過 since due() read it.
std::optional<Reminder> still_due(db::Connection& db, int64_t enrolment_id, int hours) {
  const auto r = db.query_one(
      std::string("SELECT e.id, t.name, t.email, c.code FROM enrolment e JOIN teacher t ON t.id = "
                  "e.teacher_id"
                  " JOIN course c ON c.id = e.course_id WHERE e.id = ? AND c.state = ? AND ") +
          kFirstStart + " BETWEEN NOW() AND NOW() + INTERVAL ? HOUR",
      enrolment_id, approved_course(), hours);
  if (!r) return std::nullopt;
  return Reminder{r->i64("id"), r->str("name"), r->str("email"), r->str("code")};
}

std::string reminder_body(const Reminder& who, const course_store::Course& c,
                          const std::vector<course_store::Session>& sessions,
                          const std::string& base) {
  const std::string id = std::to_string(who.enrolment_id);
  std::string lines;
  for (const auto& s : sessions) lines += "　" + session_line(s) + "\n";
  return who.name + " 您好：\n\n提醒您，您已錄取的研習即將開始：\n\n研習課程代碼：" + c.code +
         "\n研習名稱：" + c.title + "\n開課單位：" + c.unit_name + "\n研習時數：" +
         shared::hours_label(c.hours, c.credits) + "\n場次：\n" + lines + "課程聯絡人：" +
         contact_of(c) + "\n\n錄取通知（可列印，供申請公假）：\n" + base +
         app::url_for("enrolment.notice", {id}) + "\n行事曆檔（.ics）：\n" + base +
         app::url_for("enrolment.calendar", {id}) +
         "\n\n如無法參加，請在研習開始前到「我的專屬首頁」取消報名，讓候補的教師遞補：\n" + base +
         app::url_for("teacher.home") +
         "\n\n全國教師在職進修資訊網（本信由系統自動寄出，請勿直接回覆）\n";
}

// One enrolment's reminder in one transaction: claimed, queued, committed. False when there was
// nothing to send (someone else had it, or it is no longer due); nothing is written then.
bool remind(db::Connection& db, const core::Config& config, int64_t enrolment_id) {
  db::Transaction tx(db);
  if (!claim(db, enrolment_id)) return false;
  const auto who = still_due(db, enrolment_id, config.reminder_hours_before);
  if (!who) return false;
  const auto course = course_store::find(db, who->course_code);
  if (!course) return false;
  if (domain::is_valid_email(who->email)) {
    const auto sessions = course_store::sessions_of(db, course->id);
    const std::string starts =
        sessions.empty() ? ""
                         : session_date(sessions.front().date) + " " + sessions.front().starts_at;
    mail::enqueue(db, {who->email,
                       "【全國教師在職進修資訊網】研習提醒：" + course->title + "（" +
                           course->code + "），" + starts + " 開始",
                       reminder_body(*who, *course, sessions, config.base_url)});
  }
  tx.commit();
  return true;
}

}  // namespace

int send_reminders(db::Connection& db, const core::Config& config) {
  int sent = 0;
  for (const int64_t id : due(db, config.reminder_hours_before)) {
    try {
      if (remind(db, config, id)) ++sent;
    } catch (const db::Busy&) {
      // A rival held the row (another scheduler's claim, a cancellation): its outcome stands, and
      // the next pass looks again at whatever is still unclaimed.
    }
  }
  return sent;
}

}  // namespace enrolment
