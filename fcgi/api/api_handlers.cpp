// 資訊傳報: an approved partner, with a client-credentials token, reports a course it ran and the
// hours of its attendees. Each row is validated on its own; accepted rows become study records
// with the partner as source. A partner may report only teachers it knows (its own pairwise
// subjects, or 身分證字號 of teachers who roamed to it): never anyone else (no confused deputy).
#include "api/api_handlers.h"

#include <json/reader.h>

#include <memory>
#include <set>
#include <variant>

#include "api/api_sql.h"
#include "core/json.h"
#include "core/log.h"
#include "core/security.h"
#include "domain/roc_date.h"
#include "domain/roster_rows.h"
#include "domain/study_hours.h"
#include "domain/validation.h"
#include "records/record_writer.h"
#include "shared/access.h"
#include "sso/sso_sql.h"

namespace api {

namespace {

constexpr int64_t kRequestsPerMinute = 120;
constexpr size_t kMaxRows = 2000;

core::Response api_error(core::Context& cx, int status, const std::string& code, const std::string& message,
                         const Json::Value& fields = Json::Value(Json::objectValue)) {
  Json::Value body;
  body["error"]["code"] = code;
  body["error"]["message"] = message;
  if (!fields.empty()) body["error"]["fields"] = fields;
  body["error"]["request_id"] = cx.req().request_id;
  core::Response r = cx.json(body, status);
  r.header("Cache-Control", "no-store");
  return r;
}

struct Partner {
  int64_t id = 0;
};

// The Bearer token of a reporting partner, or the answer that refuses the request.
std::variant<Partner, core::Response> authenticate(core::Context& cx) {
  const std::string& header = cx.req().authorization;
  if (header.rfind("Bearer ", 0) != 0 || header.size() <= 7) {
    core::Response r = api_error(cx, 401, "unauthorized", "需要以 client credentials 取得的 Bearer 權杖。");
    r.header("WWW-Authenticate", "Bearer");
    return r;
  }
  const auto token = sso::sql::find_live_token(cx.db(), core::sha256_hex(header.substr(7)));
  if (!token) {
    core::Response r = api_error(cx, 401, "invalid_token", "權杖無效、已過期或已撤銷。");
    r.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    return r;
  }
  if (token->teacher_id || token->scope != "report") {
    return api_error(cx, 403, "insufficient_scope", "此權杖不能用於資訊傳報，請以 client credentials 取得。");
  }
  return Partner{token->partner_id};
}

bool is_reference(const std::string& s) {
  if (s.empty() || s.size() > 100) return false;
  for (char c : s) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// Integers only: 3, not 3.5 nor "3".
std::optional<int> whole_number(const Json::Value& v) {
  if (!v.isInt() || (v.isDouble() && v.asDouble() != static_cast<double>(v.asInt()))) return std::nullopt;
  return v.asInt();
}

struct Course {
  std::string name, start, end;
  int hours = 0;
};

// Course fields checked before any row; messages keyed by field for the 422 answer.
Json::Value check_course(const Json::Value& c, Course& out, const std::string& today) {
  Json::Value fields(Json::objectValue);
  if (!c.isObject()) {
    fields["course"] = "必須是物件";
    return fields;
  }
  for (const auto& name : c.getMemberNames()) {
    if (name != "name" && name != "start_date" && name != "end_date" && name != "hours" &&
        name != "category" && name != "tags") {
      fields["course." + name] = "不認得的欄位";
    }
  }
  out.name = c["name"].isString() ? domain::trim(c["name"].asString()) : "";
  if (out.name.empty() || domain::utf8_length(out.name) > 200) fields["course.name"] = "研習名稱必填，200 字以內";
  const auto start = c["start_date"].isString() ? domain::parse_iso_date(c["start_date"].asString()) : std::nullopt;
  const auto end = c["end_date"].isString() ? domain::parse_iso_date(c["end_date"].asString()) : std::nullopt;
  const auto now = domain::parse_iso_date(today);
  if (!start) fields["course.start_date"] = "日期格式為 YYYY-MM-DD";
  if (!end) fields["course.end_date"] = "日期格式為 YYYY-MM-DD";
  if (start && end && *end < *start) fields["course.end_date"] = "結束日期早於開始日期";
  if (end && now && *now < *end) fields["course.end_date"] = "不能傳報尚未結束的研習";
  if (start && now && domain::days_from_civil(*now) - domain::days_from_civil(*start) > 400) {
    fields["course.start_date"] = "只接受一年內結束的研習";
  }
  const auto hours = whole_number(c["hours"]);
  if (!hours || *hours < 1) {
    fields["course.hours"] = "時數為正整數";
  } else if (start && end && *end >= *start) {
    const long days = domain::days_from_civil(*end) - domain::days_from_civil(*start) + 1;
    if (*hours > domain::kMaxHoursPerDay * days) {
      fields["course.hours"] = "時數超過第10條每日 " + std::to_string(domain::kMaxHoursPerDay) + " 小時的上限";
    }
  }
  if (!c["category"].isNull() && (!c["category"].isString() || c["category"].asString().size() > 120)) {
    fields["course.category"] = "類別為 40 字以內的文字";
  }
  if (!c["tags"].isNull()) {
    bool strings = c["tags"].isArray() && c["tags"].size() <= 20;
    for (const auto& tag : c["tags"]) strings &= tag.isString() && tag.asString().size() <= 120;
    if (!strings) fields["course.tags"] = "標籤為 20 個以內的文字陣列";
  }
  if (fields.empty()) {
    out.start = domain::to_iso(*start);
    out.end = domain::to_iso(*end);
    out.hours = *hours;
  }
  return fields;
}

// jsoncpp skips comments between object members even in strict mode; JSON has no '/' outside
// strings (RFC 8259), so one there means a comment.
bool has_slash_outside_strings(std::string_view text) {
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '/') {
      return true;
    }
  }
  return false;
}

Json::Value refusal(Json::ArrayIndex row, const char* reason, const std::string& message) {
  Json::Value r;
  r["row"] = row;
  r["reason"] = reason;
  r["message"] = message;
  return r;
}

}  // namespace

