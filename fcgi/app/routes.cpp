// app/routes.cpp: every address the portal answers. Read this to know the site.
#include "app/routes.h"

#include <stdexcept>

#include "accounts/accounts_handlers.h"
#include "accounts/password_change.h"
#include "accounts/profile_handlers.h"
#include "accounts/second_factor.h"
#include "accounts/signup_handlers.h"
#include "admin/admin_handlers.h"
#include "api/api_handlers.h"
#include "business/business_handlers.h"
#include "content/bulletin_handlers.h"
#include "content/downloads_handlers.h"
#include "content/faq_handlers.h"
#include "core/response.h"
#include "courses/courses_handlers.h"
#include "enrolment/batch_handlers.h"
#include "feedback/feedback_handlers.h"
#include "enrolment/enrolment_handlers.h"
#include "enrolment/settings_handlers.h"
#include "enrolment/notice_handlers.h"
#include "office/office_handlers.h"
#include "partners/partners_handlers.h"
#include "records/records_handlers.h"
#include "review/review_handlers.h"
#include "review/roster_review_handlers.h"
#include "rosters/export_handlers.h"
#include "rosters/record_corrections.h"
#include "rosters/roster_handlers.h"
#include "site/course_api.h"
#include "specialties/specialty_handlers.h"
#include "site/course_feeds.h"
#include "site/site_handlers.h"
#include "site/sitemap.h"
#include "staff/staff_handlers.h"
#include "subscriptions/subscription_handlers.h"
#include "sso/sso_handlers.h"
#include "teacher/teacher_handlers.h"

