// 抽籤 as people meet it (issue 8): anyone opens the draw of 5600015 (drawn yesterday) on a phone
// and at 1280 px and reads the seed and the order without sideways scrolling; 王小明 sees his
// application to 5600017 waiting for the draw with his 抽籤編號, and a teacher who has not applied
// the lottery's form; the organizer chooses 抽籤 and its time in 線上報名設定 of a course not yet
// open. Screenshots: lottery-drawn-desktop, lottery-drawn-phone, lottery-mine-phone,
// lottery-form-phone, lottery-settings-phone. axe-core finds no WCAG 2.1 AA violation.
import {
  DESKTOP, PHONE, assert, assertEqual, describeViolations, horizontalOverflow, launch, login, newContext,
  run, runAxe, screenshot, test, watch,
} from './lib.mjs';

async function noOverflow(page, what) {
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0, `no sideways scrolling on ${what}: ${overflow.scrollWidth} > ${overflow.clientWidth}; ` +
    `sticking out: ${overflow.culprits.join(', ')}`);
}

for (const [label, device] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`on a ${label} anyone reads the seed and the draw order of 5600015`, async (s) => {
    const context = await newContext(s.browser, { ...device, bypassCSP: true });
    const page = await context.newPage();
    const problems = watch(page);
    try {
      assertEqual((await page.goto('/courses/5600015')).status(), 200, 'status of /courses/5600015');
      const block = page.locator('section.lottery');
      assertEqual(await block.getAttribute('data-draw'), 'drawn', 'data-draw');
      await block.locator('summary').click();
      assert(/^[A-Za-z0-9_-]{43}$/.test(await page.locator('#draw-seed').innerText()), 'the seed is shown');
      assertEqual(await page.locator('table.draw-order tbody tr').count(), 4, 'rows of the draw order');
      await block.scrollIntoViewIfNeeded();
      await noOverflow(page, '/courses/5600015');
      console.log(`# screenshot ${await screenshot(page, `lottery-drawn-${label}`)}`);
      const violations = await runAxe(page);
      assertEqual(violations.length, 0, `axe violations:\n${describeViolations(violations)}\ncount`);
      assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}

test('on a phone 王小明 sees his application waiting for the draw and another teacher the form', async (s) => {
  for (const [account, shot, expected] of [['A123456789', 'lottery-mine-phone', '待抽籤'],
    ['H223456788', 'lottery-form-phone', '本研習以抽籤分配名額']]) {
    const context = await newContext(s.browser, PHONE);
    const page = await context.newPage();
    const problems = watch(page);
    try {
      await login(page, account);
      await page.goto('/courses/5600017');
      const box = page.locator('section.enrolment-box');
      assert((await box.innerText()).includes(expected), `${account} reads ${expected}`);
      if (account === 'A123456789') {
        assertEqual(await box.locator('[data-enrolment-status]').getAttribute('data-enrolment-status'), 'pending',
          'data-enrolment-status');
        assert(/^\d+$/.test(await box.locator('.draw-reference').innerText()), 'his 抽籤編號');
      } else {
        assert(await box.getByRole('button', { name: '報名' }).isVisible(), 'the 報名 button');
      }
      await box.scrollIntoViewIfNeeded();
      await noOverflow(page, `/courses/5600017 as ${account}`);
      console.log(`# screenshot ${await screenshot(page, shot)}`);
      assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
    } finally {
      await context.close();
    }
  }
});

test('on a phone the organizer chooses 抽籤 and its time for a course not yet open', async (s) => {
  const context = await newContext(s.browser, { ...PHONE, bypassCSP: true });
  const page = await context.newPage();
  const problems = watch(page);
  try {
    await login(page, 'organizer');
    assertEqual((await page.goto('/office/courses/5600002/enrolment-settings')).status(), 200, 'status');
    await page.locator('input[name=seat_mode][value=lottery]').check();
    await page.locator('#draw_at').scrollIntoViewIfNeeded();
    assert(await page.locator('#draw_at').isVisible(), 'the draw time field');
    await noOverflow(page, '線上報名設定');
    console.log(`# screenshot ${await screenshot(page, 'lottery-settings-phone')}`);
    const violations = await runAxe(page);
    assertEqual(violations.length, 0, `axe violations:\n${describeViolations(violations)}\ncount`);
    assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
  } finally {
    await context.close();
  }
});

run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => { await s.browser.close(); },
});
