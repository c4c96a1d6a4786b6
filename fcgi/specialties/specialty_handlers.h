// 專長登錄申請 / 專長瀏覽 (issue 11, 第5條): a teacher applies for a specialty from the list the
// administrator keeps, with the certificate's name, number and date and optionally its PDF; the
// 總負責人 of the teacher's unit approves it or returns it with a reason (both mailed), and sees the
// unit's teachers by specialty.
#pragma once

#include "core/context.h"

namespace specialties {

core::Response mine(core::Context& cx);              // GET /teacher/specialties
core::Response apply(core::Context& cx);             // POST /teacher/specialties
core::Response own_certificate(core::Context& cx);   // GET /teacher/specialties/{id}/certificate.pdf

core::Response unit_list(core::Context& cx);         // GET /office/specialties?state=&specialty=
core::Response approve(core::Context& cx);           // POST /office/specialties/{id}/approve
core::Response give_back(core::Context& cx);         // POST /office/specialties/{id}/return
core::Response unit_certificate(core::Context& cx);  // GET /office/specialties/{id}/certificate.pdf

core::Response admin_list(core::Context& cx);  // GET /admin/specialties
core::Response add(core::Context& cx);         // POST /admin/specialties
core::Response toggle(core::Context& cx);      // POST /admin/specialties/{id}/toggle

// The largest certificate PDF a teacher may attach.
inline constexpr size_t kMaxCertificateBytes = 5 * 1024 * 1024;

}  // namespace specialties
