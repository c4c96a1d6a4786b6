// A course's facts in the words of the 錄取通知, its calendar file and the reminder e-mail: a
// session's date with its weekday (which a leave form asks for), a session in one line, the
// 依據文號 and the contact.
#pragma once

#include <string>
#include <vector>

#include "domain/ics.h"
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

// The host of base_url ("http://127.0.0.1:8080/" → "127.0.0.1"), the right-hand side of UIDs.
std::string host_of(const std::string& base_url);

// One calendar event per session of the course. A UID is the course and the session's place in
// it, the same after an organizer edits the times (the sessions' rows are written anew then), so a
// calendar updates rather than doubles; `with_contact` adds the contact (the teacher's own file,
// not the public feeds, which carry no e-mail address).
std::vector<domain::IcsEvent> calendar_events(const course_store::Course& course,
                                              const std::vector<course_store::Session>& sessions,
                                              const std::string& base_url, bool with_contact);

}  // namespace enrolment
