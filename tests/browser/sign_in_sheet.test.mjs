// The 簽到表 (研習名單匯出, issue 9) as an organizer prints it: a course of two classes of three
// seats with five approved teachers (one with a long school name) is printed to an A4 PDF
// (page.pdf), one sheet per class, each headed with the course and its class, the six columns
// within the sheet, a 簽名 column wide enough to sign and rows tall enough, and no 身分證字號. The
// PDF's sheets become PNGs (pdftoppm) to look at: sign-in-print-1.png, sign-in-print-2.png. On
// screen at 1280 and 390 px the page reads without sideways scrolling (sign-in-desktop,
// sign-in-phone), and axe-core finds no WCAG 2.1 AA violation.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  DESKTOP, PHONE, SCREENSHOT_DIR, TEST_VAR, assert, assertEqual, describeViolations, horizontalOverflow,
  launch, login, newContext, run, runAxe, screenshot, test, watch, nidValues, nidWhere,
} from './lib.mjs';

function sql(statement) {
  return execFileSync('mariadb', [`--socket=${path.join(TEST_VAR, 'run', 'mysqld.sock')}`, '-uroot', '-N', '-B',
    'inservice', '-e', statement]).toString().trim();
}

const TITLE = '簽到表列印測試研習';
const LONG_SCHOOL = '桃園市桃園區中山國民小學附設幼兒園暨特殊教育資源中心測試分校';
const TEACHERS = [
  { name: '簽到甲', title: '專任教師', unit: 4 }, { name: '簽到乙', title: '導師', unit: 4 },
  { name: '歐陽簽到丙', title: '教務主任', unit: 'long' }, { name: '簽到丁', title: '專任教師', unit: 5 },
  { name: '簽到戊', title: '組長', unit: 4 },
];
const made = { course: null, teachers: [], unit: null };

// The course (approved, two classes of three), its sessions, a school with a long name and the
// five teachers with their approved enrolments, all made in SQL and removed after.
function makeCourse() {
  const code = `598${String(Date.now() % 10000).padStart(4, '0')}`;
  sql(`INSERT INTO unit (code, name, county_id, level, ownership, authority_unit_id) VALUES ('S${code}', '${LONG_SCHOOL}', 3, 'elementary', 'municipal', 2)`);
  made.unit = Number(sql(`SELECT id FROM unit WHERE code = 'S${code}'`));
  sql('INSERT INTO course (code, unit_id, organizer_id, review_unit_id, title, class_kind, cross_school, category_id,'
    + ' subject_area, levels, outline, hours, class_count, seats_per_class, online_seats, seats_taken, enrol_online,'
    + ' contact1_name, contact1_phone, contact1_email, state, first_date, last_date)'
    + ` VALUES ('${code}', 4, 1, 2, '${TITLE}', 'non_credit', TRUE, 1, '國語文', 'elementary', '列印測試。', 9, 2, 3, 6, 5,`
    + ` TRUE, '林承辦', '03-4512345#210', 'organizer@example.edu.tw', 'approved', CURDATE() + INTERVAL 40 DAY, CURDATE() + INTERVAL 41 DAY)`);
  made.course = Number(sql(`SELECT id FROM course WHERE code = '${code}'`));
  sql('INSERT INTO course_session (course_id, session_date, starts_at, ends_at, breaks, place) VALUES'
    + ` (${made.course}, CURDATE() + INTERVAL 40 DAY, '09:00', '16:00', '12:00-13:00', '桃園市立內壢國民中學 圖書館'),`
    + ` (${made.course}, CURDATE() + INTERVAL 41 DAY, '09:00', '12:00', '10:30-10:40', '桃園市立內壢國民中學 圖書館')`);
  TEACHERS.forEach((t, i) => {
    const nid = `Z${1 + (i % 2)}${String(Date.now() % 1e7).padStart(7, '0')}${i}`;
    const unit = t.unit === 'long' ? made.unit : t.unit;
    sql('INSERT INTO teacher (national_id_hmac, national_id_enc, name, gender, birth_date, phone, email, unit_id, title_name, employment, password_hash)'
      + ` VALUES (${nidValues(nid)}, '${t.name}', 'F', '1980-01-0${i + 1}', '0900-000-00${i}', 'sign${i}@example.edu.tw', ${unit}, '${t.title}', 'active', '!')`);
    const id = Number(sql(`SELECT id FROM teacher WHERE ${nidWhere(nid)}`));
    made.teachers.push({ ...t, id, nid });
    sql('INSERT INTO enrolment (course_id, teacher_id, status, created_at, decided_at, approved_at)'
      + ` VALUES (${made.course}, ${id}, 'approved', NOW(3) - INTERVAL ${10 - i} MINUTE, NOW(), NOW())`);
  });
  return code;
}

function removeCourse() {
  if (made.course) {
    sql(`DELETE FROM enrolment WHERE course_id = ${made.course}`);
    sql(`DELETE FROM course_session WHERE course_id = ${made.course}`);
    sql(`DELETE FROM audit_log WHERE object = (SELECT code FROM course WHERE id = ${made.course})`);
    sql(`DELETE FROM course WHERE id = ${made.course}`);
  }
  for (const t of made.teachers) sql(`DELETE FROM teacher WHERE id = ${t.id}`);
  if (made.unit) sql(`DELETE FROM unit WHERE id = ${made.unit}`);
}

// The text of each sheet of a PDF (pdftotext), and its page size in points (pdfinfo).
function sheetsOf(pdf) {
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  const sheets = [];
  for (let i = 1; i <= count; i += 1) {
    sheets.push(execFileSync('pdftotext', ['-layout', '-f', String(i), '-l', String(i), pdf, '-']).toString());
  }
  return { sheets, width: Number(size[1]), height: Number(size[2]) };
}

