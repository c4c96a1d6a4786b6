// Administrator-written text (公佈欄, 問答集) shown as HTML without ever taking HTML from a form:
// blank lines separate paragraphs, a line break stays one, and http(s) addresses become links.
// Everything else is escaped.
#pragma once

#include <string>
#include <string_view>

namespace domain {

std::string paragraphs_html(std::string_view text);

// The text's first paragraph on one line, cut to `chars` code points with "…" when longer: the
// summary a list or a feed shows.
std::string first_paragraph(std::string_view text, std::size_t chars);

}  // namespace domain
