// The daily digest of 研習資訊訂閱: a scheduler job (scheduler/jobs.cpp). From digest_hour on, each
// teacher with a subscription gets at most one mail a day listing the public courses that match
// any of the teacher's saved searches, were approved since that search was saved, and were never
// sent to the teacher before. The day is claimed (subscription_digest) and the courses recorded
// (subscription_sent) in the transaction that queues the mail: a crash, a second pass or a second
// scheduler never sends a course twice.
#pragma once

#include "core/config.h"
#include "core/db.h"

namespace subscriptions {

int send_digests(db::Connection& db, const core::Config& config);

}  // namespace subscriptions
