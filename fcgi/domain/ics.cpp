// iCalendar text: escaping, folding and the file of a course's sessions (domain/ics.h).
#include "domain/ics.h"

#include <cstdio>

namespace domain {

namespace {

constexpr std::size_t kMaxOctets = 75;
constexpr const char* kZone = "Asia/Taipei";

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void add_line(std::string& out, std::string_view line) {
  out += ics_fold_line(line);
  out += "\r\n";
}

}  // namespace

std::string ics_escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) break;  // other controls: left out
        out += c;
    }
  }
  return out;
}

std::string ics_fold_line(std::string_view line) {
  std::string out;
  std::size_t room = kMaxOctets;  // the first line has 75 octets, a continuation 74 after its space
  while (line.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && is_continuation(line[cut])) --cut;  // back to the start of a character
    if (cut == 0) cut = room;  // not UTF-8 at all: cut by octets rather than never
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    room = kMaxOctets - 1;
  }
  out.append(line);
  return out;
}

std::string ics_local_time(const Date& date, int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d00", date.year, date.month, date.day,
                minute / 60, minute % 60);
  return buf;
}

std::string render_ics(const IcsCalendar& calendar) {
  std::string out;
  add_line(out, "BEGIN:VCALENDAR");
  add_line(out, "VERSION:2.0");
  add_line(out, "PRODID:" + ics_escape_text(calendar.product_id));
  add_line(out, "CALSCALE:GREGORIAN");
  add_line(out, "METHOD:PUBLISH");
  if (!calendar.name.empty()) add_line(out, "X-WR-CALNAME:" + ics_escape_text(calendar.name));
  add_line(out, "BEGIN:VTIMEZONE");
  add_line(out, std::string("TZID:") + kZone);
  add_line(out, "BEGIN:STANDARD");
  add_line(out, "DTSTART:19800101T000000");
  add_line(out, "TZOFFSETFROM:+0800");
  add_line(out, "TZOFFSETTO:+0800");
  add_line(out, "TZNAME:CST");
  add_line(out, "END:STANDARD");
  add_line(out, "END:VTIMEZONE");
  for (const IcsEvent& e : calendar.events) {
    add_line(out, "BEGIN:VEVENT");
    add_line(out, "UID:" + ics_escape_text(e.uid));
    add_line(out, "DTSTAMP:" + calendar.stamp);
    add_line(out,
             std::string("DTSTART;TZID=") + kZone + ":" + ics_local_time(e.date, e.start_minute));
    add_line(out, std::string("DTEND;TZID=") + kZone + ":" + ics_local_time(e.date, e.end_minute));
    add_line(out, "SUMMARY:" + ics_escape_text(e.summary));
    if (!e.location.empty()) add_line(out, "LOCATION:" + ics_escape_text(e.location));
    if (!e.description.empty()) add_line(out, "DESCRIPTION:" + ics_escape_text(e.description));
    if (!e.url.empty()) add_line(out, "URL:" + e.url);
    add_line(out, "STATUS:CONFIRMED");
    add_line(out, "TRANSP:OPAQUE");
    add_line(out, "END:VEVENT");
  }
  add_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace domain