core::Response push_report(core::Context& cx) {
  auto who = authenticate(cx);
  if (auto* refused = std::get_if<core::Response>(&who)) return std::move(*refused);
  const int64_t partner_id = std::get<Partner>(who).id;

  if (sql::count_request(cx.db(), partner_id) > kRequestsPerMinute) {
    core::Response r = api_error(cx, 429, "rate_limited", "傳報次數超過每分鐘上限，請稍後再送。");
    r.header("Retry-After", std::to_string(sql::seconds_to_next_minute(cx.db())));
    return r;
  }
  if (cx.req().content_type.rfind("application/json", 0) != 0) {
    return api_error(cx, 415, "unsupported_media_type", "請以 Content-Type: application/json 傳送。");
  }
  if (cx.req().error == core::ParseError::kTooLarge) {
    return api_error(cx, 413, "too_large", "傳報內容超過 1 MB，請分批傳送。");
  }
  const std::string& raw = cx.req().body;
  Json::Value body;
  {
    Json::CharReaderBuilder builder;
    Json::CharReaderBuilder::strictMode(&builder.settings_);
    builder["stackLimit"] = 20;
    std::string errors;
    std::unique_ptr<Json::CharReader> reader(builder.newCharReader());
    bool parsed = false;
    try {
      parsed = !raw.empty() && domain::is_valid_utf8(raw) && !has_slash_outside_strings(raw) &&
               reader->parse(raw.data(), raw.data() + raw.size(), &body, &errors);
    } catch (const std::exception&) {
      parsed = false;  // jsoncpp throws past stackLimit (deep nesting)
    }
    if (!parsed || !body.isObject()) {
      return api_error(cx, 422, "invalid_json", "內容不是有效的 UTF-8 JSON 物件。");
    }
  }
  const std::string reference = body["reference"].isString() ? body["reference"].asString() : "";
  if (!is_reference(reference)) {
    Json::Value fields;
    fields["reference"] = "必填；1–100 個英數字、- _ .";
    return api_error(cx, 422, "invalid_report", "傳報資料有誤。", fields);
  }
  const std::string request_hash = core::sha256_hex(raw);
  // A re-send gets the first answer and changes nothing.
  if (const auto stored = sql::find_report(cx.db(), partner_id, reference)) {
    if (stored->request_sha256 != request_hash) {
      return api_error(cx, 409, "reference_reused", "此 reference 已用於內容不同的傳報；新的傳報請使用新的 reference。");
    }
    core::Response r = core::Response::json(stored->status, Json::Value());
    r.body = stored->response;
    r.header("Idempotent-Replay", "true");
    return r;
  }

  const std::string today = cx.today();
  Course course;
  Json::Value fields = check_course(body["course"], course, today);
  const Json::Value& attendees = body["attendees"];
  if (!attendees.isArray() || attendees.empty() || attendees.size() > kMaxRows) {
    fields["attendees"] = "必須是 1 到 2000 筆的陣列";
  }
  for (const auto& name : body.getMemberNames()) {
    if (name != "reference" && name != "course" && name != "attendees") fields[name] = "不認得的欄位";
  }
  if (!fields.empty()) return api_error(cx, 422, "invalid_report", "傳報資料有誤，沒有寫入任何紀錄。", fields);

  Json::Value accepted(Json::arrayValue), refused(Json::arrayValue);
  bool foreign_subject = false;
  std::set<int64_t> seen;
  db::Transaction tx(cx.db());
  // Claim the reference first: a concurrent re-send waits on this row and then replays the
  // answer, instead of meeting half-written records.
  if (!sql::store_report(cx.db(), partner_id, reference, request_hash, 0, "")) {
    tx.commit();
    const auto stored = sql::find_report(cx.db(), partner_id, reference);
    if (stored && stored->request_sha256 == request_hash && stored->status != 0) {
      core::Response r = core::Response::json(stored->status, Json::Value());
      r.body = stored->response;
      r.header("Idempotent-Replay", "true");
      return r;
    }
    return api_error(cx, 409, stored && stored->request_sha256 != request_hash ? "reference_reused" : "reference_in_progress",
                     "此 reference 已用於另一筆傳報，或正由另一個請求處理；請稍後重送或改用新的 reference。");
  }
  for (Json::ArrayIndex i = 0; i < attendees.size(); ++i) {
    const Json::Value& row = attendees[i];
    if (!row.isObject()) {
      refused.append(refusal(i, "invalid_row", "每一筆必須是物件"));
      continue;
    }
    std::string unknown;
    for (const auto& name : row.getMemberNames()) {
      if (name != "national_id" && name != "sub" && name != "hours") unknown = name;
    }
    if (!unknown.empty()) {
      refused.append(refusal(i, "invalid_row", "不認得的欄位：" + unknown.substr(0, 40)));
      continue;
    }
    // The row check of rosters, with the API's rule: 1..course hours, too many is invalid_hours.
    const auto hours = whole_number(row["hours"]);
    if (const auto bad = domain::check_hours(hours, domain::report_hours_rule(course.hours))) {
      refused.append(refusal(i, bad->code.c_str(), bad->message));
      continue;
    }
    const bool by_id = row["national_id"].isString();
    const bool by_sub = row["sub"].isString();
    if (by_id == by_sub) {
      refused.append(refusal(i, "invalid_row", "national_id 與 sub 須擇一提供"));
      continue;
    }
    std::optional<int64_t> teacher;
    if (by_id) {
      const std::string id = row["national_id"].asString();
      // As given: a partner's system sends IDs exactly, so lowercase or spaces are refused.
      if (const auto bad = domain::check_national_id(id)) {
        refused.append(refusal(i, bad->code.c_str(), bad->message));
        continue;
      }
      const auto person = sql::find_teacher_by_national_id(cx.db(), partner_id, id);
      if (!person || !person->known_to_partner) {
        // Unknown teachers and teachers who never roamed to this partner get the same answer.
        refused.append(refusal(i, domain::kUnknownTeacher, "查無此教師，或此教師未曾授權貴網站"));
        continue;
      }
      teacher = person->teacher_id;
    } else {
      const std::string sub = row["sub"].asString();
      teacher = sql::teacher_of_own_subject(cx.db(), partner_id, sub);
      if (!teacher) {
        const bool foreign = sql::subject_of_another_partner(cx.db(), partner_id, sub);
        foreign_subject |= foreign;
        refused.append(foreign ? refusal(i, "forbidden_subject", "此 sub 不是貴網站取得的識別碼")
                               : refusal(i, "unknown_subject", "查無此 sub"));
        continue;
      }
    }
    if (!seen.insert(*teacher).second) {
      refused.append(refusal(i, domain::kDuplicateRow, "同一位教師在本次傳報重複出現"));
      continue;
    }
    records::NewRecord record;
    record.teacher_id = *teacher;
    record.source = "partner";
    record.partner_id = partner_id;
    record.external_ref = reference;
    record.title = course.name;
    record.hours = *hours;
    record.completed_on = course.end;
    if (!records::issue(cx.db(), record)) {
      refused.append(refusal(i, "duplicate_record", "此教師已有本次傳報的研習紀錄"));
      continue;
    }
    Json::Value ok;
    ok["row"] = i;
    ok["hours"] = *hours;
    accepted.append(ok);
  }

  Json::Value answer;
  answer["reference"] = reference;
  answer["accepted"] = accepted;
  answer["refused"] = refused;
  if (accepted.empty()) {
    // Rolled back, reference included: the partner may fix the rows and send it again.
    Json::Value fields_by_row(Json::objectValue);
    for (const auto& r : refused) fields_by_row[std::to_string(r["row"].asUInt())] = r["message"];
    core::Response r = api_error(cx, foreign_subject ? 403 : 422,
                                 foreign_subject ? "forbidden_subject" : "no_rows_accepted",
                                 "沒有任何一筆被接受。", fields_by_row);
    return r;
  }
  const std::string response = core::json::compact(answer);
  sql::complete_report(cx.db(), partner_id, reference, 200, response);
  shared::access::audit_as(cx, "p:" + std::to_string(partner_id), "api.report", reference,
                        std::to_string(accepted.size()) + " accepted, " +
                            std::to_string(refused.size()) + " refused");
  tx.commit();
  core::Response r = cx.json(answer);
  r.body = response;
  return r;
}

}  // namespace api
