#include "domain/atom.h"

#include <ctime>

namespace domain {

std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(ch) >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') out += ch;
    }
  }
  return out;
}

std::string rfc3339_utc(int64_t epoch) {
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string render_atom(const AtomFeed& feed) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-Hant-TW\">\n"
      "  <title>" + xml_text(feed.title) + "</title>\n"
      "  <id>" + xml_text(feed.self_url) + "</id>\n"
      "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_text(feed.self_url) + "\"/>\n"
      "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(feed.alternate_url) + "\"/>\n"
      "  <updated>" + rfc3339_utc(feed.updated) + "</updated>\n"
      "  <author><name>全國教師在職進修資訊網</name></author>\n";
  for (const AtomEntry& e : feed.entries) {
    out += "  <entry>\n"
           "    <id>" + xml_text(e.id) + "</id>\n"
           "    <title>" + xml_text(e.title) + "</title>\n"
           "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_text(e.id) + "\"/>\n"
           "    <updated>" + rfc3339_utc(e.updated) + "</updated>\n"
           "    <summary>" + xml_text(e.summary) + "</summary>\n"
           "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace domain
