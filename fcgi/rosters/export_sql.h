// SQL of 研習名單匯出: a course's approved applicants with what the roster columns of SPEC §5 need.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/db.h"

namespace rosters::sql {

struct Applicant {
  std::string school;      // the teacher's unit (服務學校), "" without one
  std::string title_name;  // 職稱, on the 簽到表
  std::string position;    // 職位類別's label, "" when not given
  std::string name;
  std::string gender;      // 'F', 'M' or 'X'
  std::string national_id;
  std::string birth_date;  // ISO, "" when unknown
  std::string phone, email;
};

// The enrolments of the course that are 審核通過, in the order they applied (first come first,
// as seats were taken), so that each export and the class split of the 簽到表 agree.
std::vector<Applicant> approved_applicants(db::Connection& db, int64_t course_id);

}  // namespace rosters::sql
