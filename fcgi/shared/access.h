// Who is asking: server-side sessions, the signed-in user with role and unit, and the audit trail.
#pragma once

#include <optional>
#include <string>

#include "core/context.h"
#include "shared/course_store.h"

namespace shared::access {

// Reads the session cookie; unknown, expired or idle sessions leave the user anonymous and the
// cookie cleared. Touches last_seen at most once a minute.
void load_session(core::Context& cx);

// A new session for a teacher or business account (a new id each login: no fixation).
void start_teacher_session(core::Context& cx, int64_t teacher_id);
void start_account_session(core::Context& cx, int64_t account_id);
// Deletes the session row and clears the cookie.
void end_session(core::Context& cx);

// "Load this object if this user may see it": nothing when it does not exist or is outside the
// user's reach, and the caller answers 404 either way (revealing nothing). A reviewer's reach is
// today the courses its review unit was assigned (第11條); a region scope of a 教師研習中心 would
// be added here.
std::optional<course_store::Course> unit_course(core::Context& cx, const std::string& code);
std::optional<course_store::Course> reviewable_course(core::Context& cx, const std::string& code);
// The course's own organizer, or the unit's 總負責人, may change it.
bool may_change(const core::User& user, const course_store::Course& course);

std::string actor_of(const core::User& user);  // "t:42", "b:7", "-"
void audit(core::Context& cx, const std::string& action, const std::string& object,
           const std::string& detail = "");
// For requests without a signed-in user: a partner ("p:3") or nobody known ("-").
void audit_as(core::Context& cx, const std::string& actor, const std::string& action,
              const std::string& object, const std::string& detail = "");

}  // namespace shared::access
