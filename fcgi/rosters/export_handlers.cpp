// 研習名單匯出: the approved applicants of a course of the user's own unit (another unit's is a
// 404, revealing nothing), once the course is approved (課程確認通過 and after, not deleted).
// The XLSX and CSV carry the columns of SPEC §5 with the 身分證字號 in full, which only the
// course's own unit may see (個人資料保護法); the 簽到表 is passed around the room and leaves
// out the 身分證字號 and everything else personal but school, 職稱 and name.
#include "rosters/export_handlers.h"

#include <optional>
#include <string>
#include <vector>

#include "app/routes.h"
#include "core/view.h"
#include "domain/course_state.h"
#include "domain/roc_date.h"
#include "domain/sign_in_classes.h"
#include "files/csv_writer.h"
#include "files/sheet.h"
#include "files/xlsx_writer.h"
#include "rosters/export_sql.h"
#include "shared/access.h"
#include "shared/course_store.h"
#include "shared/labels.h"

namespace rosters {

namespace {

const char* gender_label(const std::string& code) {
  if (code == "F") return "女";
  if (code == "M") return "男";
  return "其他";
}

std::string dates_of(const course_store::Course& c) {
  return shared::roc_date(c.first_date) +
         (c.last_date != c.first_date ? "–" + shared::roc_date(c.last_date) : "");
}

// "115/12/22（二） 09:00–16:00　桃園市立內壢國民中學 圖書館": the day as a sign-in sheet names it.
std::string session_line(const course_store::Session& s) {
  static const char* const kWeekdays[] = {"一", "二", "三", "四", "五", "六", "日"};
  std::string day = shared::roc_date(s.date);
  if (const auto d = domain::parse_iso_date(s.date)) {
    day += std::string("（") + kWeekdays[domain::iso_weekday(*d) - 1] + "）";
  }
  return day + " " + s.starts_at + "–" + s.ends_at + (s.place.empty() ? "" : "　" + s.place);
}

// The course loaded for an export, or the answer that refuses it.
struct Loaded {
  std::optional<course_store::Course> course;
  std::optional<core::Response> refusal;
};
Loaded load(core::Context& cx) {
  auto course = shared::access::unit_course(cx, cx.param("code"));
  if (!course) return {std::nullopt, cx.not_found()};
  if (!domain::is_public(course->state)) {
    return {std::nullopt,
            cx.conflict("課程目前為「" + shared::course_state_label(course->state) +
                        "」，還沒有研習名單可以匯出。課程確認通過後，才能匯出研習名單與列印簽到表。")};
  }
  return {std::move(course), std::nullopt};
}

// SPEC §5's columns, one row per approved applicant.
files::Sheet table_of(const std::vector<sql::Applicant>& applicants) {
  files::Sheet t;
  t.header = {"服務學校", "職位類別", "姓名", "性別", "身分證字號", "出生日期", "電話", "電子郵件"};
  for (const auto& a : applicants) {
    t.rows.push_back({a.school, a.position.empty() ? a.title_name : a.position, a.name, gender_label(a.gender), a.national_id,
                      shared::roc_date(a.birth_date), a.phone, a.email});
  }
  return t;
}

void audit_rows(core::Context& cx, const char* action, const course_store::Course& c, size_t rows) {
  shared::access::audit(cx, action, c.code, "rows=" + std::to_string(rows));
}

// "5600001-研習名單.xlsx", with "5600001-applicants.xlsx" for clients that read only filename.
// No-store: personal data stays out of every cache on the way.
core::Response download(const course_store::Course& c, const char* content_type,
                        const char* extension, std::string body) {
  core::Response r = core::Response::file(content_type, c.code + "-applicants." + extension,
                                          c.code + "-研習名單." + extension, std::move(body));
  r.header("Cache-Control", "no-store");
  return r;
}

}  // namespace

core::Response roster_xlsx(core::Context& cx) {
  const Loaded loaded = load(cx);
  if (loaded.refusal) return *loaded.refusal;
  const course_store::Course& c = *loaded.course;
  const auto applicants = sql::approved_applicants(cx.db(), c.id);
  std::string bytes = files::write_xlsx(
      table_of(applicants),
      {"研習名單", "研習課程代碼 " + c.code + "　" + c.title + "　" + dates_of(c) + "　審核通過 " +
                       std::to_string(applicants.size()) + " 人"});
  audit_rows(cx, "roster.export_xlsx", c, applicants.size());
  return download(c, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
                  std::move(bytes));
}

core::Response roster_csv(core::Context& cx) {
  const Loaded loaded = load(cx);
  if (loaded.refusal) return *loaded.refusal;
  const course_store::Course& c = *loaded.course;
  const auto applicants = sql::approved_applicants(cx.db(), c.id);
  std::string bytes = files::write_csv(table_of(applicants));
  audit_rows(cx, "roster.export_csv", c, applicants.size());
  return download(c, "text/csv; charset=utf-8", "csv", std::move(bytes));
}

core::Response sign_in_sheet(core::Context& cx) {
  const Loaded loaded = load(cx);
  if (loaded.refusal) return *loaded.refusal;
  const course_store::Course& c = *loaded.course;
  const auto applicants = sql::approved_applicants(cx.db(), c.id);
  core::Page page(cx, "rosters/sign_in.tpl", "簽到表 " + c.code + " " + c.title);
  auto& body = page.body();
  body.SetValue("CODE", c.code);
  body.SetValue("COURSE_TITLE", c.title);
  body.SetValue("UNIT", c.unit_name);
  body.SetValue("HOURS", shared::hours_label(c.hours, c.credits));
  body.SetIntValue("APPROVED", static_cast<long>(applicants.size()));
  std::string sessions;  // repeated above each class's table: every sheet is handed round alone
  for (const auto& s : course_store::sessions_of(cx.db(), c.id)) {
    body.AddSectionDictionary("SESSION")->SetValue("LINE", session_line(s));
    sessions += (sessions.empty() ? "" : "；") + session_line(s);
  }
  body.SetValue("COURSE_URL", app::url_for("office.course", {c.code}));
  body.SetValue("XLSX_URL", app::url_for("office.course.roster_xlsx", {c.code}));
  body.SetValue("CSV_URL", app::url_for("office.course.roster_csv", {c.code}));
  const auto classes = domain::split_into_classes(applicants.size(), c.class_count, c.seats_per_class);
  for (size_t k = 0; k < classes.size(); ++k) {
    auto* table = body.AddSectionDictionary("CLASS");
    table->SetIntValue("NUMBER", static_cast<long>(k + 1));
    table->SetValue("CLASS_NAME", classes.size() > 1 ? "第 " + std::to_string(k + 1) + " 班（共 " +
                                                           std::to_string(classes.size()) + " 班）"
                                                     : "簽到表");
    table->SetValue("SESSIONS", sessions);
    table->SetIntValue("COUNT", static_cast<long>(classes[k].count));
    if (classes[k].count == 0) table->ShowSection("EMPTY");
    for (size_t i = 0; i < classes[k].count; ++i) {
      const sql::Applicant& a = applicants[classes[k].first + i];
      auto* row = table->AddSectionDictionary("ROW");
      row->SetIntValue("SEQ", static_cast<long>(i + 1));
      row->SetValue("SCHOOL", a.school);
      row->SetValue("TITLE_NAME", a.title_name);
      row->SetValue("NAME", a.name);
    }
  }
  audit_rows(cx, "roster.sign_in_sheet", c, applicants.size());
  return page.render();  // no-store, as every signed-in page (core/view.cpp)
}

}  // namespace rosters
