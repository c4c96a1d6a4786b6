// Public pages. Course pages and search results are cached per worker for a few seconds
// (shared/caches.h): the bounded staleness a read replica would give; enrolment reads the primary.
#include "site/site_handlers.h"

#include <chrono>

#include "shared/caches.h"
#include "shared/labels.h"
#include "shared/reference.h"
#include "app/routes.h"
#include "content/bulletin_handlers.h"
#include "content/content_sql.h"
#include "core/fragment_cache.h"
#include "core/view.h"
#include "shared/course_store.h"
#include "shared/course_view.h"
#include "domain/course_rules.h"
#include "domain/course_state.h"
#include "enrolment/enrolment_handlers.h"
#include "enrolment/lottery.h"
#include "domain/public_status.h"
#include "domain/roc_date.h"
#include "domain/search_terms.h"
#include "domain/text_html.h"
#include "domain/validation.h"
#include "site/course_finder.h"
#include "site/search_form.h"
#include "site/site_sql.h"

namespace site {

namespace {

// Where the course page's body takes the enrolment box (templates/site/course.tpl).
constexpr const char* kEnrolmentBoxMarker = "<!--enrolment-box-->";

constexpr int kPageSize = 20;  // results on a page of the search
constexpr int kHomeCourses = 10;
constexpr int kHomePosts = 5;

void fill_choices(ctemplate::TemplateDictionary& dict, const char* section,
                  const std::vector<shared::reference::Choice>& choices, int selected) {
  for (const auto& c : choices) {
    auto* d = dict.AddSectionDictionary(section);
    d->SetIntValue("ID", c.id);
    d->SetValue("NAME", c.name);
    if (c.id == selected) d->ShowSection("SELECTED");
  }
}

// The public words for a course's enrolment (domain/public_status.h), with the times that go
// with them: "尚未開放報名（115/03/02 09:00 開放）". `full_window` also gives an open course its
// opening time, for the course page; lists give only the closing one.
std::string status_words(domain::PublicStatus status, const std::string& opens_at,
                         const std::string& closes_at, bool full_window) {
  std::string words = domain::public_status_label(status);
  const std::string opens = shared::roc_datetime(opens_at), closes = shared::roc_datetime(closes_at);
  switch (status) {
    case domain::PublicStatus::kOpen:
      return words + (full_window ? "（" + opens + " 起至 " + closes + " 止）"
                                  : "（至 " + closes + " 止）");
    case domain::PublicStatus::kNotYetOpen:
      return words + "（" + opens + " 開放）";
    case domain::PublicStatus::kFull:
      return words + "（報名至 " + closes + " 止）";
    case domain::PublicStatus::kClosed:
      return words + (closes.empty() ? "" : "（" + closes + " 截止）");
    case domain::PublicStatus::kNotOnline:
    case domain::PublicStatus::kEnded:
      break;
  }
  return words;
}

// Rows of courses (home, search results). A row whose course is no longer public is left out.
void fill_course_rows(ctemplate::TemplateDictionary& dict,
                      const std::vector<sql::CourseSummary>& courses) {
  for (const auto& c : courses) {
    const auto status = domain::public_status(c.enrolment);
    if (!status) continue;
    auto* row = dict.AddSectionDictionary("COURSE");
    row->SetValue("URL", app::url_for("course.show", {c.code}));
    row->SetValue("CODE", c.code);
    row->SetValue("TITLE", c.title);
    row->SetValue("UNIT", c.unit_name);
    row->SetValue("COUNTY", c.county_name);
    row->SetValue("FIRST_DATE", shared::roc_date(c.first_date));
    row->SetValue("LAST_DATE", shared::roc_date(c.last_date));
    row->SetValue("HOURS", shared::hours_label(c.hours, c.credits));
    row->SetValue("STATUS_CODE", domain::public_status_code(*status));
    row->SetValue("STATUS", status_words(*status, c.enrol_opens_at, c.enrol_closes_at, false));
    if (*status == domain::PublicStatus::kOpen) {
      row->SetValueAndShowSection("SEATS_LEFT", std::to_string(c.enrolment.seats_left), "SEATS");
    }
  }
}

// Whole pages for visitors who are not signed in and have no message waiting: the layout is
// then the same for all of them, so the answer can be kept as it was sent.
bool plain_visitor(const core::Context& cx) {
  return !cx.user().signed_in() && !cx.req().cookie("flash") && !cx.req().cookie("sid");
}

core::Response cached_answer(const std::string& html) {
  core::Response r = core::Response::html(200, html);
  r.header("Cache-Control", "private, max-age=0");
  return r;
}

std::string render_course_body(db::Connection& db, const course_store::Course& c,
                               const std::vector<course_store::Session>& sessions,
                               const std::vector<course_store::Tag>& tags) {
  ctemplate::TemplateDictionary d("course");
  // 抽籤's published inputs (public: no one's own); a first-come course has none to read.
  if (c.lottery) enrolment::fill_lottery(db, c.id, *d.AddIncludeDictionary("LOTTERY"));
  d.SetValue("CODE", c.code);
  d.SetValue("TITLE", c.title);
  d.SetValue("CALENDAR_URL", app::url_for("course.calendar", {c.code}));
  // Shown only for public courses (show_course), so there is a status; 已結束 is the safe word.
  const domain::PublicStatus status =
      domain::public_status(c.enrolment).value_or(domain::PublicStatus::kEnded);
  d.SetValue("STATUS_CODE", domain::public_status_code(status));
  d.SetValue("STATUS", domain::public_status_label(status));
  d.SetValue("CLASS_KIND", shared::class_kind_label(c.class_kind));
  d.SetValue("SCOPE", c.cross_school ? "跨校研習" : "校內研習");
  d.SetValue("CATEGORY", c.category_name);
  d.SetValue("SUBJECT_AREA", c.subject_area);
  d.SetValue("LEVELS", shared::levels_label(c.levels));
  d.SetValue("UNIT", c.unit_name);
  d.SetValue("COUNTY", c.county_name);
  d.SetValue("ORGANIZER", c.organizer_name);
  d.SetValue("OUTLINE", c.outline);
  d.SetValue("FIRST_DATE", shared::roc_date(c.first_date));
  d.SetValue("LAST_DATE", shared::roc_date(c.last_date));
  d.SetValue("HOURS", shared::hours_label(c.hours, c.credits));
  if (!c.basis_doc.empty()) d.SetValueAndShowSection("BASIS_DOC", c.basis_doc, "HAS_BASIS_DOC");
  if (!c.subsidy.empty()) d.SetValueAndShowSection("SUBSIDY", c.subsidy, "HAS_SUBSIDY");
  for (const auto& t : tags) d.AddSectionDictionary("TAG")->SetValue("NAME", t.name);
  if (!tags.empty()) d.ShowSection("HAS_TAGS");
  course_view::fill_sessions(d, sessions);
  d.SetIntValue("CLASS_COUNT", c.class_count);
  d.SetIntValue("SEATS_PER_CLASS", c.seats_per_class);
  d.SetIntValue("TOTAL_SEATS", c.class_count * c.seats_per_class);
  if (c.enrol_online) {
    auto* e = d.AddSectionDictionary("ONLINE");
    e->SetValue("OPENS_AT", shared::roc_datetime(c.enrol_opens_at));
    e->SetValue("CLOSES_AT", shared::roc_datetime(c.enrol_closes_at));
    e->SetIntValue("ONLINE_SEATS", c.online_seats);
    // The seats left matter while enrolment is open; afterwards the count is history, and
    // before a draw no application holds one.
    const bool collecting = c.lottery && !c.drawn;
    if (!collecting && (status == domain::PublicStatus::kOpen || status == domain::PublicStatus::kFull)) {
      e->SetIntValue("SEATS_LEFT", c.enrolment.seats_left);
      e->ShowSection("SEATS");
    }
    e->SetValue("REVIEW", collecting ? "抽籤：" + shared::roc_datetime(c.draw_at) + " 抽籤決定錄取與候補順序，報名先後不影響"
                          : c.lottery ? "抽籤已於 " + shared::roc_datetime(c.draw_at) + " 完成；其後的報名依報名先後"
                          : c.auto_review ? "自動審核（先報先錄取）" : "由承辦人審核");
    e->SetValue("STATUS_WORDS", status_words(status, c.enrol_opens_at, c.enrol_closes_at, true));
  } else {
    d.ShowSection("NOT_ONLINE");
  }
  for (const domain::Contact* ct : {&c.contact1, &c.contact2}) {
    if (ct->name.empty()) continue;
    auto* row = d.AddSectionDictionary("CONTACT");
    row->SetValue("NAME", ct->name);
    row->SetValue("PHONE", ct->phone);
    row->SetValue("EMAIL", ct->email);
  }
  return core::render_template("site/course.tpl", d);
}

}  // namespace

core::Response home(core::Context& cx) {
  core::Page page(cx, "site/home.tpl", "首頁");
  auto& body = page.body();
  body.SetValue("SEARCH_URL", app::url_for("course.search"));
  body.SetValue("BULLETIN_URL", app::url_for("bulletin"));
  for (const auto& b : content::sql::current_posts(cx.db(), content::audience_of(cx.user()), kHomePosts, 0)) {
    auto* row = body.AddSectionDictionary("BULLETIN");
    row->SetValue("URL", app::url_for("bulletin.show", {std::to_string(b.id)}));
    row->SetValue("TITLE", b.title);
    row->SetValue("SUMMARY", domain::first_paragraph(b.body, 80));
    row->SetValue("DATE", shared::roc_date(b.publish_at.substr(0, 10)));
    if (b.pinned) row->ShowSection("PINNED");
  }
  // The first courses of the search without conditions, upcoming ones first (course_index.h).
  SearchFilters newest;
  newest.page_size = kHomeCourses;
  const SearchResult found = course_finder(cx.config()).find(cx.db(), newest);
  const auto courses = sql::course_summaries(cx.db(), found.course_ids);
  fill_course_rows(body, courses);
  if (courses.empty()) body.ShowSection("NO_COURSES");
  return page.render();
}

core::Response search_courses(core::Context& cx) {
  SearchForm form = parse_search(cx.req().query, kPageSize);
  const std::string key = cx.req().query_string;  // as typed: notes about bad input differ
  const bool plain = plain_visitor(cx);
  core::FragmentCache& cache = shared::caches::search_pages(cx.config());
  if (plain) {
    if (const auto hit = cache.get("page:" + key, "")) return cached_answer(hit->html);
  }
  CourseFinder& finder = course_finder(cx.config());
  SearchResult result = finder.find(cx.db(), form.filters);
  if (result.total > 0 && form.filters.offset >= result.total) {
    form.page = static_cast<int>((result.total + kPageSize - 1) / kPageSize);
    form.filters.offset = (form.page - 1) * kPageSize;
    form.notes.push_back("沒有那麼多頁，已顯示最後一頁。");
    result = finder.find(cx.db(), form.filters);
  }
  const auto courses = sql::course_summaries(cx.db(), result.course_ids);

  core::Page page(cx, "site/search.tpl", "研習資訊進階搜尋");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("course.search"));
  const std::string query = cx.req().query_string.empty() ? "" : "?" + cx.req().query_string;
  body.SetValue("ATOM_URL", app::url_for("course.atom") + query);
  body.SetValue("ICS_URL", app::url_for("course.ics") + query);
  body.SetValue("API_URL", app::url_for("api.courses") + query);
  // 「訂閱此搜尋」: the conditions as they were read, for a teacher to keep (研習資訊訂閱).
  if (cx.user().is_teacher() && has_conditions(form)) {
    auto* subscribe = body.AddSectionDictionary("SUBSCRIBE");
    subscribe->SetValue("ACTION", app::url_for("teacher.subscriptions.create"));
    subscribe->SetValue("CSRF_TOKEN", cx.csrf_token());
    const std::pair<const char*, std::string> kept[] = {
        {"q", form.q}, {"unit", form.unit}, {"county", std::to_string(form.county)},
        {"category", std::to_string(form.category)}, {"tag", std::to_string(form.tag)}, {"level", form.level},
        {"from", form.from}, {"to", form.to}, {"open", form.open_now ? "1" : ""}};
    for (const auto& [name, value] : kept) {
      if (value.empty() || value == "0") continue;
      auto* field = subscribe->AddSectionDictionary("FIELD");
      field->SetValue("NAME", name);
      field->SetValue("VALUE", value);
    }
  }
  body.SetValue("Q", form.q);
  body.SetValue("UNIT", form.unit);
  body.SetValue("FROM", form.from);
  body.SetValue("TO", form.to);
  if (form.open_now) body.ShowSection("OPEN_CHECKED");
  const auto lists = shared::reference::lists(cx.db());
  fill_choices(body, "COUNTY", lists->counties, form.county);
  // A retired category or tag is offered only to the search already filtering by it.
  fill_choices(body, "CATEGORY", shared::reference::offered(lists->categories, {form.category}), form.category);
  fill_choices(body, "TAG", shared::reference::offered(lists->tags, {form.tag}), form.tag);
  for (const char* code : domain::kLevelCodes) {
    auto* d = body.AddSectionDictionary("LEVEL");
    d->SetValue("CODE", code);
    d->SetValue("NAME", shared::level_label(code));
    if (form.level == code) d->ShowSection("SELECTED");
  }
  for (const auto& note : form.notes) body.AddSectionDictionary("NOTE")->SetValue("TEXT", note);
  body.SetIntValue("TOTAL", result.total);
  // On a phone the form fills two screens: a searcher is offered a jump past it.
  if (!cx.req().query_string.empty() && result.total > 0) body.ShowSection("JUMP");
  fill_course_rows(body, courses);
  if (courses.empty()) body.ShowSection("NO_RESULTS");
  const int pages = static_cast<int>((result.total + kPageSize - 1) / kPageSize);
  if (pages > 1) {
    auto* pager = body.AddSectionDictionary("PAGER");
    pager->SetIntValue("PAGE", form.page);
    pager->SetIntValue("PAGES", pages);
    if (form.page > 1) pager->SetValueAndShowSection("URL", search_url(form, form.page - 1), "PREV");
    if (form.page < pages) pager->SetValueAndShowSection("URL", search_url(form, form.page + 1), "NEXT");
  }
  core::Response response = page.render();
  if (plain) cache.put("page:" + key, "", {"", response.body});
  return response;
}

