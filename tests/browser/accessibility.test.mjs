// WCAG 2.1 AA (Taiwan 無障礙 AA) with axe-core on the public pages, the login page with its
// error messages, the teacher's and the organizer's homepages, 研習紀錄, 研習證明查驗 and
// 屬性標籤應修時數, and the pages of 公佈欄, 問答集, 下載專區, 研習資訊訂閱, 專長 and 意見交流 with their
// administration; and at a phone's width (390 px) no page scrolls sideways. A phone screenshot of each page is kept.
import {
  AXE_TAGS, DESKTOP, PHONE, assert, describeViolations, horizontalOverflow, launch, login,
  newContext, pathOf, run, runAxe, screenshot, test,
} from './lib.mjs';

// Each page: how to reach it in a fresh context (own cookies), and what shows it is the right one.
const PAGES = [
  { name: 'home', label: '/', open: (page) => page.goto('/') },
  { name: 'search', label: '/courses', open: (page) => page.goto('/courses') },
  {
    name: 'search-q', label: '/courses?q=閱讀',
    open: (page) => page.goto('/courses?q=' + encodeURIComponent('閱讀')),
    check: async (page) => {
      const total = Number(await page.locator('#total').innerText());
      assert(total > 0, `the search for 閱讀 finds courses (got ${total})`);
    },
  },
  {
    name: 'course', label: '/courses/5600001', open: (page) => page.goto('/courses/5600001'),
    check: async (page) => assert(await page.locator('[data-code="5600001"]').count() === 1, 'course 5600001 shown'),
  },
  { name: 'login', label: '/login', open: (page) => page.goto('/login') },
  { name: 'signup', label: '/signup', open: (page) => page.goto('/signup') },
  {
    name: 'signup-refused', label: '/signup sent empty',
    open: async (page) => {
      await page.goto('/signup');
      const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '送出申請' }).click()]);
      return response;
    },
    check: async (page) => assert(await page.locator('#national_id-error').isVisible(), 'the ID field error is shown'),
  },
  { name: 'password-forgot', label: '/password/forgot', open: (page) => page.goto('/password/forgot') },
  {
    name: 'login-failed', label: '/login after a wrong password',
    open: (page) => login(page, 'no-such-account', 'not-the-password'),
    check: async (page) => {
      const error = page.locator('#form-error');
      assert(await error.isVisible(), 'the form-level error message is shown');
      assert((await error.innerText()).includes('帳號或密碼錯誤'), 'it says 帳號或密碼錯誤');
    },
  },
  {
    name: 'login-invalid', label: '/login after a bad 身分證字號 and no password',
    open: (page) => login(page, 'A123456780', ''),
    check: async (page) => {
      assert(await page.locator('#account-error').isVisible(), 'the account field error is shown');
      assert(await page.locator('#password-error').isVisible(), 'the password field error is shown');
      assert(await page.locator('#account[aria-invalid="true"]').count() === 1, 'the account field is marked invalid');
    },
  },
  {
    name: 'teacher', label: '/teacher (A123456789)', open: (page) => login(page, 'A123456789'),
    check: async (page) => assert(pathOf(page) === '/teacher', `landed on /teacher, not ${pathOf(page)}`),
  },
  {
    name: 'office', label: '/office (organizer)', open: (page) => login(page, 'organizer'),
    check: async (page) => assert(pathOf(page) === '/office', `landed on /office, not ${pathOf(page)}`),
  },
  {
    name: 'records', label: '/teacher/records (A123456789)',
    open: async (page) => { await login(page, 'A123456789'); return page.goto('/teacher/records'); },
    check: async (page) => assert(await page.locator('section.record-year').count() > 0, 'records by year shown'),
  },
  {
    name: 'verify', label: '/verify/DEM0-REC0-0009 (a corrected record)',
    open: (page) => page.goto('/verify/DEM0-REC0-0009'),
    check: async (page) => assert(await page.locator('[data-record="corrected"]').count() === 1, 'says it was corrected'),
  },
  {
    name: 'unit-accounts', label: '/units/accounts?q=034525',
    open: (page) => page.goto('/units/accounts?q=034525'),
    check: async (page) => assert(await page.locator('tr.account').count() === 2, 'the school\'s two accounts shown'),
  },
  {
    name: 'unit-accounts-choose', label: '/units/accounts?q=內壢 (several schools)',
    open: (page) => page.goto('/units/accounts?q=' + encodeURIComponent('內壢')),
    check: async (page) => assert(await page.locator('[data-result="choose"] li').count() === 3, 'three to pick: 內壢國中, 內壢國小 and 內壢幼兒園'),
  },
  {
    name: 'organisation', label: '/organisation',
    open: (page) => page.goto('/organisation'),
    check: async (page) => assert(await page.locator('section.review-unit').count() === 4, 'four review units'),
  },
  {
    name: 'tags', label: '/admin/tags (admin)',
    open: async (page) => { await login(page, 'admin'); return page.goto('/admin/tags'); },
  },
  // The pages of issue 11: 公佈欄, 問答集, 下載專區, 研習資訊訂閱, 專長, 意見交流, and their administration.
  { name: 'bulletin', label: '/bulletin', open: (page) => page.goto('/bulletin') },
  {
    name: 'bulletin-post', label: 'a 公佈欄 post',
    open: async (page) => {
      await page.goto('/bulletin');
      return page.goto(await page.locator('main ul.bulletins a').first().getAttribute('href'));
    },
    check: async (page) => assert(pathOf(page).startsWith('/bulletin/'), `a post's page, not ${pathOf(page)}`),
  },
  { name: 'faq', label: '/faq?q=報名', open: (page) => page.goto('/faq?q=' + encodeURIComponent('報名')) },
  { name: 'downloads', label: '/downloads', open: (page) => page.goto('/downloads') },
  ...[['/teacher/subscriptions', 'A123456789'], ['/teacher/specialties', 'A123456789'], ['/feedback', 'A123456789'],
    ['/feedback/1', 'A123456789'], ['/office/specialties', 'master'], ['/admin/bulletin', 'admin'],
    ['/admin/bulletin/new', 'admin'], ['/admin/faq/new', 'admin'], ['/admin/downloads', 'admin'],
    ['/admin/feedback', 'admin'], ['/admin/feedback/2', 'admin'], ['/admin/specialties', 'admin']].map(([path, who]) => ({
    name: path.slice(1).replace(/\//g, '-'), label: `${path} (${who})`,
    open: async (page) => { await login(page, who); return page.goto(path); },
    check: async (page) => assert(pathOf(page) === path, `stayed on ${path}, not ${pathOf(page)}`),
  })),
];

