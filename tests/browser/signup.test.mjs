// 使用者帳號申請 on a phone: a new teacher finds the form from the home page, is told what is
// wrong with a too-short password, signs up, opens the confirmation link from the mail, and logs
// in with the new account. Screenshots of the form, its refusal and the pages after are kept.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import {
  DESKTOP, PHONE, TEST_VAR, assert, assertEqual, clickAndWait, horizontalOverflow, launch, mailFiles,
  newContext, pathOf, run, screenshot, test, waitForMail, watch, nidWhere,
} from './lib.mjs';

const NAME = '申請瀏覽器測試';
const PASSWORD = 'phone-signup-pw';

function sql(statement) {
  return execFileSync('mariadb', [`--socket=${path.join(TEST_VAR, 'run', 'mysqld.sock')}`, '-uroot', '-N', '-B',
    'inservice', '-e', statement]).toString().trim();
}

function removeTestTeachers() {
  sql(`DELETE s FROM web_session s JOIN teacher t ON t.id = s.teacher_id WHERE t.name = '${NAME}'`);
  sql(`DELETE FROM teacher WHERE name = '${NAME}'`);
}

// A valid 身分證字號 nobody has: S (code 26), 2, seven random digits and the check digit.
function unusedId() {
  for (;;) {
    const first = [2, ...Array.from({ length: 7 }, () => Math.floor(Math.random() * 10))];
    const total = 2 + 6 * 9 + first.reduce((sum, d, i) => sum + d * (8 - i), 0);
    const id = `S${first.join('')}${(10 - (total % 10)) % 10}`;
    if (sql(`SELECT COUNT(*) FROM teacher WHERE ${nidWhere(id)}`) === '0') return id;
  }
}

async function noOverflow(page, what) {
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0, `${what}: no horizontal scrolling on a phone; sticking out: ${overflow.culprits.join(', ')}`);
}

test('on a phone a new teacher signs up, confirms the address from the mail and logs in', async (s) => {
  const context = await newContext(s.browser, PHONE);
  const page = await context.newPage();
  const problems = watch(page);
  const id = unusedId();
  const email = `${id.toLowerCase()}@example.edu.tw`;

  await page.goto('/');
  await clickAndWait(page, page.getByRole('link', { name: '申請帳號' }));
  assertEqual(pathOf(page), '/signup', 'the header link leads to the form');
  await page.getByLabel('身分證字號（或居留證號）').fill(id.toLowerCase());
  await page.getByLabel('姓名').fill(NAME);
  await page.getByRole('radio', { name: '女' }).check();
  await page.getByLabel('出生日期').fill('1984-05-12');
  await page.getByLabel('電子郵件').fill(email);
  await page.getByLabel('聯絡電話').fill('0912-000-111');
  await page.getByLabel('服務單位學校代碼').fill('034525');
  await page.getByRole('radio', { name: '代理代課教師' }).check();
  await page.getByLabel('職稱（選填）').fill('代理教師');
  await page.getByLabel('密碼', { exact: true }).fill('short');
  await page.getByLabel('再次輸入密碼').fill('short');
  await page.getByRole('checkbox', { name: '我已詳閱並同意帳號使用同意書' }).check();
  await noOverflow(page, 'the form');
  console.log(`# screenshot ${await screenshot(page, 'signup-phone-form')}`);

  const refused = await clickAndWait(page, page.getByRole('button', { name: '送出申請' }));
  assertEqual(refused.status(), 422, 'a too-short password is refused');
  const error = await page.locator('#password-error').innerText();
  assert(error.includes('密碼至少需 10 個字元'), `the password's error says why, got: ${error}`);
  assertEqual(await page.getByLabel('姓名').inputValue(), NAME, 'what was typed is kept');
  console.log(`# screenshot ${await screenshot(page, 'signup-phone-refused')}`);

  await page.getByLabel('密碼', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再次輸入密碼').fill(PASSWORD);
  const before = mailFiles();
  const sent = await clickAndWait(page, page.getByRole('button', { name: '送出申請' }));
  assertEqual(sent.status(), 200, `the sign-up is received: ${await page.locator('main').innerText()}`);
  const said = await page.locator('#received').innerText();
  assert(said.includes('申請已受理，請至電子郵件信箱完成確認'), `the answer, got: ${said}`);
  console.log(`# screenshot ${await screenshot(page, 'signup-phone-received')}`);

  const [mail] = await waitForMail((m) => m.to.includes(email), { before });
  const link = /https?:\/\/\S+\/signup\/confirm\/[A-Za-z0-9_-]+/.exec(mail.body);
  assert(link, `the mail carries a confirmation link: ${mail.body}`);
  await page.goto(new URL(link[0]).pathname);
  assert((await page.locator('h1').innerText()).includes('電子郵件信箱已確認'), 'the link confirms the address');
  await noOverflow(page, 'the confirmation page');
  console.log(`# screenshot ${await screenshot(page, 'signup-phone-confirmed')}`);

  await clickAndWait(page, page.getByRole('link', { name: '前往登入' }));
  await page.getByLabel('帳號').fill(id);
  await page.getByLabel('密碼').fill(PASSWORD);
  await clickAndWait(page, page.getByRole('button', { name: '登入' }));
  assertEqual(pathOf(page), '/teacher', 'the new account logs in at once');
  await noOverflow(page, 'the new teacher\'s homepage');
  console.log(`# screenshot ${await screenshot(page, 'signup-phone-teacher-home')}`);
  // The refusal's 422 is the one expected error.
  const unexpected = problems.filter((p) => !p.includes('status of 422'));
  assert(unexpected.length === 0, `no other errors while loading:\n${unexpected.join('\n')}`);
  await context.close();
});

test("on a desktop the form shows the 帳號使用同意書 in 第4條's words", async (s) => {
  const context = await newContext(s.browser, DESKTOP);
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto('/signup');
  assert((await page.locator('#agreement').innerText()).includes('教師個人帳號於網頁申請成功後，可立即登入使用'),
    'the agreement quotes 第4條');
  console.log(`# screenshot ${await screenshot(page, 'signup-desktop-form')}`);
  assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
  await context.close();
});

run({
  before: async () => { removeTestTeachers(); return { browser: await launch() }; },
  after: async (s) => { await s.browser.close(); removeTestTeachers(); },
});