core::Response show_course(core::Context& cx) {
  const std::string code = cx.param("code");
  if (!domain::is_course_code(code)) return cx.not_found();
  core::FragmentCache& cache = shared::caches::public_courses(cx.config());
  const bool plain = plain_visitor(cx);
  if (plain) {
    if (const auto hit = cache.get("page:" + code, "")) return cached_answer(hit->html);
  }
  auto body = cache.get(code, "");
  if (!body) {
    const auto course = course_store::find(cx.db(), code);
    // Courses not yet approved, returned or deleted are not public (SPEC §3).
    if (!course || !domain::is_public(course->state)) return cx.not_found();
    body = core::FragmentCache::Entry{
        course->title, render_course_body(cx.db(), *course, course_store::sessions_of(cx.db(), course->id),
                                          course_store::tags_of(cx.db(), course->id))};
    cache.put(code, "", *body);
  }
  core::Page page(cx, "partials/raw.tpl", body->title);
  // The cached body is everyone's; the enrolment box in it is this visitor's own.
  enrolment::fill_box(cx, code, page.use_rendered_body_around(body->html, kEnrolmentBoxMarker));
  core::Response response = page.render();
  if (plain) cache.put("page:" + code, "", {"", response.body});
  return response;
}

core::Response health(core::Context& cx) {
  Json::Value body;
  const bool up = cx.db().ping();
  body["status"] = up ? "ok" : "degraded";
  body["database"] = up ? "up" : "down";
  core::Response r = cx.json(body, up ? 200 : 503);
  r.header("Cache-Control", "no-store");
  return r;
}

}  // namespace site