namespace app {

using core::Who;

// clang-format off: the table is aligned by hand, to be read as one.
const std::vector<core::Route>& routes() {
  constexpr auto kHtml = core::Format::kHtml;  // pages; errors as pages
  constexpr auto kJson = core::Format::kJson;  // programs; errors as {"error": …}
  constexpr auto kForm = core::Body::kForm;    // forms parsed (and bad ones refused) before the handler
  constexpr auto kOwn = core::Body::kOwn;      // the handler reads Request::body itself
  static const std::vector<core::Route> table = {
      // name                     method  pattern                               who               answers body   handler
      {"home",                      "GET",  "/",                                  Who::kAnyone,     kHtml,  kForm, site::home},
      {"course.search",             "GET",  "/courses",                           Who::kAnyone,     kHtml,  kForm, site::search_courses},
      {"course.atom",               "GET",  "/courses.atom",                      Who::kAnyone,     kHtml,  kForm, site::search_atom},
      {"course.ics",                "GET",  "/courses.ics",                       Who::kAnyone,     kHtml,  kForm, site::search_calendar},
      {"course.calendar",           "GET",  "/courses/{code}/calendar.ics",       Who::kAnyone,     kHtml,  kForm, site::course_calendar},
      {"course.show",               "GET",  "/courses/{code}",                    Who::kAnyone,     kHtml,  kForm, site::show_course},
      {"enrolment.create",          "POST", "/courses/{code}/enrolments",         Who::kTeacher,    kHtml,  kForm, enrolment::enrol},
      {"bulletin",                  "GET",  "/bulletin",                          Who::kAnyone,     kHtml,  kForm, content::bulletin},
      {"bulletin.atom",             "GET",  "/bulletin.atom",                     Who::kAnyone,     kHtml,  kForm, content::bulletin_atom},
      {"bulletin.show",             "GET",  "/bulletin/{id}",                     Who::kAnyone,     kHtml,  kForm, content::show_post},
      {"faq",                       "GET",  "/faq",                               Who::kAnyone,     kHtml,  kForm, content::faq},
      {"downloads",                 "GET",  "/downloads",                         Who::kAnyone,     kHtml,  kForm, content::downloads},
      {"download",                  "GET",  "/downloads/{id}",                    Who::kAnyone,     kHtml,  kForm, content::download_file},
      {"feedback",                  "GET",  "/feedback",                          Who::kSignedIn,   kHtml,  kForm, feedback::mine},
      {"feedback.create",           "POST", "/feedback",                          Who::kSignedIn,   kHtml,  kForm, feedback::create},
      {"feedback.thread",           "GET",  "/feedback/{id}",                     Who::kSignedIn,   kHtml,  kForm, feedback::thread},
      {"feedback.follow_up",        "POST", "/feedback/{id}",                     Who::kSignedIn,   kHtml,  kForm, feedback::follow_up},
      {"sitemap",                   "GET",  "/sitemap",                           Who::kAnyone,     kHtml,  kForm, site::sitemap},
      {"units.accounts",            "GET",  "/units/accounts",                    Who::kAnyone,     kHtml,  kForm, site::unit_accounts},
      {"organisation",              "GET",  "/organisation",                      Who::kAnyone,     kHtml,  kForm, site::organisation},
      {"healthz",                   "GET",  "/healthz",                           Who::kAnyone,     kJson,  kForm, site::health},
      {"login.form",                "GET",  "/login",                             Who::kAnyone,     kHtml,  kForm, accounts::login_form},
      {"login",                     "POST", "/login",                             Who::kAnyone,     kHtml,  kForm, accounts::log_in},
      {"login.second_factor.form",  "GET",  "/login/second-factor",               Who::kAnyone,     kHtml,  kForm, accounts::second_factor_form},
      {"login.second_factor",       "POST", "/login/second-factor",               Who::kAnyone,     kHtml,  kForm, accounts::pass_second_factor},
      {"login.second_factor.qr",    "GET",  "/login/second-factor/qr.svg",        Who::kAnyone,     kHtml,  kForm, accounts::login_setup_qr},
      {"signup.form",               "GET",  "/signup",                            Who::kAnyone,     kHtml,  kForm, accounts::signup_form},
      {"signup",                    "POST", "/signup",                            Who::kAnyone,     kHtml,  kForm, accounts::sign_up},
      {"signup.confirm",            "GET",  "/signup/confirm/{token}",            Who::kAnyone,     kHtml,  kForm, accounts::confirm_email},
      {"accounts.apply.form",       "GET",  "/accounts/apply",                    Who::kAnyone,     kHtml,  kForm, business::application_form},
      {"accounts.apply",            "POST", "/accounts/apply",                    Who::kAnyone,     kHtml,  kForm, business::apply},
      {"password.forgot.form",      "GET",  "/password/forgot",                   Who::kAnyone,     kHtml,  kForm, accounts::forgot_form},
      {"password.forgot",           "POST", "/password/forgot",                   Who::kAnyone,     kHtml,  kForm, accounts::forgot_password},
      {"password.reset.form",       "GET",  "/password/reset/{token}",            Who::kAnyone,     kHtml,  kForm, accounts::reset_form},
      {"password.reset",            "POST", "/password/reset/{token}",            Who::kAnyone,     kHtml,  kForm, accounts::reset_password},
      {"email.confirm.form",        "GET",  "/email/confirm/{token}",             Who::kAnyone,     kHtml,  kForm, accounts::email_change_form},
      {"email.confirm",             "POST", "/email/confirm/{token}",             Who::kAnyone,     kHtml,  kForm, accounts::confirm_email_change},
      {"logout.form",               "GET",  "/logout",                            Who::kAnyone,     kHtml,  kForm, accounts::logout_form},
      {"logout",                    "POST", "/logout",                            Who::kAnyone,     kHtml,  kForm, accounts::log_out},
      {"teacher.home",              "GET",  "/teacher",                           Who::kTeacher,    kHtml,  kForm, teacher::home},
      {"enrolment.cancel_form",     "GET",  "/teacher/enrolments/{id}/cancel",    Who::kTeacher,    kHtml,  kForm, enrolment::cancel_form},
      {"enrolment.cancel",          "POST", "/teacher/enrolments/{id}/cancel",    Who::kTeacher,    kHtml,  kForm, enrolment::cancel},
      {"enrolment.notice",          "GET",  "/teacher/enrolments/{id}/notice",    Who::kTeacher,    kHtml,  kForm, enrolment::notice},
      {"enrolment.correction_request_form", "GET", "/teacher/enrolments/{id}/correction-request", Who::kTeacher, kHtml, kForm, records::correction_request_form},
      {"enrolment.correction_request", "POST", "/teacher/enrolments/{id}/correction-request", Who::kTeacher, kHtml, kForm, records::request_correction},
      {"teacher.password",          "GET",  "/teacher/password",                  Who::kTeacher,    kHtml,  kForm, accounts::password_form},
      {"teacher.password.change",   "POST", "/teacher/password",                  Who::kTeacher,    kHtml,  kForm, accounts::change_password},
      {"teacher.profile",           "GET",  "/teacher/profile",                   Who::kTeacher,    kHtml,  kForm, accounts::profile},
      {"teacher.profile.update",    "POST", "/teacher/profile",                   Who::kTeacher,    kHtml,  kForm, accounts::update_profile},
      {"account.password",          "GET",  "/account/password",                  Who::kBusiness,   kHtml,  kForm, accounts::password_form},
      {"account.password.change",   "POST", "/account/password",                  Who::kBusiness,   kHtml,  kForm, accounts::change_password},
      {"account.second_factor",     "GET",  "/account/second-factor",             Who::kBusiness,   kHtml,  kForm, accounts::second_factor_page},
      {"account.second_factor.qr",  "GET",  "/account/second-factor/qr.svg",      Who::kBusiness,   kHtml,  kForm, accounts::account_setup_qr},
      {"account.second_factor.enable", "POST", "/account/second-factor/enable",   Who::kBusiness,   kHtml,  kForm, accounts::enable_second_factor},
      {"account.second_factor.renew", "POST", "/account/second-factor/recovery-codes", Who::kBusiness, kHtml, kForm, accounts::renew_recovery_codes},
      {"account.second_factor.disable", "POST", "/account/second-factor/disable", Who::kBusiness,  kHtml,  kForm, accounts::disable_second_factor},
      {"teacher.subscriptions",     "GET",  "/teacher/subscriptions",             Who::kTeacher,    kHtml,  kForm, subscriptions::list},
      {"teacher.subscriptions.create", "POST", "/teacher/subscriptions",          Who::kTeacher,    kHtml,  kForm, subscriptions::subscribe},
      {"teacher.subscriptions.delete", "POST", "/teacher/subscriptions/{id}/delete", Who::kTeacher, kHtml,  kForm, subscriptions::unsubscribe},
      {"unsubscribe.form",          "GET",  "/unsubscribe/{token}",               Who::kAnyone,     kHtml,  kForm, subscriptions::unsubscribe_form},
      {"unsubscribe",               "POST", "/unsubscribe/{token}",               Who::kAnyone,     kHtml,  kForm, subscriptions::unsubscribe_signed},
      {"teacher.specialties",       "GET",  "/teacher/specialties",               Who::kTeacher,    kHtml,  kForm, specialties::mine},
      {"teacher.specialties.apply", "POST", "/teacher/specialties",               Who::kTeacher,    kHtml,  kForm, specialties::apply},
      {"teacher.specialties.certificate", "GET", "/teacher/specialties/{id}/certificate.pdf", Who::kTeacher, kHtml, kForm, specialties::own_certificate},
      {"teacher.records",           "GET",  "/teacher/records",                   Who::kTeacher,    kHtml,  kForm, records::records_page},
      {"teacher.records_csv",       "GET",  "/teacher/records.csv",               Who::kTeacher,    kHtml,  kForm, records::records_csv},
      {"teacher.certificate",       "GET",  "/teacher/records/{id}/certificate.pdf", Who::kTeacher, kHtml,  kForm, records::certificate},
      {"verify.lookup",             "GET",  "/verify",                            Who::kAnyone,     kHtml,  kForm, records::verify_lookup},
      {"verify.check",              "GET",  "/verify/{code}",                     Who::kAnyone,     kHtml,  kForm, records::verify_check},
      {"enrolment.calendar",        "GET",  "/teacher/enrolments/{id}/calendar.ics", Who::kTeacher, kHtml,  kForm, enrolment::calendar},
      {"notice.lookup",             "GET",  "/notices",                           Who::kAnyone,     kHtml,  kForm, enrolment::notice_lookup},
      {"notice.check",              "GET",  "/notices/{code}",                    Who::kAnyone,     kHtml,  kForm, enrolment::check_notice},
      {"office.home",               "GET",  "/office",                            Who::kBusiness,   kHtml,  kForm, office::home},
      {"office.courses",            "GET",  "/office/courses",                    Who::kOrganizer,  kHtml,  kForm, courses::list_courses},
      {"office.courses.new",        "GET",  "/office/courses/new",                Who::kOrganizer,  kHtml,  kForm, courses::new_course},
      {"office.courses.create",     "POST", "/office/courses",                    Who::kOrganizer,  kHtml,  kForm, courses::create_course},
      {"office.course",             "GET",  "/office/courses/{code}",             Who::kOrganizer,  kHtml,  kForm, courses::show_course},
      {"office.course.enrolments",  "GET",  "/office/courses/{code}/enrolments",  Who::kOrganizer,  kHtml,  kForm, enrolment::applicants},
      {"office.course.decide",      "POST", "/office/courses/{code}/enrolments",  Who::kOrganizer,  kHtml,  kForm, enrolment::decide},
      {"office.course.settings",    "GET",  "/office/courses/{code}/enrolment-settings", Who::kOrganizer, kHtml, kForm, enrolment::settings_form},
      {"office.course.save_settings", "POST", "/office/courses/{code}/enrolment-settings", Who::kOrganizer, kHtml, kForm, enrolment::save_settings},
      {"office.course.batch",       "GET",  "/office/courses/{code}/batch",       Who::kOrganizer,  kHtml,  kForm, enrolment::batch},
      {"office.course.batch_enrol", "POST", "/office/courses/{code}/batch",       Who::kOrganizer,  kHtml,  kForm, enrolment::enrol_batch},
      {"office.course.roster",      "GET",  "/office/courses/{code}/roster",      Who::kOrganizer,  kHtml,  kForm, rosters::roster},
      {"office.course.roster_convert", "POST", "/office/courses/{code}/roster/convert", Who::kOrganizer, kHtml, kForm, rosters::convert},
      {"office.course.roster_add",  "POST", "/office/courses/{code}/roster/lines", Who::kOrganizer,  kHtml,  kForm, rosters::add_line},
      {"office.course.roster_upload", "POST", "/office/courses/{code}/roster/upload", Who::kOrganizer, kHtml, kForm, rosters::upload},
      {"office.course.roster_line", "GET",  "/office/courses/{code}/roster/lines/{id}", Who::kOrganizer, kHtml, kForm, rosters::line_form},
      {"office.course.roster_update", "POST", "/office/courses/{code}/roster/lines/{id}", Who::kOrganizer, kHtml, kForm, rosters::update_line},
      {"office.course.roster_delete", "POST", "/office/courses/{code}/roster/lines/{id}/delete", Who::kOrganizer, kHtml, kForm, rosters::delete_line},
      {"office.course.attendance",  "GET",  "/office/courses/{code}/roster/attendance", Who::kOrganizer, kHtml, kForm, rosters::attendance},
      {"office.course.save_attendance", "POST", "/office/courses/{code}/roster/attendance", Who::kOrganizer, kHtml, kForm, rosters::save_attendance},
      {"office.course.roster_submit", "POST", "/office/courses/{code}/roster/submit", Who::kOrganizer, kHtml, kForm, rosters::submit},
      {"office.course.roster_xlsx", "GET",  "/office/courses/{code}/applicants.xlsx", Who::kOrganizer, kHtml, kForm, rosters::roster_xlsx},
      {"office.course.roster_csv",  "GET",  "/office/courses/{code}/applicants.csv", Who::kOrganizer, kHtml, kForm, rosters::roster_csv},
      {"office.course.sign_in",     "GET",  "/office/courses/{code}/sign-in-sheet", Who::kOrganizer, kHtml,  kForm, rosters::sign_in_sheet},
      {"office.course.records",     "GET",  "/office/courses/{code}/records",     Who::kOrganizer,  kHtml,  kForm, rosters::course_records},
      {"office.course.add_record",  "POST", "/office/courses/{code}/records",     Who::kOrganizer,  kHtml,  kForm, rosters::add_late_record},
      {"office.course.correct_record", "POST", "/office/courses/{code}/records/{id}/correct", Who::kOrganizer, kHtml, kForm, rosters::correct_record},
      {"office.course.edit",        "GET",  "/office/courses/{code}/edit",        Who::kOrganizer,  kHtml,  kForm, courses::edit_course},
      {"office.course.update",      "POST", "/office/courses/{code}/edit",        Who::kOrganizer,  kHtml,  kForm, courses::update_course},
      {"office.course.delete",      "POST", "/office/courses/{code}/delete",      Who::kOrganizer,  kHtml,  kForm, courses::delete_course},
      {"office.course.transfer",    "POST", "/office/courses/{code}/transfer",    Who::kMaster,     kHtml,  kForm, courses::transfer_course},
      {"office.teachers",           "GET",  "/office/teachers",                   Who::kMaster,     kHtml,  kForm, staff::teachers},
      {"office.teachers.new",       "GET",  "/office/teachers/new",               Who::kMaster,     kHtml,  kForm, staff::new_teacher},
      {"office.teachers.create",    "POST", "/office/teachers/new",               Who::kMaster,     kHtml,  kForm, staff::register_teacher},
      {"office.teachers.show",      "GET",  "/office/teachers/{id}",              Who::kMaster,     kHtml,  kForm, staff::teacher},
      {"office.teachers.update",    "POST", "/office/teachers/{id}",              Who::kMaster,     kHtml,  kForm, staff::update_teacher},
      {"office.teachers.employment", "POST", "/office/teachers/{id}/employment",  Who::kMaster,     kHtml,  kForm, staff::record_departure},
      {"office.accounts",           "GET",  "/office/accounts",                   Who::kMaster,     kHtml,  kForm, business::unit_accounts},
      {"office.accounts.approve",   "POST", "/office/accounts/{id}/approve",      Who::kMaster,     kHtml,  kForm, business::approve_account},
      {"office.accounts.refuse",    "POST", "/office/accounts/{id}/refuse",       Who::kMaster,     kHtml,  kForm, business::refuse_account},
      {"office.accounts.disable",   "POST", "/office/accounts/{id}/disable",      Who::kMaster,     kHtml,  kForm, business::disable_account},
      {"office.accounts.enable",    "POST", "/office/accounts/{id}/enable",       Who::kMaster,     kHtml,  kForm, business::enable_account},
      {"office.accounts.delete",    "POST", "/office/accounts/{id}/delete",       Who::kMaster,     kHtml,  kForm, business::delete_account},
      {"office.specialties",        "GET",  "/office/specialties",                Who::kMaster,     kHtml,  kForm, specialties::unit_list},
      {"office.specialties.approve", "POST", "/office/specialties/{id}/approve",  Who::kMaster,     kHtml,  kForm, specialties::approve},
      {"office.specialties.return", "POST", "/office/specialties/{id}/return",    Who::kMaster,     kHtml,  kForm, specialties::give_back},
      {"office.specialties.certificate", "GET", "/office/specialties/{id}/certificate.pdf", Who::kMaster, kHtml, kForm, specialties::unit_certificate},
      {"review.queue",              "GET",  "/review",                            Who::kReviewer,   kHtml,  kForm, review::queue},
      {"review.approve_many",       "POST", "/review/approve",                    Who::kReviewer,   kHtml,  kForm, review::approve_courses},
      {"review.show",               "GET",  "/review/courses/{code}",             Who::kReviewer,   kHtml,  kForm, review::show_course},
      {"review.approve",            "POST", "/review/courses/{code}/approve",     Who::kReviewer,   kHtml,  kForm, review::approve_course},
      {"review.return",             "POST", "/review/courses/{code}/return",      Who::kReviewer,   kHtml,  kForm, review::return_course},
      {"review.roster",             "GET",  "/review/courses/{code}/roster",      Who::kReviewer,   kHtml,  kForm, review::show_roster},
      {"review.approve_roster",     "POST", "/review/courses/{code}/roster/approve", Who::kReviewer, kHtml, kForm, review::approve_roster},
      {"review.return_roster",      "POST", "/review/courses/{code}/roster/return", Who::kReviewer, kHtml,  kForm, review::return_roster},
      {"review.approve_rosters",    "POST", "/review/rosters/approve",            Who::kReviewer,   kHtml,  kForm, review::approve_rosters},
      {"review.accounts",           "GET",  "/review/accounts",                   Who::kReviewer,   kHtml,  kForm, business::pending_masters},
      {"review.accounts.approve",   "POST", "/review/accounts/{id}/approve",      Who::kReviewer,   kHtml,  kForm, business::approve_master},
      {"review.accounts.refuse",    "POST", "/review/accounts/{id}/refuse",       Who::kReviewer,   kHtml,  kForm, business::refuse_master},
      {"review.accounts.disable",   "POST", "/review/accounts/{id}/disable",      Who::kReviewer,   kHtml,  kForm, business::disable_master},
      {"review.accounts.enable",    "POST", "/review/accounts/{id}/enable",       Who::kReviewer,   kHtml,  kForm, business::enable_master},
      {"admin.home",                "GET",  "/admin",                             Who::kAdmin,      kHtml,  kForm, admin::home},
      {"admin.reasons",             "GET",  "/admin/reasons",                     Who::kAdmin,      kHtml,  kForm, admin::reasons},
      {"admin.reasons.create",      "POST", "/admin/reasons",                     Who::kAdmin,      kHtml,  kForm, admin::create_reason},
      {"admin.reasons.toggle",      "POST", "/admin/reasons/{id}/toggle",         Who::kAdmin,      kHtml,  kForm, admin::toggle_reason},
      {"admin.counties",            "GET",  "/admin/counties",                    Who::kAdmin,      kHtml,  kForm, admin::counties},
      {"admin.counties.update",     "POST", "/admin/counties/{id}",               Who::kAdmin,      kHtml,  kForm, admin::update_county},
      {"admin.tags",                "GET",  "/admin/tags",                        Who::kAdmin,      kHtml,  kForm, admin::tags},
      {"admin.tags.update",         "POST", "/admin/tags/{id}",                   Who::kAdmin,      kHtml,  kForm, admin::update_tag},
      {"admin.tags.create",         "POST", "/admin/tags",                        Who::kAdmin,      kHtml,  kForm, admin::create_tag},
      {"admin.tags.rename",         "POST", "/admin/tags/{id}/rename",            Who::kAdmin,      kHtml,  kForm, admin::rename_tag},
      {"admin.tags.toggle",         "POST", "/admin/tags/{id}/toggle",            Who::kAdmin,      kHtml,  kForm, admin::toggle_tag},
      {"admin.categories",          "GET",  "/admin/categories",                  Who::kAdmin,      kHtml,  kForm, admin::categories},
      {"admin.categories.create",   "POST", "/admin/categories",                  Who::kAdmin,      kHtml,  kForm, admin::create_category},
      {"admin.categories.rename",   "POST", "/admin/categories/{id}/rename",      Who::kAdmin,      kHtml,  kForm, admin::rename_category},
      {"admin.categories.toggle",   "POST", "/admin/categories/{id}/toggle",      Who::kAdmin,      kHtml,  kForm, admin::toggle_category},
      {"admin.units",               "GET",  "/admin/units",                       Who::kAdmin,      kHtml,  kForm, admin::units},
      {"admin.units.new",           "GET",  "/admin/units/new",                   Who::kAdmin,      kHtml,  kForm, admin::new_unit},
      {"admin.units.create",        "POST", "/admin/units",                       Who::kAdmin,      kHtml,  kForm, admin::create_unit},
      {"admin.unit",                "GET",  "/admin/units/{id}",                  Who::kAdmin,      kHtml,  kForm, admin::unit},
      {"admin.unit.update",         "POST", "/admin/units/{id}",                  Who::kAdmin,      kHtml,  kForm, admin::update_unit},
      {"admin.unit.review",         "POST", "/admin/units/{id}/review",           Who::kAdmin,      kHtml,  kForm, admin::route_unit},
      {"admin.bulletin",            "GET",  "/admin/bulletin",                    Who::kAdmin,      kHtml,  kForm, content::admin_posts},
      {"admin.bulletin.new",        "GET",  "/admin/bulletin/new",                Who::kAdmin,      kHtml,  kForm, content::new_post},
      {"admin.bulletin.create",     "POST", "/admin/bulletin",                    Who::kAdmin,      kHtml,  kForm, content::create_post},
      {"admin.bulletin.edit",       "GET",  "/admin/bulletin/{id}",               Who::kAdmin,      kHtml,  kForm, content::edit_post},
      {"admin.bulletin.update",     "POST", "/admin/bulletin/{id}",               Who::kAdmin,      kHtml,  kForm, content::update_post},
      {"admin.bulletin.delete",     "POST", "/admin/bulletin/{id}/delete",        Who::kAdmin,      kHtml,  kForm, content::delete_post},
      {"admin.faq",                 "GET",  "/admin/faq",                         Who::kAdmin,      kHtml,  kForm, content::admin_faqs},
      {"admin.faq.new",             "GET",  "/admin/faq/new",                     Who::kAdmin,      kHtml,  kForm, content::new_faq},
      {"admin.faq.create",          "POST", "/admin/faq",                         Who::kAdmin,      kHtml,  kForm, content::create_faq},
      {"admin.faq.edit",            "GET",  "/admin/faq/{id}",                    Who::kAdmin,      kHtml,  kForm, content::edit_faq},
      {"admin.faq.update",          "POST", "/admin/faq/{id}",                    Who::kAdmin,      kHtml,  kForm, content::update_faq},
      {"admin.faq.delete",          "POST", "/admin/faq/{id}/delete",             Who::kAdmin,      kHtml,  kForm, content::delete_faq},
      {"admin.downloads",           "GET",  "/admin/downloads",                   Who::kAdmin,      kHtml,  kForm, content::admin_downloads},
      {"admin.downloads.upload",    "POST", "/admin/downloads",                   Who::kAdmin,      kHtml,  kForm, content::upload_download},
      {"admin.downloads.delete",    "POST", "/admin/downloads/{id}/delete",       Who::kAdmin,      kHtml,  kForm, content::delete_download},
      {"admin.feedback",            "GET",  "/admin/feedback",                    Who::kAdmin,      kHtml,  kForm, feedback::inbox},
      {"admin.feedback.thread",     "GET",  "/admin/feedback/{id}",               Who::kAdmin,      kHtml,  kForm, feedback::admin_thread},
      {"admin.feedback.reply",      "POST", "/admin/feedback/{id}/reply",         Who::kAdmin,      kHtml,  kForm, feedback::reply},
      {"admin.specialties",         "GET",  "/admin/specialties",                 Who::kAdmin,      kHtml,  kForm, specialties::admin_list},
      {"admin.specialties.create",  "POST", "/admin/specialties",                 Who::kAdmin,      kHtml,  kForm, specialties::add},
      {"admin.specialties.toggle",  "POST", "/admin/specialties/{id}/toggle",     Who::kAdmin,      kHtml,  kForm, specialties::toggle},
      {"oidc.discovery",            "GET",  "/.well-known/openid-configuration",  Who::kAnyone,     kJson,  kForm, sso::discovery},
      {"oidc.jwks",                 "GET",  "/oidc/jwks",                         Who::kAnyone,     kJson,  kForm, sso::jwks},
      {"oidc.authorize",            "GET",  "/oidc/authorize",                    Who::kAnyone,     kHtml,  kForm, sso::authorize},
      {"oidc.consent",              "POST", "/oidc/authorize",                    Who::kTeacher,    kHtml,  kForm, sso::decide_consent},
      {"oidc.token",                "POST", "/oidc/token",                        Who::kPartnerApi, kJson,  kForm, sso::token},
      {"oidc.userinfo",             "GET",  "/oidc/userinfo",                     Who::kPartnerApi, kJson,  kForm, sso::userinfo},
      {"oidc.userinfo.post",        "POST", "/oidc/userinfo",                     Who::kPartnerApi, kJson,  kForm, sso::userinfo},
      {"teacher.partners",          "GET",  "/teacher/partners",                  Who::kTeacher,    kHtml,  kForm, sso::partners},
      {"teacher.partners.revoke",   "POST", "/teacher/partners/{client}/revoke",  Who::kTeacher,    kHtml,  kForm, sso::revoke_partner},
      {"partners.apply.form",       "GET",  "/partners/apply",                    Who::kAnyone,     kHtml,  kForm, partners::application_form},
      {"partners.apply",            "POST", "/partners/apply",                    Who::kAnyone,     kHtml,  kForm, partners::apply},
      {"admin.partners",            "GET",  "/admin/partners",                    Who::kAdmin,      kHtml,  kForm, partners::list_partners},
      {"admin.partner",             "GET",  "/admin/partners/{id}",               Who::kAdmin,      kHtml,  kForm, partners::show_partner},
      {"admin.partner.approve",     "POST", "/admin/partners/{id}/approve",       Who::kAdmin,      kHtml,  kForm, partners::approve_partner},
      {"admin.partner.status",      "POST", "/admin/partners/{id}/status",        Who::kAdmin,      kHtml,  kForm, partners::change_partner_status},
      {"admin.partner.renew",       "POST", "/admin/partners/{id}/renew",         Who::kAdmin,      kHtml,  kForm, partners::renew_partner},
      {"api.courses",               "GET",  "/api/v1/courses",                    Who::kAnyone,     kJson,  kForm, site::api_courses},
      {"api.course",                "GET",  "/api/v1/courses/{code}",             Who::kAnyone,     kJson,  kForm, site::api_course},
      {"api.reports.push",          "POST", "/api/v1/reports",                    Who::kPartnerApi, kJson,  kOwn,  api::push_report},
  };
  return table;
}
// clang-format on

std::string url_for(std::string_view name, std::initializer_list<std::string_view> args) {
  for (const core::Route& route : routes()) {
    if (name == route.name) return core::fill_pattern(route.pattern, args);
  }
  throw std::logic_error("no route named " + std::string(name));
}

Home home_of(const core::User& user) {
  switch (user.role) {
    case core::Role::kTeacher: return {url_for("teacher.home"), "我的專屬首頁"};
    case core::Role::kReviewer: return {url_for("review.queue"), "待審課程"};
    case core::Role::kAdmin: return {url_for("admin.home"), "系統管理"};
    default: return {url_for("office.home"), "業務帳號首頁"};
  }
}

}  // namespace app
