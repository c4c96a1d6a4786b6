// SQL of enrolment (報名): seats taken and freed under the course row's lock, the waiting list,
// the organizer's decisions (報名資格審核).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/db.h"
#include "domain/enrolment_rules.h"
#include "domain/lottery.h"

namespace enrolment::sql {

// What every decision about a course's seats reads first, locked until the transaction ends
// (FOR UPDATE: the latest row, and the one lock every enrolment of the course takes in turn,
// course first, so decisions cannot interleave). The clock is the database's.
struct Seats {
  int64_t course_id = 0, unit_id = 0;
  domain::EnrolWindow window;
  int online_seats = 0, seats_taken = 0;
  bool auto_review = false;
  domain::AutoScope auto_scope = domain::AutoScope::kAnyone;
  std::string code, title, enrol_closes_at, county_id;
  std::map<std::string, domain::Asked> asked;  // 報名所需額外資訊
  domain::Eligibility eligibility;
  domain::DrawFacts draw;  // 抽籤 (enrolment/lottery.h), on the same clock as the window
  std::string draw_at;     // "YYYY-MM-DD HH:MM", or "" for 先到先得
};
std::optional<Seats> lock_course(db::Connection& db, int64_t course_id);
// The same facts without a lock, for showing the course page's enrolment box.
std::optional<Seats> seats_of(db::Connection& db, const std::string& code);
// What an application is first checked against, in one read: the course's seats without a lock,
// the teacher as the eligibility rules see them, and whether they have a row here already.
struct ApplicationFacts {
  Seats seats;
  domain::Applicant teacher;
  bool applied = false;  // any enrolment row of this teacher and course, a cancelled one included
};
std::optional<ApplicationFacts> application_facts(db::Connection& db, const std::string& course_code,
                                                  int64_t teacher_id);

struct Mine {
  int64_t id = 0;
  domain::EnrolmentStatus status = domain::EnrolmentStatus::kPending;
  std::string request_key;
  int waiting_position = 0;  // 1 for the first waiting teacher; 0 when not waiting
};
std::optional<Mine> mine(db::Connection& db, int64_t course_id, int64_t teacher_id);

// With the course locked: takes a seat (false when none is left) and frees one.
bool take_seat(db::Connection& db, int64_t course_id);
void free_seat(db::Connection& db, int64_t course_id);
// Writes an application: a new row, or the teacher's cancelled one made new.
void save_application(db::Connection& db, int64_t course_id, int64_t teacher_id,
                      domain::EnrolmentStatus status, const std::string& request_key, bool auto_decided,
                      const std::string& answers);

// The other courses in which the teacher holds a seat (待審核, 審核通過) with their sessions on the
// days of `course_id`'s sessions: what the clash warnings compare with.
std::vector<domain::HeldCourse> held_on_the_days_of(db::Connection& db, int64_t teacher_id, int64_t course_id);

// Those of `codes` that are no unit's code.
std::vector<std::string> unknown_unit_codes(db::Connection& db, const std::set<std::string>& codes);


// 線上報名設定, with the course locked: the window, online seats and the rest; the online seats
// never below those held, and the way seats are given and the draw time as they were once
// enrolment has opened (false: someone took seats or enrolment opened meanwhile, nothing
// written). Choosing 抽籤 keeps the course's seed if it has one, else fixes `new_seed`; leaving
// it forgets the seed.
struct Settings {
  bool enrol_online = false;
  std::string opens, closes;  // "YYYY-MM-DD HH:MM:00"
  int online_seats = 0;
  bool auto_review = false;
  std::string auto_scope, ask_fields, eligible_levels, eligible_counties, eligible_units,
      eligible_positions;
  std::string seat_mode = "first_come";  // or "lottery"
  std::string draw_at;                   // "YYYY-MM-DD HH:MM:00", or "" for 先到先得
  std::string new_seed;
};
bool save_settings(db::Connection& db, int64_t course_id, const Settings& settings);

// A teacher's enrolment with its course, locked; nothing when it is not this teacher's.
struct Held {
  int64_t id = 0, course_id = 0;
  domain::EnrolmentStatus status = domain::EnrolmentStatus::kPending;
  std::string code, title;
  int64_t first_session_start = 0, now = 0;
};
std::optional<Held> find_own(db::Connection& db, int64_t enrolment_id, int64_t teacher_id,
                             bool lock);
void set_status(db::Connection& db, int64_t enrolment_id, domain::EnrolmentStatus status,
                std::optional<int64_t> decided_by, const std::string& refusal_reason);

// Who is told by e-mail.
struct Person {
  int64_t enrolment_id = 0, teacher_id = 0;
  std::string name, email;
};
// With the course locked: the first waiting teacher takes the freed seat (approved under 自動審核,
// otherwise 待審核). Nothing when nobody waits or no seat is free.
std::optional<Person> promote_next(db::Connection& db, const Seats& seats);

// 報名資格審核: every application with what the organizer decides on.
struct Applicant {
  int64_t id = 0, teacher_id = 0;
  domain::EnrolmentStatus status = domain::EnrolmentStatus::kPending;
  std::string name, unit_name, title_name, position, email, phone, applied_at, decided_at,
      refusal_reason, answers;  // position: the 職位類別's label, "" when not given
  bool auto_decided = false;
  std::vector<std::string> missed_courses;  // this year's 報名但未參與 (SPEC §6): "title（code）"
  int draw_position = 0;                    // the place the course's draw gave, 0 without one
  bool seat_from_draw = false;             // approved by the draw and not decided again since
};
std::vector<Applicant> applicants(db::Connection& db, int64_t course_id);
std::optional<Person> person_of(db::Connection& db, int64_t enrolment_id, int64_t course_id);

// Enrolments that hold a seat, wait or wait for the draw, for cancelling with the course.
std::vector<Person> active_enrolments(db::Connection& db, int64_t course_id);
void cancel_all(db::Connection& db, int64_t course_id);

}  // namespace enrolment::sql
