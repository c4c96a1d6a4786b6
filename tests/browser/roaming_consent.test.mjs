// 帳號漫遊 (OpenID Connect) as a teacher and a partner site see it. Node plays the partner
// 夢的N次方 (client dream-n): it builds an authorization request with PKCE (S256), state and
// nonce; headless Chromium plays the teacher, who is sent to the portal's login page, logs in
// as A123456789, reads the consent page (which names 夢的N次方 and lists exactly 姓名、學校代碼、
// 學校名稱) and presses 同意並登入. The portal then redirects the browser to the partner's
// redirect_uri (http://127.0.0.1:8091/callback), where a small node server stands in for the
// partner and keeps the URL (code, state, iss). The partner redeems the code at /oidc/token
// (client_secret_basic + code_verifier), checks the id_token against the JWKS and reads
// /oidc/userinfo. The teacher opens /teacher → 合作網站授權紀錄, sees the grant and the disclosure
// table, and revokes it; the partner's access token is refused from then on (401 invalid_token).
// Also: 不同意 sends the teacher back with error=access_denied; a teacher who already agreed goes
// straight back to the partner after logging in; the records-only teacher F123456784 (離職) gets
// 無法使用帳號漫遊 (403) with a link back carrying error=access_denied; axe-core (WCAG 2.1 A/AA)
// on the consent page, the refusal page and /teacher/partners at 1280 and 390 px.
// Screenshots: $PORTAL_TEST_VAR/screenshots/roaming-*.png.
//
// The allow, deny and second-visit journeys run under the site's real Content-Security-Policy:
// Chromium applies form-action to every redirect that answers a form, so a policy that does not
// allow the partner's origin stops the teacher on the portal. Only the contexts that inject axe
// (and the one that sets up a grant for the second visit) bypass it.
import crypto from 'node:crypto';
import http from 'node:http';
import {
  AXE_TAGS, BASE_URL, DESKTOP, PHONE, assert, assertEqual, clickAndWait, describeViolations,
  flashText, horizontalOverflow, launch, login, newContext, pathOf, run, runAxe, screenshot, test,
  watch,
} from './lib.mjs';

const TEACHER = 'A123456789';        // 王小明, 在職
const RECORDS_ONLY = 'F123456784';   // 陳志強, 離職: may only look up study records (第5條)
const CLIENT_ID = 'dream-n';
const CLIENT_SECRET = 'dream-n-secret';
const SITE = '夢的N次方';
const REDIRECT_URI = 'http://127.0.0.1:8091/callback';
const PARTNER_HOST = '127.0.0.1';
const PARTNER_PORT = 8091;
const SCOPE = 'openid profile school';
const CLAIM_LABELS = ['姓名', '學校代碼', '學校名稱'];   // in the order the portal lists them
const CLAIM_KEYS = ['name', 'school_code', 'school_name'];
const REVOKE_BUTTON = `撤銷「${SITE}」的授權`;

// ---- The partner's side (node) ----

const b64url = (buf) => Buffer.from(buf).toString('base64url');

// A fresh authorization request: PKCE verifier (43 characters) and its S256 challenge, state, nonce.
function authorizationRequest() {
  const verifier = b64url(crypto.randomBytes(32));
  const challenge = b64url(crypto.createHash('sha256').update(verifier).digest());
  const state = b64url(crypto.randomBytes(16));
  const nonce = b64url(crypto.randomBytes(16));
  const query = [
    ['client_id', CLIENT_ID], ['redirect_uri', REDIRECT_URI], ['response_type', 'code'],
    ['scope', SCOPE], ['state', state], ['nonce', nonce], ['code_challenge', challenge],
    ['code_challenge_method', 'S256'],
  ].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return { verifier, challenge, state, nonce, url: `${BASE_URL}/oidc/authorize?${query}` };
}

// What came back to the partner's redirect_uri: the query as an object, checked for the parts
// every answer carries (state and iss, RFC 9207).
function callbackParams(url, request) {
  const u = new URL(url);
  assertEqual(`${u.origin}${u.pathname}`, REDIRECT_URI, 'the address the teacher was sent back to');
  const params = Object.fromEntries(u.searchParams);
  assertEqual(params.state, request.state, 'state on the callback');
  assertEqual(params.iss, BASE_URL, 'iss on the callback');
  return params;
}

