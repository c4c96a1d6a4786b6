// The 錄取通知 as a teacher meets it (SPEC §11): on a phone, /teacher links it beside an approved
// enrolment; the notice reads on the phone without sideways scrolling; printed on A4 it fits one
// sheet, headed with its title and 列印日期, without buttons or navigation, with the facts a leave
// form needs and the verification code; its check address, opened by anyone, confirms it with a
// masked name. Screenshots: notice-teacher-phone, notice-phone, notice-check-phone and the PNG of
// the printed sheet (print-notice-1.png). axe-core finds no WCAG 2.1 AA violation on either page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  DESKTOP, PHONE, SCREENSHOT_DIR, assert, assertEqual, describeViolations, horizontalOverflow,
  launch, login, newContext, pathOf, run, runAxe, screenshot, test, watch,
} from './lib.mjs';

const TEACHER = 'B223456782';  // 李美玲: approved (自動審核) on 5600013, 桃教資字第1140020202號
const COURSE = '5600013';
const BASIS_DOC = '桃教資字第1140020202號';
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

// The notice's address, from the teacher's homepage row of the course.
async function noticeLink(page) {
  const row = page.locator('tr', { has: page.locator(`a[href="/courses/${COURSE}"]`) });
  assertEqual(await row.count(), 1, `rows of ${COURSE} on /teacher`);
  const link = row.getByRole('link', { name: '錄取通知' });
  assertEqual(await link.count(), 1, `a 錄取通知 link in the row of ${COURSE}`);
  return link;
}

async function noOverflow(page, what) {
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0, `no sideways scrolling on ${what}: ${overflow.scrollWidth} > ${overflow.clientWidth}; ` +
    `sticking out: ${overflow.culprits.join(', ')}`);
}

test('on a phone the teacher finds 錄取通知 beside the approved enrolment and reads it', async (s) => {
  const context = await newContext(s.browser, PHONE);
  const page = await context.newPage();
  const problems = watch(page);
  try {
    await login(page, TEACHER);
    assertEqual(pathOf(page), '/teacher', 'address after logging in');
    const link = await noticeLink(page);
    await link.scrollIntoViewIfNeeded();
    assert(await link.isVisible(), 'the 錄取通知 link is visible on a phone');
    await noOverflow(page, '/teacher');
    console.log(`# screenshot ${await screenshot(page, 'notice-teacher-phone')}`);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
    assert(/^\/teacher\/enrolments\/\d+\/notice$/.test(pathOf(page)), `the notice's address, got ${pathOf(page)}`);
    await noOverflow(page, pathOf(page));
    const text = await page.locator('main').innerText();
    for (const fact of [COURSE, '國中會考數學命題趨勢工作坊', '桃園市立內壢國民中學', BASIS_DOC, '3 小時', '李美玲']) {
      assert(text.includes(fact), `the notice says ${fact}`);
    }
    const code = await page.locator('[data-notice-code]').innerText();
    assert(CODE.test(code), `a verification code in three groups of four, got ${code}`);
    assert(await page.getByRole('link', { name: '下載行事曆檔（.ics）' }).isVisible(), 'the calendar link on screen');
    console.log(`# screenshot ${await screenshot(page, 'notice-phone')}`);
    assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
  } finally {
    await context.close();
  }
});

test('printed on A4 the notice is one sheet with its title, 列印日期, the facts and the code, and nothing to click', async (s) => {
  const context = await newContext(s.browser, DESKTOP);
  const page = await context.newPage();
  try {
    await login(page, TEACHER);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), (await noticeLink(page)).click()]);
    const code = await page.locator('[data-notice-code]').innerText();
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => [...document.querySelectorAll('nav, .skip, button, a.button, .actions, input, .site-footer')]
      .filter((el) => el.getClientRects().length > 0).map((el) => el.tagName.toLowerCase() + '.' + el.className));
    assertEqual(shown.length, 0, `controls, navigation or footer shown in print (${shown.join(', ')}) — count`);
    const header = await page.locator('.print-header').innerText();
    assert(header.includes('研習錄取通知'), `the print header has the title, got ${header}`);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pdf = path.join(SCREENSHOT_DIR, 'print-notice.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    for (const f of fs.readdirSync(SCREENSHOT_DIR).filter((f) => /^print-notice-\d+\.png$/.test(f))) {
      fs.rmSync(path.join(SCREENSHOT_DIR, f));
    }
    execFileSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(SCREENSHOT_DIR, 'print-notice')]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf]).toString())[1]);
    assertEqual(pages, 1, 'sheets of the printed notice');
    console.log(`# print ${path.join(SCREENSHOT_DIR, 'print-notice-1.png')}`);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    for (const fact of ['研習錄取通知', '列印日期', COURSE, BASIS_DOC, '李美玲', '公假', code, `/notices/${code}`]) {
      assert(text.includes(fact), `the printed notice says ${fact}`);
    }
    for (const word of ['下載行事曆檔', '回我的專屬首頁', '登出', '研習搜尋', 'Ctrl+P']) {
      assert(!text.includes(word), `the printed notice leaves out ${word}`);
    }
  } finally {
    await context.close();
  }
});

test('anyone opening the check address reads that the notice is valid, with a masked name', async (s) => {
  const teacher = await newContext(s.browser, { ...DESKTOP, bypassCSP: true });
  const page = await teacher.newPage();
  await login(page, TEACHER);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), (await noticeLink(page)).click()]);
  const check = await page.locator('.verification a').getAttribute('href');
  const violations = await runAxe(page);
  await teacher.close();
  assertEqual(violations.length, 0, `axe violations on the notice:\n${describeViolations(violations)}\ncount`);

  const context = await newContext(s.browser, { ...PHONE, bypassCSP: true });
  const visitor = await context.newPage();
  const problems = watch(visitor);
  try {
    assertEqual((await visitor.goto(check)).status(), 200, `status of ${check}`);
    assertEqual(await visitor.locator('[data-notice]').getAttribute('data-notice'), 'valid', 'data-notice');
    const text = await visitor.locator('main').innerText();
    assert(text.includes('李○玲') && !text.includes('李美玲'), 'the check shows the masked name only');
    assert(text.includes(COURSE), 'the check names the course');
    await noOverflow(visitor, check);
    console.log(`# screenshot ${await screenshot(visitor, 'notice-check-phone')}`);
    const found = await runAxe(visitor);
    assertEqual(found.length, 0, `axe violations on the check:\n${describeViolations(found)}\ncount`);
    assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
  } finally {
    await context.close();
  }
});

run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => { await s.browser.close(); },
});
