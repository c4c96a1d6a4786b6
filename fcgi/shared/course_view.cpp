// Fills the sessions and history partials shared by the public, office and review course pages.
#include "shared/course_view.h"

#include "shared/labels.h"

namespace course_view {

void fill_sessions(ctemplate::TemplateDictionary& dict, const std::vector<course_store::Session>& sessions) {
  auto* table = dict.AddIncludeDictionary("SESSIONS");
  table->SetFilename("partials/sessions.tpl");
  for (const auto& s : sessions) {
    auto* row = table->AddSectionDictionary("SESSION");
    row->SetValue("DATE", shared::roc_date(s.date));
    row->SetValue("TIME", s.starts_at + "–" + s.ends_at);
    row->SetValue("BREAKS", s.breaks.empty() ? "無" : s.breaks);
    row->SetValue("PLACE", s.place);
  }
}

void fill_history(ctemplate::TemplateDictionary& dict, const std::vector<course_store::HistoryLine>& history) {
  auto* table = dict.AddIncludeDictionary("HISTORY");
  table->SetFilename("partials/history.tpl");
  for (const auto& h : history) {
    auto* row = table->AddSectionDictionary("LINE");
    row->SetValue("AT", shared::roc_datetime(h.at));
    row->SetValue("FROM", h.from ? shared::course_state_label(*h.from) : "（登錄）");
    row->SetValue("TO", shared::course_state_label(h.to));
    row->SetValue("ACTOR", h.actor);
    std::string reasons;
    for (const auto& r : h.reasons) reasons += (reasons.empty() ? "" : "；") + r;
    if (!h.note.empty()) reasons += (reasons.empty() ? "" : "；") + h.note;
    row->SetValue("REASONS", reasons);
  }
}

std::vector<std::string> latest_return_reasons(const course_store::Course& course,
                                               const std::vector<course_store::HistoryLine>& history) {
  using S = domain::CourseState;
  if (course.state != S::kReturned && course.state != S::kRosterReturned) return {};
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (it->to != course.state) continue;
    std::vector<std::string> out = it->reasons;
    if (!it->note.empty()) out.push_back(it->note);
    return out;
  }
  return {};
}

}  // namespace course_view
