#include "site/course_feeds.h"

#include <algorithm>
#include <ctime>

#include "app/routes.h"
#include "domain/atom.h"
#include "domain/course_rules.h"
#include "domain/ics.h"
#include "domain/public_status.h"
#include "enrolment/notice_text.h"
#include "shared/course_store.h"
#include "shared/labels.h"
#include "site/course_finder.h"
#include "site/search_form.h"
#include "site/site_sql.h"

namespace site {

namespace {

constexpr int kFeedCourses = 50;  // the newest page of a search, as feed readers poll it
constexpr const char* kProductId = "-//全國教師在職進修資訊網//研習資訊//ZH-TW";

// The search's query string as given, for the feed's self and alternate links.
std::string query_of(core::Context& cx) {
  const std::string& q = cx.req().query_string;
  return q.empty() ? "" : "?" + q;
}

std::vector<sql::CourseSummary> found(core::Context& cx) {
  const SearchForm form = parse_search(cx.req().query, kFeedCourses);
  const SearchResult result = course_finder(cx.config()).find(cx.db(), form.filters);
  std::vector<sql::CourseSummary> out;
  for (auto& c : sql::course_summaries(cx.db(), result.course_ids)) {
    if (domain::public_status(c.enrolment)) out.push_back(std::move(c));
  }
  return out;
}

core::Response calendar_answer(const domain::IcsCalendar& cal, const std::string& filename) {
  core::Response r = core::Response::file("text/calendar; charset=utf-8", filename, domain::render_ics(cal));
  r.header("Cache-Control", "public, max-age=300");
  r.header("Access-Control-Allow-Origin", "*");
  return r;
}

std::string utc_stamp(int64_t now) {  // DTSTAMP: "20260301T010203Z"
  std::string s = domain::rfc3339_utc(now);
  s.erase(std::remove_if(s.begin(), s.end(), [](char ch) { return ch == '-' || ch == ':'; }), s.end());
  return s;
}

}  // namespace

core::Response atom_answer(std::string body) {
  core::Response r;
  r.body = std::move(body);
  r.header("Content-Type", "application/atom+xml; charset=utf-8");
  r.header("Cache-Control", "public, max-age=300");
  r.header("Access-Control-Allow-Origin", "*");
  return r;
}

core::Response search_atom(core::Context& cx) {
  const auto courses = found(cx);
  const std::string base = cx.config().base_url;
  const std::string query = query_of(cx);
  domain::AtomFeed feed;
  feed.title = "全國教師在職進修資訊網：研習資訊";
  feed.self_url = base + app::url_for("course.atom") + query;
  feed.alternate_url = base + app::url_for("course.search") + query;
  for (const auto& c : courses) feed.updated = std::max(feed.updated, c.updated_epoch);
  if (feed.updated == 0) {
    feed.updated = courses.empty() ? static_cast<int64_t>(std::time(nullptr)) : courses.front().enrolment.now;
  }
  for (const auto& c : courses) {
    const auto status = domain::public_status(c.enrolment).value_or(domain::PublicStatus::kEnded);
    feed.entries.push_back({base + app::url_for("course.show", {c.code}), c.title, c.updated_epoch,
                            "研習課程代碼 " + c.code + "｜" + c.unit_name + "（" + c.county_name + "）｜" +
                                shared::roc_date(c.first_date) +
                                (c.last_date != c.first_date ? "–" + shared::roc_date(c.last_date) : "") + "｜" +
                                shared::hours_label(c.hours, c.credits) + "｜" +
                                domain::public_status_label(status)});
  }
  return atom_answer(domain::render_atom(feed));
}

core::Response search_calendar(core::Context& cx) {
  domain::IcsCalendar cal;
  cal.product_id = kProductId;
  cal.name = "全國教師在職進修資訊網：研習資訊";
  const auto courses = found(cx);
  cal.stamp = utc_stamp(courses.empty() ? static_cast<int64_t>(std::time(nullptr)) : courses.front().enrolment.now);
  for (const auto& summary : courses) {
    const auto c = course_store::find(cx.db(), summary.code);
    if (!c) continue;
    for (auto& e : enrolment::calendar_events(*c, course_store::sessions_of(cx.db(), c->id), cx.config().base_url,
                                              false)) {
      cal.events.push_back(std::move(e));
    }
  }
  return calendar_answer(cal, "courses.ics");
}

core::Response course_calendar(core::Context& cx) {
  const std::string code = cx.param("code");
  if (!domain::is_course_code(code)) return cx.not_found();
  const auto c = course_store::find(cx.db(), code);
  if (!c || !domain::is_public(c->state)) return cx.not_found();
  domain::IcsCalendar cal;
  cal.product_id = kProductId;
  cal.name = c->title;
  cal.stamp = utc_stamp(c->enrolment.now);
  cal.events = enrolment::calendar_events(*c, course_store::sessions_of(cx.db(), c->id), cx.config().base_url, false);
  return calendar_answer(cal, "course-" + c->code + ".ics");
}

}  // namespace site
