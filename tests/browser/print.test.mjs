// Printing (issue 7, must show 9): the transcript page, a course page for a leave request, the
// review queue and the office's course list as they come out on A4 paper. With print media
// emulated, each page shows no navigation, skip link, button or form control, is black on white,
// keeps its table rows whole and its tables within the page, and is headed by the print-only
// header (site, page title, 列印日期 in the ROC calendar). Real PDFs of /teacher and the course
// page are turned into PNGs (pdftoppm, poppler-utils) and their text checked sheet by sheet; a
// table grown to several sheets repeats the print header and its column headings on each.
// Screen screenshots at 1280 and 390 px show the screen layout did not change.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  DESKTOP, PHONE, SCREENSHOT_DIR, assert, assertEqual, horizontalOverflow, launch, login,
  newContext, run, screenshot, test, watch,
} from './lib.mjs';

const PAGES = [
  { name: 'teacher', account: 'A123456789', url: '/teacher', title: '教師個人化專屬首頁' },
  { name: 'course', account: null, url: '/courses/5600001', title: '素養導向閱讀教學工作坊' },
  { name: 'review', account: 'reviewer', url: '/review', title: '待審課程' },
  { name: 'office-courses', account: 'organizer', url: '/office/courses', title: '研習資料管理' },
];

// A4 less the stylesheet's @page margins (14 mm each side): the width a printed page lays out in.
const A4_CONTENT = { width: Math.floor(((210 - 28) / 25.4) * 96), height: Math.floor(((297 - 30) / 25.4) * 96) };

// 列印日期 as the portal writes it: the database's date (Taiwan time) in the ROC calendar,
// "115/12/02". A minute's grace either side of midnight, for pages cached a few seconds.
function rocDate(msAgo = 0) {
  const iso = new Date(Date.now() - msAgo + 8 * 3600_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return `${Number(y) - 1911}/${m}/${d}`;
}
const TODAYS = [...new Set([rocDate(), rocDate(60_000)])];

async function openAs(browser, p, options) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const problems = watch(page);
  if (p.account) await login(page, p.account);
  const response = await page.goto(p.url);
  assertEqual(response.status(), 200, `status of ${p.url}`);
  return { context, page, problems };
}

function pdfToPngs(pdf, stem) {
  for (const f of fs.readdirSync(SCREENSHOT_DIR)) {
    if (new RegExp(`^${stem}-\\d+\\.png$`).test(f)) fs.rmSync(path.join(SCREENSHOT_DIR, f));
  }
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(SCREENSHOT_DIR, stem)]);
  return fs.readdirSync(SCREENSHOT_DIR).filter((f) => new RegExp(`^${stem}-\\d+\\.png$`).test(f)).sort()
    .map((f) => path.join(SCREENSHOT_DIR, f));
}

// The text of each sheet of a PDF (pdftotext, also poppler-utils).
function sheetsOf(pdf) {
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const sheets = [];
  for (let i = 1; i <= count; i += 1) {
    sheets.push(execFileSync('pdftotext', ['-layout', '-f', String(i), '-l', String(i), pdf, '-']).toString());
  }
  return sheets;
}