async function redeem(code, verifier) {
  const basic = Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(CLIENT_SECRET)}`).toString('base64');
  const response = await fetch(`${BASE_URL}/oidc/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier,
    }).toString(),
  });
  return { response, body: await response.json().catch(() => null) };
}

async function userinfo(accessToken) {
  const response = await fetch(`${BASE_URL}/oidc/userinfo`, { headers: { Authorization: `Bearer ${accessToken}` } });
  return { response, body: await response.json().catch(() => null) };
}

// The id_token's claims after checking its RS256 signature against the portal's JWKS.
async function verifyIdToken(idToken) {
  const [head, payload, signature] = idToken.split('.');
  const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
  assertEqual(header.alg, 'RS256', 'id_token alg');
  const jwks = await (await fetch(`${BASE_URL}/oidc/jwks`)).json();
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  assert(jwk, `the id_token's kid ${header.kid} is in /oidc/jwks`);
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  assert(crypto.verify('RSA-SHA256', Buffer.from(`${head}.${payload}`), key, Buffer.from(signature, 'base64url')),
    'the id_token signature verifies against /oidc/jwks');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

// ---- The teacher's side (Chromium) ----

// The partner's address. Playwright's page.route() is not called for the target of a redirect
// (documented: "only called for the first url if the response is a redirect"), and the portal
// sends the teacher there by a 303, so a small server stands in for the partner on the
// registered redirect_uri's port. It answers every request with a short page and keeps the URLs.
const partnerSeen = [];
function startPartner() {
  const server = http.createServer((req, res) => {
    if (req.url !== '/favicon.ico') partnerSeen.push(`http://${PARTNER_HOST}:${PARTNER_PORT}${req.url}`);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>夢的N次方（測試）</title></head>' +
      '<body><main><h1>夢的N次方：已回到合作網站</h1></main></body></html>');
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`cannot stand in for the partner on ${PARTNER_HOST}:${PARTNER_PORT}: ${e.message}`)));
    server.listen(PARTNER_PORT, PARTNER_HOST, () => resolve(server));
  });
}

// Clicks something that should send the browser to the partner's callback; returns that URL.
async function clickToPartner(page, locator, problems) {
  const before = partnerSeen.length;
  try {
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(REDIRECT_URI), { timeout: 10_000, waitUntil: 'load' }),
      locator.click(),
    ]);
  } catch (e) {
    await page.waitForTimeout(500);  // let the console report why (a CSP refusal)
    throw new Error(`the browser did not reach ${REDIRECT_URI}; it is at ${page.url()}` +
      (problems.length ? `; problems: ${problems.join(' | ')}` : '') + `\n${e.message}`);
  }
  assertEqual(partnerSeen.length, before + 1, 'requests to the partner');
  return partnerSeen[partnerSeen.length - 1];
}

// The login form on the page the browser is on (the portal's /login?next=…), filled and sent.
async function submitLogin(page, account) {
  const form = page.locator('main form').filter({ has: page.locator('#account') });
  await form.locator('#account').fill(account);
  await form.locator('#password').fill('inservice-demo');
  return clickAndWait(page, form.locator('button[type=submit]'));
}

// Makes sure the signed-in teacher has no active grant to 夢的N次方 (so the consent page is shown),
// revoking it on /teacher/partners if there is one (an earlier run, another test).
async function revokeIfGranted(page) {
  await page.goto('/teacher/partners');
  const button = page.getByRole('button', { name: REVOKE_BUTTON });
  if (await button.count()) await clickAndWait(page, button);
  assertEqual(await page.getByRole('button', { name: REVOKE_BUTTON }).count(), 0,
    `no active grant to ${SITE} before asking`);
}

