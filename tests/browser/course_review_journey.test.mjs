// The course review journey, through the real forms as people do it by hand (SPEC §3, 第8–12條):
//   1. the organizer registers a 跨校研習 reading course on 研習課程登錄 — without JavaScript,
//      adding and removing a session row with the form's own buttons — and ticks the attribute
//      tag 基本救命術訓練 although the course is about reading;
//   2. the reviewer finds it flagged in 待審課程, returns it with 「A. 請移除屬性標籤」 and a
//      note, and the contact gets a mail (the SMTP sink's folder);
//   3. the organizer reads the reasons, 修改並重新送出審核 without the tag: 課程未確認 again;
//   4. the reviewer approves it (課程確認通過);
//   5. an anonymous visitor reads it at /courses/<code>, on a desktop and on a phone.
// Along the way axe-core checks the course form (blank and with field errors), 研習資料管理,
// the organizer's course page, 待審課程 and the review page for WCAG 2.1 A/AA. Each step needs
// the one before; screenshots of every step are kept in $PORTAL_TEST_VAR/screenshots.
import {
  AXE_TAGS, DESKTOP, PHONE, assert, assertEqual, clickAndWait, describeViolations, flashText,
  horizontalOverflow, launch, login, logout, mailFiles, newContext, pathOf, run, runAxe, screenshot,
  taipeiDate, test, waitForMail, watch,
} from './lib.mjs';

const ORGANIZER = 'organizer';        // 林承辦, 內壢國中; organizer@example.edu.tw
const ORGANIZER_EMAIL = 'organizer@example.edu.tw';
const REVIEWER = 'reviewer';          // 陳審課, reviews 內壢國中's courses
const TAG = '基本救命術訓練';
const REASON = 'A. 請移除屬性標籤';
const NOTE = '本課程為閱讀教學，內容與基本救命術訓練無關，請取消勾選此屬性標籤後重新送出。';
const TAG_FLAG = `屬性標籤「${TAG}」與課程內容不符`;

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);  // unique per run
const SESSION_DATE = taipeiDate(21);     // at least 14 days ahead
const SPARE_DATE = taipeiDate(22);       // the second session row, removed again
const COURSE = {
  title: `閱讀理解策略與提問設計工作坊（${stamp}）`,
  basisDoc: `桃教中字第1150${stamp.slice(-6)}號`,
  category: '教學專業',
  subject: '國語文',
  outline: '一、閱讀理解策略：預測、摘要、提問與推論。\n二、以文本設計層次提問，引導學生深度閱讀。\n三、分組實作：共同備課與教案分享。',
  start: '09:00', end: '11:30', breaks: '10:30-10:40', place: '內壢國中圖書館二樓研討室',
  hours: '3', classCount: '1', seats: '40', onlineSeats: '40',
  opens: `${taipeiDate(1)}T09:00`,
  closes: `${taipeiDate(21 - 2)}T17:00`,
  contactName: '林承辦', contactPhone: '03-4512345#210', contactEmail: ORGANIZER_EMAIL,
};

// What the steps hand on to the next: the course's code once registered.
const journey = { code: null };

function needCode() {
  assert(journey.code, 'no course code: an earlier step of the journey failed');
  return journey.code;
}

function assertNoViolations(violations, where) {
  assert(violations.length === 0,
    `${violations.length} kind(s) of WCAG 2.1 A/AA violation on ${where} (axe tags ${AXE_TAGS.join(', ')}):\n` +
    describeViolations(violations));
}

async function axeCheck(page, where) {
  assertNoViolations(await runAxe(page), where);
}

function assertNoProblems(problems, where) {
  assert(problems.length === 0, `errors while using ${where}:\n${problems.join('\n')}`);
}

async function shot(page, name) {
  console.log(`# screenshot ${await screenshot(page, `journey-${name}`)}`);
}

// A context for a signed-in person: axe is injected as a script, which the site's CSP
// (script-src 'self') refuses without bypassCSP. The pages themselves run no script.
async function personContext(s, device = DESKTOP, options = {}) {
  return newContext(s.browser, { ...device, bypassCSP: true, ...options });
}

