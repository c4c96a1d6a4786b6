#include "specialties/specialty_handlers.h"

#include <filesystem>

#include "app/routes.h"
#include "core/disk_files.h"
#include "core/form.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/validation.h"
#include "files/download_kind.h"
#include "mail/mail.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"
#include "specialties/specialty_sql.h"

namespace specialties {

namespace {
using core::FieldKind;

const core::FormSpec kApplyForm = {
    {"specialty", "專長", FieldKind::kInteger, true, 65535, 1},
    {"certificate_name", "證照（證書）名稱", FieldKind::kText, true, 100},
    {"certificate_no", "證號", FieldKind::kText, true, 60},
    {"certificate_date", "發證日期", FieldKind::kDate, true},
};
const core::FormSpec kReturnForm = {{"reason", "退回理由", FieldKind::kText, true, 300}};
const core::FormSpec kSpecialtyForm = {{"name", "專長名稱", FieldKind::kText, true, 60}};

std::string state_label(const std::string& s) {
  return s == "approved" ? "審核通過" : s == "returned" ? "退回" : "待審核";
}

std::string certificates_dir(const core::Config& config) { return config.files_dir + "/specialties"; }

std::optional<int64_t> id_param(const core::Context& cx) {
  return domain::parse_integer(cx.param("id"), 1, 4294967295LL);
}

core::Response certificate_answer(core::Context& cx, const sql::Application& a) {
  if (a.file_stored_name.empty()) return cx.not_found();
  auto bytes = core::read_file(core::path_in(certificates_dir(cx.config()), a.file_stored_name));
  if (!bytes) return cx.not_found();
  core::Response r = core::Response::file("application/pdf", "certificate-" + std::to_string(a.id) + ".pdf",
                                          a.certificate_name + ".pdf", std::move(*bytes));
  r.header("Cache-Control", "private, no-store");
  return r;
}

void fill_application(ctemplate::TemplateDictionary& row, const sql::Application& a, const std::string& file_url) {
  row.SetIntValue("ID", a.id);
  row.SetValue("TEACHER", a.teacher_name);
  row.SetValue("SPECIALTY", a.specialty);
  row.SetValue("CERTIFICATE", a.certificate_name);
  row.SetValue("NUMBER", a.certificate_no);
  row.SetValue("DATE", shared::roc_date(a.certificate_date));
  row.SetValue("STATE", state_label(a.state));
  row.SetValue("STATE_CODE", a.state);
  row.SetValue("APPLIED", shared::roc_datetime(a.created_at));
  if (!a.reason.empty()) row.SetValueAndShowSection("REASON", a.reason, "HAS_REASON");
  if (!a.decided_at.empty()) {
    row.SetValue("DECIDED_BY", a.decided_by);
    row.SetValueAndShowSection("DECIDED_AT", shared::roc_datetime(a.decided_at), "DECIDED");
  }
  if (!a.file_stored_name.empty()) row.SetValueAndShowSection("FILE_URL", file_url, "HAS_FILE");
}

core::Response show_mine(core::Context& cx, const core::Form& form, int status) {
  core::Page page(cx, "specialties/mine.tpl", "專長登錄申請");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("teacher.specialties.apply"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  if (cx.user().records_only) body.ShowSection("RECORDS_ONLY");
  else body.ShowSection("MAY_APPLY");
  shared::fill_form(body, form);
  std::vector<shared::Option> options;
  for (const auto& s : sql::all(cx.db())) {
    if (s.active) options.push_back({std::to_string(s.id), s.name});
  }
  shared::fill_options(body, "SPECIALTY_OPTION", options, {form.raw("specialty")});
  const auto mine = sql::of_teacher(cx.db(), cx.user().id);
  for (const auto& a : mine) {
    fill_application(*body.AddSectionDictionary("APPLICATION"), a,
                     app::url_for("teacher.specialties.certificate", {std::to_string(a.id)}));
  }
  if (mine.empty()) body.ShowSection("NONE");
  return page.render(status);
}

core::Response refuse(core::Context& cx, core::Form& form, const std::string& field, const std::string& why) {
  form.errors().add(field, why);
  form.errors().add("form", "申請沒有送出。");
  return show_mine(cx, form, 422);
}

core::Response show_unit(core::Context& cx, const core::Form* refused, int64_t refused_id, int status) {
  std::string state = cx.req().query.get_or("state");
  if (state != "pending" && state != "approved" && state != "returned") state = "";
  const int64_t specialty = domain::parse_integer(cx.req().query.get_or("specialty"), 1, 65535).value_or(0);
  core::Page page(cx, "specialties/unit.tpl", "專長審核與瀏覽");
  auto& body = page.body();
  body.SetValue("LIST_URL", app::url_for("office.specialties"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  std::vector<shared::Option> options;
  for (const auto& s : sql::all(cx.db())) options.push_back({std::to_string(s.id), s.name});
  shared::fill_options(body, "SPECIALTY_OPTION", options, {specialty ? std::to_string(specialty) : ""});
  shared::fill_options(body, "STATE_OPTION", {{"pending", "待審核"}, {"approved", "審核通過"}, {"returned", "退回"}},
                       {state});
  const auto pending = sql::of_unit(cx.db(), cx.user().unit_id, "pending", 0);
  for (const auto& a : pending) {
    auto* row = body.AddSectionDictionary("PENDING");
    fill_application(*row, a, app::url_for("office.specialties.certificate", {std::to_string(a.id)}));
    row->SetValue("APPROVE_URL", app::url_for("office.specialties.approve", {std::to_string(a.id)}));
    row->SetValue("RETURN_URL", app::url_for("office.specialties.return", {std::to_string(a.id)}));
    if (refused && a.id == refused_id) shared::fill_form(*row, *refused);
  }
  if (pending.empty()) body.ShowSection("NO_PENDING");
  // 專長瀏覽: the unit's teachers by specialty, approved ones unless another state is asked for.
  const auto listed = sql::of_unit(cx.db(), cx.user().unit_id, state.empty() ? "approved" : state, specialty);
  for (const auto& a : listed) {
    fill_application(*body.AddSectionDictionary("LISTED"), a,
                     app::url_for("office.specialties.certificate", {std::to_string(a.id)}));
  }
  if (listed.empty()) body.ShowSection("NONE_LISTED");
  return page.render(status);
}

// The unit's application the route names, for its 總負責人 only.
std::optional<sql::Application> unit_application(core::Context& cx) {
  const auto id = id_param(cx);
  auto a = id ? sql::find(cx.db(), *id) : std::nullopt;
  if (!a || a->unit_id != cx.user().unit_id) return std::nullopt;
  return a;
}

void tell_teacher(db::Connection& db, const sql::Application& a, const std::string& what) {
  const auto r = db.query_one("SELECT IFNULL(email, '') FROM teacher WHERE id = ?", a.teacher_id);
  if (!r || !domain::is_valid_email(r->str(0))) return;
  mail::enqueue(db, {r->str(0), "【專長登錄】" + a.specialty + "：" + what,
                     a.teacher_name + " 您好：\n\n您申請登錄的專長「" + a.specialty + "」（" + a.certificate_name +
                         "，證號 " + a.certificate_no + "）" + what + "。\n\n全國教師在職進修資訊網\n"});
}

}  // namespace

core::Response mine(core::Context& cx) { return show_mine(cx, core::Form(kApplyForm), 200); }

core::Response apply(core::Context& cx) {
  core::Form form(kApplyForm, cx.req().form);
  if (cx.user().records_only || cx.user().unit_id == 0) {
    form.errors().add("form", "您的帳號目前僅能查詢研習紀錄，無法申請專長登錄。");
    return show_mine(cx, form, 403);
  }
  if (!form.ok()) {
    form.errors().add("form", "申請沒有送出。");
    return show_mine(cx, form, 422);
  }
  const auto specialty = sql::find_specialty(cx.db(), *form.integer("specialty"));
  if (!specialty || !specialty->active) return refuse(cx, form, "specialty", "請從選單選擇「專長」。");
  if (sql::has_open(cx.db(), cx.user().id, specialty->id)) {
    return refuse(cx, form, "specialty", "「" + specialty->name + "」已在審核中或已通過，不需重複申請。");
  }
  const core::UploadedFile* file = nullptr;
  for (const auto& f : cx.req().files) {
    if (f.field == "file" && !f.filename.empty()) file = &f;
  }
  std::string stored;
  if (file) {
    if (file->content.size() > kMaxCertificateBytes) return refuse(cx, form, "file", "證書檔案超過 5 MB。");
    if (files::download_kind(file->filename, file->content) != files::DownloadKind::kPdf) {
      return refuse(cx, form, "file", "證書檔案只接受 PDF（副檔名 .pdf 且內容為 PDF）。");
    }
    stored = core::sha256_hex(core::random_token()).substr(0, 32) + ".pdf";
  }
  sql::NewApplication a{cx.user().id, cx.user().unit_id, specialty->id, form.text("certificate_name"),
                        form.text("certificate_no"), domain::to_iso(*form.date("certificate_date")), stored};
  const std::string dir = certificates_dir(cx.config());
  if (file) {
    std::filesystem::create_directories(dir);
    core::write_file_atomically(dir, stored, file->content);  // before the row that names it
  }
  int64_t id = 0;
  try {
    id = sql::insert(cx.db(), a);
  } catch (...) {
    if (file) std::filesystem::remove(core::path_in(dir, stored));
    throw;
  }
  shared::access::audit(cx, "specialty.apply", std::to_string(id), specialty->name);
  cx.flash("已送出「" + specialty->name + "」的專長登錄申請，由服務學校的總負責人審核。");
  return cx.see_other(app::url_for("teacher.specialties"));
}

core::Response own_certificate(core::Context& cx) {
  const auto id = id_param(cx);
  const auto a = id ? sql::find(cx.db(), *id) : std::nullopt;
  if (!a || a->teacher_id != cx.user().id) return cx.not_found();
  return certificate_answer(cx, *a);
}

core::Response unit_list(core::Context& cx) { return show_unit(cx, nullptr, 0, 200); }

core::Response approve(core::Context& cx) {
  const auto a = unit_application(cx);
  if (!a) return cx.not_found();
  db::Transaction tx(cx.db());
  if (!sql::decide(cx.db(), a->id, cx.user().unit_id, "approved", "", cx.user().id)) {
    return core::render_error_page(cx, 409, "已經審核過", "這筆專長申請已經審核過了，請重新整理頁面。");
  }
  tell_teacher(cx.db(), *a, "已審核通過");
  shared::access::audit(cx, "specialty.approve", std::to_string(a->id), a->specialty);
  tx.commit();
  cx.flash("已通過 " + a->teacher_name + " 的「" + a->specialty + "」。");
  return cx.see_other(app::url_for("office.specialties"));
}

core::Response give_back(core::Context& cx) {
  const auto a = unit_application(cx);
  if (!a) return cx.not_found();
  core::Form form(kReturnForm, cx.req().form);
  if (!form.ok()) {
    form.errors().add("form", a->teacher_name + "的申請沒有退回。");
    return show_unit(cx, &form, a->id, 422);
  }
  db::Transaction tx(cx.db());
  if (!sql::decide(cx.db(), a->id, cx.user().unit_id, "returned", form.text("reason"), cx.user().id)) {
    return core::render_error_page(cx, 409, "已經審核過", "這筆專長申請已經審核過了，請重新整理頁面。");
  }
  tell_teacher(cx.db(), *a, "已退回，理由：" + form.text("reason"));
  shared::access::audit(cx, "specialty.return", std::to_string(a->id), form.text("reason"));
  tx.commit();
  cx.flash("已退回 " + a->teacher_name + " 的「" + a->specialty + "」，並通知教師。");
  return cx.see_other(app::url_for("office.specialties"));
}

core::Response unit_certificate(core::Context& cx) {
  const auto a = unit_application(cx);
  if (!a) return cx.not_found();
  return certificate_answer(cx, *a);
}

namespace {
core::Response show_admin(core::Context& cx, const core::Form& form, int status) {
  core::Page page(cx, "specialties/admin.tpl", "專長項目管理");
  auto& body = page.body();
  body.SetValue("ADMIN_URL", app::url_for("admin.home"));
  body.SetValue("ACTION", app::url_for("admin.specialties.create"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  for (const auto& s : sql::all(cx.db())) {
    auto* row = body.AddSectionDictionary("SPECIALTY");
    row->SetValue("NAME", s.name);
    row->SetValue("STATUS", s.active ? "使用中" : "已停用");
    row->SetValue("TOGGLE_LABEL", s.active ? "停用" : "啟用");
    row->SetValue("TOGGLE_URL", app::url_for("admin.specialties.toggle", {std::to_string(s.id)}));
  }
  shared::fill_form(body, form);
  return page.render(status);
}
}  // namespace

core::Response admin_list(core::Context& cx) { return show_admin(cx, core::Form(kSpecialtyForm), 200); }

core::Response add(core::Context& cx) {
  core::Form form(kSpecialtyForm, cx.req().form);
  if (!form.ok()) {
    form.errors().add("form", "沒有新增專長。");
    return show_admin(cx, form, 422);
  }
  if (!sql::add_specialty(cx.db(), form.text("name"))) {
    form.errors().add("name", "已有「" + form.text("name") + "」，沒有重複新增。");
    return show_admin(cx, form, 409);
  }
  shared::access::audit(cx, "specialty.create", form.text("name"));
  cx.flash("已新增專長「" + form.text("name") + "」。");
  return cx.see_other(app::url_for("admin.specialties"));
}

core::Response toggle(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 65535);
  if (!id || !sql::toggle_specialty(cx.db(), *id)) return cx.not_found();
  shared::access::audit(cx, "specialty.toggle", std::to_string(*id));
  cx.flash("專長項目狀態已更新。");
  return cx.see_other(app::url_for("admin.specialties"));
}

}  // namespace specialties