// The consent page, checked: the partner's name, exactly the three approved claims, no 職稱.
async function checkConsentPage(page, response) {
  assertEqual(pathOf(page), '/oidc/authorize', 'address of the consent page');
  assertEqual(response.status(), 200, 'status of the consent page');
  const cacheControl = response.headers()['cache-control'] || '';
  assert(cacheControl.split(/[\n,]/).some((d) => d.trim() === 'no-store'), `the consent page is no-store, got: ${cacheControl}`);
  const h1 = await page.locator('main h1').innerText();
  assert(h1.includes(SITE), `the heading names ${SITE}, got: ${h1}`);
  const items = (await page.locator('main ul.claims > li').allInnerTexts()).map((t) => t.trim());
  assert(items.length >= 1 && items[0].includes('識別碼'), `the list starts with the site-only identifier, got: ${items.join(' / ')}`);
  assertEqual(JSON.stringify(items.slice(1)), JSON.stringify(CLAIM_LABELS), 'the personal data the consent page lists');
  const text = await page.locator('main').innerText();
  assert(!text.includes('職稱'), `the consent page mentions no 職稱 (not approved for ${SITE})`);
  assert(text.includes('127.0.0.1:8091'), 'it says where the teacher will be sent (127.0.0.1:8091)');
  assertEqual(await page.getByRole('button', { name: '同意並登入' }).count(), 1, 'a 同意並登入 button');
  assertEqual(await page.getByRole('button', { name: '不同意' }).count(), 1, 'a 不同意 button');
}

function assertNoViolations(violations, where) {
  assert(violations.length === 0,
    `${violations.length} kind(s) of WCAG 2.1 A/AA violation on ${where} (axe tags ${AXE_TAGS.join(', ')}):\n` +
    describeViolations(violations));
}

async function assertNoOverflow(page, where) {
  const o = await horizontalOverflow(page);
  assert(o.over <= 0, `${where} scrolls sideways at ${o.clientWidth} px: scrollWidth ${o.scrollWidth}; ` +
    `sticking out: ${o.culprits.join(', ')}`);
}

// What the journey hands on from step to step.
const journey = { context: null, page: null, problems: null, request: null, code: null, accessToken: null };

function need(what) {
  assert(journey[what], `no ${what}: an earlier step of the journey failed`);
  return journey[what];
}

// ---- The journey: allow, redeem, revoke ----

test('the partner sends the teacher to /oidc/authorize → login page → consent page naming 夢的N次方 with 姓名、學校代碼、學校名稱', async (s) => {
  // First make sure consent will be asked (an earlier run may have left a grant).
  const prep = await newContext(s.browser, DESKTOP);
  try {
    const prepPage = await prep.newPage();
    await login(prepPage, TEACHER);
    await revokeIfGranted(prepPage);
  } finally {
    await prep.close();
  }

  const context = await newContext(s.browser, DESKTOP);
  const page = await context.newPage();
  Object.assign(journey, { context, page, problems: watch(page) });
  const request = authorizationRequest();
  journey.request = request;
  const before = partnerSeen.length;
  await page.goto(request.url);
  assertEqual(pathOf(page), '/login', 'a signed-out teacher is sent to log in first');
  const next = await page.locator('main form input[name=next]').inputValue();
  assert(next.startsWith('/oidc/authorize?'), `the login form carries the request on (next=${next})`);
  const response = await submitLogin(page, TEACHER);
  await checkConsentPage(page, response);
  console.log(`# screenshot ${await screenshot(page, 'roaming-consent-desktop')}`);
  assertEqual(partnerSeen.length, before, 'requests to the partner before the teacher decided');
  // One Cache-Control header (Playwright joins repeated headers with a newline).
  assertEqual(response.headers()['cache-control'], 'no-store', 'Cache-Control of the consent page');
});

test('同意並登入 sends the browser to the callback with code, state and iss', async () => {
  const page = need('page');
  const url = await clickToPartner(page, page.getByRole('button', { name: '同意並登入' }), journey.problems);
  const params = callbackParams(url, journey.request);
  assert(!params.error, `no error on the callback, got ${params.error} ${params.error_description || ''}`);
  assert(/^[A-Za-z0-9_-]{20,}$/.test(params.code || ''), `a code on the callback, got ${params.code}`);
  journey.code = params.code;
  assert(journey.problems.length === 0, `no errors along the way:\n${journey.problems.join('\n')}`);
});