// Field errors are shown next to their fields: every input marked aria-invalid names a visible
// .field-error in its aria-describedby, and that message sits in the same .field box.
async function checkFieldErrors(page) {
  const report = await page.evaluate(() => {
    const out = { invalid: [], problems: [] };
    for (const el of document.querySelectorAll('main [aria-invalid="true"]')) {
      out.invalid.push(el.id);
      const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      const errors = ids.map((id) => document.getElementById(id)).filter((e) => e && e.classList.contains('field-error'));
      if (!errors.length) { out.problems.push(`#${el.id} is aria-invalid but names no .field-error`); continue; }
      for (const e of errors) {
        const r = e.getBoundingClientRect();
        if (!r.width || !r.height) out.problems.push(`#${e.id} (the error of #${el.id}) is not visible`);
        const box = el.closest('.field');
        if (!box || !box.contains(e)) out.problems.push(`#${e.id} is not in the same .field as #${el.id}`);
      }
    }
    // Field-level messages that no control points at would be missed by a screen reader.
    for (const e of document.querySelectorAll('main .field-error[id]')) {
      if (!document.querySelector(`[aria-describedby~="${e.id}"]`)) out.problems.push(`#${e.id} is not named by any aria-describedby`);
    }
    return out;
  });
  assert(report.problems.length === 0, `field errors not tied to their fields:\n${report.problems.join('\n')}`);
  return report.invalid;
}

