// A course's facts in the words of the 錄取通知, its calendar file and the reminder e-mail: a
// session's date with its weekday (which a leave form asks for), a session in one line, the
// 依據文號 and the contact.
#pragma once

#include <string>

#include "shared/course_store.h"

namespace enrolment {

// "2026-12-27" → "115/12/27（日）"; anything not an ISO date as shared::roc_date writes it.
std::string session_date(const std::string& iso_date);

// "115/12/27（日） 09:00–12:00　桃園市立內壢國民中學 會議室".
std::string session_line(const course_store::Session& session);

// The 依據文號, or words saying the unit left it blank.
std::string basis_doc_of(const course_store::Course& course);

// "林承辦｜電話 03-4512345#210｜organizer@example.edu.tw": the first contact.
std::string contact_of(const course_store::Course& course);

}  // namespace enrolment
