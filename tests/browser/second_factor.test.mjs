// 雙因素驗證 by hand: a 審課人員 without a factor (the demo's `reviewer2`) logs in on a phone, is
// shown the QR code and key, types the code of the app, sees the ten recovery codes once and goes
// on to the review queue; on a desktop the next login asks for a code and the account's own page
// says the factor is on. Screenshots of each page are kept; axe checks them.
import {
  DEMO_PASSWORD, DESKTOP, PHONE, assert, assertEqual, clickAndWait, horizontalOverflow, launch, newContext,
  pathOf, run, runAxe, screenshot, sql, test, totpCode, watch,
} from './lib.mjs';

const ACCOUNT = 'reviewer2';

function clearFactor() {
  sql(`DELETE r FROM recovery_code r JOIN business_account a ON a.id = r.account_id WHERE a.account_name = '${ACCOUNT}'`);
  sql(`UPDATE business_account SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = 0 WHERE account_name = '${ACCOUNT}'`);
}

function codeNow() {
  sql(`UPDATE business_account SET totp_last_step = 0 WHERE account_name = '${ACCOUNT}'`);
  const [hex, now] = sql(`SELECT HEX(totp_secret), UNIX_TIMESTAMP() FROM business_account WHERE account_name = '${ACCOUNT}'`).split('\t');
  return totpCode(hex, Number(now));
}

async function typePassword(page) {
  await page.goto('/login');
  const form = page.locator('main form').filter({ has: page.locator('#account') });
  await form.locator('#account').fill(ACCOUNT);
  await form.locator('#password').fill(DEMO_PASSWORD);
  await clickAndWait(page, form.locator('button[type=submit]'));
  assertEqual(pathOf(page), '/login/second-factor', 'the password leads to the second factor');
}

async function noOverflow(page, what) {
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0, `${what}: no horizontal scrolling; sticking out: ${overflow.culprits.join(', ')}`);
}

async function axeClean(page, what) {
  const violations = await runAxe(page);
  assert(violations.length === 0, `${what}: axe finds nothing:\n${violations.join('\n')}`);
}

test('on a phone a reviewer without a factor sets one up at login and lands on the queue', async (s) => {
  // bypassCSP: axe is injected as a script, which the site's CSP (script-src 'self') would refuse.
  const context = await newContext(s.browser, { ...PHONE, bypassCSP: true });
  const page = await context.newPage();
  const problems = watch(page);
  await typePassword(page);
  assert((await page.locator('h1').innerText()).includes('設定雙因素驗證'), 'the setup page');
  const qr = page.locator('main img[src="/login/second-factor/qr.svg"]');
  assert(await qr.evaluate((img) => img.complete && img.naturalWidth > 100), 'the QR code is drawn');
  const key = (await page.locator('code.secret').innerText()).replace(/\s/g, '');
  assertEqual(key.length, 32, 'the key to type in is shown');
  await noOverflow(page, 'the setup page');
  await axeClean(page, 'the setup page');
  console.log(`# screenshot ${await screenshot(page, 'second-factor-phone-setup')}`);

  await page.getByLabel('驗證碼（6 位數字）').fill('000000');
  const refused = await clickAndWait(page, page.getByRole('button', { name: '完成設定' }));
  assertEqual(refused.status(), 422, 'a wrong code is refused');
  assert((await page.locator('#code-error').innerText()).includes('驗證碼不正確'), 'said beside the field');
  console.log(`# screenshot ${await screenshot(page, 'second-factor-phone-refused')}`);

  await page.getByLabel('驗證碼（6 位數字）').fill(codeNow());
  await clickAndWait(page, page.getByRole('button', { name: '完成設定' }));
  const codes = await page.locator('ol.recovery-codes li').allInnerTexts();
  assertEqual(codes.length, 10, 'ten recovery codes are shown');
  await noOverflow(page, 'the recovery codes');
  await axeClean(page, 'the recovery codes');
  console.log(`# screenshot ${await screenshot(page, 'second-factor-phone-recovery-codes')}`);
  await clickAndWait(page, page.getByRole('link', { name: '我已保存，繼續' }));
  assertEqual(pathOf(page), '/review', 'then the review queue');
  const unexpected = problems.filter((p) => !p.includes('status of 422'));
  assert(unexpected.length === 0, `no other errors:\n${unexpected.join('\n')}`);
  await context.close();
});

test('on a desktop the next login asks for a code and the own page says the factor is on', async (s) => {
  const context = await newContext(s.browser, { ...DESKTOP, bypassCSP: true });
  const page = await context.newPage();
  const problems = watch(page);
  await typePassword(page);
  assert((await page.locator('h1').innerText()).includes('雙因素驗證'), 'the code page');
  await axeClean(page, 'the code page');
  console.log(`# screenshot ${await screenshot(page, 'second-factor-desktop-code')}`);
  await page.getByLabel('驗證碼或備用復原碼').fill(codeNow());
  await clickAndWait(page, page.getByRole('button', { name: '驗證並登入' }));
  assertEqual(pathOf(page), '/review', 'the code signs in');
  await clickAndWait(page, page.locator('footer').getByRole('link', { name: '雙因素驗證' }));
  assert((await page.locator('main').innerText()).includes('已啟用'), 'the page says it is on');
  assert((await page.locator('main').innerText()).includes('無法關閉'), 'a reviewer cannot turn it off');
  await axeClean(page, 'the own page');
  console.log(`# screenshot ${await screenshot(page, 'second-factor-desktop-own-page')}`);
  assert(problems.length === 0, `no errors:\n${problems.join('\n')}`);
  await context.close();
});

run({
  before: async () => { clearFactor(); return { browser: await launch() }; },
  after: async (s) => { await s.browser.close(); clearFactor(); },
});
