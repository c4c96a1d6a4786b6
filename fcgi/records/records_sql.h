// records/records_sql.h: SQL of the teacher's 研習紀錄, the 研習證明, the public /verify check and
// 申請更正 (issue 9). Records are only read here; record_writer.h is their one writer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db.h"

namespace records::sql {

struct Profile {
  std::string name, unit_name, national_id;
  bool kindergarten_staff = false;
};
std::optional<Profile> profile(db::Connection& db, int64_t teacher_id);

// A record as it stands now (the newest of its correction chain), with what the page shows of
// the record it corrects.
struct Record {
  int64_t id = 0;
  int64_t course_id = 0;  // 0 for records reported from elsewhere
  std::string course_code, course_unit, first_date, last_date;  // of a portal course
  std::string source, partner_name, title, completed_on, verify_code;
  int hours = 0, credits = 0;
  int correction_no = 0;                        // 0: the original
  std::string correction_reason, corrected_by;  // of the newest correction
  int old_hours = 0, old_credits = 0;           // of the record it corrects
  std::vector<int64_t> tag_ids;                 // the course's attribute tags
};
// Every current record of the teacher, newest first: one query, however many years.
std::vector<Record> current_records(db::Connection& db, int64_t teacher_id);
// One of them; nothing when it is another teacher's, superseded by a correction, or unknown.
std::optional<Record> current_record(db::Connection& db, int64_t teacher_id, int64_t record_id);

// What /verify/{code} may say: the course and its hours, never the teacher.
struct Verified {
  std::string title, course_code, completed_on;
  int hours = 0, credits = 0;
  bool superseded = false;  // corrected later: the current values follow
  int current_hours = 0, current_credits = 0;
  std::string current_code;  // the current record's verification code
};
std::optional<Verified> record_by_code(db::Connection& db, const std::string& code);

// 申請更正 (SPEC §11): the teacher's own approved enrolment of a closed course with no record
// from it; nothing otherwise.
struct MissedEnrolment {
  int64_t enrolment_id = 0, course_id = 0;
  std::string course_code, course_title, unit_name, first_date, last_date, teacher_name;
  std::vector<std::string> contact_emails;  // the course's contacts, as registered
  bool open_request = false;
};
std::optional<MissedEnrolment> missed_enrolment(db::Connection& db, int64_t enrolment_id,
                                                int64_t teacher_id);
// False when the enrolment has an open request already (the unique key decides).
bool add_correction_request(db::Connection& db, int64_t enrolment_id, const std::string& reason);

struct OpenRequest {
  std::string teacher_name, reason, created_at;
};
// The open requests of a course, oldest first, for its page in the office.
std::vector<OpenRequest> open_requests(db::Connection& db, int64_t course_id);

// Marks the open requests of this teacher for this course resolved; for the roster's action
// that answers them (the number resolved).
int resolve_requests(db::Connection& db, int64_t course_id, int64_t teacher_id);

}  // namespace records::sql
