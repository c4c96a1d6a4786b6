// SQL of the 錄取通知 (admission notice for 公假) and its calendar file: a teacher's own enrolment
// with who the teacher is, the notice's verification code, and what the public check shows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/db.h"
#include "domain/enrolment_rules.h"

namespace enrolment::sql {

struct Admission {
  int64_t enrolment_id = 0, teacher_id = 0, course_id = 0;
  domain::EnrolmentStatus status = domain::EnrolmentStatus::kPending;
  std::string course_code, teacher_name, teacher_unit, title_name;
  std::string approved_on;  // "2026-02-24", or "" when never approved
  std::string notice_code;  // "" until the notice is first shown
};
// The enrolment with its teacher's name, unit and 職稱; nothing when it is not this teacher's.
std::optional<Admission> admission_of(db::Connection& db, int64_t enrolment_id, int64_t teacher_id);

// Keeps `code` as the enrolment's notice code unless one is kept already (the code is the same
// HMAC each time, so two first showings at once write the same value).
void keep_notice_code(db::Connection& db, int64_t enrolment_id, const std::string& code);

// What /notices/{code} may say about the notice with this code: the course, the teacher's name
// (for masking) and whether the enrolment still stands. Nothing for a code never issued.
struct IssuedNotice {
  domain::EnrolmentStatus status = domain::EnrolmentStatus::kPending;
  std::string teacher_name, course_code, course_title, unit_name, first_date, last_date;
};
std::optional<IssuedNotice> notice_by_code(db::Connection& db, const std::string& code);

// The database's clock in UTC as iCalendar writes it (DTSTAMP): "20260301T010203Z".
std::string utc_stamp(db::Connection& db);

}  // namespace enrolment::sql