// What print media must look like on any of the pages. Returns nothing; throws what is wrong.
async function checkPrintMedia(page, p) {
  const found = await page.evaluate(() => {
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const name = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') +
      (typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
    const controls = [...document.querySelectorAll(
      'nav, .skip, button, a.button, input:not([type=hidden]), select, textarea, .flash')].filter(shown).map(name);
    const header = document.querySelector('.print-header');
    const transparent = (c) => c === 'rgba(0, 0, 0, 0)' || c === 'transparent';
    const wrongColour = [];
    const wrongBackground = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (!shown(el)) continue;
      const cs = getComputedStyle(el);
      const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (hasText && cs.color !== 'rgb(0, 0, 0)') wrongColour.push(`${name(el)} ${cs.color}`);
      if (!transparent(cs.backgroundColor) && cs.backgroundColor !== 'rgb(255, 255, 255)') {
        wrongBackground.push(`${name(el)} ${cs.backgroundColor}`);
      }
      if (cs.backgroundImage !== 'none' || cs.boxShadow !== 'none') wrongBackground.push(`${name(el)} image/shadow`);
    }
    const main = document.querySelector('main');
    const tables = [...document.querySelectorAll('main table')].filter(shown).map((t) => ({
      name: name(t), width: t.getBoundingClientRect().width, mainWidth: main.getBoundingClientRect().width,
      rowsNotAvoiding: [...t.rows].filter((r) => getComputedStyle(r).breakInside !== 'avoid').length,
      rows: t.tBodies[0] ? t.tBodies[0].rows.length : 0,
      headDisplay: t.tHead ? getComputedStyle(t.tHead).display : 'none',
      cellsShown: t.tBodies[0] && t.tBodies[0].rows[0]
        ? [...t.tBodies[0].rows[0].cells].filter(shown).length : 0,
      headsShown: t.tHead ? [...t.tHead.rows[0].cells].filter(shown).length : 0,
    }));
    const clipping = [...document.querySelectorAll('main *')].filter((el) => shown(el) &&
      ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX) &&
      el.scrollWidth > el.clientWidth + 1 && !el.matches('.visually-hidden, caption')).map(name);
    return {
      controls,
      header: header && shown(header) ? header.innerText.replace(/\s+/g, ' ').trim() : null,
      documentTitle: document.title,
      bodyBackground: getComputedStyle(document.body).backgroundColor,
      wrongColour, wrongBackground, tables, clipping,
    };
  });
  assertEqual(found.controls.length, 0, `navigation, buttons and form controls shown in print on ${p.url} (${found.controls.join(', ')}) — count`);
  assert(found.header, `the print header is shown in print on ${p.url}`);
  assert(found.header.includes('全國教師在職進修資訊網'), `the print header names the site, got: ${found.header}`);
  assert(found.header.includes(p.title), `the print header has the page title ${p.title}, got: ${found.header}`);
  assert(found.documentTitle.startsWith(p.title), `the page's own title is ${p.title}, got ${found.documentTitle}`);
  assert(TODAYS.some((d) => found.header.includes(`列印日期 ${d}`)),
    `the print header has 列印日期 ${TODAYS[0]}, got: ${found.header}`);
  assert(['rgb(255, 255, 255)', 'rgba(0, 0, 0, 0)'].includes(found.bodyBackground),
    `the page is white in print, got ${found.bodyBackground}`);
  assertEqual(found.wrongColour.length, 0, `text not black in print on ${p.url} (${found.wrongColour.slice(0, 8).join('; ')}) — count`);
  assertEqual(found.wrongBackground.length, 0, `backgrounds or shadows in print on ${p.url} (${found.wrongBackground.slice(0, 8).join('; ')}) — count`);
  for (const t of found.tables) {
    assertEqual(t.rowsNotAvoiding, 0, `rows of ${t.name} on ${p.url} without break-inside: avoid`);
    assertEqual(t.headDisplay, 'table-header-group', `display of ${t.name}'s thead (repeated on each sheet)`);
    assert(t.width >= t.mainWidth - 1, `${t.name} on ${p.url} is as wide as the page: ${t.width} of ${t.mainWidth} px`);
    if (t.rows) assertEqual(t.cellsShown, t.headsShown, `${t.name}: cells in a row and column headings shown`);
  }
  assert(found.tables.some((t) => t.rows > 0), `${p.url} prints a table with rows`);
  assertEqual(found.clipping.length, 0, `scroll containers clipping content in print on ${p.url} (${found.clipping.join(', ')}) — count`);
  const overflow = await horizontalOverflow(page);
  assert(overflow.over <= 0, `nothing wider than A4 on ${p.url}: ${overflow.scrollWidth} > ${overflow.clientWidth} px; ` +
    `sticking out: ${overflow.culprits.join(', ')}`);
}

