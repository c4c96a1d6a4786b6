// Every cache a worker process keeps, in one list: what it holds, its key, what validates an
// entry, and how old an entry may be; each is bounded in bytes as well (caches.cpp, and the
// enrolment box's two in enrolment_handlers.cpp). Nothing else in the portal keeps data between requests.
//
//  cache                  holds                            key                    validator                       max age
//  public_courses()       a public course page's body,     course code;           —                               public_cache_seconds (10 s)
//                         whole pages for visitors not      "page:" + code;
//                         signed in, the read API's JSON    "api:" + code
//  search_pages()         whole result pages for visitors  the query string;      —                               search_cache_seconds (30 s)
//                         not signed in, the read API's     "api:" + query string
//                         JSON of a search
//  teacher_bodies()       a teacher homepage's body        teacher id             home_version|today|records-only  60 s
//  teacher_pages()        the whole answer, per session    teacher id|session     home_version|today|records-only  60 s
//  record_bodies()        a teacher's 研習紀錄 body, per    teacher id + filter    home_version|today|reference    60 s
//                         filter                                                  generation
//  box_seats()            a course's seat facts for the    course code            — (the database clock is        public_cache_seconds (10 s)
//   (enrolment)            course page's 報名 box                                   carried forward)
//  own_boxes()            a teacher's application to a     teacher id|code        home_version                    60 s
//   (enrolment)            course, its clash warnings                             (a waiting position is
//                                                                                 read afresh)
//  site::course_finder()  the search's in-memory index     —                      search_generation and today      search_refresh_seconds (30 s)
//                         and Mroonga's ids per spelling                                                           once the generation moved
//  reference::lists()     counties, categories, tags,      —                      reference_generation             none (checked every use)
//                         return reasons
//  sso's signing keys     the RS256 key ring               —                      the key directory's files        core/jwt.h KeyRingCache
//  the database's date    Context::today() for a request   —                      — (kept until a second before    60 s
//   (core/context.cpp)     without a session                                        the database's midnight)
//
// home_version is bumped by triggers on every write behind /teacher and /teacher/records
// (0001_init.sql, 0014_record_views.sql); the two
// generations by course_store::sync_search and by triggers on the reference tables (0007).
#pragma once

#include "core/config.h"
#include "core/fragment_cache.h"

namespace shared::caches {

core::FragmentCache& public_courses(const core::Config& config);
core::FragmentCache& search_pages(const core::Config& config);
core::FragmentCache& teacher_bodies();
core::FragmentCache& teacher_pages();
core::FragmentCache& record_bodies();

}  // namespace shared::caches
