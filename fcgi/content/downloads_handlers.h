// 下載專區 (issue 11): manuals, forms and regulations the administrator uploads (PDF, ODT, DOCX,
// XLSX, PNG), the kind found from the content (files/download_kind.h), stored under files_dir
// outside the web root and always served as an attachment.
#pragma once

#include "core/context.h"

namespace content {

core::Response downloads(core::Context& cx);      // GET /downloads
core::Response download_file(core::Context& cx);  // GET /downloads/{id}

core::Response admin_downloads(core::Context& cx);  // GET /admin/downloads
core::Response upload_download(core::Context& cx);  // POST /admin/downloads (multipart)
core::Response delete_download(core::Context& cx);  // POST /admin/downloads/{id}/delete

// The largest file the administrator may upload; nginx's limit for the form is a little above.
inline constexpr size_t kMaxDownloadBytes = 8 * 1024 * 1024;

}  // namespace content
