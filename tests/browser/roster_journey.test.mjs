// From the sign-in sheet to the hours (SPEC §5), by hand as people do it: the organizer opens
// 編輯研習教師資料 of 5600014 (ended, three approved applicants) from the course page, converts
// the applicants, adds a walk-in from an XLSX (made by python3-openpyxl), marks 周怡君 請假 for 2
// of the 6 hours, checks the per-session grid and submits;
// the reviewer finds the roster in the queue, reads the warning beside 周怡君 and approves; 周怡君
// sees the 4 hours in her 研習紀錄 and opens its 研習證明 (a PDF, turned into a PNG to look at). Screenshots at 1280 px and 390 px: roster-*,
// review-roster-*, attendance-grid-phone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DESKTOP, PHONE, SCREENSHOT_DIR, assert, assertEqual, clickAndWait, flashText, horizontalOverflow, launch, login,
  logout, newContext, pathOf, run, screenshot, test, watch,
} from './lib.mjs';

const COURSE = '5600014';
const ROSTER = `/office/courses/${COURSE}/roster`;

async function noOverflow(page, what) {
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0, `no sideways scrolling on ${what}: ${overflow.scrollWidth} > ${overflow.clientWidth}; ` +
    `sticking out: ${overflow.culprits.join(', ')}`);
}

function lineOf(page, name) {
  return page.locator('#roster-lines tbody tr', { hasText: name });
}

test('the organizer fills the roster from enrolments, marks a leave, and submits it', async (s) => {
  const context = await newContext(s.browser, DESKTOP);
  const page = await context.newPage();
  const problems = watch(page);
  try {
    await login(page, 'organizer');
    await page.goto(`/office/courses/${COURSE}`);
    await clickAndWait(page, page.getByRole('link', { name: '編輯研習教師資料' }));
    assertEqual(pathOf(page), ROSTER, 'address of 編輯研習教師資料');
    assertEqual(await page.locator('#line-count').innerText(), '0', 'lines before converting');
    await clickAndWait(page, page.getByRole('button', { name: /全部轉換/ }));
    assert((await flashText(page)).includes('已將 3 位'), `the flash says three came in, got ${await flashText(page)}`);
    assertEqual(await page.locator('#line-count').innerText(), '3', 'lines after converting');
    assertEqual(await page.locator('#unit-total').innerText(), '18 小時', 'hours of three full attendances');
    console.log(`# screenshot ${await screenshot(page, 'roster-desktop')}`);

    // 吳建宏 came without enrolling: he arrives in an XLSX made by openpyxl, as Excel would save it.
    const xlsx = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-')), '簽到名單.xlsx');
    execFileSync('/usr/bin/python3', ['-c', [
      'import openpyxl, sys', 'book = openpyxl.Workbook()', 'sheet = book.active',
      'sheet.append(["身分證字號", "姓名", "時數"])', 'sheet.append(["E123456783", "吳建宏", 6])',
      'sheet.append(["E123456780", "檢查碼錯", 6])', 'book.save(sys.argv[1])'].join('\n'), xlsx]);
    await page.locator('#file').setInputFiles(xlsx);
    await clickAndWait(page, page.getByRole('button', { name: '上傳並檢查' }));
    const report = page.locator('#upload-report');
    assert(await report.isVisible(), 'the upload report is shown');
    assertEqual(await report.locator('tr[data-verdict="accepted"]').count(), 1, 'rows accepted');
    assertEqual(await report.locator('tr[data-verdict="invalid_national_id"]').count(), 1, 'rows refused for the check digit');
    assertEqual(await page.locator('#line-count').innerText(), '4', 'lines after the upload');
    console.log(`# screenshot ${await screenshot(page, 'roster-upload-report')}`);

    await clickAndWait(page, lineOf(page, '周怡君').getByRole('link', { name: '修改' }));
    await page.getByRole('radio', { name: '請假' }).check();
    await page.getByLabel(/缺席時數/).fill('2');
    await clickAndWait(page, page.getByRole('button', { name: '儲存' }));
    assertEqual(pathOf(page), ROSTER, 'back on the roster after saving the line');
    assertEqual(await lineOf(page, '周怡君').getAttribute('data-units'), '4', '周怡君 earns 4 of 6 hours');
    assert((await lineOf(page, '周怡君').innerText()).includes('請假（缺 2 小時）'), 'the line says 請假 and the hours missed');

    // Two sessions: the per-session grid is offered and shows the leave as it stands.
    await clickAndWait(page, page.getByRole('link', { name: /逐場登錄出席/ }));
    assertEqual(await page.locator('.attendance-grid tbody tr').count(), 4, 'rows of the grid');
    await clickAndWait(page, page.getByRole('link', { name: '回等待核發時數名單' }));

    await clickAndWait(page, page.getByRole('button', { name: '研習時數核對無誤，送出名單確認要求' }));
    assertEqual(await page.locator('#course-state').getAttribute('data-state'), 'roster_submitted', 'state after submitting');
    assert(await page.locator('#roster-frozen').isVisible(), 'the page says the roster is frozen');
    assertEqual(await page.getByRole('button', { name: /全部轉換|加入名單|送出名單/ }).count(), 0, 'no write action left');
    assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
    await logout(page);
  } finally {
    await context.close();
  }
});

