// 帳號管理 of the 總負責人 and the reviewers' approval of 總負責人 (issue 10). Accounts are loaded
// by id and then held to the user's unit or region (an outsider's is a 404 that reveals nothing);
// the domain decides who may do what (domain/business_accounts.h); each change is one conditional
// UPDATE, audited with the object "b:<id>", and the applicant is mailed in the same transaction.
#include "business/business_handlers.h"

#include <algorithm>

#include "app/routes.h"
#include "business/business_sql.h"
#include "core/form.h"
#include "core/view.h"
#include "domain/business_accounts.h"
#include "domain/validation.h"
#include "mail/mail.h"
#include "shared/access.h"
#include "shared/form_view.h"
#include "shared/labels.h"

namespace business {

namespace {

using domain::AccountState;

constexpr long kTrailShown = 100;
const char* kSubjectPrefix = "【全國教師在職進修資訊網】";

const core::FormSpec kRefuseForm = {
    {"reason", "不核准的理由", core::FieldKind::kText, true, 200},
};

std::string object_of(int64_t id) { return "b:" + std::to_string(id); }
std::string id_text(int64_t id) { return std::to_string(id); }

std::string named(const sql::Account& a) { return a.display_name + "（" + a.account_name + "）"; }

const char* kind_label(const std::string& kind) {
  const auto k = domain::parse_account_kind(kind);
  return k ? domain::account_kind_label(*k) : "";
}

const char* action_label(const std::string& action) {
  if (action == "account.apply") return "申請";
  if (action == "account.approve") return "核准";
  if (action == "account.refuse") return "不核准";
  if (action == "account.disable") return "停用";
  if (action == "account.enable") return "重新啟用";
  if (action == "account.delete") return "刪除";
  return "其他";
}

domain::Actor actor_of(const core::User& user) {
  domain::Actor actor;
  actor.role = user.role == core::Role::kMaster     ? domain::Actor::Role::kMaster
               : user.role == core::Role::kReviewer ? domain::Actor::Role::kReviewer
                                                    : domain::Actor::Role::kOther;
  actor.account_id = user.id;
  actor.unit_id = user.unit_id;
  return actor;
}

std::optional<int64_t> requested_id(core::Context& cx) {
  return domain::parse_integer(cx.param("id"), 1, 4294967295LL);
}

// --- Mail to the applicant.

void mail_decision(core::Context& cx, const sql::Account& a, bool approved,
                   const std::string& reason) {
  if (!domain::is_valid_email(a.email)) return;
  const std::string who = cx.user().unit_name + "的" + cx.user().name;
  const std::string intro = a.display_name + " 您好：\n\n您申請的" + kind_label(a.kind) +
                            "業務帳號「" + a.account_name + "」（" + a.unit_name + "）";
  if (approved) {
    mail::enqueue(
        cx.db(),
        {a.email, std::string(kSubjectPrefix) + "業務帳號申請已核准",
         intro + "已由" + who + "核准，現在可以登入使用：\n\n" + cx.config().base_url +
             app::url_for("login.form") +
             "\n\n業務帳號屬個人使用，請勿交接或借給他人。本信由系統自動寄出，請勿直接回覆。\n"});
  } else {
    mail::enqueue(cx.db(),
                  {a.email, std::string(kSubjectPrefix) + "業務帳號申請未獲核准",
                   intro + "未獲" + who + "核准，帳號無法登入。\n\n理由：" + reason +
                       "\n\n如有疑問，請洽" + who + "。本信由系統自動寄出，請勿直接回覆。\n"});
  }
}

// Approves or refuses the locked application `a`, which the user may decide; answers 409 when it
// was already decided, 422 (through `show_again`) for a refusal without a reason.
template <class ShowAgain>
core::Response decide(core::Context& cx, db::Transaction& tx, const sql::Account& a, bool approve,
                      const std::string& back_url, ShowAgain show_again) {
  core::Form form(kRefuseForm);
  if (!approve) {
    form = core::Form(kRefuseForm, cx.req().form);
    if (!form.ok()) {
      form.errors().add("form", named(a) + "的申請沒有變更。");
      return show_again(form);
    }
  }
  if (a.state != AccountState::kPending) {
    return cx.conflict(named(a) + "的申請已經處理過了（目前狀態：" +
                       domain::account_state_label(a.state) + "），沒有再變更。");
  }
  const std::string reason = form.text("reason");
  const bool done = approve ? sql::approve(cx.db(), a.id) : sql::refuse(cx.db(), a.id, reason);
  if (!done) return cx.conflict(named(a) + "的申請已經處理過了，沒有再變更。");
  shared::access::audit(
      cx, approve ? "account.approve" : "account.refuse", object_of(a.id),
      approve ? std::string(kind_label(a.kind)) + "帳號已啟用" : "理由：" + reason);
  mail_decision(cx, a, approve, reason);
  tx.commit();
  cx.flash(approve ? "已核准" + named(a) + "的申請，並寄信通知申請人；帳號現在可以登入。"
                   : "已不核准" + named(a) + "的申請，並寄信將理由通知申請人。");
  return cx.see_other(back_url);
}

// --- 帳號管理 (/office/accounts).

// What the page shows beside the list after a refused action: a refusal form with its errors, or
// the courses keeping an account from deletion.
struct Focus {
  int64_t account_id = 0;
  const core::Form* refusal = nullptr;
  const std::vector<sql::CourseLine>* blocking = nullptr;
};

// The 核准 and 不核准 forms of one pending application (business/decide.tpl), the latter with
// `refusal` as typed.
void fill_decision(ctemplate::TemplateDictionary& row, const std::string& approve_url,
                   const std::string& refuse_url, const std::string& csrf, int64_t id,
                   const core::Form& refusal) {
  auto* forms = row.AddIncludeDictionary("DECIDE");
  forms->SetFilename("business/decide.tpl");
  forms->SetValue("APPROVE_URL", approve_url);
  forms->SetValue("REFUSE_URL", refuse_url);
  forms->SetValue("CSRF_TOKEN", csrf);
  forms->SetIntValue("ID", id);
  shared::fill_form(*forms, refusal);
}

// What every table of accounts shows of one: who, where, how to reach them, state, second factor.
void fill_account(ctemplate::TemplateDictionary& row, const sql::Account& a) {
  row.SetValue("ID", id_text(a.id));
  row.SetValue("ACCOUNT_NAME", a.account_name);
  row.SetValue("NAME", a.display_name);
  row.SetValue("KIND", kind_label(a.kind));
  row.SetValue("UNIT", a.unit_name);
  row.SetValue("UNIT_CODE", a.unit_code);
  row.SetValue("PHONE", a.phone);
  row.SetValue("EMAIL", a.email);
  row.SetValue("STATE", domain::account_state_label(a.state));
  row.SetValue("STATE_CODE", domain::account_state_code(a.state));
  row.SetValue("SECOND_FACTOR", a.second_factor ? "已啟用" : "未啟用");
  row.SetValue("APPLIED_AT", shared::roc_datetime(a.applied_at));
}

core::Response show_unit_accounts(core::Context& cx, const Focus& focus, int status) {
  core::Page page(cx, "business/unit_accounts.tpl", "帳號管理");
  auto& body = page.body();
  body.SetValue("UNIT", cx.user().unit_name);
  body.SetValue("APPLY_URL", app::url_for("accounts.apply.form"));
  const std::string csrf = cx.csrf_token();
  const domain::Actor me = actor_of(cx.user());
  const core::Form blank(kRefuseForm);
  const auto accounts = sql::unit_accounts(cx.db(), cx.user().unit_id);
  const auto roles = sql::review_unit_roles(cx.db());
  for (const auto& a : accounts) {
    auto* row = body.AddSectionDictionary("ACCOUNT");
    const std::string id = id_text(a.id);
    fill_account(*row, a);
    if (a.state == AccountState::kRefused)
      row->SetValueAndShowSection("REASON", a.refusal_reason, "REFUSED");
    const domain::Target target = target_of(a, roles);
    if (a.state == AccountState::kPending) {
      if (!domain::may_decide_application(me, target)) {
        row->SetValueAndShowSection("NOTE", "總負責人的申請由貴單位所屬的審課單位核准。",
                                    "HAS_NOTE");
        continue;
      }
      fill_decision(*row, app::url_for("office.accounts.approve", {id}),
                    app::url_for("office.accounts.refuse", {id}), csrf, a.id,
                    focus.account_id == a.id && focus.refusal ? *focus.refusal : blank);
      continue;
    }
    if (a.state != AccountState::kActive && a.state != AccountState::kDisabled) continue;
    switch (domain::may_manage(me, target)) {
      case domain::Manage::kSelf:
        row->SetValueAndShowSection("NOTE", "這是您本人的帳號。", "HAS_NOTE");
        continue;
      case domain::Manage::kMasterAccount:
        row->SetValueAndShowSection("NOTE", "總負責人帳號的停用或刪除，請向審課單位申請。",
                                    "HAS_NOTE");
        continue;
      case domain::Manage::kOtherUnit:
        continue;
      case domain::Manage::kAllowed:
        break;
    }
    const bool active = a.state == AccountState::kActive;
    auto* toggle = row->AddSectionDictionary(active ? "DISABLE" : "ENABLE");
    toggle->SetValue(
        "URL", app::url_for(active ? "office.accounts.disable" : "office.accounts.enable", {id}));
    toggle->SetValue("CSRF_TOKEN", csrf);
    auto* remove = row->AddSectionDictionary("DELETE");
    remove->SetValue("URL", app::url_for("office.accounts.delete", {id}));
    remove->SetValue("CSRF_TOKEN", csrf);
  }
  if (accounts.empty()) body.ShowSection("NO_ACCOUNTS");

  if (focus.blocking) {
    const auto it = std::find_if(accounts.begin(), accounts.end(),
                                 [&](const sql::Account& a) { return a.id == focus.account_id; });
    auto* blocked = body.AddSectionDictionary("BLOCKED");
    blocked->SetValue("ACCOUNT", it != accounts.end() ? named(*it) : "");
    blocked->SetIntValue("COUNT", static_cast<long>(focus.blocking->size()));
    blocked->SetValue("TRANSFER_HINT_URL", app::url_for("office.courses"));
    for (const auto& c : *focus.blocking) {
      auto* line = blocked->AddSectionDictionary("COURSE");
      line->SetValue("CODE", c.code);
      line->SetValue("TITLE", c.title);
      line->SetValue("STATE", c.state);
      line->SetValue("URL", app::url_for("office.course", {c.code}));
    }
  }

  const auto trail = sql::unit_trail(cx.db(), cx.user().unit_id, kTrailShown);
  if (trail.empty()) body.ShowSection("NO_CHANGES");
  for (const auto& c : trail) {
    auto* row = body.AddSectionDictionary("CHANGE");
    row->SetValue("AT", shared::roc_datetime(c.at));
    row->SetValue("WHO", c.who);
    row->SetValue("ACCOUNT", c.account);
    row->SetValue("ACTION", action_label(c.action));
    row->SetValue("DETAIL", c.detail);
  }
  return page.render(status);
}

// The account of the 總負責人's own unit named by {id}, locked; nothing for any other.
std::optional<sql::Account> unit_account(core::Context& cx) {
  const auto id = requested_id(cx);
  if (!id) return std::nullopt;
  auto a = sql::find_account(cx.db(), *id, true);
  if (!a || a->unit_id != cx.user().unit_id || a->kind == "reviewer" || a->kind == "admin")
    return std::nullopt;
  return a;
}

core::Response decide_in_unit(core::Context& cx, bool approve) {
  db::Transaction tx(cx.db());
  const auto a = unit_account(cx);
  if (!a) return cx.not_found();
  if (!domain::may_decide_application(actor_of(cx.user()),
                                      target_of(*a, sql::review_unit_roles(cx.db())))) {
    return cx.forbidden("總負責人的申請由貴單位所屬的審課單位核准，總負責人不能核准或不核准。");
  }
  return decide(cx, tx, *a, approve, app::url_for("office.accounts"), [&](const core::Form& form) {
    return show_unit_accounts(cx, {a->id, &form, nullptr}, 422);
  });
}

// Loads the account a 總負責人 may disable, enable or delete; sets `refused` to the answer
// otherwise.
std::optional<sql::Account> managed_account(core::Context& cx,
                                            std::optional<core::Response>& refused) {
  auto a = unit_account(cx);
  if (!a) {
    refused = cx.not_found();
    return std::nullopt;
  }
  switch (domain::may_manage(actor_of(cx.user()), target_of(*a, sql::review_unit_roles(cx.db())))) {
    case domain::Manage::kAllowed:
      return a;
    case domain::Manage::kSelf:
      refused = cx.forbidden("不能停用或刪除自己的帳號；總負責人帳號的異動請向審課單位申請。");
      return std::nullopt;
    case domain::Manage::kMasterAccount:
      refused = cx.forbidden("總負責人帳號的停用或刪除，請向貴單位所屬的審課單位申請。");
      return std::nullopt;
    case domain::Manage::kOtherUnit:
      break;
  }
  refused = cx.not_found();
  return std::nullopt;
}

// 停用 or 重新啟用 of the account `load` finds (it answers the refusal otherwise), then back to
// the page `back`.
core::Response toggle(core::Context& cx, bool disable,
                      std::optional<sql::Account> (*load)(core::Context&, std::optional<core::Response>&),
                      const char* back) {
  db::Transaction tx(cx.db());
  std::optional<core::Response> refused;
  const auto a = load(cx, refused);
  if (!a) return *refused;
  const bool done = disable ? sql::disable(cx.db(), a->id) : sql::enable(cx.db(), a->id);
  if (!done) {
    return cx.conflict(named(*a) + "目前是「" + domain::account_state_label(a->state) + "」，" +
                       (disable ? "不能停用。" : "不能重新啟用。"));
  }
  shared::access::audit(cx, disable ? "account.disable" : "account.enable", object_of(a->id),
                        disable ? "啟用 → 停用（已登入的連線同時結束）" : "停用 → 啟用");
  tx.commit();
  cx.flash(disable ? "已停用" + named(*a) + "，這個帳號不能再登入，已登入的連線也已結束。"
                   : "已重新啟用" + named(*a) + "。");
  return cx.see_other(app::url_for(back));
}

// --- The reviewers' page (/review/accounts).

core::Response show_pending_masters(core::Context& cx, int64_t focus_id, const core::Form* refusal,
                                    int status) {
  core::Page page(cx, "business/pending_masters.tpl", "總負責人帳號審核");
  auto& body = page.body();
  body.SetValue("UNIT", cx.user().unit_name);
  body.SetValue("QUEUE_URL", app::url_for("review.queue"));
  const std::string csrf = cx.csrf_token();
  const auto roles = sql::review_unit_roles(cx.db());
  const core::Form blank(kRefuseForm);
  long shown = 0;
  for (const auto& a : sql::pending_masters(cx.db())) {
    if (domain::review_unit_of(a.route, roles) != cx.user().unit_id) continue;
    ++shown;
    auto* row = body.AddSectionDictionary("ACCOUNT");
    const std::string id = id_text(a.id);
    fill_account(*row, a);
    fill_decision(*row, app::url_for("review.accounts.approve", {id}),
                  app::url_for("review.accounts.refuse", {id}), csrf, a.id,
                  focus_id == a.id && refusal ? *refusal : blank);
  }
  body.SetIntValue("COUNT", shown);
  if (shown == 0) body.ShowSection("EMPTY");
  long masters = 0;
  for (const auto& a : sql::approved_masters(cx.db())) {
    if (domain::review_unit_of(a.route, roles) != cx.user().unit_id) continue;
    ++masters;
    auto* row = body.AddSectionDictionary("MASTER");
    const std::string id = id_text(a.id);
    fill_account(*row, a);
    row->SetValue("CSRF_TOKEN", csrf);
    if (a.state == AccountState::kActive) {
      row->SetValueAndShowSection("URL", app::url_for("review.accounts.disable", {id}), "DISABLE");
    } else if (a.state == AccountState::kDisabled) {
      row->SetValueAndShowSection("URL", app::url_for("review.accounts.enable", {id}), "ENABLE");
    }
  }
  body.SetIntValue("MASTER_COUNT", masters);
  if (masters == 0) body.ShowSection("NO_MASTERS");
  return page.render(status);
}

// The 總負責人 application named by {id} if the user's review unit reviews its unit, locked.
std::optional<sql::Account> region_master(core::Context& cx) {
  const auto id = requested_id(cx);
  if (!id) return std::nullopt;
  auto a = sql::find_account(cx.db(), *id, true);
  if (!a || !domain::may_decide_application(actor_of(cx.user()),
                                            target_of(*a, sql::review_unit_roles(cx.db()))))
    return std::nullopt;
  return a;
}

// An approved 總負責人 of the reviewer's region, locked, for 停用 or 重新啟用; 404 otherwise.
std::optional<sql::Account> managed_master(core::Context& cx, std::optional<core::Response>& refused) {
  const auto id = requested_id(cx);
  auto a = id ? sql::find_account(cx.db(), *id, true) : std::nullopt;
  if (!a || domain::may_manage(actor_of(cx.user()), target_of(*a, sql::review_unit_roles(cx.db()))) !=
                domain::Manage::kAllowed) {
    refused = cx.not_found();
    return std::nullopt;
  }
  return a;
}

core::Response decide_in_region(core::Context& cx, bool approve) {
  db::Transaction tx(cx.db());
  const auto a = region_master(cx);
  if (!a) return cx.not_found();
  return decide(cx, tx, *a, approve, app::url_for("review.accounts"), [&](const core::Form& form) {
    return show_pending_masters(cx, a->id, &form, 422);
  });
}

}  // namespace

core::Response unit_accounts(core::Context& cx) { return show_unit_accounts(cx, {}, 200); }
core::Response approve_account(core::Context& cx) { return decide_in_unit(cx, true); }
core::Response refuse_account(core::Context& cx) { return decide_in_unit(cx, false); }
core::Response disable_account(core::Context& cx) { return toggle(cx, true, managed_account, "office.accounts"); }
core::Response enable_account(core::Context& cx) { return toggle(cx, false, managed_account, "office.accounts"); }

core::Response delete_account(core::Context& cx) {
  db::Transaction tx(cx.db());
  sql::lock_unit(cx.db(), cx.user().unit_id);
  std::optional<core::Response> refused;
  const auto a = managed_account(cx, refused);
  if (!a) return *refused;
  const auto blocking = sql::blocking_courses(cx.db(), a->id);
  if (!blocking.empty()) return show_unit_accounts(cx, {a->id, nullptr, &blocking}, 409);
  if (!sql::mark_deleted(cx.db(), a->id)) {
    return cx.conflict(named(*a) + "目前是「" + domain::account_state_label(a->state) +
                       "」，不能刪除。");
  }
  shared::access::audit(cx, "account.delete", object_of(a->id),
                        std::string("刪除（原為") + domain::account_state_label(a->state) + "）");
  tx.commit();
  cx.flash("已刪除" + named(*a) +
           "：帳號不能再登入，名稱保留不再使用，已結案的課程仍顯示這位承辦人。");
  return cx.see_other(app::url_for("office.accounts"));
}

core::Response pending_masters(core::Context& cx) {
  return show_pending_masters(cx, 0, nullptr, 200);
}
core::Response approve_master(core::Context& cx) { return decide_in_region(cx, true); }
core::Response refuse_master(core::Context& cx) { return decide_in_region(cx, false); }
core::Response disable_master(core::Context& cx) { return toggle(cx, true, managed_master, "review.accounts"); }
core::Response enable_master(core::Context& cx) { return toggle(cx, false, managed_master, "review.accounts"); }

domain::Target target_of(const sql::Account& a, const std::vector<domain::ReviewUnitRole>& roles) {
  domain::Target t;
  t.account_id = a.id;
  t.unit_id = a.unit_id;
  t.kind = domain::parse_account_kind(a.kind).value_or(domain::AccountKind::kAdmin);
  t.review_unit_id = domain::review_unit_of(a.route, roles);
  return t;
}

}  // namespace business