for (const p of PAGES) {
  test(`${p.url} in print media: no controls, header with title and 列印日期, black on white, tables whole`, async (s) => {
    const { context, page, problems } = await openAs(s.browser, p, { viewport: A4_CONTENT });
    try {
      await page.emulateMedia({ media: 'screen' });
      assert(!(await page.locator('.print-header').isVisible()), `the print header is hidden on screen on ${p.url}`);
      await page.emulateMedia({ media: 'print' });
      await checkPrintMedia(page, p);
      assert(problems.length === 0, `no errors while loading:\n${problems.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}

test('links: another site\'s address is printed after the link, an in-site link prints no address', async (s) => {
  const { context, page } = await openAs(s.browser, PAGES[1], { viewport: A4_CONTENT });
  try {
    await page.emulateMedia({ media: 'print' });
    // The pages hold no link to another site yet: one is added to see what the stylesheet does.
    const after = await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'https://www.example.gov.tw/leave';
      a.textContent = '請假系統';
      document.querySelector('main').append(a);
      const inSite = document.querySelector('main a[href^="/"], main a[href^="mailto:"]');
      return {
        external: getComputedStyle(a, '::after').content,
        inSite: inSite ? getComputedStyle(inSite, '::after').content : 'none',
      };
    });
    assert(after.external.includes('https://www.example.gov.tw/leave'), `the address follows an external link, got ${after.external}`);
    assert(['none', 'normal'].includes(after.inSite), `no address after an in-site link, got ${after.inSite}`);
  } finally {
    await context.close();
  }
});

for (const p of PAGES.slice(0, 2)) {
  test(`${p.url} as an A4 PDF: PNGs of each sheet, every sheet headed with the title and 列印日期`, async (s) => {
    const { context, page } = await openAs(s.browser, p, DESKTOP);
    try {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const pdf = path.join(SCREENSHOT_DIR, `print-${p.name}.pdf`);
      await page.pdf({ path: pdf, format: 'A4' });
      const pngs = pdfToPngs(pdf, `print-${p.name}`);
      assert(pngs.length >= 1, `pdftoppm made PNGs of ${pdf}`);
      console.log(`# print ${pngs.join(' ')}`);
      const sheets = sheetsOf(pdf);
      sheets.forEach((text, i) => {
        assert(text.includes('全國教師在職進修資訊網') && text.includes(p.title),
          `sheet ${i + 1} of ${p.url} is headed with the site and ${p.title}`);
        assert(TODAYS.some((d) => text.includes(`列印日期 ${d}`)), `sheet ${i + 1} of ${p.url} has 列印日期 ${TODAYS[0]}`);
        for (const word of ['跳到主要內容', '研習搜尋', '登出']) {
          assert(!text.includes(word), `sheet ${i + 1} of ${p.url} does not print the navigation's ${word}`);
        }
      });
      if (p.name === 'teacher') {
        assert(sheets.join('').includes('黃燈'), 'the printed transcript says 黃燈 in words');
      }
    } finally {
      await context.close();
    }
  });
}

test('a table over several sheets repeats the print header and its column headings on each, rows whole', async (s) => {
  const p = PAGES[3];
  const { context, page } = await openAs(s.browser, p, DESKTOP);
  try {
    // The demo unit has a dozen courses (more once other tests have added theirs): the first
    // twelve are repeated to run over several sheets, some rows made tall, the way a busy unit's
    // year would print.
    const { rows, codes } = await page.evaluate(() => {
      const body = document.querySelector('main table tbody');
      const original = [...body.rows].slice(0, 12);
      body.replaceChildren(...original);
      for (let i = 0; i < 6; i += 1) {
        for (const r of original) {
          const copy = r.cloneNode(true);
          if (i % 2) copy.cells[1].append('（延長課程名稱以測試跨頁列印）'.repeat(4));
          body.append(copy);
        }
      }
      return { rows: body.rows.length, codes: [...new Set(original.map((r) => r.cells[0].textContent.trim()))] };
    });
    const pdf = path.join(SCREENSHOT_DIR, 'print-office-courses-long.pdf');
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.pdf({ path: pdf, format: 'A4' });
    const pngs = pdfToPngs(pdf, 'print-office-courses-long');
    console.log(`# print ${pngs.join(' ')}`);
    const sheets = sheetsOf(pdf);
    assert(sheets.length >= 3, `${rows} rows run over at least three sheets, got ${sheets.length}`);
    sheets.forEach((text, i) => {
      assert(text.includes(p.title) && TODAYS.some((d) => text.includes(`列印日期 ${d}`)),
        `sheet ${i + 1} is headed with ${p.title} and 列印日期`);
      assert(/代碼\s+研習名稱\s+日期\s+處理狀態\s+承辦人/.test(text), `sheet ${i + 1} repeats the column headings`);
      assert(!text.includes('功能選擇'), `sheet ${i + 1} leaves out the 功能選擇 column`);
    });
    // Every course code is printed exactly as often as it is in the table: no row lost or split.
    const text = sheets.join('\n');
    const printed = codes.reduce((n, code) => n + text.split(code).length - 1, 0);
    assertEqual(printed, rows, `course codes (${codes.join(' ')}) printed, one per row`);
  } finally {
    await context.close();
  }
});

for (const [device, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`on screen at ${options.viewport.width} px the pages look as before: no print header, no sideways scrolling`, async (s) => {
    for (const p of PAGES) {
      const { context, page, problems } = await openAs(s.browser, p, options);
      try {
        assert(!(await page.locator('.print-header').isVisible()), `no print header on screen on ${p.url}`);
        assert(await page.locator('header nav').isVisible(), `the navigation is shown on screen on ${p.url}`);
        const overflow = await horizontalOverflow(page);
        assert(overflow.over <= 0, `no sideways scrolling on ${p.url} at ${options.viewport.width} px; ` +
          `sticking out: ${overflow.culprits.join(', ')}`);
        const file = await screenshot(page, `print-screen-${p.name}-${device}`);
        console.log(`# screenshot ${file}`);
        assert(problems.length === 0, `no errors while loading ${p.url}:\n${problems.join('\n')}`);
      } finally {
        await context.close();
      }
    }
  });
}

run({
  before: async () => {
    for (const tool of ['pdftoppm', 'pdftotext', 'pdfinfo']) {
      try {
        execFileSync(tool, ['-v'], { stdio: 'ignore' });
      } catch (e) {
        if (e.code === 'ENOENT') throw new Error(`${tool} not found: install poppler-utils (nginx/portalctl install does)`);
      }
    }
    return { browser: await launch() };
  },
  after: async (s) => { await s.browser.close(); },
});
