// 修改個人基本資料: a teacher follows the footer link beside 變更登入密碼, types a phone without its
// area code and is told beside the field, then a good one, written back the portal's way; on a
// phone (390 px) the page fits the screen. Both pages pass axe (WCAG 2.1 AA). Screenshots kept.
import {
  DESKTOP, PHONE, assert, assertEqual, clickAndWait, describeViolations, flashText, horizontalOverflow, launch,
  login, newContext, pathOf, run, runAxe, screenshot, sql, test, watch,
} from './lib.mjs';

const TEACHER = 'A123456789';
const saved = sql("SELECT IFNULL(phone, 'NULL') FROM teacher WHERE id = 1");

async function noViolations(page, what) {
  const violations = await runAxe(page);
  assert(violations.length === 0, `axe on ${what}:\n${describeViolations(violations)}`);
}

test('on a desktop (1280 px) the teacher corrects a phone number the form refused', async (s) => {
  const context = await newContext(s.browser, { ...DESKTOP, bypassCSP: true });
  const page = await context.newPage();
  const problems = watch(page);
  await login(page, TEACHER);
  await clickAndWait(page, page.locator('footer').getByRole('link', { name: '修改個人基本資料' }));
  assertEqual(pathOf(page), '/teacher/profile', 'the footer link');
  assertEqual((await page.locator('#national-id').innerText()).trim(), TEACHER, 'the 身分證字號 shown');
  assert((await page.locator('#not-editable').innerText()).includes('不能在此修改'), 'says what is not editable');
  assertEqual(await page.locator('input[name=national_id], input[name=name]').count(), 0, 'no ID or name input');

  const phone = page.getByLabel('聯絡電話（可留空）');
  await phone.fill('4512345');
  const refused = await clickAndWait(page, page.getByRole('button', { name: '儲存' }));
  assertEqual(refused.status(), 422, 'status of the refused form');
  assertEqual(await phone.getAttribute('aria-invalid'), 'true', 'the phone is marked invalid');
  const described = await phone.getAttribute('aria-describedby');
  assert(described.split(' ').includes('phone-error'), `the error describes the field, got ${described}`);
  assert((await page.locator('#phone-error').innerText()).includes('請加上區碼'), 'the message beside the phone');
  assertEqual(await phone.inputValue(), '4512345', 'what was typed is kept');
  await noViolations(page, 'the refused form');
  await screenshot(page, 'profile-refused-desktop');

  await phone.fill('(03) 451-2345 分機 12');
  await clickAndWait(page, page.getByRole('button', { name: '儲存' }));
  assertEqual(pathOf(page), '/teacher/profile', 'back on the page after saving');
  assert((await flashText(page)).includes('03-4512345#12'), `the flash names the number, got ${await flashText(page)}`);
  assertEqual(await phone.inputValue(), '03-4512345#12', 'the number as stored');
  const file = await screenshot(page, 'profile-desktop');
  console.log(`# screenshot ${file}`);
  // Chromium logs the 422 answer of the refused form as a console error: expected here.
  const unexpected = problems.filter((p) => !/Failed to load resource: .* status of 422/.test(p));
  assert(unexpected.length === 0, `no errors while loading:\n${unexpected.join('\n')}`);
  await context.close();
});

test('on a phone (390 px) the page fits the screen', async (s) => {
  const context = await newContext(s.browser, { ...PHONE, bypassCSP: true });
  const page = await context.newPage();
  const problems = watch(page);
  await login(page, TEACHER);
  await page.goto('/teacher/profile');
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0,
    `no horizontal scrolling: scrollWidth ${overflow.scrollWidth} > clientWidth ${overflow.clientWidth}; ` +
    `sticking out: ${overflow.culprits.join(', ')}`);
  await noViolations(page, 'the page on a phone');
  const file = await screenshot(page, 'profile-phone');
  console.log(`# screenshot ${file}`);
  assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
  await context.close();
});

await run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => {
    sql(`UPDATE teacher SET phone = ${saved === 'NULL' ? 'NULL' : `'${saved}'`} WHERE id = 1`);
    if (s?.browser) await s.browser.close();
  },
});
