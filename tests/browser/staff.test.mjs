// 本單位教師帳號管理 (issue 10): the demo 總負責人 opens it from /office on a desktop and a phone,
// reads the list, one teacher's page with its two forms and its changes, and 教師資料登錄 sent
// empty (nothing registered: the message beside the field). Nothing is changed. Screenshots are
// kept in var/test/screenshots.
import {
  DESKTOP, PHONE, assert, assertEqual, clickAndWait, horizontalOverflow, launch, login, newContext,
  pathOf, run, screenshot, test, watch,
} from './lib.mjs';

async function walk(browser, options, label) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const problems = watch(page);
  await login(page, 'master');
  await clickAndWait(page, page.locator('main').getByRole('link', { name: '本單位教師帳號管理' }));
  assertEqual(pathOf(page), '/office/teachers', 'address of the list');
  assert((await page.locator('tr[data-teacher]').count()) >= 2, 'the unit\'s demo teachers are listed');
  assert((await page.locator('main').innerText()).includes('A12****789'), 'masked 身分證字號');
  const shots = [];
  const check = async (name) => {
    const overflow = await horizontalOverflow(page);
    assert(overflow.over <= 0, `${name}: no horizontal scrolling; sticking out: ${overflow.culprits.join(', ')}`);
    shots.push(await screenshot(page, `staff-${name}-${label}`));
  };
  await check('list');
  await clickAndWait(page, page.getByRole('link', { name: '王小明' }));
  assertEqual(await page.locator('h1').innerText(), '王小明', 'teacher page heading');
  assertEqual(await page.locator('#employment-status').innerText(), '在職', 'status');
  await check('teacher');
  await page.goto('/office/teachers/new');
  await clickAndWait(page, page.getByRole('button', { name: '登錄' }));
  assert((await page.locator('#national_id-error').innerText()).length > 0, 'the empty 身分證字號 is named');
  await check('new');
  for (const s of shots) console.log(`# screenshot ${s}`);
  // Chromium logs the 422 answer of the empty submit as a console error: expected here.
  const unexpected = problems.filter((p) => !/Failed to load resource: .* status of 422/.test(p));
  assert(unexpected.length === 0, `no errors:\n${unexpected.join('\n')}`);
  await context.close();
}

test('本單位教師帳號管理 at 1280 px', async (s) => walk(s.browser, DESKTOP, 'desktop'));
test('本單位教師帳號管理 at 390 px: no horizontal scrolling', async (s) => walk(s.browser, PHONE, 'phone'));

run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => { await s.browser.close(); },
});
