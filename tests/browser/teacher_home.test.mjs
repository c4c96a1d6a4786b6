// A teacher signs in through the login form and reads their homepage (教師個人化專屬首頁):
// the yellow light (黃燈) and the two courses behind it, on a desktop, on a phone and with
// JavaScript turned off. Screenshots of the final pages are kept.
import {
  DESKTOP, PHONE, assert, assertEqual, horizontalOverflow, launch, login, newContext, pathOf, run,
  screenshot, test, watch,
} from './lib.mjs';

const TEACHER = 'A123456789';  // 在職, yellow light: two approved courses missed this year

// What every rendering of the teacher homepage must show.
async function checkTeacherHome(page) {
  assertEqual(pathOf(page), '/teacher', 'address after logging in');
  const light = page.locator('[data-light]');
  assertEqual(await light.count(), 1, 'number of [data-light] elements');
  assertEqual(await light.getAttribute('data-light'), 'yellow', 'data-light');
  const words = await light.innerText();
  assert(words.includes('黃燈'), `the light says 黃燈 in words, got: ${words}`);
  const alt = await light.locator('img').getAttribute('alt');
  assert(alt && alt.includes('黃燈'), `the light's image has 黃燈 as alt text, got: ${alt}`);
  const missed = page.locator('ul.missed > li');
  assertEqual(await missed.count(), 2, 'entries in the missed courses list');
  for (const href of await missed.locator('a:first-child').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    assert(/^\/courses\/\d{7}$/.test(href), `a missed course links to its page, got ${href}`);
  }
}

test('the teacher signs in through the login form and lands on /teacher', async (s) => {
  const context = await newContext(s.browser, DESKTOP);
  const page = await context.newPage();
  const problems = watch(page);
  const response = await login(page, TEACHER);
  assertEqual(response.status(), 200, 'status of the page after logging in');
  await checkTeacherHome(page);
  assertEqual(await page.locator('header nav').getByRole('button', { name: '登出' }).count(), 1,
    'a 登出 button in the header');
  const file = await screenshot(page, 'teacher_home-desktop');
  console.log(`# screenshot ${file}`);
  assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
  await context.close();
});

test('on a phone (390×844) the teacher signs in and reads the light and the missed courses', async (s) => {
  const context = await newContext(s.browser, PHONE);
  const page = await context.newPage();
  const problems = watch(page);
  await login(page, TEACHER);
  await checkTeacherHome(page);
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0,
    `no horizontal scrolling: scrollWidth ${overflow.scrollWidth} > clientWidth ${overflow.clientWidth}; ` +
    `sticking out: ${overflow.culprits.join(', ')}`);
  // The light reads at a glance: not squeezed below a legible size.
  const size = await page.locator('[data-light]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert(size >= 16, `the light's text is at least 16px on a phone, got ${size}px`);
  const file = await screenshot(page, 'teacher_home-phone');
  console.log(`# screenshot ${file}`);
  assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
  await context.close();
});

test('without JavaScript the teacher still signs in, sees the light and signs out', async (s) => {
  const context = await newContext(s.browser, { ...DESKTOP, javaScriptEnabled: false });
  const page = await context.newPage();
  const problems = watch(page);
  await login(page, TEACHER);
  await checkTeacherHome(page);
  await screenshot(page, 'teacher_home-nojs');
  // 登出 is a plain POST form too.
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('header nav').getByRole('button', { name: '登出' }).click(),
  ]);
  assertEqual(pathOf(page), '/', 'address after logging out');
  await page.goto('/teacher');
  assertEqual(pathOf(page), '/login', 'the teacher homepage asks to log in again after logging out');
  assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
  await context.close();
});

await run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => { if (s?.browser) await s.browser.close(); },
});