function pdfToPngs(pdf, stem) {
  for (const f of fs.readdirSync(SCREENSHOT_DIR)) {
    if (new RegExp(`^${stem}-\\d+\\.png$`).test(f)) fs.rmSync(path.join(SCREENSHOT_DIR, f));
  }
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(SCREENSHOT_DIR, stem)]);
  return fs.readdirSync(SCREENSHOT_DIR).filter((f) => new RegExp(`^${stem}-\\d+\\.png$`).test(f)).sort()
    .map((f) => path.join(SCREENSHOT_DIR, f));
}

async function openSheet(browser, options) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const problems = watch(page);
  await login(page, 'organizer');
  const response = await page.goto(`/office/courses/${made.code}/sign-in-sheet`);
  assertEqual(response.status(), 200, 'status of the 簽到表');
  return { context, page, problems };
}

test('printed to A4: one portrait sheet per class, the table within it, room to sign, no 身分證字號', async (s) => {
  const { context, page, problems } = await openSheet(s.browser, DESKTOP);
  try {
    // The print layout, measured with print media (mm at 96 px per inch).
    await page.emulateMedia({ media: 'print' });
    const m = await page.evaluate(() => {
      const mm = (px) => (px * 25.4) / 96;
      return [...document.querySelectorAll('table.sign-in-table')].map((t) => ({
        width: mm(t.getBoundingClientRect().width),
        main: mm(document.querySelector('main').getBoundingClientRect().width),
        sign: mm(t.querySelector('td.sign-in-signature').getBoundingClientRect().width),
        rowHeight: mm(t.tBodies[0].rows[0].getBoundingClientRect().height),
        controls: [...document.querySelectorAll('nav, a.button, button')].filter((e) => e.getClientRects().length).length,
      }));
    });
    assertEqual(m.length, 2, 'tables (two classes)');
    for (const t of m) {
      assert(t.width <= t.main + 0.5, `the table fits the sheet: ${t.width.toFixed(1)} of ${t.main.toFixed(1)} mm`);
      assert(t.sign >= 45, `the 簽名 column is wide enough to sign: ${t.sign.toFixed(1)} mm`);
      assert(t.rowHeight >= 10, `rows are tall enough to sign: ${t.rowHeight.toFixed(1)} mm`);
      assertEqual(t.controls, 0, 'buttons and navigation shown in print');
    }
    await page.emulateMedia({ media: null });  // page.pdf prints with print media, as a browser does

    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pdf = path.join(SCREENSHOT_DIR, 'sign-in-print.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const pngs = pdfToPngs(pdf, 'sign-in-print');
    console.log(`# print ${pngs.join(' ')}`);
    const { sheets, width, height } = sheetsOf(pdf);
    assert(Math.abs(width - 595) < 2 && Math.abs(height - 842) < 2, `A4 portrait, got ${width} x ${height} pts`);
    assertEqual(sheets.length, 2, 'sheets (one per class)');
    const names = [made.teachers.slice(0, 3), made.teachers.slice(3)];
    sheets.forEach((text, i) => {
      assert(text.includes(made.code) && text.includes(TITLE), `sheet ${i + 1} names the course`);
      assert(text.includes('09:00–16:00') && text.includes('桃園市立內壢國民中學 圖書館'),
        `sheet ${i + 1} has the times and the place`);
      assert(text.includes(`第 ${i + 1} 班（共 2 班）`), `sheet ${i + 1} is class ${i + 1}`);
      assert(/序號\s+服務學校\s+職稱\s+姓名\s+簽名\s+備註/.test(text), `sheet ${i + 1} has the six column headings`);
      for (const t of names[i]) assert(text.includes(t.name), `sheet ${i + 1} lists ${t.name}`);
      for (const t of made.teachers) {
        assert(!text.includes(t.nid), `sheet ${i + 1} leaves out ${t.name}'s 身分證字號`);
        assert(!text.includes(`sign${made.teachers.indexOf(t)}@`), `sheet ${i + 1} leaves out e-mail addresses`);
      }
      for (const word of ['研習搜尋', '登出', '研習名單匯出（Excel）']) {
        assert(!text.includes(word), `sheet ${i + 1} does not print ${word}`);
      }
    });
    assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
  } finally {
    await context.close();
  }
});

for (const [device, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`on screen at ${options.viewport.width} px: the classes and their teachers, no sideways scrolling, no axe violations`, async (s) => {
    const { context, page, problems } = await openSheet(s.browser, { ...options, bypassCSP: true });
    try {
      const overflow = await horizontalOverflow(page);
      assert(overflow.over <= 0, `no sideways scrolling at ${options.viewport.width} px; sticking out: ${overflow.culprits.join(', ')}`);
      const text = await page.locator('main').innerText();
      for (const t of made.teachers) assert(text.includes(t.name), `${t.name} on the sheet`);
      assert(await page.getByRole('link', { name: '研習名單匯出（Excel）' }).isVisible(), 'the Excel link on screen');
      console.log(`# screenshot ${await screenshot(page, `sign-in-${device}`)}`);
      const violations = await runAxe(page);
      assertEqual(violations.length, 0, `axe-core violations:\n${describeViolations(violations)}\n— count`);
      assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}

run({
  before: async () => {
    made.code = makeCourse();
    return { browser: await launch() };
  },
  after: async (s) => {
    await s.browser.close();
    removeCourse();
  },
});
