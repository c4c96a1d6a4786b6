// A course's facts in the words of the 錄取通知 and the reminder (enrolment/notice_text.h).
#include "enrolment/notice_text.h"

#include "app/routes.h"
#include "domain/course_rules.h"
#include "domain/roc_date.h"
#include "shared/labels.h"

namespace enrolment {

std::string session_date(const std::string& iso_date) {
  static const char* const kWeekdays[] = {"一", "二", "三", "四", "五", "六", "日"};
  const auto d = domain::parse_iso_date(iso_date);
  if (!d) return shared::roc_date(iso_date);
  return domain::to_roc(*d) + "（" + kWeekdays[domain::iso_weekday(*d) - 1] + "）";
}

std::string session_line(const course_store::Session& s) {
  return session_date(s.date) + " " + s.starts_at + "–" + s.ends_at + "　" + s.place;
}

std::string basis_doc_of(const course_store::Course& c) {
  return c.basis_doc.empty() ? "（開課單位未填）" : c.basis_doc;
}

std::string contact_of(const course_store::Course& c) {
  std::string out = c.contact1.name;
  if (!c.contact1.phone.empty()) out += "｜電話 " + c.contact1.phone;
  if (!c.contact1.email.empty()) out += "｜" + c.contact1.email;
  return out;
}

std::string host_of(const std::string& base_url) {
  std::string host = base_url;
  if (const auto scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
  if (const auto end = host.find_first_of(":/"); end != std::string::npos) host.erase(end);
  return host.empty() ? "localhost" : host;
}

std::vector<domain::IcsEvent> calendar_events(const course_store::Course& c,
                                              const std::vector<course_store::Session>& sessions,
                                              const std::string& base_url, bool with_contact) {
  const std::string course_url = base_url + app::url_for("course.show", {c.code});
  const std::string host = host_of(base_url);
  std::vector<domain::IcsEvent> out;
  const size_t n = sessions.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& s = sessions[i];
    const auto date = domain::parse_iso_date(s.date);
    const auto start = domain::parse_clock(s.starts_at);
    const auto end = domain::parse_clock(s.ends_at);
    if (!date || !start || !end) continue;
    domain::IcsEvent e;
    e.uid = "course-" + c.code + "-session-" + std::to_string(i + 1) + "@" + host;
    e.date = *date;
    e.start_minute = *start;
    e.end_minute = *end;
    e.summary = c.title + (n > 1 ? "（第 " + std::to_string(i + 1) + " 場，共 " + std::to_string(n) + " 場）" : "");
    e.location = s.place;
    e.description = "研習課程代碼：" + c.code + "\n開課單位：" + c.unit_name + "\n研習時數：" +
                    shared::hours_label(c.hours, c.credits) + "\n依據文號：" + basis_doc_of(c) +
                    (s.breaks.empty() ? "" : "\n休息（不計時數）：" + s.breaks) +
                    (with_contact ? "\n聯絡人：" + contact_of(c) : "") + "\n" + course_url;
    e.url = course_url;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace enrolment
