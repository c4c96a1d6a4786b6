// Public directory pages: 各校業務帳號人員查詢 (a unit's 承辦人 and 總負責人, with office phones only)
// and 組織架構 (the review units and the units each reviews, 第11條). Neither shows an account
// name or an e-mail address: those are the accounts' own (個人資料保護法).
#include <map>

#include "app/routes.h"
#include "core/form.h"
#include "core/request.h"
#include "core/view.h"
#include "domain/jurisdiction.h"
#include "domain/review_routing.h"
#include "shared/form_view.h"
#include "site/directory_sql.h"
#include "site/site_handlers.h"

namespace site {

namespace {

constexpr int kMostUnitsListed = 20;

const core::FormSpec kUnitForm = {
    {"q", "學校代碼或名稱", core::FieldKind::kText, true, 100},
};

const char* kind_label(const std::string& kind) { return kind == "master" ? "總負責人" : "承辦人"; }

void fill_contacts(core::Context& cx, ctemplate::TemplateDictionary& body, const sql::UnitName& unit) {
  auto* shown = body.AddSectionDictionary("UNIT");
  shown->SetValue("CODE", unit.code);
  shown->SetValue("NAME", unit.name);
  const auto accounts = sql::unit_contacts(cx.db(), unit.id);
  if (accounts.empty()) {
    shown->ShowSection("NO_ACCOUNTS");
    return;
  }
  auto* table = shown->AddSectionDictionary("ACCOUNTS");
  for (const auto& a : accounts) {
    auto* row = table->AddSectionDictionary("ACCOUNT");
    row->SetValue("NAME", a.display_name);
    row->SetValue("KIND", kind_label(a.kind));
    row->SetValue("PHONE", a.phone.empty() ? "（未提供）" : a.phone);
  }
}

// As courses::sql::unit_rules routes a course registration, for units already read (two queries
// for the whole page, not one per unit).
int64_t reviewer_of(const sql::RoutedUnit& unit, const std::vector<domain::ReviewUnitRole>& roles) {
  domain::RoutedUnitFacts routed{std::nullopt, unit.county_id, unit.authority_unit_id, unit.review_unit_id};
  const auto level = domain::parse_unit_level(unit.level);
  const auto ownership = domain::parse_ownership(unit.ownership);
  if (level && ownership) {
    routed.facts = domain::UnitFacts{*level, *ownership, unit.recognised_by_article3, unit.has_legal_person,
                                     unit.community_college};
  }
  return domain::review_unit_of(routed, roles);
}

const char* role_label(const std::string& role) {
  if (role == "national_centre") return domain::review_body_label(domain::ReviewBody::kNationalCentre);
  if (role == "county_bureau") return domain::review_body_label(domain::ReviewBody::kCountyBureau);
  if (role == "recognition_panel") return domain::review_body_label(domain::ReviewBody::kRecognitionPanel);
  return "教育行政主管機關";
}

}  // namespace

core::Response unit_accounts(core::Context& cx) {
  core::Page page(cx, "site/unit_accounts.tpl", "各校業務帳號人員查詢");
  auto& body = page.body();
  body.SetValue("ACTION", app::url_for("units.accounts"));
  body.SetValue("APPLY_URL", app::url_for("accounts.apply.form"));
  if (!cx.req().query.get("q")) {
    shared::fill_form(body, core::Form(kUnitForm));
    return page.render();
  }
  core::Form form(kUnitForm, cx.req().query);
  shared::fill_form(body, form);
  if (!form.ok()) return page.render(422);
  const std::string typed = form.text("q");
  const auto units = sql::find_units(cx.db(), typed, kMostUnitsListed + 1);
  if (units.empty()) {
    body.SetValueAndShowSection("TYPED", typed, "NONE_FOUND");
  } else if (units.size() == 1 || units.front().code == typed) {
    fill_contacts(cx, body, units.front());
  } else {
    auto* list = body.AddSectionDictionary("CHOOSE");
    if (units.size() > kMostUnitsListed) list->ShowSection("MORE");
    for (size_t i = 0; i < units.size() && i < kMostUnitsListed; ++i) {
      auto* row = list->AddSectionDictionary("CHOICE");
      row->SetValue("CODE", units[i].code);
      row->SetValue("NAME", units[i].name);
      row->SetValue("URL", app::url_for("units.accounts") + "?q=" + core::url_encode(units[i].code));
    }
  }
  return page.render();
}

core::Response organisation(core::Context& cx) {
  core::Page page(cx, "site/organisation.tpl", "組織架構");
  auto& body = page.body();
  body.SetValue("ACCOUNTS_URL", app::url_for("units.accounts"));
  const auto reviewers = sql::review_units(cx.db());
  std::vector<domain::ReviewUnitRole> roles;
  for (const auto& r : reviewers) roles.push_back({r.id, r.review_role, r.county_id});
  std::map<int64_t, std::vector<const sql::RoutedUnit*>> reviewed;
  const auto units = sql::routed_units(cx.db());
  for (const auto& u : units) {
    const int64_t by = reviewer_of(u, roles);
    if (by != u.id) reviewed[by].push_back(&u);  // a bureau reviewing its own courses is not listed
  }
  for (const auto& r : reviewers) {
    auto* d = body.AddSectionDictionary("REVIEW_UNIT");
    d->SetValue("ID", std::to_string(r.id));
    d->SetValue("CODE", r.code);
    d->SetValue("NAME", r.name);
    d->SetValue("ROLE", role_label(r.review_role));
    if (r.contact_name.empty()) {
      d->ShowSection("NO_CONTACT");
    } else {
      auto* c = d->AddSectionDictionary("CONTACT");
      c->SetValue("NAME", r.contact_name);
      c->SetValue("PHONE", r.contact_phone.empty() ? "（未提供）" : r.contact_phone);
    }
    const auto& list = reviewed[r.id];
    d->SetIntValue("COUNT", static_cast<long>(list.size()));
    if (list.empty()) {
      d->ShowSection("NONE_REVIEWED");
      continue;
    }
    auto* shown = d->AddSectionDictionary("REVIEWED_LIST");
    for (const auto* u : list) {
      auto* row = shown->AddSectionDictionary("REVIEWED");
      row->SetValue("CODE", u->code);
      row->SetValue("NAME", u->name);
    }
  }
  const auto& unrouted = reviewed[0];
  auto* unrouted_list = unrouted.empty() ? nullptr : body.AddSectionDictionary("UNROUTED");
  for (const auto* u : unrouted) {
    auto* row = unrouted_list->AddSectionDictionary("UNIT");
    row->SetValue("CODE", u->code);
    row->SetValue("NAME", u->name);
  }
  return page.render();
}

}  // namespace site
