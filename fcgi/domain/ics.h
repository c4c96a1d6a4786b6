// domain/ics.h: an iCalendar file (RFC 5545) of a course's sessions, for a teacher's calendar
// (SPEC §11): text escaped (§3.3.11), lines folded at 75 octets (§3.1) and ended with CRLF, times
// of Asia/Taipei with the zone described in the file itself (§3.6.5).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/roc_date.h"

namespace domain {

// A TEXT value: backslash, semicolon and comma escaped with a backslash, a line break (LF, CRLF
// or a lone CR) as \n, other control characters left out.
std::string ics_escape_text(std::string_view text);

// One content line (without its line end) folded as RFC 5545 §3.1 asks: no line longer than 75
// octets, each continuation starting with a space, and never inside a UTF-8 character. The result
// has CRLF between its lines and none at its end.
std::string ics_fold_line(std::string_view line);

// "20260301T090000": a local date-time (FORM #3 of §3.3.5, with a TZID), `minute` of the day.
std::string ics_local_time(const Date& date, int minute);

struct IcsEvent {
  std::string uid;  // stable: the same session keeps it in every download (§3.8.4.7)
  Date date{1970, 1, 1};
  int start_minute = 0, end_minute = 0;  // of the day, Asia/Taipei
  std::string summary, location, description, url;
};

struct IcsCalendar {
  std::string product_id;  // PRODID
  std::string name;        // X-WR-CALNAME, what calendar programs title the import with
  std::string stamp;       // DTSTAMP, UTC: "20260301T010203Z"
  std::vector<IcsEvent> events;
};

// The whole file: VCALENDAR with the Asia/Taipei VTIMEZONE (UTC+8, no daylight saving since
// 1980) and one VEVENT per event, every line folded and ended with CRLF.
std::string render_ics(const IcsCalendar& calendar);

}  // namespace domain
