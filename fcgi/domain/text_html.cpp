#include "domain/text_html.h"

#include <vector>

#include "domain/validation.h"

namespace domain {

namespace {

void escape_into(std::string& out, std::string_view text) {
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(ch) >= 0x20 || ch == '\t') out += ch;
    }
  }
}

// An address ends at white space, at a character that cannot be in a URL, or at CJK text (any
// non-ASCII byte); closing punctuation that ends a sentence is not part of it.
size_t address_length(std::string_view s) {
  size_t n = 0;
  while (n < s.size()) {
    const unsigned char ch = static_cast<unsigned char>(s[n]);
    if (ch <= 0x20 || ch >= 0x7f || ch == '<' || ch == '>' || ch == '"' || ch == '\'' || ch == '`') break;
    ++n;
  }
  while (n > 0 && std::string_view(".,;:!?)]").find(s[n - 1]) != std::string_view::npos) --n;
  return n;
}

void line_html(std::string& out, std::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    const size_t at = std::min(line.find("http://", i), line.find("https://", i));
    if (at == std::string_view::npos) break;
    const size_t scheme = line.compare(at, 8, "https://") == 0 ? 8 : 7;
    const size_t len = address_length(line.substr(at));
    if (len <= scheme) {  // a scheme alone is text
      escape_into(out, line.substr(i, at + scheme - i));
      i = at + scheme;
      continue;
    }
    escape_into(out, line.substr(i, at - i));
    const std::string_view url = line.substr(at, len);
    out += "<a href=\"";
    escape_into(out, url);
    out += "\">";
    escape_into(out, url);
    out += "</a>";
    i = at + len;
  }
  escape_into(out, line.substr(i));
}

// Paragraphs, each a list of its lines, trimmed; blank lines separate paragraphs.
std::vector<std::vector<std::string>> paragraphs_of(std::string_view text) {
  std::vector<std::vector<std::string>> out;
  bool in_paragraph = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string line = trim(text.substr(start, end - start));
    if (line.empty()) {
      in_paragraph = false;
    } else {
      if (!in_paragraph) out.emplace_back();
      out.back().push_back(line);
      in_paragraph = true;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string paragraphs_html(std::string_view text) {
  std::string out;
  for (const auto& paragraph : paragraphs_of(text)) {
    out += "<p>";
    for (size_t i = 0; i < paragraph.size(); ++i) {
      if (i > 0) out += "<br>\n";
      line_html(out, paragraph[i]);
    }
    out += "</p>\n";
  }
  return out;
}

std::string first_paragraph(std::string_view text, std::size_t chars) {
  const auto paragraphs = paragraphs_of(text);
  if (paragraphs.empty()) return "";
  std::string joined;
  for (const auto& line : paragraphs.front()) {
    if (!joined.empty()) joined += ' ';
    joined += line;
  }
  if (utf8_length(joined) <= chars) return joined;
  return utf8_prefix(joined, chars > 0 ? chars - 1 : 0) + "…";
}

}  // namespace domain
