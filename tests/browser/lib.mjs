// Shared helpers for the browser tests: Debian's headless Chromium driven by playwright-core,
// the portal's address, logging in through the real form, screenshots and a tiny TAP-like runner.
//
// Environment: PORTAL_TEST_PORT (18080) → http://127.0.0.1:PORT; PORTAL_ROOT (the repository,
// found from this file when unset); PORTAL_TEST_VAR (var/test, relative to PORTAL_ROOT unless
// absolute): screenshots go to its screenshots/ folder.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

export const ROOT = path.resolve(process.env.PORTAL_ROOT || path.join(here, '..', '..'));
export const PORT = Number(process.env.PORTAL_TEST_PORT || 18080);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const TEST_VAR = path.resolve(ROOT, process.env.PORTAL_TEST_VAR || path.join('var', 'test'));
export const SCREENSHOT_DIR = path.join(TEST_VAR, 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'inservice-demo';

// The flags Chromium runs with, and nothing else but the pipe Playwright talks over and
// --no-startup-window (Playwright opens its own windows). A fresh profile for every launch.
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Context options for the two widths every page is looked at.
export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const PHONE = {
  viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
};

export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-chromium-'));
  const removeProfile = () => {
    try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 }); } catch { /* best effort */ }
  };
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      ignoreDefaultArgs: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe', '--no-startup-window'],
      timeout: 60_000,
    });
  } catch (e) {
    removeProfile();
    throw e;
  }
  // Also when a test crashes the process: Playwright's own exit handler, registered first,
  // has killed the browser by then.
  process.on('exit', removeProfile);
  const close = browser.close.bind(browser);
  browser.close = async () => {
    try { await close(); } finally { removeProfile(); }
  };
  return browser;
}

// A new context (own cookies) at the portal's address; options as Playwright's newContext
// (DESKTOP, PHONE, javaScriptEnabled: false, bypassCSP: true …).
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'zh-TW', ...options });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

// Records what goes wrong while a page is used: script errors, console errors (a CSP refusal
// shows up there) and subresources (CSS, images) that fail to load.
export function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('requestfailed', (r) => {
    // ERR_ABORTED: the browser dropped the request itself because the page moved on (a click).
    const why = r.failure()?.errorText || '';
    if (!why.includes('ERR_ABORTED')) problems.push(`request failed: ${r.url()} ${why}`);
  });
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'document' && r.status() >= 400) {
      problems.push(`HTTP ${r.status()} for ${r.url()}`);
    }
  });
  return problems;
}

// Submits the login form on /login as a person would: types into 帳號 and 密碼, presses 登入,
// and, when a business account is asked for its second factor, types the code its
// authenticator app would show. Returns the response of the page it lands on.
export async function login(page, account, password = DEMO_PASSWORD) {
  await page.goto('/login');
  const form = page.locator('main form').filter({ has: page.locator('#account') });
  await form.locator('#account').fill(account);
  await form.locator('#password').fill(password);
  const response = await clickAndWait(page, form.locator('button[type=submit]'));
  if (pathOf(page) !== '/login/second-factor') return response;
  return passSecondFactor(page, account);
}

// RFC 6238 (HMAC-SHA-1, 6 digits, 30 s) of a hex secret at a unix time.
export function totpCode(hexSecret, unixTime) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixTime / 30)));
  const digest = crypto.createHmac('sha1', Buffer.from(hexSecret, 'hex')).update(counter).digest();
  const offset = digest[digest.length - 1] & 15;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

// On /login/second-factor (a code, or setting one up): types the account's code now. Tests log
// one account in many times a minute where a person's app shows one code each 30 s, so the
// account's last accepted step is forgotten first.
export async function passSecondFactor(page, account) {
  const name = account.replace(/'/g, "''");
  sql(`UPDATE business_account SET totp_last_step = 0 WHERE account_name = '${name}'`);
  const [hexSecret, now] = sql(`SELECT HEX(totp_secret), UNIX_TIMESTAMP() FROM business_account WHERE account_name = '${name}'`).split('\t');
  await page.locator('#code').fill(totpCode(hexSecret, Number(now)));
  const response = await clickAndWait(page, page.locator('main form button[type=submit]'));
  // A factor set up just now shows its recovery codes once before going on.
  const onward = page.locator('main a', { hasText: '我已保存，繼續' });
  if (await onward.count() === 0) return response;
  return clickAndWait(page, onward);
}

export function pathOf(page) {
  return new URL(page.url()).pathname;
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// Horizontal overflow at the current viewport: the page's width beyond the window, and the
// widest elements that stick out (to say what to fix).
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const over = root.scrollWidth - root.clientWidth;
    const culprits = [];
    if (over > 0) {
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > root.clientWidth + 0.5 && r.width > 0) {
          const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') +
            (el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
          culprits.push(`${name} (right edge ${Math.round(r.right)}px)`);
        }
        if (culprits.length >= 8) break;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, over, culprits };
  });
}

