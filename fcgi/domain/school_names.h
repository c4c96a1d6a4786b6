// domain/school_names.h: the short names schools go by (國中, 國小, 高中, 高職, 特教 …) and the
// full forms in their official names (國民中學, 國民小學, 高級中學, 高級職業學校, 特殊教育 …), so
// that a search for either spelling finds both.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace domain {

inline constexpr std::size_t kMaxSchoolNameVariants = 6;  // the term itself included

// The term itself first, then the same term with its school-name forms swapped for their other
// spellings, at most kMaxSchoolNameVariants in all and no two alike:
//   內壢國中 → 內壢國民中學;  內壢國民中學 → 內壢國中;  內壢國中附設 → 內壢國民中學附設;
//   中壢高中 → 中壢高級中學, 中壢高級中等學校;  特教學校 → 特殊教育學校.
// A short form inside another word is left alone: 全國中小學 (全國 + 中小學), 提高中文 (提高 +
// 中文), 韓國小說 (韓國 + 小說), 獨特教學 (獨特 + 教學). A term that is only a level's short
// name searches the whole level: 國中 also finds 國民中小學, 高職 every 高級…職業學校 (職業學校),
// 國中小 and 高中職 both of their levels.
std::vector<std::string> school_name_variants(std::string_view term);

}  // namespace domain