test('the partner redeems the code at /oidc/token (client_secret_basic, PKCE) and reads /oidc/userinfo', async () => {
  const { response, body } = await redeem(need('code'), journey.request.verifier);
  assertEqual(response.status, 200, `status of /oidc/token (${JSON.stringify(body)})`);
  assertEqual(response.headers.get('cache-control'), 'no-store', 'Cache-Control of the token response');
  assertEqual(body.token_type, 'Bearer', 'token_type');
  assert(typeof body.access_token === 'string' && body.access_token.length >= 20, 'an access_token');
  const id = await verifyIdToken(body.id_token);
  assertEqual(id.iss, BASE_URL, 'id_token iss');
  assertEqual(id.aud, CLIENT_ID, 'id_token aud');
  assertEqual(id.nonce, journey.request.nonce, 'id_token nonce');
  assert(id.sub && id.sub !== TEACHER, `a pairwise sub that is not the 身分證字號, got ${id.sub}`);
  assert(id.exp > id.iat, 'id_token exp after iat');
  journey.accessToken = body.access_token;

  const info = await userinfo(body.access_token);
  assertEqual(info.response.status, 200, `status of /oidc/userinfo (${JSON.stringify(info.body)})`);
  assertEqual(JSON.stringify(Object.keys(info.body).sort()), JSON.stringify([...CLAIM_KEYS, 'sub'].sort()),
    'the claims /oidc/userinfo returns');
  assertEqual(info.body.sub, id.sub, 'userinfo sub = id_token sub');
  assertEqual(info.body.name, '王小明', 'userinfo name');
  assert(info.body.school_code && info.body.school_name, 'userinfo has the school code and name');
});

test('/teacher → 合作網站授權紀錄 shows the grant and the disclosures; 撤銷 revokes it', async () => {
  const page = need('page');
  need('accessToken');
  await page.goto('/teacher');
  await clickAndWait(page, page.locator('main').getByRole('link', { name: '合作網站授權紀錄' }));
  assertEqual(pathOf(page), '/teacher/partners', 'address of 合作網站授權紀錄');
  const grant = page.locator('main ul.consents > li').filter({ hasText: SITE })
    .filter({ has: page.getByRole('button', { name: REVOKE_BUTTON }) });
  assertEqual(await grant.count(), 1, `one active grant to ${SITE}`);
  const grantText = await grant.innerText();
  assert(grantText.includes(CLAIM_LABELS.join('、')), `the grant lists ${CLAIM_LABELS.join('、')}, got: ${grantText}`);
  const rows = await page.locator('main table tbody tr').evaluateAll((trs) => trs.map((tr) =>
    [...tr.cells].map((td) => td.innerText.trim())));
  // 同意授權 when the teacher agreed, 登入並取得資料 when the partner redeemed the code (what
  // userinfo returns was disclosed then, so reading it adds no row).
  for (const event of ['同意授權', '登入並取得資料']) {
    const row = rows.find((r) => r[1] === SITE && r[2] === event);
    assert(row, `a disclosure row ${SITE} / ${event}; rows: ${JSON.stringify(rows.slice(0, 6))}`);
    assertEqual(row[3], CLAIM_LABELS.join('、'), `the data of the ${event} row`);
  }
  console.log(`# screenshot ${await screenshot(page, 'roaming-partners-desktop')}`);

  await clickAndWait(page, grant.getByRole('button', { name: REVOKE_BUTTON }));
  assertEqual(pathOf(page), '/teacher/partners', 'address after revoking');
  const flash = await flashText(page);
  assert(flash.includes(`已撤銷「${SITE}」的授權`), `the flash message says it was revoked, got: ${flash}`);
  assertEqual(await page.getByRole('button', { name: REVOKE_BUTTON }).count(), 0, 'no revoke button left');
  const revoked = await page.locator('main ul.consents > li').filter({ hasText: SITE }).first().innerText();
  assert(revoked.includes('撤銷'), `the grant shows it was revoked, got: ${revoked}`);
  const first = await page.locator('main table tbody tr').first().evaluate((tr) => [...tr.cells].map((td) => td.innerText.trim()));
  assertEqual(`${first[1]} ${first[2]} ${first[3]}`, `${SITE} 撤銷授權 —`, 'the newest disclosure row');
  console.log(`# screenshot ${await screenshot(page, 'roaming-partners-revoked-desktop')}`);
  assert(journey.problems.length === 0, `no errors along the way:\n${journey.problems.join('\n')}`);
});

