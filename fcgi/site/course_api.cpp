#include "site/course_api.h"

#include <algorithm>

#include "app/routes.h"
#include "core/json.h"
#include "core/security.h"
#include "domain/course_rules.h"
#include "domain/public_status.h"
#include "domain/validation.h"
#include "shared/caches.h"
#include "shared/course_store.h"
#include "shared/labels.h"
#include "site/course_finder.h"
#include "site/search_form.h"
#include "site/site_sql.h"

namespace site {

namespace {

constexpr int kDefaultPerPage = 20;
constexpr int kMaxPerPage = 100;
constexpr int kMaxAgeSeconds = 30;  // as the search pages' cache (search_cache_seconds)

// "2025-02-24 09:00" → "2025-02-24T09:00:00+08:00": the portal's times are Taiwan's.
Json::Value iso_time(const std::string& local) {
  if (local.size() < 16) return Json::Value();
  return local.substr(0, 10) + "T" + local.substr(11, 5) + ":00+08:00";
}

Json::Value enrolment_of(const domain::EnrolmentFacts& facts, const std::string& opens_at,
                         const std::string& closes_at, domain::PublicStatus status) {
  Json::Value e;
  e["status"] = domain::public_status_code(status);
  e["status_label"] = domain::public_status_label(status);
  e["opens_at"] = iso_time(opens_at);
  e["closes_at"] = iso_time(closes_at);
  e["seats_left"] = status == domain::PublicStatus::kOpen || status == domain::PublicStatus::kFull
                        ? Json::Value(facts.seats_left)
                        : Json::Value();
  return e;
}

// The answer with its validator: 304 when the client already holds this very body.
core::Response cacheable(core::Context& cx, const std::string& body) {
  const std::string etag = "\"" + core::base64url(core::sha256_raw(body)).substr(0, 22) + "\"";
  const std::string& held = cx.req().if_none_match;
  core::Response r = held.find(etag) != std::string::npos || held == "*" ? core::Response::json(304, Json::Value())
                                                                         : core::Response::json(200, Json::Value());
  r.body = r.status == 304 ? "" : body;
  r.header("ETag", etag);
  r.header("Cache-Control", "public, max-age=" + std::to_string(kMaxAgeSeconds));
  r.header("Access-Control-Allow-Origin", "*");
  return r;
}

std::string absolute(core::Context& cx, const std::string& path) { return cx.config().base_url + path; }

}  // namespace

core::Response api_courses(core::Context& cx) {
  // The same answer for everyone: kept like the search pages, by the query string as sent.
  core::FragmentCache& cache = shared::caches::search_pages(cx.config());
  const std::string key = "api:" + cx.req().query_string;
  if (const auto hit = cache.get(key, "")) return cacheable(cx, hit->html);
  const auto& query = cx.req().query;
  const int per_page = std::clamp(query_number(query, "per_page", kDefaultPerPage), 1, kMaxPerPage);
  SearchForm form = parse_search(query, per_page);
  const SearchResult result = course_finder(cx.config()).find(cx.db(), form.filters);
  Json::Value out;
  out["total"] = static_cast<Json::Int64>(result.total);
  out["page"] = form.page;
  out["per_page"] = per_page;
  out["courses"] = Json::Value(Json::arrayValue);
  for (const auto& c : sql::course_summaries(cx.db(), result.course_ids)) {
    const auto status = domain::public_status(c.enrolment);
    if (!status) continue;  // left the public states since the index was read
    Json::Value row;
    row["code"] = c.code;
    row["title"] = c.title;
    row["unit"] = c.unit_name;
    row["county"] = c.county_name;
    row["first_date"] = c.first_date;
    row["last_date"] = c.last_date;
    row["hours"] = c.hours;
    row["credits"] = c.credits;
    row["enrolment"] = enrolment_of(c.enrolment, c.enrol_opens_at, c.enrol_closes_at, *status);
    row["url"] = absolute(cx, app::url_for("course.show", {c.code}));
    row["api_url"] = absolute(cx, app::url_for("api.course", {c.code}));
    out["courses"].append(row);
  }
  out["notes"] = Json::Value(Json::arrayValue);
  for (const auto& n : form.notes) out["notes"].append(n);
  const int64_t shown_to = static_cast<int64_t>(form.filters.offset) + per_page;
  if (shown_to < static_cast<int64_t>(result.total)) {
    std::string next = app::url_for("api.courses") + "?" + search_url(form, form.page + 1).substr(
        app::url_for("course.search").size() + 1);
    if (per_page != kDefaultPerPage) next += "&per_page=" + std::to_string(per_page);
    out["next"] = absolute(cx, next);
  } else {
    out["next"] = Json::Value();
  }
  const std::string body = core::json::compact(out);
  cache.put(key, "", {"", body});
  return cacheable(cx, body);
}

core::Response api_course(core::Context& cx) {
  const std::string code = cx.param("code");
  if (!domain::is_course_code(code)) return cx.not_found();
  core::FragmentCache& cache = shared::caches::public_courses(cx.config());
  if (const auto hit = cache.get("api:" + code, "")) return cacheable(cx, hit->html);
  const auto c = course_store::find(cx.db(), code);
  if (!c || !domain::is_public(c->state)) return cx.not_found();
  const auto status = domain::public_status(c->enrolment).value_or(domain::PublicStatus::kEnded);
  Json::Value out;
  out["code"] = c->code;
  out["title"] = c->title;
  out["unit"] = c->unit_name;
  out["unit_code"] = c->unit_code;
  out["county"] = c->county_name;
  out["category"] = c->category_name;
  out["class_kind"] = shared::class_kind_label(c->class_kind);
  out["cross_school"] = c->cross_school;
  out["levels"] = Json::Value(Json::arrayValue);
  for (const auto& level : domain::split_set(c->levels)) out["levels"].append(shared::level_label(level));
  out["subject_area"] = c->subject_area;
  out["basis_doc"] = c->basis_doc;
  out["outline"] = c->outline;
  out["hours"] = c->hours;
  out["credits"] = c->credits;
  out["first_date"] = c->first_date;
  out["last_date"] = c->last_date;
  out["sessions"] = Json::Value(Json::arrayValue);
  for (const auto& s : course_store::sessions_of(cx.db(), c->id)) {
    Json::Value session;
    session["date"] = s.date;
    session["starts_at"] = s.starts_at;
    session["ends_at"] = s.ends_at;
    session["breaks"] = s.breaks;
    session["place"] = s.place;
    out["sessions"].append(session);
  }
  out["tags"] = Json::Value(Json::arrayValue);
  for (const auto& t : course_store::tags_of(cx.db(), c->id)) out["tags"].append(t.name);
  out["seats"] = c->class_count * c->seats_per_class;
  out["online_seats"] = c->enrol_online ? Json::Value(c->online_seats) : Json::Value();
  out["enrolment"] = c->enrol_online ? enrolment_of(c->enrolment, c->enrol_opens_at, c->enrol_closes_at, status)
                                     : Json::Value();
  out["url"] = absolute(cx, app::url_for("course.show", {c->code}));
  const std::string body = core::json::compact(out);
  cache.put("api:" + code, "", {"", body});
  return cacheable(cx, body);
}

}  // namespace site
