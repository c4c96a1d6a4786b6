// Reading the partner forms, each declared as a table.
#include "partners/partners_forms.h"

#include <algorithm>

#include "domain/oidc.h"
#include "domain/roc_date.h"
#include "domain/validation.h"

namespace partners {

namespace {
using core::FieldKind;

// In the order of appendix 1.
const core::FormSpec kApplicationForm = {
    {"operator_name", "營運單位名稱", FieldKind::kText, true, 100},
    {"head_name", "單位主管姓名", FieldKind::kText, true, 50},
    {"head_phone", "單位主管聯絡電話", FieldKind::kText, true, 30},
    {"head_email", "單位主管電子信箱", FieldKind::kText, true, 254},
    {"contact_name", "承辦人姓名", FieldKind::kText, true, 50},
    {"contact_phone", "承辦人聯絡電話", FieldKind::kText, true, 30},
    {"contact_email", "承辦人電子信箱", FieldKind::kText, true, 254},
    {"site_name", "網站名稱", FieldKind::kText, true, 100},
    {"site_url", "網站網址", FieldKind::kText, true, 300},
    {"test_url", "測試網址（沒有可留空）", FieldKind::kText, false, 300},
    {"audience", "服務對象", FieldKind::kText, true, 200},
    {"members", "已有會員數", FieldKind::kText, true, 100},
    {"purpose", "網站設立目的", FieldKind::kText, true, 2000},
    {"maintained_by", "網站維護方式", FieldKind::kChoice, true, 0, 0, {"self", "vendor"},
     {"自行維護", "委外廠商"}},
    {"maintenance", "維護方式說明（委外廠商名稱、維運方式）", FieldKind::kText, false, 2000},
    {"redirect_uris", "登入後返回網址（redirect URI，每行一個）", FieldKind::kText, true, 2000},
    {"privacy_policy_url", "隱私權政策網址", FieldKind::kText, true, 300},
    {"scan_report_date", "系統弱點掃描報告日期", FieldKind::kDate, true},
};
}  // namespace

const core::FormSpec kApprovalForm = {
    {"client_id", "client_id", FieldKind::kText, true, 60},
    {"redirect_uris", "返回網址", FieldKind::kText, true, 2000},
    {"may_report", "可傳報研習紀錄", FieldKind::kFlag},
};

const core::FormSpec kRenewalForm = {
    {"scan_report_date", "新的弱點掃描報告日期", FieldKind::kDate, true},
};

Application::Application() : fields(kApplicationForm) {}

const core::FormSpec& application_spec() { return kApplicationForm; }

bool is_web_url(const std::string& s, bool http_loopback_only) {
  const bool https = s.rfind("https://", 0) == 0;
  const bool http = s.rfind("http://", 0) == 0;
  if (!https && !http) return false;
  if (s.find('#') != std::string::npos || s.find(' ') != std::string::npos) return false;
  const size_t host_start = https ? 8 : 7;
  if (s.size() <= host_start) return false;
  if (http && http_loopback_only) {
    return s.rfind("http://127.0.0.1", 0) == 0 || s.rfind("http://localhost", 0) == 0;
  }
  return true;
}

bool scan_is_current(const domain::Date& scan, const domain::Date& today) {
  return !(today < scan) && domain::days_from_civil(today) - domain::days_from_civil(scan) <= 365;
}

Application read_application(const core::Params& form, const std::string& today) {
  Application a;
  a.fields = core::Form(kApplicationForm, form);
  core::Form& f = a.fields;
  core::FieldErrors& errors = f.errors();
  for (const char* claim : domain::kRoamingClaims) {
    if (form.get_or(std::string("claim_") + claim) != "1") continue;
    const std::string use = domain::trim(form.get_or(std::string("use_") + claim));
    a.claim_uses[claim] = use;
    if (use.empty() || domain::utf8_length(use) > 300) {
      errors.add(std::string("use_") + claim,
                 std::string("請說明「") + domain::claim_label(claim) + "」的用途（300 字以內）。");
    }
  }
  for (int i = 0; i < 4; ++i) a.agreed[i] = form.get_or("agree_" + std::to_string(i + 1)) == "1";
  if (!std::all_of(std::begin(a.agreed), std::end(a.agreed), [](bool b) { return b; })) {
    errors.add("agreements", "須詳閱並同意全部四項事項才能申請。");
  }
  for (const char* email : {"head_email", "contact_email"}) {
    if (!f.text(email).empty() && !domain::is_valid_email(f.text(email))) {
      errors.add(email, "電子信箱格式不正確。");
    }
  }
  for (const char* url : {"site_url", "privacy_policy_url"}) {
    if (!f.text(url).empty() && !is_web_url(f.text(url), false)) {
      errors.add(url, "請填寫以 https:// 開頭的完整網址。");
    }
  }
  if (!f.text("test_url").empty() && !is_web_url(f.text("test_url"), false)) {
    errors.add("test_url", "測試網址請填寫完整網址，沒有可留空。");
  }
  for (const auto& uri : domain::non_blank_lines(f.text("redirect_uris"))) {
    if (!is_web_url(uri, true)) {
      errors.add("redirect_uris", "返回網址須為 https 網址（本機測試可用 http://127.0.0.1），不可含 #：" + uri);
      break;
    }
  }
  const auto scan = f.date("scan_report_date");
  const auto now = domain::parse_iso_date(today);
  if (scan && now && !scan_is_current(*scan, *now)) {
    errors.add("scan_report_date", "弱點掃描報告須為申請日前一年內。");
  }
  return a;
}

}  // namespace partners
