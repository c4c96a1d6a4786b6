// 公佈欄 / 最新消息 (issue 11): posts the administrator writes, each shown to its audience between
// its publish and expiry times; a list with paging, a page per post and an Atom feed of the public
// ones. Bodies are plain text with paragraphs and links (domain/text_html.h), never HTML.
#pragma once

#include "core/context.h"

namespace content {

core::Response bulletin(core::Context& cx);       // GET /bulletin?page=
core::Response show_post(core::Context& cx);      // GET /bulletin/{id}
core::Response bulletin_atom(core::Context& cx);  // GET /bulletin.atom

core::Response admin_posts(core::Context& cx);  // GET /admin/bulletin
core::Response new_post(core::Context& cx);     // GET /admin/bulletin/new
core::Response create_post(core::Context& cx);  // POST /admin/bulletin
core::Response edit_post(core::Context& cx);    // GET /admin/bulletin/{id}
core::Response update_post(core::Context& cx);  // POST /admin/bulletin/{id}
core::Response delete_post(core::Context& cx);  // POST /admin/bulletin/{id}/delete

// What a reader of this role sees: "everyone", "teachers" or "business".
std::string audience_of(const core::User& user);

}  // namespace content
