#include "domain/review_routing.h"

namespace domain {

int64_t review_unit_playing(ReviewBody body, int64_t county_id, int64_t authority_unit_id,
                            const std::vector<ReviewUnitRole>& review_units) {
  if (body == ReviewBody::kGoverningAuthority) return authority_unit_id;
  const char* role = body == ReviewBody::kCountyBureau     ? "county_bureau"
                     : body == ReviewBody::kNationalCentre ? "national_centre"
                                                           : "recognition_panel";
  int64_t found = 0;
  for (const auto& r : review_units) {
    if (r.review_role != role) continue;
    if (body == ReviewBody::kCountyBureau && r.county_id != county_id) continue;
    if (found == 0 || r.id < found) found = r.id;
  }
  return found;
}

int64_t review_unit_of(const RoutedUnitFacts& unit, const std::vector<ReviewUnitRole>& review_units) {
  if (unit.override_unit_id != 0) return unit.override_unit_id;
  if (!unit.facts) return 0;
  return review_unit_playing(review_body_for(*unit.facts), unit.county_id, unit.authority_unit_id, review_units);
}

}  // namespace domain
