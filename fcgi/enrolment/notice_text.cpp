// A course's facts in the words of the 錄取通知 and the reminder (enrolment/notice_text.h).
#include "enrolment/notice_text.h"

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

}  // namespace enrolment
