// records/record_writer.h: the one writer of study records (SPEC §5; REVIEW §6 recommendation 4).
// An approved roster and a partner's report both issue records here; nothing else inserts them,
// and nothing changes one afterwards (a trigger refuses UPDATE): a correction is a new record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/db.h"

namespace records {

struct NewRecord {
  int64_t teacher_id = 0;
  std::optional<int64_t> course_id;   // a course of this portal; none for reported records
  std::string source;                 // study_record.source: portal, partner, county, civil_service
  std::optional<int64_t> partner_id;
  std::optional<std::string> external_ref;  // the reporting system's own reference
  std::string title;
  int hours = 0;
  int credits = 0;
  std::string completed_on;           // YYYY-MM-DD
  std::optional<int64_t> issued_by;   // the reviewer who approved the roster, or who added it late
  std::optional<std::string> note;    // why a record comes after its roster was approved (補登)
};

// Inserts the record with a fresh verification code, in the caller's transaction. False when the
// teacher already holds the record of that course or of that report (the unique keys decide, so
// two reviewers approving at once still make it once).
bool issue(db::Connection& db, const NewRecord& record);

struct Correction {
  int64_t corrects_id = 0;  // the record as it stands now (the newest of its chain)
  int hours = 0;
  int credits = 0;
  std::string reason;
  int64_t made_by = 0;      // business account
};

// A new record of the same teacher and course (records of this portal's courses; a partner
// corrects its own by reporting again) with the next correction number, linked to the one
// it corrects. False when `corrects_id` has been corrected already (a second correction must
// correct the newest record) or does not exist.
bool correct(db::Connection& db, const Correction& correction);

}  // namespace records
