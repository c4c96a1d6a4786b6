// domain/restricted_activity.cpp: the 第9條 phrase list and the substring screen over it.
#include "domain/restricted_activity.h"

#include <cstddef>

namespace domain {
namespace {

struct Category {
  const char* label;
  std::vector<const char*> words;
};

// 第9條 items 1-7, labelled as the article names them. Each list holds the article's examples and
// a few phrases that mean the same. Bare words like 會議, 說明會 or 參訪 are left out on purpose:
// they hit too many real courses (研討會議, 新課綱說明會, 標竿學校參訪暨專題講座).
const std::vector<Category>& categories() {
  static const std::vector<Category> list = {
      {"學校例行性業務", {"學年會議", "教科書選購", "教科書評選", "學校願景", "校慶籌備"}},
      {"學校各項行政會議",
       {"說明會議", "討論會議", "小組會議", "行政會議", "校務會議", "導師會議"}},
      {"參加對象為學生之活動", {"週會演講", "童軍露營", "戶外教學", "師生座談", "社團成果展"}},
      {"屬個人休閒性質與教學無關之研習",
       {"國際標準舞", "元極舞", "法輪功", "理財", "瑜珈", "瑜伽", "減肥", "雞尾酒", "插花",
        "養生"}},
      {"屬個人宗教信仰與教學無關之研習", {"佛經", "風水", "命理"}},
      // A visit with real teaching is creditable (第10條 only leaves out its travel time), so these
      // only ask the reviewer to look.
      {"純粹參觀性質無實際授課之研習活動",
       {"參訪活動", "參觀活動", "校外參訪", "參訪行程", "自強活動", "旅遊"}},
      {"其他與教學無關之研習", {"選務", "投開票", "人口普查"}},
  };
  return list;
}

constexpr std::size_t kNotFound = static_cast<std::size_t>(-1);

// Position of `word` in title, then outline, as one reading order; kNotFound when absent.
// A valid UTF-8 needle can only match a valid haystack on character boundaries.
std::size_t first_position(std::string_view title, std::string_view outline,
                           std::string_view word) {
  const std::size_t in_title = title.find(word);
  if (in_title != std::string_view::npos) return in_title;
  const std::size_t in_outline = outline.find(word);
  if (in_outline != std::string_view::npos) return title.size() + 1 + in_outline;
  return kNotFound;
}

}  // namespace

std::vector<RestrictedMatch> screen_restricted(std::string_view title, std::string_view outline) {
  std::vector<RestrictedMatch> matches;
  for (const Category& category : categories()) {
    std::string_view best;
    std::size_t best_at = kNotFound;
    for (const char* w : category.words) {
      const std::string_view word(w);
      const std::size_t at = first_position(title, outline, word);
      if (at == kNotFound) continue;
      if (at < best_at || (at == best_at && word.size() > best.size())) {
        best = word;
        best_at = at;
      }
    }
    if (best_at != kNotFound) matches.push_back({category.label, std::string(best)});
  }
  return matches;
}

}  // namespace domain
