#include "records/record_writer.h"

#include "core/security.h"
#include "domain/admission_notice.h"

namespace records {
namespace {

// 60 random bits in the alphabet of the 錄取通知's codes, typed back the same way.
std::string new_verify_code() { return domain::notice_code_from_mac(core::random_token()); }

}  // namespace

bool issue(db::Connection& db, const NewRecord& r) {
  return db.execute("INSERT IGNORE INTO study_record (teacher_id, course_id, correction_no, source,"
                    " partner_id, external_ref, title, hours, credits, completed_on, verify_code,"
                    " created_by, correction_reason) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.teacher_id, r.course_id, r.source, r.partner_id, r.external_ref, r.title,
                    r.hours, r.credits, r.completed_on, new_verify_code(), r.issued_by, r.note) == 1;
}

bool correct(db::Connection& db, const Correction& c) {
  // The old record must still be the newest of its chain: corrected twice, it would fork.
  return db.execute("INSERT IGNORE INTO study_record (teacher_id, course_id, correction_no,"
                    " corrects_id, correction_reason, created_by, source, partner_id, external_ref,"
                    " title, hours, credits, completed_on, verify_code)"
                    " SELECT o.teacher_id, o.course_id, o.correction_no + 1, o.id, ?, ?, o.source,"
                    " o.partner_id, o.external_ref, o.title, ?, ?, o.completed_on, ?"
                    " FROM study_record o WHERE o.id = ?"
                    " AND NOT EXISTS (SELECT 1 FROM study_record n WHERE n.corrects_id = o.id)",
                    c.reason, c.made_by, c.hours, c.credits, new_verify_code(), c.corrects_id) == 1;
}

}  // namespace records
