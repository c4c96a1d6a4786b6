// The teacher's 研習紀錄: every current record by year with totals, filters, tagged progress, the
// CSV of what is shown and the page as a printed transcript; one record's 研習證明 as a PDF. A
// record of another teacher, or one superseded by a correction, is a 404 (revealing nothing).
#include "records/records_handlers.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/routes.h"
#include "core/form.h"
#include "core/view.h"
#include "domain/admission_notice.h"
#include "domain/national_id.h"
#include "domain/record_totals.h"
#include "domain/study_hours.h"
#include "domain/validation.h"
#include "files/certificate_pdf.h"
#include "files/csv_writer.h"
#include "records/records_sql.h"
#include "shared/access.h"
#include "shared/caches.h"
#include "shared/form_view.h"
#include "shared/labels.h"
#include "shared/reference.h"

namespace records {

namespace {

using core::FieldKind;

const std::vector<std::string> kSources = {"portal", "partner", "county", "civil_service"};
const std::vector<std::string> kSourceLabels = {"本網", "合作網站", "縣市系統", "公務人員終身學習"};

// The record's source as the page names it: a partner by its site name.
std::string source_of(const sql::Record& r) {
  if (r.source == "partner")
    return r.partner_name.empty() ? "合作網站" : "合作網站：" + r.partner_name;
  for (size_t i = 0; i < kSources.size(); ++i) {
    if (r.source == kSources[i]) return kSourceLabels[i];
  }
  return r.source;
}

// Who held the course, for the certificate: the portal course's unit, or who reported it.
std::string holder_of(const sql::Record& r) {
  if (r.source == "portal" && !r.course_unit.empty()) return r.course_unit;
  if (r.source == "partner") return r.partner_name.empty() ? "合作網站" : r.partner_name;
  if (r.source == "county") return "縣市教師研習系統";
  if (r.source == "civil_service") return "公務人員終身學習入口網站";
  return "全國教師在職進修資訊網";
}

std::string dates_of(const sql::Record& r) {
  if (r.first_date.empty()) return shared::roc_date(r.completed_on);
  return shared::roc_date(r.first_date) +
         (r.last_date != r.first_date ? "–" + shared::roc_date(r.last_date) : "");
}

std::string correction_of(const sql::Record& r) {
  if (r.correction_no == 0) return "";
  return "已更正（原 " + shared::hours_label(r.old_hours, r.old_credits) + "）：" +
         r.correction_reason + (r.corrected_by.empty() ? "" : "（" + r.corrected_by + "）");
}

int year_of(const std::string& iso_date) { return std::stoi(iso_date.substr(0, 4)); }

domain::RecordLine line_of(const sql::Record& r) {
  return {year_of(r.completed_on), r.source, r.title, r.hours, r.credits, r.tag_ids};
}

// The filter form: its fields depend on the tag list, so it is built per request.
core::FormSpec filter_spec(const shared::reference::Lists& lists) {
  std::vector<std::string> tag_codes, tag_labels;
  for (const auto& t : lists.tags) {
    tag_codes.push_back(std::to_string(t.id));
    tag_labels.push_back(t.name);
  }
  return {
      {"year", "年度", FieldKind::kInteger, false, 200, 1},
      {"source", "來源", FieldKind::kChoice, false, 0, 0, kSources, kSourceLabels},
      {"tag", "屬性標籤", FieldKind::kChoice, false, 0, 0, tag_codes, tag_labels},
      {"q", "研習名稱關鍵字", FieldKind::kText, false, 50},
  };
}

domain::RecordFilter filter_of(const core::Form& form) {
  domain::RecordFilter f;
  if (form.errors().has("year") || form.errors().has("source") || form.errors().has("tag") ||
      form.errors().has("q")) {
    return f;  // a bad filter filters nothing; the page says why
  }
  if (const auto y = form.integer("year")) f.year = static_cast<int>(*y) + 1911;  // 民國 typed
  f.source = form.text("source");
  if (!form.text("tag").empty()) f.tag_id = std::stoll(form.text("tag"));
  f.keyword = form.text("q");
  return f;
}

struct Listing {
  std::vector<sql::Record> records;  // every current record, newest first
  std::vector<const sql::Record*> shown;
  std::vector<domain::RecordLine> lines;  // of `records`, in the same order
};

Listing list(core::Context& cx, const domain::RecordFilter& filter) {
  Listing l;
  l.records = sql::current_records(cx.db(), cx.user().id);
  l.lines.reserve(l.records.size());
  for (size_t i = 0; i < l.records.size(); ++i) {
    l.lines.push_back(line_of(l.records[i]));
    if (domain::matches(l.lines.back(), filter)) l.shown.push_back(&l.records[i]);
  }
  return l;
}

std::string query_string_of(const core::Form& form) {
  std::string q;
  for (const char* name : {"year", "source", "tag", "q"}) {
    if (form.raw(name).empty()) continue;
    q += (q.empty() ? "?" : "&") + std::string(name) + "=" + core::url_encode(form.raw(name));
  }
  return q;
}

void fill_totals(ctemplate::TemplateDictionary& d, const domain::YearTotal& t) {
  d.SetIntValue("RECORDS", t.records);
  d.SetIntValue("HOURS", t.hours);
  d.SetIntValue("CREDITS", t.credits);
  d.SetIntValue("ALL_HOURS", t.all_hours());
}

// The page's body, from the database; nothing when the teacher is gone.
std::optional<std::string> render_records(core::Context& cx, const shared::reference::Lists& lists,
                                          const core::Form& form) {
  const auto profile = sql::profile(cx.db(), cx.user().id);
  if (!profile) return std::nullopt;
  const domain::RecordFilter filter = filter_of(form);
  const Listing l = list(cx, filter);

  ctemplate::TemplateDictionary body("teacher_records");
  body.SetValue("NAME", profile->name);
  body.SetValue("UNIT", profile->unit_name.empty() ? "（無服務單位）" : profile->unit_name);
  body.SetValue("MASKED_ID", domain::mask_national_id(profile->national_id));
  body.SetValue("TEACHER_URL", app::url_for("teacher.home"));
  body.SetValue("RECORDS_URL", app::url_for("teacher.records"));
  body.SetValue("CSV_URL", app::url_for("teacher.records_csv") + query_string_of(form));
  shared::fill_form(body, form);

  // Progress: this year's records, whatever the filter (SPEC: the mandated yearly hours).
  const int this_year = year_of(cx.today());
  std::vector<domain::Requirement> requirements;
  for (const auto& t : lists.tag_rules) {
    requirements.push_back({t.id, t.name, t.yearly_hours, t.kindergarten_only});
  }
  const auto progress =
      domain::yearly_progress(l.lines, requirements, this_year, profile->kindergarten_staff);
  if (!progress.empty()) {
    auto* box = body.AddSectionDictionary("PROGRESS");
    box->SetIntValue("ROC_YEAR", this_year - 1911);
    for (const auto& p : progress) {
      auto* row = box->AddSectionDictionary("GOAL");
      row->SetValue("NAME", p.name);
      row->SetIntValue("REQUIRED", p.required);
      row->SetIntValue("DONE", p.done);
      row->SetValue("STATE", p.met() ? "met" : "short");
      if (p.met()) {
        row->ShowSection("MET");
      } else {
        row->SetIntValue("SHORT_BY", p.required - p.done);
        row->ShowSection("SHORT");
      }
    }
  }

  // Filter choices: the years that have records, newest first; sources; tags.
  std::set<int, std::greater<int>> years;
  for (const auto& line : l.lines) years.insert(line.year);
  for (int y : years) {
    auto* o = body.AddSectionDictionary("YEAR_OPTION");
    o->SetIntValue("CODE", y - 1911);
    if (form.raw("year") == std::to_string(y - 1911)) o->ShowSection("SELECTED");
  }
  std::vector<shared::Option> sources, tags;
  for (size_t i = 0; i < kSources.size(); ++i) sources.push_back({kSources[i], kSourceLabels[i]});
  for (const auto& t : lists.tags) tags.push_back({std::to_string(t.id), t.name});
  shared::fill_options(body, "SOURCE_OPTION", sources, {form.raw("source")});
  shared::fill_options(body, "TAG_OPTION", tags, {form.raw("tag")});
  const bool filtered =
      filter.year || !filter.source.empty() || filter.tag_id || !filter.keyword.empty();
  if (filtered) body.ShowSection("FILTERED");

  std::vector<const domain::RecordLine*> shown_lines;
  for (const sql::Record* r : l.shown) {
    shown_lines.push_back(&l.lines[static_cast<size_t>(r - l.records.data())]);
  }
  const auto by_year = domain::totals_by_year(shown_lines);
  fill_totals(*body.AddSectionDictionary("OVERALL"), domain::overall(by_year));
  size_t next = 0;  // l.shown is newest first, as by_year is
  for (const auto& t : by_year) {
    auto* year = body.AddSectionDictionary("YEAR");
    year->SetIntValue("ROC_YEAR", t.year - 1911);
    fill_totals(*year, t);
    for (; next < l.shown.size() && year_of(l.shown[next]->completed_on) == t.year; ++next) {
      const sql::Record& r = *l.shown[next];
      auto* row = year->AddSectionDictionary("RECORD");
      row->SetIntValue("ID", r.id);
      row->SetValue("DATE", shared::roc_date(r.completed_on));
      row->SetValue("TITLE", r.title);
      row->SetValue("SOURCE", source_of(r));
      row->SetValue("HOURS", shared::hours_label(r.hours, r.credits));
      row->SetValue("CERTIFICATE_URL", app::url_for("teacher.certificate", {std::to_string(r.id)}));
      if (r.course_id != 0 && !r.course_code.empty()) {
        auto* c = row->AddSectionDictionary("COURSE");
        c->SetValue("CODE", r.course_code);
        c->SetValue("URL", app::url_for("course.show", {r.course_code}));
      } else {
        row->ShowSection("NO_COURSE");
      }
      if (r.correction_no > 0) {
        auto* c = row->AddSectionDictionary("CORRECTED");
        c->SetValue("OLD_HOURS", shared::hours_label(r.old_hours, r.old_credits));
        c->SetValue("REASON", r.correction_reason);
        c->SetValue("BY", r.corrected_by.empty() ? "（不明）" : r.corrected_by);
      }
    }
  }
  if (l.shown.empty()) body.ShowSection(l.records.empty() ? "NO_RECORDS" : "NONE_MATCH");
  return core::render_template("teacher/records.tpl", body);
}

}  // namespace

core::Response records_page(core::Context& cx) {
  const auto lists = shared::reference::lists(cx.db());
  const core::FormSpec spec = filter_spec(*lists);
  const core::Form form(spec, cx.req().query);
  // Triggers bump home_version on every write behind the page (records, the teacher's name, unit
  // and kindergarten flag); the tags' hours move the reference generation; the date moves the
  // year of the progress. A minute's age covers the rest, such as a renamed unit.
  const std::string key = std::to_string(cx.user().id) + query_string_of(form);
  const std::string validator = std::to_string(cx.user().home_version) + "|" + cx.today() + "|" +
                                std::to_string(lists->generation);
  auto cached = form.ok() ? shared::caches::record_bodies().get(key, validator) : std::nullopt;
  if (!cached) {
    auto html = render_records(cx, *lists, form);
    if (!html) return cx.not_found();
    cached = core::FragmentCache::Entry{"", std::move(*html)};
    if (form.ok()) shared::caches::record_bodies().put(key, validator, *cached);
  }
  core::Page page(cx, "partials/raw.tpl", "研習紀錄");
  page.use_rendered_body(cached->html);
  core::Response r = page.render(form.ok() ? 200 : 422);
  r.header("Cache-Control", "no-store");  // the teacher's own records
  return r;
}

core::Response records_csv(core::Context& cx) {
  const auto lists = shared::reference::lists(cx.db());
  const core::FormSpec spec = filter_spec(*lists);
  const core::Form form(spec, cx.req().query);
  const Listing l = list(cx, filter_of(form));
  std::vector<std::vector<std::string>> rows;
  rows.reserve(l.shown.size());
  for (const sql::Record* r : l.shown) {
    rows.push_back({std::to_string(year_of(r->completed_on) - 1911),
                    shared::roc_date(r->completed_on), r->title, r->course_code, source_of(*r),
                    std::to_string(r->hours), std::to_string(r->credits),
                    std::to_string(r->hours + domain::credits_to_hours(r->credits)),
                    correction_of(*r), domain::group_notice_code(r->verify_code)});
  }
  const size_t count = rows.size();
  const std::string csv = files::write_csv(
      {{"年度", "完成日期", "研習名稱", "研習課程代碼", "來源", "時數", "學分", "合計時數", "更正說明", "驗證碼"},
       std::move(rows)});
  shared::access::audit(cx, "records.csv", "t:" + std::to_string(cx.user().id),
                        std::to_string(count) + " rows");
  core::Response r = core::Response::file("text/csv; charset=utf-8", "study-records.csv", csv);
  r.header("Cache-Control", "no-store");  // the teacher's own records
  return r;
}

core::Response certificate(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 9'000'000'000'000'000'000LL);
  const auto record = id ? sql::current_record(cx.db(), cx.user().id, *id) : std::nullopt;
  if (!record) return cx.not_found();
  const auto profile = sql::profile(cx.db(), cx.user().id);
  if (!profile) return cx.not_found();
  const std::string code = domain::group_notice_code(record->verify_code);
  const std::string today = cx.today();
  files::Certificate c;
  c.teacher_name = profile->name;
  c.masked_id = domain::mask_national_id(profile->national_id);
  c.course_title = record->title;
  c.course_code = record->course_code;
  c.unit = holder_of(*record);
  c.dates = dates_of(*record);
  c.hours = shared::hours_label(record->hours, record->credits);
  c.verify_code = code;
  c.verify_url = cx.config().base_url + app::url_for("verify.check", {code});
  c.issued_on = std::to_string(year_of(today) - 1911) + " 年 " +
                std::to_string(std::stoi(today.substr(5, 2))) + " 月 " +
                std::to_string(std::stoi(today.substr(8, 2))) + " 日";
  c.correction = correction_of(*record);
  const auto pdf =
      files::certificate_pdf(c, cx.config().certificate_font, cx.config().certificate_font_index);
  if (!pdf) {
    return cx.error(503, "研習證明暫時無法產生",
                    "伺服器缺少研習證明所需的中文字型，證明沒有產生。請稍後再試，或洽系統管理員。");
  }
  shared::access::audit(cx, "record.certificate", std::to_string(record->id), code);
  core::Response r;
  r.body = std::move(*pdf);
  r.header("Content-Type", "application/pdf");
  r.header("Content-Disposition",
           "inline; filename=\"certificate-" + record->verify_code + ".pdf\"");
  r.header("Cache-Control", "no-store");
  return r;
}

}  // namespace records
