#include "site/course_feeds.h"

#include <algorithm>
#include <ctime>

#include "app/routes.h"
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

// Text for XML character data and attribute values.
std::string xml(std::string_view text) {
  std::string out;
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 has no place for control characters other than tab and line breaks.
        if (static_cast<unsigned char>(ch) >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') out += ch;
    }
  }
  return out;
}

std::string rfc3339_utc(int64_t epoch) {
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

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
  std::string s = rfc3339_utc(now);
  s.erase(std::remove_if(s.begin(), s.end(), [](char ch) { return ch == '-' || ch == ':'; }), s.end());
  return s;
}

}  // namespace

core::Response search_atom(core::Context& cx) {
  const auto courses = found(cx);
  const std::string base = cx.config().base_url;
  const std::string query = query_of(cx);
  int64_t newest = 0;
  for (const auto& c : courses) newest = std::max(newest, c.updated_epoch);
  if (newest == 0) newest = courses.empty() ? static_cast<int64_t>(std::time(nullptr)) : courses.front().enrolment.now;
  std::string feed =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-Hant-TW\">\n"
      "  <title>全國教師在職進修資訊網：研習資訊</title>\n"
      "  <id>" + xml(base + app::url_for("course.atom") + query) + "</id>\n"
      "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml(base + app::url_for("course.atom") + query) + "\"/>\n"
      "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml(base + app::url_for("course.search") + query) + "\"/>\n"
      "  <updated>" + rfc3339_utc(newest) + "</updated>\n"
      "  <author><name>全國教師在職進修資訊網</name></author>\n";
  for (const auto& c : courses) {
    const auto status = domain::public_status(c.enrolment).value_or(domain::PublicStatus::kEnded);
    const std::string url = base + app::url_for("course.show", {c.code});
    feed += "  <entry>\n"
            "    <id>" + xml(url) + "</id>\n"
            "    <title>" + xml(c.title) + "</title>\n"
            "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml(url) + "\"/>\n"
            "    <updated>" + rfc3339_utc(c.updated_epoch) + "</updated>\n"
            "    <summary>" + xml("研習課程代碼 " + c.code + "｜" + c.unit_name + "（" + c.county_name + "）｜" +
                                  shared::roc_date(c.first_date) +
                                  (c.last_date != c.first_date ? "–" + shared::roc_date(c.last_date) : "") + "｜" +
                                  shared::hours_label(c.hours, c.credits) + "｜" +
                                  domain::public_status_label(status)) + "</summary>\n"
            "  </entry>\n";
  }
  feed += "</feed>\n";
  core::Response r;
  r.body = std::move(feed);
  r.header("Content-Type", "application/atom+xml; charset=utf-8");
  r.header("Cache-Control", "public, max-age=300");
  r.header("Access-Control-Allow-Origin", "*");
  return r;
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
