// 業務帳號 as people meet it (issue 10): a new 承辦人 of 內壢國中 applies at /accounts/apply and
// cannot log in yet; the school's 總負責人 approves the application on 帳號管理; the applicant is
// mailed and logs in to /office. On a phone the application form and 帳號管理 fit the screen.
// Screenshots are kept in var/test/screenshots.
import {
  DESKTOP, PHONE, assert, assertEqual, clickAndWait, flashText, horizontalOverflow, launch, login, logout,
  mailFiles, newContext, pathOf, run, screenshot, sql, test, waitForMail, watch,
} from './lib.mjs';

const stamp = Date.now().toString(36);
const ACCOUNT = `journey.${stamp}`;
const EMAIL = `journey-${stamp}@example.edu.tw`;
const PASSWORD = 'journey-password-2026';

async function fits(page, name, shots) {
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0, `${name}: no horizontal scrolling; sticking out: ${overflow.culprits.join(', ')}`);
  shots.push(await screenshot(page, name));
}

test('a new 承辦人 applies, the 總負責人 approves, the 承辦人 logs in', async (s) => {
  const shots = [];
  const context = await newContext(s.browser, DESKTOP);
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto('/login');
  await clickAndWait(page, page.locator('main').getByRole('link', { name: /業務帳號申請|申請業務帳號/ }).first());
  assertEqual(pathOf(page), '/accounts/apply', 'the application form is linked from /login');
  await page.locator('#account_name').fill(ACCOUNT);
  await page.locator('input[name=kind][value=organizer]').check();
  await page.locator('#unit').fill('034525');
  await page.locator('#display_name').fill('旅程新承辦');
  await page.locator('#phone').fill('03-4512345#233');
  await page.locator('#email').fill(EMAIL);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#password_again').fill(PASSWORD);
  await page.locator('#agree').check();
  await fits(page, 'business-apply-desktop', shots);
  await clickAndWait(page, page.getByRole('button', { name: '送出申請' }));
  assert((await page.locator('main').innerText()).includes('總負責人'), 'the answer says who approves');
  await fits(page, 'business-applied-desktop', shots);

  await login(page, ACCOUNT, PASSWORD);
  assertEqual(pathOf(page), '/login', 'an unapproved account cannot log in');
  assert((await page.locator('main').innerText()).includes('尚未'), 'and is told it waits for approval');

  const before = new Set(mailFiles());
  await login(page, 'master');
  await page.goto('/office/accounts');
  const row = page.locator('tr[data-account]', { hasText: ACCOUNT });
  assertEqual(await row.getAttribute('data-state'), 'pending', 'the application waits on 帳號管理');
  await fits(page, 'business-accounts-desktop', shots);
  await clickAndWait(page, row.getByRole('button', { name: '核准', exact: true }));
  assert((await flashText(page)).length > 0, 'the 總負責人 is told it was approved');
  assertEqual(await page.locator('tr[data-account]', { hasText: ACCOUNT }).getAttribute('data-state'), 'active', 'now active');
  await waitForMail((m) => m.to.includes(EMAIL), { before });
  await logout(page);

  await login(page, ACCOUNT, PASSWORD);
  assertEqual(pathOf(page), '/office', 'the approved 承辦人 lands on /office');
  await fits(page, 'business-office-desktop', shots);
  for (const f of shots) console.log(`# screenshot ${f}`);
  const unexpected = problems.filter((p) => !/status of (401|403|422)/.test(p));
  assert(unexpected.length === 0, `no errors:\n${unexpected.join('\n')}`);
  await context.close();
});

test('業務帳號申請 and 帳號管理 at 390 px: no horizontal scrolling', async (s) => {
  const shots = [];
  const context = await newContext(s.browser, PHONE);
  const page = await context.newPage();
  await page.goto('/accounts/apply');
  await fits(page, 'business-apply-phone', shots);
  await login(page, 'master');
  await page.goto('/office/accounts');
  await fits(page, 'business-accounts-phone', shots);
  for (const f of shots) console.log(`# screenshot ${f}`);
  await context.close();
});

run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => {
    // The school's directory lists enabled accounts: the journey's leaves it as it was.
    sql(`UPDATE business_account SET disabled_at = NOW() WHERE account_name = '${ACCOUNT}'`);
    await s.browser.close();
  },
});
