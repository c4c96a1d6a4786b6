// 問答集 (issue 11): questions and answers in categories, searchable, kept by the administrator.
#pragma once

#include "core/context.h"

namespace content {

core::Response faq(core::Context& cx);  // GET /faq?q=&category=

core::Response admin_faqs(core::Context& cx);  // GET /admin/faq
core::Response new_faq(core::Context& cx);     // GET /admin/faq/new
core::Response create_faq(core::Context& cx);  // POST /admin/faq
core::Response edit_faq(core::Context& cx);    // GET /admin/faq/{id}
core::Response update_faq(core::Context& cx);  // POST /admin/faq/{id}
core::Response delete_faq(core::Context& cx);  // POST /admin/faq/{id}/delete

}  // namespace content
