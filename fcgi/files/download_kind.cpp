#include "files/download_kind.h"

#include <zip.h>

#include <memory>

namespace files {

namespace {

struct Kind {
  DownloadKind kind;
  const char* extension;
  const char* content_type;
};

constexpr Kind kKinds[] = {
    {DownloadKind::kPdf, "pdf", "application/pdf"},
    {DownloadKind::kOdt, "odt", "application/vnd.oasis.opendocument.text"},
    {DownloadKind::kDocx, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {DownloadKind::kXlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {DownloadKind::kPng, "png", "image/png"},
};

const Kind& entry_of(DownloadKind kind) {
  for (const Kind& k : kKinds) {
    if (k.kind == kind) return k;
  }
  return kKinds[0];
}

std::string lower_extension(std::string_view filename) {
  const size_t dot = filename.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string ext(filename.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

using ZipPtr = std::unique_ptr<zip_t, decltype(&zip_discard)>;

// The kind of an office document by the entries of its zip: only the directory is read, never
// an entry inflated, except ODT's "mimetype", which is stored uncompressed and short.
std::optional<DownloadKind> zipped_kind(std::string_view content) {
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* source = zip_source_buffer_create(content.data(), content.size(), 0, &zerr);
  if (!source) return std::nullopt;
  ZipPtr zip(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &zerr), &zip_discard);
  zip_error_fini(&zerr);
  if (!zip) {
    zip_source_free(source);
    return std::nullopt;
  }
  const auto has = [&](const char* name) { return zip_name_locate(zip.get(), name, 0) >= 0; };
  if (has("[Content_Types].xml")) {
    if (has("word/document.xml")) return DownloadKind::kDocx;
    if (has("xl/workbook.xml")) return DownloadKind::kXlsx;
    return std::nullopt;
  }
  const char* name = zip_get_name(zip.get(), 0, 0);
  zip_stat_t st;
  if (!name || std::string_view(name) != "mimetype" || zip_stat_index(zip.get(), 0, 0, &st) != 0 ||
      st.size > 100) {
    return std::nullopt;
  }
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(zip.get(), 0, 0), &zip_fclose);
  if (!file) return std::nullopt;
  char buf[101];
  const zip_int64_t n = zip_fread(file.get(), buf, sizeof buf - 1);
  if (n < 0) return std::nullopt;
  if (std::string_view(buf, static_cast<size_t>(n)) == "application/vnd.oasis.opendocument.text") {
    return DownloadKind::kOdt;
  }
  return std::nullopt;
}

std::optional<DownloadKind> content_kind(std::string_view content) {
  if (content.substr(0, 5) == "%PDF-") return DownloadKind::kPdf;
  if (content.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return DownloadKind::kPng;
  if (content.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return zipped_kind(content);
  return std::nullopt;
}

}  // namespace

std::optional<DownloadKind> download_kind(std::string_view filename, std::string_view content) {
  const auto named = parse_download_kind(lower_extension(filename));
  if (!named) return std::nullopt;
  const auto found = content_kind(content);
  if (!found || *found != *named) return std::nullopt;
  return found;
}

const char* extension_of(DownloadKind kind) { return entry_of(kind).extension; }
const char* content_type_of(DownloadKind kind) { return entry_of(kind).content_type; }

std::optional<DownloadKind> parse_download_kind(std::string_view extension) {
  for (const Kind& k : kKinds) {
    if (extension == k.extension) return k.kind;
  }
  return std::nullopt;
}

}  // namespace files
