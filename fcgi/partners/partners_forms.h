// The partner application (seeds 003 appendix 1) and the administrator's forms about a partner.
#pragma once

#include <map>
#include <string>

#include "core/form.h"

namespace partners {

struct Application {
  core::Form fields;                               // appendix 1's text fields and choices
  std::map<std::string, std::string> claim_uses;   // the requested claims, each with its use
  bool agreed[4] = {false, false, false, false};   // the four terms of part 五
  Application();
};
const core::FormSpec& application_spec();
// Reads and checks an application; `today` (ISO) bounds the scan report's date.
Application read_application(const core::Params& params, const std::string& today);

// An http(s) address without fragment or spaces; plain http only to loopback when
// `http_loopback_only` (development partners, as RFC 9700 §2.6 allows).
bool is_web_url(const std::string& s, bool http_loopback_only);

// A scan report counts for a year (seeds 003: 於申請日期一年以內的系統弱點掃描報告).
bool scan_is_current(const domain::Date& scan, const domain::Date& today);

// The approval: the OpenID client's id and exact redirect URIs.
extern const core::FormSpec kApprovalForm;
// Renewal: a newer scan report's date.
extern const core::FormSpec kRenewalForm;

}  // namespace partners
