// 研習資訊訂閱 (issue 11, 第5條): a teacher saves searches (keywords, county, level, tag, 只看開放報名)
// on /teacher/subscriptions or with 「訂閱此搜尋」 on the search page, and receives one e-mail a day
// listing the newly approved courses that match (subscriptions/digest.h); every mail carries
// signed links that unsubscribe without logging in.
#pragma once

#include <cstdint>
#include <string>

#include "core/context.h"
#include "site/search_form.h"

namespace subscriptions {

core::Response list(core::Context& cx);          // GET /teacher/subscriptions
core::Response subscribe(core::Context& cx);     // POST /teacher/subscriptions
core::Response unsubscribe(core::Context& cx);   // POST /teacher/subscriptions/{id}/delete
core::Response unsubscribe_form(core::Context& cx);    // GET /unsubscribe/{token}
core::Response unsubscribe_signed(core::Context& cx);  // POST /unsubscribe/{token}

// A saved search (its stored query string) read as the search page reads its parameters.
site::SearchForm parsed_search(const std::string& search, int page_size);

// A saved search in words: 「關鍵字「閱讀」、桃園市、國中、只看開放報名」.
std::string describe(db::Connection& db, const site::SearchForm& form);

// The token of the mailed link that removes one subscription (or, with 0, every one) of the
// teacher: "<teacher>.<subscription>.<HMAC>", keyed with the portal's secret.
std::string unsubscribe_token(const core::Config& config, int64_t teacher_id, int64_t subscription_id);

}  // namespace subscriptions