test('after the revocation the partner\'s access token is refused at /oidc/userinfo (401 invalid_token)', async () => {
  const { response, body } = await userinfo(need('accessToken'));
  assertEqual(response.status, 401, `status of /oidc/userinfo with the revoked token (${JSON.stringify(body)})`);
  const challenge = response.headers.get('www-authenticate') || '';
  assert(/^Bearer\b/.test(challenge) && challenge.includes('error="invalid_token"'),
    `WWW-Authenticate: Bearer error="invalid_token", got: ${challenge}`);
  assertEqual(body && body.error, 'invalid_token', 'error in the body');
  // Nothing about the teacher comes back.
  assert(!('name' in body) && !('sub' in body), `no claims in the refusal: ${JSON.stringify(body)}`);
});

// ---- 不同意 ----

test('不同意 on the consent page sends the teacher back with error=access_denied and issues no code', async (s) => {
  const context = await newContext(s.browser, DESKTOP);
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await login(page, TEACHER);
    await revokeIfGranted(page);
    const request = authorizationRequest();
    const response = await page.goto(request.url);
    await checkConsentPage(page, response);
    const url = await clickToPartner(page, page.getByRole('button', { name: '不同意' }), problems);
    const params = callbackParams(url, request);
    assertEqual(params.error, 'access_denied', 'error on the callback');
    assert(!('code' in params), `no code on the callback, got ${params.code}`);
    // The refusal is on the record, and there is still nothing to revoke.
    await page.goto('/teacher/partners');
    const first = await page.locator('main table tbody tr').first().evaluate((tr) => [...tr.cells].map((td) => td.innerText.trim()));
    assertEqual(`${first[1]} ${first[2]}`, `${SITE} 拒絕或無法授權`, 'the newest disclosure row');
    assertEqual(await page.getByRole('button', { name: REVOKE_BUTTON }).count(), 0, 'no grant after 不同意');
    assert(problems.length === 0, `no errors along the way:\n${problems.join('\n')}`);
  } finally {
    await context.close();
  }
});

// ---- Consent on first use only ----

test('a teacher who already agreed is sent straight back to the partner after logging in (no consent page)', async (s) => {
  // The grant is made in a context of its own; what is checked runs under the real CSP, where
  // the login form's POST is answered by a redirect to /oidc/authorize and on to the partner.
  const granting = await newContext(s.browser, { ...DESKTOP, bypassCSP: true });
  const context = await newContext(s.browser, DESKTOP);
  try {
    const grantPage = await granting.newPage();
    await login(grantPage, TEACHER);
    await revokeIfGranted(grantPage);
    const first = authorizationRequest();
    await checkConsentPage(grantPage, await grantPage.goto(first.url));
    const granted = await clickToPartner(grantPage, grantPage.getByRole('button', { name: '同意並登入' }), watch(grantPage));
    assert(callbackParams(granted, first).code, 'a code for the first request');

    const page = await context.newPage();
    const problems = watch(page);
    const request = authorizationRequest();
    await page.goto(request.url);
    assertEqual(pathOf(page), '/login', 'a signed-out teacher is sent to log in first');
    const form = page.locator('main form').filter({ has: page.locator('#account') });
    await form.locator('#account').fill(TEACHER);
    await form.locator('#password').fill('inservice-demo');
    const url = await clickToPartner(page, form.locator('button[type=submit]'), problems);
    const params = callbackParams(url, request);
    assert(!params.error && params.code, `a code on the callback, got ${JSON.stringify(params)}`);
    const { response, body } = await redeem(params.code, request.verifier);
    assertEqual(response.status, 200, `status of /oidc/token (${JSON.stringify(body)})`);
    assertEqual((await verifyIdToken(body.id_token)).nonce, request.nonce, 'id_token nonce');
    assert(problems.length === 0, `no errors along the way:\n${problems.join('\n')}`);
  } finally {
    await context.close();
    // Leave no grant behind.
    try {
      const cleanup = granting.pages()[0];
      if (cleanup) await revokeIfGranted(cleanup);
    } finally {
      await granting.close();
    }
  }
});

