// domain/phone.h: a Taiwan telephone number as people type it on forms (修改個人基本資料), checked
// and written one way: mobile 0912-345-678, landline with its area code 03-4512345, an extension
// after '#' (03-4512345#123).
#pragma once

#include <string>
#include <string_view>

namespace domain {

struct PhoneCheck {
  std::string normalized;  // the number as stored, "" when refused
  std::string problem;     // why it is refused (Traditional Chinese), "" when accepted
};

// Reads a mobile number (09 and eight digits) or a landline number: an area code of the 國家通訊
// 傳播委員會 plan (02, 03, 037, 04, 049, 05, 06, 07, 08, 082, 0826, 0836, 089) and a subscriber
// number of the length that code takes, not starting with 0 or 1. Accepts spaces, '-', '.',
// parentheses around the area code, +886 (or 886) in place of the leading 0, full-width digits and
// signs as an input method writes them, and for landlines an extension of 1–6 digits after '#',
// '＃', 'ext', 'x', '分機' or '轉'. Blank input is refused too; a form whose phone is optional
// decides that before calling.
PhoneCheck check_phone(std::string_view typed);

}  // namespace domain
