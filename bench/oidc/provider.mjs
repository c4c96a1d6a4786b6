// oidc-provider configured like the portal's OpenID provider, for bench/oidc/run.sh.
//
//   NODE_ENV=production node bench/oidc/provider.mjs [--port 3099]
//       [--store memory | --store mariadb --db-socket PATH --db-name NAME --db-user USER
//        --db-password-file FILE]
//
// One client (dream-n, client_secret_basic, redirect_uri http://127.0.0.1:8091/callback), code
// flow only, PKCE required with S256 only, id_tokens signed RS256 with a 2048-bit key made at
// start, pairwise subjects (SHA-256 of sector, account and a salt), codes live 60 s, access tokens
// and id_tokens 600 s, scopes openid / profile (name) / school (school_code, school_name) with the
// claims in the id_token as the portal puts them there (conformIdTokenClaims off). Everything is
// kept in oidc-provider's default in-memory adapter (its LRU enlarged, see below), or with
// --store mariadb in MariaDB through mariadb_adapter.mjs (durable commits, the portal's job); one
// process, no proxy, plain http on 127.0.0.1.
//
// Interactions (login, consent) complete by themselves on GET /interaction/:uid: the first request
// logs the fixed teacher in and the second grants the requested scopes and claims, as the teacher
// filling in the portal's login and consent forms would. After that the session cookie (_session)
// and the grant it points at let every /auth come straight back with a code, which is the
// "returning teacher" of the benchmark: the default loadExistingGrant finds the grant through the
// session, and the default policy asks for nothing more.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

import Provider from 'oidc-provider';
import { setStorage } from 'oidc-provider/lib/adapters/memory_adapter.js';
import QuickLRU from 'quick-lru';

import MariaDbAdapter, { openPool } from './mariadb_adapter.mjs';

const args = process.argv.slice(2);
const argValue = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const PORT = Number(argValue('--port', process.env.OIDC_BENCH_PORT || '3099'));
const STORE = argValue('--store', 'memory');
if (!['memory', 'mariadb'].includes(STORE)) throw new Error('--store memory|mariadb');
const HOST = '127.0.0.1';
const ISSUER = `http://${HOST}:${PORT}`;

// The demo teacher A123456789 as the portal releases it (sql/demo.sql: unit 4).
const ACCOUNT_ID = 'teacher-1';
const ACCOUNT_CLAIMS = {
  name: '王小明',
  school_code: '034525',
  school_name: '桃園市立內壢國民中學',
};

// oidc-provider's own in-memory adapter (the default `adapter`), with its store enlarged: the
// default LRU holds 1,000 entries (codes, tokens, sessions and grants together), so a few hundred
// codes issued ahead of the measured phase would evict each other. Same code path, more room.
setStorage(new QuickLRU({ maxSize: 100_000 }));

if (STORE === 'mariadb') {
  await openPool({
    socketPath: argValue('--db-socket'),
    database: argValue('--db-name'),
    user: argValue('--db-user'),
    password: fs.readFileSync(argValue('--db-password-file'), 'utf8').trim(),
  });
}

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  kid: crypto.randomBytes(8).toString('hex'),
  alg: 'RS256',
  use: 'sig',
};
const pairwiseSalt = crypto.randomBytes(32);

const configuration = {
  ...(STORE === 'mariadb' ? { adapter: MariaDbAdapter } : {}),
  clients: [{
    client_id: 'dream-n',
    client_secret: 'dream-n-secret',
    redirect_uris: ['http://127.0.0.1:8091/callback'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'RS256',
    subject_type: 'pairwise',
    scope: 'openid profile school',
  }],
  jwks: { keys: [signingKey] },
  enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
  responseTypes: ['code'],
  pkce: { methods: ['S256'], required: () => true },
  subjectTypes: ['pairwise'],
  async pairwiseIdentifier(ctx, accountId, client) {
    return crypto.createHash('sha256')
      .update(client.sectorIdentifier).update('\0')
      .update(accountId).update('\0')
      .update(pairwiseSalt)
      .digest('base64url');
  },
  scopes: ['openid'],
  claims: {
    openid: ['sub'],
    profile: ['name'],
    school: ['school_code', 'school_name'],
  },
  // The portal puts the released claims in the id_token too.
  conformIdTokenClaims: false,
  async findAccount(ctx, id) {
    if (id !== ACCOUNT_ID) return undefined;
    return {
      accountId: id,
      async claims() { return { sub: id, ...ACCOUNT_CLAIMS }; },
    };
  },
  ttl: {
    AuthorizationCode: 60,
    AccessToken: 600,
    IdToken: 600,
    Interaction: 600,
    Session: 14 * 24 * 3600,
    Grant: 14 * 24 * 3600,
  },
  cookies: {
    keys: [crypto.randomBytes(32).toString('base64url')],
    long: { signed: true, httpOnly: true, sameSite: 'lax' },
    short: { signed: true, httpOnly: true, sameSite: 'lax' },
  },
  features: {
    devInteractions: { enabled: false },
    userinfo: { enabled: true },
    revocation: { enabled: false },
    introspection: { enabled: false },
  },
  clientBasedCORS: () => false,
  // The portal never sends a partner back before the teacher logged in; nothing else differs.
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
};

const provider = new Provider(ISSUER, configuration);
provider.proxy = false;

let failures = 0;
provider.on('server_error', (ctx, err) => {
  failures += 1;
  if (failures <= 5) console.error('[provider] server_error', err);
});

// The teacher's part of the interactions: log in as the fixed account, then consent to what the
// client asked for. Happens once per benchmark (setup), never in a measured phase.
async function interaction(req, res) {
  try {
    const details = await provider.interactionDetails(req, res);
    const { prompt, params, session } = details;
    if (prompt.name === 'login') {
      await provider.interactionFinished(req, res, { login: { accountId: ACCOUNT_ID } },
        { mergeWithLastSubmission: false });
      return;
    }
    if (prompt.name === 'consent') {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
      if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
      if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } },
        { mergeWithLastSubmission: true });
      return;
    }
    res.statusCode = 400;
    res.end(`unexpected prompt ${prompt.name}`);
  } catch (err) {
    console.error('[provider] interaction failed', err);
    res.statusCode = 500;
    res.end('interaction failed');
  }
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res);
  } else {
    callback(req, res);
  }
});
server.keepAliveTimeout = 30_000;  // as nginx's keepalive_timeout in front of the portal
server.headersTimeout = 35_000;
server.listen(PORT, HOST, () => {
  console.error(`[provider] oidc-provider listening at ${ISSUER}, store ${STORE} (pid ${process.pid}, node ${process.version})`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