// axe-core, injected into the page (the context needs bypassCSP: the site allows only its own
// scripts) and run for WCAG 2.0/2.1 A and AA.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function runAxe(page, tags = AXE_TAGS) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(async (runOnly) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, tags);
}

export function describeViolations(violations) {
  return violations.map((v) => [
    `${v.id} [${v.impact}] ${v.help}`,
    ...v.nodes.map((n) => `    at ${n.target}${n.summary ? ` — ${n.summary.replace(/\s+/g, ' ')}` : ''}`),
  ].join('\n')).join('\n');
}

// The runner: test(name, fn) registers, run() runs them in order, prints `ok - name` or
// `not ok - name` (with the reason as # lines) and exits 1 when any failed.
const tests = [];
export function test(name, fn, { timeout = 120_000 } = {}) {
  tests.push({ name, fn, timeout });
}

export class AssertionError extends Error {}
export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}
export function assertEqual(actual, expected, what) {
  if (actual !== expected) {
    throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export async function run({ before, after } = {}) {
  let failed = 0;
  console.log(`1..${tests.length}`);
  let state;
  try {
    state = before ? await before() : undefined;
  } catch (e) {
    console.log(`not ok - setup\n${indent(e)}`);
    process.exit(1);
  }
  for (const t of tests) {
    let timer;
    try {
      await Promise.race([
        t.fn(state),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${t.timeout} ms`)), t.timeout); }),
      ]);
      console.log(`ok - ${t.name}`);
    } catch (e) {
      failed += 1;
      console.log(`not ok - ${t.name}\n${indent(e)}`);
    } finally {
      clearTimeout(timer);
    }
  }
  try {
    if (after) await after(state);
  } catch (e) {
    console.log(`# cleanup failed\n${indent(e)}`);
  }
  console.log(`# ${tests.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

function indent(e) {
  const text = e instanceof AssertionError ? e.message : (e && e.stack) || String(e);
  return text.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => `# ${l}`).join('\n');
}

// ---- Helpers for journeys through forms (used by course_review_journey.test.mjs) ----

export const MAIL_DIR = path.join(TEST_VAR, 'mail');

// A statement run as root on the test stack's MariaDB; its output, tab-separated.
export function sql(statement) {
  return execFileSync('mariadb', [`--socket=${path.join(TEST_VAR, 'run', 'mysqld.sock')}`, '-uroot', '-N', '-B',
    'inservice', '-e', statement]).toString().trim();
}

// 身分證字號 at rest (fcgi/core/pii.h), with the stack's keys in var/test/secrets: the condition that
// finds a teacher by number (HMAC-SHA-256, hex), and the two columns to INSERT for one
// (national_id_hmac, national_id_enc: version 1 | nonce | AES-256-GCM | tag).
const piiKey = (name) => fs.readFileSync(path.join(TEST_VAR, 'secrets', name));
export function nidKey(nid) {
  return crypto.createHmac('sha256', piiKey('pii-hmac.key')).update(nid).digest('hex');
}
export function nidWhere(nid, table = '') {
  return `${table ? `${table}.` : ''}national_id_hmac = '${nidKey(nid)}'`;
}
export function nidValues(nid) {
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', piiKey('pii.key'), nonce);
  cipher.setAAD(Buffer.from([1]));
  const sealed = Buffer.concat([Buffer.from([1]), nonce, cipher.update(nid), cipher.final(), cipher.getAuthTag()]);
  return `'${nidKey(nid)}', X'${sealed.toString('hex')}'`;
}

// Clicks something that submits a form or follows a link and waits for the page it leads to
// (after any redirect). Returns that navigation's response.
export async function clickAndWait(page, locator) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    locator.click(),
  ]);
  return response;
}

// Presses 登出 in the header (a POST form) and checks the portal lands on its home page.
export async function logout(page) {
  await clickAndWait(page, page.locator('header nav').getByRole('button', { name: '登出' }));
  assertEqual(pathOf(page), '/', 'address after logging out');
}

// The text of the flash message (.flash, role=status) on the current page, '' when there is none.
export async function flashText(page) {
  const flash = page.locator('main .flash[role=status]');
  return (await flash.count()) ? (await flash.first().innerText()).trim() : '';
}

// Dates as the portal counts them: the calendar in Taiwan (UTC+8, no summer time), whatever
// the machine's time zone. taipeiDate(14) is 'YYYY-MM-DD' fourteen days from today there.
export function taipeiDate(offsetDays = 0) {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);
}

// A mail as the SMTP sink keeps it (<name>.eml), decoded: RFC 2047 encoded words in the
// headers, a base64 or quoted-printable body. { file, headers: {lower-case name: text}, subject,
// to, body }.
export function decodeMail(raw, file = '') {
  const text = Buffer.isBuffer(raw) ? raw.toString('latin1') : raw;
  const split = text.search(/\r?\n\r?\n/);
  const head = split < 0 ? text : text.slice(0, split);
  const rawBody = split < 0 ? '' : text.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' \u0000').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const encoding = (headers['content-transfer-encoding'] || '').toLowerCase();
  let bytes;
  if (encoding === 'base64') bytes = Buffer.from(rawBody.replace(/\s+/g, ''), 'base64');
  else if (encoding === 'quoted-printable') bytes = Buffer.from(decodeQuotedPrintable(rawBody), 'latin1');
  else bytes = Buffer.from(rawBody, 'latin1');
  return { file, headers, subject: headers.subject || '', to: headers.to || '', body: bytes.toString('utf8') };
}

// "=?UTF-8?B?...?= =?UTF-8?B?...?=": adjacent encoded words join without the space between them
// (RFC 2047 §6.2); the bytes are joined before decoding, so a character split across words survives.
function decodeWords(value) {
  const parts = value.split('\u0000').join('').split(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)/);
  let out = '';
  let pending = [];
  const flush = () => { if (pending.length) { out += Buffer.concat(pending).toString('utf8'); pending = []; } };
  for (let i = 0; i < parts.length; i += 1) {
    const m = /^=\?([^?]+)\?([BbQq])\?([^?]*)\?=$/.exec(parts[i]);
    if (m) {
      pending.push(m[2].toUpperCase() === 'B' ? Buffer.from(m[3], 'base64')
        : Buffer.from(decodeQuotedPrintable(m[3].replace(/_/g, ' ')), 'latin1'));
    } else if (!(pending.length && /^\s*$/.test(parts[i]) && i + 1 < parts.length)) {
      flush();
      out += parts[i];
    }
  }
  flush();
  return out.replace(/\s+/g, ' ').trim();
}

function decodeQuotedPrintable(s) {
  return s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

// The names of the .eml files in the sink's folder now (to tell new mail from old).
export function mailFiles(dir = MAIL_DIR) {
  try {
    return new Set(fs.readdirSync(dir).filter((n) => n.endsWith('.eml')));
  } catch {
    return new Set();
  }
}

// Waits (polling) for new mail — not among `before` — that `matches` (a decoded mail → bool).
// Returns the decoded mails that matched, or throws after `timeout` ms saying what did arrive.
export async function waitForMail(matches, { before = new Set(), timeout = 10_000, dir = MAIL_DIR } = {}) {
  const deadline = Date.now() + timeout;
  let seen = [];
  for (;;) {
    seen = [...mailFiles(dir)].filter((n) => !before.has(n)).sort()
      .map((n) => decodeMail(fs.readFileSync(path.join(dir, n)), n));
    const found = seen.filter(matches);
    if (found.length) return found;
    if (Date.now() > deadline) {
      throw new AssertionError(`no matching mail in ${dir} within ${timeout} ms; new mail: ` +
        (seen.length ? seen.map((m) => `${m.file} to ${m.to}: ${m.subject}`).join('; ') : 'none'));
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
