#include "subscriptions/digest.h"

#include <unordered_set>

#include "app/routes.h"
#include "mail/mail.h"
#include "shared/labels.h"
#include "site/course_finder.h"
#include "site/search_form.h"
#include "site/site_sql.h"
#include "subscriptions/subscription_handlers.h"
#include "subscriptions/subscription_sql.h"

namespace subscriptions {

namespace {

constexpr int kTeachersPerPass = 200;  // the next pass takes the rest
constexpr int kMatchesPerSearch = 200;
constexpr size_t kCoursesPerMail = 50;

struct Section {
  std::string words, unsubscribe_url;
  std::vector<site::sql::CourseSummary> courses;
};

std::string course_lines(const site::sql::CourseSummary& c, const std::string& base) {
  return "・" + c.code + " " + c.title + "（" + c.unit_name + "，" + c.county_name + "）" +
         shared::roc_date(c.first_date) + (c.last_date != c.first_date ? "–" + shared::roc_date(c.last_date) : "") +
         "，" + shared::hours_label(c.hours, c.credits) + "\n  " + base + app::url_for("course.show", {c.code}) + "\n";
}

std::string body_of(const std::string& name, const std::vector<Section>& sections, size_t total,
                    const std::string& base, const std::string& all_url) {
  std::string body = name + " 您好：\n\n您訂閱的研習資訊有 " + std::to_string(total) + " 門新核准的研習：\n";
  for (const Section& s : sections) {
    body += "\n【" + s.words + "】\n";
    for (const auto& c : s.courses) body += course_lines(c, base);
    body += "  取消這個訂閱（不需登入）：" + s.unsubscribe_url + "\n";
  }
  body += "\n管理訂閱（需登入）：" + base + app::url_for("teacher.subscriptions") +
          "\n取消所有訂閱（不需登入）：" + all_url +
          "\n\n全國教師在職進修資訊網 敬上（本信由系統自動寄出，請勿直接回覆）\n";
  return body;
}

// One teacher's digest, in its own transaction; true when a mail was queued.
bool digest_of(db::Connection& db, const core::Config& config, int64_t teacher_id) {
  db::Transaction tx(db);
  if (!sql::claim_today(db, teacher_id)) return false;
  const auto to = sql::recipient(db, teacher_id);
  std::vector<Section> sections;
  std::unordered_set<uint32_t> listed;
  size_t total = 0;
  site::CourseFinder& finder = site::course_finder(config);
  for (const auto& s : to ? sql::of_teacher(db, teacher_id) : std::vector<sql::Subscription>{}) {
    if (total >= kCoursesPerMail) break;
    const site::SearchForm form = parsed_search(s.search, kMatchesPerSearch);
    const auto found = finder.find(db, form.filters);
    std::vector<uint32_t> fresh;
    for (uint32_t id : sql::unsent_approved_since(db, teacher_id, found.course_ids, s.created_at)) {
      if (total + fresh.size() >= kCoursesPerMail) break;
      if (listed.insert(id).second) fresh.push_back(id);
    }
    if (fresh.empty()) continue;
    Section section{describe(db, form), config.base_url + app::url_for("unsubscribe", {unsubscribe_token(config, teacher_id, s.id)}),
                    site::sql::course_summaries(db, fresh)};
    total += section.courses.size();
    sql::record_sent(db, teacher_id, fresh);
    sections.push_back(std::move(section));
  }
  if (total > 0) {
    mail::enqueue(db, {to->email, "【研習資訊訂閱】" + std::to_string(total) + " 門新核准的研習",
                       body_of(to->name, sections, total, config.base_url,
                               config.base_url + app::url_for("unsubscribe", {unsubscribe_token(config, teacher_id, 0)}))});
  }
  tx.commit();
  return total > 0;
}

bool digest_hour_reached(db::Connection& db, const core::Config& config) {
  return db.query_one("SELECT HOUR(NOW()) >= ?", config.digest_hour)->i64(0) != 0;
}

}  // namespace

int send_digests(db::Connection& db, const core::Config& config) {
  if (!digest_hour_reached(db, config)) return 0;
  int sent = 0;
  for (const int64_t teacher_id : sql::teachers_due(db, kTeachersPerPass)) {
    try {
      if (digest_of(db, config, teacher_id)) ++sent;
    } catch (const db::Busy&) {
      // Another scheduler holds this teacher's day: its digest stands; nothing was sent here.
    }
  }
  return sent;
}

}  // namespace subscriptions
