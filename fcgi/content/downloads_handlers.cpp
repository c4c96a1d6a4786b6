#include "content/downloads_handlers.h"

#include <filesystem>

#include "app/routes.h"
#include "content/content_sql.h"
#include "core/disk_files.h"
#include "core/form.h"
#include "core/log.h"
#include "core/security.h"
#include "core/view.h"
#include "domain/validation.h"
#include "files/download_kind.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"

namespace content {

namespace {
using core::FieldKind;

const std::vector<std::string> kCategoryCodes = {"manual", "form", "regulation", "other"};
const std::vector<std::string> kCategoryLabels = {"使用手冊", "表單範本", "法規與函文", "其他"};

const core::FormSpec kUploadForm = {
    {"title", "檔案名稱", FieldKind::kText, true, 200},
    {"category", "分類", FieldKind::kChoice, true, 0, 0, kCategoryCodes, kCategoryLabels},
};

std::string category_label(const std::string& code) { return shared::label_of(kCategoryCodes, kCategoryLabels, code); }

std::string downloads_dir(const core::Config& config) { return config.files_dir + "/downloads"; }

// "1.2 MB", "35 KB": as the list shows a file's size.
std::string size_label(int64_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024 * 1024));
  } else {
    std::snprintf(buf, sizeof buf, "%lld KB", static_cast<long long>((bytes + 1023) / 1024));
  }
  return buf;
}

// The name a browser sent, without any folder it names; "" when it is not usable text.
std::string upload_name(const std::string& sent) {
  const size_t slash = sent.find_last_of("/\\");
  std::string name = domain::trim(slash == std::string::npos ? sent : sent.substr(slash + 1));
  if (!domain::is_valid_utf8(name) || domain::utf8_length(name) > 200) return "";
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f || c == '"') return "";
  }
  return name;
}

// The served name for clients that read only filename="…": the extension alone keeps its meaning.
std::string ascii_name(const sql::Download& d) { return "download-" + std::to_string(d.id) + "." + d.kind; }

core::Response show_admin(core::Context& cx, const core::Form& form, int status) {
  core::Page page(cx, "content/admin_downloads.tpl", "下載專區管理");
  auto& body = page.body();
  body.SetValue("ADMIN_URL", app::url_for("admin.home"));
  body.SetValue("ACTION", app::url_for("admin.downloads.upload"));
  body.SetValue("CSRF_TOKEN", cx.csrf_token());
  body.SetValue("MAX_SIZE", size_label(static_cast<int64_t>(kMaxDownloadBytes)));
  shared::fill_form(body, form);
  shared::fill_options(body, "CATEGORY_OPTION", {{"manual", "使用手冊"}, {"form", "表單範本"},
                                                 {"regulation", "法規與函文"}, {"other", "其他"}},
                       {form.raw("category")});
  for (const auto& d : sql::downloads(cx.db())) {
    auto* row = body.AddSectionDictionary("FILE");
    row->SetIntValue("ID", d.id);
    row->SetValue("TITLE", d.title);
    row->SetValue("CATEGORY", category_label(d.category));
    row->SetValue("FILENAME", d.filename);
    row->SetValue("SIZE", size_label(d.size_bytes));
    row->SetValue("DATE", shared::roc_date(d.uploaded_on));
    row->SetValue("URL", app::url_for("download", {std::to_string(d.id)}));
    row->SetValue("DELETE_URL", app::url_for("admin.downloads.delete", {std::to_string(d.id)}));
  }
  return page.render(status);
}

core::Response refuse(core::Context& cx, core::Form& form, const std::string& field, const std::string& why) {
  form.errors().add(field, why);
  form.errors().add("form", "檔案沒有上傳。");
  return show_admin(cx, form, 422);
}

}  // namespace

core::Response downloads(core::Context& cx) {
  core::Page page(cx, "content/downloads.tpl", "下載專區");
  auto& body = page.body();
  std::string current;
  ctemplate::TemplateDictionary* group = nullptr;
  const auto files = sql::downloads(cx.db());
  for (const auto& d : files) {
    if (!group || d.category != current) {
      current = d.category;
      group = body.AddSectionDictionary("GROUP");
      group->SetValue("CATEGORY", category_label(d.category));
      group->SetValue("CATEGORY_CODE", d.category);
    }
    auto* row = group->AddSectionDictionary("FILE");
    row->SetIntValue("ID", d.id);
    row->SetValue("TITLE", d.title);
    row->SetValue("URL", app::url_for("download", {std::to_string(d.id)}));
    row->SetValue("KIND", d.kind == "png" ? "PNG 圖檔" : d.kind == "xlsx" ? "XLSX 試算表" : d.kind == "pdf" ? "PDF"
                          : d.kind == "odt" ? "ODT 文件" : "DOCX 文件");
    row->SetValue("SIZE", size_label(d.size_bytes));
    row->SetValue("DATE", shared::roc_date(d.uploaded_on));
  }
  if (files.empty()) body.ShowSection("NO_FILES");
  return page.render();
}

