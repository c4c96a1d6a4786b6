// `portal-tool pii-migrate --config FILE` (SECURITY-CATALOGUE §4.5 P3): seals every 身分證字號 still
// held in the clear in teacher.national_id (rows from before migration 0033, sql/demo.sql's and
// other bulk loads) into national_id_enc and national_id_hmac with the configured keys, and sets
// national_id to NULL. Only such rows are touched, so a second run changes nothing. nginx/portalctl
// runs it after the migrations and the demo data on every start.
#pragma once

namespace accounts {

// 0 when every row is sealed (prints how many this run sealed), 1 on a row that is no valid
// number (nothing of its batch is written), 2 on bad arguments.
int pii_migrate_command(int argc, char** argv);

}  // namespace accounts