async function openPage(s, p, device) {
  // bypassCSP only here: axe is injected as a script, which the site's CSP (script-src 'self')
  // would refuse. The pages themselves run no script.
  const context = await newContext(s.browser, { ...device, bypassCSP: true });
  const page = await context.newPage();
  const response = await p.open(page);
  assert(response && response.status() < 500, `${p.label} answered ${response && response.status()}`);
  if (p.check) await p.check(page);
  return { context, page };
}

function assertNoViolations(violations, where) {
  assert(violations.length === 0,
    `${violations.length} kind(s) of WCAG 2.1 A/AA violation on ${where} (axe tags ${AXE_TAGS.join(', ')}):\n` +
    describeViolations(violations));
}

for (const p of PAGES) {
  test(`axe finds no WCAG 2.1 AA violation on ${p.label} at 1280 px`, async (s) => {
    const { context, page } = await openPage(s, p, DESKTOP);
    try {
      assertNoViolations(await runAxe(page), `${p.label} (1280 px)`);
    } finally {
      await context.close();
    }
  });

  test(`${p.label} at 390 px: no horizontal scroll, no axe violation`, async (s) => {
    const { context, page } = await openPage(s, p, PHONE);
    try {
      await screenshot(page, `a11y-${p.name}-phone`);
      const overflow = await horizontalOverflow(page);
      const problems = [];
      if (overflow.over > 0) {
        problems.push(`scrolls sideways: scrollWidth ${overflow.scrollWidth} > clientWidth ` +
          `${overflow.clientWidth}; sticking out: ${overflow.culprits.join(', ')}`);
      }
      const violations = await runAxe(page);
      if (violations.length) {
        problems.push(`${violations.length} kind(s) of WCAG 2.1 A/AA violation:\n${describeViolations(violations)}`);
      }
      assert(problems.length === 0, problems.join('\n'));
    } finally {
      await context.close();
    }
  });
}

await run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => { if (s?.browser) await s.browser.close(); },
});