test('on a phone the roster and its grid read without sideways scrolling', async (s) => {
  const context = await newContext(s.browser, PHONE);
  const page = await context.newPage();
  try {
    await login(page, 'organizer');
    await page.goto('/office/courses/5600006/roster');  // returned with reasons: still open
    assert((await page.locator('main').innerText()).includes('名單確認未通過'), 'the return reasons on top');
    await noOverflow(page, '5600006 roster');
    console.log(`# screenshot ${await screenshot(page, 'roster-phone')}`);
    await page.goto('/office/courses/5600006/roster/attendance');
    console.log(`# screenshot ${await screenshot(page, 'attendance-grid-phone')}`);
  } finally {
    await context.close();
  }
});

test('the reviewer finds the roster, reads the warning and approves it; the teacher has the hours', async (s) => {
  for (const [options, suffix] of [[PHONE, 'phone'], [DESKTOP, 'desktop']]) {
    const context = await newContext(s.browser, options);
    const page = await context.newPage();
    try {
      await login(page, 'reviewer');
      assertEqual(pathOf(page), '/review', 'the reviewer lands on the queue');
      const row = page.locator(`tr[data-roster="${COURSE}"]`);
      assertEqual(await row.count(), 1, `${COURSE} in the queue of rosters`);
      await clickAndWait(page, row.getByRole('link'));
      const text = await page.locator('#roster-lines').innerText();
      assert(text.includes('核發少於課程時數（請假）'), 'the warning beside the leave');
      if (suffix === 'phone') await noOverflow(page, 'the review of a roster');
      console.log(`# screenshot ${await screenshot(page, `review-roster-${suffix}`)}`);
      if (suffix === 'desktop') {
        await clickAndWait(page, page.getByRole('button', { name: '名單確認通過' }));
        assert((await flashText(page)).includes('核發 4 筆研習紀錄'), `the flash counts the records, got ${await flashText(page)}`);
        assertEqual(await page.locator(`tr[data-roster="${COURSE}"]`).count(), 0, 'the roster left the queue');
      }
    } finally {
      await context.close();
    }
  }
  const context = await newContext(s.browser, DESKTOP);
  const page = await context.newPage();
  try {
    await login(page, 'H223456788');
    await page.goto('/teacher/records');
    const row = page.locator('tr', { hasText: '差異化教學與學習共同體實作' });
    assertEqual(await row.count(), 1, 'the course among her 研習紀錄');
    assert((await row.innerText()).includes('4'), `her 4 hours on the line, got ${await row.innerText()}`);
    console.log(`# screenshot ${await screenshot(page, 'roster-teacher-records')}`);
    // Her 研習證明 of it: a PDF that says the course and the 4 hours, looked at as a PNG.
    const response = await page.request.get(await row.locator('td.row-actions a').getAttribute('href'));
    assertEqual(response.headers()['content-type'], 'application/pdf', 'content type of the certificate');
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pdf = path.join(SCREENSHOT_DIR, 'roster-certificate.pdf');
    fs.writeFileSync(pdf, await response.body());
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
    console.log(`# screenshot ${pdf.replace(/\.pdf$/, '.png')}`);
    const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, '');
    for (const want of ['研習證明', '周怡君', COURSE, '差異化教學與學習共同體實作', '4小時']) {
      assert(text.includes(want), `the certificate says ${want}`);
    }
  } finally {
    await context.close();
  }
});

run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => s.browser.close(),
});
