// What people do with the keyboard alone: Enter in a field of 研習課程登錄 submits the course (it
// used to press the first button of the form, 「刪除第 1 場次」, and lose the session typed).
import {
  DESKTOP, assert, assertEqual, launch, login, newContext, pathOf, run, screenshot, test, watch,
} from './lib.mjs';

function daysAhead(n) {
  const d = new Date(Date.now() + n * 86400_000);
  return d.toISOString().slice(0, 10);
}

test('Enter in the title of 研習課程登錄 submits the form and keeps the first session', async (s) => {
  const context = await newContext(s.browser, DESKTOP);
  const page = await context.newPage();
  const problems = watch(page);
  await login(page, 'organizer');
  await page.goto(new URL('/office/courses/new', page.url()).toString());
  await page.fill('#session_date_0', daysAhead(30));
  await page.fill('#session_start_0', '09:00');
  await page.fill('#session_end_0', '12:00');
  await page.fill('#session_place_0', '本校會議室');
  // The title is left incomplete on purpose: the submit is refused and the form comes back.
  await page.fill('#title', '');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.press('#title', 'Enter'),
  ]);
  const posted = new URLSearchParams(response.request().postData() || '');
  assertEqual(posted.get('action'), 'submit', 'the button Enter pressed');
  await page.waitForLoadState('load');
  assertEqual(pathOf(page), '/office/courses', 'the form posted to its own address');
  assertEqual(response.status(), 422, 'a title is required: the form comes back');
  assertEqual(await page.inputValue('#session_date_0'), daysAhead(30), 'session 1 is still there');
  assertEqual(await page.inputValue('#session_place_0'), '本校會議室', 'its place is kept');
  assert(await page.locator('#title-error').isVisible(), 'the title error is beside the title');
  const file = await screenshot(page, 'keyboard-enter-submits');
  console.log(`# screenshot ${file}`);
  // The refused submit itself is the one 422 the browser reports.
  const unexpected = problems.filter((p) => !p.includes('status of 422'));
  assert(unexpected.length === 0, `no errors while loading:\n${unexpected.join('\n')}`);
  await context.close();
});

await run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => { if (s?.browser) await s.browser.close(); },
});
