// domain/lottery.h: 抽籤, the draw that gives an oversubscribed course's seats (issue 8, SPEC
// §11). Reproducible by anyone from what the course page publishes: the seed (whose SHA-256 was
// shown before enrolment opened) and the applicants as (reference, no-show flag). Teachers
// without a 報名但未參與 this year (SPEC §6) come first; within each group the order is ascending
// SHA-256(seed ":" reference) in hex, so the time of an application plays no part.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

struct DrawApplicant {
  std::string reference;  // public and not personal: the enrolment's number (抽籤編號)
  bool no_show = false;   // a 報名但未參與 this calendar year (SPEC §6) at the draw
};

// What the course page shows before the draw (抽籤種子雜湊): SHA-256 of the seed's text, hex.
std::string seed_hash(std::string_view seed);
// An applicant's place within its group: SHA-256 of seed ":" reference, hex.
std::string draw_key(std::string_view seed, std::string_view reference);
// The applicants in draw order. The same applicants and seed give the same order whatever the
// order they come in (equal keys, which SHA-256 makes unheard of, fall back to the reference).
std::vector<DrawApplicant> draw_order(std::vector<DrawApplicant> applicants, std::string_view seed);

// Where a course stands with its draw, on the database's clock (seconds since the epoch).
enum class DrawPhase {
  kNone,        // 先到先得
  kCollecting,  // 抽籤, before the draw time: applications wait for the draw
  kDue,         // the draw time has come and the scheduler has not drawn yet
  kDrawn,       // drawn: the course goes on first come, behind the drawn waiting list
};
struct DrawFacts {
  bool lottery = false;
  int64_t draw_at = 0;
  bool drawn = false;
  int64_t now = 0;
};
DrawPhase draw_phase(const DrawFacts& facts);

}  // namespace domain