core::Response download_file(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 4294967295LL);
  const auto d = id ? sql::find_download(cx.db(), *id) : std::nullopt;
  if (!d) return cx.not_found();
  const auto kind = files::parse_download_kind(d->kind);
  auto bytes = core::read_file(core::path_in(downloads_dir(cx.config()), d->stored_name));
  if (!kind || !bytes) {
    core::log_error(cx.req().request_id, "download " + std::to_string(d->id) + ": stored file missing");
    return cx.not_found();
  }
  core::Response r = core::Response::file(files::content_type_of(*kind), ascii_name(*d), d->filename, std::move(*bytes));
  r.header("Cache-Control", "public, max-age=300");
  return r;
}

core::Response admin_downloads(core::Context& cx) { return show_admin(cx, core::Form(kUploadForm), 200); }

core::Response upload_download(core::Context& cx) {
  core::Form form(kUploadForm, cx.req().form);
  const core::UploadedFile* file = nullptr;
  for (const auto& f : cx.req().files) {
    if (f.field == "file" && !(f.filename.empty() && f.content.empty())) file = &f;
  }
  if (!file) return refuse(cx, form, "file", "請選擇要上傳的檔案。");
  if (file->content.size() > kMaxDownloadBytes) {
    return refuse(cx, form, "file", "檔案超過 " + size_label(static_cast<int64_t>(kMaxDownloadBytes)) + "。");
  }
  if (file->content.empty()) return refuse(cx, form, "file", "這是空的檔案。");
  const std::string name = upload_name(file->filename);
  if (name.empty()) return refuse(cx, form, "file", "檔名無法辨識，請改用一般文字的檔名（200 字以內）。");
  const auto kind = files::download_kind(name, file->content);
  if (!kind) return refuse(cx, form, "file", files::kDownloadKindsMessage);
  if (!form.ok()) {
    form.errors().add("form", "檔案沒有上傳。");
    return show_admin(cx, form, 422);
  }
  sql::Download d;
  d.title = form.text("title");
  d.category = form.text("category");
  d.filename = name;
  d.kind = files::extension_of(*kind);
  d.size_bytes = static_cast<int64_t>(file->content.size());
  d.sha256 = core::sha256_hex(file->content);
  d.stored_name = core::sha256_hex(core::random_token()).substr(0, 32) + "." + d.kind;
  const std::string dir = downloads_dir(cx.config());
  std::filesystem::create_directories(dir);
  // The file first: a row never names bytes that are not on disk. A failed insert takes the file
  // back.
  core::write_file_atomically(dir, d.stored_name, file->content);
  try {
    d.id = sql::insert_download(cx.db(), d);
  } catch (...) {
    std::filesystem::remove(core::path_in(dir, d.stored_name));
    throw;
  }
  shared::access::audit(cx, "download.upload", std::to_string(d.id), d.title + " / " + d.filename);
  cx.flash("已上傳「" + d.title + "」（" + d.filename + "，" + size_label(d.size_bytes) + "）。");
  return cx.see_other(app::url_for("admin.downloads"));
}

core::Response delete_download(core::Context& cx) {
  const auto id = domain::parse_integer(cx.param("id"), 1, 4294967295LL);
  const auto d = id ? sql::find_download(cx.db(), *id) : std::nullopt;
  if (!d || !sql::delete_download(cx.db(), d->id)) return cx.not_found();
  // The row is gone, so nobody is offered the file; removing the bytes may fail harmlessly.
  const std::string dir = downloads_dir(cx.config());
  std::error_code ec;
  std::filesystem::remove(core::path_in(dir, d->stored_name), ec);
  if (ec) core::log_error(cx.req().request_id, "download " + std::to_string(d->id) + ": " + ec.message());
  core::fsync_dir(dir);
  shared::access::audit(cx, "download.delete", std::to_string(d->id), d->title + " / " + d->filename);
  cx.flash("已刪除「" + d->title + "」。");
  return cx.see_other(app::url_for("admin.downloads"));
}

}  // namespace content
