#include "accounts/pii_migrate.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "accounts/accounts_sql.h"
#include "core/config.h"
#include "core/db.h"
#include "core/pii.h"
#include "domain/national_id.h"

namespace accounts {

namespace {
constexpr long kBatch = 500;  // rows per transaction: short locks on a large table
}  // namespace

int pii_migrate_command(int argc, char** argv) {
  if (argc != 2 || std::strcmp(argv[0], "--config") != 0) {
    std::fputs("usage: portal-tool pii-migrate --config FILE\n", stderr);
    return 2;
  }
  const core::Config config = core::load_config(argv[1]);
  core::pii::install(config.pii);
  db::Connection db(config.database);
  long sealed = 0;
  for (;;) {
    db::Transaction tx(db);
    const auto rows = sql::lock_plain_national_ids(db, kBatch);
    if (rows.empty()) break;
    for (const auto& [id, plain] : rows) {
      // Lookups key the normalised number (upper-case), as login and sign-up do.
      const std::string nid = domain::normalize_national_id(plain);
      if (!domain::is_valid_national_id(nid)) {
        std::fprintf(stderr, "portal-tool: teacher %lld has no valid 身分證字號; nothing of this batch sealed\n",
                     static_cast<long long>(id));
        return 1;
      }
      sql::seal_national_id(db, id, core::pii::lookup_key(nid), core::pii::encrypt(nid));
    }
    tx.commit();
    sealed += static_cast<long>(rows.size());
  }
  std::printf("sealed %ld 身分證字號\n", sealed);
  return 0;
}

}  // namespace accounts