// The values the form shows, to prove a round trip (a session row added or removed, an edit)
// kept what was typed.
async function formValues(page) {
  return page.evaluate(() => {
    const v = (id) => document.getElementById(id)?.value ?? null;
    const checked = (name) => [...document.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
    const category = document.getElementById('category_id');
    return {
      title: v('title'), basisDoc: v('basis_doc'), outline: v('outline').replace(/\r\n/g, '\n'),
      category: category.selectedOptions[0]?.textContent.trim(), subject: v('subject_area'),
      scope: checked('scope')[0], levels: checked('levels'),
      tags: [...document.querySelectorAll('input[name="tags"]:checked')].map((i) => i.closest('label').textContent.trim()),
      hours: v('declared_hours'), classCount: v('class_count'), seats: v('seats_per_class'),
      onlineSeats: v('online_seats'), enrolOnline: document.getElementById('enrol_online').checked,
      opens: v('enrol_opens'), closes: v('enrol_closes'),
      contactName: v('contact1_name'), contactPhone: v('contact1_phone'), contactEmail: v('contact1_email'),
      sessions: [...document.querySelectorAll('.session-row')].map((row) => ({
        date: row.querySelector('[name=session_date]').value, start: row.querySelector('[name=session_start]').value,
        end: row.querySelector('[name=session_end]').value, breaks: row.querySelector('[name=session_breaks]').value,
        place: row.querySelector('[name=session_place]').value,
      })),
    };
  });
}

// Differences are collected in `defects` (reported when the step ends) rather than thrown, so
// that a field the form fails to keep does not hide what the rest of the journey would show.
function compareValues(defects, actual, expected, when) {
  for (const [key, want] of Object.entries(expected)) {
    if (JSON.stringify(actual[key]) !== JSON.stringify(want)) {
      defects.push(`${key} ${when}: expected ${JSON.stringify(want)}, got ${JSON.stringify(actual[key])}`);
    }
  }
}

function assertNoDefects(defects, what) {
  assert(defects.length === 0, `${what}:\n${defects.join('\n')}`);
}

const EXPECTED_FORM = {
  title: COURSE.title, basisDoc: COURSE.basisDoc, outline: COURSE.outline, category: COURSE.category,
  subject: COURSE.subject, scope: 'cross', levels: ['junior_high'], tags: [TAG], hours: COURSE.hours,
  classCount: COURSE.classCount, seats: COURSE.seats, onlineSeats: COURSE.onlineSeats, enrolOnline: true,
  opens: COURSE.opens, closes: COURSE.closes, contactName: COURSE.contactName,
  contactPhone: COURSE.contactPhone, contactEmail: COURSE.contactEmail,
};

async function fillSession(page, index, { date, start, end, breaks, place }) {
  await page.locator(`#session_date_${index}`).fill(date);
  await page.locator(`#session_start_${index}`).fill(start);
  await page.locator(`#session_end_${index}`).fill(end);
  await page.locator(`#session_breaks_${index}`).fill(breaks);
  await page.locator(`#session_place_${index}`).fill(place);
}

// The queue's row for a course, and its flags as text.
async function queueRow(page, code) {
  const row = page.locator(`table.queue tr[data-code="${code}"]`);
  const flags = (await row.count()) ? await row.locator('.flag').allInnerTexts() : null;
  return { row, flags };
}

test('研習課程登錄: blank, then a failed submit shows the errors next to the fields (desktop and phone, axe)', async (s) => {
  for (const [device, label] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const context = await personContext(s, device);
    const page = await context.newPage();
    const problems = watch(page);
    try {
      await login(page, ORGANIZER);
      const blank = await page.goto('/office/courses/new');
      assertEqual(blank.status(), 200, 'status of /office/courses/new');
      assertEqual((await page.locator('h1').innerText()).trim(), '研習課程登錄', 'heading');
      if (label === 'desktop') await axeCheck(page, '/office/courses/new (blank)');
      await shot(page, `1a-form-blank-${label}`);

      // Only a title: everything else the rules require is missing.
      await page.locator('#title').fill(`（未完成）${COURSE.title}`);
      const failed = await clickAndWait(page, page.getByRole('button', { name: '課程資料確定，送出課程確認要求' }));
      assertEqual(failed.status(), 422, 'status of a submit with missing fields');
      assertEqual(pathOf(page), '/office/courses', 'a failed submit stays on the form (POST /office/courses)');
      const summary = page.locator('#form-errors[role=alert]');
      assert(await summary.isVisible(), 'the error summary (role=alert) is shown above the form');
      assert((await summary.innerText()).includes('您輸入的資料都已保留'), 'the summary says what was typed is kept');
      assertEqual(await page.locator('#title').inputValue(), `（未完成）${COURSE.title}`, 'the title typed is kept');
      const invalid = await checkFieldErrors(page);
      for (const id of ['category_id', 'declared_hours', 'seats_per_class']) {
        assert(invalid.includes(id), `#${id} is marked aria-invalid with its message (invalid: ${invalid.join(', ')})`);
      }
      assert(await page.locator('#sessions-error').isVisible(), 'the sessions error is shown in the sessions box');
      const overflow = await horizontalOverflow(page);
      assert(overflow.over <= 0, `no horizontal scrolling at ${label} width; sticking out: ${overflow.culprits.join(', ')}`);
      if (label === 'desktop') await axeCheck(page, '/office/courses/new after a failed submit');
      await shot(page, `1b-form-errors-${label}`);
      // Chromium logs the 422 answer of the failed submit as a console error: expected here.
      assertNoProblems(problems.filter((p) => !/Failed to load resource: .* status of 422/.test(p)),
        `the course form (${label})`);
    } finally {
      await context.close();
    }
  }
}, { timeout: 180_000 });

test('step 1: the organizer registers a 跨校研習 course without JavaScript (session rows added and removed by the form)', async (s) => {
  const context = await newContext(s.browser, { ...DESKTOP, javaScriptEnabled: false });
  const page = await context.newPage();
  const problems = watch(page);
  const defects = [];
  try {
    await login(page, ORGANIZER);
    assertEqual(pathOf(page), '/office', 'the organizer lands on /office');
    // 研習課程登錄, from the header menu as a person would.
    await clickAndWait(page, page.locator('header nav').getByRole('link', { name: '研習課程登錄' }));
    assertEqual(pathOf(page), '/office/courses/new', 'address of 研習課程登錄');

    await page.locator('#title').fill(COURSE.title);
    await page.getByRole('radio', { name: '非學分班' }).check();
    await page.getByRole('radio', { name: /跨校研習/ }).check();
    await page.locator('#category_id').selectOption({ label: COURSE.category });
    await page.locator('#subject_area').fill(COURSE.subject);
    await page.getByRole('checkbox', { name: '國中', exact: true }).check();
    await page.getByRole('checkbox', { name: TAG, exact: true }).check();  // does not fit a reading course
    await page.locator('#basis_doc').fill(COURSE.basisDoc);
    await page.locator('#outline').fill(COURSE.outline);
    assertEqual(await page.locator('.session-row').count(), 1, 'session rows on a blank form');
    assertEqual(await page.locator('#session_date_0').getAttribute('type'), 'date', 'type of the session date');
    assertEqual(await page.locator('#session_start_0').getAttribute('type'), 'time', 'type of the session start');
    await fillSession(page, 0, { date: SESSION_DATE, start: COURSE.start, end: COURSE.end, breaks: COURSE.breaks, place: COURSE.place });
    await page.locator('#declared_hours').fill(COURSE.hours);
    await page.locator('#class_count').fill(COURSE.classCount);
    await page.locator('#seats_per_class').fill(COURSE.seats);
    await page.locator('#enrol_online').check();
    await page.locator('#online_seats').fill(COURSE.onlineSeats);
    assertEqual(await page.locator('#enrol_opens').getAttribute('type'), 'datetime-local', 'type of 開放報名時間');
    await page.locator('#enrol_opens').fill(COURSE.opens);
    await page.locator('#enrol_closes').fill(COURSE.closes);
    await page.locator('#contact1_name').fill(COURSE.contactName);
    await page.locator('#contact1_phone').fill(COURSE.contactPhone);
    await page.locator('#contact1_email').fill(COURSE.contactEmail);

    // 新增一個場次: the form comes back with a second, empty row and everything kept.
    let response = await clickAndWait(page, page.getByRole('button', { name: '新增一個場次' }));
    assertEqual(response.status(), 200, 'status after 新增一個場次');
    assertEqual(await page.locator('.session-row').count(), 2, 'session rows after 新增一個場次');
    compareValues(defects, await formValues(page), EXPECTED_FORM, 'after 新增一個場次');
    assertEqual(await page.locator('#form-errors').count(), 0, 'no error summary after only adding a row');
    await fillSession(page, 1, { date: SPARE_DATE, start: '13:00', end: '16:00', breaks: '', place: '視聽教室' });

    // 刪除第 2 場次: back to the one session typed first.
    response = await clickAndWait(page, page.getByRole('button', { name: '刪除第 2 場次' }));
    assertEqual(response.status(), 200, 'status after 刪除第 2 場次');
    const values = await formValues(page);
    compareValues(defects, values, EXPECTED_FORM, 'after 刪除第 2 場次');
    assertEqual(JSON.stringify(values.sessions),
      JSON.stringify([{ date: SESSION_DATE, start: COURSE.start, end: COURSE.end, breaks: COURSE.breaks, place: COURSE.place }]),
      'the session rows after 刪除第 2 場次');
    // The rows removed no longer count: the note shows the hours of the one session left.
    compareValues(defects, { computedHours: (await page.locator('#computed-hours').innerText()).trim() },
      { computedHours: '3' }, 'after 刪除第 2 場次 (09:00–11:30 with a 10:30-10:40 break)');
    await shot(page, '1c-form-filled-desktop');

    response = await clickAndWait(page, page.getByRole('button', { name: '課程資料確定，送出課程確認要求' }));
    assertEqual(response.status(), 200, 'status of the page after submitting');
    const flash = await flashText(page);
    const m = /研習新增成功.*?(\d{7})/.exec(flash);
    assert(m, `a flash with 研習新增成功 and a 7-digit code, got: ${JSON.stringify(flash)}` +
      (await page.locator('#form-errors').count() ? `\nform errors: ${await page.locator('#form-errors').innerText()}` : ''));
    journey.code = m[1];
    console.log(`# course ${journey.code}: ${COURSE.title}`);
    assertEqual(pathOf(page), `/office/courses/${journey.code}`, 'the new course page');
    assertEqual((await page.locator('#course-code').innerText()).trim(), journey.code, 'the code on the course page');
    assertEqual(await page.locator('#course-state').getAttribute('data-state'), 'unconfirmed', 'state of the new course');
    assertEqual((await page.locator('h1').innerText()).trim(), COURSE.title, 'the course page heading');
    await shot(page, '1d-registered-desktop');
    await logout(page);  // 登出 is a plain POST form too
    assertNoProblems(problems, 'the course form without JavaScript');
    assertNoDefects(defects, 'the course form did not keep what was typed across a round trip');
  } finally {
    await context.close();
  }
}, { timeout: 180_000 });

test('step 2: the reviewer finds the flagged course in 待審課程 and returns it; the contact gets a mail', async (s) => {
  const code = needCode();
  const context = await personContext(s);
  const page = await context.newPage();
  const problems = watch(page);
  try {
    await login(page, REVIEWER);
    assertEqual(pathOf(page), '/review', 'the reviewer lands on the review queue, not an empty office page');
    await clickAndWait(page, page.locator('header nav').getByRole('link', { name: '待審課程' }));
    assertEqual(pathOf(page), '/review', 'address of 待審課程');
    const { row, flags } = await queueRow(page, code);
    assert(flags, `course ${code} is in the queue`);
    assert(flags.some((f) => f.includes(TAG_FLAG)), `the queue flags ${TAG_FLAG}; flags: ${flags.join(' / ')}`);
    await axeCheck(page, '/review');
    await shot(page, '2a-queue-desktop');

    await clickAndWait(page, row.getByRole('link', { name: COURSE.title }));
    assertEqual(pathOf(page), `/review/courses/${code}`, 'the review page of the course');
    const pageFlags = await page.locator('ul.flags li').allInnerTexts();
    assert(pageFlags.some((f) => f.includes(TAG_FLAG)), `the review page flags ${TAG_FLAG}; flags: ${pageFlags.join(' / ')}`);
    assert((await page.locator('.facts').first().innerText()).includes(TAG), 'the tag is listed among the course facts');
    await axeCheck(page, `/review/courses/${code}`);

    await page.getByRole('checkbox', { name: REASON }).check();
    await page.getByLabel(/^說明/).fill(NOTE);
    await shot(page, '2b-review-return-desktop');
    const before = mailFiles();
    await clickAndWait(page, page.getByRole('button', { name: '退回並通知聯絡人' }));
    assertEqual(pathOf(page), '/review', 'back on the queue after 退回');
    const flash = await flashText(page);
    assert(flash.includes(code) && flash.includes('退回'), `a flash saying ${code} was returned, got: ${JSON.stringify(flash)}`);
    assertEqual((await queueRow(page, code)).flags, null, 'the returned course has left the queue');
    await shot(page, '2c-queue-after-return-desktop');
    await axeCheck(page, '/review (after a return)');
    await logout(page);

    const [mail] = await waitForMail((m) => m.subject.includes(code) || m.body.includes(code), { before, timeout: 10_000 });
    console.log(`# mail ${mail.file} to ${mail.to}: ${mail.subject}`);
    assert(mail.to.includes(ORGANIZER_EMAIL), `the mail goes to the contact ${ORGANIZER_EMAIL}, got ${mail.to}`);
    assert(mail.subject.includes(code) && mail.subject.includes('確認未通過'), `the subject names the code and 確認未通過: ${mail.subject}`);
    for (const want of [COURSE.title, REASON, NOTE, `/office/courses/${code}`]) {
      assert(mail.body.includes(want), `the mail's body includes ${want}; body:\n${mail.body}`);
    }
    assertNoProblems(problems, 'the review pages');
  } finally {
    await context.close();
  }
}, { timeout: 120_000 });

test('step 3: the organizer reads the reasons, removes the tag and sends the course again', async (s) => {
  const code = needCode();
  const context = await personContext(s);
  const page = await context.newPage();
  const problems = watch(page);
  const defects = [];
  try {
    await login(page, ORGANIZER);
    await clickAndWait(page, page.locator('header nav').getByRole('link', { name: '研習資料管理' }));
    assertEqual(pathOf(page), '/office/courses', 'address of 研習資料管理');
    await axeCheck(page, '/office/courses');
    const listed = page.locator('main table tbody tr').filter({ hasText: code });
    assertEqual(await listed.count(), 1, `course ${code} listed once in 研習資料管理`);
    assert((await listed.innerText()).includes('課程確認未通過'), `its state reads 課程確認未通過: ${await listed.innerText()}`);
    await shot(page, '3a-office-courses-desktop');

    await clickAndWait(page, listed.getByRole('link', { name: COURSE.title }));
    assertEqual(pathOf(page), `/office/courses/${code}`, 'the organizer\'s course page');
    assertEqual(await page.locator('#course-state').getAttribute('data-state'), 'returned', 'state after the return');
    const reasons = await page.locator('section[aria-labelledby="returned-heading"] ul.reasons li').allInnerTexts();
    assert(reasons.includes(REASON), `the reasons include ${REASON}: ${reasons.join(' / ')}`);
    assert(reasons.includes(NOTE), `the reviewer's note is shown: ${reasons.join(' / ')}`);
    await axeCheck(page, `/office/courses/${code} (returned)`);
    await shot(page, '3b-returned-desktop');

    await clickAndWait(page, page.getByRole('link', { name: '修改並重新送出審核' }));
    assertEqual(pathOf(page), `/office/courses/${code}/edit`, 'the edit form');
    const values = await formValues(page);
    compareValues(defects, values, EXPECTED_FORM, 'on the edit form');
    compareValues(defects, { firstSession: values.sessions[0] },
      { firstSession: { date: SESSION_DATE, start: COURSE.start, end: COURSE.end, breaks: COURSE.breaks, place: COURSE.place } },
      'on the edit form');
    await page.getByRole('checkbox', { name: TAG, exact: true }).uncheck();
    await clickAndWait(page, page.getByRole('button', { name: '課程資料確定，送出課程確認要求' }));
    assertEqual(pathOf(page), `/office/courses/${code}`, 'back on the course page after sending again');
    const flash = await flashText(page);
    assert(flash.includes('重新送出'), `a flash saying it was sent again, got: ${JSON.stringify(flash)}` +
      (await page.locator('#form-errors').count() ? `\nform errors: ${await page.locator('#form-errors').innerText()}` : ''));
    assertEqual(await page.locator('#course-state').getAttribute('data-state'), 'unconfirmed', 'state after sending again');
    assertEqual((await page.locator('#course-state').innerText()).trim(), '課程未確認', 'the state in words');
    assertEqual(await page.locator('section[aria-labelledby="returned-heading"]').count(), 0, 'the reasons box is gone');
    await axeCheck(page, `/office/courses/${code} (sent again)`);
    await shot(page, '3c-resubmitted-desktop');
    await logout(page);
    assertNoProblems(problems, 'the organizer\'s pages');
    assertNoDefects(defects, 'the edit form did not show the course as registered');
  } finally {
    await context.close();
  }
}, { timeout: 120_000 });

test('step 4: the reviewer approves the corrected course (課程確認通過)', async (s) => {
  const code = needCode();
  const context = await personContext(s);
  const page = await context.newPage();
  const problems = watch(page);
  try {
    await login(page, REVIEWER);
    await page.goto('/review');
    const { row, flags } = await queueRow(page, code);
    assert(flags, `course ${code} is back in the queue`);
    assert(!flags.some((f) => f.includes(TAG_FLAG)), `the tag flag is gone; flags: ${flags.join(' / ')}`);
    await clickAndWait(page, row.getByRole('link', { name: COURSE.title }));
    assertEqual(pathOf(page), `/review/courses/${code}`, 'the review page of the course');
    const history = await page.locator('table.history tbody').innerText();
    assert(history.includes(REASON), `the history keeps the earlier return with ${REASON}`);
    await clickAndWait(page, page.getByRole('button', { name: '課程確認通過' }));
    assertEqual(pathOf(page), '/review', 'back on the queue after approving');
    const flash = await flashText(page);
    assert(flash.includes(code) && flash.includes('確認通過'), `a flash saying ${code} was approved, got: ${JSON.stringify(flash)}`);
    assertEqual((await queueRow(page, code)).flags, null, 'the approved course has left the queue');
    await shot(page, '4-approved-desktop');
    await logout(page);
    assertNoProblems(problems, 'the review pages');
  } finally {
    await context.close();
  }
}, { timeout: 120_000 });

test('step 5: anyone reads the approved course at /courses/<code>, on a desktop and on a phone', async (s) => {
  const code = needCode();
  for (const [device, label] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const context = await newContext(s.browser, { ...device, bypassCSP: true });
    const page = await context.newPage();
    const problems = watch(page);
    try {
      const response = await page.goto(`/courses/${code}`);
      assertEqual(response.status(), 200, `status of /courses/${code} for an anonymous visitor`);
      const article = page.locator(`article[data-code="${code}"]`);
      assertEqual(await article.count(), 1, 'the course article');
      assertEqual((await article.locator('h1').innerText()).trim(), COURSE.title, 'the title');
      const meta = await article.locator('.meta').first().innerText();
      // The public sees the enrolment in public words, never the review state (issue 7).
      assert(meta.includes(code) && /報名狀態：(開放報名|已額滿|尚未開放報名|報名截止|不提供線上報名|已結束)/.test(meta) &&
             !meta.includes('課程確認通過'), `code and a public status, not 課程確認通過, shown: ${meta}`);
      const text = await article.innerText();
      assert(!text.includes(TAG), 'the removed tag is not shown');
      assert(text.includes(COURSE.place), 'the session\'s place is shown');
      const overflow = await horizontalOverflow(page);
      assert(overflow.over <= 0, `no horizontal scrolling at ${label} width; sticking out: ${overflow.culprits.join(', ')}`);
      await shot(page, `5-public-${label}`);
      await axeCheck(page, `/courses/${code} (${label})`);
      assertNoProblems(problems, `the public course page (${label})`);
    } finally {
      await context.close();
    }
  }
});

await run({
  before: async () => ({ browser: await launch() }),
  after: async (s) => { if (s?.browser) await s.browser.close(); },
});