// ---- The records-only teacher ----

for (const [device, width] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
  test(`records-only ${RECORDS_ONLY} gets 無法使用帳號漫遊 (403) with a link back carrying error=access_denied (${width}, axe)`, async (s) => {
    const context = await newContext(s.browser, { ...device, bypassCSP: true });
    try {
      const page = await context.newPage();
      const problems = watch(page);
      const request = authorizationRequest();
      const before = partnerSeen.length;
      await page.goto(request.url);
      assertEqual(pathOf(page), '/login', 'sent to log in first');
      const response = await submitLogin(page, RECORDS_ONLY);
      assertEqual(pathOf(page), '/oidc/authorize', 'address of the refusal');
      assertEqual(response.status(), 403, 'status of the refusal page');
      assertEqual((await page.locator('main h1').innerText()).trim(), '無法使用帳號漫遊', 'heading');
      const text = await page.locator('main').innerText();
      assert(text.includes(SITE), `the page names ${SITE}`);
      assertEqual(partnerSeen.length, before, 'requests to the partner before the teacher follows the link');
      const back = page.locator('main').getByRole('link', { name: `回到「${SITE}」` });
      assertEqual(await back.count(), 1, `a link 回到「${SITE}」`);
      const params = callbackParams(new URL(await back.getAttribute('href'), BASE_URL).href, request);
      assertEqual(params.error, 'access_denied', 'error on the link back');
      assert(!('code' in params), 'no code on the link back');
      console.log(`# screenshot ${await screenshot(page, `roaming-denied-${width}`)}`);
      await assertNoOverflow(page, 'the refusal page');
      assertNoViolations(await runAxe(page), `the refusal page (${width})`);
      const url = await clickToPartner(page, back, problems);
      assertEqual(callbackParams(url, request).error, 'access_denied', 'error on the callback');
      // Chromium logs every 4xx document as a console error; the 403 is the page's point.
      const unexpected = problems.filter((p) => !/status of 403/.test(p));
      assert(unexpected.length === 0, `no errors along the way:\n${unexpected.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}

// ---- Phone and axe: the consent page and 合作網站授權紀錄 ----

for (const [device, width] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
  test(`axe: no WCAG 2.1 A/AA violation on the consent page and /teacher/partners (${width}), no sideways scroll`, async (s) => {
    // bypassCSP: axe is injected as a script, which script-src 'self' would refuse.
    const context = await newContext(s.browser, { ...device, bypassCSP: true });
    try {
      const page = await context.newPage();
      const problems = watch(page);
      await login(page, TEACHER);
      await revokeIfGranted(page);
      const response = await page.goto(authorizationRequest().url);
      await checkConsentPage(page, response);
      if (width === 'phone') console.log(`# screenshot ${await screenshot(page, 'roaming-consent-phone')}`);
      await assertNoOverflow(page, 'the consent page');
      if (width === 'phone') {
        // On a phone both choices are big enough to press.
        for (const name of ['同意並登入', '不同意']) {
          const box = await page.getByRole('button', { name }).boundingBox();
          assert(box && box.height >= 44, `${name} is at least 44 px tall, got ${box && box.height}`);
        }
      }
      assertNoViolations(await runAxe(page), `the consent page (${width})`);

      await page.goto('/teacher/partners');
      await assertNoOverflow(page, '/teacher/partners');
      if (width === 'phone') console.log(`# screenshot ${await screenshot(page, 'roaming-partners-phone')}`);
      assertNoViolations(await runAxe(page), `/teacher/partners (${width})`);
      assert(problems.length === 0, `no errors along the way:\n${problems.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}

await run({
  before: async () => {
    const partner = await startPartner();
    try {
      return { partner, browser: await launch() };
    } catch (e) {
      partner.close();
      throw e;
    }
  },
  after: async (s) => {
    if (journey.context) await journey.context.close().catch(() => {});
    if (s?.browser) await s.browser.close();
    if (s?.partner) await new Promise((resolve) => s.partner.close(resolve));
  },
});
