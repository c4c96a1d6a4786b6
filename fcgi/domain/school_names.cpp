// domain/school_names.cpp: the table of school-name spellings and the expansion of a term.
#include "domain/school_names.h"

#include <algorithm>
#include <array>

namespace domain {

namespace {

// One school-name form in its spellings, the usual short form first. A short form is taken as a
// school name except right after a character in `not_after` or right before one in
// `not_before`, where it is part of another word; full forms are taken wherever they appear.
struct Group {
  std::array<std::string_view, 3> spellings;  // "" pads
  std::string_view not_after;
  std::string_view not_before;
};

// Adverbs and verbs that make a word of 高: 提高, 最高, 較高, 更高, 很高, 太高.
constexpr std::string_view kHighWords = "提最較更很太";

constexpr Group kGroups[] = {
    {{"國中小", "國民中小學"}, "全", ""},  // 全國中小學: 全國 + 中小學
    {{"國中", "國民中學"}, "全", ""},
    {{"國小", "國民小學"}, "全", "說"},  // 韓國小說, 外國小說: 小說
    {{"高中", "高級中學", "高級中等學校"}, kHighWords, "低職"},  // 高中低年級; 高中職 (both levels)
    {{"高職", "高級職業學校"}, kHighWords, "能位務責權缺"},  // 高職能, 高職位 …
    {{"高工", "高級工業職業學校"}, kHighWords, "作資時"},    // 提高工作, 高工資, 高工時
    {{"高商", "高級商業職業學校"}, kHighWords, ""},
    {{"高農", "高級農業職業學校"}, kHighWords, ""},
    {{"農工", "高級農工職業學校"}, "", "業商"},              // 農工業, 農工商
    {{"家商", "高級家事商業職業學校"}, "大國店", "品標量"},  // 大家商量, 國家商標, 店家商品
    {{"海事", "高級海事職業學校", "高級海事水產職業學校"}, "", ""},
    {{"特教", "特殊教育"}, "獨奇模", ""},  // 獨特教學, 奇特教具, 模特教
};

// A term that is exactly a level's short name stands for the whole level, which some official
// names spell in yet other ways.
struct Level {
  std::string_view term;
  std::array<std::string_view, 5> also;  // "" pads
};
constexpr Level kLevels[] = {
    {"國中", {"國民中小學"}},  // 國民中小學 teach grades 1–9
    {"國小", {"國民中小學"}},
    {"國中小", {"國中", "國小", "國民中學", "國民小學"}},
    {"高職", {"職業學校"}},  // 高級工業／商業／農工／家事商業／海事水產職業學校
    {"高中職", {"高中", "高職", "高級中學", "高級中等學校", "職業學校"}},
};

size_t char_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// The character that ends just before byte `at` (a character boundary).
std::string_view char_before(std::string_view s, size_t at) {
  size_t start = at;
  while (start > 0) {
    --start;
    if ((static_cast<unsigned char>(s[start]) & 0xC0) != 0x80) break;
  }
  return s.substr(start, at - start);
}

std::string_view char_at(std::string_view s, size_t at) {
  return at < s.size() ? s.substr(at, char_length(static_cast<unsigned char>(s[at]))) : "";
}

bool one_of(std::string_view character, std::string_view characters) {
  return !character.empty() && characters.find(character) != std::string_view::npos;
}

struct Occurrence {
  size_t at, length;
  const Group* group;
};

// The school-name forms of `term`, left to right, the longest form first where two start at one
// place; a form never overlaps another.
std::vector<Occurrence> occurrences_in(std::string_view term) {
  std::vector<Occurrence> found;
  size_t at = 0;
  while (at < term.size()) {
    Occurrence best{at, 0, nullptr};
    for (const Group& g : kGroups) {
      for (size_t i = 0; i < g.spellings.size(); ++i) {
        const std::string_view form = g.spellings[i];
        if (form.empty() || form.size() <= best.length || term.substr(at, form.size()) != form) {
          continue;
        }
        if (i == 0 && (one_of(char_before(term, at), g.not_after) ||
                       one_of(char_at(term, at + form.size()), g.not_before))) {
          continue;
        }
        best = {at, form.size(), &g};
      }
    }
    if (best.group) {
      found.push_back(best);
      at += best.length;
    } else {
      at += char_length(static_cast<unsigned char>(term[at]));
    }
  }
  return found;
}

void add(std::vector<std::string>& variants, std::string variant) {
  if (variants.size() < kMaxSchoolNameVariants &&
      std::find(variants.begin(), variants.end(), variant) == variants.end()) {
    variants.push_back(std::move(variant));
  }
}

}  // namespace

std::vector<std::string> school_name_variants(std::string_view term) {
  std::vector<std::string> variants{std::string(term)};
  const std::vector<Occurrence> found = occurrences_in(term);
  // Every combination of spellings, as an odometer whose last occurrence turns fastest; the
  // all-zero reading is the term as typed, since each occurrence's spelling 0 is what was typed.
  std::vector<std::vector<std::string_view>> choices;
  for (const Occurrence& o : found) {
    std::vector<std::string_view> spellings{term.substr(o.at, o.length)};
    for (std::string_view s : o.group->spellings) {
      if (!s.empty() && s != spellings[0]) spellings.push_back(s);
    }
    choices.push_back(std::move(spellings));
  }
  std::vector<size_t> dial(found.size(), 0);
  while (variants.size() < kMaxSchoolNameVariants) {
    size_t i = dial.size();
    while (i > 0 && ++dial[i - 1] == choices[i - 1].size()) dial[--i] = 0;
    if (i == 0) break;  // every combination made
    std::string variant;
    size_t copied = 0;
    for (size_t k = 0; k < found.size(); ++k) {
      variant.append(term.substr(copied, found[k].at - copied));
      variant.append(choices[k][dial[k]]);
      copied = found[k].at + found[k].length;
    }
    variant.append(term.substr(copied));
    add(variants, std::move(variant));
  }
  for (const Level& level : kLevels) {
    if (term != level.term) continue;
    for (std::string_view also : level.also) {
      if (!also.empty()) add(variants, std::string(also));
    }
  }
  return variants;
}

}  // namespace domain
