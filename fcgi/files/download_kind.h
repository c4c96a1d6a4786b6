// What a file for 下載專區 is, by its content and never by its name alone (issue 11): PDF, ODT,
// DOCX, XLSX or PNG, and the name's extension must say the same.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace files {

enum class DownloadKind { kPdf, kOdt, kDocx, kXlsx, kPng };

// PDF starts with "%PDF-", PNG with its 8-byte signature; ODT is a zip whose first entry is
// "mimetype" reading application/vnd.oasis.opendocument.text; DOCX and XLSX are zips holding
// [Content_Types].xml and word/document.xml or xl/workbook.xml. nullopt for anything else, and
// when the extension (any case) names another kind.
std::optional<DownloadKind> download_kind(std::string_view filename, std::string_view content);

const char* extension_of(DownloadKind kind);     // "pdf"
const char* content_type_of(DownloadKind kind);  // "application/pdf"
std::optional<DownloadKind> parse_download_kind(std::string_view extension);

inline constexpr char kDownloadKindsMessage[] =
    "只接受 PDF、ODT、DOCX、XLSX 或 PNG 檔，且副檔名須與檔案內容相符。";

}  // namespace files
