// The request pipeline (STYLE §2, steps 3–6): generic checks live here so no handler forgets them.
#include "app/dispatch.h"

#include <chrono>

#include "shared/access.h"
#include "app/layout.h"
#include "app/routes.h"
#include "core/log.h"
#include "core/view.h"

namespace app {

namespace {

core::Response refuse_unreadable(core::Context& cx) {
  switch (cx.req().error) {
    case core::ParseError::kTooLarge:
      return cx.error(413, "資料太大", "送出的資料超過系統允許的大小，請縮減後再試。", "too_large");
    case core::ParseError::kTooManyFields:
      return cx.error(413, "欄位太多", "送出的欄位數量超過系統允許的上限。", "too_many_fields");
    case core::ParseError::kBadEncoding:
      return cx.error(400, "文字編碼錯誤", "送出的文字不是有效的 UTF-8 編碼，請確認輸入內容後再試。",
                      "bad_encoding");
    default:
      return cx.error(400, "無法讀取的請求", "送出的資料格式有誤，請重新整理頁面後再試。",
                      "malformed");
  }
}

core::Response send_to_login(core::Context& cx) {
  if (cx.wants_json()) return cx.error(401, "請先登入", "需要登入", "unauthorized");
  std::string next = cx.req().path;
  if (!cx.req().query_string.empty()) next += "?" + cx.req().query_string;
  return cx.see_other(url_for("login.form") + "?next=" + core::url_encode(next));
}

// Session, role and CSRF, then the handler. Partner routes authenticate the partner themselves
// (client secret or Bearer token): no cookie, no CSRF.
core::Response run_route(core::Context& cx, const core::Route& route) {
  if (route.who == core::Who::kPartnerApi) return route.handler(cx);
  shared::access::load_session(cx);
  if (!core::user_may(cx.user(), route.who)) {
    if (!cx.user().signed_in()) return send_to_login(cx);
    return cx.forbidden();
  }
  if (cx.req().is_post() && !cx.csrf_ok()) {
    return cx.forbidden("表單已過期或來源不明，請重新整理頁面後再送出一次。");
  }
  return route.handler(cx);
}

core::Response unavailable(core::Context& cx) {
  core::Response r = cx.error(503, "系統暫時無法服務",
                              "資料庫暫時無法連線，請稍候幾秒再試一次。您的資料沒有遺失。",
                              "unavailable");
  r.header("Retry-After", "2");
  return r;
}

core::Response route_and_run(core::Context& cx) {
  const core::RouteMatch match = core::match_route(routes(), cx.req().method, cx.req().path);
  if (match.route) cx.set_route(match.route, match.params);
  if (match.same_path) cx.answer_as(match.same_path->format);
  const bool reads_own_body = match.route && match.route->body == core::Body::kOwn;
  if (cx.req().error != core::ParseError::kNone && !reads_own_body) return refuse_unreadable(cx);
  if (!match.route) {
    if (match.allowed.empty()) return cx.not_found();
    core::Response r = cx.error(405, "不支援的操作", "這個網址不接受這種請求方式。", "method_not_allowed");
    std::string allow;
    for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
    r.header("Allow", allow);
    return r;
  }
  const bool is_read = cx.req().method == "GET" || cx.req().method == "HEAD";
  cx.db().begin_request();
  try {
    return run_route(cx, *match.route);
  } catch (const db::Unavailable& e) {
    core::log_error(cx.req().request_id, std::string("database unavailable: ") + e.what());
    if (!is_read && cx.db().statements_completed() > 0) return unavailable(cx);
  }
  // Run once more on a fresh connection (the server may have restarted under an idle one):
  // reads always, writes only when nothing reached the old connection.
  cx.reset_attempt();
  try {
    return run_route(cx, *match.route);
  } catch (const db::Unavailable& e) {
    core::log_error(cx.req().request_id, std::string("database unavailable: ") + e.what());
    return unavailable(cx);
  }
}

}  // namespace

void init() { core::set_layout_filler(fill_layout); }

core::Response dispatch(core::Context& cx) {
  const auto started = std::chrono::steady_clock::now();
  core::Response response;
  try {
    response = route_and_run(cx);
  } catch (const db::Busy& e) {
    core::log_error(cx.req().request_id, std::string("busy: ") + e.what());
    response = cx.error(503, "系統忙碌中", "目前使用人數眾多，請稍候再試一次。", "busy_retry");
    response.header("Retry-After", "1");
  } catch (const std::exception& e) {
    core::log_error(cx.req().request_id, e.what());
    try {
      response = cx.error(500, "系統發生錯誤",
                          "很抱歉，系統發生錯誤。請稍後再試；如問題持續，請提供下方的請求編號給客服。",
                          "internal_error");
    } catch (const std::exception&) {
      response = core::Response::html(500, "<!doctype html><title>500</title><p>系統發生錯誤</p>");
    }
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  const std::string user = shared::access::actor_of(cx.user());
  core::log_request({cx.req().request_id, cx.req().method, cx.route() ? cx.route()->name : "-",
                     user, response.status, ms});
  return response;
}

}  // namespace app
