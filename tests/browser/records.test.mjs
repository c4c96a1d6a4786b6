// The teacher's 研習紀錄 (issue 9): 王小明 opens it from his homepage on a desktop and a phone,
// reads the years, the totals, the corrected record with its reason and the progress toward the
// mandated hours; the page prints as a transcript (no filters or links); his 研習證明 of the
// corrected record is fetched, checked as text and turned into a PNG (pdftoppm) to be looked at;
// the public /verify page of its code shows the course and not his name; 申請更正 opens its form
// beside a course behind the light. Screenshots are kept in var/test/screenshots.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  DESKTOP, PHONE, SCREENSHOT_DIR, assert, assertEqual, clickAndWait, horizontalOverflow, launch, login,
  newContext, pathOf, run, screenshot, test, watch,
} from './lib.mjs';

const TEACHER = 'A123456789';  // 王小明: records over three years, one corrected (sql/demo.sql)

async function openRecords(browser, options) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const problems = watch(page);
  await login(page, TEACHER);
  await clickAndWait(page, page.getByRole('link', { name: '查看全部研習紀錄、時數統計與研習證明' }));
  assertEqual(pathOf(page), '/teacher/records', 'address of 研習紀錄');
  return { context, page, problems };
}

async function checkRecords(page) {
  assertEqual(await page.locator('h1').innerText(), '研習紀錄', 'heading');
  assert((await page.locator('.transcript-head').innerText()).includes('A12****789'),
    'the transcript head shows the masked 身分證字號');
  assertEqual(await page.locator('section.record-year').count(), 3, 'years with records');
  const correction = page.locator('tr:has-text("親職教育與家庭溝通實務") .correction');
  assert((await correction.innerText()).includes('原 2 小時'), 'the correction shows the old value');
  assertEqual(await page.locator('[data-goal]').count(), 2, 'mandated-hours goals (特殊教育, 家庭教育)');
  assertEqual(await page.locator('[data-total="all-hours"]').innerText(), '26', 'overall hours');
}

test('研習紀錄 at 1280 px: years, totals, a correction and the mandated hours', async (s) => {
  const { context, page, problems } = await openRecords(s.browser, DESKTOP);
  await checkRecords(page);
  console.log(`# screenshot ${await screenshot(page, 'records-desktop')}`);
  // Filtered to the partner's record: one year, one row.
  await page.locator('#source').selectOption('partner');
  await clickAndWait(page, page.getByRole('button', { name: '篩選' }));
  assertEqual(await page.locator('tr[data-record]').count(), 1, 'rows after filtering by 合作網站');
  assert(problems.length === 0, `no errors:\n${problems.join('\n')}`);
  await context.close();
});

test('研習紀錄 at 390 px: no horizontal scrolling, every fact of a record readable', async (s) => {
  const { context, page, problems } = await openRecords(s.browser, PHONE);
  await checkRecords(page);
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0, `no horizontal scrolling; sticking out: ${overflow.culprits.join(', ')}`);
  console.log(`# screenshot ${await screenshot(page, 'records-phone')}`);
  assert(problems.length === 0, `no errors:\n${problems.join('\n')}`);
  await context.close();
});

test('printed, the page is a transcript without filters, links to certificates or buttons', async (s) => {
  const { context, page } = await openRecords(s.browser, DESKTOP);
  await page.emulateMedia({ media: 'print' });
  assertEqual(await page.locator('form.records-filter').isVisible(), false, 'filter form on paper');
  assertEqual(await page.locator('td.row-actions').first().isVisible(), false, 'PDF column on paper');
  // On A4 as the browser prints it: one sheet for 王小明's five records, looked at as a PNG.
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const pdf = path.join(SCREENSHOT_DIR, 'records-print.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')], { stdio: 'ignore' });
  console.log(`# screenshot ${pdf.replace(/\.pdf$/, '.png')}`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  for (const want of ['王小明', 'A12****789', '民國 113 年', '親職教育與家庭溝通實務']) {
    assert(text.includes(want), `the printed transcript says ${want}`);
  }
  assert(!text.includes('下載 CSV'), 'no filter form or CSV link on paper');
  await context.close();
});

test('the certificate of the corrected record is a PDF that reads right and is looked at', async (s) => {
  const { context, page } = await openRecords(s.browser, DESKTOP);
  const href = await page.locator('tr:has-text("親職教育與家庭溝通實務") td.row-actions a').getAttribute('href');
  const response = await page.request.get(href);
  assertEqual(response.status(), 200, 'status of the certificate');
  assertEqual(response.headers()['content-type'], 'application/pdf', 'content type');
  const body = await response.body();
  assertEqual(body.subarray(0, 4).toString(), '%PDF', 'PDF signature');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const pdf = path.join(SCREENSHOT_DIR, 'records-certificate.pdf');
  fs.writeFileSync(pdf, body);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')], { stdio: 'ignore' });
  console.log(`# screenshot ${pdf.replace(/\.pdf$/, '.png')}`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString().replace(/\s+/g, '');
  for (const want of ['研習證明', '王小明', 'A12****789', '親職教育與家庭溝通實務', '5600016', '3小時',
    'DEM0-REC0-0010', '/verify/DEM0-REC0-0010']) {
    assert(text.includes(want), `the certificate says ${want}`);
  }
  await context.close();
});

test('/verify of the certificate shows the course and hours, never the teacher', async (s) => {
  const context = await newContext(s.browser, PHONE);
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto('/verify');
  await page.locator('#code').fill('dem0 rec0 0010');
  await clickAndWait(page, page.getByRole('button', { name: '查驗' }));
  assertEqual(pathOf(page), '/verify/DEM0-REC0-0010', 'address after typing the code loosely');
  const main = await page.locator('main').innerText();
  assert(main.includes('親職教育與家庭溝通實務') && main.includes('3 小時'), 'course and hours shown');
  assert(!main.includes('王小明') && !main.includes('內壢'), 'neither the name nor the unit shown');
  console.log(`# screenshot ${await screenshot(page, 'records-verify-phone')}`);
  assert(problems.length === 0, `no errors:\n${problems.join('\n')}`);
  await context.close();
});

test('申請更正 beside a course behind the light opens its form', async (s) => {
  const context = await newContext(s.browser, PHONE);
  const page = await context.newPage();
  await login(page, TEACHER);
  const links = page.locator('ul.missed a.request-link');
  assertEqual(await links.count(), 2, '申請更正 links beside the two missed courses');
  await clickAndWait(page, links.first());
  assert(/^\/teacher\/enrolments\/\d+\/correction-request$/.test(pathOf(page)), `form address ${pathOf(page)}`);
  assertEqual(await page.locator('textarea#reason').count(), 1, 'the reason field');
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0, `no horizontal scrolling; sticking out: ${overflow.culprits.join(', ')}`);
  console.log(`# screenshot ${await screenshot(page, 'records-correction-phone')}`);
  await context.close();
});

run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => { await s.browser.close(); },
});
