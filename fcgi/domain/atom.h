// One Atom (RFC 4287) writer for every feed: a search's courses and the bulletin.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

struct AtomEntry {
  std::string id;  // an absolute URL: the entry's page
  std::string title;
  int64_t updated = 0;  // epoch seconds
  std::string summary;  // plain text
};

struct AtomFeed {
  std::string title;
  std::string self_url;       // absolute; also the feed's id
  std::string alternate_url;  // absolute: the HTML page of the same list
  int64_t updated = 0;
  std::vector<AtomEntry> entries;
};

std::string render_atom(const AtomFeed& feed);

// Text for XML character data and attribute values; control characters XML 1.0 cannot carry are
// dropped.
std::string xml_text(std::string_view text);

std::string rfc3339_utc(int64_t epoch);  // "2026-03-01T01:02:03Z"

}  // namespace domain
