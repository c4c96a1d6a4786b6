// domain/lottery.cpp: the draw's order and phases.
#include "domain/lottery.h"

#include <algorithm>
#include <tuple>

#include "domain/sha256.h"

namespace domain {

std::string seed_hash(std::string_view seed) { return sha256_hex(seed); }

std::string draw_key(std::string_view seed, std::string_view reference) {
  std::string text(seed);
  text += ':';
  text += reference;
  return sha256_hex(text);
}

std::vector<DrawApplicant> draw_order(std::vector<DrawApplicant> applicants, std::string_view seed) {
  struct Keyed {
    bool no_show;
    std::string key;
    DrawApplicant applicant;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(applicants.size());
  for (auto& a : applicants) {
    const bool no_show = a.no_show;
    std::string key = draw_key(seed, a.reference);
    keyed.push_back({no_show, std::move(key), std::move(a)});
  }
  // false < true: those without a no-show first.
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& x, const Keyed& y) {
    return std::tie(x.no_show, x.key, x.applicant.reference) < std::tie(y.no_show, y.key, y.applicant.reference);
  });
  std::vector<DrawApplicant> out;
  out.reserve(keyed.size());
  for (auto& k : keyed) out.push_back(std::move(k.applicant));
  return out;
}

DrawPhase draw_phase(const DrawFacts& f) {
  if (!f.lottery) return DrawPhase::kNone;
  if (f.drawn) return DrawPhase::kDrawn;
  return f.now < f.draw_at ? DrawPhase::kCollecting : DrawPhase::kDue;
}

}  // namespace domain
