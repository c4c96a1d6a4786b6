// An oidc-provider adapter that keeps every model (sessions, grants, interactions, authorization
// codes, access tokens) in MariaDB, for the durable peer of bench/oidc/run.sh: the same job the
// portal does, whose codes and tokens are rows committed with innodb_flush_log_at_trx_commit=1.
//
// One table, one row per (model, id); the payload is oidc-provider's JSON as it hands it over.
// Every call is one statement in autocommit, so each write is a durable commit, as the portal's
// are. The lookups oidc-provider needs besides the id (grant, uid, user code) have their own
// indexed columns. Statements are prepared once per connection (the connector's cache), as the
// portal's are. Expired rows are never returned; a consumed row comes back with `consumed` set,
// which is how oidc-provider detects a code redeemed twice.
import mariadb from 'mariadb';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS oidc_model (
  model       VARCHAR(40)  NOT NULL,
  id          VARCHAR(255) NOT NULL,
  payload     LONGTEXT     NOT NULL,
  grant_id    VARCHAR(255) NULL,
  uid         VARCHAR(255) NULL,
  user_code   VARCHAR(255) NULL,
  expires_at  DATETIME(3)  NULL,
  consumed_at DATETIME(3)  NULL,
  PRIMARY KEY (model, id),
  KEY by_grant (grant_id),
  KEY by_uid (model, uid),
  KEY by_user_code (model, user_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;

let pool = null;

// connection: { socketPath, user, password, database }; connectionLimit as the provider's
// concurrency needs (it is one process: a few connections keep it busy).
export async function openPool(connection, connectionLimit = 8) {
  pool = mariadb.createPool({ ...connection, connectionLimit, acquireTimeout: 10_000 });
  await pool.query(SCHEMA);
  return pool;
}

export async function closePool() {
  if (pool) await pool.end();
  pool = null;
}

function payloadOf(row) {
  if (!row) return undefined;
  const payload = JSON.parse(row.payload);
  if (row.consumed !== null) payload.consumed = Number(row.consumed);
  return payload;
}

// Times are the database's (as the portal's are): a row lives while NOW(3) is before expires_at.
const FOUND = 'SELECT payload, FLOOR(UNIX_TIMESTAMP(consumed_at)) AS consumed FROM oidc_model';
const LIVE = '(expires_at IS NULL OR expires_at > NOW(3))';

export default class MariaDbAdapter {
  constructor(model) {
    this.model = model;
  }

  async upsert(id, payload, expiresIn) {
    await pool.execute(
      `INSERT INTO oidc_model (model, id, payload, grant_id, uid, user_code, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, NOW(3) + INTERVAL ? SECOND)
       ON DUPLICATE KEY UPDATE payload = VALUES(payload), grant_id = VALUES(grant_id),
         uid = VALUES(uid), user_code = VALUES(user_code), expires_at = VALUES(expires_at)`,
      [this.model, id, JSON.stringify(payload), payload.grantId ?? null, payload.uid ?? null,
        payload.userCode ?? null, expiresIn || null],
    );
  }

  // column: id, uid or user_code (each indexed with the model).
  async findBy(column, value) {
    const rows = await pool.execute(`${FOUND} WHERE model = ? AND ${column} = ? AND ${LIVE}`,
      [this.model, value]);
    return payloadOf(rows[0]);
  }

  find(id) { return this.findBy('id', id); }

  findByUid(uid) { return this.findBy('uid', uid); }

  findByUserCode(userCode) { return this.findBy('user_code', userCode); }

  async consume(id) {
    await pool.execute('UPDATE oidc_model SET consumed_at = NOW(3) WHERE model = ? AND id = ?',
      [this.model, id]);
  }

  async destroy(id) {
    await pool.execute('DELETE FROM oidc_model WHERE model = ? AND id = ?', [this.model, id]);
  }

  async revokeByGrantId(grantId) {
    await pool.execute('DELETE FROM oidc_model WHERE grant_id = ?', [grantId]);
  }
}
